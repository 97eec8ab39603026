import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RdrData
import RdrEngine
@testable import RdrRender
@testable import RdrReport
import Testing

/// The SVG map on the real outlines, from a small hand-made ranking whose classes are worked out
/// by hand: well-formed, a path per municipality with its code and class, the legend's ranges,
/// the outlined municipality, Bornholm in its box, the credit exactly.
@Suite struct SVGMapTests {
    /// Ten real municipalities, 1,000 inhabitants each, kr. per inhabitant = spending ÷ 1,000
    /// (INVENTED, as the provenance says), and Lyngby-Taarbæk without a figure.
    static let figures: [(code: Int, name: String, kroner: Int?)] = [
        (101, "København", 9_000), (147, "Frederiksberg", 8_000), (316, "Holbæk", 5_000), (400, "Bornholm", 7_000),
        (751, "Aarhus", 6_000), (461, "Odense", 4_000), (851, "Aalborg", 3_000), (825, "Læsø", 2_000),
        (563, "Fanø", 1_000), (492, "Ærø", 10_000), (173, "Lyngby-Taarbæk", nil),
    ]

    static let ranking: Ranking = {
        let municipalities = figures.map { Municipality(code: $0.code, name: $0.name, region: "Region", group: "Group") }
        let code = FunctionCode("3.22.01")!
        let provenance = Provenance(dataset: "fixture", source: "hand-made test data", priceBasis: "current prices",
                                    retrieved: "written by hand", definition: "", invented: true)
        let dataset = Dataset(
            id: DatasetID(kind: .accounts, year: 2024), collection: "fixture", municipalities: municipalities,
            functionLabels: [code: "Folkeskoler"], chartIsComplete: false,
            spending: [code: figures.map { $0.kroner.map { $0 * 1_000 } }],
            population: Population(totals: Array(repeating: 1_000, count: figures.count), byAge: nil),
            basis: .operating, provenance: provenance)
        return try! dataset.rank(AreaDefinition(pattern: .function(code), label: "Folkeskoler"))
    }()

    static let holbæk = ranking.entries.first { $0.municipality.code == 316 }!.municipality
    static let map = try! MapData.make(from: .ranking(ranking), highlight: [holbæk])
    static let outlines = try! MunicipalityOutlines.shared()
    static let svg = SVGMap.file(map, outlines: outlines)

    /// The SVG as a tree, read by a real XML parser.
    final class Reader: NSObject, XMLParserDelegate {
        struct Element { let name: String; let attributes: [String: String]; var text = "" }
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        /// The lines (tspans) of each `<text>` whose data-text passes `key`, joined with spaces.
        func texts(_ key: (String) -> Bool) -> [String] {
            elements.indices.filter { elements[$0].attributes["data-text"].map(key) ?? false }.map { index in
                elements[(index + 1)...].prefix { $0.name == "tspan" }.map(\.text).joined(separator: " ")
            }
        }

        func all(_ name: String, where attribute: String? = nil) -> [Element] {
            elements.filter { element in element.name == name && (attribute.map { element.attributes[$0] != nil } ?? true) }
        }
    }

    static func read(_ text: String) throws -> Reader {
        let parser = XMLParser(data: Data(text.utf8))
        let reader = Reader()
        parser.delegate = reader
        try #require(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return reader
    }

    /// The absolute points of a path written as `M x,y l dx,dy … z`, ring by ring.
    static func points(of d: String) -> [(Int, Int)] {
        var points: [(Int, Int)] = []
        for ring in d.split(separator: "M") {
            let body = ring.split(separator: "z")[0]
            let parts = body.split(separator: "l")
            let start = parts[0].split(separator: ",").map { Int($0)! }
            var (x, y) = (start[0], start[1])
            points.append((x, y))
            for delta in parts.dropFirst().flatMap({ $0.split(separator: " ") }) {
                let step = delta.split(separator: ",").map { Int($0)! }
                x += step[0]
                y += step[1]
                points.append((x, y))
            }
        }
        return points
    }

