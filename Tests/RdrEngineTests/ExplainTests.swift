import RdrReport
import Testing
import RdrEngine

/// The explanation of `analysis`, shown first as `table`; the datasets default to the main fixture.
private func explained(_ analysis: Analysis, shownAs table: ResultSet, for focus: Municipality? = nil,
                       datasets: [Dataset] = [Fixture.teaching]) throws -> ResultSet {
    try Explanation.resultSet(explaining: analysis, shownAs: table, for: focus, datasets: datasets)
}

private extension ResultSet {
    func cells(_ key: String) -> [Value] {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { $0[index] }
    }

    /// The item of each step, in order.
    var items: [String] { cells("item").map { if case .text(let text) = $0 { text } else { "" } } }

    /// The value of each step: whole numbers as they are, amounts in hundredths (exact in these
    /// tests), nil for a step without a figure.
    var values: [Int?] {
        cells("value").map { value in
            switch value {
            case .integer(let n): n
            case .amount(let x): Int((x * 100).rounded())
            default: nil
            }
        }
    }

    /// Whether each step's value is an amount shown to 2 decimals (else a whole number).
    var isAmount: [Bool] { cells("value").map { if case .amount = $0 { true } else { false } } }
}

/// The steps are numbered 1, 2, 3 …; every row carries its keys.
private func expectNumbered(_ result: ResultSet, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.rows.isEmpty, sourceLocation: sourceLocation)
    #expect(result.cells("step") == result.rows.indices.map { .integer($0 + 1) }, sourceLocation: sourceLocation)
    #expect(result.columns.map(\.key) == ["dataset", "municipality", "area", "per", "step", "item", "value"],
            sourceLocation: sourceLocation)
    #expect(result.columns.map(\.programsOnly) == [true, true, true, true, false, false, false], sourceLocation: sourceLocation)
}

/// Three municipalities, two functions, per inhabitant, with quotients that do not come out even:
///
/// | kommune | 5.38.50   | 5.38.51 | sum       | inhabitants | kr. per inhabitant        |
/// |---------|-----------|---------|-----------|-------------|---------------------------|
/// | Ager    | 1,000,000 | 234,567 | 1,234,567 | 3000        | 411.5223… (place 2)       |
/// | Bæk     | 700,000   | 100,001 | 800,001   | 2000        | 400.0005 (place 1)        |
/// | Dal     | 2,000,000 | 0       | 2,000,000 | 4000        | 500 (place 3)             |
private let uneven = Fixture.dataset(
    municipalities: [Fixture.ager, Fixture.baek, Fixture.dal],
    functions: ["5.38.50": "Botilbud til længerevarende ophold", "5.38.51": "Botilbud til midlertidigt ophold"],
    spending: ["5.38.50": [1_000_000, 700_000, 2_000_000], "5.38.51": [234_567, 100_001, 0]],
    totals: [3000, 2000, 4000], byAge: nil)

@Suite("Explanation of a ranking")
struct ExplainRankingTests {
    let ranking: Ranking

    init() throws {
        // Voksen per inhabitant: Fjordby 800 (1), Aaby 1000 (2), Bøgelund 1500 (3=), Damsø 1500 (3=),
        // Egeskov 2000 (5); the median is entries[5 / 2] = Bøgelund, at place 3.
        ranking = try Fixture.teaching.rank(Fixture.voksen)
    }

    func explain(_ focus: Municipality?) throws -> ResultSet {
        try explained(.ranking(ranking), shownAs: ranking.resultSet(), for: focus)
    }

