import Foundation
import RdrReport
import RdrRender
import Testing
@testable import RdrLanguage

/// `chart NAME [for KOMMUNE] [as ascii|unicode] [to FILE.svg]` and the charts a report records.
@Suite struct ChartSessionTests {
    @Test func chartToAnSVGFileWritesIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        let outputs = try session.outputs("load teaching R2020\nlet s = rank Skole\nchart s for Korsbæk to x.svg")
        #expect(outputs.last?.message == "Wrote the chart of s (98 bars) to x.svg as SVG.")
        #expect(try folder.contents() == ["x.svg"])
        let svg = try String(contentsOfFile: folder.file("x.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<rect class=\"bar own\"") && svg.contains("<rect class=\"bar median\""))
        #expect(svg.contains("Korsbæk is at place 73"))
    }

    @Test func chartAtTheTerminalInTheCharactersAsked() throws {
        let session = try makeSession()
        session.chartStyle = .init(characters: .unicode, colour: false)
        let outputs = try session.outputs("load teaching R2020\ndrill Korsbæk in Skole to 25\nchart _\nchart _ as ascii")
        let charts = outputs.filter { if case .chart = $0 { true } else { false } }.map { session.render($0, width: 70) }
        #expect(charts.count == 2)
        #expect(charts[0].contains("█") && charts[0].contains("3.22.01 Folkeskoler"))
        #expect(charts[1].unicodeScalars.filter { !$0.isASCII }.allSatisfy { "æøåÆØÅ–".unicodeScalars.contains($0) })
        #expect(charts.allSatisfy { $0.split(separator: "\n").allSatisfy { $0.count <= 70 } })
    }

    /// The error, its message line and the caret line under it.
    func failure(_ text: String) throws -> String {
        let session = try makeSession()
        try session.outputs("load teaching R2020\nlet s = rank Skole\nlet p = peers Korsbæk")
        return try #require(session.failure(text).error).formatted
    }

    @Test func aResultWithoutAChartSaysWhichHave() throws {
        let text = try failure("chart p")
        #expect(text.contains("'p' is a peers result, which has no chart; chart draws a ranking (rank), a gap in one area"))
        #expect(text.hasSuffix("    chart p\n          ^"))
    }

    @Test func errorsPointAtWhatIsWrong() throws {
        #expect(try failure("chart s to x.png").contains("a chart is written as SVG; name the file NAME.svg"))
        #expect(try failure("chart s to x.png").hasSuffix("    chart s to x.png\n               ^~~~~"))
        #expect(try failure("chart s for Korsbæc").contains("did you mean Korsbæk?"))
        #expect(try failure("chart s as braille").hasSuffix("    chart s as braille\n               ^~~~~~~"))
        #expect(try failure("chart p for Korsbæk").contains("for marks a municipality in a ranking's chart"))
        #expect(try failure("chart x").contains("no result named 'x'"))
        #expect(try failure("chart s to a.svg as ascii").contains("leave out one of them"))
        #expect(try failure("chart for Korsbæk").contains("expected the name of a result before 'for'"))
    }

    @Test func theReportFollowsAResultWithItsChart() throws {
        let folder = try TemporaryFolder()  // chart g to x.svg writes there
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs("""
            load teaching R2020
            rank Skole for Korsbæk
            peers Korsbæk
            let g = gap Korsbæk to 40
            chart g as ascii
            chart g to x.svg
            """)
        let kinds = session.document(fallbackTitle: "t").blocks.map { block -> String in
            switch block {
            case .statement(let text): "statement \(text)"
            case .result: "result"
            case .chart(let chart): "chart \(chart.title)"
            case .map(let map): "map \(map.title)"
            }
        }
        #expect(kinds == ["statement load teaching R2020", "statement rank Skole for Korsbæk", "result",
                          "chart Skole: kr. per 6-16-year-old, teaching R2020 (place 1 = lowest) (INVENTED figures)",
                          "statement peers Korsbæk", "result",
                          "statement let g = gap Korsbæk to 40", "result",
                          "chart Mulighedsrum per area: Korsbæk to place 40, teaching R2020 (INVENTED figures)"])
        // `chart g as ascii` drew the chart the report has already: it adds nothing.
        // The ranking named Korsbæk: its chart marks it as the reader's own.
        guard case .chart(let ranking) = session.document(fallbackTitle: "t").blocks[3],
              case .columns(let bars) = ranking.marks else { Issue.record("no ranking chart"); return }
        #expect(bars.filter { $0.emphasis == .own }.map(\.label) == ["Korsbæk"])
        let html = DocumentRenderer.render(session.document(fallbackTitle: "t"), as: .html)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        let markdown = DocumentRenderer.render(session.document(fallbackTitle: "t"), as: .markdown)
        #expect(markdown.contains("_Chart: Mulighedsrum per area: Korsbæk to place 40, teaching R2020 (INVENTED figures). Mulighedsrum of Korsbæk"))
        #expect(!markdown.contains("<svg"))
    }
}
