import Foundation
import RdrReport
import Testing
@testable import RdrLanguage

/// Pictures and workbooks written from a session: `export … to x.svg [as map]`, `report to x.xlsx`,
/// and a report that does not draw a chart twice.
@Suite struct NotebookFilesSessionTests {
    func file(_ name: String, in folder: TemporaryFolder) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func exportToSVGWritesTheChartAndAsMapTheMap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        let outputs = try session.outputs("load real R2024; let r = rank 3.22.01; export r to r.svg; export to m.svg as map")
        let messages = outputs.compactMap(\.message)
        #expect(messages.contains("Wrote the chart of r (98 bars) to r.svg as SVG."))
        #expect(messages.contains { $0.hasPrefix("Drew _ as a map (") && $0.hasSuffix(") to m.svg.") })
        #expect(try file("r.svg", in: folder).contains("<svg"))
        let map = try file("m.svg", in: folder)
        #expect(map.contains("<svg") && map.contains("DAGI"))
    }

    @Test(arguments: [
        ("export r to r.png as map", "a map is written as SVG; name the file NAME.svg, as in export … to map.svg as map"),
        ("export r to r.svg as pdf", "unknown format 'pdf'"),
        ("export to r.svg", "there is no result to export yet"),
    ])
    func pictureMistakes(_ text: String, _ message: String) throws {
        let session = try makeSession()
        if !text.hasPrefix("export to") { try session.outputs("load teaching R2020; let r = rank Skole") }
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.contains(message), "\(failure.diagnostic.message)")
    }

    @Test func aTeachingRankingHasNoMapAndSaysWhy() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let r = rank Skole")
        let failure = try #require(session.failure("export r to m.svg as map").error)
        #expect(failure.diagnostic.message.contains("the teaching municipalities are fictional"))
    }

    @Test func reportToAWorkbookSaysWhatItWrote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        let outputs = try session.outputs("load teaching R2020; rank Skole top 3; gap Korsbæk to 40; report to r.xlsx")
        #expect(outputs.compactMap(\.message).last == "Wrote the report (2 results, a sheet each after the contents) to r.xlsx as xlsx.")
        let bytes = try Data(contentsOf: folder.url.appendingPathComponent("r.xlsx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP container")
    }

    @Test func chartAfterTheResultThatDrewItAddsNothingToTheReport() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let r = rank Skole; chart r; chart r")
        let charts = session.document(fallbackTitle: "t").blocks.filter { if case .chart = $0 { true } else { false } }
        #expect(charts.count == 1)
        let statements = session.document(fallbackTitle: "t").blocks.compactMap { if case .statement(let s) = $0 { s } else { nil } }
        #expect(statements == ["load teaching R2020", "let r = rank Skole"])
        // Another municipality marked is another chart.
        try session.outputs("chart r for Korsbæk")
        #expect(session.document(fallbackTitle: "t").blocks.filter { if case .chart = $0 { true } else { false } }.count == 2)
    }

    @Test func drillToPeersByShowsHowToChooseThem() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let failure = try #require(session.failure("drill Korsbæk in Dagtilbud to peers by size").error)
        #expect(failure.diagnostic.message
                == "to peers takes the 5 nearest by the default model; to choose them, keep a peers result and drill to it: "
                + "let p = peers Korsbæk by …, then drill Korsbæk in … to p")
    }
}
