import Foundation
import RdrData
import RdrEngine
import RdrReport
import RdrRender
import RdrStatbank

/// What a statement produces for the person at the prompt or the reader of a script's output.
public enum Output: Sendable {
    /// A result set, in the given format or the session's.
    case result(ResultSet, format: OutputFormat?)
    case message(String)
    /// A chart for the terminal, in the characters asked for or (nil) the session's `chartStyle`.
    case chart(Chart, characters: TerminalChart.Style.Characters?)
    /// A line about work in progress (a fetch); a terminal shows it, a pipe need not.
    case progress(String)
    case quit
}

/// A failed statement: the diagnostic and the source it points into (a `run` file's own source
/// when the error is inside it).
public struct ScriptError: Error, Sendable {
    public let diagnostic: Diagnostic
    public let source: Source
    /// Where the failing script was run from, outermost first: "outer.rdr:2".
    public internal(set) var callers: [String] = []
    /// The statements after the failing one that did not run, in its script and in those that ran it.
    public internal(set) var notRun = 0
    /// A syntax error after other statements: none of them ran, as a script is parsed whole first.
    public internal(set) var stoppedWholeScript = false

    init(diagnostic: Diagnostic, source: Source) {
        self.diagnostic = diagnostic
        self.source = source
    }

    /// The message with file:line:column (after the lines that ran the script) and the caret
    /// line; a note when more was stopped than the one statement.
    public var formatted: String {
        var lines = [callers.map { $0 + " → " }.joined() + DiagnosticFormatter().format(diagnostic, in: source)]
        if stoppedWholeScript {
            lines.append("note: nothing in \(source.name) ran; a syntax error stops the whole script")
        }
        if notRun > 0 {
            lines.append("note: stopped here; \(notRun == 1 ? "1 statement" : "\(notRun) statements") after it did not run")
        }
        return lines.joined(separator: "\n")
    }
}

/// A result the session keeps under a name: the table it shows and, for a query, the engine's
/// computation behind it.
public struct KeptResult: Sendable {
    public let table: ResultSet
    /// Nil for a listing or a check, which are tables only.
    public let analysis: Analysis?
    /// The municipalities the query named for the reader to find; its chart marks them.
    public var highlighted: [Municipality] = []

    init(_ evaluated: Evaluated) {
        table = evaluated.table
        analysis = evaluated.analysis
        highlighted = evaluated.highlighted
    }
}

/// A notebook session: the loaded dataset, the area definitions, the named results and the
/// settings. Feed it sources (a prompt line, a script); it emits outputs statement by statement.
public final class Session {
    /// The format results are shown in unless a statement names one.
    public var format: OutputFormat
    /// Values for `$name` in scripts, from `--set name=value`. They win over `param` defaults.
    public var parameters: [String: String]
    /// Defaults from `param NAME = VALUE` lines at the prompt or in the top-level script; a script
    /// started with `run` gets a copy, so its defaults do not leak into the session.
    private var defaults: [String: String] = [:]
    /// Relative paths in `run` and `export` are resolved against it.
    public var workingDirectory: String
    /// The local store of Statistics Denmark's tables (`$XDG_DATA_HOME/rdr`, or `--data-dir`).
    public var dataDirectory: String
    /// Where fetch asks; a test points it at a local server.
    public var statbankURL: URL
    /// How fetch retries transient failures; a test makes the waits instant.
    public var statbankRetry: StatbankClient.RetryPolicy = .standard

    /// Called after each statement with its text and how long it took (`rdr --timings`).
    public var timer: ((String, Duration) -> Void)?

