import Foundation
import RdrEngine

/// A table saved by hand from statistikbanken.dk, rewritten as the Statbank API answer with labels
/// that `StatbankReader` reads, so that one reader checks both and the store keeps the file as it was.
///
/// Two layouts, as seen in public copies of real downloads:
/// - one line per figure: each variable's label, then the figure; no header line.
///   `"Pr. indbygger, løbende priser (kr.)","I alt (netto)","0.28.20 Grønne områder og naturpladser","Hele landet",194`
/// - the table as the website shows it: a title (maybe over several lines), a blank line, one line
///   of column headings per column variable (its first cells empty), then the rows, where a row
///   variable's label is written where it changes and left empty below:
///   ```
///   "Population at the first day of the quarter by region, time, marital",,,,,,
///   "status, age and sex",,,,,,
///   ,,,,,,
///    , , , ,Total,Men,Women
///   All Denmark,,,,,,
///    ,2025Q4,,,,,
///    , , ,0 years,59356,30555,28801
///   ```
/// Either in UTF-8, UTF-16 or Windows-1252 (`TextEncoding`), separated by semicolons, tabs or commas
/// (a semicolon anywhere outside quotes decides for semicolons, else a tab for tabs), quoted or not.
///
/// Which variable a column (or a line of headings) holds is told from its labels — municipality
/// names, "5.38.50 Botilbud …", "1 Driftskonti", "I alt (netto)", "Løbende priser (1.000 kr.)",
/// "2023", "2024K1", "7 år", "Mænd", "Ugift" — not from where it stands. The table is named by the
/// title or the file's name (REGK31, BUDK32, FOLK1A, or the words regnskab, budget, folketal),
/// else told by the variables (functions: REGK31; quarters: FOLK1A).
///
/// A variable the download leaves out was summed over by Statistics Denmark. That is harmless for
/// KØN and CIVILSTAND (the reader takes the total), but DRANST, ART or PRISENHED left out means
/// figures that are not the method's, which is an error saying what to select. TID left out of
/// an accounts download of one year: the year is taken from the file's name (`year(inName:)`; the
/// local store keeps such a file under accounts/R2023/, which tells the year when it is loaded).
///
/// Numbers: in files separated by semicolons or tabs a comma is the decimal sign and points may
/// group thousands (1.234.567); in comma-separated files a point (or a quoted comma) is the decimal
/// sign. `..` is a figure not available.
enum WebsiteDownload {
    /// The download as an API answer, and where each of its lines came from.
    struct Normalised {
        /// UTF-8, semicolons, a header of variable ids and INDHOLD, labels as values.
        let bytes: [UInt8]
        /// For each line of `bytes` (0-based), the 1-based line of the download it came from.
        let sourceLines: [Int]
        /// FOLK1A for population; for accounts the table the title or the file's name names, if any.
        let table: StatbankTable?

        /// An error found reading `bytes`, moved to the line of the download it came from.
        func located(_ error: StatbankFormatError) -> StatbankFormatError {
            guard let line = error.line, !sourceLines.isEmpty else { return error }
            let source = sourceLines[min(max(line - 1, 0), sourceLines.count - 1)]
            return StatbankFormatError(file: error.file, line: source, reason: error.reason)
        }
    }

    /// Whether `bytes` are a Statbank API answer (or empty): the first line that is not blank has a
    /// field INDHOLD. Anything else is taken for a download from the website.
    static func isAPIAnswer(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            if !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                return line.split(separator: ";").contains { field in
                    field.trimmingCharacters(in: [" ", "\t", "\r", "\""]).uppercased() == "INDHOLD"
                }
            }
            start = end + 1
        }
        return true
    }

    static func normalise(_ bytes: [UInt8], name: String, municipalities: [String: Int])
        throws(StatbankFormatError) -> Normalised
    {
        let text = TextEncoding.utf8(bytes)
        let separator = Self.separator(of: text)
        let grid = Grid(text, separator: separator)
        var conversion = Conversion(grid: grid, name: name, separator: separator, municipalities: municipalities)
        return try conversion.run()
    }

    /// `;` when there is one outside quotes in the first 64 kB, else a tab when there is one, else `,`.
    private static func separator(of text: [UInt8]) -> UInt8 {
        var quoted = false, tab = false
        for byte in text.prefix(65_536) {
            if byte == 34 { quoted.toggle() }
            if quoted { continue }
            if byte == 59 { return 59 }
            if byte == 9 { tab = true }
        }
        return tab ? 9 : 44
    }
}