    @Test func theClassesAreQuintilesOfThePlaces() {
        // Places 1-10 by kr. per inhabitant; class = ⌊(place − 1) × 5 ÷ 10⌋ + 1.
        let classes = Dictionary(uniqueKeysWithValues: Self.map.figures.map { ($0.municipality.name, $0.classIndex + 1) })
        #expect(classes["Fanø"] == 1 && classes["Læsø"] == 1)
        #expect(classes["Aalborg"] == 2 && classes["Odense"] == 2)
        #expect(classes["Holbæk"] == 3 && classes["Aarhus"] == 3)
        #expect(classes["Bornholm"] == 4 && classes["Frederiksberg"] == 4)
        #expect(classes["København"] == 5 && classes["Ærø"] == 5)
        #expect(Self.map.classes.map(\.label) == ["1.000–2.000 kr.", "3.000–4.000 kr.", "5.000–6.000 kr.",
                                                  "7.000–8.000 kr.", "9.000–10.000 kr."])
        #expect(Self.map.classes.map(\.shade) == [0, 1, 2, 3, 4])
        #expect(Self.map.missing.map(\.municipality.name) == ["Lyngby-Taarbæk"])
    }

    @Test func equalFiguresShareAClassAndEmptyClassesGo() {
        // Places 1, 1, 1, 4, 5 (three tied): classes 0, 0, 0, 3, 4 → three classes, spread over the palette.
        let (classes, indices) = MapData.classify([(1, 1), (1, 1), (1, 1), (4, 4), (5, 5)], label: { "\($0)-\($1)" },
                                                  darkerIsHigher: true)
        #expect(indices == [0, 0, 0, 1, 2])
        #expect(classes.map(\.count) == [3, 1, 1])
        #expect(classes.map(\.shade) == [0, 2, 4])
        #expect(MapData.classify([(7, 1)], label: { "\($0)-\($1)" }, darkerIsHigher: true).classes.map(\.shade) == [2])
    }

    @Test func everyMunicipalityIsAPathWithItsCodeAndClass() throws {
        let reader = try Self.read(Self.svg)
        let paths = reader.all("path", where: "data-code")
        #expect(paths.count == 98)
        #expect(Set(paths.compactMap { $0.attributes["data-code"].flatMap { Int($0) } }) == Set(Self.outlines.outlines.map(\.code)))
        let byCode = Dictionary(uniqueKeysWithValues: paths.map { ($0.attributes["data-code"]!, $0.attributes) })
        #expect(byCode["563"]?["data-class"] == "1")  // Fanø
        #expect(byCode["316"]?["data-class"] == "3")  // Holbæk
        #expect(byCode["400"]?["data-class"] == "4")  // Bornholm
        #expect(byCode["492"]?["data-class"] == "5")  // Ærø
        #expect(byCode["173"]?["data-class"] == "none")  // not ranked
        #expect(byCode["860"]?["data-class"] == "none")  // not in the ranking at all
        #expect(byCode["492"]?["fill"] == SVGMap.palette[4] && byCode["563"]?["fill"] == SVGMap.palette[0])
        #expect(byCode["173"]?["fill"] == "url(#map-none)")
        #expect(paths.allSatisfy { !($0.attributes["d"] ?? "").isEmpty })
        // København's hole is Frederiksberg, drawn even-odd.
        #expect(reader.all("g").first { $0.attributes["class"] == "municipalities" }?.attributes["fill-rule"] == "evenodd")
        #expect(byCode["101"]?["d"]?.components(separatedBy: "M").count == 4)  // 3 rings: the land, its hole, an island
    }

    @Test func theLegendStatesTheRangesAndTheNoFigureClass() throws {
        let reader = try Self.read(Self.svg)
        let legend = reader.texts { $0.hasPrefix("legend-") }
        #expect(legend == ["1.000–2.000 kr. (2)", "3.000–4.000 kr. (2)", "5.000–6.000 kr. (2)", "7.000–8.000 kr. (2)",
                           "9.000–10.000 kr. (2)", "no figure (not ranked) (88)", "outlined: Holbæk"])
        let swatches = reader.all("rect", where: "data-legend")
        #expect(swatches.map { $0.attributes["fill"]! } == SVGMap.palette + ["url(#map-none)", "#ffffff"])
        #expect(reader.all("pattern").first?.attributes["id"] == "map-none")
    }

    @Test func theOwnMunicipalityIsOutlined() throws {
        let reader = try Self.read(Self.svg)
        let outlined = reader.all("path", where: "data-highlight")
        #expect(outlined.map { $0.attributes["data-highlight"] } == ["316"])
        let fill = reader.all("path", where: "data-code").first { $0.attributes["data-code"] == "316" }
        #expect(outlined.first?.attributes["d"] == fill?.attributes["d"])
        #expect(outlined.first?.attributes["stroke-width"] == "4")
        #expect(reader.all("text").contains { $0.text == "Holbæk" })
    }

    @Test func bornholmIsInsideTheInsetBox() throws {
        let reader = try Self.read(Self.svg)
        let box = try #require(reader.all("rect").first { $0.attributes["class"] == "inset" }?.attributes)
        let (x, y) = (Int(box["x"]!)!, Int(box["y"]!)!)
        let (width, height) = (Int(box["width"]!)!, Int(box["height"]!)!)
        let bornholm = try #require(reader.all("path", where: "data-code").first { $0.attributes["data-code"] == "400" })
        let points = Self.points(of: bornholm.attributes["d"]!)
        #expect(points.count > 20)
        #expect(points.allSatisfy { $0.0 > x && $0.0 < x + width && $0.1 > y && $0.1 < y + height })
        // No other municipality reaches into the box.
        let others = reader.all("path", where: "data-code").filter { $0.attributes["data-code"] != "400" }
        #expect(others.allSatisfy { path in
            Self.points(of: path.attributes["d"]!).allSatisfy { !($0.0 > x && $0.0 < x + width && $0.1 > y && $0.1 < y + height) }
        })
        // Everything lies inside the viewBox.
        let view = try #require(reader.all("svg").first?.attributes["viewBox"]).split(separator: " ").map { Int($0)! }
        #expect(reader.all("path", where: "data-code").allSatisfy { path in
            Self.points(of: path.attributes["d"]!).allSatisfy { $0.0 >= 0 && $0.0 <= view[2] && $0.1 >= 0 && $0.1 <= view[3] }
        })
    }

    @Test func theCreditLineIsPrintedExactlyWithTheSource() throws {
        let credit = "Kort: Indeholder data fra Styrelsen for Dataforsyning og Effektivisering (nu Klimadatastyrelsen), "
            + "DAGI 1:250.000 Kommuneinddeling, juli 2021, CC BY 4.0, forenklet."
        #expect(Self.outlines.credit == credit)
        let reader = try Self.read(Self.svg)
        let lines = { (key: String) in
            // The tspans of the text marked `key`.
            let index = reader.elements.firstIndex { $0.attributes["data-text"] == key }!
            return reader.elements[(index + 1)...].prefix { $0.name == "tspan" }.map(\.text)
        }
        #expect(lines("credit").joined(separator: " ") == credit)
        #expect(lines("source").joined(separator: " ").contains("Source: hand-made test data · fixture"))
        #expect(lines("source").first == "INVENTED FIGURES (teaching data): not any real municipality's accounts.")
    }

    @Test func itHasATextAlternativeAndScales() throws {
        let reader = try Self.read(Self.svg)
        let root = try #require(reader.all("svg").first)
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "map-title map-desc")
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true && root.attributes["width"] == nil)
        #expect(reader.elements.first { $0.attributes["id"] == "map-title" }?.text == "3.22.01 Folkeskoler: kr. per inhabitant, fixture")
        let desc = try #require(reader.elements.first { $0.attributes["id"] == "map-desc" }?.text)
        #expect(desc.contains("10 municipalities shaded by kr. per inhabitant"))
        #expect(desc.contains("Outlined: Holbæk, 5.000 kr. per inhabitant, place 5 of 10, in class 3 of 5 (5.000–6.000 kr.)."))
        #expect(desc.hasSuffix(MunicipalityOutlines.englishCredit))
        #expect(!Self.svg.contains("http://") || Self.svg.components(separatedBy: "http://").count == 2, "only the namespace")
        #expect(Self.svg.contains("INVENTED FIGURES"))
    }

    @Test func aReportInlinesTheMapWithItsCredit() throws {
        let document = Document(title: "Map", date: "2 December 2026", generator: "rdr 1.0.0", parameters: [],
                                blocks: [.statement("let s = rank 3.22.01"), .result(Self.ranking.resultSet()),
                                         .statement("map s"), .map(Self.map)])
        let html = DocumentRenderer.render(document, as: .html)
        _ = try Self.read(html)
        #expect(html.contains("<figure class=\"map\" id=\"map-2\">"))
        #expect(html.contains("aria-labelledby=\"map-2-title map-2-desc\""))
        #expect(html.contains(">\(Self.outlines.credit)<"), "the credit line, on the map")
        #expect(html.contains("<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>"))
        #expect(html.contains("<a href=\"https://dataforsyningen.dk/\">dataforsyningen.dk</a>"))
        #expect(html.components(separatedBy: "<table ").count - 1 == 1)
        #expect(DocumentRenderer.cells(of: document).map(\.maps.count) == [0, 1])
        let markdown = DocumentRenderer.render(document, as: .markdown)
        #expect(markdown.contains(Self.map.altText))
        #expect(markdown.contains("_\(Self.outlines.credit)_"))
        #expect(markdown.contains("- 9.000–10.000 kr.: 2"))
    }
}
