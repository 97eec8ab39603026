import Foundation
import RdrEngine
import Testing

import RdrStatbank

// Tables saved by hand from statistikbanken.dk. The layouts follow public copies of real downloads
// (a line per figure, every field quoted; the table as shown, with a title, column headings and
// row labels written where they change). The figures here are made up, but for the equivalence
// suite at the end, which uses the real snapshot.

private func windows1252(_ text: String) throws -> [UInt8] {
    Array(try #require(text.data(using: .windowsCP1252)))
}

private func utf16(_ text: String) -> [UInt8] {
    [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
}

private func readBytes(_ bytes: [UInt8], name: String = "download.csv", table: StatbankTable? = nil)
    throws(StatbankFormatError) -> StatbankContent
{
    try StatbankReader.read(bytes, name: name, table: table, municipalities: municipalityCodes)
}

private func failureBytes(_ bytes: [UInt8], name: String = "download.csv", table: StatbankTable? = nil)
    -> StatbankFormatError?
{
    do {
        _ = try readBytes(bytes, name: name, table: table)
        return nil
    } catch {
        return error
    }
}

private let botilbud = "5.38.50 Botilbud til længerevarende ophold (§ 108)"
private let lobm = "Løbende priser (1.000 kr.)"

/// A line per figure, as the website saves it: every label quoted, the figure last.
private func linePerFigure(_ rows: [[String]], separator: String = ",", lineEnd: String = "\r\n",
                           quoted: Bool = true) -> String {
    rows.map { row in
        (row.dropLast().map { quoted ? "\"\($0)\"" : $0 } + [row.last!]).joined(separator: separator) + lineEnd
    }.joined()
}

@Suite("Statbank reader: tables saved from statistikbanken.dk")
struct WebsiteDownloadFormatTests {
    private let rows: [[String]] = [
        [lobm, "1 Driftskonti", "I alt (netto)", botilbud, "Hele landet", "2023", "12345678"],
        [lobm, "1 Driftskonti", "0 Beregnede omkostninger", botilbud, "Hele landet", "2023", "234567.5"],
        [lobm, "1 Driftskonti", "I alt (netto)", botilbud, "Region Hovedstaden", "2023", "3456789"],
        [lobm, "1 Driftskonti", "I alt (netto)", botilbud, "København", "2023", "1204332"],
        [lobm, "1 Driftskonti", "0 Beregnede omkostninger", botilbud, "København", "2023", ".."],
        [lobm, "3 Anlægskonti", "I alt (netto)", botilbud, "Frederiksberg", "2023", "-4512"],
    ]

    private let expected: [AccountsKey: Double?] = [
        key(2023, 0, "5.38.50", 1, "TOT", "LOBM"): 12_345_678,
        key(2023, 0, "5.38.50", 1, "S0", "LOBM"): 234_567.5,
        key(2023, 101, "5.38.50", 1, "TOT", "LOBM"): 1_204_332,
        key(2023, 101, "5.38.50", 1, "S0", "LOBM"): Double?.none,
        key(2023, 147, "5.38.50", 3, "TOT", "LOBM"): -4512,
    ]

    @Test func linePerFigureInWindows1252WithCommas() throws {
        let figures = try #require(accounts(try readBytes(try windows1252(linePerFigure(rows)))))
        #expect(figures.table == .regk31)
        #expect(figures.values == expected)  // Region Hovedstaden skipped
    }

    @Test func linePerFigureInUTF8AndUTF16WithSemicolonsAndTabs() throws {
        let danish = rows.map { row in Array(row.dropLast()) + [row.last! == ".." ? ".." : row.last!.replacingOccurrences(of: ".", with: ",")] }
        let semicolons = "\u{FEFF}" + linePerFigure(danish, separator: ";", lineEnd: "\n", quoted: false)
        #expect(accounts(try readBytes(Array(semicolons.utf8)))?.values == expected)
        let tabs = linePerFigure(danish, separator: "\t", quoted: false)
        #expect(accounts(try readBytes(utf16(tabs)))?.values == expected)
        // Variables in another order: told by their labels, not their place.
        let shuffled = rows.map { [$0[4], $0[5], $0[3], $0[1], $0[2], $0[0], $0[6]] }
        #expect(accounts(try readBytes(Array(linePerFigure(shuffled).utf8)))?.values == expected)
    }

    @Test func theYearFromTheFileNameWhenTIDIsLeftOut() throws {
        let withoutYear = rows.map { row in Array(row[..<5] + row[6...]) }
        let bytes = try windows1252(linePerFigure(withoutYear))
        #expect(accounts(try readBytes(bytes, name: "/home/a/regk31-2023.csv"))?.values == expected)
        // The file's own name decides, not the folders it is in.
        #expect(accounts(try readBytes(bytes, name: "exports-2024/regk31 2023.csv"))?.values == expected)
        #expect(failureBytes(bytes, name: "/tmp/2023/kommuner.csv")?.reason.hasPrefix("no column of years") == true)
        // As the local store keeps it: accounts/R2023/regk31-1.csv.
        #expect(accounts(try readBytes(bytes, name: "accounts/R2023/regk31-1.csv"))?.values == expected)
        let unnamed = try #require(failureBytes(bytes, name: "kommuner.csv"))
        #expect(unnamed.line == 1)
        #expect(unnamed.reason.hasPrefix("no column of years (TID), and the file's name does not say the year"))
        // Two years in the name say nothing.
        #expect(failureBytes(bytes, name: "2022-vs-2023.csv")?.reason.hasPrefix("no column of years") == true)
    }

    @Test func asShownWithYearsInTheHeadings() throws {
        let text = """
            "REGK31: Kommunernes regnskaber på funktioner efter område, funktion, dranst, art, prisenhed og tid"

            ;;;;;2022;2023
            Hele landet;\(botilbud);1 Driftskonti;I alt (netto);\(lobm);11.873.214;12.345.678
            ;;;0 Beregnede omkostninger;\(lobm);230.000;234.567,5
            København;\(botilbud);1 Driftskonti;I alt (netto);\(lobm);1.150.000;1.204.332
            ;;;0 Beregnede omkostninger;\(lobm);..;..

            "Kilde: Danmarks Statistik"

            """.replacingOccurrences(of: "\n", with: "\r\n")
        let figures = try #require(accounts(try readBytes(Array(("\u{FEFF}" + text).utf8), name: "tabel.csv")))
        #expect(figures.table == .regk31)
        #expect(figures.values == [
            key(2022, 0, "5.38.50", 1, "TOT", "LOBM"): 11_873_214,
            key(2023, 0, "5.38.50", 1, "TOT", "LOBM"): 12_345_678,
            key(2022, 0, "5.38.50", 1, "S0", "LOBM"): 230_000,
            key(2023, 0, "5.38.50", 1, "S0", "LOBM"): 234_567.5,
            key(2022, 101, "5.38.50", 1, "TOT", "LOBM"): 1_150_000,
            key(2023, 101, "5.38.50", 1, "TOT", "LOBM"): 1_204_332,
            key(2022, 101, "5.38.50", 1, "S0", "LOBM"): Double?.none,
            key(2023, 101, "5.38.50", 1, "S0", "LOBM"): Double?.none,
        ])
    }

    @Test func asShownWithTwoLinesOfHeadingsOneSpanningTheOther() throws {
        // The years span two columns each (written once, as a merged cell is saved), the units under them.
        let text = """
            Kommunernes regnskaber på funktioner efter område, funktion, dranst, art, tid og prisenhed

            ;;;;2022;;2023;
            ;;;;\(lobm);Pr. indbygger, løbende priser (kr.);\(lobm);Pr. indbygger, løbende priser (kr.)
            København;\(botilbud);1 Driftskonti;I alt (netto);1.150.000;1.797;1.204.332;1.858

            """
        let figures = try #require(accounts(try readBytes(Array(text.utf8))))
        #expect(figures.table == .regk31)
        #expect(figures.values == [
            key(2022, 101, "5.38.50", 1, "TOT", "LOBM"): 1_150_000,
            key(2022, 101, "5.38.50", 1, "TOT", "INDL"): 1797,
            key(2023, 101, "5.38.50", 1, "TOT", "LOBM"): 1_204_332,
            key(2023, 101, "5.38.50", 1, "TOT", "INDL"): 1858,
        ])
    }

    @Test func asShownFOLK1AInEnglishWithSexesInTheHeadings() throws {
        // The shape of a real download (title wrapped over two lines, cells of one space).
        let text = """
            "Population at the first day of the quarter by region, time, marital",,,,,,
            "status, age and sex",,,,,,
            ,,,,,,
             , , , ,Total,Men,Women
            All Denmark,,,,,,
             ,2024Q1,,,,,
             , ,Never married,,,,
             , , ,0 years,100,51,49
             , , ,1 year,90,46,44
             , ,Married/separated,,,,
             , , ,0 years,0,0,0
             , , ,1 year,2,1,1
             ,2024Q2,,,,,
             , ,Never married,,,,
             , , ,0 years,101,52,49
            Holbæk,,,,,,
             ,2024Q1,,,,,
             , ,Never married,,,,
             , , ,0 years,7,4,3

            """
        let figures = try #require(population(try readBytes(Array(text.utf8))))
        #expect(figures.values == [
            PopulationKey(year: 2024, area: 0, age: 0): 100,
            PopulationKey(year: 2024, area: 0, age: 1): 92,
            PopulationKey(year: 2024, area: 316, age: 0): 7,
        ])
    }

    @Test func aBudgetIsToldByItsTitle() throws {
        let text = """
            BUDK32: Kommunernes budgetter efter område, funktion, dranst, art, prisenhed og tid

            ;;;;;2025
            København;\(botilbud);1 Driftskonti;I alt (netto);\(lobm);1.250.000

            """
        #expect(accounts(try readBytes(Array(text.utf8)))?.table == .budk32)
        #expect(accounts(try readBytes(Array(text.utf8), table: .regk31))?.table == .regk31)
        let named = linePerFigure([[lobm, "1 Driftskonti", "I alt (netto)", botilbud, "København", "2025", "1"]])
        #expect(accounts(try readBytes(Array(named.utf8), name: "budget-2025.csv"))?.table == .budk32)
        #expect(accounts(try readBytes(Array(named.utf8), name: "2025.csv"))?.table == .regk31)
    }

    @Test func numbers() throws {
        func value(_ figure: String, separator: String) throws -> Double?? {
            let row = [lobm, "1 Driftskonti", "I alt (netto)", botilbud, "København", "2023", figure]
            let text = linePerFigure([row], separator: separator)
            return accounts(try readBytes(Array(text.utf8)))?.values[key(2023, 101, "5.38.50", 1, "TOT", "LOBM")]
        }
        #expect(try value("1.234.567", separator: ";") == 1_234_567)
        #expect(try value("-1.234,5", separator: ";") == -1234.5)
        #expect(try value("12,25", separator: "\t") == 12.25)
        #expect(try value("1234.5", separator: ",") == 1234.5)
        #expect(try value("\"1234,5\"", separator: ",") == 1234.5)
        #expect(try value("..", separator: ",") == .some(nil))
        for bad in ["1.23", "12a", "1,2,3", "-", "1 234"] {
            let row = [lobm, "1 Driftskonti", "I alt (netto)", botilbud, "København", "2023", bad]
            let error = try #require(failureBytes(Array(linePerFigure([row], separator: ";").utf8)), "\(bad)")
            #expect(error.description == "download.csv:1: '\(bad)' where a figure belongs (a number, or .. for a figure not available)")
        }
    }
}

