import RdrReport
import Testing
import RdrEngine

private typealias F = TrendFixture

/// The rows of one municipality (or "Hele landet"), in year order.
private func rows(_ result: ResultSet, _ name: String) -> [[ResultSet.Value]] {
    let column = result.columns.firstIndex { $0.key == "municipality" }!
    return result.rows.filter { $0[column] == .text(name) }
}

/// The value in column `key` of `row`.
private func value(_ result: ResultSet, _ row: [ResultSet.Value], _ key: String) -> ResultSet.Value? {
    result.columns.firstIndex { $0.key == key }.map { row[$0] }
}

/// Column `key` of the rows of `name`, in year order; empty for a key the result lacks.
private func values(_ result: ResultSet, _ name: String, _ key: String) -> [ResultSet.Value] {
    guard let column = result.columns.firstIndex(where: { $0.key == key }) else { return [] }
    return rows(result, name).map { $0[column] }
}

private func makeTrend(_ area: AreaDefinition, _ datasets: [Dataset], _ municipalities: [Municipality] = F.three,
                   prices: FixedPrices? = nil, crosswalk: Crosswalk? = nil) throws -> Trend {
    try Trend.compute(area, per: nil, over: datasets, for: municipalities, prices: prices, crosswalk: crosswalk)
}

@Suite("Trend: fixed prices, change, places, the country")
struct TrendFixedPriceTests {
    let result: ResultSet
    let trend: Trend

    init() throws {
        trend = try TrendFixedPriceTests.make()
        result = trend.resultSet()
    }

    static func make() throws -> Trend {
        try Trend.compute(F.botilbud, per: nil, over: [F.fixed2023, F.fixed2024], for: F.three,
                          prices: F.prices2024, crosswalk: nil)
    }

