import RdrReport
import Testing
@testable import RdrEngine

/// Comparisons and levels on a hand-made, invented dataset of four municipalities in two regions
/// and two groups, one function (1.00.01), population totals:
///
/// | kommune | region | group | spending  | persons | kr. per person | place |
/// |---------|--------|-------|-----------|---------|----------------|-------|
/// | Aby     | Vest   | Land  | 1,000,000 | 1,000   | 1,000          | 2     |
/// | Bæk     | Vest   | By    | 3,000,000 | 2,000   | 1,500          | 3     |
/// | Cirkby  | Øst    | Land  | 500,000   | 250     | 2,000          | 4     |
/// | Dal     | Øst    | By    | 2,400,000 | 4,000   | 600            | 1     |
///
/// Σ spending 6,900,000, Σ persons 7,250. DST's own country figure, where given: 7,000,000 kr. for
/// 7,300 inhabitants (it differs from the sum, as Hele landet does in the real data).
@Suite struct CompareTests {
    static let aby = Municipality(code: 1, name: "Aby", region: "Vest", group: "Land")
    static let baek = Municipality(code: 2, name: "Bæk", region: "Vest", group: "By")
    static let cirkby = Municipality(code: 3, name: "Cirkby", region: "Øst", group: "Land")
    static let dal = Municipality(code: 4, name: "Dal", region: "Øst", group: "By")
    static let area = AreaDefinition(key: "Et", include: [FunctionPattern("1.00.01")!], segment: .all)
    static let missing = AreaDefinition(key: "To", include: [FunctionPattern("1.00.02")!], segment: .all)

    static func dataset(country: CountryFigures? = nil) -> Dataset {
        Dataset(
            id: DatasetID(kind: .accounts, year: 2020), collection: "teaching",
            municipalities: [aby, baek, cirkby, dal], functionLabels: [FunctionCode("1.00.01")!: "Et"],
            chartIsComplete: true, spending: [FunctionCode("1.00.01")!: [1_000_000, 3_000_000, 500_000, 2_400_000]],
            population: Population(totals: [1000, 2000, 250, 4000], byAge: nil), basis: .operating,
            provenance: Provenance(dataset: "teaching R2020", source: "hand-made test data", priceBasis: "current prices",
                                   retrieved: "written by hand", definition: "", invented: true),
            country: country)
    }

    static let published = CountryFigures(spending: [FunctionCode("1.00.01")!: 7_000_000],
                                          population: Population(totals: [7300], byAge: nil))

    @Test func theCountryIsTheSumOfTheMunicipalitiesWhenTheDataHasNoFigureOfItsOwn() throws {
        let ranking = try Self.dataset().rank(Self.area)
        let country = ranking.country(in: Self.dataset())
        #expect(country.source == .municipalities)
        #expect(country.spending == 6_900_000 && country.persons == 7_250 && country.members == 4)
        #expect(country.perPerson == 6_900_000.0 / 7_250.0)
    }

    @Test func theCountryIsStatisticsDenmarksOwnFigureWhereTheDataHasIt() throws {
        let dataset = Self.dataset(country: Self.published)
        let country = try dataset.rank(Self.area).country(in: dataset)
        #expect(country.source == .published)
        #expect(country.spending == 7_000_000 && country.persons == 7_300 && country.members == 0)
    }

    @Test func aCountryFigureLackingTheSegmentsAgesFallsBackToTheSum() throws {
        let dataset = Self.dataset(country: Self.published)
        // The country has totals only; a segment by age cannot use its own figure.
        let byAge = Dataset(
            id: dataset.id, collection: dataset.collection, municipalities: dataset.municipalities,
            functionLabels: dataset.functionLabels, chartIsComplete: true, spending: dataset.spending,
            population: Population(totals: [1000, 2000, 250, 4000], byAge: [[1000], [2000], [250], [4000]]),
            basis: .operating, provenance: dataset.provenance, country: Self.published)
        let ranking = try byAge.rank(Self.area, per: .ages(lower: 0, upper: nil))
        #expect(ranking.country(in: byAge).source == .municipalities)
    }

