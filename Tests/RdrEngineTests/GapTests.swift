import Testing
import RdrEngine

@Suite("Gap (mulighedsrum)")
struct GapTests {
    let voksen: Ranking

    init() throws {
        // Places: 1 Fjordby 800, 2 Aaby 1000, 3= Bøgelund 1500, 3= Damsø 1500, 5 Egeskov 2000.
        voksen = try Fixture.teaching.rank(Fixture.voksen)
    }

    @Test func mulighedsrumIsTheExcessTimesOwnPersons() throws {
        let gap = try voksen.gap(for: Fixture.egeskov, toPlace: 2)
        // (2000 − 1000) × 4460 = 4,460,000.
        #expect(gap.mulighedsrum == (2000 - 1000) * 4460)
        // The same as own spending − benchmark spending × own persons ÷ benchmark persons.
        #expect(gap.mulighedsrum == 8_920_000 - 3_380_000 * 4460 / 3380)
        #expect(gap.spendingAtBenchmarkLevel == 3_380_000 * 4460 / 3380)
        #expect(gap.own.municipality == Fixture.egeskov)
        #expect(gap.benchmark.municipality == Fixture.aaby)
        #expect(gap.place == 2)
        #expect(gap.ranked == 5)
    }

    @Test func mulighedsrumToTheLowestPlace() throws {
        let gap = try voksen.gap(for: Fixture.damsoe, toPlace: 1)
        // (1500 − 800) × 1700 = 1,190,000.
        #expect(gap.mulighedsrum == (1500 - 800) * 1700)
    }

    @Test func mulighedsrumWithUnevenQuotients() throws {
        // Per 6-16-year-old, per inhabitant override: Damsø 7,700,000 / 1700 against place 2,
        // Bøgelund 24,200,000 / 6760: 7,700,000 − 24,200,000 × 1700 / 6760 ≈ 1,614,201.18 → 1,614,201.
        let ranking = try Fixture.teaching.rank(Fixture.skole, per: .all)
        let gap = try ranking.gap(for: Fixture.damsoe, toPlace: 2)
        #expect(gap.mulighedsrum == 1_614_201)
        #expect(gap.spendingAtBenchmarkLevel == 7_700_000 - 1_614_201)
    }

    @Test func zeroWhenAtOrBelowThePlace() throws {
        // Aaby (1000) is below place 3 (1500) and at place 2 (itself).
        #expect(try voksen.gap(for: Fixture.aaby, toPlace: 3).mulighedsrum == 0)
        #expect(try voksen.gap(for: Fixture.aaby, toPlace: 2).mulighedsrum == 0)
        #expect(try voksen.gap(for: Fixture.fjordby, toPlace: 5).mulighedsrum == 0)
        // The level at the place is still shown: Egeskov's 2000 kr. × Fjordby's 890.
        #expect(try voksen.gap(for: Fixture.fjordby, toPlace: 5).spendingAtBenchmarkLevel == 2000 * 890)
    }

    @Test func zeroAtATiedPlace() throws {
        // Bøgelund and Damsø share place 3 at 1500; positions 3 and 4 both hold 1500.
        #expect(try voksen.gap(for: Fixture.boegelund, toPlace: 3).mulighedsrum == 0)
        #expect(try voksen.gap(for: Fixture.boegelund, toPlace: 4).mulighedsrum == 0)
        #expect(try voksen.gap(for: Fixture.damsoe, toPlace: 3).mulighedsrum == 0)
        // Egeskov to position 4 (Damsø, tied at place 3): (2000 − 1500) × 4460 = 2,230,000.
        let gap = try voksen.gap(for: Fixture.egeskov, toPlace: 4)
        #expect(gap.mulighedsrum == (2000 - 1500) * 4460)
        #expect(gap.benchmark.place == 3)
        #expect(gap.benchmark.tied)
    }

    @Test func placeOutOfRange() {
        #expect(engineError { try voksen.gap(for: Fixture.egeskov, toPlace: 0) }
            == .placeOutOfRange(place: 0, ranked: 5))
        #expect(engineError { try voksen.gap(for: Fixture.egeskov, toPlace: 6) }
            == .placeOutOfRange(place: 6, ranked: 5))
        #expect(engineError { try voksen.gap(for: Fixture.egeskov, toPlace: -1) }
            == .placeOutOfRange(place: -1, ranked: 5))
        #expect(engineError { try voksen.entry(atPlace: 5) } == nil)
    }

    @Test func notRankedSaysWhy() throws {
        let skole = try Fixture.teaching.rank(Fixture.skole)
        #expect(engineError { try skole.gap(for: Fixture.egeskov, toPlace: 1) }
            == .notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05"))
        #expect(engineError { try skole.gap(for: Fixture.fjordby, toPlace: 1) }
            == .notRanked(municipality: "Fjordby", reason: "no 6-16-year-olds on 1 January 2020"))
        #expect(engineError { try skole.gap(for: Fixture.stranger, toPlace: 1) }
            == .notRanked(municipality: "Udlandsby", reason: "not in this dataset"))
    }

    @Test func notRankedComesBeforeAPlaceOutOfRange() throws {
        let skole = try Fixture.teaching.rank(Fixture.skole)
        #expect(engineError { try skole.gap(for: Fixture.egeskov, toPlace: 99) }
            == .notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05"))
    }

    @Test func theOriginalsExample() throws {
        // Own 10,353 kr. per 18-64-year-old, place 25 at 9,330: (10,353 − 9,330) × 29,600 ≈ 30.3 mio.
        let municipalities = (1...30).map { Fixture.municipality(5000 + $0, "K\(100 + $0)") }
        // K101 … K130 on 1000 persons each spend 9,306,000 + 1000·k … ; K125 spends 9,330,000 (9,330 per
        // person); K130 is "own" with 29,600 persons and 10,353 per person = 306,448,800 kr.
        var spending = (1...30).map { 9_305_000 + 1000 * $0 }
        var totals = Array(repeating: 1000, count: 30)
        spending[29] = 10_353 * 29_600
        totals[29] = 29_600
        let dataset = Fixture.dataset(municipalities: municipalities, functions: ["5.38.50": "x"],
                                      spending: ["5.38.50": spending], totals: totals, byAge: nil)
        let ranking = try dataset.rank(Fixture.area("V", ["5.38.50"]))
        let gap = try ranking.gap(for: municipalities[29], toPlace: 25)
        #expect(gap.benchmark.perPerson == 9_330)
        #expect(gap.mulighedsrum == (10_353 - 9_330) * 29_600)  // 30,280,800
    }
}