    @Test func oneMunicipalityStepByStep() throws {
        let result = try explain(Fixture.egeskov)
        expectNumbered(result)
        #expect(result.title == "Explained: Voksen: kr. per inhabitant, teaching R2020 (place 1 = lowest), for Egeskov")
        #expect(result.items == [
            "5.38.50 Botilbud til længerevarende ophold",
            "5.38.51 Botilbud til midlertidigt ophold",
            "Egeskov: net spending = 1 + 2",
            "Egeskov: inhabitants on 1 January 2020",
            "Egeskov: kr. per inhabitant = 3 ÷ 4",
            "municipalities spending less per person than Egeskov",
            "Egeskov: place = 1 + 6, of 5",
            "the median's place = ⌊5 ÷ 2⌋ + 1",
            "Bøgelund, at place 3: net spending, kr.",
            "Bøgelund: inhabitants on 1 January 2020",
            "Bøgelund: kr. per inhabitant = 9 ÷ 10",
        ])
        // 8,000,000 + 920,000 = 8,920,000; ÷ 4460 = 2000.00; Fjordby, Aaby, Bøgelund and Damsø spend
        // less: place 1 + 4 = 5; the median's place ⌊5/2⌋+1 = 3: Bøgelund, 10,140,000 ÷ 6760 = 1500.00.
        #expect(result.values == [8_000_000, 920_000, 8_920_000, 4460, 2000_00, 4, 5, 3, 10_140_000, 6760, 1500_00])
        #expect(result.isAmount == [false, false, false, false, true, false, false, false, false, false, true])
        // The functions' steps add up to the sum step, which is the ranking's spending.
        let values = result.values.compactMap { $0 }
        #expect(values[0] + values[1] == values[2])
        #expect(values[2] == (try ranking.entry(for: Fixture.egeskov)).spending)
        #expect(result.provenance == ranking.provenance)
        #expect(result.captionLines.first == "INVENTED FIGURES (teaching data): not any real municipality's accounts.")
        #expect(result.notes.contains("Steps 5, 11 are shown to 2 decimals: computed exactly from the whole kroner and "
                                      + "persons behind the steps it names, then rounded half away from zero (redoing it "
                                      + "with the rounded steps shown can differ in the last decimal). Every other step is exact."))
    }

    @Test func tiedMunicipalitiesShareThePlace() throws {
        let result = try explain(Fixture.damsoe)
        // Fjordby (800) and Aaby (1000) spend less than Damsø's 2,550,000 ÷ 1700 = 1500: place 3,
        // shared with Bøgelund (10,140,000 ÷ 6760 = 1500).
        #expect(result.items[5...6] == ["municipalities spending less per person than Damsø",
                                         "Damsø: place = 1 + 6, of 5 (shared with Bøgelund)"])
        #expect(result.values[5...6] == [2, 3])
    }

    @Test func withoutAMunicipalityTheMedianIsExplained() throws {
        let result = try explain(nil)
        #expect(result.title.hasSuffix(", for Bøgelund"))
        #expect(result.items.last == "the median's place = ⌊5 ÷ 2⌋ + 1")
        #expect(result.values.last == 3)
        #expect(result.notes.first?.hasPrefix("No municipality was named, so this is the median municipality, Bøgelund") == true)
    }

    @Test func aMunicipalityLeftOutSaysWhy() throws {
        let skole = try Fixture.teaching.rank(Fixture.skole)
        #expect(throws: ExplainError.notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05")) {
            try explained(.ranking(skole), shownAs: skole.resultSet(), for: Fixture.egeskov)
        }
    }

    @Test func withoutItsDatasetTheFunctionsAreNotListed() throws {
        // Loaded again in other prices, the dataset no longer gives the ranking's amounts back.
        let repriced = Fixture.teaching.repriced(by: PriceFactor(2)!, to: 2024, priceBasis: "2024 prices, test index")
        let result = try explained(.ranking(ranking), shownAs: ranking.resultSet(), for: Fixture.egeskov, datasets: [repriced])
        #expect(result.items[0] == "Egeskov: net spending on its 2 functions, kr.")
        #expect(result.values[0] == 8_920_000)
        #expect(result.notes.contains { $0.hasPrefix("The functions' amounts are not listed: teaching R2020 is no longer loaded") })
    }
}

