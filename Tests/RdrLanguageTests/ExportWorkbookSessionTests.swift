import Foundation
import RdrLanguage
import RdrRender
import RdrReport
import RdrTestSupport
import Testing

/// `export … to x.xlsx` and `export … as FORMAT`, through the language.
@Suite struct ExportWorkbookSessionTests {
    private let setup = "load teaching R2020; let s = rank Skole per 6-16"

    private func session(in folder: TemporaryFolder) throws -> Session {
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs(setup, name: "setup")
        return session
    }

    // MARK: Parsing

    @Test func exportTakesAnOptionalFormat() throws {
        #expect(try shape("export s to x.csv as excel-csv") == "export s to x.csv as excel-csv")
        #expect(try shape("export to x.xlsx") == "export to x.xlsx")
        #expect(try shape("export to \"Skole 2020.dat\" as json") == "export to Skole 2020.dat as json")
        let missing = try #require(syntaxError("export s to x.csv as"))
        #expect(missing.message == "expected a format after 'as': table, csv, excel-csv, markdown, json, xlsx, chart or map, found the end of the statement")
    }

    // MARK: A workbook

    @Test func aRankingOfTheTeachingDataReadsBackInOpenpyxl() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        let outputs = try session.outputs("export s to skole.xlsx")
        #expect(outputs.compactMap(\.message) == ["Exported s (98 rows) to skole.xlsx as xlsx."])
        #expect(try folder.contents() == ["skole.xlsx"])
        let result = try #require(session.result(named: "s"))

        let sheets = try Openpyxl.read(folder.file("skole.xlsx"))
        let sheet = try #require(sheets.first)
        #expect(sheets.count == 1)
        #expect(sheet.name == "Skole kr. per 6-16-year-old, te")
        #expect(sheet["A1"]?.text == result.title)
        #expect(sheet.cells.filter { $0.row == 2 }.map(\.text) == result.columns.map(\.title))
        var numbers = 0
        for (offset, values) in (result.rows + result.footer).enumerated() {
            let row = sheet.cells.filter { $0.row == offset + 3 }
            for (index, value) in values.enumerated() {
                let cell = row.first { $0.column == index + 1 }
                switch value {
                case .integer(let n), .place(let n, _):
                    #expect(cell?.type == "n" && cell?.number == Double(n), "row \(offset + 1) \(result.columns[index].key)")
                    numbers += 1
                case .amount(let x):
                    // kr. per person: two decimals kept (the CSV's figure), none shown.
                    #expect(cell?.type == "n" && cell?.number == (x * 100).rounded(.toNearestOrAwayFromZero) / 100
                            && cell?.format == "#,##0", "row \(offset + 1) \(result.columns[index].key)")
                    numbers += 1
                case .flag(let flag):
                    #expect(cell?.bool == flag)
                case .text(let text):
                    #expect(cell?.text == text)
                case .labelled(let text, let label):
                    #expect(cell?.text == "\(label): \(text)")
                default:
                    Issue.record("a ranking has no \(value)")
                }
            }
        }
        #expect(numbers == 99 * 4)  // place, kr. per person, spending, persons: 98 rows and the median
        let caption = sheet.cells.filter { $0.row > result.rows.count + result.footer.count + 2 }.compactMap(\.text)
        #expect(caption.contains("INVENTED FIGURES (teaching data): not any real municipality's accounts."))
        #expect(caption == result.notes.map { "Note: " + $0 } + result.captionLines)
    }

    @Test func excelCSVIsAskedForWithAs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        let outputs = try session.outputs("export s to skole.csv as excel-csv; export s to plain.csv")
        #expect(outputs.compactMap(\.message) == [
            "Exported s (98 rows) to skole.csv as excel-csv.", "Exported s (98 rows) to plain.csv as csv.",
        ])
        let bytes = try Data(contentsOf: folder.url.appendingPathComponent("skole.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let records = text.components(separatedBy: "\r\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(records.count == 99)
        #expect(records[0] == "dataset;area;per;place;municipality;kr_per_person;spending_kr;persons;is_median")
        let result = try #require(session.result(named: "s"))
        let first = records[1].split(separator: ";").map(String.init)
        let kr = try #require(result.rows[0][5].amount)
        #expect(first[5] == String(format: "%.2f", kr).replacingOccurrences(of: ".", with: ","))
        let plain = try String(contentsOfFile: folder.file("plain.csv"), encoding: .utf8)
        #expect(plain.hasPrefix("dataset,area,"))
    }

    @Test func showAndSetFormatTakeExcelCSVButNotAWorkbook() throws {
        let session = try makeSession()
        let outputs = try session.outputs("\(setup); s as excel-csv; set format excel-csv")
        #expect(outputs.compactMap(\.format) == [.excelCSV])
        #expect(outputs.compactMap(\.message).last == "Output format: excel-csv.")
        let failure = try #require(session.failure("set format xlsx").error)
        #expect(failure.formatted == """
            input:1:12: error: a workbook is a file, not something to show: export it (export s to x.xlsx); choose table, csv, excel-csv, markdown or json
                set format xlsx
                           ^~~~
            """)
    }

    @Test func completionOffersTheWorkbookAfterExportAs() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "", after: "export s to x.csv as ")?.contains("xlsx") == true)
        #expect(session.completions(forWord: "", after: "s as ")?.contains("xlsx") == false)
        #expect(session.completions(forWord: "", after: "export s to x.csv ")?.contains("as") == true)
    }

    // MARK: Errors

    @Test func anUnknownFormatSaysWhichExist() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("old", to: "skole.xlsx")
        let session = try session(in: folder)
        let failure = try #require(session.failure("export s to skole.xlsx as xslx").error)
        #expect(failure.formatted == """
            input:1:27: error: unknown format 'xslx'; did you mean xlsx? an export is table, csv, excel-csv, markdown, json, xlsx, chart or map
                export s to skole.xlsx as xslx
                                          ^~~~
            """)
        #expect(try folder.contents() == ["skole.xlsx"])
        #expect(try String(contentsOfFile: folder.file("skole.xlsx"), encoding: .utf8) == "old")
    }

    @Test func aFailedWriteLeavesNoHalfFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A folder where the workbook should go: the temporary file is written, the rename fails.
        try FileManager.default.createDirectory(atPath: folder.file("skole.xlsx"), withIntermediateDirectories: false)
        let session = try session(in: folder)
        let failure = try #require(session.failure("export s to skole.xlsx").error)
        #expect(failure.diagnostic.message == "cannot write '\(folder.file("skole.xlsx"))': it is a directory")
        #expect(try folder.contents() == ["skole.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("skole.xlsx")).isEmpty)
        let missing = try #require(session.failure("export s to nowhere/skole.xlsx").error)
        #expect(missing.diagnostic.message.hasSuffix("nowhere/skole.xlsx': directory '\(folder.file("nowhere"))' does not exist"))
        #expect(try folder.contents() == ["skole.xlsx"])
    }
}
