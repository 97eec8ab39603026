import Foundation
import RdrEngine

/// Reads what Statistics Denmark's Statbank API answers for REGK31, BUDK32 and FOLK1A, in its CSV
/// and BULK formats: UTF-8 (a byte-order mark is skipped), semicolon-separated, LF or CRLF line
/// ends, a header line of the variable ids plus `INDHOLD`, values as codes
/// (`valuePresentation=Code`) or as the Danish labels of the default presentation, numbers with a
/// decimal comma and `..` for a missing value.
///
/// The table is told from the header: FUNKTION, DRANST and ART make an accounts table (REGK31 or
/// BUDK32, which have the same shape: the `table` argument, else the file name, else the area
/// variable's id — REGI07A is BUDK32's — tells them apart, and REGK31 is assumed when nothing does);
/// ALDER or KØN make FOLK1A. Columns may come in any order (the API's `placement`), and a FOLK1A
/// variable the answer eliminated (KØN, CIVILSTAND or ALDER left out of the header) counts as its
/// total.
///
/// What is kept:
/// - Accounts: every figure, by its codes; `..` → nil. Regions (81-85) and municipality groups
///   (910-960) are skipped.
/// - FOLK1A: 1 January (quarter K1) only, other quarters are skipped; both sexes and every marital
///   status: the TOT rows, or the sum of the detail rows where a key has no TOT row; ALDER IALT →
///   age nil, each age as its own figure (no total is made up from ages). A `..` is an error.
///
/// A table saved by hand from statistikbanken.dk (no header line with INDHOLD) is first rewritten
/// as such an answer by `WebsiteDownload`; its errors then name the line of the download.
///
/// Every error names the file and the 1-based line; a last line cut short is an error.
///
/// Speed: the file is walked once with memchr; a field's value is decoded once per distinct value
/// (cached by its bytes), numbers are read from the bytes, nothing is allocated per line. For a
/// full REGK31 year (about 930,000 lines) the reading takes about 0.2 s in a release build; building
/// the `[AccountsKey: Double?]` of 843,000 figures takes longer than that (about 0.7 s on a 2-core
/// VM), see StatbankReaderSpeedTests.
public enum StatbankReader {
    /// What the reader understands, for messages.
    public static let supportedFormats =
        "REGK31, BUDK32 (FUNKTION, DRANST, ART, PRISENHED, TID, OMRÅDE) or FOLK1A (OMRÅDE, KØN, ALDER, "
        + "CIVILSTAND, TID) as a Statbank API answer (CSV or BULK: a header line of variable ids with INDHOLD, "
        + "then codes or Danish labels) or as a table saved from statistikbanken.dk (CSV: a line per figure, "
        + "or the table as shown)"

    /// The bound on an accounts figure's size (1,000 kr.: ten trillion kroner, over three times
    /// Denmark's GDP), so that sums and repricing of what is read cannot overflow.
    static let largestFigure = 10_000_000_000.0
    /// The bound on a file's size.
    static let largestFile = 1_000_000_000
    /// The bound on a population count (Denmark has six million inhabitants).
    static let largestCount = 99_999_999

    /// Reads an answer or a file.
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - name: the file or answer, for messages (and a hint: a name containing BUDK32 or REGK31).
    ///   - table: the table the caller asked for, when it knows; it decides REGK31 against BUDK32,
    ///     and a file of the other shape is an error.
    ///   - municipalities: municipality name → code, for files with labels (e.g. from
    ///     `municipalityCodes(_:)`); "Hele landet" (0) and "Christiansø" (411) are known anyway.
    ///   - selection: which accounts figures to keep (every line is still read and checked).
    public static func read(
        _ bytes: [UInt8], name: String, table: StatbankTable? = nil, municipalities: [String: Int] = [:],
        keeping selection: AccountsSelection = .everything
    ) throws(StatbankFormatError) -> StatbankContent {
        // The readers number cells and distinct values with 32-bit integers (UTF-16 grows by half
        // on the way to UTF-8): a bound well above any real table (a full REGK31 year is 30 MB).
        guard bytes.count <= largestFile else {
            throw StatbankFormatError(file: name, line: nil, reason: "the file is \(bytes.count / 1_000_000) MB; rdr reads "
                + "Statbank files of up to \(largestFile / 1_000_000) MB (a full REGK31 year is about 30 MB)")
        }
        guard WebsiteDownload.isAPIAnswer(bytes) else {
            let download = try WebsiteDownload.normalise(bytes, name: name, municipalities: municipalities)
            do {
                return try readAnswer(download.bytes, name: name, table: table ?? download.table,
                                      municipalities: municipalities, keeping: selection)
            } catch {
                throw download.located(error)
            }
        }
        return try readAnswer(bytes, name: name, table: table, municipalities: municipalities, keeping: selection)
    }