@Suite("Explanation of a gap")
struct ExplainGapTests {
    @Test func unevenQuotientsAndTheOneRounding() throws {
        let ranking = try uneven.rank(Fixture.area("V", ["5.38.50", "5.38.51"]))
        let gap = try ranking.gap(for: Fixture.ager, toPlace: 1)
        let result = try explained(.gap(gap, in: ranking), shownAs: gap.resultSet(ranking: ranking), datasets: [uneven])
        expectNumbered(result)
        #expect(result.items == [
            "Ager: 5.38.50", "Ager: 5.38.51",
            "Ager, place 2 of 3: net spending = 1 + 2",
            "Ager: inhabitants on 1 January 2020",
            "Ager: kr. per inhabitant = 3 ÷ 4",
            "Bæk: 5.38.50", "Bæk: 5.38.51",
            "place 1, Bæk: net spending = 6 + 7",
            "Bæk: inhabitants on 1 January 2020",
            "Bæk: kr. per inhabitant = 8 ÷ 9",
            "difference per inhabitant = 5 − 10",
            "before rounding = 11 × 4 = (3 × 9 − 8 × 4) ÷ 9",
            "mulighedsrum, kr. = 12 in whole kroner",
        ])
        // 1,234,567 ÷ 3000 = 411.5223… → 411.52; 800,001 ÷ 2000 = 400.0005 → 400.00 (half away
        // from zero at the third decimal 0.05 of a hundredth, which rounds down: 40000.05 → 40000).
        // Difference: (1,234,567 × 2000 − 800,001 × 3000) ÷ (3000 × 2000) = 69,131,000 ÷ 6,000,000
        // = 11.52183… → 11.52. Product: 69,131,000 ÷ 2000 = 34,565.50. Rounded half away from
        // zero: 34,566 — not (411.52 − 400.00) × 3000 = 34,560, which uses the rounded steps.
        #expect(result.values == [1_000_000, 234_567, 1_234_567, 3000, 411_52, 700_000, 100_001, 800_001, 2000, 400_00,
                                  11_52, 34_565_50, 34_566])
        #expect(result.values.last == gap.mulighedsrum)
        #expect(result.values[0]! + result.values[1]! == result.values[2])
        #expect(result.values[5]! + result.values[6]! == result.values[7])
        #expect(result.notes.contains { $0.hasSuffix("Step 13 is rounded once, to whole kroner (half away from zero). "
                                                       + "Every other step is exact.") })
        #expect(result.notes.contains { $0.hasPrefix("Steps 5, 10–12 are shown to 2 decimals") })
    }

    @Test func belowTheBenchmarkTheMulighedsrumIsZero() throws {
        let ranking = try uneven.rank(Fixture.area("V", ["5.38.50", "5.38.51"]))
        let gap = try ranking.gap(for: Fixture.baek, toPlace: 3)
        let result = try explained(.gap(gap, in: ranking), shownAs: gap.resultSet(ranking: ranking), datasets: [uneven])
        // Bæk 800,001 ÷ 2000 against Dal 2,000,000 ÷ 4000 = 500: (800,001 × 4000 − 2,000,000 × 2000)
        // = −799,996,000; ÷ (2000 × 4000) = −99.9995 → −100.00; ÷ 4000 = −199,999.00; not above: 0.
        #expect(result.values.suffix(3) == [-100_00, -199_999_00, 0])
        #expect(result.items.last == "mulighedsrum, kr. = 0, as 11 is not above 0")
        #expect(gap.mulighedsrum == 0)
        #expect(result.notes.contains("Bæk already spends at or below place 3: the mulighedsrum is 0."))
    }

    @Test func aTiedBenchmark() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        // Place 4 is Damsø, which shares place 3 with Bøgelund: 2,550,000 ÷ 1700 = 1500.
        // Egeskov: 8,920,000 ÷ 4460 = 2000; (8,920,000 × 1700 − 2,550,000 × 4460) ÷ 1700
        // = 8,920,000 − 6,690,000 = 2,230,000, exactly: no rounding moves it.
        let gap = try ranking.gap(for: Fixture.egeskov, toPlace: 4)
        let result = try explained(.gap(gap, in: ranking), shownAs: gap.resultSet(ranking: ranking))
        #expect(result.items[7] == "place 4, Damsø (shares place 3): net spending = 6 + 7")
        #expect(result.values.suffix(3) == [500_00, 2_230_000_00, 2_230_000])
        #expect(result.values.last == gap.mulighedsrum)
        // At an equal level (Damsø to place 3, Bøgelund, both 1500) the difference is 0 and so is the mulighedsrum.
        let equal = try ranking.gap(for: Fixture.damsoe, toPlace: 3)
        let level = try explained(.gap(equal, in: ranking), shownAs: equal.resultSet(ranking: ranking))
        #expect(level.values.suffix(3) == [0, 0, 0])
        #expect(level.items.last == "mulighedsrum, kr. = 0, as 11 is not above 0")
    }

    @Test func severalPlacesShareTheOwnSteps() throws {
        let ranking = try uneven.rank(Fixture.area("V", ["5.38.50", "5.38.51"]))
        let sensitivity = Sensitivity(ranking: ranking, municipality: Fixture.dal, benchmarks: [.place(1), .median, .place(9)])
        let result = try explained(.sensitivity(sensitivity), shownAs: sensitivity.resultSet(), datasets: [uneven])
        expectNumbered(result)
        #expect(result.items == [
            "Dal, place 3 of 3: net spending, kr.", "Dal: inhabitants on 1 January 2020", "Dal: kr. per inhabitant = 1 ÷ 2",
            "place 1, Bæk: net spending, kr.", "Bæk: inhabitants on 1 January 2020", "Bæk: kr. per inhabitant = 4 ÷ 5",
            "to place 1: difference per inhabitant = 3 − 6", "to place 1: before rounding = 7 × 2 = (1 × 5 − 4 × 2) ÷ 5",
            "to place 1: mulighedsrum, kr. = 8 in whole kroner",
            "the median, place 2, Ager: net spending, kr.", "Ager: inhabitants on 1 January 2020",
            "Ager: kr. per inhabitant = 10 ÷ 11",
            "to the median: difference per inhabitant = 3 − 12", "to the median: before rounding = 13 × 2 = (1 × 11 − 10 × 2) ÷ 11",
            "to the median: mulighedsrum, kr. = 14 in whole kroner",
            "to place 9: not computed",
        ])
        // To Bæk: (2,000,000 × 2000 − 800,001 × 4000) ÷ 2000 = 799,996,000 ÷ 2000 = 399,998.
        // To Ager: (2,000,000 × 3000 − 1,234,567 × 4000) ÷ 3000 = 1,061,732,000 ÷ 3000 = 353,910.666… → 353,911.
        let gaps = sensitivity.gaps.compactMap { try? $0.outcome.get() }
        #expect(result.values[8] == 399_998)
        #expect(result.values[14] == 353_911)
        #expect([result.values[8], result.values[14]] == gaps.map(\.mulighedsrum))
        #expect(result.values[15] == nil)
    }
}

