import Foundation
import RdrEngine
import RdrLanguage
import RdrReport
import RdrTestSupport
import Testing

/// `explain NAME [for KOMMUNE]` in a session: what it explains, how it is kept, and its mistakes.
/// The figures are the INVENTED teaching data's, and the fixture Statbank's.
@Suite struct ExplainSessionTests {
    func session(_ setup: String = "load teaching R2020") throws -> Session {
        let session = try makeSession()
        try session.outputs(setup)
        return session
    }

    func message(_ text: String, in session: Session) throws -> String {
        try #require(session.failure(text).error).diagnostic.message
    }

    @Test func parsesWithAndWithoutFor() throws {
        #expect(try shape("explain _") == "explain _")
        #expect(try shape("explain s for Korsbæk") == "explain s for Korsbæk")
        #expect(try shape("let e = explain s for \"Lyngby-Taarbæk\"") == "let e = explain s for Lyngby-Taarbæk")
        #expect(syntaxError("explain")?.message == "expected the name of a result, as in explain _ or explain s, "
                + "found the end of the statement")
        #expect(syntaxError("explain _ for")?.message == "expected a municipality after 'for', found the end of the statement")
    }

    @Test func theLastResultStepByStep() throws {
        let session = try session()
        let gap = try session.result(of: "gap Korsbæk to 25 in Skole")
        let explained = try session.result(of: "explain _")
        #expect(explained.title == "Explained: " + gap.title)
        #expect(explained.provenance == gap.provenance)
        #expect(explained.captionLines.first == "INVENTED FIGURES (teaching data): not any real municipality's accounts.")
        // The gap's own table has the mulighedsrum as its last step; the explanation ends on the same figure.
        #expect(explained.column("value").last == gap.column("value").last)
        #expect(explained.texts("item").last == "mulighedsrum, kr. = 26 in whole kroner")
        // Korsbæk's nine Skole functions add up to its net spending (step 10), as the gap's step 1 has it.
        let values = explained.column("value").compactMap(\.amount)
        #expect(values[0..<9].reduce(0, +) == values[9])
        #expect(values[9] == gap.column("value").first?.amount)
        // The explanation is the last result now, kept without a computation of its own.
        #expect(session.results.last?.name == "_")
        #expect(session.results.last?.result.analysis == nil)
        #expect(session.result(named: "_")?.title == explained.title)
    }

    @Test func aNamedRankingForAMunicipality() throws {
        let session = try session()
        try session.outputs("let s = rank Skole per 6-16; gap Korsbæk to 40")
        let explained = try session.result(of: "explain s for Korsbaek")
        #expect(explained.title.hasSuffix(", for Korsbæk"))
        #expect(explained.texts("municipality").first == "Korsbæk")
        #expect(explained.texts("item").contains { $0.hasPrefix("Korsbæk: place = 1 + ") })
        // Without for, the median municipality, said so.
        let median = try session.result(of: "explain s")
        #expect(median.notes.first?.hasPrefix("No municipality was named, so this is the median municipality") == true)
    }

    @Test func anExplanationCanBeKeptAndExported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs("load teaching R2020; gap Korsbæk to 40")
        let outputs = try session.outputs("let e = explain _; export e to explained.csv")
        #expect(outputs.first?.message?.hasPrefix("e = Explained: Overview: Korsbæk, mulighedsrum to place 40") == true)
        let csv = try String(contentsOfFile: folder.file("explained.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("dataset,municipality,area,per,step,item,value\r\n"))  // RFC 4180
        #expect(csv.contains("teaching R2020,Korsbæk,Skole,6-16,5,"))
    }

    @Test func everyKindOfResultCanBeExplained() throws {
        let session = try session("load teaching R2019, R2020")
        for query in ["rank Ældre", "gap Korsbæk to 25 in Ældre", "gap Korsbæk to 25, median in Ældre", "gap Korsbæk to 40",
                      "gap Korsbæk to 25, median", "compare Korsbæk with Bjergsted in Skole", "compare Korsbæk with Bjergsted",
                      "trend Skole for Korsbæk prices 2024"] {
            try session.outputs(query)
            let explained = try session.result(of: "explain _")
            #expect(explained.title.hasPrefix("Explained: "), "\(query)")
            #expect(!explained.rows.isEmpty, "\(query)")
            #expect(explained.provenance?.invented == true, "\(query)")
        }
    }

    @Test func aTrendForOneOfItsMunicipalities() throws {
        let session = try session("load teaching R2019, R2020")
        try session.outputs("let t = trend Skole for Korsbæk, Bjergsted prices 2024")
        let bjergsted = try session.result(of: "explain t for Bjergsted")
        #expect(bjergsted.title.hasSuffix(", for Bjergsted"))
        #expect(bjergsted.texts("dataset") .first == "teaching R2019")
        #expect(try message("explain t for Ravby", in: session) == "'Ravby' is not in this trend (it follows Korsbæk, Bjergsted)")
    }

    @Test(arguments: [
        ("explain _", "no result named '_'; make one with let NAME = rank …"),
    ])
    func withoutAResult(_ text: String, _ expected: String) throws {
        let session = try session()
        #expect(try message(text, in: session) == expected)
    }

    @Test func aMisspeltNameGetsTheSameSuggestionAsShow() throws {
        let session = try session()
        try session.outputs("let aeldre = rank Ældre")
        #expect(try message("explain aeldr", in: session) == "no result named 'aeldr'; did you mean aeldre?")
        #expect(try message("explain aeldr", in: session) == (try message("show aeldr", in: session)))
    }

    @Test func anExplanationIsNotExplainedAgain() throws {
        let session = try session()
        try session.outputs("rank Skole; let e = explain _")
        #expect(try message("explain _", in: session)
            == "the last result is an explanation, not a computation; explain works on a result of rank, gap, compare, "
            + "drill, trend or peers (let s = … keeps one to explain again)")
        #expect(try message("explain e", in: session)
            == "'e' is not a computation (an explanation, a listing or a check); explain works on a result of rank, gap, "
            + "compare, drill, trend or peers (let s = … keeps one to explain again)")
    }

    @Test func forIsForARankingOrATrend() throws {
        let session = try session()
        try session.outputs("gap Korsbæk to 25 in Skole")
        let failure = try #require(session.failure("explain _ for Bjergsted").error)
        #expect(failure.diagnostic.message
            == "this gap is Korsbæk's: explain it without for (for chooses a municipality of a ranking or a trend)")
        #expect(failure.diagnostic.range == span(1, 15, 24))
        try session.outputs("rank Skole")
        #expect(try message("explain _ for Korsbak", in: session) == "no municipality 'Korsbak' in this ranking; did you mean Korsbæk?")
    }

    @Test func forAMunicipalityTheRankingLeavesOut() throws {
        // The fixture Statbank's Hvidovre has ".." for 3.22.01: it is left out of the ranking, with the reason.
        let world = try StatbankSessionTests.World()
        let hvidovre = StatbankFixtures.municipalities[StatbankFixtures.spentNothing.index]
        var lines = StatbankFixtures().bulk("REGK31", years: [2023]).components(separatedBy: "\r\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("\(hvidovre.code);32201;1;TOT;") })
        lines[row] = "\(hvidovre.code);32201;1;TOT;LOBM;2023;.."
        try Data(lines.joined(separator: "\r\n").utf8).write(to: world.work.url.appendingPathComponent("regk31-2023.csv"))
        try Data(StatbankFixtures().bulkBytes("FOLK1A", years: [2023]))
            .write(to: world.work.url.appendingPathComponent("folk1a-2023.csv"))
        try world.session.outputs("import regk31-2023.csv; import folk1a-2023.csv; load R2023; "
                                  + "define area S = 3.22.01, 3.22.05 per all; rank S")
        let failure = try #require(world.session.failure("explain _ for \(hvidovre.name)").error)
        #expect(failure.diagnostic.message
            == "\(hvidovre.name) is not ranked in this result (no figure for 3.22.01); explain … for a ranked municipality")
        // A ranked one is explained from the local store's figures, function by function.
        let explained = try world.session.result(of: "explain _ for København")
        #expect(explained.texts("item").prefix(2) == ["3.22.01 Folkeskoler", "3.22.05 Skolefritidsordninger"])
    }

    @Test func reloadedInOtherPricesTheFunctionsAreNotListed() throws {
        let session = try session()
        try session.outputs("let s = rank Skole; load teaching R2020 prices 2024")
        let explained = try session.result(of: "explain s for Korsbæk")
        #expect(explained.texts("item").first == "Korsbæk: net spending on its 9 functions, kr.")
        #expect(explained.notes.contains { $0.hasPrefix("The functions' amounts are not listed: teaching R2020 is no longer loaded") })
    }

    @Test func helpAndCompletionKnowIt() throws {
        let session = try session()
        try session.outputs("let s = rank Skole")
        #expect(try session.outputs("help explain").first?.message?.contains("explain NAME [for KOMMUNE]") == true)
        #expect(session.completions(forWord: "", after: "explain ") == ["s", "_"])
        #expect(session.completions(forWord: "f", after: "explain s ") == ["for"])
    }
}
