import Foundation

/// A small Statistics Denmark for tests that fetch: `/tableinfo` answers for REGK31, BUDK32 and
/// FOLK1A and `/data` answers for them, in the Statbank API's exact formats, served by
/// `LocalHTTPServer` (`install(on:)`).
///
/// EVERY FIGURE HERE IS INVENTED. The shapes are real — the 98 real municipality codes and names
/// (read from `Sources/RdrData/Resources/real/municipalities.csv`), OMRÅDE 0 (Hele landet) and
/// Region Hovedstaden, DRANST 1, ART TOT and S0, PRISENHED LOBM (1,000 kr.), FOLK1A by single year
/// of age 0 … 125 plus IALT, KØN TOT, CIVILSTAND TOT, quarter K1 — but the amounts and head counts
/// are made up by the simple formulas below, so that a test can work an expected value out by hand.
///
/// Formats, as DST sends them (`shared/docs/statbank-api.md`): BULK is UTF-8 without a byte-order
/// mark, semicolons, CRLF line ends, a header of the variable ids plus INDHOLD, values as codes
/// (`valuePresentation=Code`), a decimal comma (`150000,5`), `..` for a figure that is not
/// available; it leaves out every row whose figure is 0 (`suppressedDataValue`), and its rows are
/// not sorted (the country's and the region's come after the municipalities'). CSV is the same
/// with a byte-order mark and every row. The tableinfo is JSON with a BOM.
///
/// Reconciliation holds by construction: the country's row (OMRÅDE 0 / 000) is the exact sum of
/// the 98 municipalities (FOLK1A: plus Christiansø, 411); the region's row is the sum of its
/// municipalities. `nationalDiffers` makes the country's 3.22.01 accounts figure differ.
public struct StatbankFixtures: Sendable {
    // MARK: - Switches

    /// Ways for the fixture Statbank to misbehave.
    public enum Fault: Sendable, Hashable {
        /// FOLK1A's `/data` answers HTTP 500 to every request (the client retries, then gives up).
        case folk1aServerError
        /// Every `/data` answer for this table (REGK31, BUDK32, FOLK1A) announces its whole length
        /// in Content-Length but sends only half the body.
        case cutBody(table: String)
    }

    /// The country's 3.22.01 ART TOT figure is `nationalDifference` (1,000 kr.) more than the sum
    /// of the municipalities: the national-totals check then DIFFERS.
    public var nationalDiffers: Bool
    public var faults: Set<Fault>

    public init(nationalDiffers: Bool = false, faults: Set<Fault> = []) {
        self.nationalDiffers = nationalDiffers
        self.faults = faults
    }

    /// How much the country's 3.22.01 differs with `nationalDiffers` (far over the tolerance of 49).
    public static let nationalDifference = 5000.0

    // MARK: - The world

    public struct Municipality: Sendable, Equatable {
        public let code: Int
        public let name: String
        public let region: String
    }

