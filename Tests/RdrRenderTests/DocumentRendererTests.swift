import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RdrEngine
@testable import RdrRender
import RdrReport
import Testing

/// The report renderer on a hand-made document: grouping into cells, escaping, well-formedness.
@Suite struct DocumentRendererTests {
    static func result(_ title: String, invented: Bool = false) -> ResultSet {
        ResultSet(
            title: title,
            columns: [.init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                      .init(key: "municipality", title: "kommune", kind: .text),
                      .init(key: "kr", title: "kr. per person", kind: .amount(shown: 0, exported: 2)),
                      .init(key: "persons", title: "persons", kind: .integer)],
            rows: [[.text("R2024"), .text("Aaby <&> \"x\""), .amount(1234.5), .integer(1_234_567)],
                   [.text("R2024"), .text("Bæk-Dal"), .unavailable("no figure"), .integer(-5)]],
            footer: [[.text("R2024"), .labelled("Aaby", label: "median"), .amount(1234.5), .integer(3)]],
            footerKey: "median", notes: ["A note with <b>markup</b>."],
            provenance: Provenance(dataset: "R2024", source: "Test source (CC BY 4.0)", priceBasis: "current prices",
                                   retrieved: "by hand", definition: "Area = 1.00.00", invented: invented))
    }

    static let document = Document(
        title: "Budget <2026> & more", date: "2 December 2026", generator: "rdr 1.0.0",
        parameters: [("kommune", "Korsbæk"), ("place", "25")],
        blocks: [.statement("load R2024"), .statement("rank 3.22.01"), .result(result("First")),
                 .result(result("Second", invented: true)), .statement("define area A = 1.*"),
                 .statement("gap A to 25"), .result(result("Third"))])

    @Test func statementsWithoutResultsJoinTheNextCell() {
        let cells = DocumentRenderer.cells(of: Self.document)
        #expect(cells.map(\.statements) == [["load R2024", "rank 3.22.01"], ["define area A = 1.*", "gap A to 25"]])
        #expect(cells.map { $0.results.map(\.title) } == [["First", "Second"], ["Third"]])
    }

    @Test func theHTMLIsWellFormedAndEscaped() throws {
        let html = DocumentRenderer.render(Self.document, as: .html)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(html.contains("<title>Budget &lt;2026&gt; &amp; more</title>"))
        #expect(html.contains("<td>Aaby &lt;&amp;&gt; &quot;x&quot;</td>"))
        #expect(html.contains("<h2 id=\"result-1-title\">First</h2>"))
        #expect(html.contains("<li>A note with &lt;b&gt;markup&lt;/b&gt;.</li>"))
        #expect(!html.contains("<b>"))
        // Numbers as people read them, right-aligned; a missing value says so.
        #expect(html.contains("<td class=\"num\">1.235</td><td class=\"num\">1.234.567</td>"))
        #expect(html.contains("<td class=\"num\">n/a</td>"))
        // Three tables with their headings, the programs-only column left out.
        #expect(html.components(separatedBy: "<table ").count - 1 == 3)
        #expect(html.contains("<thead><tr><th scope=\"col\">kommune</th><th scope=\"col\" class=\"num\">kr. per person</th>"))
        #expect(!html.contains(">dataset<"))
        #expect(html.contains("<tfoot>\n<tr><td>median: Aaby</td>"))
        #expect(html.contains("<td class=\"short\">Bæk-Dal</td>"), "a short name is not broken at its hyphen")
        // The header: parameters, sources, the invented mark (one result is invented), the caveat.
        #expect(html.contains("Parameters: kommune = Korsbæk, place = 25."))
        #expect(html.contains("Data: Test source (CC BY 4.0)."))
        #expect(html.contains("<p class=\"invented\">This report holds INVENTED figures"))
        #expect(html.contains(Document.caveat))
        // No network: no external reference of any kind.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        // A page per cell with results, but not before the first.
        #expect(html.components(separatedBy: "<section class=\"cell page\">").count - 1 == 1)
    }

    @Test func markdownHasBlankLinesBetweenBlocksAndStatementsAsCode() {
        let markdown = DocumentRenderer.render(Self.document, as: .markdown)
        #expect(markdown.hasPrefix("# Budget <2026> & more\n\n- Made 2 December 2026 with rdr 1.0.0.\n"))
        #expect(markdown.contains("\n\n```\nload R2024\nrank 3.22.01\n```\n\n**First**\n\n| kommune |"))
        #expect(!markdown.contains("\n\n\n"), "one blank line between blocks, never two")
        #expect(markdown.hasSuffix("\n") && !markdown.hasSuffix("\n\n"))
    }

    @Test(arguments: [("budget.html", DocumentRenderer.Format.html), ("B.HTM", .html), ("r.md", .markdown),
                      ("r.markdown", .markdown)])
    func theExtensionChoosesTheFormat(_ path: String, _ format: DocumentRenderer.Format) {
        #expect(DocumentRenderer.Format(path: path) == format)
    }

    @Test func otherExtensionsAreNoReport() {
        for path in ["r.pdf", "r.csv", ".html", "html"] {
            #expect(DocumentRenderer.Format(path: path) == nil, "\(path)")
        }
    }
}
