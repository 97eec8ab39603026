import Foundation

/// Why figures could not be fetched from Statistics Denmark. Each description is one line that
/// says what went wrong and what to do about it.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Statbank has no such table: HTTP 400 EXTRACT-NOTFOUND, with DST's message
    /// ("Tabel findes ikke: X").
    case unknownTable(table: String, message: String)
    /// HTTP 404 (REQUEST-NOTFOUND): the URL is not the Statbank API, so the base URL is wrong.
    case notTheAPI(url: String, message: String)
    /// An http:// base URL: DST redirects it to https:// and the POSTed body is lost on the way.
    case insecureBaseURL(url: String)
    /// A requested year is not among the table's time values.
    case yearNotAvailable(table: String, year: Int, available: [Int])
    /// The tableinfo lacks a variable rdr needs.
    case variableMissing(table: String, variable: String, available: [String])
    /// A variable of the tableinfo lacks a value rdr needs.
    case valueMissing(table: String, variable: String, value: String)
    /// No variable of the tableinfo holds municipality codes such as 101.
    case noAreaVariable(table: String)
    /// HTTP 400: Statistics Denmark refused the request, with its error code and message.
    case rejected(table: String, what: String, code: String?, message: String)
    /// REQUEST-LIMIT for a request that cannot be split any further.
    case requestLimitReached(table: String, what: String, message: String)
    /// Server errors, timeouts or cut bodies on every attempt.
    case gaveUp(table: String, what: String, attempts: Int, problem: String)
    /// A status rdr does not expect (401, 403, 3xx …).
    case unexpectedStatus(table: String, what: String, status: Int)
    /// An answer that is not Statbank data (an HTML page, for instance).
    case notStatbankData(table: String, what: String, found: String)
    /// The tableinfo answer could not be decoded.
    case badTableInfo(table: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownTable(table, message):
            "Statistics Denmark has no table \(table) (\"\(Self.oneLine(message))\"); check the table's name at statbank.dk"
        case let .notTheAPI(url, message):
            "\(url) is not Statistics Denmark's Statbank API (HTTP 404"
                + (message.isEmpty ? "" : ": \(Self.oneLine(message))")
                + "): the Statbank URL (--statbank-url) is wrong; the API is at \(StatbankClient.defaultBaseURL.absoluteString)"
        case let .insecureBaseURL(url):
            "the Statbank URL \(url) is http://: Statistics Denmark redirects it to https:// and the request is lost "
                + "on the way; use https://\(url.dropFirst("http://".count))"
        case let .yearNotAvailable(table, year, available):
            available.isEmpty
                ? "\(table) has no figures for \(year), and its tableinfo lists no years at all"
                : "\(table) has no figures for \(year); the years available are \(Self.years(available))"
        case let .variableMissing(table, variable, available):
            "\(table) has no variable \(variable) (it has \(available.joined(separator: ", "))); "
                + "the table has changed, so rdr cannot ask for its figures"
        case let .valueMissing(table, variable, value):
            "\(table)'s variable \(variable) has no value \(value), which rdr needs; "
                + "the table has changed, so rdr cannot ask for its figures"
        case let .noAreaVariable(table):
            "\(table) has no variable holding municipality codes (such as 101 København); "
                + "the table has changed, so rdr cannot ask for its figures"
        case let .rejected(_, what, code, message):
            "Statistics Denmark refused the request for \(what)" + (code.map { " (\($0))" } ?? "")
                + ": \(Self.oneLine(message))"
        case let .requestLimitReached(_, what, message):
            "the request for \(what) is over Statistics Denmark's cell limit and cannot be split further"
                + (message.isEmpty ? "" : " (\(Self.oneLine(message)))") + "; ask for fewer years"
        case let .gaveUp(_, what, attempts, problem):
            "could not fetch \(what) after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(problem); "
                + "try again later, or check the internet connection"
        case let .unexpectedStatus(_, what, status):
            "Statistics Denmark answered HTTP \(status) to the request for \(what); try again later"
        case let .notStatbankData(_, what, found):
            "the answer for \(what) is not Statbank data (it begins \"\(found)\"); "
                + "a proxy or login page may be in the way: check the connection and the base URL"
        case let .badTableInfo(table, reason):
            "the tableinfo of \(table) could not be read (\(Self.oneLine(reason))); try again later"
        }
    }

    /// Years as compact ranges: 2016–2020, 2022.
    static func years(_ years: [Int]) -> String {
        let sorted = Set(years).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}

