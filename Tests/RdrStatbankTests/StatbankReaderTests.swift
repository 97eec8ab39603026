import Foundation
import RdrEngine
import Testing

import RdrStatbank

private let header = "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\n"
private let folkHeader = "OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\n"

@Suite("Statbank reader: the formats")
struct StatbankReaderFormatTests {
    /// What both REGK31 fixtures hold, codes and labels alike (the codes one has one more year).
    private let regk31Expected: [AccountsKey: Double?] = [
        key(2023, 0, "5.38.50", 1, "TOT", "LOBM"): 12_345_678,
        key(2023, 0, "5.38.50", 1, "S0", "LOBM"): 234_567.5,
        key(2023, 101, "5.38.50", 1, "TOT", "LOBM"): 1_204_332,
        key(2023, 101, "5.38.50", 1, "S0", "LOBM"): Double?.none,
        key(2023, 101, "5.38.50", 1, "TOT", "INDL"): 1858,
        key(2023, 101, "0.22.01", 3, "I", "LOBM"): -4512,
        key(2023, 147, "0.22.01", 1, "TOT", "INDL"): -0.25,
    ]

    @Test func regk31CodesWithBOMAndCRLF() throws {
        let content = try StatbankReader.read(try fixture("regk31-codes.csv"), name: "regk31-codes.csv")
        let figures = try #require(accounts(content))
        #expect(figures.table == .regk31)
        var expected = regk31Expected
        expected[key(2022, 0, "5.38.50", 1, "TOT", "LOBM")] = 11_873_214
        #expect(figures.values == expected)  // region 84 and group 910 skipped
        #expect(figures.years == [2022, 2023])
        // ".." is a nil figure, not an absent one.
        #expect(figures.values[key(2023, 101, "5.38.50", 1, "S0", "LOBM")] == .some(nil))
    }

    @Test func regk31LabelsWithLF() throws {
        let content = try StatbankReader.read(try fixture("regk31-labels.csv"), name: "regk31-labels.csv",
                                              municipalities: municipalityCodes)
        let figures = try #require(accounts(content))
        #expect(figures.table == .regk31)
        #expect(figures.values == regk31Expected)  // "Region Hovedstaden" and "Hovedstadskommuner" skipped
    }

