import Foundation
import RdrTestSupport
import Testing

/// The charts of an example's report, as the browser built the page: every chart is an inline
/// `<svg>` with its text alternative, inside the page that headless chromium renders.
@Suite(.serialized) struct ExampleChartBrowserTests {
    @Test func theChartsExampleReportHasItsChartsInTheDOM() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = try ExampleReportBrowserTests.reportDOM(of: "charts", in: folder).dom
        // A chart after each of the five results that have one, and `chart s for Bjergsted`'s own: a
        // `chart _` right after the result drew the same chart, and `chart s to skole.svg` is a file.
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 6)
        #expect(dom.components(separatedBy: "role=\"img\"").count - 1 == 6)
        #expect(dom.components(separatedBy: "class=\"chart-summary\"").count - 1 == 6)
        #expect(dom.contains("<rect class=\"bar own\""))
        #expect(dom.contains("<g class=\"rule median\">"))
        #expect(dom.contains("<polyline "))
    }
}