/// Fetches tableinfo and figures (BULK, or CSV) from Statistics Denmark's Statbank API, synchronously.
///
/// Requests are built from the table's `/tableinfo`. BULK, the default, is streamed and has no cell
/// limit: one request per call. CSV requests are split so that none exceeds `cellLimit` cells,
/// counted as DST does: rows × (variables + 1, the value). Either is split further when the
/// Statbank answers REQUEST-LIMIT, and retried with exponential backoff on server errors, timeouts
/// and cut bodies.
public struct StatbankClient {
    /// The answer format asked for. BULK leaves out the combinations it has no row for (they are 0)
    /// and has no cell limit; CSV has every row, a byte-order mark, and the 1,000,000-cell limit.
    public enum DataFormat: String, Sendable {
        case bulk = "BULK"
        case csv = "CSV"
    }

    /// When and how often to try again.
    public struct RetryPolicy: Sendable {
        /// Attempts in all, the first included (at least 1).
        public var maxAttempts: Int
        /// Seconds before the second attempt.
        public var baseDelay: Double
        /// Each further wait is this many times the one before.
        public var factor: Double
        /// Waits the given seconds (cut short by Ctrl-C); tests inject one that does not wait.
        public var sleep: @Sendable (Double) -> Void

        public init(
            maxAttempts: Int = 4, baseDelay: Double = 0.5, factor: Double = 2,
            sleep: @escaping @Sendable (Double) -> Void = Interruption.sleep
        ) {
            self.maxAttempts = max(1, maxAttempts)
            self.baseDelay = baseDelay
            self.factor = factor
            self.sleep = sleep
        }

        public static var standard: RetryPolicy { RetryPolicy() }

        /// Seconds to wait after the failed attempt `attempt` (1-based).
        public func delay(after attempt: Int) -> Double {
            baseDelay * pow(factor, Double(max(0, attempt - 1)))
        }
    }

    /// One answer of `/data`: what was asked, where, and every byte that came back.
    public struct Answer: Sendable, Equatable {
        public let table: StatbankTable
        /// The years the request covered.
        public let years: [Int]
        /// The JSON body that was POSTed.
        public let requestBody: String
        public let url: URL
        /// The answer as received (BULK: UTF-8 without a byte-order mark; CSV: with one).
        public let body: [UInt8]
        public let status: Int
        public let received: Date

        public init(
            table: StatbankTable, years: [Int], requestBody: String, url: URL, body: [UInt8], status: Int,
            received: Date
        ) {
            self.table = table
            self.years = years
            self.requestBody = requestBody
            self.url = url
            self.body = body
            self.status = status
            self.received = received
        }
    }

    public static let defaultBaseURL = URL(string: "https://api.statbank.dk/v1")!
    /// Statistics Denmark's cap on the cells of one non-streamed (CSV) answer.
    public static let defaultCellLimit = 1_000_000

    public let baseURL: URL
    public let format: DataFormat
    public let transport: any HTTPTransport
    public let retry: RetryPolicy
    public let cellLimit: Int
    /// Told one line per answer and per retry, e.g. "REGK31 2023: request 2 of 3, 1.2 MB".
    public let progress: ((String) -> Void)?

