import Foundation
import RdrData
import RdrEngine
import RdrLanguage
import RdrRender

/// Runs rdr source through the entry points the shell uses: `Session.run` with a `Source`, every
/// result rendered in every format, every error formatted with its caret line, and the prompt's
/// tab completion for the last word.
///
/// One session serves every input (a fresh one costs a load of the teaching data), with the
/// teaching R2020 dataset loaded. After each input it is put back as it was, so that an input
/// behaves the same alone as in a run and a reproducer reproduces: the format, the results, the
/// dataset and the areas are restored, and a `param` default (which only a new session forgets)
/// means a new session. The working folder and the store are reset when the input mentions a
/// statement that writes there.
///
/// Paths stay inside the sandbox: every `/` and `~` in an input becomes `_` before it runs, so
/// `export` cannot reach a file outside the working folder and `run`/`import` cannot read devices
/// such as /dev/stdin (the language needs neither character otherwise).
final class LanguageHarness {
    private let sandbox = Sandbox()
    private var session: Session
    private let areas: [AreaDefinition]
    private let dataset: DatasetFingerprint
    let vocabulary: Vocabulary
    /// Where rendered text goes, so that the rendering is not optimised away.
    private var sink = 0

    init() {
        session = Self.makeSession(in: sandbox)
        areas = session.areas
        dataset = DatasetFingerprint(session.dataset)
        vocabulary = Vocabulary(session: session, files: sandbox.files)
    }

    /// The statbank URL fetch is given: nothing listens there, so every fetch fails at once.
    private static let refusingURL = URL(string: "https://127.0.0.1:9/v1")!

    private static func makeSession(in sandbox: Sandbox) -> Session {
        do {
            let session = try Session(format: .table, workingDirectory: sandbox.work.path,
                                      dataDirectory: sandbox.store.path, statbankURL: refusingURL)
            session.statbankRetry = .init(maxAttempts: 1, baseDelay: 0, factor: 1, sleep: { _ in })
            try session.run(Source(name: "fuzz-setup", text: "load teaching R2020")) { _ in }
            return session
        } catch {
            fatalError("rdr-fuzz: the session does not start: \(error.formatted)")
        }
    }

    /// `text` with every path character that could leave the sandbox replaced.
    static func confined(_ text: String) -> String {
        String(text.map { $0 == "/" || $0 == "~" ? "_" : $0 })
    }

    /// Runs each text as its own source, then puts the session back.
    func run(_ inputs: [String], echo: Bool) {
        let texts = inputs.map(Self.confined)
        for text in texts { run(text, echo: echo) }
        restore(after: texts.joined(separator: "\n"))
    }

    private func run(_ text: String, echo: Bool) {
        do {
            try session.run(Source(name: "fuzz.rdr", text: text)) { output in
                switch output {
                case .result(let result, _):
                    for format in OutputFormat.allCases {
                        consume(session.render(.result(result, format: format)), echo: echo && format == .table)
                    }
                default:
                    consume(session.render(output), echo: echo)
                }
            }
        } catch {
            consume(error.formatted, echo: echo)
        }
        complete(text)
    }

    /// Asks for the completions of the last word, as the prompt does on tab.
    private func complete(_ text: String) {
        let line = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        let word = line.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let candidates = session.completions(forWord: word, after: String(line.dropLast(word.count)))
        sink &+= candidates?.count ?? 0
    }

    private func consume(_ text: String, echo: Bool) {
        sink &+= text.utf8.count
        if echo {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            fflush(nil)
        }
    }

    private func restore(after text: String) {
        let lower = text.lowercased()
        if lower.contains("export") { sandbox.resetWork() }
        if lower.contains("import") || lower.contains("fetch") || lower.contains("forget") { sandbox.resetStore() }
        session.format = .table
        guard !lower.contains("param") else {
            session = Self.makeSession(in: sandbox)
            return
        }
        if session.areas != areas, session.areas.map(\.key) == areas.map(\.key) {
            quietly("areas: built-in", BuiltInAreasText.text)
        }
        if DatasetFingerprint(session.dataset) != dataset {
            quietly("load: the fuzz dataset", "load teaching R2020")
        }
        for name in Set(session.results.map(\.name)) {
            quietly("drop", "drop \(name)")
        }
        if session.areas != areas || DatasetFingerprint(session.dataset) != dataset || !session.results.isEmpty {
            session = Self.makeSession(in: sandbox)
        }
    }

    /// Runs a statement of the harness's own; a failure means the session cannot be put back, and
    /// the check after it makes a new one.
    private func quietly(_ name: String, _ text: String) {
        try? session.run(Source(name: name, text: text)) { _ in }
    }
}

/// What tells a loaded dataset from another: `load` builds the same dataset from the same three.
struct DatasetFingerprint: Equatable {
    let collection: String?
    let id: DatasetID?
    let priceBasis: String?

    init(_ dataset: Dataset?) {
        collection = dataset?.collection
        id = dataset?.id
        priceBasis = dataset?.provenance.priceBasis
    }
}

/// The built-in areas' source, read once.
enum BuiltInAreasText {
    static let text: String = (try? BuiltInAreas.source()) ?? ""
}