    @Test func regionAndGroupAveragesAreWeightedByDefaultAndMeanOrMedianOnRequest() throws {
        let ranking = try Self.dataset().rank(Self.area)
        let vest = try #require(ranking.reference(.region("Vest"), .weighted))
        #expect(vest.spending == 4_000_000 && vest.persons == 3_000 && vest.members == 2)
        #expect(vest.perPerson == 4_000_000.0 / 3_000.0)
        #expect(ranking.reference(.region("Vest"), .mean)?.perPerson == 1_250)  // (1000 + 1500) / 2
        #expect(ranking.reference(.region("Vest"), .median)?.perPerson == 1_500)  // Bæk, the upper middle
        #expect(ranking.reference(.region("Øst"), .median)?.perPerson == 2_000)  // of Dal 600, Cirkby 2000
        let land = try #require(ranking.reference(.group("Land"), .weighted))
        #expect(land.spending == 1_500_000 && land.persons == 1_250)  // Aby and Cirkby: 1,200 per person
        #expect(ranking.reference(.group("Nowhere"), .weighted) == nil)
    }

    @Test func aComparisonHasTheMunicipalityItsPeersAndTheLevelsWithAnIndex() throws {
        let dataset = Self.dataset(country: Self.published)
        let comparison = try dataset.rank(Self.area).comparison(of: Self.aby, with: [Self.cirkby, Self.aby],
                                                                average: .weighted, in: dataset)
        #expect(comparison.members.map(\.municipality) == [Self.aby, Self.cirkby])  // itself is not its own peer
        #expect(comparison.references.map(\.scope) == [.country, .region("Vest"), .group("Land")])
        // 1,000 ÷ (7,000,000 ÷ 7,300) × 100 = 104.2857…
        let index = try #require(comparison.index(1_000))
        #expect(abs(index - 1_000 * 7_300 / 7_000_000 * 100) < 1e-9)
        let result = comparison.resultSet()
        #expect(result.rows.count == 5)
        #expect(result.rows[4][result.columns.firstIndex { $0.key == "name" }!] == .text("Land"))
        #expect(result.notes.contains { $0.contains("OMRÅDE 0") })
    }

    @Test func anAreaThatCannotBeComputedKeepsItsRowWithTheReason() throws {
        let dataset = Self.dataset()
        let rows = dataset.comparisons(of: Self.aby, with: [Self.baek], average: .weighted, areas: [Self.area, Self.missing])
        let all = AreaComparisons(municipality: Self.aby, peers: [Self.baek], average: .weighted, rows: rows)
        #expect(all.computedCount == 1)
        let result = all.resultSet(dataset: dataset)
        #expect(result.rows.count == 2)
        #expect(result.columns.map(\.key).suffix(4) == ["kr_per_person_baek", "kr_per_person_hele_landet",
                                                         "kr_per_person_region_vest", "kr_per_person_land"])
        guard case .unavailable = result.rows[1][4] else { Issue.record("expected no figure for To"); return }
        #expect(result.notes.contains { $0.hasPrefix("To: ") })
    }

    @Test func aRankingCanShowTheCountryRegionsAndGroupsUnderItsMedian() throws {
        let dataset = Self.dataset()
        let ranking = try dataset.rank(Self.area)
        let levels = [ranking.country(in: dataset)] + ["Vest", "Øst"].compactMap { ranking.reference(.region($0), .mean) }
        let result = ranking.resultSet(levels: levels)
        #expect(result.footer.count == 4)
        #expect(result.footerKey == "median_and_levels")
        #expect(result.footer[3][4] == .labelled("Region Øst", label: "region, mean"))
        #expect(result.footer[3][5] == .amount(1_300))  // (2000 + 600) / 2
    }
}

extension CompareTests {
    @Test func theNoteSaysHowTheLevelsAreAveraged() throws {
        let dataset = Self.dataset()
        let median = try dataset.rank(Self.area).comparison(of: Self.aby, with: [], average: .median, in: dataset)
        #expect(median.resultSet().notes.contains { $0.hasPrefix("Region and group figures are their median") })
        #expect(!median.resultSet().notes.contains { $0.hasPrefix("Region and group averages are weighted") })
    }
}
