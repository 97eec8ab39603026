import Foundation
import RdrEngine
import RdrLanguage
import RdrRender
import RdrReport
import Testing

// Helpers shared by the language tests: locations, parsing to a compact text form, and running
// sources through a session while collecting what they emit.

/// Testing has a SourceLocation too; the tests mean the language's.
typealias SourceLocation = RdrLanguage.SourceLocation
typealias SourceRange = RdrLanguage.SourceRange

func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
}

/// The span on one line from `column` up to, not including, `end`.
func span(_ line: Int, _ column: Int, _ end: Int) -> SourceRange {
    SourceRange(start: at(line, column), end: at(line, end))
}

// MARK: Parsing

func parse(_ text: String, parameters: [String: String] = [:]) throws(Diagnostic) -> [Statement] {
    var defaults: [String: String] = [:]
    return try Parser.parse(Source(name: "test.rdr", text: text), parameters: parameters, defaults: &defaults)
}

/// The statements of `text` in the compact form of `describe(_:)`.
func shapes(_ text: String, parameters: [String: String] = [:]) throws(Diagnostic) -> [String] {
    try parse(text, parameters: parameters).map { describe($0.kind) }
}

/// The single statement of `text` in the compact form of `describe(_:)`.
func shape(_ text: String, parameters: [String: String] = [:]) throws(Diagnostic) -> String {
    let all = try shapes(text, parameters: parameters)
    return all.count == 1 ? all[0] : "\(all.count) statements: \(all)"
}

/// The syntax error of `text`, or nil when it parses.
func syntaxError(_ text: String, parameters: [String: String] = [:]) -> Diagnostic? {
    do {
        _ = try parse(text, parameters: parameters)
        return nil
    } catch {
        return error
    }
}

/// A statement as a short, stable text, so that a test can compare a whole AST at once:
/// `rank area:Skole per 6-16 top 5`, `gap Korsbæk to median in fn:3.22.01`.
func describe(_ kind: Statement.Kind) -> String {
    switch kind {
    case let .load(choice, prices, index):
        let datasets = "load " + describe(choice)
        return datasets + (prices.map { " prices \($0.value)" } ?? "") + (index.map { " using \($0.value)" } ?? "")
    case .use(let choice):
        return "use " + describe(choice)
    case .fetch(let ids):
        return "fetch " + ids.map(\.value.description).joined(separator: ", ")
    case .forget(let id):
        return "forget \(id.value)"
    case .importFile(let path):
        return "import \(path.value)"
    case .check(let id):
        return "check \(id.value)"
    case .query(let query):
        return describe(query)
    case let .bind(name, query):
        return "let \(name.value) = \(describe(query))"
    case let .show(name, format):
        return "show \(name.value)" + (format.map { " as \($0.value)" } ?? "")
    case let .export(name, path, format):
        return "export " + (name.map { $0.value + " " } ?? "") + "to \(path.value)" + (format.map { " as \($0.value)" } ?? "")
    case .drop(let name):
        return "drop \(name.value)"
    case let .defineArea(key, title, include, exclude, segment):
        var text = "define \(key.value)"
        if let title { text += " \"\(title)\"" }
        text += " = " + include.map(\.description).joined(separator: ", ")
        if !exclude.isEmpty { text += " except " + exclude.map(\.description).joined(separator: ", ") }
        return text + " per \(segment)"
    case .describeArea(let target):
        return "area \(describe(target))"
    case .setFormat(let name):
        return "set format \(name.value)"
    case .setLanguage(let name):
        return "set lang \(name.value)"
    case .setTitle(let title):
        return "set title \(title)"
    case .report(let path):
        return "report to \(path.value)"
    case .save(let path):
        return "save \(path.value)"
    case .chart(let request):
        return "chart \(request.name.value)" + (request.municipality.map { " for \($0.value)" } ?? "")
            + (request.characters.map { " as \($0.value)" } ?? "") + (request.path.map { " to \($0.value)" } ?? "")
    case let .map(name, chosen, path):
        return "map \(name.value)" + (chosen.isEmpty ? "" : " for " + chosen.map(\.value).joined(separator: ", "))
            + (path.map { " to \($0.value)" } ?? "")
    case .run(let path):
        return "run \(path.value)"
    case .help(let topic):
        return "help" + (topic.map { " " + $0.value } ?? "")
    case .list(let listing):
        return "list:\(listing.rawValue)"
    case .quit:
        return "quit"
    }
}