@Suite("Statbank reader: downloads from the website that cannot be read")
struct WebsiteDownloadErrorTests {
    private func row(_ area: String, _ figure: String = "1", art: String = "I alt (netto)") -> [String] {
        [lobm, "1 Driftskonti", art, botilbud, area, "2023", figure]
    }

    @Test func aMisspeltMunicipality() throws {
        let text = linePerFigure([row("København"), row("Frederiksberg"), row("Holbak")])
        let error = try #require(failureBytes(Array(text.utf8)))
        #expect(error.description == "download.csv:3: 'Holbak' in column 5 is not a municipality (or Hele landet, "
            + "a region), as the rest of it is; did you mean Holbæk?")
    }

    @Test func variablesThatAreNotTheMethods() throws {
        let noDranst = linePerFigure([[lobm, "I alt (netto)", botilbud, "København", "2023", "1"]])
        #expect(failureBytes(Array(noDranst.utf8))?.description == "download.csv:1: the download has no DRANST, "
            + "so its figures are every dranst together (drift, anlæg, renter …), not the operating accounts the "
            + "method takes; select DRANST '1 Driftskonti' when you download")
        let noArt = linePerFigure([[lobm, "1 Driftskonti", botilbud, "København", "2023", "1"]])
        #expect(failureBytes(Array(noArt.utf8))?.reason.hasPrefix("the download has no ART") == true)
        let noUnit = linePerFigure([["1 Driftskonti", "I alt (netto)", botilbud, "København", "2023", "1"]])
        #expect(failureBytes(Array(noUnit.utf8))?.reason.hasPrefix("the download has no PRISENHED") == true)
    }

    @Test func cellsThatAreEmptyOrUnlabelled() throws {
        let empty = "Folketal\n\n;;2024K1;2025K1\nKøbenhavn;0 år;10;\n"
        #expect(failureBytes(Array(empty.utf8))?.description == "download.csv:4: an empty cell in column 4, where "
            + "a figure belongs (Statistics Denmark writes .. for a figure not available)")
        let unlabelled = "Folketal\n\n;;2024K1\n;0 år;10\n"
        #expect(failureBytes(Array(unlabelled.utf8))?.description
            == "download.csv:4: figures with no label in column 1, on their line or above")
    }

    @Test func aColumnNothingFits() throws {
        let text = linePerFigure([[lobm, "1 Driftskonti", "I alt (netto)", botilbud, "København", "blå", "1"]])
        let error = try #require(failureBytes(Array(text.utf8)))
        #expect(error.line == 1)
        #expect(error.reason.hasPrefix("cannot tell what column 6 holds ('blå'): not a municipality"))
        // A municipality misspelt where it is the only one: nothing fits, but the likely name is offered.
        let alone = linePerFigure([row("Københaven")])
        #expect(failureBytes(Array(alone.utf8))?.reason.hasSuffix("; did you mean København?") == true)
        let unknown = "Noget helt andet\n\n;;2024\nx;y;1\n"
        #expect(failureBytes(Array(unknown.utf8))?.reason.hasPrefix("cannot tell which table this is") == true)
    }

    @Test func twoColumnsOfTheSameVariable() throws {
        // Found by fuzzing: the sexes both as row labels and as column headings.
        let text = "Folketal\n\n;;;I alt;Mænd\nKøbenhavn;2024K1;Mænd;1;2\n"
        let error = try #require(failureBytes(Array(text.utf8)))
        #expect(error.reason.contains("both hold a sex"), "\(error)")
        // A column of totals ("I alt") once every variable it could be is held by another.
        let totals = "Folketal\n\n;;;;;Mænd\nKøbenhavn;2024K1;Ugift;0 år;I alt;5\n"
        let taken = try #require(failureBytes(Array(totals.utf8)))
        #expect(taken.line == 3)
        #expect(taken.reason.hasPrefix("column 5 and the column headings both hold a sex"), "\(taken)")
        // Three columns of totals and only two variables (KØN, CIVILSTAND) left for them.
        let three = "Folketal\n\n;;;;;2024K1\nKøbenhavn;I alt;I alt;I alt;0 år;5\n"
        #expect(failureBytes(Array(three.utf8))?.reason.hasPrefix("column 2 and column 4 both hold a sex") == true)
    }

    /// Found by fuzzing: shapes whose size once multiplied (a reservation of rows × width × row
    /// labels: 42 GB for a file of 9 kB, an overflow at 10 MB) or that scanned every row as wide
    /// as the widest. Each must fail with a message (before: an abort, or minutes).
    @Test func hugeShapesFailQuickly() throws {
        let wideHeadings = String(repeating: ";", count: 13_000) + "2024K1\n" + "x" + String(repeating: ";", count: 26_000)
            + "1\n" + String(repeating: "\n", count: 14_000)
        #expect(failureBytes(Array(wideHeadings.utf8))?.reason.contains("more variables than REGK31") == true)
        let wideLine = String(repeating: "a,", count: 300_000) + "1\n" + String(repeating: "b,1\n", count: 150_000)
        #expect(failureBytes(Array(wideLine.utf8)) != nil)
        // A long misspelt label: the suggestion is not searched for.
        let long = linePerFigure([row(String(repeating: "Københaven", count: 20_000))])
        let error = try #require(failureBytes(Array(long.utf8)))
        #expect(error.reason.hasPrefix("cannot tell what column 5 holds ('" + String(repeating: "Københaven", count: 6) + "…')"))
    }

    @Test func aSecondFigureIsReportedOnItsOwnLine() throws {
        let text = linePerFigure([row("København"), row("Frederiksberg"), row("København", "2")])
        let error = try #require(failureBytes(Array(text.utf8)))
        #expect(error.line == 3)
        #expect(error.reason.hasPrefix("a second figure for OMRÅDE 101"))
    }

    @Test func theWrongTableAndNoFigures() throws {
        let accountsFile = linePerFigure([row("København")])
        let wrong = try #require(failureBytes(Array(accountsFile.utf8), table: .folk1a))
        #expect(wrong.line == 1)
        #expect(wrong.reason.hasPrefix("expected FOLK1A"))
        // A title and nothing else (some downloads break off there).
        #expect(failureBytes(Array("Folketal 1. januar\r\n\r\n".utf8))?.reason.hasPrefix("one column only") == true)
        #expect(failureBytes(Array("Folketal 1. januar\r\n\r\n;2024K1\r\n".utf8))?.line == 3)
        let headingsOnly = "FOLK1A: Folketal\n\n;;2024K1\n"
        #expect(failureBytes(Array(headingsOnly.utf8))?.description.hasPrefix(
            "download.csv:3: no figures: neither a Statbank answer") == true)
    }
}

