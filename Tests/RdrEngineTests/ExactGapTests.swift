import Testing
import RdrEngine

/// The mulighedsrum in whole kroner by integer arithmetic (issue 7, item 4), and the overview's
/// median taken per area (item 3).
@Suite("Exact mulighedsrum and the per-area median")
struct ExactGapTests {
    /// Two municipalities on one function; the second spends more per person.
    static func pair(spending: [Int], persons: [Int]) throws -> (Ranking, Gap) {
        let dataset = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek], functions: ["5.38.50": "x"],
            spending: ["5.38.50": spending], totals: persons, byAge: nil)
        let ranking = try dataset.rank(Fixture.area("V", ["5.38.50"]))
        return (ranking, try ranking.gap(for: Fixture.baek, toPlace: 1))
    }

    @Test func exactBeyondWhatADoubleHolds() throws {
        // 2^53 + 1 kr. is not a Double; the benchmark spends 1 kr. on 3 persons.
        let big = 9_007_199_254_740_993
        let (_, gap) = try Self.pair(spending: [1, big], persons: [3, 1])
        // big − 1 × 1 ÷ 3 = big − 0.33… → big − 0 (rounded), exactly.
        #expect(gap.mulighedsrum == big)
        #expect(gap.spendingAtBenchmarkLevel == 0)
    }

    @Test func roundedOnceHalfAwayFromZero() throws {
        // 7 − 1 × 5 ÷ 2 = 4.5 → 5; the level 2.5 → 2 so that 7 − 2 = 5 exactly.
        let (_, half) = try Self.pair(spending: [1, 7], persons: [2, 5])
        #expect(half.mulighedsrum == 5)
        #expect(half.spendingAtBenchmarkLevel == 2)
        // 10 − 1 × 10 ÷ 3 = 6.67 → 7.
        let (_, third) = try Self.pair(spending: [1, 10], persons: [3, 10])
        #expect(third.mulighedsrum == 7)
        // A negative benchmark (income over spending): 5 − (−7) × 1 ÷ 2 = 8.5 → 9.
        let (_, negative) = try Self.pair(spending: [-7, 5], persons: [2, 1])
        #expect(negative.mulighedsrum == 9)
        #expect(negative.spendingAtBenchmarkLevel == 5 - 9)
    }

    @Test func lessThanHalfAKroneAboveRoundsToZeroNeverBelow() throws {
        // 3 kr. on 2 persons (1.50) against 14 kr. on 10 (1.40): 3 − 14 × 2 ÷ 10 = 0.2 → 0.
        let dataset = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek], functions: ["5.38.50": "x"],
            spending: ["5.38.50": [14, 3]], totals: [10, 2], byAge: nil)
        let ranking = try dataset.rank(Fixture.area("V", ["5.38.50"]))
        let gap = try ranking.gap(for: Fixture.baek, toPlace: 1)
        #expect(gap.benchmark.municipality == Fixture.ager)
        #expect(gap.mulighedsrum == 0)
        #expect(gap.spendingAtBenchmarkLevel == 3)
    }

    @Test func medianPlaceIsTheRankingsOwn() throws {
        #expect(try Fixture.teaching.rank(Fixture.voksen).medianPlace == 3)  // 5 ranked
        #expect(try Fixture.teaching.rank(Fixture.skole).medianPlace == 2)   // 3 ranked of 5
    }

    @Test func overviewToTheMedianTakesEachAreasMedian() throws {
        // Skole leaves out Egeskov and Fjordby: its median is place 2 of 3, not place 3 of 5.
        let overview = Fixture.teaching.overview(for: Fixture.damsoe, to: .median,
                                                 areas: [Fixture.voksen, Fixture.skole])
        let voksen = try overview.rows[0].outcome.get()
        let skole = try overview.rows[1].outcome.get()
        #expect(voksen.place == 3)
        #expect(skole.place == 2)
        #expect(skole.ranked == 3)
        let skoleRanking = try Fixture.teaching.rank(Fixture.skole)
        #expect(skole.benchmark == skoleRanking.median)
        #expect(overview.total == voksen.mulighedsrum + skole.mulighedsrum)
    }
}