    public init(
        baseURL: URL = StatbankClient.defaultBaseURL,
        transport: any HTTPTransport = CurlTransport(),
        retry: RetryPolicy = .standard,
        format: DataFormat = .bulk,
        cellLimit: Int = StatbankClient.defaultCellLimit,
        progress: ((String) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.format = format
        self.transport = transport
        self.retry = retry
        self.cellLimit = max(1, cellLimit)
        self.progress = progress
    }

    // MARK: - tableinfo

    /// POSTs `{base}/tableinfo` and decodes the answer.
    public func tableInfo(_ table: StatbankTable) throws(FetchError) -> TableInfo {
        let body = #"{"table":"\#(table.rawValue)","format":"JSON","lang":"da"}"#
        let request = Self.post(url: endpoint("tableinfo"), json: body)
        let what = "the tableinfo of \(table.rawValue)"
        let response = try exchange(request, table: table, what: what)
        switch response.status {
        case 200..<300:
            break
        case 404:
            throw .notTheAPI(url: request.url.absoluteString, message: Self.dstError(response.body).message)
        case 400:
            let error = Self.dstError(response.body)
            if error.code?.uppercased() == "EXTRACT-NOTFOUND" {
                throw .unknownTable(table: table.rawValue, message: error.message)
            }
            throw .rejected(table: table.rawValue, what: what, code: error.code, message: error.message)
        default:
            throw .unexpectedStatus(table: table.rawValue, what: what, status: response.status)
        }
        let text = Self.leadingText(response.body)
        if !text.hasPrefix("{") {
            throw .notStatbankData(table: table.rawValue, what: what, found: Self.snippet(text))
        }
        do {
            return try TableInfo.decode(response.body)
        } catch {
            throw .badTableInfo(table: table.rawValue, reason: Self.decodingReason(error))
        }
    }

    // MARK: - data

    /// Fetches the figures rdr uses of `table` for `years`, in `format` with codes:
    /// REGK31/BUDK32 every area and function, dranst 1, art TOT and S0, 1,000 kr. (LOBM);
    /// FOLK1A every area and age, both sexes, every marital status, quarter 1.
    /// Returns the answers in order; together they hold every cell asked for.
    public func fetch(_ table: StatbankTable, years: [Int]) throws(FetchError) -> [Answer] {
        let wanted = Set(years).sorted()
        guard !wanted.isEmpty else { return [] }
        let info = try tableInfo(table)
        let plan = try Self.plan(table: table, info: info, years: wanted, format: format, cellLimit: cellLimit)
        var queue = plan[...]
        var answers: [Answer] = []
        var total = plan.count
        while let request = queue.popFirst() {
            let outcome = try send(request, table: table, number: answers.count + 1, of: total)
            switch outcome {
            case let .answer(answer):
                answers.append(answer)
                progress?("\(request.label): request \(answers.count) of \(total), \(Self.size(answer.body.count))")
            case let .tooLarge(message):
                guard let parts = request.split(maxRows: (request.rows + 1) / 2), parts.count > 1 else {
                    throw .requestLimitReached(table: table.rawValue, what: request.label, message: message)
                }
                progress?("\(request.label): over Statistics Denmark's cell limit, splitting into \(parts.count) requests")
                total += parts.count - 1
                queue = parts[...] + queue
            }
        }
        return answers
    }

    /// The requests `fetch` would send, without sending them: each one's JSON body.
    public func requestBodies(_ table: StatbankTable, years: [Int], info: TableInfo) throws(FetchError) -> [String] {
        try Self.plan(table: table, info: info, years: Set(years).sorted(), format: format, cellLimit: cellLimit)
            .map(\.json)
    }

    private enum Outcome {
        case answer(Answer)
        case tooLarge(message: String)
    }

    private func send(_ request: DataRequest, table: StatbankTable, number: Int, of total: Int) throws(FetchError) -> Outcome {
        let url = endpoint("data")
        let json = request.json
        let http = Self.post(url: url, json: json)
        let response = try exchange(http, table: table, what: request.label, number: number, of: total)
        switch response.status {
        case 200..<300:
            let text = Self.leadingText(response.body)
            guard Self.looksLikeBulk(text) else {
                throw .notStatbankData(table: table.rawValue, what: request.label, found: Self.snippet(text))
            }
            return .answer(Answer(
                table: table, years: request.years, requestBody: json, url: url, body: response.body,
                status: response.status, received: Date()
            ))
        case 400:
            let error = Self.dstError(response.body)
            if error.code?.uppercased() == "REQUEST-LIMIT" {
                return .tooLarge(message: error.message)
            }
            throw .rejected(table: table.rawValue, what: request.label, code: error.code, message: error.message)
        case 404:
            throw .notTheAPI(url: url.absoluteString, message: Self.dstError(response.body).message)
        default:
            throw .unexpectedStatus(table: table.rawValue, what: request.label, status: response.status)
        }
    }

    /// Sends a request, trying again after server errors (5xx, 429), timeouts, cut bodies and
    /// broken connections, with exponential backoff. Other answers are returned as they are.
    private func exchange(
        _ request: HTTPRequest, table: StatbankTable, what: String, number: Int? = nil, of total: Int? = nil
    ) throws(FetchError) -> HTTPResponse {
        if Self.losesTheBody(request.url) { throw .insecureBaseURL(url: baseURL.absoluteString) }
        var attempt = 1
        while true {
            let problem: String
            do {
                let response = try transport.send(request)
                if response.status >= 500 || response.status == 429 {
                    problem = "Statistics Denmark answered HTTP \(response.status)"
                } else {
                    return response
                }
            } catch {
                problem = error.description
            }
            guard attempt < retry.maxAttempts, !Interruption.isRequested else {
                throw .gaveUp(table: table.rawValue, what: what, attempts: attempt, problem: problem)
            }
            let delay = retry.delay(after: attempt)
            let which = number.map { n in total.map { " \(n) of \($0)" } ?? " \(n)" } ?? ""
            progress?(
                "\(what): request\(which) failed (\(problem)); trying again in \(Self.seconds(delay)) s "
                    + "(attempt \(attempt + 1) of \(retry.maxAttempts))"
            )
            retry.sleep(delay)
            attempt += 1
        }
    }

    /// Whether DST would redirect this URL to https:// and drop the POST body: http:// to any host
    /// but this machine's own (a local test server or proxy has no redirect).
    static func losesTheBody(_ url: URL) -> Bool {
        guard url.scheme?.lowercased() == "http" else { return false }
        return !["localhost", "127.0.0.1", "::1", "[::1]"].contains(url.host?.lowercased() ?? "")
    }

    private func endpoint(_ name: String) -> URL {
        baseURL.appendingPathComponent(name)
    }

    private static func post(url: URL, json: String) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: url,
            headers: [
                "Content-Type": "application/json; charset=utf-8",
                "Accept": "text/csv, application/json;q=0.9, */*;q=0.1",
                "User-Agent": "rdr",
            ],
            body: Array(json.utf8)
        )
    }

    // MARK: - planning

    /// The requests for `years`: built from the tableinfo; CSV ones each within `cellLimit` cells.
    static func plan(table: StatbankTable, info: TableInfo, years: [Int], format: DataFormat, cellLimit: Int)
        throws(FetchError) -> [DataRequest]
    {
        var request = try build(table: table, info: info, years: years)
        request.format = format
        return request.planned(cellLimit: cellLimit)
    }

    /// One request for every year, with a value (or `*`) for every variable of the tableinfo.
    static func build(table: StatbankTable, info: TableInfo, years: [Int]) throws(FetchError) -> DataRequest {
        let name = table.rawValue
        guard let time = info.timeVariable else {
            throw .variableMissing(table: name, variable: "Tid", available: info.variables.map(\.id))
        }
        // The time values asked for, checked against the tableinfo.
        let timeValue: (Int) -> String = table == .folk1a ? { "\($0)K1" } : { "\($0)" }
        let available = Set(time.values.map(\.id))
        for year in years where !available.contains(timeValue(year)) {
            let offered = time.values.map(\.id).filter { value in
                TableInfo.year(of: value).map { timeValue($0) == value } ?? false
            }
            throw .yearNotAvailable(table: name, year: year, available: offered.compactMap(TableInfo.year(of:)))
        }

        // What rdr needs of each table: variable → values (nil = every value, "*").
        var needs: [(variable: TableInfo.Variable, values: [String]?)] = []
        func need(_ id: String, _ values: [String]?) throws(FetchError) {
            guard let variable = info.variable(id) else {
                throw .variableMissing(table: name, variable: id, available: info.variables.map(\.id))
            }
            for value in values ?? [] where !variable.hasValue(value) {
                throw .valueMissing(table: name, variable: variable.id, value: value)
            }
            needs.append((variable, values))
        }
        switch table {
        case .regk31, .budk32:
            guard let area = info.areaVariable else { throw .noAreaVariable(table: name) }
            needs.append((area, nil))
            try need("FUNKTION", nil)
            try need("DRANST", ["1"])
            try need("ART", ["TOT", "S0"])
            try need("PRISENHED", ["LOBM"])
        case .folk1a:
            if let area = info.variable("OMRÅDE") ?? info.areaVariable {
                needs.append((area, nil))
            } else {
                throw .noAreaVariable(table: name)
            }
            try need("KØN", ["TOT"])
            try need("ALDER", nil)
            try need("CIVILSTAND", ["TOT"])
        }

        var selections: [DataRequest.Selection] = []
        for variable in info.variables {
            if variable == time {
                selections.append(.init(variable: variable, values: years.map(timeValue), isTime: true))
            } else if let needed = needs.first(where: { $0.variable == variable }) {
                selections.append(.init(variable: variable, values: needed.values))
            } else {
                // BULK needs a value for every variable: the total where there is one, else all.
                let total = ["TOT", "IALT", "I ALT", "TOTAL"].first { variable.hasValue($0) }
                selections.append(.init(variable: variable, values: total.map { [$0] }))
            }
        }
        let splitOrder: [String] = table == .folk1a ? ["ALDER", "OMRÅDE"] : ["FUNKTION"]
        return DataRequest(table: table, years: years, selections: selections, splitOrder: splitOrder)
    }

    // MARK: - answers

    struct DSTError {
        var code: String?
        var message: String
    }

    /// DST's JSON error body: {"errorTypeCode":"REQUEST-LIMIT","message":"…"}.
    static func dstError(_ body: [UInt8]) -> DSTError {
        struct Body: Decodable {
            var errorTypeCode: String?
            var message: String?
        }
        var bytes = body[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let decoded = try? JSONDecoder().decode(Body.self, from: Data(bytes)) {
            return DSTError(code: decoded.errorTypeCode, message: decoded.message ?? "")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return DSTError(code: nil, message: text.isEmpty ? "HTTP 400 without an explanation" : snippet(text, length: 200))
    }

    /// The start of a body as text, without a byte-order mark or leading white space.
    static func leadingText(_ body: [UInt8]) -> String {
        var bytes = body.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        return String(text.drop { $0.isWhitespace })
    }

    /// A BULK or CSV answer: a first line of semicolon-separated variable ids, not markup or JSON.
    static func looksLikeBulk(_ text: String) -> Bool {
        guard let first = text.first, first != "<", first != "{", first != "[" else { return false }
        let header = text.prefix { $0 != "\n" && $0 != "\r" }
        return header.contains(";")
    }

    static func snippet(_ text: String, length: Int = 40) -> String {
        let line = FetchError.oneLine(text)
        return line.count > length ? String(line.prefix(length)) + "…" : line
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return "\(Int((Double(bytes) / 1000).rounded())) kB" }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func decodingReason(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            "no \"\(key.stringValue)\" at \(path(context))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            "unexpected value at \(path(context))"
        case let DecodingError.dataCorrupted(context):
            context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context))"
        default:
            "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top" : path
    }
}