/// The cells of a download, line by line, as ids of their distinct texts: 0 is an empty cell
/// (or one of spaces), `texts[id]` the text, unquoted and trimmed.
private struct Grid {
    var texts: [String] = [""]
    var cells: [Int32] = []
    var rowStarts: [Int] = []
    /// The 1-based line each row starts on (a quoted field may span lines).
    var lines: [Int] = []
    /// One past the last column that is not empty in some row.
    var width = 0

    var rowCount: Int { lines.count }

    init(_ text: [UInt8], separator: UInt8) {
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var cache = FieldCache<Int32>()
            let n = buffer.count
            var i = 0, line = 1
            while i < n {
                rowStarts.append(cells.count)
                lines.append(line)
                var lastFilled = 0
                while true {
                    while i < n, base[i] == 32 { i += 1 }
                    var start = i, end = i, escaped = false
                    if i < n, base[i] == 34 {
                        start = i + 1
                        var j = start
                        while j < n {
                            if base[j] == 34 {
                                if j + 1 < n, base[j + 1] == 34 { escaped = true; j += 2; continue }
                                break
                            }
                            if base[j] == 10 { line += 1 }
                            j += 1
                        }
                        end = j
                        i = min(j + 1, n)
                        while i < n, base[i] != separator, base[i] != 10, base[i] != 13 { i += 1 }
                    } else {
                        while i < n, base[i] != separator, base[i] != 10, base[i] != 13 { i += 1 }
                        end = i
                        while end > start, base[end - 1] == 32 { end -= 1 }
                    }
                    var id: Int32 = 0
                    if end > start {
                        if let known = cache.find(base, start, end) {
                            id = known
                        } else {
                            let decoded = Self.text(base, start, end, escaped: escaped)
                            id = decoded.isEmpty ? 0 : Int32(texts.count)
                            if id != 0 { texts.append(decoded) }
                            _ = cache.insert(id)
                        }
                    }
                    cells.append(id)
                    if id != 0 { lastFilled = cells.count - rowStarts[rowStarts.count - 1] }
                    if i < n, base[i] == separator { i += 1; continue }
                    if i < n, base[i] == 13 { i += 1 }
                    if i < n, base[i] == 10 { i += 1 }
                    line += 1
                    break
                }
                width = max(width, lastFilled)
            }
        }
    }

    /// The text of `start ..< end`, spaces and line ends around it trimmed, `""` read as `"`.
    private static func text(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, escaped: Bool) -> String {
        var start = start, end = end
        let isSpace = { (byte: UInt8) in byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        while start < end, isSpace(base[start]) { start += 1 }
        while end > start, isSpace(base[end - 1]) { end -= 1 }
        let s = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        return escaped ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
    }

    func cell(_ row: Int, _ column: Int) -> Int32 {
        let start = rowStarts[row]
        let end = row + 1 < rowStarts.count ? rowStarts[row + 1] : cells.count
        return column < end - start ? cells[start + column] : 0
    }

    func isBlank(_ row: Int) -> Bool { (0..<width).allSatisfy { cell(row, $0) == 0 } }

    func filledCount(_ row: Int) -> Int { (0..<width).filter { cell(row, $0) != 0 }.count }

    func leadingEmpty(_ row: Int) -> Int { (0..<width).first { cell(row, $0) != 0 } ?? width }
}

