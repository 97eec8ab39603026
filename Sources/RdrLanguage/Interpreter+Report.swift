import RdrRender
import RdrReport

/// `report to FILE` and `rdr --report FILE`: the notebook so far, written whole or not at all.
extension Session {
    func writeReport(to path: Located<String>, emit: (Output) -> Void) throws {
        do {
            emit(.message(try writeReport(to: path.value, fallbackTitle: "rdr session")))
        } catch {
            throw Diagnostic(error.message, at: path.range)
        }
    }

    /// Writes the report and says what it wrote; `fallbackTitle` serves when no `set title` was given.
    public func writeReport(to path: String, fallbackTitle: String) throws(ReportError) -> String {
        guard let format = DocumentRenderer.Format(path: path) else {
            throw ReportError(message: "a report is written as .html or .md; '\(path)' is neither")
        }
        let document = self.document(fallbackTitle: fallbackTitle)
        guard !document.results.isEmpty else {
            throw ReportError(message: "there is nothing to report yet: no statement has shown a result")
        }
        do {
            try AtomicFile.write(DocumentRenderer.render(document, as: format), to: resolve(path).path)
        } catch {
            throw ReportError(message: error.description)
        }
        let count = document.results.count
        return "Wrote the report (\(count) result\(count == 1 ? "" : "s")) to \(path) as \(format.rawValue)."
    }
}

/// Why a report was not written, in one line.
public struct ReportError: Error, Sendable {
    public let message: String
}