extension StatbankClient {
    /// One `/data` request: a value list (or every value) for each variable of the tableinfo.
    struct DataRequest: Sendable, Equatable {
        struct Selection: Sendable, Equatable {
            var variable: TableInfo.Variable
            /// nil = every value ("*").
            var values: [String]?
            var isTime = false

            var count: Int { values?.count ?? variable.values.count }
            var ids: [String] { values ?? variable.values.map(\.id) }
        }

        var table: StatbankTable
        var format: DataFormat = .bulk
        var years: [Int]
        var selections: [Selection]
        /// Variables to split after the years, in this order; then any other, largest first.
        var splitOrder: [String]

        /// The rows of a full answer: the product of the value counts.
        var rows: Int {
            selections.reduce(1) { product, selection in
                let (result, overflow) = product.multipliedReportingOverflow(by: selection.count)
                return overflow ? Int.max : result
            }
        }

        var label: String { "\(table.rawValue) \(FetchError.years(years))" }

        /// The JSON body, keys in DST's documented order.
        var json: String {
            let variables = selections.map { selection in
                let values = (selection.values ?? ["*"]).map(\.jsonQuoted).joined(separator: ",")
                return #"{"code":\#(selection.variable.id.jsonQuoted),"values":[\#(values)]}"#
            }
            return #"{"table":\#(table.rawValue.jsonQuoted),"format":\#(format.rawValue.jsonQuoted),"lang":"da","#
                + #""valuePresentation":"Code","variables":[\#(variables.joined(separator: ","))]}"#
        }