    @Test func columnsInTheOrderProgramsRead() {
        #expect(result.columns.map(\.key) == [
            "dataset", "area", "per", "price_basis", "year", "municipality", "kr_per_person", "change_kr",
            "change_pct", "place", "ranked", "spending_kr", "persons", "break",
        ])
        #expect(result.columns.map(\.programsOnly) == [true, true, true, true] + Array(repeating: false, count: 10))
        #expect(result.columns[6].kind == .amount(shown: 0, exported: 2))
        #expect(result.columns[8].kind == .amount(shown: 1, exported: 2))
        #expect(result.columns[6].title == "kr. per inhabitant")
        #expect(result.columns[11].title == "net spending, kr. (2024 prices)")
        for row in result.rows { #expect(row.count == result.columns.count) }
    }

    @Test func title() {
        #expect(result.title == "Botilbud: kr. per inhabitant, teaching R2023–R2024, in 2024 prices (invented index (tests))")
    }

    @Test func oneRowPerMunicipalityPerYearInTheOrderAskedThenTheCountry() {
        let names = result.rows.map { value(result, $0, "municipality") }
        let expected: [String] = ["Aaby", "Aaby", "Bøgelund", "Bøgelund", "Damsø", "Damsø", "Hele landet", "Hele landet"]
        #expect(names == expected.map { ResultSet.Value.text($0) })
        #expect(values(result, "Aaby", "year") == [.year(2023), .year(2024)])
        #expect(values(result, "Aaby", "dataset") == [.text("teaching R2023"), .text("teaching R2024")])
        #expect(values(result, "Aaby", "price_basis")
            == Array(repeating: .text("2024 prices, invented index (tests)"), count: 2))
        #expect(values(result, "Aaby", "area") == [.text("Botilbud"), .text("Botilbud")])
        #expect(values(result, "Aaby", "per") == [.text("all"), .text("all")])
    }

    @Test func spendingIsRepricedAndRoundedOnceThenDividedByThePersons() {
        // 1,000,001 × 1.1 = 1,100,001.1 → 1,100,001 kr.; ÷ 1000 = 1,100.001 kr. per inhabitant.
        #expect(values(result, "Aaby", "spending_kr") == [.integer(1_100_001), .integer(1_200_000)])
        #expect(values(result, "Aaby", "kr_per_person") == [.amount(1_100_001.0 / 1000), .amount(1200)])
        #expect(values(result, "Bøgelund", "spending_kr") == [.integer(1_980_000), .integer(2_600_000)])
        #expect(values(result, "Damsø", "kr_per_person") == [.amount(1320), .amount(1000)])
        #expect(values(result, "Aaby", "persons") == [.integer(1000), .integer(1000)])
    }

    @Test func changeInKronerAndPercentAgainstTheYearBefore() {
        // 1,200 − 1,100.001 = 99.999 kr.; 99.999 ÷ 1,100.001 = 9.09 %.
        let kr = 1200.0 - 1_100_001.0 / 1000
        #expect(values(result, "Aaby", "change_kr") == [.empty, .amount(kr)])
        #expect(values(result, "Aaby", "change_pct") == [.empty, .amount(kr / (1_100_001.0 / 1000) * 100)])
        #expect(abs(kr - 99.999) < 1e-9)
        // Damsø: 1,000 − 1,320 = −320 kr., −24.24 %.
        #expect(values(result, "Damsø", "change_kr") == [.empty, .amount(-320)])
        #expect(values(result, "Damsø", "change_pct") == [.empty, .amount(-320.0 / 1320 * 100)])
    }

    @Test func placeAndRankedPerYear() {
        #expect(values(result, "Aaby", "place") == [.place(2, tied: false), .place(2, tied: false)])
        #expect(values(result, "Bøgelund", "place") == [.place(1, tied: false), .place(3, tied: false)])
        #expect(values(result, "Damsø", "place") == [.place(3, tied: false), .place(1, tied: false)])
        #expect(values(result, "Damsø", "ranked") == [.integer(3), .integer(3)])
    }

    @Test func theCountryIsDSTsFigureWhereTheDatasetHasItElseTheSum() throws {
        // 2023: DST's 3,400,100 kr. × 1.1 = 3,740,110 for 3,510; 2024: the sum, 4,300,000 for 3,500.
        #expect(values(result, "Hele landet", "spending_kr") == [.integer(3_740_110), .integer(4_300_000)])
        #expect(values(result, "Hele landet", "persons") == [.integer(3510), .integer(3500)])
        #expect(values(result, "Hele landet", "kr_per_person") == [.amount(3_740_110.0 / 3510), .amount(4_300_000.0 / 3500)])
        #expect(values(result, "Hele landet", "change_kr") == [.empty, .amount(4_300_000.0 / 3500 - 3_740_110.0 / 3510)])
        #expect(values(result, "Hele landet", "place") == [.empty, .empty])
        #expect(result.notes.contains(
            "Hele landet: Statistics Denmark's own figure (OMRÅDE 0) in 2023; the sum of the ranked municipalities in 2024."),
            "\(result.notes)")
        let sources = trend.years.map { $0.computed?.countrySource }
        #expect(sources == [.published, .municipalities])
    }

    @Test func theFactorsAreNoted() {
        #expect(result.notes.first?.hasPrefix(
            "Price factors to 2024 prices (invented index (tests)): 2023 → 2024: × 1.1000; 2024 → 2024: × 1.0000. ") == true,
            "\(result.notes)")
    }

    @Test func provenanceCombinesTheYears() {
        let provenance = result.provenance
        #expect(provenance?.dataset == "teaching R2023–R2024")
        #expect(provenance?.priceBasis == "2024 prices, invented index (tests)")
        #expect(provenance?.source == "hand-made test data")
        #expect(provenance?.invented == true)
        #expect(provenance?.definition == "Botilbud, functions per year: 2023–2024 5.38.50; "
            + "net operating expenditure (dranst 1, art ≠ 0); per inhabitant on 1 January of each year")
        // Each year keeps its own.
        #expect(trend.years.map(\.provenance.dataset) == ["teaching R2023", "teaching R2024"])
        #expect(trend.years.map(\.provenance.priceBasis) == ["2024 prices, invented index (tests)", "2024 prices, invented index (tests)"])
        #expect(trend.years[0].provenance.definition.contains("1 January 2023"))
        #expect(trend.years.map(\.factor) == [PriceFactor(1.1), PriceFactor(1.0)])
    }

    @Test func inCurrentPrices() throws {
        let result = try makeTrend(F.botilbud, [F.fixed2023, F.fixed2024]).resultSet()
        #expect(result.title == "Botilbud: kr. per inhabitant, teaching R2023–R2024, current prices")
        #expect(values(result, "Aaby", "spending_kr") == [.integer(1_000_001), .integer(1_200_000)])
        #expect(values(result, "Aaby", "price_basis") == [.text("current prices (løbende priser)"),
                                                         .text("current prices (løbende priser)")])
        #expect(result.provenance?.priceBasis == "current prices (løbende priser)")
        #expect(!result.notes.contains { $0.hasPrefix("Price factors") })
    }

    @Test func halfAKroneIsRoundedAwayFromZero() throws {
        // 1,000,003 × 1.5 = 1,500,004.5 → 1,500,005; −1,000,003 × 1.5 → −1,500,005 (not to the even 1,500,004).
        let dataset = F.year(2023, spending: ["5.38.50": [1_000_003, -1_000_003, 0]], totals: [1000, 1000, 1000])
        let prices = FixedPrices(year: 2024, label: "invented", factors: [2023: PriceFactor(1.5)!])
        let result = try makeTrend(F.botilbud, [dataset], prices: prices).resultSet()
        #expect(values(result, "Aaby", "spending_kr") == [.integer(1_500_005)])
        #expect(values(result, "Bøgelund", "spending_kr") == [.integer(-1_500_005)])
        // The country: the sum, 1,000,003 − 1,000,003 + 0 = 0 kr.
        #expect(values(result, "Hele landet", "spending_kr") == [.integer(0)])
    }

    @Test func aYearTheFactorsLackIsAnError() {
        let prices = FixedPrices(year: 2024, label: "invented", factors: [2024: PriceFactor(1.0)!])
        let error = engineError { try makeTrend(F.botilbud, [F.fixed2023, F.fixed2024], prices: prices) }
        #expect(error == .priceFactorMissing(year: 2023, priceBasis: "2024 prices, invented", covered: [2024]))
        #expect(error?.description == "the fixed prices (2024 prices, invented) have no factor for 2023; they have factors for 2024")
        #expect(engineError { try makeTrend(F.botilbud, []) } == .trendWithoutYears(area: "Botilbud"))
    }
}