    /// The datasets loaded in this session, in the order loaded (a reload replaces in place).
    public private(set) var workspace: [Dataset] = []
    /// The one statements run on unless they name others with `on`.
    public private(set) var dataset: Dataset?
    /// In definition order; a redefinition replaces the area in place.
    public private(set) var areas: [AreaDefinition] = [] {
        didSet { cachedAreaMatcher = nil }
    }
    /// Built on first use, not per statement: a matcher folds every name. The municipalities'
    /// by collection (every dataset of one has the same municipalities); the areas' until they change.
    private var cachedMunicipalityMatchers: [String: NameMatcher<Municipality>] = [:]
    private var cachedAreaMatcher: NameMatcher<AreaDefinition>?
    /// Named results in the order they were made. `_` is always the last result.
    public private(set) var results: [(name: String, result: KeptResult)] = []
    /// The statements that succeeded, each followed by its results: what `report` writes.
    /// Not the built-in areas, nor `run` itself (the statements it runs are there), nor
    /// statements about the session (help, set format, export, report).
    public private(set) var notebook: [Document.Block] = []
    private var recordsNotebook = false
    /// The statements typed at the prompt or in the top-level script that succeeded, as written:
    /// what `save` writes.
    private(set) var typedStatements: [String] = []
    /// The map the statement running now drew (`map NAME`), for the notebook.
    var drawnMap: MapData?
    /// The language results are worded in (`set lang`, `rdr --lang`); each result keeps the one it was made in.
    public var language: Language
    /// The report's title (`set title`); nil gives one from the script's name.
    public var title: String?
    /// How charts are drawn at the terminal; the shell sets it from the locale, NO_COLOR and
    /// whether standard output is a terminal.
    public var chartStyle = TerminalChart.Style.plain

    private var collections: [String: any DataCollection] = [:]
    /// How deep `run` is nested, and the folder of the script running now (nil: the prompt).
    private(set) var runDepth = 0
    private(set) var scriptFolder: String?
    /// A script that runs itself stops at this depth.
    static let deepestRun = 16

    public init(format: OutputFormat = .table, language: Language = .en, parameters: [String: String] = [:],
                workingDirectory: String = FileManager.default.currentDirectoryPath,
                dataDirectory: String,
                statbankURL: URL = StatbankClient.defaultBaseURL) throws(ScriptError) {
        self.format = format
        self.language = language
        self.parameters = parameters
        self.workingDirectory = workingDirectory
        self.dataDirectory = dataDirectory
        self.statbankURL = statbankURL
        let areasSource: Source
        do {
            areasSource = Source(name: BuiltInAreas.fileName, text: try BuiltInAreas.source())
        } catch {
            throw ScriptError(diagnostic: Diagnostic(error.description, at: nil),
                              source: Source(name: BuiltInAreas.fileName, text: ""))
        }
        try run(areasSource) { _ in }
        recordsNotebook = true
    }

    /// Parses the whole source, then runs its statements in order, stopping at the first error.
    /// A syntax error anywhere means nothing runs.
    public func run(_ source: Source, emit: (Output) -> Void) throws(ScriptError) {
        var scope = defaults
        let statements = try parse(source, defaults: &scope)
        defaults = scope
        try execute(statements, of: source, emit: emit)
    }

    /// Runs a whole script (a file, or -c): as `run`, after refusing a `--set` parameter that
    /// neither it nor a script it runs declares or uses, so that a misspelt one is not ignored.
    public func run(script source: Source, emit: (Output) -> Void) throws(ScriptError) {
        if !parameters.isEmpty, let names = ScriptParameters.names(in: source, from: source.folder ?? workingDirectory),
           let name = parameters.keys.sorted().first(where: { !names.contains($0) }) {
            let known = names.sorted()
            let hint = NameMatcher.closest(to: name, in: known).map { "; did you mean \($0)?" } ?? ""
            let list = known.isEmpty ? "it has none" : "its parameters: " + known.joined(separator: ", ")
            let given = name.shortenedForMessage
            throw ScriptError(diagnostic: Diagnostic("--set \(given): the script has no parameter \(given)\(hint) (\(list))",
                                                     at: nil), source: source)
        }
        try run(source, emit: emit)
    }

    private func parse(_ source: Source, defaults: inout [String: String]) throws(ScriptError) -> [Statement] {
        var parsed = 0
        do {
            return try Parser.parse(source, parameters: parameters, defaults: &defaults, parsed: &parsed)
        } catch {
            if source.folder != nil, !source.name.hasSuffix(".rdr"), parsed == 0 {
                // A file that is not named as a script and is not one from its first statement
                // (run /etc/passwd): say so rather than quote it.
                throw ScriptError(diagnostic: Diagnostic("it is not an rdr script: its first statement is not one "
                                                         + "(scripts are named NAME.rdr)", at: nil), source: source)
            }
            var failure = ScriptError(diagnostic: error, source: source)
            failure.stoppedWholeScript = parsed > 0
            throw failure
        }
    }