    private static func readAnswer(
        _ bytes: [UInt8], name: String, table: StatbankTable?, municipalities: [String: Int],
        keeping selection: AccountsSelection
    ) throws(StatbankFormatError) -> StatbankContent {
        try bytes.withUnsafeBufferPointer { (buffer) throws(StatbankFormatError) -> StatbankContent in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                throw StatbankFormatError(file: name, line: 1, reason: "the file is empty")
            }
            let reader = Reader(base: base, count: buffer.count, name: name, municipalities: municipalities,
                                selection: selection)
            return try reader.read(expected: table)
        }
    }

    /// The name → code map `read` wants, from a list of municipalities, with "Hele landet" → 0.
    public static func municipalityCodes(_ municipalities: [Municipality]) -> [String: Int] {
        var result = ["Hele landet": 0]
        for m in municipalities { result[m.name] = m.code }
        return result
    }
}

/// One read of one file.
private struct Reader {
    let base: UnsafePointer<UInt8>
    let count: Int
    let name: String
    let municipalities: [String: Int]
    /// `municipalities` with case and surrounding spaces folded.
    let folded: [String: Int]
    let selection: AccountsSelection

    init(base: UnsafePointer<UInt8>, count: Int, name: String, municipalities: [String: Int],
         selection: AccountsSelection) {
        self.base = base
        self.count = count
        self.name = name
        self.municipalities = municipalities
        self.selection = selection
        folded = Labels.folded(municipalities)
    }

    private func error(_ line: Int?, _ reason: String) -> StatbankFormatError {
        StatbankFormatError(file: name, line: line, reason: reason)
    }

    // MARK: The header

    /// The columns of an accounts table or FOLK1A, by index; -1 for a variable the file lacks.
    struct Columns {
        var ids: [String] = []
        var area = -1, function = -1, dranst = -1, art = -1, unit = -1, time = -1
        var sex = -1, age = -1, maritalStatus = -1, value = -1
    }

    func read(expected: StatbankTable?) throws(StatbankFormatError) -> StatbankContent {
        var position = 0
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }
        var line = 0
        guard let header = RecordScanner.nextLine(base: base, count: count, position: &position, line: &line),
              !isBlank(header.start, header.end)
        else {
            throw error(1, "the file is empty")
        }
        let headerLine = line
        let headerBytes = UnsafeBufferPointer(start: base + header.start, count: header.end - header.start)
        guard String(validating: headerBytes, as: UTF8.self) != nil else {
            throw error(headerLine, "the header is not UTF-8 text, as Statbank answers are "
                + "(a file saved as Latin-1 or UTF-16?); supported: \(StatbankReader.supportedFormats)")
        }
        let ids = splitHeader(header.start, header.end)
        let upper = ids.map { $0.uppercased() }
        for (i, id) in upper.enumerated() where upper.firstIndex(of: id) != i {
            throw error(headerLine, "the header names \(ids[i]) twice")
        }
        var columns = Columns()
        columns.ids = ids
        columns.value = upper.firstIndex(of: "INDHOLD") ?? -1
        columns.time = upper.firstIndex(of: "TID") ?? -1

        let isAccounts = upper.contains("FUNKTION") && upper.contains("DRANST") && upper.contains("ART")
        let isPopulation = !isAccounts && (upper.contains("ALDER") || upper.contains("KØN"))
        guard isAccounts || isPopulation, columns.value >= 0, columns.time >= 0 else {
            throw unrecognised(ids, headerLine)
        }
        var others: [Int] = []
        if isAccounts {
            columns.function = upper.firstIndex(of: "FUNKTION")!
            columns.dranst = upper.firstIndex(of: "DRANST")!
            columns.art = upper.firstIndex(of: "ART")!
            columns.unit = upper.firstIndex(of: "PRISENHED") ?? -1
            guard columns.unit >= 0 else { throw unrecognised(ids, headerLine, missing: "PRISENHED") }
            let known: Set = ["FUNKTION", "DRANST", "ART", "PRISENHED", "TID", "INDHOLD"]
            others = upper.indices.filter { !known.contains(upper[$0]) }
        } else {
            columns.sex = upper.firstIndex(of: "KØN") ?? -1
            columns.age = upper.firstIndex(of: "ALDER") ?? -1
            columns.maritalStatus = upper.firstIndex(of: "CIVILSTAND") ?? -1
            let known: Set = ["KØN", "ALDER", "CIVILSTAND", "TID", "INDHOLD"]
            others = upper.indices.filter { !known.contains(upper[$0]) }
        }
        // The one remaining variable is the area (OMRÅDE; BUDK32 may call it otherwise).
        guard others.count == 1 else {
            throw unrecognised(ids, headerLine, missing: others.isEmpty ? "an area variable such as OMRÅDE" : nil)
        }
        columns.area = others[0]