/// What a column of a download (or a line of column headings) can hold.
private enum Variable: CaseIterable {
    case area, function, dranst, art, unit, year, quarter, sex, age, maritalStatus

    static let accounts: [Variable] = [.area, .function, .dranst, .art, .unit, .year]
    /// In the order an ambiguous column of totals ("I alt") is given to.
    static let population: [Variable] = [.area, .quarter, .sex, .maritalStatus, .age]

    /// The Statbank variable id.
    var id: String {
        switch self {
        case .area: "OMRÅDE"
        case .function: "FUNKTION"
        case .dranst: "DRANST"
        case .art: "ART"
        case .unit: "PRISENHED"
        case .year, .quarter: "TID"
        case .sex: "KØN"
        case .age: "ALDER"
        case .maritalStatus: "CIVILSTAND"
        }
    }

    var described: String {
        switch self {
        case .area: "a municipality (or Hele landet, a region)"
        case .function: "a function such as '5.38.50 Botilbud til længerevarende ophold'"
        case .dranst: "a dranst such as '1 Driftskonti'"
        case .art: "an art such as 'I alt (netto)' or '0 Beregnede omkostninger'"
        case .unit: "a price unit such as 'Løbende priser (1.000 kr.)'"
        case .year: "a year such as 2023"
        case .quarter: "a quarter such as 2024K1"
        case .sex: "a sex ('I alt', 'Mænd', 'Kvinder')"
        case .age: "an age such as '7 år'"
        case .maritalStatus: "a marital status such as 'Ugift'"
        }
    }

    /// Whether `text` is a label of this variable as the website writes it (codes only where they
    /// cannot be mistaken: years, quarters).
    func accepts(_ text: String, areas: AreaLookup) -> Bool {
        let labelled = text.utf8.contains { !Labels.isDigit($0) }
        switch self {
        case .area: return labelled && Labels.area(text, municipalities: areas.codes, folded: areas.folded) != nil
        case .function: return Self.isFunctionLabel(text)
        case .dranst: return Labels.dranstLabel(text) != nil
        case .art: return labelled && Labels.art(text) != nil && Labels.dranstLabel(text) == nil
        case .unit: return Labels.unit(text) != nil
        case .year: return Labels.year(text).map { (1900...2100).contains($0) } ?? false
        case .quarter: return Labels.quarter(text) != nil
        case .sex: return labelled && Labels.sex(text) != nil
        case .age: return labelled && Labels.age(text) != nil
        case .maritalStatus: return labelled && Labels.maritalStatus(text) != nil
        }
    }

    /// "5.38.50" alone or followed by a space and the function's name.
    private static func isFunctionLabel(_ text: String) -> Bool {
        let b = Array(text.utf8.prefix(8))
        guard b.count >= 7, Labels.isDigit(b[0]), b[1] == 46, Labels.isDigit(b[2]), Labels.isDigit(b[3]),
              b[4] == 46, Labels.isDigit(b[5]), Labels.isDigit(b[6]), b.count == 7 || b[7] == 32
        else { return false }
        return Labels.function(text) != nil
    }
}

private struct AreaLookup {
    let codes: [String: Int]
    let folded: [String: Int]
}

/// One download being turned into an API answer.
private struct Conversion {
    let grid: Grid
    let name: String
    let separator: UInt8
    let areas: AreaLookup

    /// The title's lines, joined.
    var title = ""
    /// The columns that hold row labels; the figures stand in `stubs ..< grid.width`.
    var stubs = 0
    /// The rows of column headings: each gives, per column of figures, a label (spanning headings filled in).
    var headings: [(line: Int, labels: [Int32])] = []
    /// Per figure: its row labels, the column of figures it stood in, its text id; and its line.
    var records: [Int32] = []
    var recordLines: [Int] = []
    /// Per row-label column, the line each label of a figure was first seen on.
    var firstLines: [[Int32: Int]] = []

