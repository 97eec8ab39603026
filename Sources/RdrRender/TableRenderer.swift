import RdrEngine
import RdrReport

/// The boxed table people read in the terminal, in the style of the DuckDB shell. Given a width,
/// it fits it: long text cells wrap onto more lines (at spaces where it can), numbers never do,
/// and columns that still do not fit are left out, with a note that says which.
enum TableRenderer {
    /// The narrowest a wrapped text column becomes (or its widest cell, if narrower).
    static let narrowestText = 10

    static func render(_ result: ResultSet, width: Int?) -> String {
        let shown = result.columnIndices(for: .people)
        let header = shown.map { singleLine(result.columns[$0].title) }
        let body = displayRows(result.rows, of: result, columns: shown)
        let footer = displayRows(result.footer, of: result, columns: shown)
        var sections = [[header], body, footer].filter { !$0.isEmpty }
        var alignments = shown.map { result.columns[$0].kind.isRightAligned }
        var widths = columnWidths(sections.flatMap { $0 }, count: shown.count)

        var notes = result.notes.map { result.language.notePrefix + $0 }
        if let width {
            let fitted = fit(widths, floors: floors(header: header, cells: body + footer, numeric: alignments),
                             into: width)
            if fitted.count < widths.count {
                let left = shown[fitted.count...].map { result.columns[$0].title }
                notes.append(result.language.columnsLeftOut(width: width, left.joined(separator: ", ")))
                sections = sections.map { $0.map { Array($0.prefix(fitted.count)) } }
                alignments = Array(alignments.prefix(fitted.count))
            }
            widths = fitted
        }

        var lines = result.title.isEmpty ? [] : [singleLine(result.title)]
        lines.append(rule("┌", "┬", "┐", widths))
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(rule("├", "┼", "┤", widths)) }
            lines += section.flatMap { physicalLines($0, widths: widths, rightAligned: alignments) }
        }
        lines.append(rule("└", "┴", "┘", widths))
        lines += (notes + result.captionLines).map(singleLine)
        if let width {
            lines = lines.flatMap { wrapped($0, width: width) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func displayRows(_ rows: [[ResultSet.Value]], of result: ResultSet, columns: [Int]) -> [[String]] {
        rows.map { row in
            let cells = result.cells(of: row, for: .people)
            return columns.map { cells[$0].displayText(in: result.language) }
        }
    }

    /// Widths in characters, so that æ, ø and å count one each.
    private static func columnWidths(_ rows: [[String]], count: Int) -> [Int] {
        (0..<count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    }

    /// How far each column may be narrowed, in two stages: first to its longest word (a heading
    /// and text cells wrap at spaces, numbers never wrap), then text further, to `narrowestText`,
    /// breaking words. A number column never gets narrower than its widest figure.
    static func floors(header: [String], cells: [[String]], numeric: [Bool]) -> [[Int]] {
        let longestWord = { (text: String) in
            text.split(separator: " ").flatMap(hyphenatedPieces).map(\.count).max() ?? 0
        }
        let whole = header.indices.map { column in
            let figures = cells.map { numeric[column] ? $0[column].count : longestWord($0[column]) }
            return max(longestWord(header[column]), figures.max() ?? 0)
        }
        let broken = header.indices.map { column in
            numeric[column] ? cells.map { $0[column].count }.max() ?? 0 : min(whole[column], narrowestText)
        }
        return [whole, broken]
    }

    /// The widths that make the box at most `limit` wide: stage by stage (`floors`), the widest
    /// column that may still give is narrowed one character at a time; then columns are left out
    /// from the right (at least one stays).
    static func fit(_ natural: [Int], floors: [[Int]], into limit: Int) -> [Int] {
        var widths = natural
        let boxWidth = { (widths: [Int]) in widths.reduce(0, +) + 3 * widths.count + 1 }
        for floor in floors {
            while boxWidth(widths) > limit {
                let candidates = widths.indices.filter { widths[$0] > floor[$0] }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        while boxWidth(widths) > limit && widths.count > 1 {
            widths.removeLast()
        }
        return widths
    }

    private static func rule(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
    }

    /// A row as one or more lines: each cell wrapped to its column's width.
    private static func physicalLines(_ cells: [String], widths: [Int], rightAligned: [Bool]) -> [String] {
        let wrappedCells = cells.indices.map { wrapped(cells[$0], width: widths[$0]) }
        let height = wrappedCells.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let padded = cells.indices.map { column in
                let text = lineIndex < wrappedCells[column].count ? wrappedCells[column][lineIndex] : ""
                let padding = String(repeating: " ", count: max(0, widths[column] - text.count))
                return rightAligned[column] ? padding + text : text + padding
            }
            return "│ " + padded.joined(separator: " │ ") + " │"
        }
    }

    /// The text in lines of at most `width` characters, broken at spaces or after a hyphen
    /// ("6-16-" / "year-old") where it can, and inside a word only when the piece alone is longer,
    /// then with a hyphen at the break ("Skolefriti-" / "dsordninger"). Nothing is lost.
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            for (index, piece) in hyphenatedPieces(word).enumerated() {
                var piece = piece
                // A word's first piece follows a space; the pieces after a hyphen follow it directly.
                let glue = index == 0 && !current.isEmpty ? " " : ""
                if current.count + glue.count + piece.count <= width {
                    current += glue + piece
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = ""
                while piece.count > width {
                    // A word broken inside says so with a hyphen, where there is room for one.
                    let hyphenate = width >= 4 && piece.prefix(width).last?.isLetter == true
                    let taken = hyphenate ? width - 1 : width
                    lines.append(String(piece.prefix(taken)) + (hyphenate ? "-" : ""))
                    piece = piece.dropFirst(taken)
                }
                current = String(piece)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// A word cut after each hyphen that has a letter or digit on both sides ("6-16-year-old" →
    /// "6-", "16-", "year-", "old"); a leading minus (−1.018) stays with its number.
    static func hyphenatedPieces(_ word: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = word.startIndex
        var index = word.startIndex
        while index < word.endIndex {
            let next = word.index(after: index)
            if word[index] == "-", index > start, next < word.endIndex,
               word[word.index(before: index)].isLetterOrDigit, word[next].isLetterOrDigit {
                pieces.append(word[start..<next])
                start = next
            }
            index = next
        }
        if start < word.endIndex || pieces.isEmpty { pieces.append(word[start...]) }
        return pieces
    }
}

private extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}

/// A message for a terminal `width` characters wide: each line broken at spaces, as the
/// table's notes are, rather than cut mid-word by the terminal. No width leaves it as it is.
public func wrapped(_ text: String, width: Int?) -> String {
    guard let width else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
        .flatMap { TableRenderer.wrapped(String($0), width: width) }
        .joined(separator: "\n")
}
