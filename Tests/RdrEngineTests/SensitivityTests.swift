import RdrReport
import Testing
@testable import RdrEngine

/// The mulighedsrum to several benchmarks at once, on `Fixture.teaching`'s Voksen area (per
/// inhabitant): Fjordby 800 (place 1), Aaby 1,000 (2), Bøgelund and Damsø 1,500 (3=), Egeskov
/// 2,000 (5, 4,460 inhabitants).
@Suite struct SensitivityTests {
    @Test func theGapToEachBenchmarkWorkedOutByHand() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let sensitivity = Sensitivity(ranking: ranking, municipality: Fixture.egeskov,
                                      benchmarks: [.place(2), .median, .municipality(Fixture.fjordby), .municipality(Fixture.egeskov)])
        let amounts = sensitivity.gaps.map { try? $0.outcome.get().mulighedsrum }
        // (2,000 − 1,000) × 4,460; (2,000 − 1,500) × 4,460 at place 3 of 5; (2,000 − 800) × 4,460; itself: 0.
        #expect(amounts == [4_460_000, 2_230_000, 5_352_000, 0])
        let table = sensitivity.resultSet()
        #expect(table.column("benchmark").map { $0 } == [.text("place 2"), .text("the median"), .text("Fjordby"), .text("Egeskov")])
    }

    @Test func aNamedMunicipalityIsTheBenchmarkAtItsOwnLevelEvenWhenTied() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        // Damsø shares place 3 with Bøgelund, which sorts first there; the gap to Damsø is to Damsø.
        let gap = try ranking.gap(for: Fixture.egeskov, to: .municipality(Fixture.damsoe))
        #expect(gap.benchmark.municipality == Fixture.damsoe && gap.place == 3)
        #expect(gap.mulighedsrum == 2_230_000)
    }

    @Test func aBenchmarkThatIsNotRankedSaysWhy() throws {
        let ranking = try Fixture.teaching.rank(Fixture.skole)  // Egeskov and Fjordby are not ranked on Skole
        let gaps = ranking.gaps(for: Fixture.aaby, to: [.municipality(Fixture.fjordby), .place(1)])
        guard case .failure(.notRanked(let name, _)) = gaps[0].outcome else { Issue.record("expected not ranked"); return }
        #expect(name == "Fjordby")
        #expect((try? gaps[1].outcome.get()) != nil)
    }

    @Test func severalBenchmarksAtOnceEqualTheSeparateOverviews() throws {
        let areas = [Fixture.voksen, Fixture.skole, Fixture.aeldre]
        let benchmarks: [BenchmarkPlace] = [.place(1), .median, .municipality(Fixture.boegelund)]
        let all = OverviewSensitivity(Fixture.teaching, for: Fixture.damsoe, to: benchmarks, areas: areas)
        for (index, benchmark) in benchmarks.enumerated() {
            let alone = Fixture.teaching.overview(for: Fixture.damsoe, to: benchmark, areas: areas)
            #expect(all.overviews[index].total == alone.total)
            #expect(all.overviews[index].rows.map { try? $0.outcome.get().mulighedsrum }
                    == alone.rows.map { try? $0.outcome.get().mulighedsrum })
        }
        let table = all.resultSet(dataset: Fixture.teaching)
        #expect(table.columns.suffix(3).map(\.key) == ["mulighedsrum_kr_to_place_1", "mulighedsrum_kr_to_median",
                                                       "mulighedsrum_kr_to_boegelund"])
        #expect(table.footer[0].suffix(3) == benchmarks.indices.map { .integer(all.overviews[$0].total) })
    }
}

private extension ResultSet {
    func column(_ key: String) -> [Value] {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { $0[index] }
    }
}