    init(grid: Grid, name: String, separator: UInt8, municipalities: [String: Int]) {
        self.grid = grid
        self.name = name
        self.separator = separator
        areas = AreaLookup(codes: municipalities, folded: Labels.folded(municipalities))
    }

    private var stride: Int { stubs + 2 }
    private var recordCount: Int { recordLines.count }

    private func error(_ line: Int?, _ reason: String) -> StatbankFormatError {
        StatbankFormatError(file: name, line: line, reason: reason)
    }

    mutating func run() throws(StatbankFormatError) -> WebsiteDownload.Normalised {
        try readLayout()
        guard recordCount > 0 else {
            let after = headings.last?.line ?? (grid.lines.last ?? 1)
            throw error(after, "no figures: neither a Statbank answer (a header line of variable ids with INDHOLD) "
                + "nor a table from statistikbanken.dk with figures in it; supported: \(StatbankReader.supportedFormats)")
        }
        return try answer()
    }

    // MARK: The layout

    private mutating func readLayout() throws(StatbankFormatError) {
        var row = 0
        while row < grid.rowCount, grid.isBlank(row) { row += 1 }
        // A title: lines of one text in the first cell, then a blank line or the column headings.
        var end = row
        while end < grid.rowCount, grid.filledCount(end) == 1, grid.cell(end, 0) != 0 { end += 1 }
        if end > row, end < grid.rowCount, grid.isBlank(end) || grid.cell(end, 0) == 0 {
            title = (row..<end).map { grid.texts[Int(grid.cell($0, 0))] }.joined(separator: " ")
            row = end
        }
        while row < grid.rowCount, grid.isBlank(row) { row += 1 }
        // Column headings: lines whose first cells are empty, as many as the first of them has (a
        // line with fewer is a row of figures that lacks its label).
        var headingRows: [Int] = []
        let headingIndent = row < grid.rowCount ? grid.leadingEmpty(row) : 0
        while row < grid.rowCount, !grid.isBlank(row), grid.cell(row, 0) == 0, grid.leadingEmpty(row) >= headingIndent {
            headingRows.append(row)
            row += 1
        }
        stubs = headingRows.isEmpty ? grid.width - 1 : headingIndent
        guard stubs >= 1 else {
            throw error(grid.lines.first ?? 1, "one column only: a download holds labels and figures; "
                + "supported: \(StatbankReader.supportedFormats)")
        }
        for h in headingRows {
            var labels: [Int32] = []
            var current: Int32 = 0
            for column in stubs..<grid.width {
                let cell = grid.cell(h, column)
                if cell != 0 { current = cell }
                guard current != 0 else {
                    throw error(grid.lines[h], "a line of column headings with no heading above column \(column + 1)")
                }
                labels.append(current)
            }
            headings.append((grid.lines[h], labels))
        }
        try readRows(from: row)
    }

    private mutating func readRows(from first: Int) throws(StatbankFormatError) {
        var current = [Int32](repeating: 0, count: stubs), currentLines = [Int](repeating: 0, count: stubs)
        firstLines = Array(repeating: [:], count: stubs)
        records.reserveCapacity((grid.rowCount - first) * (grid.width - stubs) * stride)
        for row in first..<grid.rowCount {
            let line = grid.lines[row]
            if let labelled = (0..<stubs).first(where: { grid.cell(row, $0) != 0 }) {
                for column in labelled..<stubs {
                    current[column] = grid.cell(row, column)
                    currentLines[column] = line
                }
            }
            guard (stubs..<grid.width).contains(where: { grid.cell(row, $0) != 0 }) else { continue }
            if let unlabelled = (0..<stubs).first(where: { current[$0] == 0 }) {
                throw error(line, "figures with no label in column \(unlabelled + 1), on their line or above")
            }
            // Only labels of figures count: a note below the table ("Kilde: …") is no row label.
            for column in 0..<stubs where firstLines[column][current[column]] == nil {
                firstLines[column][current[column]] = currentLines[column]
            }
            for column in stubs..<grid.width {
                let figure = grid.cell(row, column)
                guard figure != 0 else {
                    throw error(line, "an empty cell in column \(column + 1), where a figure belongs "
                        + "(Statistics Denmark writes .. for a figure not available)")
                }
                records += current
                records.append(Int32(column - stubs))
                records.append(figure)
                recordLines.append(line)
            }
        }
    }

