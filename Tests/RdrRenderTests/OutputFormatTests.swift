import Testing
import RdrRender

@Suite struct OutputFormatTests {
    @Test func fromName() {
        #expect(OutputFormat(name: "table") == .table)
        #expect(OutputFormat(name: "CSV") == .csv)
        #expect(OutputFormat(name: "Markdown") == .markdown)
        #expect(OutputFormat(name: "md") == .markdown)
        #expect(OutputFormat(name: "json") == .json)
        #expect(OutputFormat(name: "xlsx") == nil)
        #expect(OutputFormat(name: "") == nil)
    }

    @Test func fromPath() {
        #expect(OutputFormat(path: "out/ranking.csv") == .csv)
        #expect(OutputFormat(path: "Budget.CSV") == .csv)
        #expect(OutputFormat(path: "notes.md") == .markdown)
        #expect(OutputFormat(path: "notes.markdown") == .markdown)
        #expect(OutputFormat(path: "/tmp/x.json") == .json)
        #expect(OutputFormat(path: "report.txt") == .table)
        #expect(OutputFormat(path: "report.xlsx") == nil)
        #expect(OutputFormat(path: "report") == nil)
        #expect(OutputFormat(path: "out.d/report") == nil)
        #expect(OutputFormat(path: ".csv") == nil)
        #expect(OutputFormat(path: "out/") == nil)
    }
}