        var scanner = RecordScanner(base: base, count: count, name: name, columns: ids.count,
                                    position: position, line: line)
        if isAccounts {
            let table = try accountsTable(expected: expected, areaID: upper[columns.area], line: headerLine)
            return .accounts(try readAccounts(&scanner, columns, table: table))
        } else {
            if let expected, expected != .folk1a {
                throw error(headerLine, "expected \(expected.rawValue) (accounts: FUNKTION, DRANST, ART …), "
                    + "but the header has FOLK1A's variables: \(ids.joined(separator: ";"))")
            }
            return .population(try readPopulation(&scanner, columns))
        }
    }

    private func accountsTable(expected: StatbankTable?, areaID: String, line: Int) throws(StatbankFormatError)
        -> StatbankTable
    {
        if let expected {
            guard expected != .folk1a else {
                throw error(line, "expected FOLK1A (population: OMRÅDE, KØN, ALDER …), "
                    + "but the header has an accounts table's variables (FUNKTION, DRANST, ART)")
            }
            return expected
        }
        let upperName = name.uppercased()
        if upperName.contains("BUDK32") { return .budk32 }
        if upperName.contains("REGK31") { return .regk31 }
        return areaID.hasPrefix("REGI") ? .budk32 : .regk31
    }

    private func unrecognised(_ ids: [String], _ line: Int, missing: String? = nil) -> StatbankFormatError {
        let found = ids.isEmpty ? "no columns" : "columns " + ids.map { "'\($0)'" }.joined(separator: ", ")
        let lacking = missing.map { "; \($0) is missing" } ?? ""
        return error(line, "unrecognised header (found \(found)\(lacking)); "
            + "supported: \(StatbankReader.supportedFormats)")
    }

    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        (start..<end).allSatisfy { base[$0] == 32 || base[$0] == 9 }
    }

    private func splitHeader(_ start: Int, _ end: Int) -> [String] {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        return text.split(separator: ";", omittingEmptySubsequences: false).map { field in
            var s = field
            while s.first == " " || s.first == "\t" { s.removeFirst() }
            while s.last == " " || s.last == "\t" { s.removeLast() }
            if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
            return String(s)
        }
    }

    // MARK: Field values (decoded once per distinct value)

    private func unmapped(_ scanner: RecordScanner, _ column: Int, _ ids: [String], _ expected: String)
        -> StatbankFormatError
    {
        scanner.error("'\(scanner.text(column))' in column \(ids[column]) is not \(expected)")
    }

    /// A field's value through a label table, or an error saying what was expected there.
    private func decode<Value>(_ scanner: RecordScanner, _ column: Int, _ ids: [String],
                               _ parse: (String) -> Value?, expecting expected: String) throws(StatbankFormatError) -> Value {
        guard let value = parse(scanner.text(column)) else { throw unmapped(scanner, column, ids, expected) }
        return value
    }

    private func area(_ s: RecordScanner, _ c: Int, _ ids: [String]) throws(StatbankFormatError) -> Int {
        guard let code = Labels.area(s.text(c), municipalities: municipalities, folded: folded) else {
            let hint = municipalities.isEmpty ? " (no municipality list was given to read labels with)" : ""
            throw unmapped(s, c, ids, Labels.knownAreas + hint)
        }
        return code
    }

    /// The year for quarter 1, or -(quarter) for the others.
    private func quarter(_ s: RecordScanner, _ c: Int, _ ids: [String]) throws(StatbankFormatError) -> Int {
        guard let q = Labels.quarter(s.text(c)) else { throw unmapped(s, c, ids, "a quarter (e.g. 2024K1)") }
        return q.quarter == 1 ? q.year : -q.quarter
    }

    // MARK: Accounts

    private func readAccounts(_ scanner: inout RecordScanner, _ columns: Columns, table: StatbankTable)
        throws(StatbankFormatError) -> AccountsFigures
    {
        var values: [AccountsKey: Double?] = [:]
        values.reserveCapacity(lineCount(from: scanner.position) / (selection == .everything ? 1 : 8))
        var areas = FieldCache<Int>(), functions = FieldCache<FunctionCode>(), dranster = FieldCache<Int>()
        var arts = FieldCache<String>(), units = FieldCache<String>(), years = FieldCache<Int>()
        let ids = columns.ids
        let ac = columns.area, fc = columns.function, dc = columns.dranst, rc = columns.art, uc = columns.unit,
            tc = columns.time, vc = columns.value
        var records = 0
        while try scanner.next() {
            records += 1
            let area = if let v = areas.find(scanner, ac) { v } else { areas.insert(try self.area(scanner, ac, ids)) }
            let function = if let v = functions.find(scanner, fc) { v }
                else { functions.insert(try decode(scanner, fc, ids, Labels.function,
                    expecting: "a function of the chart of accounts (e.g. 53850 or "
                + "'5.38.50 Botilbud til længerevarende ophold')")) }
            let dranst = if let v = dranster.find(scanner, dc) { v }
                else { dranster.insert(try decode(scanner, dc, ids, Labels.dranst,
                    expecting: "a dranst (1 … 7, or e.g. '1 Driftskonti')")) }
            let art = if let v = arts.find(scanner, rc) { v } else { arts.insert(try decode(scanner, rc, ids, Labels.art,
                    expecting: "an art (TOT, UE, I, S0 …, or e.g. 'I alt (netto)')")) }
            let unit = if let v = units.find(scanner, uc) { v } else { units.insert(try decode(scanner, uc, ids, Labels.unit,
                    expecting: "a price unit (LOBM, INDL, 'Løbende priser (1.000 kr.)' "
                + "or 'Pr. indbygger, løbende priser (kr.)')")) }
            let year = if let v = years.find(scanner, tc) { v } else { years.insert(try decode(scanner, tc, ids, Labels.year,
                    expecting: "a year (e.g. 2023)")) }
            let value: Double?
            if let number = scanner.number(vc) {
                guard abs(number) < StatbankReader.largestFigure else {
                    throw scanner.error("'\(scanner.text(vc, upTo: 30))' in column \(ids[vc]) is out of range: an accounts "
                        + "figure (1,000 kr.) lies within ±\(Int(StatbankReader.largestFigure) - 1)")
                }
                value = number
            } else if scanner.isMissing(vc) {
                value = nil
            } else {
                throw unmapped(scanner, vc, ids, "a number (Statistics Denmark writes e.g. 1234, -56 or "
                    + "1234,5, and .. for a missing value)")
            }
            if area == Labels.skippedArea || !selection.keeps(dranst: dranst, art: art, unit: unit) { continue }
            let key = AccountsKey(year: year, area: area, function: function, dranst: dranst, art: art, unit: unit)
            if values.updateValue(value, forKey: key) != nil {
                throw scanner.error("a second figure for \(ids[ac]) \(area), FUNKTION \(function), "
                    + "DRANST \(dranst), ART \(art), PRISENHED \(unit), \(ids[tc]) \(year)")
            }
        }
        guard records > 0 else { throw error(scanner.line + 1, "no figures after the header") }
        return AccountsFigures(table: table, values: values)
    }

    /// The number of line ends from `position` on: what the dictionary of figures will hold, near enough.
    private func lineCount(from position: Int) -> Int {
        var n = 0, p = position
        while p < count, let found = memchr(base + p, 10, count - p) {
            n += 1
            p = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return p < count ? n + 1 : n
    }

    // MARK: FOLK1A

    /// The rows of one (year, area, age): which combinations of KØN (TOT, 1, 2) × CIVILSTAND (TOT,
    /// U, G, E, F) were seen, and the sums of TOT×TOT, TOT×detail, detail×TOT and detail×detail.
    private struct PopulationSums {
        var seen: UInt16 = 0
        var sums: (Int, Int, Int, Int) = (0, 0, 0, 0)
    }

    /// Adds a row's count to its key's sums; false when the same combination was seen before.
    private static func add(_ value: Int, sex: Int, status: Int, to entry: inout PopulationSums) -> Bool {
        let bit: UInt16 = 1 << UInt16(sex * 5 + status)
        guard entry.seen & bit == 0 else { return false }
        entry.seen |= bit
        switch (sex == 0, status == 0) {
        case (true, true): entry.sums.0 += value
        case (true, false): entry.sums.1 += value
        case (false, true): entry.sums.2 += value
        case (false, false): entry.sums.3 += value
        }
        return true
    }

    private func readPopulation(_ scanner: inout RecordScanner, _ columns: Columns)
        throws(StatbankFormatError) -> PopulationFigures
    {
        var sums: [PopulationKey: PopulationSums] = [:]
        sums.reserveCapacity(lineCount(from: scanner.position))
        var areas = FieldCache<Int>(), sexes = FieldCache<Int>(), ages = FieldCache<Int>()
        var statuses = FieldCache<Int>(), times = FieldCache<Int>()
        let ids = columns.ids
        let ac = columns.area, xc = columns.sex, gc = columns.age, mc = columns.maritalStatus, tc = columns.time
        var records = 0
        var firstOtherQuarter: (line: Int, text: String)?
        let vc = columns.value
        while try scanner.next() {
            records += 1
            let area = if let v = areas.find(scanner, ac) { v } else { areas.insert(try self.area(scanner, ac, ids)) }
            var sex = 0, age = Labels.allAges, status = 0
            if xc >= 0 {
                sex = if let v = sexes.find(scanner, xc) { v } else { sexes.insert(try decode(scanner, xc, ids, Labels.sex,
                    expecting: "a sex (TOT, 1, 2, 'I alt', 'Mænd', 'Kvinder')")) }
            }
            if gc >= 0 {
                age = if let v = ages.find(scanner, gc) { v } else { ages.insert(try decode(scanner, gc, ids, Labels.age,
                    expecting: "an age (IALT, 0 … 125, 'Alder i alt', '7 år')")) }
            }
            if mc >= 0 {
                status = if let v = statuses.find(scanner, mc) { v }
                    else { statuses.insert(try decode(scanner, mc, ids, Labels.maritalStatus,
                    expecting: "a marital status (TOT, U, G, E, F or its label)")) }
            }
            let time = if let v = times.find(scanner, tc) { v }
                else { times.insert(try self.quarter(scanner, tc, ids)) }
            guard let value = scanner.count(vc), value <= StatbankReader.largestCount else {
                if scanner.count(vc) != nil || scanner.isDigits(vc) {
                    throw scanner.error("'\(scanner.text(vc, upTo: 30))' in column \(ids[vc]) is out of range: a population "
                        + "count is at most \(StatbankReader.largestCount)")
                }
                if scanner.isMissing(vc) {
                    throw scanner.error("'..' (not available) in column \(ids[vc]), where a population count is needed")
                }
                throw unmapped(scanner, vc, ids, "a population count (a whole number)")
            }
            if time < 0 {
                if firstOtherQuarter == nil { firstOtherQuarter = (scanner.line, scanner.text(tc)) }
                continue
            }
            if area == Labels.skippedArea { continue }
            let key = PopulationKey(year: time, area: area, age: age == Labels.allAges ? nil : age)
            guard Self.add(value, sex: sex, status: status, to: &sums[key, default: PopulationSums()]) else {
                var parts = ["\(ids[ac]) \(area)"]
                for c in [xc, gc, mc, tc] where c >= 0 { parts.append("\(ids[c]) \(scanner.text(c))") }
                throw scanner.error("a second figure for " + parts.joined(separator: ", "))
            }
        }
        guard records > 0 else { throw error(scanner.line + 1, "no figures after the header") }
        if sums.isEmpty, let other = firstOtherQuarter {
            throw error(other.line, "no 1 January (K1) figures: the file holds other quarters, e.g. \(other.text)")
        }
        // Per key: the TOT×TOT row, else the TOT sex summed over marital statuses, else the TOT
        // marital status summed over sexes, else every detail row summed.
        let sexTotal: UInt16 = 0b11111, statusTotal: UInt16 = 0b00001_00001_00001
        var values: [PopulationKey: Int] = [:]
        values.reserveCapacity(sums.count)
        for (key, entry) in sums {
            if entry.seen & 1 != 0 {
                values[key] = entry.sums.0
            } else if entry.seen & sexTotal != 0 {
                values[key] = entry.sums.1
            } else if entry.seen & statusTotal != 0 {
                values[key] = entry.sums.2
            } else {
                values[key] = entry.sums.3
            }
        }
        return PopulationFigures(values: values)
    }
}