    @Test func budk32IsToldByItsAreaVariable() throws {
        let content = try StatbankReader.read(try fixture("budk32-codes.csv"), name: "answer.csv")
        let figures = try #require(accounts(content))
        #expect(figures.table == .budk32)
        #expect(figures.values == [
            key(2025, 0, "5.38.50", 1, "TOT", "LOBM"): 12_999_001,
            key(2025, 0, "5.38.50", 1, "S0", "LOBM"): 240_100,
            key(2025, 101, "5.38.50", 1, "TOT", "LOBM"): 1_250_000,
            key(2025, 101, "5.38.50", 1, "S0", "LOBM"): Double?.none,
            key(2025, 851, "3.22.01", 1, "TOT", "INDL"): 9876.5,
        ])
    }

    @Test func budgetOrAccountsByHintThenNameThenAreaVariable() throws {
        let text = header + "101;53850;1;TOT;LOBM;2025;1\n"
        #expect(accounts(try read(text))?.table == .regk31)
        #expect(accounts(try read(text, name: "store/BUDK32-2025.csv"))?.table == .budk32)
        #expect(accounts(try read(text, name: "budk32.csv", table: .regk31))?.table == .regk31)
        #expect(accounts(try read(text, table: .budk32))?.table == .budk32)
        let budget = "REGI07A;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\n101;53850;1;TOT;LOBM;2025;1\n"
        #expect(accounts(try read(budget))?.table == .budk32)
        #expect(accounts(try read(budget, table: .regk31))?.table == .regk31)
    }

    @Test func columnsInAnyOrderAndLowerCaseIds() throws {
        let text = "Tid;PRISENHED;ART;DRANST;FUNKTION;område;INDHOLD\n2023;LOBM;TOT;1;53850;101;42\n"
        let figures = try #require(accounts(try read(text)))
        #expect(figures.values == [key(2023, 101, "5.38.50", 1, "TOT", "LOBM"): 42])
    }

    @Test func folk1aCodesKeepsTotalsAndFirstQuarters() throws {
        let content = try StatbankReader.read(try fixture("folk1a-codes.csv"), name: "folk1a-codes.csv")
        let figures = try #require(population(content))
        #expect(figures.values == [
            PopulationKey(year: 2024, area: 0, age: nil): 5_961_249,
            PopulationKey(year: 2024, area: 0, age: 0): 57469,
            PopulationKey(year: 2024, area: 101, age: nil): 660_842,
            PopulationKey(year: 2024, area: 101, age: 0): 9301,
            PopulationKey(year: 2024, area: 101, age: 125): 0,
            PopulationKey(year: 2024, area: 411, age: nil): 88,
            PopulationKey(year: 2025, area: 101, age: nil): 667_099,
        ])  // region 081 and 2024K2 skipped
        #expect(figures.years == [2024, 2025])
    }

    @Test func folk1aLabelsSumsSexesWhenThereIsNoTotal() throws {
        let content = try StatbankReader.read(try fixture("folk1a-labels.csv"), name: "folk1a-labels.csv",
                                              municipalities: municipalityCodes)
        let figures = try #require(population(content))
        #expect(figures.values == [
            PopulationKey(year: 2024, area: 0, age: nil): 5_961_249,
            PopulationKey(year: 2024, area: 101, age: 0): 9301,
            PopulationKey(year: 2024, area: 101, age: nil): 660_842,
            PopulationKey(year: 2024, area: 411, age: nil): 88,
        ])
    }

    @Test func folk1aSumsMaritalStatusesAndBothDetails() throws {
        let statuses = folkHeader + """
            101;TOT;7;U;2024K1;5000
            101;TOT;7;G;2024K1;1
            101;TOT;7;E;2024K1;0
            101;TOT;7;F;2024K1;2
            """
        #expect(population(try read(statuses))?.values == [PopulationKey(year: 2024, area: 101, age: 7): 5003])
        let both = folkHeader + """
            101;1;7;U;2024K1;10
            101;1;7;G;2024K1;20
            101;2;7;U;2024K1;30
            101;2;7;F;2024K1;40
            """
        #expect(population(try read(both))?.values == [PopulationKey(year: 2024, area: 101, age: 7): 100])
        // With a TOT row the details are not added to it.
        let withTotal = folkHeader + "101;TOT;7;TOT;2024K1;99\n101;1;7;TOT;2024K1;50\n101;2;7;TOT;2024K1;49\n"
        #expect(population(try read(withTotal))?.values == [PopulationKey(year: 2024, area: 101, age: 7): 99])
    }

    @Test func folk1aWithEliminatedVariables() throws {
        // The API leaves out a variable that was eliminated (its total): here KØN and CIVILSTAND.
        let text = "OMRÅDE;ALDER;TID;INDHOLD\n000;IALT;2024K1;5961249\n101;6;2024K1;7012\n"
        #expect(population(try read(text))?.values == [
            PopulationKey(year: 2024, area: 0, age: nil): 5_961_249,
            PopulationKey(year: 2024, area: 101, age: 6): 7012,
        ])
        let noAge = "OMRÅDE;KØN;TID;INDHOLD\nKøbenhavn;I alt;2024K1;660842\n"
        #expect(population(try read(noAge))?.values == [PopulationKey(year: 2024, area: 101, age: nil): 660_842])
    }

    @Test func numbers() throws {
        let text = header + """
            101;53850;1;TOT;LOBM;2019;0
            101;53850;1;TOT;LOBM;2020;-7
            101;53850;1;TOT;LOBM;2021;1234,5
            101;53850;1;TOT;LOBM;2022;-0,125
            101;53850;1;TOT;LOBM;2023;..
            101;53850;1;TOT;LOBM;2024;9876543210
            """
        let values = try #require(accounts(try read(text))).values
        let byYear = Dictionary(uniqueKeysWithValues: values.map { ($0.key.year, $0.value) })
        #expect(byYear == [2019: 0, 2020: -7, 2021: 1234.5, 2022: -0.125, 2023: Double?.none, 2024: 9_876_543_210])
    }

    @Test func labelVariants() throws {
        let text = header + """
            101 København;53850 Botilbud;Driftskonti;S1;LOBM;2023;1
            København;5.38.50;1;1 Lønninger;LOBM;2023;2
            københavn ;5.38.50 Botilbud;1;8.1 Finansindtægter;LOBM;2023;3
            København;5.38.50 Botilbud;1;Beregnede omkostninger;LOBM;2023;4
            """
        // Row 1 and 2 are the same key (S1): a duplicate.
        #expect(failure(text)?.description
            == "t.csv:3: a second figure for OMRÅDE 101, FUNKTION 5.38.50, DRANST 1, ART S1, PRISENHED LOBM, TID 2023")
        let distinct = header + """
            101 København;53850 Botilbud;Driftskonti;S1;LOBM;2023;1
            københavn ;5.38.50 Botilbud;1;8.1 Finansindtægter;LOBM;2023;3
            København;5.38.50 Botilbud;1;Beregnede omkostninger;LOBM;2023;4
            """
        let values = try #require(accounts(try read(distinct))).values
        #expect(values == [
            key(2023, 101, "5.38.50", 1, "S1", "LOBM"): 1,
            key(2023, 101, "5.38.50", 1, "81", "LOBM"): 3,
            key(2023, 101, "5.38.50", 1, "S0", "LOBM"): 4,
        ])
    }

    @Test func quotedFieldsAndBlankLines() throws {
        let text = "\"OMRÅDE\";\"FUNKTION\";DRANST;ART;PRISENHED;TID;INDHOLD\r\n\r\n\"København\";\"5.38.50 Botilbud; § 108\";1;TOT;LOBM;2023;5\r\n\r\n"
        let values = try #require(accounts(try read(text))).values
        #expect(values == [key(2023, 101, "5.38.50", 1, "TOT", "LOBM"): 5])
    }

    @Test func municipalityCodesHelper() {
        let codes = StatbankReader.municipalityCodes([
            Municipality(code: 101, name: "København", region: "Hovedstaden", group: "Hovedstadskommuner"),
        ])
        #expect(codes == ["Hele landet": 0, "København": 101])
    }
}

