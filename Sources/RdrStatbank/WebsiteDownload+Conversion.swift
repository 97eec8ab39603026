import Foundation
import RdrEngine

extension WebsiteDownload {
    /// One download being turned into an API answer.
    struct Conversion {
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

        /// A cell's text in a message: in quotes, cut short after 60 characters.
        static func quoted(_ text: String) -> String {
            "'" + (text.count > 60 ? text.prefix(60) + "…" : text) + "'"
        }

        private var stride: Int { stubs + 2 }
        /// The most variables a download may have: REGK31's six, and one to spare.
        static let variablesAtMost = 7
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
            // REGK31 and BUDK32 have six variables, FOLK1A five; more columns of labels (or lines of
            // headings) is no table of theirs, and would multiply the work by each figure.
            guard stubs + headingRows.count <= Self.variablesAtMost else {
                throw error(grid.lines[headingRows.first ?? row], "\(stubs) columns of row labels and "
                    + "\(headingRows.count) lines of column headings: more variables than REGK31, BUDK32 or FOLK1A "
                    + "have (\(Self.variablesAtMost) at most); supported: \(StatbankReader.supportedFormats)")
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
            for row in first..<grid.rowCount {
                let line = grid.lines[row]
                if let labelled = (0..<stubs).first(where: { grid.cell(row, $0) != 0 }) {
                    for column in labelled..<stubs {
                        current[column] = grid.cell(row, column)
                        currentLines[column] = line
                    }
                }
                guard grid.hasCells(row, from: stubs) else { continue }
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
            let fitting = candidates
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
                // Every variable that fits was taken by another column: `take` says which.
                try take(candidates[i].first ?? fitting[i][0], i)
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
                let shown = values.prefix(3).map(Self.quoted).joined(separator: ", ")
                var reason = "cannot tell what \(place(source)) holds (\(shown)): not "
                    + kind.map(\.described).joined(separator: ", nor ")
                if values[0].count <= 60, let guess = NameMatcher.closest(to: values[0], in: Array(areas.codes.keys)) {
                    reason += "; did you mean \(guess)?"
                }
                return error(line(of: labels[0], in: source), reason)
            }
            let i = values.firstIndex { !best.0.accepts($0, areas: areas) }!
            var reason = "\(Self.quoted(values[i])) in \(place(source)) is not \(best.0.described), as the rest of it is"
            if best.0 == .area, values[i].count <= 60,
               let guess = NameMatcher.closest(to: values[i], in: Array(areas.codes.keys)) {
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
                        throw error(recordLines[r], "\(Self.quoted(grid.texts[figure])) where a figure belongs (a number, "
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
}
