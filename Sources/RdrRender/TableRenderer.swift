import RdrEngine

/// The boxed table people read in the terminal, in the style of the DuckDB shell.
enum TableRenderer {
    static func render(_ result: ResultSet) -> String {
        let header = result.columns.map { singleLine($0.title) }
        let body = displayRows(result.rows, of: result)
        let footer = displayRows(result.footer, of: result)
        let sections = [[header], body, footer].filter { !$0.isEmpty }
        let widths = columnWidths(sections.flatMap { $0 }, count: result.columns.count)
        let alignments = result.columns.map(\.kind.isRightAligned)

        var lines = result.title.isEmpty ? [] : [result.title]
        lines.append(rule("┌", "┬", "┐", widths))
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(rule("├", "┼", "┤", widths)) }
            lines += section.map { line($0, widths: widths, rightAligned: alignments) }
        }
        lines.append(rule("└", "┴", "┘", widths))
        lines += result.notes.map { "Note: " + $0 }
        lines += result.captionLines
        return lines.joined(separator: "\n") + "\n"
    }

    private static func displayRows(_ rows: [[ResultSet.Value]], of result: ResultSet) -> [[String]] {
        rows.map { result.cells(of: $0, for: .people).map(\.displayText) }
    }

    /// Widths in characters, so that æ, ø and å count one each.
    private static func columnWidths(_ rows: [[String]], count: Int) -> [Int] {
        (0..<count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    }

    private static func rule(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
    }

    private static func line(_ cells: [String], widths: [Int], rightAligned: [Bool]) -> String {
        let padded = cells.indices.map { column in
            let padding = String(repeating: " ", count: widths[column] - cells[column].count)
            return rightAligned[column] ? padding + cells[column] : cells[column] + padding
        }
        return "│ " + padded.joined(separator: " │ ") + " │"
    }
}
