import RdrEngine
import RdrReport

/// RFC 4180 CSV for spreadsheets and scripts: one header, one record per row, machine-style
/// numbers, CRLF line ends. The footer (a median, a total) is not a row: it goes with the caption.
enum CSVRenderer {
    /// How the records are spelt; the records themselves (columns, keys, rows) are the same.
    struct Dialect {
        var separator: Unicode.Scalar
        /// Between the whole and the fraction of a number: "." for programs, "," in Danish.
        var decimalMark: Character
        /// Whether the text starts with a UTF-8 byte-order mark, by which Excel knows the
        /// encoding (without it, Excel reads ANSI and shows "Ã¦" for "æ").
        var byteOrderMark: Bool

        /// RFC 4180, for programs.
        static let standard = Dialect(separator: ",", decimalMark: ".", byteOrderMark: false)
        /// What Excel with Danish regional settings opens with a double click: ";" between fields
        /// (the list separator where "," is the decimal mark), a decimal comma, no grouping, a BOM.
        static let danishExcel = Dialect(separator: ";", decimalMark: ",", byteOrderMark: true)
    }

    /// - Parameter caption: whether the caption follows the rows as two-field `#,"…"` records,
    ///   which pandas skips with `comment='#'` and a spreadsheet shows as text, never a formula.
    static func render(_ result: ResultSet, caption: Bool, dialect: Dialect = .standard) -> String {
        var lines = [record(result.columns.map(\.key), dialect)]
        lines += result.rows.map { row in
            record(result.cells(of: row, for: .programs).map { field($0, dialect) }, dialect)
        }
        if caption {
            lines += captionLines(of: result, dialect: dialect).map {
                "#" + String(dialect.separator) + quoted(neutralised($0), dialect, always: true)
            }
        }
        return (dialect.byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The notes, the footer as `median: place=50, municipality=…`, and the provenance, a line each.
    static func captionLines(of result: ResultSet, dialect: Dialect = .standard) -> [String] {
        let footer = result.footer.map { row in
            let cells = zip(result.columns, result.cells(of: row, for: .programs)).compactMap { column, cell in
                switch cell {
                case .text(let text): "\(column.key)=\(text)"
                case .number(let number): "\(column.key)=\(spelt(number, dialect))"
                case .missing, .blank: nil
                }
            }
            return "\(result.footerKey): " + cells.joined(separator: ", ")
        }
        return (result.notes.map { result.language.notePrefix + $0 } + footer + result.captionLines).map(singleLine)
    }

    private static func field(_ cell: Cell, _ dialect: Dialect) -> String {
        switch cell {
        case .text(let text): neutralised(csvSafe(text))
        case .number(let number): spelt(number, dialect)
        case .missing, .blank: ""
        }
    }

    /// A number in programs' style (digits, "-", at most one "."), with the dialect's decimal mark.
    private static func spelt(_ number: String, _ dialect: Dialect) -> String {
        String(number.map { $0 == "." ? dialect.decimalMark : $0 })
    }

    /// A text that a spreadsheet would run as a formula gets a leading apostrophe, as OWASP
    /// advises against CSV injection. Only text: a negative amount stays a number.
    private static func neutralised(_ text: String) -> String {
        let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    private static func record(_ fields: [String], _ dialect: Dialect) -> String {
        fields.map { quoted($0, dialect) }.joined(separator: String(dialect.separator))
    }

    private static func quoted(_ field: String, _ dialect: Dialect, always: Bool = false) -> String {
        let needsQuotes = always || field.unicodeScalars.contains { [dialect.separator, "\"", "\r", "\n"].contains($0) }
        return needsQuotes ? "\"" + escaping(["\""], with: "\"", in: field) + "\"" : field
    }
}
