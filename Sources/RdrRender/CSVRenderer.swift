import RdrEngine
import RdrReport

/// RFC 4180 CSV for spreadsheets and scripts: one header, one record per row, machine-style
/// numbers, CRLF line ends. The footer (a median, a total) is not a row: it goes with the caption.
enum CSVRenderer {
    /// - Parameter caption: whether the caption follows the rows as two-field `#,"…"` records,
    ///   which pandas skips with `comment='#'` and a spreadsheet shows as text, never a formula.
    static func render(_ result: ResultSet, caption: Bool) -> String {
        var lines = [record(result.columns.map(\.key))]
        lines += result.rows.map { row in
            record(result.cells(of: row, for: .programs).map(field))
        }
        if caption {
            lines += captionLines(of: result).map { "#," + quoted(neutralised($0), always: true) }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The notes, the footer as `median: place=50, municipality=…`, and the provenance, a line each.
    static func captionLines(of result: ResultSet) -> [String] {
        let footer = result.footer.map { row in
            let cells = zip(result.columns, result.cells(of: row, for: .programs)).compactMap { column, cell in
                switch cell {
                case .text(let text): "\(column.key)=\(text)"
                case .number(let number): "\(column.key)=\(number)"
                case .missing, .blank: nil
                }
            }
            return "\(result.footerKey): " + cells.joined(separator: ", ")
        }
        return (result.notes.map { "Note: " + $0 } + footer + result.captionLines).map(singleLine)
    }

    private static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): neutralised(csvSafe(text))
        case .number(let number): number
        case .missing, .blank: ""
        }
    }

    /// A text that a spreadsheet would run as a formula gets a leading apostrophe, as OWASP
    /// advises against CSV injection. Only text: a negative amount stays a number.
    private static func neutralised(_ text: String) -> String {
        let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    private static func record(_ fields: [String]) -> String {
        fields.map { quoted($0) }.joined(separator: ",")
    }

    private static func quoted(_ field: String, always: Bool = false) -> String {
        let needsQuotes = always || field.unicodeScalars.contains { [",", "\"", "\r", "\n"].contains($0) }
        return needsQuotes ? "\"" + escaping(["\""], with: "\"", in: field) + "\"" : field
    }
}
