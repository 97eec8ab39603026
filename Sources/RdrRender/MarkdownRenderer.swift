import RdrEngine
import RdrReport

/// A GitHub pipe table, for pasting into documents and issues.
enum MarkdownRenderer {
    static func render(_ result: ResultSet) -> String {
        var lines = result.title.isEmpty ? [] : ["**" + escaped(result.title) + "**", ""]
        let columns = result.columnIndices(for: .people).map { result.columns[$0] }
        lines.append(tableRow(columns.map { escaped($0.title) }))
        lines.append(tableRow(columns.map { $0.kind.isRightAligned ? "---:" : "---" }))
        lines += result.rows.map { tableRow(cells(of: $0, in: result)) }
        lines += result.footer.map { tableRow(cells(of: $0, in: result).map(bold)) }
        // A blank line before each remark keeps Markdown from joining them into one paragraph
        // (or pulling a caption into the note's quote).
        let remarks = result.notes.map { "> " + result.language.notePrefix + escaped($0) }
            + result.captionLines.map { "_" + escaped($0) + "_" }
        for remark in remarks {
            lines += ["", remark]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cells(of row: [ResultSet.Value], in result: ResultSet) -> [String] {
        let cells = result.cells(of: row, for: .people)
        return result.columnIndices(for: .people).map { escaped(cells[$0].displayText(in: result.language)) }
    }

    private static func tableRow(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// Empty cells stay empty: "****" would not be bold but literal asterisks.
    private static func bold(_ cell: String) -> String {
        cell.isEmpty ? cell : "**" + cell + "**"
    }

    /// One line with the characters that would end a cell or start emphasis escaped.
    private static func escaped(_ text: String) -> String {
        escaping(["\\", "|", "*", "_"], with: "\\", in: singleLine(text))
    }
}