    /// The 98 real municipalities, in the order of municipalities.csv (the order of the formulas' `i`).
    public static let municipalities: [Municipality] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RdrData/Resources/real/municipalities.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("StatbankFixtures: cannot read \(url.path)")
        }
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Municipality(code: Int(fields[0])!, name: fields[1], region: fields[2])
        }
    }()

    /// The index `i` of a municipality code in `municipalities`.
    public static func index(of code: Int) -> Int {
        guard let i = municipalities.firstIndex(where: { $0.code == code }) else {
            fatalError("StatbankFixtures: \(code) is not a municipality")
        }
        return i
    }

    /// The region the fixture has a row for (REGK31 OMRÅDE 84, FOLK1A 084): the reader skips it.
    public static let region = (code: 84, name: "Region Hovedstaden", short: "Hovedstaden")
    public static let christiansø = 411

    public struct Function: Sendable {
        /// Dotted, as rdr shows it: "3.22.01".
        public let code: String
        /// As the Statbank writes it with `valuePresentation=Code`: "32201".
        public let id: String
        public let label: String
        /// ART TOT for municipality `i` in 2023 is `base + step × i` (negative for an income), plus
        /// ,5 when (i + k) is divisible by 3 (k the function's position), plus 100 per year after 2023.
        let base: Double
        let step: Double
        /// ART S0 is `s0 + 10 × (i mod 7)`.
        let s0: Double
    }

    /// The functions: Skole's 3.22.01, 3.22.05 and 3.22.07 (an income: negative), 3.22.17 (not in
    /// Skole), Ældre's 5.30.26 and 5.30.27, Administration's 6.45.51.
    public static let functions: [Function] = [
        Function(code: "3.22.01", id: "32201", label: "Folkeskoler", base: 150_000, step: 1234, s0: 5000),
        Function(code: "3.22.05", id: "32205", label: "Skolefritidsordninger", base: 20_000, step: 211, s0: 400),
        Function(code: "3.22.07", id: "32207", label: "Indtægter fra den centrale refusionsordning", base: -2000,
                 step: -53, s0: 0),
        Function(code: "3.22.17", id: "32217", label: "Specialpædagogisk bistand til voksne", base: 3000, step: 37, s0: 50),
        Function(code: "5.30.26", id: "53026", label: "Personlig og praktisk hjælp og madservice (frit valg)",
                 base: 40_000, step: 419, s0: 800),
        Function(code: "5.30.27", id: "53027", label: "Pleje og omsorg m.v. af primært ældre", base: 120_000,
                 step: 1117, s0: 3000),
        Function(code: "6.45.51", id: "64551", label: "Sekretariat og forvaltninger", base: 60_000, step: 601, s0: 1500),
    ]

    /// The one S0 figure that is `..` (not available): 3.22.17 for the municipality at index 5.
    public static let missingS0 = (function: "3.22.17", index: 5)
    /// The municipality (index 9, Hvidovre) that spent nothing on 3.22.05, one of Skole's
    /// functions: TOT and S0 are 0, so BULK has no row for it. It is ranked all the same.
    public static let spentNothing = (function: "3.22.05", index: 9)

    public static let accountsYears = Array(2019...2023)
    public static let budgetYears = Array(2023...2025)
    public static let populationYears = Array(2019...2025)
    public static let oldestAge = 125

    // MARK: - Figures (1,000 kr. for accounts, persons for FOLK1A)

    private static func function(_ code: String) -> (Int, Function) {
        guard let k = functions.firstIndex(where: { $0.code == code }) else {
            fatalError("StatbankFixtures: no function \(code)")
        }
        return (k, functions[k])
    }

    /// A municipality's figure: `art` "TOT" or "S0", 1,000 kr.; nil for the one `..`.
    public static func accounts(_ code: String, municipality: Int, art: String, year: Int = 2023) -> Double? {
        let (k, f) = function(code)
        let i = index(of: municipality)
        if code == spentNothing.function, i == spentNothing.index { return 0 }
        switch art {
        case "TOT":
            let half = (i + k) % 3 == 0 ? (f.base < 0 ? -0.5 : 0.5) : 0
            return f.base + f.step * Double(i) + half + 100 * Double(year - 2023)
        case "S0":
            if code == missingS0.function, i == missingS0.index { return nil }
            return f.s0 + 10 * Double(i % 7)
        default:
            fatalError("StatbankFixtures: no art \(art)")
        }
    }

    /// The net figure rdr uses: TOT − S0 (a missing S0 counts as 0), 1,000 kr.
    public static func net(_ code: String, municipality: Int, year: Int = 2023) -> Double {
        accounts(code, municipality: municipality, art: "TOT", year: year)!
            - (accounts(code, municipality: municipality, art: "S0", year: year) ?? 0)
    }

    /// The country's figure (OMRÅDE 0): the sum of the municipalities, or off by
    /// `nationalDifference` for 3.22.01 TOT when `nationalDiffers`.
    public func national(_ code: String, art: String, year: Int = 2023) -> Double {
        let sum = Self.municipalities.compactMap { Self.accounts(code, municipality: $0.code, art: art, year: year) }
            .reduce(0, +)
        return sum + (nationalDiffers && code == "3.22.01" && art == "TOT" ? Self.nationalDifference : 0)
    }

    /// Region Hovedstaden's figure: the sum of its municipalities.
    public static func regional(_ code: String, art: String, year: Int = 2023) -> Double {
        municipalities.filter { $0.region == region.short }
            .compactMap { accounts(code, municipality: $0.code, art: art, year: year) }.reduce(0, +)
    }

    /// Persons of `age` on 1 January `year` in an area: a municipality, Christiansø (411), the
    /// region (84) or the country (0). Municipality `i`: `30 + (37i + 11a) mod 50 + 2i + (year − 2023)`
    /// for ages 0 … 99, `(i + a) mod 3` for 100 … 105, none older. Christiansø: one person at each
    /// age 21, 24, … 78.
    public static func population(area: Int, age: Int, year: Int = 2023) -> Int {
        switch area {
        case 0:
            return municipalities.reduce(0) { $0 + population(area: $1.code, age: age, year: year) }
                + population(area: christiansø, age: age, year: year)
        case region.code:
            return municipalities.filter { $0.region == region.short }
                .reduce(0) { $0 + population(area: $1.code, age: age, year: year) }
        case christiansø:
            return (21...78).contains(age) && age % 3 == 0 ? 1 : 0
        default:
            let i = index(of: area)
            switch age {
            case 0...99: return 30 + (37 * i + 11 * age) % 50 + 2 * i + (year - 2023)
            case 100...105: return (i + age) % 3
            default: return 0
            }
        }
    }

    /// Persons in an age band (ALDER IALT = every age, 0 … 125).
    public static func population(area: Int, ages: ClosedRange<Int> = 0...oldestAge, year: Int = 2023) -> Int {
        ages.reduce(0) { $0 + population(area: area, age: $1, year: year) }
    }

    // MARK: - tableinfo (JSON)

    public static let tables = ["REGK31", "BUDK32", "FOLK1A"]
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The `/tableinfo` answer (JSON, without the BOM) for REGK31, BUDK32 or FOLK1A; nil for others.
    public static func tableInfo(_ table: String) -> String? {
        func values(_ pairs: [(String, String)]) -> String {
            "[" + pairs.map { #"{"id":"\#($0.0)","text":"\#($0.1)"}"# }.joined(separator: ",") + "]"
        }
        func variable(_ id: String, _ text: String, elimination: Bool, time: Bool = false, map: String? = nil,
                      _ pairs: [(String, String)]) -> String {
            #"{"id":"\#(id)","text":"\#(text)","elimination":\#(elimination),"time":\#(time),"#
                + (map.map { #""map":"\#($0)","# } ?? "") + #""values":\#(values(pairs))}"#
        }
        let municipalityValues = municipalities.map { (String($0.code), $0.name) }
        switch table {
        case "REGK31", "BUDK32":
            let years = table == "REGK31" ? accountsYears : budgetYears
            let area = [("0", "Hele landet"), (String(region.code), region.name)] + municipalityValues
            let variables = [
                variable("OMRÅDE", "område", elimination: true, map: "denmark_municipality_07", area),
                variable("FUNKTION", "funktion", elimination: true, functions.map { ($0.id, "\($0.code) \($0.label)") }),
                variable("DRANST", "dranst", elimination: true,
                         [("1", "1 Driftskonti"), ("2", "2 Statsrefusion"), ("3", "3 Anlægskonti")]),
                variable("ART", "art", elimination: true,
                         [("TOT", "I alt (netto)"), ("UE", "Bruttoudgifter"), ("I", "Indtægter"),
                          ("S0", "0 Beregnede omkostninger"), ("S1", "1 Lønninger")]),
                variable("PRISENHED", "prisenhed", elimination: false,
                         [("LOBM", "Løbende priser (1.000 kr.)"), ("INDL", "Pr. indbygger, løbende priser (kr.)")]),
                variable("Tid", "tid", elimination: false, time: true, years.map { (String($0), String($0)) }),
            ]
            let text = table == "REGK31" ? "Kommunernes regnskaber på hovedkonti" : "Kommunernes budgetter på hovedkonti"
            return #"{"id":"\#(table)","text":"\#(text)","description":"\#(text) efter område, funktion, dranst, "#
                + #"art, prisenhed og tid","unit":"-","suppressedDataValue":"0","updated":"2024-06-28T08:00:00","#
                + #""active":true,"contacts":[],"footnote":null,"variables":[\#(variables.joined(separator: ","))]}"#
        case "FOLK1A":
            let area = [("000", "Hele landet"), ("0\(region.code)", region.name)]
                + municipalityValues.map { ($0.0, $0.1) } + [(String(christiansø), "Christiansø")]
            let ages = [("IALT", "Alder i alt")] + (0...oldestAge).map { (String($0), "\($0) år") }
            var times: [(String, String)] = []
            for year in populationYears {
                for quarter in 1...4 where year < populationYears.last! || quarter == 1 {
                    times.append(("\(year)K\(quarter)", "\(year)K\(quarter)"))
                }
            }
            let variables = [
                variable("OMRÅDE", "område", elimination: true, map: "denmark_municipality_07", area),
                variable("KØN", "køn", elimination: true, [("TOT", "I alt"), ("1", "Mænd"), ("2", "Kvinder")]),
                variable("ALDER", "alder", elimination: true, ages),
                variable("CIVILSTAND", "civilstand", elimination: true,
                         [("TOT", "I alt"), ("U", "Ugift"), ("G", "Gift/separeret"), ("E", "Enke/enkemand"),
                          ("F", "Fraskilt")]),
                variable("Tid", "tid", elimination: false, time: true, times),
            ]
            return #"{"id":"FOLK1A","text":"Befolkningen den 1. i kvartalet efter område, køn, alder og civilstand","#
                + #""description":"Befolkningen den 1. i kvartalet efter område, køn, alder, civilstand og tid","#
                + #""unit":"Antal","suppressedDataValue":"0","updated":"2024-05-10T08:00:00","active":true,"#
                + #""contacts":[],"footnote":null,"variables":[\#(variables.joined(separator: ","))]}"#
        default:
            return nil
        }
    }

    // MARK: - BULK answers

    /// A number as DST writes it: `150000`, `150000,5`, `-2053,5`; `..` for nil.
    public static func dst(_ value: Double?) -> String {
        guard let value else { return ".." }
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// The `/data` answer (BULK, codes) for `table` and `years`, as DST sends it: no BOM, no row
    /// whose figure is 0, the country's and the region's rows after the municipalities'. `only`
    /// restricts a variable to some of its values (as a request does); a variable not named, or
    /// named with "*", has every value rdr asks for.
    public func bulk(_ table: String, years: [Int], only: [String: [String]] = [:]) -> String {
        let lines = rows(table, years: years, only: only)
        guard let header = lines.first else { return "" }
        let figures = lines.dropFirst().filter { !$0.hasSuffix(";0") }
        let isTotal = { (line: String) in [0, Self.region.code].contains(Int(line.prefix { $0 != ";" }) ?? -1) }
        let kept = figures.filter { !isTotal($0) } + figures.filter(isTotal)
        return ([header] + kept).map { $0 + "\r\n" }.joined()
    }

    /// The same figures as a CSV answer: a BOM, every row (0s too), sorted.
    public func csvBytes(_ table: String, years: [Int], only: [String: [String]] = [:]) -> [UInt8] {
        Self.bom + Array(rows(table, years: years, only: only).map { $0 + "\r\n" }.joined().utf8)
    }

    /// The header and every row, sorted by the codes, without line ends.
    private func rows(_ table: String, years: [Int], only: [String: [String]]) -> [String] {
        func keep(_ variable: String, _ value: String) -> Bool {
            guard let values = only[variable], !values.contains("*") else { return true }
            return values.contains(value)
        }
        var lines: [String] = []
        switch table {
        case "REGK31", "BUDK32":
            lines.append("OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD")
            let areas: [(String, (String, String, Int) -> Double?)] =
                [("0", { self.national($0, art: $1, year: $2) }), (String(Self.region.code), { Self.regional($0, art: $1, year: $2) })]
                + Self.municipalities.map { m in (String(m.code), { Self.accounts($0, municipality: m.code, art: $1, year: $2) }) }
            for (area, figure) in areas where keep("OMRÅDE", area) {
                for function in Self.functions where keep("FUNKTION", function.id) {
                    for art in ["TOT", "S0"] where keep("ART", art) {
                        for year in years where keep("Tid", String(year)) {
                            // BUDK32 has REGK31's shape; the fixture gives it the same formulas.
                            lines.append("\(area);\(function.id);1;\(art);LOBM;\(year);\(Self.dst(figure(function.code, art, year)))")
                        }
                    }
                }
            }
        case "FOLK1A":
            lines.append("OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD")
            let areas = [("000", 0), ("0\(Self.region.code)", Self.region.code)]
                + Self.municipalities.map { (String($0.code), $0.code) } + [(String(Self.christiansø), Self.christiansø)]
            for (id, area) in areas where keep("OMRÅDE", id) {
                for age in ["IALT"] + (0...Self.oldestAge).map(String.init) where keep("ALDER", age) {
                    for year in years where keep("Tid", "\(year)K1") {
                        let count = age == "IALT" ? Self.population(area: area, year: year)
                            : Self.population(area: area, age: Int(age)!, year: year)
                        lines.append("\(id);TOT;\(age);TOT;\(year)K1;\(count)")
                    }
                }
            }
        default:
            return []
        }
        return lines
    }

    /// `bulk` as bytes: UTF-8, no BOM.
    public func bulkBytes(_ table: String, years: [Int], only: [String: [String]] = [:]) -> [UInt8] {
        Array(bulk(table, years: years, only: only).utf8)
    }

    // MARK: - Serving

    /// Installs the fixture Statbank on `server`: `POST /v1/tableinfo` answers by the "table" of
    /// the JSON body (HTTP 400 EXTRACT-NOTFOUND for a table it does not have, as DST does; any
    /// other path is DST's 404 REQUEST-NOTFOUND); `POST /v1/data` answers by the table with
    /// the years (and any other values) the body's variables ask for, subject to `faults`.
    public func install(on server: LocalHTTPServer) {
        server.route("POST", "/v1/tableinfo") { request in
            guard let table = Self.requestedTable(request) else { return .badRequest("Ugyldig forespørgsel") }
            guard let info = Self.tableInfo(table) else { return .tableNotFound(table) }
            var reply = LocalHTTPServer.Reply.json(info)
            reply.body = Self.bom + reply.body
            return reply
        }
        server.route("POST", "/v1/data") { request in
            guard let table = Self.requestedTable(request) else { return .badRequest("Ugyldig forespørgsel") }
            guard Self.tables.contains(table) else { return .tableNotFound(table) }
            if table == "FOLK1A", self.faults.contains(.folk1aServerError) { return .serverError }
            let selections = Self.selections(request)
            let years: [Int]
            let asked = selections["Tid"] ?? ["*"]
            if asked.contains("*") {
                years = table == "FOLK1A" ? Self.populationYears : table == "REGK31" ? Self.accountsYears : Self.budgetYears
            } else {
                years = asked.compactMap { Int($0.prefix(4)) }
            }
            var only = selections
            only["Tid"] = nil
            let format = (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])?["format"] as? String
            let reply = format == "CSV"
                ? LocalHTTPServer.Reply(status: 200, headers: [("Content-Type", "text/csv; charset=utf-8")],
                                        body: self.csvBytes(table, years: years, only: only))
                : LocalHTTPServer.Reply.bulk(self.bulk(table, years: years, only: only))
            return self.faults.contains(.cutBody(table: table)) ? reply.cut(keeping: 0.5) : reply
        }
    }

    /// The "table" of a request's JSON body.
    public static func requestedTable(_ request: LocalHTTPServer.Request) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])?["table"] as? String
    }

    /// A `/data` request's variables: code → values.
    public static func selections(_ request: LocalHTTPServer.Request) -> [String: [String]] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
              let variables = object["variables"] as? [[String: Any]] else { return [:] }
        var result: [String: [String]] = [:]
        for variable in variables {
            if let code = variable["code"] as? String, let values = variable["values"] as? [String] {
                result[code] = values
            }
        }
        return result
    }
}