@Suite("Statbank reader: errors name the file and line")
struct StatbankReaderErrorTests {
    @Test func emptyFile() {
        #expect(failure("")?.description == "t.csv:1: the file is empty")
        #expect(failure("\u{FEFF}")?.description == "t.csv:1: the file is empty")
        #expect(failure("\r\n\n")?.description == "t.csv:1: the file is empty")
        #expect(failure("   \n")?.description == "t.csv:1: the file is empty")
    }

    @Test func headerWithoutFigures() {
        #expect(failure(header)?.description == "t.csv:2: no figures after the header")
        #expect(failure(folkHeader + "\n")?.description == "t.csv:3: no figures after the header")
    }

    @Test func unrecognisedHeader() throws {
        let error = try #require(failure("FOO;BAR;INDHOLD\n1;2;3\n"))
        #expect(error.line == 1)
        #expect(error.reason.hasPrefix("unrecognised header (found columns 'FOO', 'BAR', 'INDHOLD'); supported: "))
        #expect(error.reason.contains("REGK31") && error.reason.contains("BUDK32") && error.reason.contains("FOLK1A"))
        // A title and column headings but no figures: taken for a download from the website.
        let title = try #require(failure("Kommunernes regnskaber på funktioner efter område, funktion og tid\n;;2023\n"))
        #expect(title.line == 2)
        #expect(title.reason.hasPrefix("no figures: neither a Statbank answer"))
        // Accounts without PRISENHED; an extra unknown variable; no INDHOLD.
        #expect(failure("OMRÅDE;FUNKTION;DRANST;ART;TID;INDHOLD\n")?.reason
            .hasPrefix("unrecognised header (found columns 'OMRÅDE', 'FUNKTION', 'DRANST', 'ART', 'TID', 'INDHOLD'; PRISENHED is missing)") == true)
        #expect(failure("OMRÅDE;EJER;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\n")?.line == 1)
        #expect(failure("OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID\n")?.line == 1)
        #expect(failure("\u{FEFF}OMRÅDE;OMRÅDE;KØN;TID;INDHOLD\n")?.description == "t.csv:1: the header names OMRÅDE twice")
        // OMRÅDE in Latin-1.
        let latin1: [UInt8] = Array("OMR".utf8) + [0xC5] + Array("DE;K".utf8) + [0xD8] + Array("N;TID;INDHOLD\n".utf8)
        #expect(throws: StatbankFormatError(file: "t.csv", line: 1, reason: "the header is not UTF-8 text, as Statbank "
            + "answers are (a file saved as Latin-1 or UTF-16?); supported: \(StatbankReader.supportedFormats)")) {
            try StatbankReader.read(latin1, name: "t.csv")
        }
    }

    @Test func tableOfTheWrongShape() throws {
        let error = try #require(failure(header + "101;53850;1;TOT;LOBM;2023;1\n", table: .folk1a))
        #expect(error.line == 1)
        #expect(error.reason.hasPrefix("expected FOLK1A"))
        let other = try #require(failure(folkHeader + "101;TOT;IALT;TOT;2024K1;1\n", table: .regk31))
        #expect(other.line == 1)
        #expect(other.reason.hasPrefix("expected REGK31"))
    }

    @Test func wrongFieldCount() {
        let few = header + "101;53850;1;TOT;LOBM;2023;1\r\n101;53850;1;TOT;2023;1\r\n"
        #expect(failure(few)?.description == "t.csv:3: 6 fields where the header has 7")
        let many = header + "101;53850;1;TOT;LOBM;2023;1\n\n101;53850;1;TOT;LOBM;2023;1;2\n"
        #expect(failure(many)?.description == "t.csv:4: 8 fields where the header has 7")
        #expect(failure(header + "101\n")?.description == "t.csv:2: 1 field where the header has 7")
    }

    @Test func fileCutInTheMiddleOfALine() {
        let cut = header + "101;53850;1;TOT;LOBM;2023;1\n101;53850;1;TO"
        #expect(failure(cut)?.description
            == "t.csv:3: the file ends in the middle of a line (4 of 7 fields): the download was probably cut short")
        let cutFolk = folkHeader + "101;TOT;IALT;TOT;2024K1;1\r\n101;TOT;IA"
        #expect(failure(cutFolk)?.line == 3)
        // Cut inside the last field: the value is what is left of it, "" here, which is no number.
        #expect(failure(header + "101;53850;1;TOT;LOBM;2023;")?.description
            == "t.csv:2: '' in column INDHOLD is not a number (Statistics Denmark writes e.g. 1234, -56 or 1234,5, and .. for a missing value)")
    }

    @Test func nonNumericValues() {
        for junk in ["12a", "1.234", "1 234", "1,2,3", "1,", ",5", "-", "+5", "1e3", "NaN", "."] {
            let text = header + "101;53850;1;TOT;LOBM;2023;1\n101;53850;1;TOT;LOBM;2024;\(junk)\n"
            #expect(failure(text)?.description == "t.csv:3: '\(junk)' in column INDHOLD is not a number "
                + "(Statistics Denmark writes e.g. 1234, -56 or 1234,5, and .. for a missing value)", "\(junk)")
        }
        #expect(failure(folkHeader + "101;TOT;IALT;TOT;2024K1;12,5\n")?.description
            == "t.csv:2: '12,5' in column INDHOLD is not a population count (a whole number)")
        #expect(failure(folkHeader + "101;TOT;IALT;TOT;2024K1;-3\n")?.line == 2)
    }

    @Test func missingPopulationIsAnError() {
        #expect(failure(folkHeader + "101;TOT;IALT;TOT;2024K1;7\n147;TOT;IALT;TOT;2024K1;..\n")?.description
            == "t.csv:3: '..' (not available) in column INDHOLD, where a population count is needed")
    }

    @Test func valuesThatCannotBeMapped() {
        let row = "101;53850;1;TOT;LOBM;2023;1\n"
        #expect(failure(header + row + "Atlantis;53850;1;TOT;LOBM;2023;1\n")?.description
            == "t.csv:3: 'Atlantis' in column OMRÅDE is not the whole country (0), a region (81-85), a municipality group (910-960), a municipality or Christiansø (411)")
        #expect(failure(header + "101;Botilbud;1;TOT;LOBM;2023;1\n")?.description
            == "t.csv:2: 'Botilbud' in column FUNKTION is not a function of the chart of accounts (e.g. 53850 or '5.38.50 Botilbud til længerevarende ophold')")
        #expect(failure(header + "101;53850;Drift og anlæg i alt;TOT;LOBM;2023;1\n")?.description
            == "t.csv:2: 'Drift og anlæg i alt' in column DRANST is not a dranst (1 … 7, or e.g. '1 Driftskonti')")
        #expect(failure(header + "101;53850;1;XYZ;LOBM;2023;1\n")?.description
            == "t.csv:2: 'XYZ' in column ART is not an art (TOT, UE, I, S0 …, or e.g. 'I alt (netto)')")
        #expect(failure(header + "101;53850;1;TOT;FAST;2023;1\n")?.description
            == "t.csv:2: 'FAST' in column PRISENHED is not a price unit (LOBM, INDL, 'Løbende priser (1.000 kr.)' or 'Pr. indbygger, løbende priser (kr.)')")
        #expect(failure(header + "101;53850;1;TOT;LOBM;2023K1;1\n")?.description
            == "t.csv:2: '2023K1' in column TID is not a year (e.g. 2023)")
        #expect(failure(folkHeader + "101;X;IALT;TOT;2024K1;1\n")?.description
            == "t.csv:2: 'X' in column KØN is not a sex (TOT, 1, 2, 'I alt', 'Mænd', 'Kvinder')")
        #expect(failure(folkHeader + "101;TOT;ældre;TOT;2024K1;1\n")?.description
            == "t.csv:2: 'ældre' in column ALDER is not an age (IALT, 0 … 125, 'Alder i alt', '7 år')")
        #expect(failure(folkHeader + "101;TOT;IALT;Q;2024K1;1\n")?.description
            == "t.csv:2: 'Q' in column CIVILSTAND is not a marital status (TOT, U, G, E, F or its label)")
        #expect(failure(folkHeader + "101;TOT;IALT;TOT;2024;1\n")?.description
            == "t.csv:2: '2024' in column TID is not a quarter (e.g. 2024K1)")
        // Without a municipality list, the message says so.
        let noList = Array((header + "København;53850;1;TOT;LOBM;2023;1\n").utf8)
        #expect(throws: StatbankFormatError(file: "x", line: 2, reason: "'København' in column OMRÅDE is not "
            + "the whole country (0), a region (81-85), a municipality group (910-960), a municipality or Christiansø (411) "
            + "(no municipality list was given to read labels with)")) {
            try StatbankReader.read(noList, name: "x")
        }
    }

    @Test func errorsInSkippedRowsStillCount() {
        // A region's row is skipped, but junk in it is still an error.
        #expect(failure(header + "84;53850;1;TOT;LOBM;2023;junk\n")?.line == 2)
        #expect(failure(folkHeader + "101;TOT;IALT;TOT;2024K2;junk\n")?.line == 2)
    }

    @Test func onlyOtherQuarters() {
        let text = folkHeader + "101;TOT;IALT;TOT;2024K2;661000\n101;TOT;IALT;TOT;2024K3;662000\n"
        #expect(failure(text)?.description
            == "t.csv:2: no 1 January (K1) figures: the file holds other quarters, e.g. 2024K2")
    }

    @Test func duplicates() {
        #expect(failure(header + "101;53850;1;TOT;LOBM;2023;1\n101;53850;1;TOT;LOBM;2023;2\n")?.line == 3)
        #expect(failure(folkHeader + "101;1;7;U;2024K1;1\n101;1;7;U;2024K1;1\n")?.description
            == "t.csv:3: a second figure for OMRÅDE 101, KØN 1, ALDER 7, CIVILSTAND U, TID 2024K1")
    }
}