@Suite("Explanation of an overview")
struct ExplainOverviewTests {
    @Test func theRowsAddUpToTheTotal() throws {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, to: .place(2),
                                                 areas: [Fixture.voksen, Fixture.skole, Fixture.aeldre])
        let result = try explained(.overview(overview), shownAs: overview.resultSet(dataset: Fixture.teaching))
        expectNumbered(result)
        // Voksen: (2000 − 1000, Aaby) × 4460 = 4,460,000; Skole: Egeskov is not ranked (no 3.22.05);
        // Ældre: (64,200,000 ÷ 1070 = 60,000 − 56,000,000 ÷ 1400 = 40,000, Bøgelund) × 1070 = 21,400,000.
        #expect(result.items == [
            "Voksen: (2.000,00 − 1.000,00) × 4.460",
            "Skole: not computed",
            "Ældre: (60.000,00 − 40.000,00) × 1.070",
            "total, kr. = 1 + 3 (2 of 3 areas)",
        ])
        #expect(result.values == [4_460_000, nil, 21_400_000, 25_860_000])
        #expect(result.values[0]! + result.values[2]! == result.values[3])
        #expect(result.values[3] == overview.total)
        #expect(result.notes.contains { $0.hasPrefix("Skole: Egeskov is not ranked here") })
    }

    @Test func severalBenchmarksEachWithItsTotal() throws {
        let overviews = OverviewSensitivity(Fixture.teaching, for: Fixture.aaby, to: [.place(1), .place(2)],
                                            areas: [Fixture.voksen, Fixture.aeldre])
        let result = try explained(.overviews(overviews), shownAs: overviews.resultSet(dataset: Fixture.teaching))
        // To place 1 (Fjordby): Voksen (1000 − 800) × 3380 = 676,000; Ældre (50,000 − 30,000) × 700
        // = 14,000,000. To place 2: Aaby is place 2 in Voksen (0); Ældre (50,000 − 40,000) × 700 = 7,000,000.
        #expect(result.items == [
            "to place 1, Voksen: (1.000,00 − 800,00) × 3.380", "to place 1, Ældre: (50.000,00 − 30.000,00) × 700",
            "to place 1, total, kr. = 1 + 2",
            "to place 2, Voksen: 0, as 1.000,00 ≤ 1.000,00", "to place 2, Ældre: (50.000,00 − 40.000,00) × 700",
            "to place 2, total, kr. = 4 + 5",
        ])
        #expect(result.values == [676_000, 14_000_000, 14_676_000, 0, 7_000_000, 7_000_000])
        #expect([result.values[2], result.values[5]] == overviews.overviews.map(\.total))
    }
}

