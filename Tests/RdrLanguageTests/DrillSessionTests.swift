import RdrReport
import Testing
@testable import RdrLanguage

/// `drill`, `gap … by function` and `gap … sorted` in a session: what they compute, what their
/// CSV says, and their mistakes.
@Suite struct DrillSessionTests {
    @Test func aDrillAddsUpToTheGap() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let drill = try session.result(of: "drill Korsbæk in Skole to 25")
        let gap = try session.result(of: "gap Korsbæk to 25 in Skole")
        let lines = drill.column("difference_kr").compactMap(\.amount)
        let total = try #require(drill.footer.first?[drill.columns.firstIndex { $0.key == "difference_kr" }!].amount)
        #expect(lines.reduce(0, +) == total)
        #expect(gap.column("value").last?.amount == total)
        #expect(drill.texts("function") == ["3.22.01", "3.22.03", "3.22.05", "3.22.07", "3.22.08", "3.22.10",
                                            "3.22.12", "3.22.14", "3.22.18"])
        // Every row says what it is about.
        #expect(Set(drill.texts("municipality")) == ["Korsbæk"])
        #expect(Set(drill.texts("benchmark")) == ["place 25"])
        let shares = drill.column("share_pct").compactMap(\.amount)
        #expect(abs(shares.reduce(0, +) - 100) < 1e-9)
    }

    @Test func theBenchmarkCanComeBeforeOrAfterTheArea() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let before = try session.result(of: "drill Korsbæk to median in Ældre")
        let after = try session.result(of: "drill Korsbæk in Ældre to median")
        let byDefault = try session.result(of: "drill Korsbæk in Ældre")
        #expect(before == after)
        #expect(byDefault == after)
        #expect(after.title.contains("against the median ("))
    }

    @Test func toTheCountryAndToAMunicipality() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let country = try session.result(of: "drill Korsbæk in Ældre to country")
        #expect(country.title.contains("against Hele landet"))
        #expect(country.notes.contains { $0.hasPrefix("Hele landet is the sum of the 98 ranked municipalities") })
        let named = try session.result(of: "drill Korsbæk in Ældre to Bjergsted")
        #expect(named.title.contains("against Bjergsted (place "))
    }

    @Test func aDrillKeepsItsAnalysis() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let d = drill Korsbæk in Dagtilbud")
        let kept = try #require(session.results.last { $0.name == "d" }?.result.analysis)
        guard case .drill(let drill) = kept else { Issue.record("not a drill: \(kept)"); return }
        #expect(drill.lines.reduce(0) { $0 + $1.difference } == drill.difference)
    }

    @Test(arguments: [
        ("drill in Skole", "expected a municipality before 'in'", span(1, 7, 9)),
        ("drill Korsbæk Skole", "expected 'in'", span(1, 15, 20)),
        ("drill Korsbæk in Skole to 25 to 40", "the benchmark is given twice", span(1, 30, 32)),
        ("drill Korsbæk in Skole to 0", "place 0 does not exist", span(1, 27, 28)),
        ("drill Korsbæk in Skole to Hovedstaden", "unknown municipality 'Hovedstaden'", span(1, 27, 38)),
        ("drill Korsbæk in Skoel", "unknown area 'Skoel'; did you mean Skole?", span(1, 18, 23)),
        ("drill Holbæk in Skole", "Holbæk is not in teaching R2020", span(1, 7, 13)),
    ])
    func mistakes(_ text: String, _ message: String, _ range: SourceRange) throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.contains(message), "\(failure.diagnostic.message)")
        #expect(failure.diagnostic.range == range)
    }

    @Test func anOverviewByFunctionGivesTheSnapshotAnOverview() throws {
        let session = try makeSession()
        try session.outputs("load R2024")
        let failure = try #require(session.failure("gap Holbæk to 25").error)
        #expect(failure.diagnostic.message.hasPrefix("no area can be computed on R2024"))
        let overview = try session.result(of: "gap Holbæk to 25 by function")
        #expect(overview.rows.count == 25)
        #expect(overview.title == "Overview by function: Holbæk, mulighedsrum to place 25, R2024")
        #expect(Set(overview.texts("per")) == ["all"])
        #expect(overview.notes.contains("R2024 has population totals only, so every function is per inhabitant."))
        let total = try #require(overview.footer.first?[overview.columns.firstIndex { $0.key == "mulighedsrum_kr" }!].amount)
        #expect(overview.column("mulighedsrum_kr").compactMap(\.amount).reduce(0, +) == total)
        let group = try session.result(of: "gap Holbæk to 25 by function in 5.*")
        #expect(group.texts("function").allSatisfy { $0.hasPrefix("5.") })
    }

    @Test func sortedPutsTheLargestMulighedsrumFirst() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let plain = try session.result(of: "gap Korsbæk to 25")
        let sorted = try session.result(of: "gap Korsbæk to 25 sorted")
        let amounts = sorted.column("mulighedsrum_kr").compactMap(\.amount)
        #expect(amounts == amounts.sorted(by: >))
        #expect(Set(sorted.texts("area")) == Set(plain.texts("area")))
        #expect(sorted.footer == plain.footer)
        // Several benchmarks: sorted by the first.
        let two = try session.result(of: "gap Korsbæk to 25, median sorted")
        let first = two.column("mulighedsrum_kr_to_place_25").compactMap(\.amount)
        #expect(first == first.sorted(by: >))
        // The functions of an area, per the area's segment.
        let school = try session.result(of: "gap Korsbæk to 25 by function in Skole sorted")
        #expect(Set(school.texts("per")) == ["6-16"])
    }

    @Test(arguments: [
        ("gap Korsbæk to 25 in Skole sorted", "sorted orders an overview's rows", span(1, 28, 34)),
        ("gap Korsbæk to 25 sorted sorted", "'sorted' is given twice", span(1, 26, 32)),
        ("gap Korsbæk to 25 by area", "'function' after 'by'", span(1, 22, 26)),
        ("gap Korsbæk to 25 by function in 9.*", "no function of teaching R2020 matches 9.*", span(1, 34, 37)),
    ])
    func overviewMistakes(_ text: String, _ message: String, _ range: SourceRange) throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.contains(message), "\(failure.diagnostic.message)")
        #expect(failure.diagnostic.range == range)
    }
}

