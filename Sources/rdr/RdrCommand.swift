import ArgumentParser
import Foundation
import RdrData
import RdrLanguage
import RdrRender
import RdrReport
import RdrStatbank

/// The shell around the language: arguments, files, standard streams and the prompt.
@main
struct RdrCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rdr",
        abstract: "Find økonomisk råderum: rank Danish municipalities' spending per person, area by area.",
        discussion: """
            Without a script, rdr opens a prompt (type help). Examples:
              rdr
              rdr examples/budget-round.rdr --set kommune=Korsbæk --set place=30
              rdr -c 'load teaching R2020; gap Korsbæk to 40' --format csv
            """,
        version: "rdr \(rdrVersion) — GPL-3.0-or-later (LICENSE); data © Statistics Denmark, CC BY 4.0")

    @Argument(help: "A script (.rdr) to run; stops at the first error.")
    var script: String?

    @Option(name: .short, help: "Statements to run instead of a script, separated by ';'.")
    var command: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A script parameter, used as $NAME.", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Option(help: "table, csv, excel-csv (for Danish Excel), markdown or json (default: table on a terminal, csv otherwise).")
    var format: String?

    @Option(help: "The language of results' headings, titles, notes and captions: en or da (default: da when LC_ALL, LC_MESSAGES or LANG starts with da, else en).")
    var lang: String?

    @Flag(help: "In CSV, end the rows with the notes, the median or total and the provenance as #,\"…\" records (pandas: comment='#'); without it they go to standard error.")
    var csvCaption = false

    @Option(help: ArgumentHelp("After the script or -c: write what it showed as a report (.html or .md, or a workbook .xlsx), with each statement as typed.",
                               valueName: "FILE"))
    var report: String?

    @Option(help: "The local store of Statistics Denmark's tables (default: $XDG_DATA_HOME/rdr).")
    var dataDir: String?

    @Option(help: ArgumentHelp("The Statbank API that fetch asks.", valueName: "URL"))
    var statbankURL: String = StatbankClient.defaultBaseURL.absoluteString

    @Flag(help: "Print how long start-up and each statement took to standard error.")
    var timings = false

    @Option(help: "Where the prompt keeps its history (default: $XDG_STATE_HOME/rdr/history).")
    var historyFile: String?

    func validate() throws {
        for (option, value) in [("--data-dir", dataDir), ("--history-file", historyFile)] where value?.isEmpty == true {
            throw ValidationError("\(option) needs a path; got an empty one")
        }
        if script != nil && command != nil {
            throw ValidationError("give a script or -c, not both")
        }
        if URL(string: statbankURL)?.scheme == nil {
            throw ValidationError("--statbank-url needs a URL such as https://api.statbank.dk/v1")
        }
        if let report {
            guard script != nil || command != nil else {
                throw ValidationError("--report goes with a script or -c; at the prompt, type report to FILE")
            }
            guard ReportFormat(path: report) != nil else {
                throw ValidationError("--report writes .html, .md or .xlsx; '\(report)' is none of them")
            }
        }
        if let format, OutputFormat(name: format) == nil {
            throw ValidationError("unknown format '\(format)'; choose \(OutputFormat.namesText)")
        }
        if let lang, Language(name: lang) == nil {
            throw ValidationError("unknown language '\(lang)'; choose en (English) or da (dansk)")
        }
        for parameter in parameters where !parameter.contains("=") || parameter.hasPrefix("=") {
            throw ValidationError("--set takes NAME=VALUE, as in --set kommune=Korsbæk; got '\(parameter)'")
        }
    }

    func run() throws {
        AtomicFile.removeTemporaryFileOnTermination()
        let console = Console(format: format.flatMap(OutputFormat.init(name:)), csvCaption: csvCaption)
        let clock = ContinuousClock()
        let started = clock.now
        let session: Session
        guard let dataDirectory = dataDir ?? LocalStore.defaultRoot(environment: ProcessInfo.processInfo.environment) else {
            console.error("rdr: there is no home folder (HOME is unset and the user has none) to keep the local store in; "
                          + "give one with --data-dir")
            throw ExitCode.failure
        }
        do {
            session = try Session(
                format: console.defaultFormat,
                language: lang.flatMap(Language.init(name:)) ?? .preferred(by: ProcessInfo.processInfo.environment),
                parameters: parsedParameters, dataDirectory: dataDirectory,
                statbankURL: URL(string: statbankURL)!)
        } catch {
            console.error(error.formatted)
            throw ExitCode.failure
        }
        session.chartStyle = console.chartStyle(environment: ProcessInfo.processInfo.environment)
        if timings {
            console.timing("(start-up)", clock.now - started)
            session.timer = console.timing
        }
        let succeeded: Bool
        if script != nil || command != nil || isatty(STDIN_FILENO) != 1 {
            Interruption.requestOnCtrlC()  // a script stops after the statement that runs
        }
        if let command {
            succeeded = console.run(Source(name: "-c", text: command), in: session)
        } else if let script {
            let source: Source
            do {
                source = try ScriptFile.read(script, from: FileManager.default.currentDirectoryPath)
            } catch {
                console.error("rdr: \(error)")
                throw ExitCode.failure
            }
            succeeded = console.run(source, in: session)
        } else if isatty(STDIN_FILENO) == 1 {
            Prompt(session: session, console: console, historyPath: historyPath).loop()
            return
        } else {
            succeeded = console.runLines(name: "<stdin>", in: session)
        }
        if Interruption.isRequested { throw ExitCode(128 + SIGINT) }  // as a shell reports Ctrl-C
        if !succeeded {
            if let report { console.error("rdr: no report written to \(report): the script stopped at an error") }
            throw ExitCode.failure
        }
        if let report {
            do {
                let title = script.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "rdr -c"
                console.error(try session.writeReport(to: report, fallbackTitle: title))
            } catch {
                console.error("rdr: no report written to \(report): \(error.message)")
                throw ExitCode.failure
            }
        }
    }

    private var parsedParameters: [String: String] {
        var result: [String: String] = [:]
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            result[String(parts[0])] = String(parts[1])
        }
        return result
    }

    /// nil when there is no home folder to keep it in. A relative $XDG_STATE_HOME is ignored, as
    /// the XDG Base Directory specification says.
    private var historyPath: String? {
        if let historyFile { return historyFile }
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/rdr/history" }
        return HomeFolder.path(in: environment).map { $0 + "/.local/state/rdr/history" }
    }
}