// MARK: - The real snapshot, written as a Statbank answer and read back

/// The rows of regk31_kr_per_inhabitant.csv: year, area code, function, kr. per inhabitant.
@Suite("Statbank reader: the real snapshot read back")
struct StatbankReaderEquivalenceTests {
    // ASSUMPTION: the snapshot states no dranst (its README: most likely all dranst together). The
    // rows are written with DRANST "1", ART TOT, PRISENHED INDL; what is checked is that every
    // kr.-per-inhabitant figure comes back unchanged, by municipality, function and year.

    @Test func codes() throws {
        let rows = try realRows()
        #expect(rows.count == 14_850)
        var text = "\u{FEFF}OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r\n"
        for row in rows { text += "\(row.area);\(undotted(row.function));1;TOT;INDL;\(row.year);\(row.value)\r\n" }
        let figures = try #require(accounts(try StatbankReader.read(Array(text.utf8), name: "REGK31.csv")))
        #expect(figures.table == .regk31)
        #expect(figures.values.count == rows.count)
        for row in rows {
            let key = AccountsKey(year: row.year, area: row.area, function: row.function, dranst: 1, art: "TOT", unit: "INDL")
            #expect(figures.values[key] == .some(Double(row.value)), "\(row)")
        }
        #expect(figures.years == [2019, 2020, 2021, 2022, 2023, 2024])
    }