@Suite("Explanation of a comparison")
struct ExplainCompareTests {
    @Test func membersLevelsIndexAndPlace() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let comparison = ranking.comparison(of: Fixture.egeskov, with: [Fixture.aaby], average: .weighted, in: Fixture.teaching)
        let result = try explained(.comparison(comparison), shownAs: comparison.resultSet())
        expectNumbered(result)
        #expect(result.items == [
            "Hele landet, Σ of 5: 25.702.000 ÷ 17.190",
            "Egeskov: 8.920.000 ÷ 4.460", "Egeskov: index = 2 ÷ 1 × 100", "Egeskov: place = 1 + 4 spending less, of 5",
            "Aaby: 3.380.000 ÷ 3.380", "Aaby: index = 5 ÷ 1 × 100", "Aaby: place = 1 + 1 spending less, of 5",
            "Region Region Opdigtet, Σ of 5: 25.702.000 ÷ 17.190", "Region Region Opdigtet: index = 8 ÷ 1 × 100",
            "Opdigtede kommuner, Σ of 5: 25.702.000 ÷ 17.190", "Opdigtede kommuner: index = 10 ÷ 1 × 100",
        ])
        // (The fixture's region is named "Region Opdigtet", so its level reads "Region Region Opdigtet".)
        // Country: 3,380,000 + 10,140,000 + 2,550,000 + 8,920,000 + 712,000 = 25,702,000 for
        // 3380 + 6760 + 1700 + 4460 + 890 = 17,190 inhabitants: 1495.1716… → 1495.17.
        // Egeskov's index: 2000 ÷ (25,702,000 ÷ 17,190) × 100 = 3,438,000,000 ÷ 25,702,000 = 133.7639… → 133.76;
        // Aaby's: 1000 × 17,190 × 100 ÷ 25,702,000 = 66.8819… → 66.88.
        #expect(result.values == [1495_17, 2000_00, 133_76, 5, 1000_00, 66_88, 2, 1495_17, 100_00, 1495_17, 100_00])
        #expect(result.notes.contains { $0.hasPrefix("Hele landet is the sum of the 5 ranked municipalities") })
    }

    @Test func everyAreaWithAnAreaThatCannotBeComputed() throws {
        let rows = Fixture.teaching.comparisons(of: Fixture.aaby, with: [], average: .weighted,
                                                areas: [Fixture.aeldre, Fixture.area("Tom", ["9.99.*"])])
        let comparisons = AreaComparisons(municipality: Fixture.aaby, peers: [], average: .weighted, rows: rows)
        let result = try explained(.areaComparisons(comparisons), shownAs: comparisons.resultSet(dataset: Fixture.teaching))
        // Ældre: 183,700,000 ÷ 3880 65+-year-olds in the country = 47,345.36…; Aaby 35,000,000 ÷ 700 = 50,000,
        // index 50,000 × 3880 × 100 ÷ 183,700,000 = 105.6069… → 105.61; place 1 + 2 (Fjordby, Bøgelund).
        #expect(result.items == [
            "Ældre: Hele landet, Σ of 5: 183.700.000 ÷ 3.880", "Ældre: Aaby: 35.000.000 ÷ 700",
            "Ældre: Aaby: index = 2 ÷ 1 × 100", "Ældre: Aaby: place = 1 + 2 spending less, of 5 (shared)",
            "Ældre: Region Region Opdigtet, Σ of 5: 183.700.000 ÷ 3.880", "Ældre: Opdigtede kommuner, Σ of 5: 183.700.000 ÷ 3.880",
            "Tom: not computed",
        ])
        #expect(result.values == [47_345_36, 50_000_00, 105_61, 3, 47_345_36, 47_345_36, nil])
    }
}

@Suite("Explanation of a trend")
struct ExplainTrendTests {
    typealias F = TrendFixture

    func trend(for municipalities: [Municipality]) throws -> Trend {
        try Trend.compute(F.botilbud, per: nil, over: [F.fixed2023, F.fixed2024], for: municipalities,
                          prices: F.prices2024, crosswalk: nil)
    }

