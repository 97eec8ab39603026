import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request, as plain values.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    /// Header names as written; a transport sends them as they are.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String, url: URL, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response, as plain values: the status, the headers and every byte of the body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of a header, whatever the case of its name.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.key.lowercased() == wanted }?.value
    }
}

/// Why a request got no complete answer. Each description is one line.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer within `seconds`.
    case timeout(url: String, seconds: Double)
    /// No connection, or it broke before an answer came: the reason as the system gave it.
    case connectionFailed(url: String, reason: String)
    /// The answer announced `expected` bytes (Content-Length) but only `received` came.
    case bodyCutShort(url: String, expected: Int, received: Int)

    public var description: String {
        switch self {
        case let .timeout(url, seconds):
            "no answer from \(url) within \(Self.seconds(seconds)) s"
        case let .connectionFailed(url, reason):
            "could not reach \(url): \(reason)"
        case let .bodyCutShort(url, expected, received):
            expected >= 0
                ? "the answer from \(url) was cut short: \(received) of \(expected) bytes arrived"
                : "the answer from \(url) was cut short after \(received) bytes"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// Sends one request and waits for the whole answer. Synchronous: the REPL is.
public protocol HTTPTransport {
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}

/// An `HTTPTransport` on URLSession (libcurl on Linux), made synchronous: the calling thread
/// waits while URLSession's delegate queue gathers the answer. Safe to share between threads.
///
/// `timeout` is an inactivity timeout (no answer, or no new bytes, for that long) measured here,
/// to the millisecond: Linux's URLSession rounds its own timeouts down to whole seconds.
public final class URLSessionTransport: HTTPTransport, Sendable {
    /// Seconds without any answer (or without any new bytes) before a request is given up.
    public let timeout: TimeInterval
    /// Seconds a whole request may take, however steadily bytes arrive.
    public let resourceTimeout: TimeInterval
    private let session: URLSession
    private let tasks: TaskTable

    public init(timeout: TimeInterval = 60, resourceTimeout: TimeInterval = 900) {
        self.timeout = max(0.001, timeout)
        self.resourceTimeout = max(resourceTimeout, timeout)
        let configuration = URLSessionConfiguration.ephemeral
        // URLSession's own limits only as a backstop; `send` watches for inactivity itself.
        configuration.timeoutIntervalForRequest = self.resourceTimeout + 1
        configuration.timeoutIntervalForResource = self.resourceTimeout + 1
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        tasks = TaskTable()
        session = URLSession(configuration: configuration, delegate: tasks, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty {
            urlRequest.httpBody = Data(request.body)
        }
        let url = request.url.absoluteString
        let task = session.dataTask(with: urlRequest)
        let exchange = tasks.register(task)
        defer { tasks.remove(task) }
        task.resume()

        let started = Date()
        let slice = min(0.1, max(0.005, timeout / 10))
        while exchange.done.wait(timeout: .now() + slice) == .timedOut {
            if exchange.idleSeconds >= timeout || Date().timeIntervalSince(started) >= resourceTimeout {
                task.cancel()
                throw .timeout(url: url, seconds: timeout)
            }
        }
        let result = exchange.result
        let body = result.data
        let http = result.response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] {
            headers[String(describing: key)] = String(describing: value)
        }
        let response = HTTPResponse(status: http?.statusCode ?? 0, headers: headers, body: body)
        // A compressed answer is decoded on the way, so its length cannot be compared.
        let announced = response.header("Content-Encoding") == nil || response.header("Content-Encoding") == "identity"
            ? response.header("Content-Length").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            : nil
        if let error = result.error {
            throw Self.transportError(error, url: url, timeout: timeout, announced: http == nil ? nil : announced ?? -1,
                                      received: body.count)
        }
        guard http != nil else {
            throw .connectionFailed(url: url, reason: "the answer was not HTTP")
        }
        // libcurl may hand over a short body without an error; check Content-Length ourselves.
        if request.method != "HEAD", let announced, announced != body.count {
            throw .bodyCutShort(url: url, expected: announced, received: body.count)
        }
        return response
    }

    /// `announced`: nil when no response header came, -1 when it came without a Content-Length.
    private static func transportError(
        _ error: any Error, url: String, timeout: TimeInterval, announced: Int?, received: Int
    ) -> TransportError {
        let nsError = error as NSError
        let reason = nsError.localizedDescription.split(whereSeparator: \.isNewline).joined(separator: " ")
        if nsError.domain == NSURLErrorDomain {
            switch nsError.code {
            case NSURLErrorTimedOut:
                return .timeout(url: url, seconds: timeout)
            case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
                return .connectionFailed(url: url, reason: "the host name is unknown (is there an internet connection?)")
            case NSURLErrorCannotConnectToHost:
                return .connectionFailed(url: url, reason: "the connection was refused")
            case NSURLErrorNotConnectedToInternet:
                return .connectionFailed(url: url, reason: "there is no internet connection")
            default:
                break
            }
        }
        // The headers came, then the connection closed in the middle of the body
        // (libcurl: "transfer closed with N bytes remaining to read").
        if let announced {
            return .bodyCutShort(url: url, expected: announced, received: received)
        }
        return .connectionFailed(url: url, reason: reason.isEmpty ? "\(error)" : reason)
    }
}

/// One request in flight: what has come so far, and when anything last came.
private final class Exchange: @unchecked Sendable {
    struct Result {
        var data: [UInt8] = []
        var response: URLResponse?
        var error: (any Error)?
    }

    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var gathered = Result()
    private var lastActivity = Date()

    var result: Result {
        lock.lock()
        defer { lock.unlock() }
        return gathered
    }

    var idleSeconds: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return Date().timeIntervalSince(lastActivity)
    }

    func touch() {
        lock.lock()
        defer { lock.unlock() }
        lastActivity = Date()
    }

    func append(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        gathered.data += data
        lastActivity = Date()
    }

    func finish(response: URLResponse?, error: (any Error)?) {
        lock.lock()
        gathered.response = response
        gathered.error = error
        lock.unlock()
        done.signal()
    }
}

/// URLSession's delegate: hands each task's events to its `Exchange`, under a lock.
private final class TaskTable: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]

    func register(_ task: URLSessionTask) -> Exchange {
        let exchange = Exchange()
        lock.lock()
        defer { lock.unlock() }
        exchanges[task.taskIdentifier] = exchange
        return exchange
    }

    func remove(_ task: URLSessionTask) {
        lock.lock()
        defer { lock.unlock() }
        exchanges[task.taskIdentifier] = nil
    }

    private func exchange(_ task: URLSessionTask) -> Exchange? {
        lock.lock()
        defer { lock.unlock() }
        return exchanges[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(dataTask)?.append(data)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didSendBodyData bytesSent: Int64, totalBytesSent: Int64,
        totalBytesExpectedToSend: Int64
    ) {
        exchange(task)?.touch()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        exchange(task)?.finish(response: task.response, error: error)
    }
}