@Suite("Trend: breaks and crosswalks")
struct TrendBreakTests {
    static let omsorg = Fixture.area("Omsorg", ["5.32.*"])
    static let hjemmepleje = Fixture.area("Hjemmepleje", ["5.32.32"])
    static let pleje = Fixture.area("Pleje", ["5.32.32", "5.30.27"])

    @Test func aFunctionThatLeavesTheChartIsABreak() throws {
        // 5.32.* sums 5.32.30 + 5.32.32 in 2019 and only 5.32.30 from 2020.
        let trend = try makeTrend(Self.omsorg, F.changingChart)
        #expect(trend.breaks == [Trend.Break(index: 1, came: [], went: [Fixture.code("5.32.32")])])
        let result = trend.resultSet()
        #expect(values(result, "Aaby", "break") == [.flag(false), .flag(true), .flag(false)])
        #expect(values(result, "Hele landet", "break") == [.flag(false), .flag(true), .flag(false)])
        // Aaby: 600,000 ÷ 1000 = 600, then 110, 120; Bøgelund ties with Aaby at 600 in 2019.
        #expect(values(result, "Aaby", "kr_per_person") == [.amount(600), .amount(110), .amount(120)])
        #expect(values(result, "Aaby", "place") == [.place(1, tied: true), .place(2, tied: false), .place(2, tied: false)])
        #expect(values(result, "Aaby", "change_kr") == [.empty, .amount(-490), .amount(10)])
        let fall = -490.0 / 600 * 100, rise = 10.0 / 110 * 100  // −81.7 %, +9.1 %
        #expect(values(result, "Aaby", "change_pct") == [.empty, .amount(fall), .amount(rise)])
        #expect(result.notes.contains(
            "Break in 2020: the functions summed changed (5.32.32 went); a change across it compares different sets of functions."),
            "\(result.notes)")
        #expect(result.provenance?.definition.hasPrefix(
            "Omsorg, functions per year: 2019 5.32.30, 5.32.32; 2020–2021 5.32.30; ") == true,
            "\(String(describing: result.provenance?.definition))")
    }

    @Test func aFunctionThatJoinsTheChartIsABreakToo() throws {
        let datasets = [
            F.year(2019, spending: ["5.32.30": [100, 100, 100]], totals: [10, 10, 10]),
            F.year(2020, spending: ["5.32.30": [100, 100, 100], "5.32.31": [50, 50, 50]], totals: [10, 10, 10]),
        ]
        let trend = try makeTrend(Self.omsorg, datasets)
        #expect(trend.breaks == [Trend.Break(index: 1, came: [Fixture.code("5.32.31")], went: [])])
        #expect(trend.resultSet().notes.contains(
            "Break in 2020: the functions summed changed (5.32.31 came); a change across it compares different sets of functions."))
    }

    @Test func theSameSeriesBridgedHasNoBreak() throws {
        // From 2020, 5.32.32 is summed as 5.30.27 + 5.38.42: Aaby 110,000 + 2,300,000 + 260,000 = 2,670,000.
        let trend = try makeTrend(Self.omsorg, F.changingChart, crosswalk: F.split)
        #expect(trend.breaks.isEmpty)
        let codes = ["5.30.27", "5.32.30", "5.38.42"].map(Fixture.code)
        #expect(trend.years.map { $0.computed?.functions } == [["5.32.30", "5.32.32"].map(Fixture.code), codes, codes])
        #expect(trend.years[1].computed?.bridges
            == [Trend.Bridge(old: Fixture.code("5.32.32"), new: ["5.30.27", "5.38.42"].map(Fixture.code), from: 2020)])
        #expect(trend.years[0].computed?.bridges == [])
        let result = trend.resultSet()
        #expect(values(result, "Aaby", "break") == [.flag(false), .flag(false), .flag(false)])
        #expect(values(result, "Aaby", "spending_kr") == [.integer(600_000), .integer(2_670_000), .integer(2_790_000)])
        #expect(values(result, "Aaby", "change_kr") == [.empty, .amount(2070), .amount(120)])
        // Bøgelund 4,300,000 ÷ 2000 = 2,150 (1); Aaby 2,670 (2); Damsø 1,375,000 ÷ 500 = 2,750 (3).
        #expect(values(result, "Aaby", "place")[1] == .place(2, tied: false))
        #expect(values(result, "Bøgelund", "kr_per_person")[1] == .amount(2150))
        #expect(values(result, "Hele landet", "spending_kr")
            == [.integer(2_140_000), .integer(8_345_000), .integer(8_670_000)])
        #expect(result.notes.contains("5.32.32 bridged as 5.30.27 + 5.38.42 from 2020 (crosswalk kontoplan.csv), in 2020–2021."),
                "\(result.notes)")
        #expect(!result.notes.contains { $0.hasPrefix("Break") })
        #expect(result.provenance?.definition.hasPrefix("Omsorg, functions per year: 2019 5.32.30, 5.32.32; "
            + "2020–2021 5.30.27, 5.32.30, 5.38.42 (5.32.32 bridged); ") == true)
    }

    @Test func aMissingFunctionWithoutACrosswalkIsAYearWithoutFiguresNotDropped() throws {
        let trend = try makeTrend(Self.hjemmepleje, F.changingChart)
        let missing = EngineError.functionsMissing(area: "Hjemmepleje", missing: [Fixture.code("5.32.32")],
                                                   dataset: "teaching R2020", hint: nil)
        #expect(trend.years[1].outcome.error == missing)
        let result = trend.resultSet()
        #expect(result.rows.count == 4 * 3)
        let reason = ResultSet.Value.unavailable(missing.description)
        let aaby = rows(result, "Aaby")
        #expect(aaby[1].suffix(8) == [reason, .empty, .empty, reason, reason, reason, reason, .empty])
        #expect(value(result, aaby[0], "kr_per_person") == .amount(500))
        #expect(value(result, aaby[2], "change_kr") == .empty, "no change after a year without figures")
        #expect(result.notes.contains("2020: not available: \(missing)."), "\(result.notes)")
        #expect(trend.breaks.isEmpty, "no year with figures sums other functions")
    }

    @Test func theCrosswalkBridgesAnExplicitFunction() throws {
        // 5.32.32 alone: Aaby 500,000 in 2019, then 2,300,000 + 260,000 = 2,560,000 and 2,670,000.
        let result = try makeTrend(Self.hjemmepleje, F.changingChart, crosswalk: F.split).resultSet()
        #expect(values(result, "Aaby", "spending_kr") == [.integer(500_000), .integer(2_560_000), .integer(2_670_000)])
        #expect(values(result, "Aaby", "break") == [.flag(false), .flag(false), .flag(false)])
    }

    @Test func aNewFunctionAlreadyInTheAreaIsSummedOnce() throws {
        // Pleje = 5.32.32 + 5.30.27. From 2020 5.30.27 holds 5.32.32's tasks as well as its own:
        // 2,300,000 + 260,000 = 2,560,000, not 2 × 2,300,000 + 260,000.
        let trend = try makeTrend(Self.pleje, F.changingChart, crosswalk: F.split)
        #expect(trend.years[1].computed?.functions == ["5.30.27", "5.38.42"].map(Fixture.code))
        #expect(trend.years[1].computed?.comparable == ["5.30.27", "5.32.32"].map(Fixture.code))
        #expect(trend.breaks.isEmpty)
        let result = trend.resultSet()
        #expect(values(result, "Aaby", "spending_kr") == [.integer(2_500_000), .integer(2_560_000), .integer(2_670_000)])
        #expect(result.notes.contains("5.32.32 bridged as 5.30.27 + 5.38.42 from 2020 (crosswalk kontoplan.csv), in 2020–2021; "
            + "5.30.27 is also in the area on its own and summed once."), "\(result.notes)")
    }

    @Test func aCrosswalkFromALaterYearDoesNotBridgeEarlier() throws {
        let late = Crosswalk(links: [.init(old: Fixture.code("5.32.32"), new: [Fixture.code("5.38.42")], from: 2021)],
                             name: "late.csv")
        let trend = try makeTrend(Self.hjemmepleje, F.changingChart, crosswalk: late)
        #expect(trend.years[1].computed == nil)
        #expect(trend.years[2].computed?.functions == [Fixture.code("5.38.42")])
    }

    @Test func aBridgeThatCannotBeSummedIsAYearWithoutFigures() throws {
        // The crosswalk names 5.38.99, which no year's chart holds.
        let wrong = Crosswalk(links: [.init(old: Fixture.code("5.32.32"), new: [Fixture.code("5.38.99")], from: 2020)],
                              name: "wrong.csv")
        let trend = try makeTrend(Self.hjemmepleje, F.changingChart, crosswalk: wrong)
        #expect(trend.years[1].outcome.error == .functionsMissing(
            area: "Hjemmepleje", missing: [Fixture.code("5.38.99")], dataset: "teaching R2020", hint: nil))
    }
}

