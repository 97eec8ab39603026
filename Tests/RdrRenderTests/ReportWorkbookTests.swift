import Foundation
import RdrEngine
import RdrRender
import RdrReport
import RdrTestSupport
import Testing

/// `report to x.xlsx`: a sheet of contents, then a sheet per result, read back by openpyxl.
@Suite struct ReportWorkbookTests {
    static let document = Document(
        title: "Budget 2026", date: "2 December 2026", generator: "rdr 1.0.0", parameters: [("kommune", "Ærø")],
        blocks: [.statement("load teaching R2024"), .statement("rank 5.32 for $kommune"), .result(Fixture.ranking),
                 .statement("let a = compare …"), .result(Fixture.amounts), .result(Fixture.texts([[.text("x"), .amount(1)]]))])

    @Test func contentsThenASheetPerResult() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-report-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.xlsx").path
        try AtomicFile.write(XLSXWriter.workbook(Self.document), to: path)

        let sheets = try Openpyxl.read(path)
        #expect(sheets.map(\.name) == ["Contents", "Udgifter pr. indbygger 2024", "Beløb", "Tekster"])
        for (sheet, result) in zip(sheets.dropFirst(), Self.document.results) {
            expectSheet(sheet, shows: result)
        }
        let contents = sheets[0]
        #expect(contents["A1"]?.text == "Budget 2026")
        #expect(["A2", "B2", "C2"].map { contents[$0]?.text } == ["Sheet", "Result", "Statement"])
        #expect(["A3", "B3", "C3"].map { contents[$0]?.text }
                == ["Udgifter pr. indbygger 2024", "Udgifter pr. indbygger 2024", "load teaching R2024; rank 5.32 for $kommune"])
        // The statement that showed two results is named on both.
        #expect(contents["C4"]?.text == "let a = compare …")
        #expect(contents["C5"]?.text == "let a = compare …")
        let lines = contents.cells.filter { $0.column == 1 && $0.row > 5 }.compactMap(\.text)
        #expect(lines == ["Made 2 December 2026 with rdr 1.0.0.", "Parameters: kommune = Ærø.",
                          "Data: hand-made test data.", Language.en.inventedWarning, Language.en.caveat])
    }

    @Test func theContentsSpeakTheReportsLanguage() {
        var document = Self.document
        document.language = .da
        let contents = document.contents(sheetNames: ["a", "b", "c"])
        #expect(contents.columns.map(\.title) == ["Ark", "Resultat", "Sætning"])
        #expect(Language.da.contentsSheet == "Indhold")
    }
}