    private func execute(_ statements: [Statement], of source: Source, emit: (Output) -> Void) throws(ScriptError) {
        let clock = ContinuousClock()
        let callerFolder = scriptFolder
        scriptFolder = source.folder
        defer { scriptFolder = callerFolder }
        var remaining = statements.count
        for statement in statements {
            guard !Interruption.isRequested else {  // Ctrl-C: this statement and the rest do not run
                throw ScriptError(diagnostic: Diagnostic("interrupted (Ctrl-C) before this statement", at: statement.range), source: source)
            }
            let started = clock.now
            defer { timer?(source.snippet(statement.range), clock.now - started) }
            var shown: [Document.Block] = []
            drawnMap = nil
            do {
                try execute(statement) { output in
                    switch output {
                    case .result(let result, _): shown.append(.result(result))
                    case .chart(let chart, _): shown.append(.chart(chart))
                    default: break
                    }
                    emit(output)
                }
                if recordsNotebook && runDepth == 0 && statement.kind.belongsInSavedScript {
                    typedStatements.append(source.snippet(statement.range))
                }
                if recordsNotebook && statement.kind.belongsInNotebook {
                    // `let` shows only a line at the prompt; the report shows what it computed.
                    if case .bind(let name, _) = statement.kind, let kept = result(named: name.value) { shown.append(.result(kept)) }
                    // A result that has a chart is followed by it.
                    if statement.kind.computes, let chart = results.last.flatMap({ chart(of: $0.result) }) {
                        shown.append(.chart(chart))
                    }
                    // `chart s` right after s drew that chart already adds nothing to a report.
                    let repeatsLastChart = shown.count == 1 && shown.first == notebook.last && {
                        if case .chart = statement.kind { true } else { false }
                    }()
                    if !repeatsLastChart {
                        notebook.append(.statement(source.snippet(statement.range)))  // a statement is one line
                        notebook += shown
                    }
                    if let drawnMap { notebook.append(.map(drawnMap)) }
                }
            } catch {
                var failure: ScriptError
                switch error {
                case let nested as ScriptError:  // in a script this one runs
                    failure = nested
                    failure.callers.insert("\(source.name):\(statement.range.start.line)", at: 0)
                case let diagnostic as Diagnostic:
                    failure = ScriptError(diagnostic: diagnostic, source: source)
                default:
                    failure = ScriptError(diagnostic: Diagnostic("\(error)", at: statement.range), source: source)
                }
                failure.notRun += remaining - 1
                throw failure
            }
            if case .quit = statement.kind { return }
            remaining -= 1
        }
    }

    /// The result `name` refers to (`_` is the last one).
    public func result(named name: String) -> ResultSet? {
        results.last { $0.name == name }?.result.table
    }

    /// Renders an output in the session's format (or the one it asks for), with no control
    /// character that could reach a terminal raw. `width` (a terminal's columns) limits a table
    /// and breaks a message's lines at spaces;
    /// `csvCaption` false gives pure CSV, whose caption `aside(_:)` has.
    public func render(_ output: Output, width: Int? = nil, csvCaption: Bool = true) -> String {
        switch output {
        case .result(let result, let format):
            Renderer(format: format ?? self.format, csvCaption: csvCaption, width: width).render(result)
        case .message(let text): wrapped(terminalSafe(text.hasSuffix("\n") ? text : text + "\n"), width: width)
        case let .chart(chart, characters):
            TerminalChart.render(chart, style: TerminalChart.Style(characters: characters ?? chartStyle.characters,
                                                                   colour: chartStyle.colour), width: width)
        case .progress(let text): terminalSafe(text.hasSuffix("\n") ? text : text + "\n")
        case .quit: ""
        }
    }

    /// What a person should see beside an output rendered as pure CSV: its notes, footer and
    /// provenance, a line each; empty for every other output and format.
    public func aside(_ output: Output) -> String {
        guard case .result(let result, let format) = output, (format ?? self.format).declaration.isCSV else { return "" }
        return Renderer.caption(of: result).map { $0 + "\n" }.joined()
    }