    // MARK: The variables

    /// A variable of the download: a column of row labels, or a line of column headings.
    private enum Source: Hashable {
        case stub(Int)
        case heading(Int)
    }

    private func label(_ source: Source, record r: Int) -> Int32 {
        switch source {
        case .stub(let k): records[r * stride + k]
        case .heading(let h): headings[h].labels[Int(records[r * stride + stubs])]
        }
    }

    private func distinct(_ source: Source) -> [Int32] {
        switch source {
        case .stub(let k):
            return firstLines[k].keys.sorted { firstLines[k][$0]! < firstLines[k][$1]! }
        case .heading(let h):
            var seen = Set<Int32>()
            return headings[h].labels.filter { seen.insert($0).inserted }
        }
    }

    private func line(of label: Int32, in source: Source) -> Int {
        switch source {
        case .stub(let k): firstLines[k][label] ?? 1
        case .heading(let h): headings[h].line
        }
    }

    private func place(_ source: Source) -> String {
        switch source {
        case .stub(let k): "column \(k + 1)"
        case .heading: "the column headings"
        }
    }

    /// Which variable each source holds, and the table.
    private func assign() throws(StatbankFormatError) -> (variables: [Source: Variable], table: StatbankTable?) {
        let sources = (0..<stubs).map(Source.stub) + headings.indices.map(Source.heading)
        let values = sources.map { distinct($0).map { grid.texts[Int($0)] } }
        func accepting(_ v: Variable, _ i: Int) -> Bool { values[i].allSatisfy { v.accepts($0, areas: areas) } }

        let hint = WebsiteDownload.tableHint(title: title, name: name)
        let isAccounts: Bool
        if sources.indices.contains(where: { accepting(.function, $0) }) {
            isAccounts = true
        } else if sources.indices.contains(where: { accepting(.quarter, $0) }) {
            isAccounts = false
        } else if let hint {
            isAccounts = hint != .folk1a
        } else {
            throw error(grid.lines.first ?? 1, "cannot tell which table this is: no column of functions "
                + "(REGK31, BUDK32: '5.38.50 …') and none of quarters (FOLK1A: '2024K1'); "
                + "supported: \(StatbankReader.supportedFormats)")
        }
        let kind = isAccounts ? Variable.accounts : Variable.population
        var candidates = sources.indices.map { i in kind.filter { accepting($0, i) } }
        if let lost = candidates.firstIndex(where: \.isEmpty) {
            throw unknown(sources[lost], values: values[lost], kind: kind)
        }
        var assigned: [Variable?] = Array(repeating: nil, count: sources.count)
        func take(_ v: Variable, _ i: Int) throws(StatbankFormatError) {
            if let other = assigned.firstIndex(of: v) {
                throw error(line(of: distinct(sources[i])[0], in: sources[i]),
                            "\(place(sources[other])) and \(place(sources[i])) both hold \(v.described)")
            }
            assigned[i] = v
            for j in candidates.indices where j != i { candidates[j].removeAll { $0 == v } }
        }
        // Columns only one variable fits first, then the ambiguous ones (columns of totals).
        var progress = true
        while progress {
            progress = false
            for i in candidates.indices where assigned[i] == nil && candidates[i].count == 1 {
                try take(candidates[i][0], i)
                progress = true
            }
        }
        for i in candidates.indices where assigned[i] == nil {
            guard let v = candidates[i].first else { throw unknown(sources[i], values: values[i], kind: kind) }
            try take(v, i)
        }
        var variables: [Source: Variable] = [:]
        for (i, source) in sources.enumerated() { variables[source] = assigned[i]! }
        let table: StatbankTable? = isAccounts ? (hint == .folk1a ? nil : hint) : .folk1a
        return (variables, table)
    }