func describe(_ query: Query) -> String {
    switch query {
    case .reference(let name):
        return "ref:\(name.value)"
    case let .explain(name, municipality):
        return "explain \(name.value)" + (municipality.map { " for \($0.value)" } ?? "")
    case .rank(let rank):
        var text = "rank \(describe(rank.target))"
        if let segment = rank.segment { text += " per \(segment.value)" }
        switch rank.selection {
        case .all: break
        case .top(let n): text += " top \(n)"
        case .bottom(let n): text += " bottom \(n)"
        case .only(let names): text += " for " + names.map(\.value).joined(separator: ", ")
        }
        if !rank.levels.isEmpty { text += " with " + rank.levels.map(\.value.rawValue).joined(separator: ", ") }
        if let average = rank.average { text += " average \(average.value.rawValue)" }
        return text + describe(on: rank.on)
    case .gap(let gap):
        var text = "gap \(gap.municipality.value) to "
        text += gap.places.map { describe($0.value) }.joined(separator: ", ")
        if gap.byFunction != nil { text += " by function" }
        if let target = gap.target { text += " in \(describe(target))" }
        if let segment = gap.segment { text += " per \(segment.value)" }
        if gap.sorted != nil { text += " sorted" }
        return text + describe(on: gap.on)
    case .drill(let drill):
        var text = "drill \(drill.municipality.value) in \(describe(drill.target))"
        if let segment = drill.segment { text += " per \(segment.value)" }
        switch drill.benchmark?.value {
        case nil: break
        case .country: text += " to country"
        case .peers: text += " to peers"
        case .place(let place): text += " to \(describe(place))"
        }
        return text + describe(on: drill.on)
    case .compare(let compare):
        var text = "compare \(compare.municipality.value)"
        if !compare.peers.isEmpty {
            text += " with " + compare.peers.map { peer in
                switch peer.value {
                case .municipality(let name): name
                case .group(let name): "group" + (name.map { " " + $0 } ?? "")
                case .region(let name): "region" + (name.map { " " + $0 } ?? "")
                case .peers: "peers"
                }
            }.joined(separator: ", ")
        }
        if let target = compare.target { text += " in \(describe(target))" }
        if let segment = compare.segment { text += " per \(segment.value)" }
        if let average = compare.average { text += " average \(average.value.rawValue)" }
        return text + describe(on: compare.on)
    case .trend(let trend):
        var text = "trend \(describe(trend.target))"
        if let segment = trend.segment { text += " per \(segment.value)" }
        if !trend.municipalities.isEmpty { text += " for " + trend.municipalities.map(\.value).joined(separator: ", ") }
        if let prices = trend.prices { text += " prices \(prices.value)" }
        if let index = trend.index { text += " using \(index.value)" }
        if let crosswalk = trend.crosswalk { text += " crosswalk \(crosswalk.value)" }
        return text + describe(on: trend.on)
    case .peers(let peers):
        var text = "peers \(peers.municipality.value)"
        if let terms = peers.terms {
            text += " by " + terms.map { "\($0.variable.value)" + ($0.weight.map { " \($0.value)" } ?? "") }
                .joined(separator: ", ")
        }
        if let top = peers.top { text += " top \(top.value)" }
        if peers.inGroup != nil { text += " in group" }
        return text + describe(on: peers.on)
    }
}

func describe(_ place: GapQuery.Place) -> String {
    switch place {
    case .number(let n): "\(n)"
    case .median: "median"
    case .municipality(let name): name
    }
}

