import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RdrReport
import Testing
@testable import RdrRender

/// Charts drawn from small hand-made charts (invented figures, fixtures only): the SVG is
/// well-formed, its bars are as long as their values say, the marks are there; the terminal
/// chart draws eighth blocks or `#`, colours only when asked and fits the width.
@Suite struct SVGChartTests {
    /// Invented: three municipalities, the middle one the median, the last one's own.
    static let columns = Chart(
        title: "Fixture <ranking> & more", unit: .krPerPerson(person: "inhabitant"),
        marks: .columns([.init(label: "A", value: 1_000), .init(label: "B", value: 2_000, emphasis: .median),
                         .init(label: "C", value: 4_000, emphasis: .own)]),
        rules: [.init(label: "median (place 2, B)", value: 2_000, emphasis: .median)],
        summary: "Three invented municipalities from 1.000 kr. to 4.000 kr.")

    /// Invented: a drill-down's differences, one of them negative.
    static let bars = Chart(
        title: "Fixture drill", unit: .kroner,
        marks: .bars([.init(label: "1.01", value: 3_000), .init(label: "1.02", value: -1_000),
                      .init(label: "Hele landet", value: 1_500, emphasis: .average)]),
        summary: "Invented differences")

    static let lines = Chart(
        title: "Fixture trend", unit: .krPerPerson(person: "inhabitant"),
        marks: .lines(x: ["2019", "2020", "2021"],
                      series: [.init(label: "A", values: [100, 120, nil], emphasis: .own),
                               .init(label: "Hele landet", values: [110, 115, 118], emphasis: .average)]),
        summary: "Invented lines.")

