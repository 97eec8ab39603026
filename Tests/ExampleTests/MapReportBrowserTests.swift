import Foundation
import RdrTestSupport
import Testing

/// examples/map.rdr's report in headless chromium: both maps are in the page the browser built,
/// each a path per municipality, with the credit line, and the page is no blank screenshot.
@Suite(.serialized) struct MapReportBrowserTests {
    @Test func theMapExampleReportShowsItsMaps() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (page, dom) = try ExampleReportBrowserTests.reportDOM(of: "map", in: folder)
        let html = dom
        #expect(html.components(separatedBy: "<figure class=\"map\"").count - 1 == 2, "two maps (beside the ranking's chart)")
        #expect(html.components(separatedBy: "<path data-code=").count - 1 == 2 * 98)
        #expect(html.components(separatedBy: "data-highlight=\"316\"").count - 1 == 2, "Holbæk outlined on both")
        let credit = "Kort: Indeholder data fra Styrelsen for Dataforsyning og Effektivisering (nu Klimadatastyrelsen), "
            + "DAGI 1:250.000 Kommuneinddeling, juli 2021, CC BY 4.0, forenklet."
        #expect(html.components(separatedBy: ">\(credit)<").count - 1 == 2)
        #expect(html.contains("role=\"img\" aria-labelledby=\"map-2-title map-2-desc\""))
        let size = try ExampleReportBrowserTests.screenshotSize(of: page)
        let blank = try #require(ExampleReportBrowserTests.blankScreenshotSize)
        #expect(size > 5 * blank)
    }
}