@Suite("Overview")
struct OverviewTests {
    /// A function the dataset lacks: a failing area.
    static let sundhed = Fixture.area("Sundhed", ["4.62.01"])

    @Test func oneRowPerAreaFailuresKept() throws {
        let overview = Fixture.teaching.overview(
            for: Fixture.egeskov, to: .place(2),
            areas: [Fixture.voksen, Fixture.skole, Fixture.aeldre, Self.sundhed])
        #expect(overview.rows.map(\.area.key) == ["Voksen", "Skole", "Ældre", "Sundhed"])
        #expect(overview.municipality == Fixture.egeskov)
        #expect(overview.benchmark == .place(2))

        // Voksen: (2000 − 1000) × 4460.
        #expect(try overview.rows[0].outcome.get().mulighedsrum == (2000 - 1000) * 4460)
        #expect(overview.rows[0].ranking != nil)
        // Skole: Egeskov lacks 3.22.05; the ranking exists but Egeskov is not in it.
        #expect(overview.rows[1].outcome.failure == .notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05"))
        #expect(overview.rows[1].ranking != nil)
        // Ældre: (60,000 − 40,000) × 1070 = 64,200,000 − 56,000,000 × 1070 / 1400.
        #expect(try overview.rows[2].outcome.get().mulighedsrum == (60_000 - 40_000) * 1070)
        // Sundhed cannot be ranked at all.
        #expect(overview.rows[3].outcome.failure
            == .functionsMissing(area: "Sundhed", missing: [FunctionCode(main: 4, group: 62, function: 1)],
                                 dataset: "teaching R2020", hint: nil))
        #expect(overview.rows[3].ranking == nil)

        #expect(overview.computedCount == 2)
        #expect(overview.total == (2000 - 1000) * 4460 + (60_000 - 40_000) * 1070)  // 25,860,000
    }

    @Test func zeroRowsCountAsComputed() {
        // Aaby to place 2: Voksen, Aaby is place 2 itself → 0; Ældre (50,000 − 40,000) × 700.
        let overview = Fixture.teaching.overview(for: Fixture.aaby, to: .place(2), areas: [Fixture.voksen, Fixture.aeldre])
        #expect(overview.computedCount == 2)
        #expect(overview.rows.compactMap { try? $0.outcome.get().mulighedsrum } == [0, (50_000 - 40_000) * 700])
        #expect(overview.total == 0 + (50_000 - 40_000) * 700)
    }

    @Test func placeOutOfRangeInEveryArea() {
        // Skole ranks 3, Voksen 5: place 4 exists only in Voksen.
        let overview = Fixture.teaching.overview(for: Fixture.aaby, to: .place(4), areas: [Fixture.voksen, Fixture.skole])
        #expect(overview.rows[0].outcome.failure == nil)
        #expect(overview.rows[1].outcome.failure == .placeOutOfRange(place: 4, ranked: 3))
        #expect(overview.computedCount == 1)
        #expect(overview.total == 0)
    }

    @Test func totalAddsTheRowsInWholeKroner() throws {
        // Skole per inhabitant: place 2 is Bøgelund; Damsø 7,700,000 − 24,200,000 × 1700 / 6760
        // = 1,614,201.18… → 1,614,201. Voksen: (1500 − 1000) × 1700 = 850,000.
        let skoleAlle = Fixture.area("SkoleAlle", ["3.22.*"], except: ["3.22.17"], per: .all)
        let overview = Fixture.teaching.overview(for: Fixture.damsoe, to: .place(2), areas: [skoleAlle, Fixture.voksen])
        #expect(try overview.rows[0].outcome.get().mulighedsrum == 1_614_201)
        #expect(overview.total == 1_614_201 + 850_000)
    }

    @Test func totalRoundsHalvesAwayFromZero() {
        // Ager 1 kr. on 2 persons = 0.5 per person; Bæk 2 kr. on 1 person: 2 − 1 × 1 / 2 = 1.5 → 2,
        // rounded once in each row, so that the total is the sum of the rows shown.
        let dataset = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek], functions: ["5.38.50": "x"],
            spending: ["5.38.50": [1, 2]], totals: [2, 1], byAge: nil)
        let area = Fixture.area("V", ["5.38.50"])
        let overview = dataset.overview(for: Fixture.baek, to: .place(1), areas: [area, area])
        #expect(overview.rows.compactMap { try? $0.outcome.get().mulighedsrum } == [2, 2])
        #expect(overview.total == 2 + 2)
    }

    @Test func noAreas() {
        let overview = Fixture.teaching.overview(for: Fixture.aaby, to: .place(1), areas: [])
        #expect(overview.rows.isEmpty)
        #expect(overview.total == 0)
        #expect(overview.computedCount == 0)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