// MARK: - Downloads from statistikbanken.dk

/// How a table saved by hand from statistikbanken.dk is laid out (see `WebsiteDownload` in
/// RdrStatbank), with the encoding, separator and line ends the fixture writes each in.
public enum WebsiteLayout: Sendable, CaseIterable {
    /// A line per figure, each variable's label and then the figure, no header line; the variables
    /// in the website's order (PRISENHED, DRANST, ART, FUNKTION, OMRÅDE, TID for the accounts;
    /// OMRÅDE, KØN, ALDER, CIVILSTAND, TID for FOLK1A). Windows-1252, commas, every field quoted
    /// (the figures too, with a decimal point: `"150000.5"`), CRLF line ends.
    case linePerFigure
    /// The table as the website shows it: a title line, a blank line, a line of column headings
    /// per column variable (KØN, CIVILSTAND and TID for FOLK1A; TID for the accounts), its first
    /// cells empty, then the rows. The row variables (OMRÅDE, ALDER; OMRÅDE, FUNKTION, DRANST, ART,
    /// PRISENHED) stand in the first columns; a label is written only where it changes, on a line
    /// of its own (the rest of the line empty) but for the last row variable, whose label shares
    /// the line with the figure:
    /// ```
    /// FOLK1A: Folketal den 1. i kvartalet efter område, alder og tid
    ///
    /// ;;2023K1
    /// Hele landet;;
    /// ;Alder i alt;5952
    /// ;0 år;…
    /// ```
    /// UTF-8 with a byte-order mark, semicolons, a decimal comma, a field quoted only when it holds
    /// a semicolon or a quote, LF line ends.
    case asShown
}