    @Test func labels() throws {
        let rows = try realRows()
        let names = Dictionary(uniqueKeysWithValues: municipalityCodes.map { ($1, $0) })
        let functionLabels = try realFunctionLabels()
        var text = "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\n"
        for row in rows {
            let name = try #require(names[row.area])
            let function = try #require(functionLabels[row.function])
            text += "\(name);\(row.function) \(function);1 Driftskonti;I alt (netto);"
                + "Pr. indbygger, løbende priser (kr.);\(row.year);\(row.value)\n"
        }
        let figures = try #require(accounts(try read(text, name: "REGK31 labels")))
        #expect(figures.values.count == rows.count)
        for row in rows {
            let key = AccountsKey(year: row.year, area: row.area, function: row.function, dranst: 1, art: "TOT", unit: "INDL")
            #expect(figures.values[key] == .some(Double(row.value)), "\(row)")
        }
    }
}

// MARK: - Speed

/// A full REGK31 year in the code format, as the API answers it: 109 areas (the country, 5
/// regions, 5 groups, 98 municipalities) × 355 functions × 2 dranst × 6 arts × 2 price units, the
/// time innermost: 928,680 lines, 30 MB, of which 843,480 figures are kept. `areas` makes it smaller.
private func generatedREGK31(areas: Int = 109) -> [UInt8] {
    var codes = [0] + Array(81...85) + [910, 920, 930, 940, 960]
    var m = 101
    while codes.count < 109 { codes.append(m); m += 7 }
    codes = Array(codes.prefix(areas))
    let functions: [String] = (0..<355).map { i in
        let main = i / 60, group = 10 + i % 60, function = (i * 37) % 100
        let tail = "\(group)" + (function < 10 ? "0" : "") + "\(function)"
        return main == 0 ? tail : "\(main)" + tail
    }
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    out.reserveCapacity(areas * 355 * 24 * 34)
    out += Array("OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r\n".utf8)
    var n = 0
    for area in codes {
        for function in functions {
            for dranst in ["1", "3"] {
                for art in ["TOT", "UE", "I", "S0", "S1", "S2"] {
                    for unit in ["LOBM", "INDL"] {
                        n += 1
                        let value = n % 97 == 0 ? ".." : n % 7 == 0 ? "\(n % 100_000 - 5000),5" : "\(n % 1_000_000 - 20000)"
                        out += Array("\(area);\(function);\(dranst);\(art);\(unit);2023;\(value)\r\n".utf8)
                    }
                }
            }
        }
    }
    return out
}

