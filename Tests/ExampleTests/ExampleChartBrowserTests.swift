import Foundation
import RdrTestSupport
import Testing

/// The charts of an example's report, as the browser built the page: every chart is an inline
/// `<svg>` with its text alternative, inside the page that headless chromium renders.
@Suite(.serialized) struct ExampleChartBrowserTests {
    @Test func theChartsExampleReportHasItsChartsInTheDOM() throws {
        let script = RdrProcess.packageRoot.appendingPathComponent("examples/charts.rdr")
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let run = try RdrProcess.run([script.path, "--report", page.path], in: folder)
        try #require(run.status == 0, "\(run.stderr)")
        let dom = try ExampleReportBrowserTests.browser(["--dump-dom"], page: page)
        try #require(dom.status == 0, "chromium --dump-dom: \(dom.stderr)")
        // A chart after each of the five results that have one, and the six `chart` statements' own.
        #expect(dom.stdout.components(separatedBy: "<svg ").count - 1 == 11)
        #expect(dom.stdout.components(separatedBy: "role=\"img\"").count - 1 == 11)
        #expect(dom.stdout.components(separatedBy: "class=\"chart-summary\"").count - 1 == 11)
        #expect(dom.stdout.contains("<rect class=\"bar own\""))
        #expect(dom.stdout.contains("<g class=\"rule median\">"))
        #expect(dom.stdout.contains("<polyline "))
    }
}