@Suite("Trend: municipalities not ranked, gaps")
struct TrendGapTests {
    @Test func aYearTheMunicipalityIsNotRankedIsARowThatSaysWhy() throws {
        let datasets = [
            F.year(2022, spending: ["5.38.50": [1_000_000, 2_000_000, 500_000]], totals: [1000, 2000, 500]),
            F.year(2023, spending: ["5.38.50": [1_100_000, nil, 550_000]], totals: [1000, 2000, 500]),
            F.year(2024, spending: ["5.38.50": [1_200_000, 2_400_000, 600_000]], totals: [1000, 2000, 500]),
        ]
        let trend = try makeTrend(F.botilbud, datasets)
        let result = trend.resultSet()
        let reason = ResultSet.Value.unavailable("Bøgelund is not ranked here: no figure for 5.38.50")
        let boegelund = rows(result, "Bøgelund")
        #expect(boegelund[1].suffix(8) == [reason, .empty, .empty, reason, .integer(2), reason, reason, .flag(false)])
        #expect(value(result, boegelund[2], "change_kr") == .empty, "no change after a year without a figure")
        #expect(value(result, boegelund[2], "kr_per_person") == .amount(1200))
        #expect(result.notes.contains("2023: Bøgelund is not ranked: no figure for 5.38.50."), "\(result.notes)")
        // The others are ranked out of 2 that year, and the country is the sum of those two.
        #expect(values(result, "Aaby", "ranked") == [.integer(3), .integer(2), .integer(3)])
        #expect(values(result, "Hele landet", "spending_kr")
            == [.integer(3_500_000), .integer(1_650_000), .integer(4_200_000)])
    }

    @Test func aMunicipalityInNoDatasetIsRowsThatSayWhy() throws {
        let result = try makeTrend(F.botilbud, [F.fixed2023], [Fixture.stranger]).resultSet()
        #expect(values(result, "Udlandsby", "place") == [.unavailable("Udlandsby is not ranked here: not in this dataset")])
        #expect(rows(result, "Hele landet").count == 1)
    }

    @Test func aYearMissingFromTheSeriesHasNoChange() throws {
        // 2019 and 2021 only: 2021 is not compared with 2019.
        let trend = try makeTrend(TrendBreakTests.omsorg, [F.chart2019, F.chart2021])
        let result = trend.resultSet()
        #expect(values(result, "Aaby", "change_kr") == [.empty, .empty])
        #expect(result.title.contains("teaching R2019, R2021"), "\(result.title)")
        #expect(trend.breaks.count == 1, "the break is still against the year before with figures")
    }

    @Test func aPercentChangeFromZeroKronerIsUnavailable() throws {
        let datasets = [
            F.year(2023, spending: ["5.38.50": [0, 1000, 1000]], totals: [10, 10, 10]),
            F.year(2024, spending: ["5.38.50": [500, 1000, 1000]], totals: [10, 10, 10]),
        ]
        let result = try makeTrend(F.botilbud, datasets).resultSet()
        #expect(values(result, "Aaby", "change_kr") == [.empty, .amount(50)])
        #expect(values(result, "Aaby", "change_pct") == [.empty, .unavailable("no % change from 0 kr.")])
    }

    @Test func aRiseFromANegativeLevelIsAPositivePercent() throws {
        let datasets = [
            F.year(2023, spending: ["5.38.50": [-1000, 1000, 1000]], totals: [10, 10, 10]),
            F.year(2024, spending: ["5.38.50": [-500, 1000, 1000]], totals: [10, 10, 10]),
        ]
        let result = try makeTrend(F.botilbud, datasets).resultSet()
        // −100 → −50 kr. per inhabitant: +50 kr., +50 % of the size of −100.
        #expect(values(result, "Aaby", "change_pct") == [.empty, .amount(50)])
    }

    @Test func anotherSegmentThanTheAreasOwn() throws {
        // The fixtures have totals only: per 65+ cannot be computed in any year.
        let trend = try Trend.compute(F.botilbud, per: .ages(lower: 65, upper: nil), over: [F.fixed2023],
                                      for: F.three, prices: nil, crosswalk: nil)
        #expect(trend.segment == .ages(lower: 65, upper: nil))
        #expect(trend.years[0].outcome.error
            == .segmentNeedsAges(segment: .ages(lower: 65, upper: nil), dataset: "teaching R2023", hint: nil))
        #expect(trend.resultSet().title.hasPrefix("Botilbud: kr. per 65+-year-old, teaching R2023, current prices"))
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
