import Foundation
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
        guard let format = ReportFormat(path: path) else {
            throw ReportError(message: "a report is written as .html, .md or .xlsx; '\(path)' is none of them")
        }
        let document = self.document(fallbackTitle: fallbackTitle)
        guard !document.results.isEmpty else {
            throw ReportError(message: "there is nothing to report yet: no statement has shown a result")
        }
        do {
            let bytes = switch format {
            case .document(let text): Array(DocumentRenderer.render(document, as: text).utf8)
            case .workbook: try XLSXWriter.workbook(document)
            }
            try AtomicFile.write(bytes, to: resolve(path).path)
        } catch {
            throw ReportError(message: error.description)
        }
        let count = document.results.count
        let sheets = format == .workbook ? ", a sheet each after the contents" : ""
        return "Wrote the report (\(count) result\(count == 1 ? "" : "s")\(sheets)) to \(path) as \(format.name)."
    }
}

/// What a report is written as, from the file's extension: an HTML or Markdown document, or a
/// workbook (.xlsx) of the results with a sheet of contents.
public enum ReportFormat: Equatable, Sendable {
    case document(DocumentRenderer.Format)
    case workbook

    public init?(path: String) {
        if let text = DocumentRenderer.Format(path: path) {
            self = .document(text)
        } else if ExportFormat(path: path) == .workbook {
            self = .workbook
        } else {
            return nil
        }
    }

    var name: String {
        switch self {
        case .document(let text): text.rawValue
        case .workbook: "xlsx"
        }
    }
}

/// Why a report was not written, in one line.
public struct ReportError: Error, Sendable {
    public let message: String
}

/// `save FILE.rdr`: the session as a script that replays it.
extension Session {
    func saveScript(to path: Located<String>, emit: (Output) -> Void) throws {
        guard path.value.lowercased().hasSuffix(".rdr"), !path.value.hasPrefix(".rdr") else {
            throw Diagnostic("a script is saved as NAME.rdr, which run and rdr read as a script; '\(path.value)' is not",
                             at: path.range)
        }
        guard !typedStatements.isEmpty else {
            throw Diagnostic("there is nothing to save yet: no statement has succeeded in this session", at: path.range)
        }
        do {
            try AtomicFile.write(savedScript(), to: resolve(path.value).path)
        } catch {
            throw Diagnostic(error.description, at: path.range)
        }
        let count = typedStatements.count
        emit(.message("Saved \(count) statement\(count == 1 ? "" : "s") to \(path.value); run \(path.value) replays them."))
    }

    /// A header, the parameters with the values they had (--set ones too), then the statements.
    func savedScript(date: Date = Date()) -> String {
        let values = parameterValues
        var lines = ["# Saved from an rdr session on \(Self.dateText(date)) (rdr \(rdrVersion)).",
                     "# Replay it: rdr THIS.rdr, or run THIS.rdr at the prompt; --set NAME=VALUE changes a parameter."]
        if !values.isEmpty { lines.append("") }
        lines += values.map { "param \($0.name) = \(Self.scriptValue($0.value))" }
        lines.append("")
        lines += typedStatements
        return lines.joined(separator: "\n") + "\n"
    }

    /// A parameter's value as a `param` line writes it: bare when it is a plain word, number,
    /// code or age band (Holbæk, 40, 6-16, 65+, R2024), else a string with `"`, `\` and `$` escaped.
    static func scriptValue(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isLetter || $0.isNumber || "-+._".contains($0) }
        if plain, let first = value.first, let last = value.last, first.isLetter || first.isNumber,
           last != "-", last != ".", !value.contains("..") {
            return value
        }
        var escaped = ""
        for character in value {
            if character == "\"" || character == "\\" || character == "$" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"" + escaped + "\""
    }
}
