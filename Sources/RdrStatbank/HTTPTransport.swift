import CCurl
import Foundation

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
    /// Ctrl-C came while the request was under way (`Interruption`).
    case interrupted(url: String)

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
        case let .interrupted(url):
            "stopped by Ctrl-C before \(url) had answered"
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

/// An `HTTPTransport` on libcurl, which `CCurl` loads with dlopen at the first request rather than
/// linking it: linked (directly, or through FoundationNetworking's URLSession), libcurl and its
/// thirty-odd libraries add about 16 ms to every start of rdr, though only `fetch` goes on the
/// network. Without libcurl installed, each request fails with a reason that says how to install it.
/// Safe to share between threads: each request has its own curl handles.
///
/// `timeout` is an inactivity timeout (no connection, no answer or no new bytes for that long),
/// measured to the millisecond; `resourceTimeout` bounds the whole request.
public final class CurlTransport: HTTPTransport, Sendable {
    /// Seconds without any answer (or without any new bytes) before a request is given up.
    public let timeout: TimeInterval
    /// Seconds a whole request may take, however steadily bytes arrive.
    public let resourceTimeout: TimeInterval

    public init(timeout: TimeInterval = 60, resourceTimeout: TimeInterval = 900) {
        self.timeout = max(0.001, timeout)
        self.resourceTimeout = max(resourceTimeout, timeout)
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let url = request.url.absoluteString
        // libcurl sends "Name;" as a header with an empty value ("Name:" would remove the header).
        let lines = request.headers.map { $0.value.isEmpty ? "\($0.key);" : "\($0.key): \($0.value)" }
        let copies = lines.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let headers = copies.map { UnsafePointer($0) }
        var answer = ccurl_response()
        defer { ccurl_free(&answer) }
        var error = [CChar](repeating: 0, count: 512)
        let errorSize = error.count
        let outcome = request.body.withUnsafeBufferPointer { body in
            ccurl_request(
                request.method, url, headers, headers.count, body.baseAddress, body.count,
                Self.milliseconds(timeout), Self.milliseconds(resourceTimeout), &answer, &error, errorSize
            )
        }
        switch outcome {
        case CCURL_OK:
            break
        case CCURL_TIMEOUT:
            throw .timeout(url: url, seconds: timeout)
        case CCURL_CUT_SHORT:
            throw .bodyCutShort(url: url, expected: Int(answer.expected_length), received: Int(answer.received_length))
        case CCURL_INTERRUPTED:
            throw .interrupted(url: url)
        default:
            let reason = error.prefix { $0 != 0 }.map(UInt8.init(bitPattern:))
            throw .connectionFailed(url: url, reason: String(decoding: reason, as: UTF8.self))
        }
        guard answer.status != 0 else {
            throw .connectionFailed(url: url, reason: "the answer was not HTTP")
        }
        return HTTPResponse(
            status: answer.status,
            headers: Self.headers(UnsafeRawBufferPointer(start: answer.headers, count: answer.headers_length)),
            body: Array(UnsafeBufferPointer(start: answer.body, count: answer.body_length))
        )
    }

    /// "Name: value" lines as a dictionary; a name that comes again gets its values joined by ", ".
    private static func headers(_ block: UnsafeRawBufferPointer) -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: block, as: UTF8.self).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return headers
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        Int(min((seconds * 1000).rounded(.up), 1e12))
    }
}
