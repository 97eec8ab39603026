import Foundation
import RdrLanguage
import RdrRender

/// Writes outputs to the standard streams. Results go to standard output; in csv and json,
/// messages go to standard error so that the output stays machine-readable, and so does a CSV
/// result's caption unless `csvCaption` asks for it in the CSV itself.
struct Console {
    let defaultFormat: OutputFormat
    let interactive: Bool
    /// Whether CSV on standard output ends with its caption as `#,"…"` records (`--csv-caption`).
    let csvCaption: Bool

    init(format: OutputFormat?, csvCaption: Bool = false) {
        StandardStream.error.reopenIfClosed()
        interactive = isatty(STDOUT_FILENO) == 1
        defaultFormat = format ?? (interactive ? .table : .csv)
        self.csvCaption = csvCaption
    }

    /// Runs a whole source as a script; false after an error (already reported).
    func run(_ source: Source, in session: Session) -> Bool {
        do {
            try session.run(script: source) { write($0, session: session) }
            return true
        } catch {
            self.error(error.formatted)
            return false
        }
    }

    /// Runs lines read from a pipe one by one, stopping at the first error or `quit`.
    func runLines(name: String, in session: Session) -> Bool {
        var number = 0
        var quit = false
        while !quit, let line = readLine(strippingNewline: true) {
            number += 1
            do {
                try session.run(Source(name: name, text: line, firstLine: number)) { output in
                    if case .quit = output { quit = true }
                    write(output, session: session)
                }
            } catch {
                self.error(error.formatted)
                self.error("note: stopped here; the lines after it on standard input, if any, were not run")
                return false
            }
        }
        return true
    }

    func write(_ output: Output, session: Session) {
        let text = session.render(output, width: terminalWidth, csvCaption: csvCaption)
        guard !text.isEmpty else { return }
        if case .progress = output {
            if isatty(STDERR_FILENO) == 1 { StandardStream.error.write(text) }
            return
        }
        if case .message = output, session.format.declaration.isForPrograms {
            StandardStream.error.write(text)
        } else if case .chart = output, session.format.declaration.isForPrograms {  // not a record for a program
            StandardStream.error.write(text)
        } else {
            StandardStream.output.write(text)
            if !csvCaption { StandardStream.error.write(session.aside(output)) }
        }
    }

    /// How charts are drawn: block characters when the locale is UTF-8 (the first of LC_ALL,
    /// LC_CTYPE and LANG that is set decides, as in C), else ASCII; colour only on a terminal and
    /// when NO_COLOR is unset (no-color.org).
    func chartStyle(environment: [String: String]) -> TerminalChart.Style {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let utf8 = locale.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8")
        return TerminalChart.Style(characters: utf8 ? .unicode : .ascii, colour: interactive && environment["NO_COLOR"] == nil)
    }

    /// A line for the person at the prompt, such as the greeting; standard output.
    func say(_ text: String) {
        StandardStream.output.write(wrapped(terminalSafe(text), width: terminalWidth) + "\n")
    }

    func timing(_ label: String, _ duration: Duration) {
        let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
        error("timing \(String(format: "%8.3f", milliseconds)) ms  \(label)")
    }

    /// A message on standard error, with no control character that could reach the terminal raw
    /// (a diagnostic quotes what was typed or read). A one-line message is wrapped at spaces to
    /// the terminal; one of several lines is not, as a diagnostic's caret must stay under its
    /// source line.
    func error(_ text: String) {
        let safe = terminalSafe(text)
        StandardStream.error.write((safe.contains("\n") ? safe : wrapped(safe, width: terminalWidth)) + "\n")
    }

    /// The terminal's width when standard output is one (TIOCGWINSZ, else $COLUMNS); nil for a
    /// pipe or a file, whose tables are never cut to fit.
    private var terminalWidth: Int? {
        guard interactive else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// Standard output or standard error, written with write(2) until every byte is out. On standard
/// output a closed pipe (`rdr … | head -1`) ends rdr quietly by SIGPIPE, as it ends other Unix
/// tools, and any other failure, such as a full disk, is one line on standard error and exit
/// status 1. A message that cannot be written to standard error (`2>/dev/full`, `2>&-`) is
/// dropped: the results on standard output still matter.
enum StandardStream: Int32 {
    case output = 1
    case error = 2

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(rawValue, buffer.baseAddress! + written, buffer.count - written)
            }
            if count >= 0 {
                written += count
            } else if errno != EINTR {
                guard self == .output else { return }
                fail(errno)
            }
        }
    }

    /// Puts /dev/null where a closed descriptor (`2>&-`) was, so that no file rdr opens later
    /// takes its number and receives the messages meant for it.
    func reopenIfClosed() {
        guard fcntl(rawValue, F_GETFD) == -1, errno == EBADF else { return }
        let descriptor = open("/dev/null", O_WRONLY)
        if descriptor >= 0, descriptor != rawValue {
            dup2(descriptor, rawValue)
            close(descriptor)
        }
    }

    /// Ends rdr after standard output failed.
    private func fail(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        let message = Array("rdr: cannot write to standard output: \(String(cString: strerror(code)))\n".utf8)
        _ = message.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(1)
    }
}