@Suite("Statbank reader: the real snapshot saved from the website and read back")
struct WebsiteDownloadEquivalenceTests {
    // The snapshot's kr. per inhabitant, written as the website would save them (DRANST given as
    // "1 Driftskonti" for the reader's sake; see the equivalence suite of the API formats), must
    // come back figure for figure.

    private func expected(_ rows: [(year: Int, area: Int, function: FunctionCode, value: Int)]) -> [AccountsKey: Double?] {
        Dictionary(uniqueKeysWithValues: rows.map {
            (AccountsKey(year: $0.year, area: $0.area, function: $0.function, dranst: 1, art: "TOT", unit: "INDL"),
             Double?.some(Double($0.value)))
        })
    }

    private let unit = "Pr. indbygger, løbende priser (kr.)"

    @Test func linePerFigureInWindows1252() throws {
        let rows = try realRows()
        let names = Dictionary(uniqueKeysWithValues: municipalityCodes.map { ($1, $0) })
        let labels = try realFunctionLabels()
        var lines: [[String]] = []
        for row in rows {
            lines.append([unit, "I alt (netto)", "\(row.function) \(try #require(labels[row.function]))",
                          "1 Driftskonti", try #require(names[row.area]), String(row.year), String(row.value)])
        }
        let figures = try #require(accounts(try readBytes(try windows1252(linePerFigure(lines)), name: "regk31.csv")))
        #expect(figures.values == expected(rows))
    }

    @Test func asShownWithTheYearsAsColumns() throws {
        let rows = try realRows()
        let names = Dictionary(uniqueKeysWithValues: municipalityCodes.map { ($1, $0) })
        let labels = try realFunctionLabels()
        let years = Array(Set(rows.map(\.year))).sorted()
        var byCell: [String: Int] = [:]
        for row in rows { byCell["\(row.area) \(row.function) \(row.year)"] = row.value }
        var text = "\"REGK31: Kommunernes regnskaber på funktioner efter funktion, område, dranst, art, prisenhed og tid\"\n\n"
        text += ";;;;;" + years.map(String.init).joined(separator: ";") + "\n"
        for function in Array(Set(rows.map(\.function))).sorted() {
            text += "\(function) \(try #require(labels[function]));;;;;\n"
            for area in Array(Set(rows.map(\.area))).sorted() {
                let figures = try years.map { year in String(try #require(byCell["\(area) \(function) \(year)"])) }
                text += ";\(try #require(names[area]));1 Driftskonti;I alt (netto);\(unit);"
                    + figures.joined(separator: ";") + "\n"
            }
        }
        let figures = try #require(accounts(try readBytes(Array(text.utf8), name: "tabel.csv")))
        #expect(figures.values == expected(rows))
    }
}
