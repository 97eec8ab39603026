import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for tests. Each connection is
/// answered on its own thread and closed (`Connection: close`). Routes map method + path to a
/// handler or to a list of canned replies (one per request, the last one repeating); every request
/// is recorded. Thread-safe: all state sits behind one lock. Shared by the Statbank client tests,
/// the language tests and the end-to-end tests (`StatbankFixtures.install` serves a whole Statbank).
public final class LocalHTTPServer: Sendable {
    /// A request as the server read it.
    public struct Request: Sendable, Equatable {
        public var method: String
        /// The path without the query.
        public var path: String
        public var query: String?
        public var headers: [String: String]
        public var body: [UInt8]

        public init(method: String, path: String, query: String?, headers: [String: String], body: [UInt8]) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }

        public var text: String { String(decoding: body, as: UTF8.self) }

        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// What to answer, and how to misbehave.
    public struct Reply: Sendable {
        public enum Fault: Sendable {
            /// Wait this long before answering (longer than the client's timeout, say).
            case delay(seconds: Double)
            /// Announce the whole body in Content-Length, send only `sending` bytes, close.
            case cutBody(sending: Int)
        }

        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        public var fault: Fault?

        public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], fault: Fault? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.fault = fault
        }

        /// DST's BULK: UTF-8 without a byte-order mark, semicolons, CRLF line ends as given.
        public static func bulk(_ text: String) -> Reply {
            Reply(status: 200, headers: [("Content-Type", "text/csv; charset=utf-8")], body: Array(text.utf8))
        }

        /// DST's CSV: the same with a UTF-8 byte-order mark.
        public static func csv(_ text: String) -> Reply {
            Reply(
                status: 200, headers: [("Content-Type", "text/csv; charset=utf-8")],
                body: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            )
        }

        public static func json(_ text: String, status: Int = 200) -> Reply {
            Reply(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: Array(text.utf8))
        }

        /// DST's answer when a request is over the cell limit.
        public static let requestLimit = json(
            #"{"errorTypeCode":"REQUEST-LIMIT","message":"Forespørgslen overstiger grænsen på 1.000.000 celler. Begræns forespørgslen eller brug formatet BULK.","errorCode":"REQUEST-LIMIT"}"#,
            status: 400
        )

        public static func badRequest(_ message: String, code: String = "EXTRACT-NOTVALID") -> Reply {
            json(#"{"errorTypeCode":"\#(code)","message":"\#(message)"}"#, status: 400)
        }

        public static let serverError = Reply(
            status: 500, headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: Array("Internal Server Error".utf8)
        )

        /// DST's answer to a path that is not the API (a wrong base URL).
        public static let notFound = json(
            #"{"errorTypeCode":"REQUEST-NOTFOUND","message":"Siden kan ikke findes. / Page not found."}"#, status: 404)

        /// DST's answer to a table it does not have: HTTP 400, not 404.
        public static func tableNotFound(_ table: String) -> Reply {
            badRequest("Tabel findes ikke: \(table)", code: "EXTRACT-NOTFOUND")
        }

        public static let html = Reply(
            status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: Array("<!DOCTYPE html>\n<html><head><title>Log ind</title></head><body>Wi-Fi login</body></html>\n".utf8)
        )

        /// This reply after waiting `seconds`.
        public func delayed(_ seconds: Double) -> Reply {
            var copy = self
            copy.fault = .delay(seconds: seconds)
            return copy
        }

        /// This reply with only the first `fraction` of its body sent.
        public func cut(keeping fraction: Double = 0.5) -> Reply {
            var copy = self
            copy.fault = .cutBody(sending: Int(Double(body.count) * fraction))
            return copy
        }
    }

    public typealias Handler = @Sendable (Request) -> Reply

    private struct State {
        var routes: [String: Handler] = [:]
        var canned: [String: [Reply]] = [:]
        var requests: [Request] = []
        var listener: Int32 = -1
        var stopped = false
    }

    private final class Locked: @unchecked Sendable {
        private let lock = NSLock()
        private var state = State()

        func with<T>(_ body: (inout State) throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body(&state)
        }
    }

    private let state = Locked()
    /// The port it listens on, once started.
    public let port: UInt16
    private let listener: Int32

    /// Binds 127.0.0.1 on a port the system chooses and starts accepting.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServerError("bind/listen: \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let state = self.state
        state.with { $0.listener = fd }
        let thread = Thread { Self.acceptLoop(fd: fd, state: state) }
        thread.name = "LocalHTTPServer.accept"
        thread.start()
    }

    deinit {
        stop()
    }

    /// The base URL of the Statbank API as served here.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    /// Stops accepting and closes the listening socket. Requests in progress finish on their own.
    public func stop() {
        let fd: Int32? = state.with { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.listener
        }
        // Only shut down: the accept loop closes the socket when it ends, so that its number
        // cannot be reused (by another server's socket) while the loop may still poll or accept on it.
        if let fd {
            shutdown(fd, Int32(SHUT_RDWR))
        }
    }

    /// Answers `method path` with `handler`.
    public func route(_ method: String, _ path: String, _ handler: @escaping Handler) {
        state.with { $0.routes["\(method) \(path)"] = handler }
    }

    /// Answers `method path` with these replies, one per request; the last one repeats.
    public func route(_ method: String, _ path: String, replies: [Reply]) {
        state.with { $0.canned["\(method) \(path)"] = replies }
    }

    /// Every request so far, in the order they came.
    public var requests: [Request] { state.with { $0.requests } }

    /// The requests so far for `method path`.
    public func requests(_ method: String, _ path: String) -> [Request] {
        requests.filter { $0.method == method && $0.path == path }
    }

    // MARK: - serving

    private static func acceptLoop(fd: Int32, state: Locked) {
        while !state.with({ $0.stopped }) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            if ready < 0, errno != EINTR { break }
            guard ready > 0 else { continue }
            let client = accept(fd, nil, nil)
            if client < 0 {
                if state.with({ $0.stopped }) { break }
                continue
            }
            let connection = Thread { serve(client: client, state: state) }
            connection.name = "LocalHTTPServer.connection"
            connection.start()
        }
        close(fd)
    }

    private static func serve(client: Int32, state: Locked) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else { return }
        let key = "\(request.method) \(request.path)"
        enum Pick { case handler(Handler), reply(Reply) }
        let pick: Pick = state.with { state in
            state.requests.append(request)
            if let handler = state.routes[key] { return .handler(handler) }
            if var replies = state.canned[key], !replies.isEmpty {
                let next = replies.removeFirst()
                if replies.isEmpty { replies = [next] }
                state.canned[key] = replies
                return .reply(next)
            }
            return .reply(.notFound)
        }
        let answer: Reply
        switch pick {
        case let .handler(handler): answer = handler(request)  // outside the lock
        case let .reply(reply): answer = reply
        }
        if case let .delay(seconds) = answer.fault {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, !state.with({ $0.stopped }) {
                usleep(10_000)
            }
        }
        write(answer, to: client)
    }

    private static func readRequest(_ client: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            headerEnd = find(separator, in: buffer)
            if buffer.count > 1 << 20 { return nil }
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let lookup = { (name: String) in headers.first { $0.key.lowercased() == name }?.value }
        let length = lookup("content-length").flatMap { Int($0) } ?? 0
        if lookup("expect")?.lowercased() == "100-continue" {
            sendAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: client)
        }
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            let count = read(client, &chunk, min(chunk.count, length - body.count))
            guard count > 0 else { return nil }
            body += chunk[0..<count]
        }
        let target = String(requestLine[1])
        let parts = target.split(separator: "?", maxSplits: 1)
        return Request(
            method: String(requestLine[0]),
            path: String(parts.first ?? ""),
            query: parts.count > 1 ? String(parts[1]) : nil,
            headers: headers,
            body: Array(body.prefix(length))
        )
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    private static func write(_ reply: Reply, to client: Int32) {
        var head = "HTTP/1.1 \(reply.status) \(reason(reply.status))\r\n"
        for (name, value) in reply.headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(reply.body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if case let .cutBody(sending) = reply.fault {
            bytes += reply.body.prefix(sending)
        } else {
            bytes += reply.body
        }
        sendAll(bytes, to: client)
        shutdown(client, Int32(SHUT_WR))
    }

    /// Writes every byte; a client that has gone away (after its timeout) is no error.
    /// MSG_NOSIGNAL: no SIGPIPE, which would end the test process.
    private static func sendAll(_ bytes: [UInt8], to client: Int32) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { pointer in
                #if canImport(Glibc)
                Glibc.send(client, pointer.baseAddress, pointer.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(client, pointer.baseAddress, pointer.count, 0)
                #endif
            }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    public struct ServerError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