    /// The error for a source no variable fits: the first label that the likeliest variable rejects.
    private func unknown(_ source: Source, values: [String], kind: [Variable]) -> StatbankFormatError {
        let labels = distinct(source)
        let scored = kind.map { v in (v, values.filter { v.accepts($0, areas: areas) }.count) }
        let best = scored.max { $0.1 < $1.1 }!
        if best.1 == 0 {
            let shown = values.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            return error(line(of: labels[0], in: source), "cannot tell what \(place(source)) holds (\(shown)): "
                + "not " + kind.map(\.described).joined(separator: ", nor "))
        }
        let i = values.firstIndex { !best.0.accepts($0, areas: areas) }!
        var reason = "'\(values[i])' in \(place(source)) is not \(best.0.described), as the rest of it is"
        if best.0 == .area, let guess = NameMatcher.closest(to: values[i], in: Array(areas.codes.keys)) {
            reason += "; did you mean \(guess)?"
        }
        return error(line(of: labels[i], in: source), reason)
    }

    // MARK: The answer

    private func answer() throws(StatbankFormatError) -> WebsiteDownload.Normalised {
        let (variables, table) = try assign()
        let byVariable = Dictionary(variables.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let isAccounts = byVariable[.function] != nil
        let firstLine = recordLines[0]
        var columns: [(id: String, source: Source?)] = []
        var constantYear: String?
        if isAccounts {
            for v in [Variable.area, .function, .dranst, .art, .unit] {
                guard let source = byVariable[v] else { throw missing(v, line: firstLine) }
                columns.append((v.id, source))
            }
            if let source = byVariable[.year] {
                columns.append(("TID", source))
            } else if let year = WebsiteDownload.year(inName: name) {
                columns.append(("TID", nil))
                constantYear = String(year)
            } else {
                throw error(firstLine, "no column of years (TID), and the file's name does not say the year: "
                    + "keep TID in the download, or name the file with its year, e.g. regk31-2023.csv")
            }
        } else {
            for v in [Variable.area, .sex, .age, .maritalStatus, .quarter] {
                if let source = byVariable[v] {
                    columns.append((v.id, source))
                } else if v == .area || v == .quarter {
                    throw missing(v, line: firstLine)
                }
            }
        }

        var out = Array((columns.map(\.id) + ["INDHOLD"]).joined(separator: ";").utf8)
        out.append(10)
        var sourceLines = [firstLine]
        sourceLines.reserveCapacity(recordCount + 1)
        var fields: [[UInt8]?] = Array(repeating: nil, count: grid.texts.count)
        var figures: [[UInt8]?] = Array(repeating: nil, count: grid.texts.count)
        let year = constantYear.map { Array($0.utf8) } ?? []
        for r in 0..<recordCount {
            for column in columns {
                if let source = column.source {
                    let label = Int(self.label(source, record: r))
                    if fields[label] == nil { fields[label] = Self.field(grid.texts[label]) }
                    out += fields[label]!
                } else {
                    out += year
                }
                out.append(59)
            }
            let figure = Int(records[r * stride + stubs + 1])
            if figures[figure] == nil {
                guard let number = number(grid.texts[figure]) else {
                    throw error(recordLines[r], "'\(grid.texts[figure])' where a figure belongs (a number, "
                        + "or .. for a figure not available)")
                }
                figures[figure] = number
            }
            out += figures[figure]!
            out.append(10)
            sourceLines.append(recordLines[r])
        }
        return WebsiteDownload.Normalised(bytes: out, sourceLines: sourceLines, table: table)
    }

    private func missing(_ v: Variable, line: Int) -> StatbankFormatError {
        let reason: String
        switch v {
        case .dranst:
            reason = "no DRANST, so its figures are every dranst together (drift, anlæg, renter …), not the "
                + "operating accounts the method takes; select DRANST '1 Driftskonti' when you download"
        case .art:
            reason = "no ART: select ART 'I alt (netto)' and '0 Beregnede omkostninger' when you download"
        case .unit:
            reason = "no PRISENHED: select 'Løbende priser (1.000 kr.)' when you download"
        default:
            reason = "no column of \(v.described)"
        }
        return error(line, "the download has " + reason)
    }

    /// A label as a field of the answer: quoted when it holds a semicolon or a quote.
    private static func field(_ text: String) -> [UInt8] {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return Array(text.utf8) }
        let flat = text.map { $0.isNewline ? " " : String($0) }.joined().replacingOccurrences(of: "\"", with: "'")
        return Array("\"\(flat)\"".utf8)
    }

