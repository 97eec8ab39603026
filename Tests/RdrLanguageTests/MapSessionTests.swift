import Foundation
@testable import RdrLanguage
import RdrReport
import Testing

/// `map NAME [for …] [to FILE.svg]` in a session: the file, the summary at the prompt, the
/// notebook, and the errors with their carets.
@Suite struct MapSessionTests {
    static let setup = "load R2024; let s = rank 3.22.01 for Holbæk"

    func session(in folder: TemporaryFolder) throws -> Session {
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs(Self.setup)
        return session
    }

    @Test func mapToAnSVGFileWritesTheMapAndSaysWhat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        let outputs = try session.outputs("map s to folkeskoler.svg")
        #expect(outputs.compactMap(\.message) == [
            "Drew s as a map (3.22.01 Folkeskoler: kr. per inhabitant, R2024; 98 municipalities in 5 classes, Holbæk outlined) to folkeskoler.svg.",
        ])
        #expect(try folder.contents() == ["folkeskoler.svg"])
        let svg = try String(contentsOfFile: folder.file("folkeskoler.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<path data-code=").count - 1 == 98)
        #expect(svg.contains("data-highlight=\"316\""))
        #expect(svg.contains(">Kort: Indeholder data fra Styrelsen for Dataforsyning og Effektivisering (nu Klimadatastyrelsen), DAGI 1:250.000 Kommuneinddeling, juli 2021, CC BY 4.0, forenklet.<"), "the credit on one line")
        #expect(!svg.contains("INVENTED"))
        // The notebook has the statement and the map, for a report.
        guard case .map(let map)? = session.notebook.last else { Issue.record("no map in the notebook"); return }
        #expect(map.highlighted.map(\.name) == ["Holbæk"])
        #expect(session.notebook.dropLast().last == .statement("map s to folkeskoler.svg"))
    }

    @Test func withoutAFileItSummarisesAndSuggestsOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        let message = try #require(try session.outputs("map s for Aarhus").compactMap(\.message).first)
        #expect(message.hasPrefix("Map of s: 3.22.01 Folkeskoler: kr. per inhabitant, R2024; 98 municipalities in 5 classes, Aarhus outlined:\n  "))
        #expect(message.components(separatedBy: "\n").filter { $0.hasPrefix("  ") && $0.hasSuffix(" kr.: 20") || $0.hasSuffix(" kr.: 19") }.count == 5)
        #expect(message.hasSuffix("\nA map is drawn in a file or a report: map s to denmark.svg, or report to report.html."))
        #expect(try folder.contents().isEmpty)
        if case .map(let map)? = session.notebook.last { #expect(map.highlighted.map(\.name) == ["Aarhus"]) } else {
            Issue.record("no map in the notebook")
        }
    }

    @Test func aGapAndPeersAreMappedWithTheirMunicipalityOutlined() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        let gap = try session.outputs("let g = gap Holbæk to 10 in 3.22.01; map g to g.svg").compactMap(\.message).last
        #expect(gap?.contains("98 municipalities in 5 classes, Holbæk outlined") == true)
        let peers = try session.outputs("let p = peers Holbæk; map p to p.svg").compactMap(\.message).last
        #expect(peers?.hasPrefix("Drew p as a map (Distance from Holbæk (peers on size), R2024; 97 municipalities in 5 classes, Holbæk outlined)") == true)
        let svg = try String(contentsOfFile: folder.file("p.svg"), encoding: .utf8)
        #expect(svg.contains(">no distance (Holbæk itself) (1)<"))
    }

    @Test func aResultWithoutAFigurePerMunicipalityIsRefusedAtItsName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        try session.outputs("let c = compare Holbæk with Aarhus in 3.22.01")
        let failure = try #require(session.failure("map c to c.svg").error)
        #expect(failure.formatted == """
            input:1:5: error: cannot map c: it is a comparison (compare …), which has no figure per municipality; map draws a ranking (rank …), the ranking behind a gap, or peers (their distance)
                map c to c.svg
                    ^
            """)
        #expect(try folder.contents().isEmpty)
    }

    @Test func aFileThatIsNoSVGIsRefusedAtThePath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        let failure = try #require(session.failure("map s to folkeskoler.png").error)
        #expect(failure.formatted == """
            input:1:10: error: a map is written as an SVG file (.svg); 'folkeskoler.png' is not one
                map s to folkeskoler.png
                         ^~~~~~~~~~~~~~~
            """)
        let report = try #require(session.failure("map s to folkeskoler.html").error)
        #expect(report.diagnostic.message.hasSuffix("; a report shows its maps (report to folkeskoler.html)"))
        #expect(try folder.contents().isEmpty)
    }

    @Test func anUnknownMunicipalityGetsASuggestion() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        let failure = try #require(session.failure("map s for Holbak").error)
        #expect(failure.formatted == """
            input:1:11: error: no municipality 'Holbak' in s; did you mean Holbæk?
                map s for Holbak
                          ^~~~~~
            """)
    }

    @Test func theTeachingMunicipalitiesAreNotMapped() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let t = rank Skole")
        let failure = try #require(session.failure("map t").error)
        #expect(failure.formatted == """
            input:1:5: error: cannot map t: the teaching municipalities are fictional; map works on real data (load R2024, then rank …)
                map t
                    ^
            """)
    }

    @Test func syntaxErrorsSayWhatIsMissing() throws {
        let session = try makeSession()
        #expect(session.failure("map to x.svg").error?.diagnostic.message == "expected the name of a result before 'to', as in map s to …")
        #expect(session.failure("map s to").error?.diagnostic.message == "expected a file name such as denmark.svg, found the end of the statement")
        #expect(session.failure("map nothing").error?.diagnostic.message.hasPrefix("no result named 'nothing'") == true)
        #expect(try shape("map s for Holbæk, Aarhus to x.svg") == "map s for Holbæk, Aarhus to x.svg")
    }

    @Test func aReportShowsTheMap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try session(in: folder)
        try session.outputs("map s; report to r.html; report to r.md")
        let html = try String(contentsOfFile: folder.file("r.html"), encoding: .utf8)
        #expect(html.contains("<figure class=\"map\""))
        #expect(html.contains("<pre class=\"statement\"><code>map s</code></pre>"))
        #expect(html.components(separatedBy: "<path data-code=").count - 1 == 98)
        let markdown = try String(contentsOfFile: folder.file("r.md"), encoding: .utf8)
        #expect(markdown.contains("**3.22.01 Folkeskoler: kr. per inhabitant, R2024** (a map)"))
        #expect(markdown.contains("_Kort: Indeholder data fra Styrelsen for Dataforsyning og Effektivisering"))
    }
}