    /// The attributes of every element named `name`, in document order.
    final class Collector: NSObject, XMLParserDelegate {
        let name: String
        var found: [[String: String]] = []
        var texts: [String] = []
        private var inText = false
        init(_ name: String) { self.name = name }
        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            if element == name { found.append(attributes) }
            inText = element == "text" || element == "title" || element == "desc"
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { texts.append(string) }
        }
    }

    static func parsed(_ svg: String, _ element: String) throws -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector(element)
        parser.delegate = collector
        try #require(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return collector
    }

    @Test(arguments: [columns, bars, lines])
    func everyChartIsWellFormedWithItsTextAlternative(_ chart: Chart) throws {
        let svg = SVGChart.render(chart)
        let root = try #require(try Self.parsed(svg, "svg").found.first)
        #expect(root["role"] == "img")
        #expect(root["aria-label"] == chart.title)
        #expect(root["viewBox"]?.hasPrefix("0 0 700 ") == true)
        #expect(svg.contains("<desc>\(DocumentRenderer.escaped(chart.summary))</desc>"))
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2, "only the namespace")
        #expect(!svg.contains("<script") && !svg.contains("@import") && !svg.contains("href"))
    }

    @Test func columnHeightsAreProportionalToTheValues() throws {
        let rects = try Self.parsed(SVGChart.render(Self.columns), "rect").found.filter { $0["class"]?.hasPrefix("bar") == true }
        let heights = rects.map { Double($0["height"]!)! }
        #expect(heights.count == 3)
        // Scale 0…4.000 (step 1.000, the largest value a tick) over 300 units: 1.000 is 75 units.
        #expect(heights == [75, 150, 300])
        // Every bar stands on zero, at the plot's bottom (title 34 + 8 + 300).
        #expect(rects.allSatisfy { Double($0["y"]!)! + Double($0["height"]!)! == 342 })
        #expect(rects.map { $0["class"]! } == ["bar none", "bar median", "bar own"])
    }

    @Test func theMarksAreThereAndNamed() throws {
        let svg = SVGChart.render(Self.columns)
        let texts = try Self.parsed(svg, "text").texts.joined(separator: "|")
        #expect(texts.contains("median: B, place 2, 2.000 kr. per inhabitant"))
        #expect(texts.contains("own: C, place 3, 4.000 kr. per inhabitant"))
        #expect(texts.contains("median (place 2, B): 2.000"))
        #expect(svg.contains("<g class=\"rule median\">"))
        // Danish-style numbers on the axis, the title escaped.
        #expect(texts.contains("4.000") && texts.contains("|1.000|"))
        #expect(svg.contains("<title>Fixture &lt;ranking&gt; &amp; more</title>"))
    }

    @Test func negativeBarsGoLeftOfZero() throws {
        let rects = try Self.parsed(SVGChart.render(Self.bars), "rect").found.filter { $0["class"]?.hasPrefix("bar") == true }
        // Scale -1.000…3.000 (step 1.000) over 208…604: 99 units per 1.000, zero at 307.
        #expect(rects.map { Double($0["x"]!)! } == [307, 208, 307])
        #expect(rects.map { Double($0["width"]!)! } == [297, 99, 148.5])
        #expect(rects[2]["class"] == "bar average")
    }

    @Test func aMissingValueBreaksTheLine() throws {
        let svg = SVGChart.render(Self.lines)
        #expect(try Self.parsed(svg, "circle").found.count == 5)
        #expect(try Self.parsed(svg, "polyline").found.count == 2)
        #expect(svg.contains("stroke-dasharray=\"6 4\""), "Hele landet dashed")
    }

    @Test func theSnapshotOfASmallBarChart() {
        let chart = Chart(title: "T", unit: .kroner, marks: .bars([.init(label: "a", value: 2)]), summary: "S")
        #expect(SVGChart.render(chart) == """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 700 86" width="100%" role="img" aria-label="T" \
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif" font-size="12">
            <title>T</title>
            <desc>S.</desc>
            <rect class="background" x="0" y="0" width="700" height="86" fill="#ffffff"/>
            <text x="0" y="16" font-size="14" font-weight="600" fill="#1a1a1a">T</text>
            <g class="axis" fill="#444" stroke="none">
            <line x1="208" y1="52" x2="208" y2="78" stroke="#e3e3e3"/><text x="208" y="48" text-anchor="middle">0</text>
            <line x1="406" y1="52" x2="406" y2="78" stroke="#e3e3e3"/><text x="406" y="48" text-anchor="middle">1</text>
            <line x1="604" y1="52" x2="604" y2="78" stroke="#e3e3e3"/><text x="604" y="48" text-anchor="middle">2</text>
            <text x="700" y="32" text-anchor="end">kr.</text>
            </g>
            <text x="200" y="71" text-anchor="end" fill="#1a1a1a">a</text>
            <rect class="bar none" x="208" y="59" width="396" height="16" fill="#9aa5b1"><title>a: 2 kr.</title></rect>
            <text x="608" y="71" text-anchor="start" fill="#1a1a1a">2</text>
            <line x1="208" y1="52" x2="208" y2="78" stroke="#1a1a1a" stroke-width="1"/>
            </svg>

            """)
    }

    // MARK: Terminal

    @Test func terminalBarsInEighthsOrHashes() {
        let unicode = TerminalChart.render(Self.columns, style: .init(characters: .unicode, colour: false), width: 60)
        let ascii = TerminalChart.render(Self.columns, style: .plain, width: 60)
        #expect(unicode.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(ascii.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(unicode.contains("◀ own") && ascii.contains("<- own") && ascii.contains("<- median"))
        // The longest bar fills the room; the others are in proportion: 4.000 → room, 1.000 → a quarter.
        let bars = unicode.split(separator: "\n").filter { $0.hasPrefix("A ") || $0.hasPrefix("C ") }
        let full = bars[1].filter { $0 == "█" }.count
        #expect(full >= 40)
        #expect(abs(bars[0].filter { $0 == "█" }.count * 4 - full) <= 4)
        #expect(!unicode.contains("\u{1B}["))
    }

    @Test func colourOnlyWhenAskedAndNegativesToTheLeft() {
        let coloured = TerminalChart.render(Self.columns, style: .init(characters: .unicode, colour: true), width: 60)
        #expect(coloured.contains("\u{1B}[31m") && coloured.contains("\u{1B}[33m"))
        let drill = TerminalChart.render(Self.bars, style: .plain, width: 60)
        let negative = try! #require(drill.split(separator: "\n").first { $0.hasPrefix("1.02") })
        #expect(negative.contains("#|"), "the negative bar ends at the zero axis: \(negative)")
        #expect(blocksOf(13) == "█▋")
    }

    func blocksOf(_ eighths: Int) -> String { TerminalChart.blocks(eighths: eighths, .init(characters: .unicode, colour: false)) }
}