@Suite("Statbank reader: speed")
struct StatbankReaderSpeedTests {
    /// A few areas by default; the full year with RDR_STATBANK_BENCH=1, to be run in release:
    /// `RDR_STATBANK_BENCH=1 swift test -c release --filter StatbankReaderSpeedTests`.
    /// Measured on the 2-core build VM: about 0.9 s, of which about 0.7 s is building the
    /// [AccountsKey: Double?] dictionary of 843,480 figures (the same inserts of ready-made keys
    /// alone take that long there) and about 0.2 s reading the bytes. The bound is loose enough
    /// not to flap on a shared machine and tight enough to catch a String per field (several s).
    @Test func fullYear() throws {
        let full = ProcessInfo.processInfo.environment["RDR_STATBANK_BENCH"] == "1"
        let areas = full ? 109 : 16
        let bytes = generatedREGK31(areas: areas)
        let clock = ContinuousClock()
        var content: StatbankContent?
        let elapsed = try clock.measure { content = try StatbankReader.read(bytes, name: "REGK31-2023.csv") }
        let figures = try #require(content.flatMap(accounts))
        #expect(figures.values.count == (areas - 10) * 355 * 24)  // the 5 regions and 5 groups are skipped
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("StatbankReader: \(areas * 355 * 24) lines, \(bytes.count / 1_000_000) MB in \(seconds) s")
        if full { #expect(seconds < 1.5) }
    }

    /// What loading a dataset reads: every line parsed and checked, the method's figures kept
    /// (dranst 1, art TOT and S0, both units: 4 of the 24 combinations per function here).
    @Test func fullYearKeepingTheMethodsFigures() throws {
        let full = ProcessInfo.processInfo.environment["RDR_STATBANK_BENCH"] == "1"
        let areas = full ? 109 : 16
        let bytes = generatedREGK31(areas: areas)
        let clock = ContinuousClock()
        var content: StatbankContent?
        let elapsed = try clock.measure {
            content = try StatbankReader.read(bytes, name: "REGK31-2023.csv", keeping: .method)
        }
        let figures = try #require(content.flatMap(accounts))
        #expect(figures.values.keys.allSatisfy { $0.dranst == 1 && ["TOT", "S0"].contains($0.art) })
        #expect(!figures.values.isEmpty)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("StatbankReader keeping the method's figures: \(areas * 355 * 24) lines, "
              + "\(figures.values.count) kept, in \(seconds) s")
        if full { #expect(seconds < 0.6) }
    }
}
