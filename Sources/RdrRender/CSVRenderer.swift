import RdrEngine

/// RFC 4180 CSV for spreadsheets and scripts: machine-style numbers, CRLF line ends.
enum CSVRenderer {
    /// - Parameter caption: whether the notes and the provenance follow the data as `# ` lines,
    ///   which pandas skips with `comment='#'`.
    static func render(_ result: ResultSet, caption: Bool) -> String {
        var lines = [record(result.columns.map(\.key))]
        lines += (result.rows + result.footer).map { row in
            record(result.cells(of: row, for: .programs).map(field))
        }
        if caption {
            let remarks = result.notes.map { "Note: " + $0 } + result.captionLines
            lines += remarks.map { "# " + singleLine($0) }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): neutralised(text)
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
        fields.map(quoted).joined(separator: ",")
    }

    private static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { [",", "\"", "\r", "\n"].contains($0) }
        return needsQuotes ? "\"" + escaping(["\""], with: "\"", in: field) + "\"" : field
    }
}