func describe(_ choice: DatasetChoice) -> String {
    (choice.collection.map { $0.value + " " } ?? "") + choice.ids.map(\.value.description).joined(separator: ", ")
}

func describe(on choice: DatasetChoice?) -> String {
    choice.map { " on " + describe($0) } ?? ""
}

func describe(_ target: Target) -> String {
    switch target {
    case .area(let name): "area:\(name.value)"
    case .functions(let pattern): "fn:\(pattern.value)"
    }
}

// MARK: Sessions

/// A session in table format, with the built-in areas.
/// A session whose local store is a fresh, empty folder: no test reads or writes the user's store.
func makeSession(format: OutputFormat = .table, parameters: [String: String] = [:],
                 workingDirectory: String? = nil) throws -> Session {
    let store = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-store-\(UUID().uuidString)").path
    return try Session(format: format, parameters: parameters,
                       workingDirectory: workingDirectory ?? FileManager.default.currentDirectoryPath,
                       dataDirectory: store)
}

extension Session {
    /// Runs `text` as a source named `name` and returns what it emitted; rethrows its error.
    @discardableResult
    func outputs(_ text: String, name: String = "input") throws(ScriptError) -> [Output] {
        var outputs: [Output] = []
        try run(Source(name: name, text: text)) { outputs.append($0) }
        return outputs
    }

    /// The error `text` fails with, and what it emitted before failing; nil error when it succeeds.
    func failure(_ text: String, name: String = "input") -> (error: ScriptError?, outputs: [Output]) {
        var outputs: [Output] = []
        do {
            try run(Source(name: name, text: text)) { outputs.append($0) }
            return (nil, outputs)
        } catch {
            return (error, outputs)
        }
    }

    /// The single result `text` produces (its last result output).
    func result(of text: String) throws -> ResultSet {
        let all = try outputs(text).compactMap(\.result)
        return try #require(all.last, "no result from \(text)")
    }
}

extension Output {
    var message: String? {
        if case .message(let text) = self { return text }
        return nil
    }

    var result: ResultSet? {
        if case .result(let result, _) = self { return result }
        return nil
    }

    var format: OutputFormat? {
        if case .result(_, let format) = self { return format }
        return nil
    }

    var isQuit: Bool {
        if case .quit = self { return true }
        return false
    }
}

extension ResultSet {
    /// The cells of column `key`, rows only (no footer).
    func column(_ key: String) -> [Value] {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { $0[index] }
    }

    func texts(_ key: String) -> [String] {
        column(key).compactMap { if case .text(let text) = $0 { text } else { nil } }
    }
}

/// `check R2023` on the fixture Statbank's figures: both checks (national totals over its 7
/// functions, the population) compared and passed, nothing differing, no item named as the worst.
func expectTheFixtureChecksPass(_ result: ResultSet, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(result.rows.count == 2, sourceLocation: sourceLocation)
    #expect(result.texts("status") == ["ok", "ok"], "\(result.texts("check"))", sourceLocation: sourceLocation)
    #expect(result.texts("check").contains { $0.hasPrefix("national totals = sum of municipalities") },
            sourceLocation: sourceLocation)
    #expect(result.texts("check").contains { $0.hasPrefix("population 1 January: country = municipalities + Christiansø") },
            sourceLocation: sourceLocation)
    #expect(result.column("compared").compactMap(\.amount).sorted() == [1, 7], sourceLocation: sourceLocation)  // IALT; 7 functions
    #expect(result.column("largest_difference").compactMap(\.amount).allSatisfy { $0 < 1e-6 }, sourceLocation: sourceLocation)
    #expect(result.column("differing").compactMap(\.amount) == [0, 0], sourceLocation: sourceLocation)
    #expect(result.texts("worst") == ["", ""], sourceLocation: sourceLocation)
}

extension ResultSet.Value {
    var amount: Double? {
        switch self {
        case .amount(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }
}

/// A fresh, empty folder under the temporary directory; removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