/// `drill … to peers` and `to NAME` with a kept peers result.
@Suite struct DrillToPeersSessionTests {
    @Test func toPeersSumsTheDefaultModelsFive() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let p = peers Korsbæk")
        let onTheFly = try session.result(of: "drill Korsbæk in Skole to peers")
        let kept = try session.result(of: "drill Korsbæk in Skole to p")
        #expect(onTheFly == kept)
        #expect(kept.title.contains("against its 5 peers"))
        guard case .peers(let peers)? = session.results.last(where: { $0.name == "p" })?.result.analysis else {
            Issue.record("p holds no peers"); return
        }
        let names = peers.nearest.map(\.name).joined(separator: ", ")
        #expect(kept.notes.contains("The peers' level is Σ spending ÷ Σ persons of \(names)."))
    }

    @Test func aMunicipalityWinsOverAResultOfTheSameName() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let Bjergsted = peers Korsbæk")
        let drill = try session.result(of: "drill Korsbæk in Skole to Bjergsted")
        #expect(drill.title.contains("against Bjergsted (place "))
    }

    @Test func aResultThatIsNoPeersIsAnError() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let s = rank Skole")
        let failure = try #require(session.failure("drill Korsbæk in Skole to s").error)
        #expect(failure.diagnostic.message.hasPrefix("s holds Skole: kr. per 6-16-year-old"))
        #expect(failure.diagnostic.range == span(1, 27, 28))
    }
}
