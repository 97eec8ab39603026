import RdrEngine
import RdrRender
import RdrReport
import Testing

/// `excel-csv`: the CSV's records in the dialect Danish Excel opens with a double click.
@Suite struct ExcelCSVTests {
    private func excel(_ lines: [String]) -> String {
        "\u{FEFF}" + lines.map { $0 + "\r\n" }.joined()
    }

    @Test func rankingWithCaption() {
        let expected = excel([
            "place;municipality;population;kr_per_inhabitant",
            "1;Ærø;6123;10353,25",
            "2;Læsø;1784;2,50",
            "2;Fanø;3517;-2,50",
            ";København;1234567;",
            "#;\"Note: Læsø and Fanø are tied at place 2.\"",
            "#;\"Note: København is not ranked: no accounts.\"",
            "#;\"total: place=, municipality=I alt, population=1245991, kr_per_inhabitant=999,50\"",
            "#;\"INVENTED FIGURES (teaching data): not any real municipality's accounts.\"",
            "#;\"Definition: function 5.32, net operating\"",
            "#;\"Source: hand-made test data · fixture · current prices (løbende priser) · written by hand\"",
        ])
        #expect(Renderer(format: .excelCSV).render(Fixture.ranking) == expected)
    }

    @Test func pureRecordsKeepTheByteOrderMark() {
        let text = Renderer(format: .excelCSV, csvCaption: false).render(Fixture.amounts)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text == excel([
            "item;amount;total",
            "Ældrepleje;30,25;30292110",  // no grouping: Excel reads 30.292.110 as text in some versions
            "Skoler;-58,00;0",  // negative amounts stay numbers; -0.4 rounds to 0
            "Veje;;",
        ]))
    }

    @Test func quotesSemicolonsQuotesAndLineBreaksButNotCommas() {
        let result = Fixture.texts([
            [.text("Hello; world"), .amount(1.5)],
            [.text("Hello, world"), .amount(-1234.5)],
            [.text("She said \"hi\""), .amount(2)],
            [.text("two\nlines"), .amount(3)],
            [.text("cr\r\nlf"), .amount(4)],
        ])
        #expect(Renderer(format: .excelCSV, csvCaption: false).render(result) == excel([
            "text;amount",
            "\"Hello; world\";1,50",
            "Hello, world;-1234,50",
            "\"She said \"\"hi\"\"\";2,00",
            "\"two\nlines\";3,00",
            "\"cr\r\nlf\";4,00",
        ]))
    }

    @Test func formulaLookingTextIsNeutralisedAsInCSV() {
        let result = Fixture.texts([[.text("=1+1"), .amount(1)], [.text("-5 kr."), .amount(-5)], [.text("@x;y"), .amount(0)]],
                                   notes: ["=HYPERLINK(\"x\")"])
        #expect(Renderer(format: .excelCSV).render(result) == excel([
            "text;amount",
            "'=1+1;1,00",
            "'-5 kr.;-5,00",
            "\"'@x;y\";0,00",
            "#;\"Note: =HYPERLINK(\"\"x\"\")\"",
            "#;\"INVENTED FIGURES (teaching data): not any real municipality's accounts.\"",
            "#;\"Definition: function 5.32, net operating\"",
            "#;\"Source: hand-made test data · fixture · current prices (løbende priser) · written by hand\"",
        ]))
    }

    @Test func theFormatIsNamedButNoExtensionChoosesIt() {
        #expect(OutputFormat(name: "excel-csv") == .excelCSV)
        #expect(OutputFormat(name: "Excel-CSV") == .excelCSV)
        #expect(OutputFormat(path: "x.csv") == .csv)
        #expect(ExportFormat(name: "excel-csv") == .text(.excelCSV))
        #expect(ExportFormat(name: "XLSX") == .workbook)
        #expect(ExportFormat(path: "out/Budget.XLSX") == .workbook)
        #expect(ExportFormat(path: "x.xls") == nil)
        #expect(OutputFormat.excelCSV.declaration.isCSV && OutputFormat.excelCSV.declaration.isForPrograms)
        #expect(ExportFormat.namesText == "table, csv, excel-csv, markdown, json, xlsx, chart or map")
    }
}
