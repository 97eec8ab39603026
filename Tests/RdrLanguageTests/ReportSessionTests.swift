import Foundation
import RdrReport
import Testing
@testable import RdrLanguage

/// What a session's report holds: the statements that did the work and their results, not
/// messages, failures or talk about the session.
@Suite struct ReportSessionTests {
    func statements(_ document: Document) -> [String] {
        document.blocks.compactMap { if case .statement(let text) = $0 { text } else { nil } }
    }

    @Test func theNotebookHoldsTheWorkAndItsResults() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs("load teaching R2020\nset format csv\nrank Skole top 3\nlet s = gap Korsbæk to 40\nhelp rank\nexport s to x.csv")
        _ = session.failure("rank Skoel")
        let document = session.document(fallbackTitle: "t")
        #expect(statements(document) == ["load teaching R2020", "rank Skole top 3", "let s = gap Korsbæk to 40"])
        #expect(document.results.map(\.title) == ["Skole: kr. per 6-16-year-old, teaching R2020 (place 1 = lowest)",
                                                  "Overview: Korsbæk, mulighedsrum to place 40, teaching R2020"])
        #expect(document.holdsInventedFigures)
    }

    @Test func aScriptRunByRunIsThereStatementByStatement() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "rank Ældre top 2\ngap Korsbæk to 25 in Ældre\n".write(to: folder.url.appendingPathComponent("inner.rdr"), atomically: true, encoding: .utf8)
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs("load teaching R2020; run inner.rdr")
        #expect(statements(session.document(fallbackTitle: "t")) == ["load teaching R2020", "rank Ældre top 2", "gap Korsbæk to 25 in Ældre"])
    }

    @Test func titleAndParameters() throws {
        let session = try makeSession(parameters: ["kommune": "Korsbæk"])
        try session.outputs("param place = 25\nset title \"Budget 2026\"\nload teaching R2020\ndefine area Bo = 5.38.50, 5.38.51 per 18-64; gap $kommune to $place in Bo")
        let document = session.document(fallbackTitle: "t", date: Date(timeIntervalSince1970: 1_764_633_600))
        #expect(document.title == "Budget 2026")
        #expect(document.date == "2 December 2025")
        #expect(document.parameters.map { "\($0.name)=\($0.value)" } == ["kommune=Korsbæk", "place=25"])
        #expect(statements(document).contains("define area Bo = 5.38.50, 5.38.51 per 18-64"))
        #expect(statements(document).last == "gap $kommune to $place in Bo")
    }

    @Test func reportWritesTheFileWholeAndSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        let outputs = try session.outputs("load teaching R2020; rank Skole top 3; report to r.html; report to r.md")
        #expect(outputs.compactMap(\.message).contains("Wrote the report (1 result) to r.html as html."))
        let html = try String(contentsOf: folder.url.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("<title>rdr session</title>"))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("r.md").path))
        // The report itself is not in the notebook.
        #expect(!statements(session.document(fallbackTitle: "t")).contains { $0.hasPrefix("report") })
    }

    @Test(arguments: [
        ("report to r.pdf", "a report is written as .html, .md or .xlsx; 'r.pdf' is none of them", span(1, 11, 16)),
        ("report r.html", "expected 'to'", span(1, 8, 14)),
        ("set title", "expected a title", span(1, 10, 10)),
    ])
    func mistakes(_ text: String, _ message: String, _ range: SourceRange) throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; rank Skole top 3")
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.contains(message), "\(failure.diagnostic.message)")
        #expect(failure.diagnostic.range == range)
    }

    @Test func nothingToReportIsAnError() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let failure = try #require(session.failure("report to r.html").error)
        #expect(failure.diagnostic.message == "there is nothing to report yet: no statement has shown a result")
    }
}