    @Test func fixedPricesAndTheChange() throws {
        let trend = try trend(for: F.three)
        let result = try explained(.trend(trend), shownAs: trend.resultSet(), datasets: [F.fixed2023, F.fixed2024])
        expectNumbered(result)
        #expect(result.title.hasSuffix(", for Aaby"))
        #expect(result.items == [
            "2023: net spending in current prices, kr.", "2023: in 2024 prices, kr. = 1 × 1,1",
            "2023: inhabitants on 1 January", "2023: kr. per inhabitant = 2 ÷ 3", "2023: place in that year's ranking, of 3",
            "2024: net spending in current prices, kr.", "2024: in 2024 prices, kr. = 6 × 1,0",
            "2024: inhabitants on 1 January", "2024: kr. per inhabitant = 7 ÷ 8",
            "2024: change, kr. = 9 − 4", "2024: change, % = 10 ÷ 4 × 100", "2024: place in that year's ranking, of 3",
        ])
        // 2023: 1,000,001 × 1.1 = 1,100,001.1 → 1,100,001; ÷ 1000 = 1100.001 → 1100.00. 2024: 1,200,000
        // × 1.0; ÷ 1000 = 1200.00. Change: (1,200,000 × 1000 − 1,100,001 × 1000) ÷ (1000 × 1000)
        // = 99.999 → 100.00; % = 99,999,000 × 100 ÷ (1000 × 1,100,001) = 9.0908… → 9.09.
        #expect(result.values == [1_000_001, 1_100_001, 1000, 1100_00, 2, 1_200_000, 1_200_000, 1000, 1200_00,
                                  100_00, 9_09, 2])
        #expect(result.cells("dataset").first == .text("teaching R2023"))
        #expect(result.notes.contains { $0.contains("Steps 2, 7 are rounded once, to whole kroner (half away from zero).") })
    }

    @Test func theCountryWhenTheTrendFollowsNoMunicipality() throws {
        let trend = try trend(for: [])
        let result = try explained(.trend(trend), shownAs: trend.resultSet(), datasets: [F.fixed2023, F.fixed2024])
        // 2023: DST's own 3,400,100 × 1.1 = 3,740,110 for 3510 = 1065.558… → 1065.56; 2024: the sum
        // of the three, 4,300,000 for 3500 = 1228.57. Change: (4,300,000 × 3510 − 3,740,110 × 3500)
        // ÷ (3500 × 3510) = 163.01; % = 570,615,000 × 100 ÷ (3500 × 3,740,110) = 15.30.
        #expect(result.values == [3_400_100, 3_740_110, 3510, 1065_56, 4_300_000, 4_300_000, 3500, 1228_57, 163_01, 15_30])
        #expect(result.notes.contains("The trend follows no municipality: this is Hele landet."))
    }

    @Test func withoutItsCurrentPricesTheFixedOnesStandAlone() throws {
        let trend = try trend(for: [Fixture.damsoe])
        let result = try explained(.trend(trend), shownAs: trend.resultSet(), datasets: [])
        #expect(result.items.first == "2023: net spending in 2024 prices, kr.")
        #expect(result.values.first == 660_000)  // 600,000 × 1.1
        #expect(result.notes.contains { $0.hasPrefix("The current-price amounts are not shown") })
    }

    @Test func forChoosesAMunicipalityOfTheTrend() throws {
        let trend = try trend(for: F.three)
        let result = try explained(.trend(trend), shownAs: trend.resultSet(), for: Fixture.boegelund,
                                   datasets: [F.fixed2023, F.fixed2024])
        #expect(result.title.hasSuffix(", for Bøgelund"))
        #expect(result.values.first == 1_800_000)
        let one = try self.trend(for: [Fixture.aaby])
        #expect(throws: ExplainError.notFollowed(municipality: "Damsø", followed: ["Aaby"])) {
            try explained(.trend(one), shownAs: one.resultSet(), for: Fixture.damsoe, datasets: [F.fixed2023, F.fixed2024])
        }
        #expect(ExplainError.notFollowed(municipality: "Damsø", followed: []).description
            == "Damsø is not in this trend (it follows only Hele landet)")
    }
}

@Suite("Explanation: what can be chosen")
struct ExplainChoiceTests {
    @Test func aGapHasNoChoiceOfMunicipality() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let gap = try ranking.gap(for: Fixture.egeskov, toPlace: 2)
        #expect(throws: ExplainError.noChoice(result: "gap", municipality: "Egeskov")) {
            try explained(.gap(gap, in: ranking), shownAs: gap.resultSet(ranking: ranking), for: Fixture.aaby)
        }
        #expect(ExplainError.noChoice(result: "gap", municipality: "Egeskov").description
            == "this gap is Egeskov's: explain it without for (for chooses a municipality of a ranking or a trend)")
        guard case .success(let choices) = Explanation.choices(in: .ranking(ranking)) else {
            Issue.record("a ranking has choices")
            return
        }
        #expect(Set(choices) == Set(Fixture.teaching.municipalities))
    }
}
