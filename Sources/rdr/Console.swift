import Foundation
import RdrLanguage
import RdrRender

/// Writes outputs to the standard streams. Results go to standard output; in csv and json,
/// messages go to standard error so that the output stays machine-readable.
struct Console {
    let defaultFormat: OutputFormat
    let interactive: Bool

    init(format: OutputFormat?) {
        interactive = isatty(STDOUT_FILENO) == 1
        defaultFormat = format ?? (interactive ? .table : .csv)
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
                return false
            }
        }
        return true
    }

    func write(_ output: Output, session: Session) {
        let text = session.render(output)
        guard !text.isEmpty else { return }
        if case .progress = output {
            if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data(text.utf8)) }
            return
        }
        if case .message = output, session.format == .csv || session.format == .json {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    func timing(_ label: String, _ duration: Duration) {
        let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
        error("timing \(String(format: "%8.3f", milliseconds)) ms  \(label)")
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