extension StatbankFixtures {
    /// The figures of `csvBytes(table, years: [year], only: only)` as a download from statistikbanken.dk
    /// in `layout`: every value written as its Danish label ("Hele landet", "Region Hovedstaden",
    /// "København", "Christiansø"; "3.22.01 Folkeskoler"; "1 Driftskonti"; "I alt (netto)",
    /// "0 Beregnede omkostninger"; "Løbende priser (1.000 kr.)"; "2023", "2023K1"; "Alder i alt",
    /// "7 år"; "I alt" for KØN and CIVILSTAND), the figure not available still `..`.
    ///
    /// `leavingOut` names variables (by their Statbank ids: "TID", "DRANST", "KØN" …) the download
    /// leaves out, as one does by not selecting them on the website. Each must have a single value
    /// in the figures (ART has two, TOT and S0, so it cannot be left out), so that leaving it out
    /// changes no figure. An accounts file without TID needs a file name that tells the year.
    public func websiteDownload(_ table: String, year: Int, layout: WebsiteLayout,
                                leavingOut: Set<String> = [], only: [String: [String]] = [:]) -> [UInt8] {
        let accounts = table == "REGK31" || table == "BUDK32"
        precondition(accounts || table == "FOLK1A", "StatbankFixtures: no table \(table)")
        // The answer as codes: the header, then per line its values by variable id (every row, 0s too).
        let lines = rows(table, years: [year], only: only)
        let header = lines[0].split(separator: ";").map(String.init)
        let rows = lines.dropFirst().map { line -> [String: String] in
            let values = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, values))
        }
        for id in leavingOut {
            precondition(header.contains(id) && id != "INDHOLD", "StatbankFixtures: no variable \(id) to leave out")
            precondition(Set(rows.map { $0[id]! }).count == 1,
                         "StatbankFixtures: \(id) has several values; leaving it out would sum them")
        }

        let decimalPoint = layout == .linePerFigure
        func figure(_ text: String) -> String { decimalPoint ? text.replacingOccurrences(of: ",", with: ".") : text }
        func label(_ id: String, _ code: String) -> String { Self.websiteLabel(id, code) }

        let rowVariables: [String], columnVariables: [String]
        switch (accounts, layout) {
        case (true, .linePerFigure): (rowVariables, columnVariables) = (["PRISENHED", "DRANST", "ART", "FUNKTION", "OMRÅDE", "TID"], [])
        case (false, .linePerFigure): (rowVariables, columnVariables) = (["OMRÅDE", "KØN", "ALDER", "CIVILSTAND", "TID"], [])
        case (true, .asShown): (rowVariables, columnVariables) = (["OMRÅDE", "FUNKTION", "DRANST", "ART", "PRISENHED"], ["TID"])
        case (false, .asShown): (rowVariables, columnVariables) = (["OMRÅDE", "ALDER"], ["KØN", "CIVILSTAND", "TID"])
        }
        let stubs = rowVariables.filter { !leavingOut.contains($0) }
        let headings = columnVariables.filter { !leavingOut.contains($0) }

        var out: [[String]] = []
        switch layout {
        case .linePerFigure:
            for row in rows {
                out.append(stubs.map { label($0, row[$0]!) } + [figure(row["INDHOLD"]!)])
            }
        case .asShown:
            let width = stubs.count + 1
            out.append([table == "FOLK1A" ? "FOLK1A: Folketal den 1. i kvartalet efter område, alder og tid"
                : table == "REGK31" ? "REGK31: Kommunernes regnskaber på hovedkonti efter område, funktion, dranst, art, prisenhed og tid"
                : "BUDK32: Kommunernes budgetter på hovedkonti efter område, funktion, dranst, art, prisenhed og tid"])
            out.append([])
            for id in headings {
                // One value each (one year, the totals of KØN and CIVILSTAND): one column of figures.
                let values = Set(rows.map { $0[id]! })
                precondition(values.count == 1, "StatbankFixtures: a column variable \(id) of several values")
                out.append(Array(repeating: "", count: stubs.count) + [label(id, values.first!)])
            }
            var previous: [String]? = nil
            for row in rows {
                let labels = stubs.map { label($0, row[$0]!) }
                let changed = previous.map { p in labels.indices.first { labels[$0] != p[$0] } ?? labels.count - 1 } ?? 0
                for k in changed..<(labels.count - 1) {
                    var line = Array(repeating: "", count: width)
                    line[k] = labels[k]
                    out.append(line)
                }
                out.append(Array(repeating: "", count: labels.count - 1) + [labels.last!, figure(row["INDHOLD"]!)])
                previous = labels
            }
        }

        let separator = layout == .linePerFigure ? "," : ";"
        func field(_ text: String) -> String {
            let quote = layout == .linePerFigure || text.contains(separator) || text.contains("\"")
            return quote ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lineEnd = layout == .linePerFigure ? "\r\n" : "\n"
        // The blank line under the title stays blank; other lines write every field, empty or not.
        let text = out.map { $0.map(field).joined(separator: separator) + lineEnd }.joined()
        switch layout {
        case .linePerFigure: return Self.windows1252(text)
        case .asShown: return Self.bom + Array(text.utf8)
        }
    }

    /// The Danish label the website writes for a value of `variable` given as its code in `bulk`.
    public static func websiteLabel(_ variable: String, _ code: String) -> String {
        switch variable {
        case "OMRÅDE":
            guard let n = Int(code) else { fatalError("StatbankFixtures: area \(code)") }
            if n == 0 { return "Hele landet" }
            if n == region.code { return region.name }
            if n == christiansø { return "Christiansø" }
            return municipalities[index(of: n)].name
        case "FUNKTION":
            guard let f = functions.first(where: { $0.id == code }) else { fatalError("StatbankFixtures: function \(code)") }
            return "\(f.code) \(f.label)"
        case "DRANST":
            return ["1": "1 Driftskonti", "2": "2 Statsrefusion", "3": "3 Anlægskonti"][code]!
        case "ART":
            return ["TOT": "I alt (netto)", "S0": "0 Beregnede omkostninger"][code]!
        case "PRISENHED":
            return ["LOBM": "Løbende priser (1.000 kr.)", "INDL": "Pr. indbygger, løbende priser (kr.)"][code]!
        case "KØN", "CIVILSTAND":
            precondition(code == "TOT", "StatbankFixtures: \(variable) \(code)")
            return "I alt"
        case "ALDER":
            return code == "IALT" ? "Alder i alt" : "\(code) år"
        case "TID":
            return code  // "2023", "2023K1": the website writes these as the API's codes
        default:
            fatalError("StatbankFixtures: no variable \(variable)")
        }
    }

    /// `text` in Windows-1252 (Danish Windows' "ANSI"): Latin-1, plus the signs Windows puts in
    /// 0x80 … 0x9F. A character it cannot write is a mistake in the fixture.
    public static func windows1252(_ text: String) -> [UInt8] {
        guard let data = text.data(using: .windowsCP1252) else {
            fatalError("StatbankFixtures: '\(text.prefix(40))…' does not go into Windows-1252")
        }
        return Array(data)
    }
}