    // MARK: State changes used by the interpreter

    /// The name the last result always has.
    static let lastName = "_"

    func keep(_ result: KeptResult, as name: String?) {
        results.removeAll { $0.name == Self.lastName || $0.name == name }
        if let name { results.append((name, result)) }
        results.append((Self.lastName, result))
    }

    func drop(_ name: String) -> Bool {
        let before = results.count
        results.removeAll { $0.name == name }
        return results.count < before
    }

    func define(_ area: AreaDefinition) -> Bool {
        if let index = areas.firstIndex(where: { $0.key.matchingKey == area.key.matchingKey }) {
            areas[index] = area
            return true
        }
        areas.append(area)
        return false
    }

    func municipalityMatcher(for dataset: Dataset) -> NameMatcher<Municipality> {
        if let cached = cachedMunicipalityMatchers[dataset.collection] { return cached }
        let matcher = NameMatcher(dataset.municipalities) { [$0.name, String($0.code)] }
        cachedMunicipalityMatchers[dataset.collection] = matcher
        return matcher
    }

    var areaMatcher: NameMatcher<AreaDefinition> {
        if let cachedAreaMatcher { return cachedAreaMatcher }
        let matcher = NameMatcher(areas) { [$0.key, $0.title] }
        cachedAreaMatcher = matcher
        return matcher
    }

    /// Keeps `dataset` in the workspace (replacing one of the same collection and id) and makes it current.
    func use(_ dataset: Dataset) {
        if let index = workspace.firstIndex(where: { $0.collection == dataset.collection && $0.id == dataset.id }) {
            workspace[index] = dataset
        } else {
            workspace.append(dataset)
        }
        self.dataset = dataset
    }

    func dataCollection(_ name: String) throws(DataError) -> any DataCollection {
        if name == "local" { return try localCollection() }
        if let cached = collections[name] { return cached }
        let loaded: any DataCollection = name == "teaching" ? try TeachingData.load() : try RealSnapshot.load()
        collections[name] = loaded
        return loaded
    }

    /// Runs a nested script (`run FILE`); the interpreter has checked the depth.
    func runNested(_ source: Source, emit: (Output) -> Void) throws(ScriptError) {
        runDepth += 1
        defer { runDepth -= 1 }
        var scope = defaults
        try execute(parse(source, defaults: &scope), of: source, emit: emit)
    }
}

extension Session {
    /// The session so far as a document, titled by `set title` or else `fallbackTitle`.
    public func document(fallbackTitle: String, date: Date = Date()) -> Document {
        Document(title: title ?? fallbackTitle, date: Self.dateText(date, in: language), generator: "rdr \(rdrVersion)",
                 parameters: parameterValues, blocks: notebook, language: language)
    }

    /// The parameters and the values they have now, `--set` over `param`, in name order.
    var parameterValues: [(name: String, value: String)] {
        defaults.merging(parameters) { _, given in given }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// "2 December 2026" ("2. december 2026"), in the Gregorian calendar and UTC, whatever the locale.
    static func dateText(_ date: Date, in language: Language = .en) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return language.date(day: parts.day!, month: parts.month!, year: parts.year!)
    }
}

/// rdr's version, as `--version` and every report say it.
public let rdrVersion = "1.0.0"

extension Statement.Kind {
    /// Whether `save` keeps the statement: all that replays the session, not help or saving.
    var belongsInSavedScript: Bool {
        switch self {
        case .help, .quit, .save: false
        default: true
        }
    }

    /// Whether a report shows the statement: the work, not talk about the session.
    var belongsInNotebook: Bool {
        switch self {
        case .run, .help, .quit, .setFormat, .setLanguage, .setTitle, .report, .export, .drop, .fetch, .forget, .importFile: false
        case .chart(let request): request.path == nil  // to FILE.svg is an export
        default: true
        }
    }

    /// Whether the statement computes a new result (kept as `_`), not shows a kept one again.
    var computes: Bool {
        switch self {
        case .query(let query), .bind(_, let query):
            if case .reference = query { false } else { true }
        default: false
        }
    }
}