    /// A figure as the answer writes it (a decimal comma, no thousands points), or nil when it is none.
    /// Semicolons or tabs: Danish, 1.234.567,5. Commas: 1234567.5, or a quoted 1234567,5.
    private func number(_ text: String) -> [UInt8]? {
        let b = Array(text.utf8)
        if b == [46, 46] { return b }
        let decimal: UInt8 = separator == 44 && b.contains(46) ? 46 : 44
        let grouping: UInt8? = separator == 44 ? nil : 46
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        if i < b.count, b[i] == 45 { out.append(45); i += 1 }
        var whole = 0, inGroup = 0, groups = 0, fraction = -1
        while i < b.count {
            let c = b[i]
            if Labels.isDigit(c) {
                out.append(c)
                if fraction >= 0 { fraction += 1 } else { whole += 1; inGroup += 1 }
            } else if c == decimal, fraction < 0 {
                guard whole > 0, groups == 0 || inGroup == 3 else { return nil }
                fraction = 0
                out.append(44)
            } else if c == grouping, fraction < 0 {
                guard groups == 0 ? (1...3).contains(inGroup) : inGroup == 3 else { return nil }
                groups += 1
                inGroup = 0
            } else {
                return nil
            }
            i += 1
        }
        guard whole > 0, fraction != 0, groups == 0 || fraction > 0 || inGroup == 3 else { return nil }
        return out
    }
}

extension WebsiteDownload {
    /// The table a download's title or file name names: its code, else a word (budget, regnskab,
    /// folketal or population).
    static func tableHint(title: String, name: String) -> StatbankTable? {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let text = title + " " + file
        let upper = text.uppercased()
        if let table = StatbankTable.allCases.first(where: { upper.contains($0.rawValue) }) { return table }
        let lower = text.lowercased()
        if lower.contains("budget") { return .budk32 }
        if lower.contains("regnskab") { return .regk31 }
        if lower.contains("folketal") || lower.contains("population") { return .folk1a }
        return nil
    }

    /// The year a file's name holds (1990 … 2099, four digits on their own; exactly one such year),
    /// else the year of the store's folder it is kept in (accounts/R2023/regk31-1.csv).
    static func year(inName path: String) -> Int? {
        let parts = path.split(separator: "/")
        guard let file = parts.last else { return nil }
        let runs = file.utf8.split { !Labels.isDigit($0) }.filter { $0.count == 4 }
        let years = Set(runs.compactMap { Int(String(decoding: $0, as: UTF8.self)) }.filter { (1990...2099).contains($0) })
        if !years.isEmpty { return years.count == 1 ? years.first : nil }
        guard parts.count >= 2, let folder = DatasetID(String(parts[parts.count - 2])) else { return nil }
        return folder.year
    }
}