        /// This request as it may be sent: BULK whole (the cell limit does not apply to it); CSV
        /// split until no part exceeds `cellLimit` cells of rows × (variables + 1), as far as
        /// splitting goes.
        func planned(cellLimit: Int) -> [DataRequest] {
            guard format == .csv else { return [self] }
            return planned(maxRows: max(1, cellLimit / (selections.count + 1)))
        }

        private func planned(maxRows: Int) -> [DataRequest] {
            guard rows > maxRows, let parts = split(maxRows: maxRows) else { return [self] }
            return parts.flatMap { $0.planned(maxRows: maxRows) }
        }

        /// Splits along one variable: the years first, then `splitOrder`, then the largest other
        /// variable; into chunks of as many rows as fit in `maxRows`. Nil when every variable has one value.
        func split(maxRows: Int) -> [DataRequest]? {
            let candidates = selections.indices.filter { selections[$0].count > 1 }
            guard !candidates.isEmpty else { return nil }
            let ordered = candidates.sorted { a, b in
                rank(a) != rank(b) ? rank(a) < rank(b) : selections[a].count > selections[b].count
            }
            let index = ordered[0]
            let selection = selections[index]
            let perValue = max(1, rows / max(1, selection.count))
            let chunkSize = max(1, min(selection.count - 1, maxRows / perValue))
            let ids = selection.ids
            return stride(from: 0, to: ids.count, by: chunkSize).map { start in
                var part = self
                let chunk = Array(ids[start..<min(start + chunkSize, ids.count)])
                part.selections[index].values = chunk
                if selection.isTime {
                    part.years = chunk.compactMap(TableInfo.year(of:))
                }
                return part
            }
        }

        private func rank(_ index: Int) -> Int {
            let selection = selections[index]
            if selection.isTime { return 0 }
            if let position = splitOrder.firstIndex(where: { $0.lowercased() == selection.variable.id.lowercased() }) {
                return 1 + position
            }
            return 1 + splitOrder.count
        }

    }
}
