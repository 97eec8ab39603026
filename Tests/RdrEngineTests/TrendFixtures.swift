import RdrEngine

/// Hand-made, invented datasets for the trend tests: a few years of the same three municipalities
/// (Aaby, Bøgelund, Damsø from `Fixture`), per inhabitant, totals only.
enum TrendFixture {
    static let three = [Fixture.aaby, Fixture.boegelund, Fixture.damsoe]

    /// A teaching accounts dataset of `year` with the figures given, and DST's own country figures
    /// when `country` is given (spending per function, the country's inhabitants).
    static func year(_ year: Int, spending: [String: [Int?]], totals: [Int],
                     country: (spending: [String: Int?], persons: Int)? = nil) -> Dataset {
        let functions = Dictionary(uniqueKeysWithValues: spending.keys.map { ($0, "Funktion \($0)") })
        let base = Fixture.dataset(id: DatasetID(kind: .accounts, year: year), municipalities: three,
                                   functions: functions, spending: spending, totals: totals, byAge: nil)
        guard let country else { return base }
        return Dataset(
            id: base.id, collection: base.collection, municipalities: base.municipalities,
            functionLabels: base.functionLabels, chartIsComplete: base.chartIsComplete, spending: base.spending,
            population: base.population, basis: base.basis, provenance: base.provenance,
            country: CountryFigures(
                spending: Dictionary(uniqueKeysWithValues: country.spending.map { (Fixture.code($0.key), $0.value) }),
                population: Population(totals: [country.persons], byAge: nil)))
    }

    // MARK: Fixed prices: 5.38.50 in 2023 and 2024

    /// 5.38.50 per inhabitant, current prices:
    ///
    /// | kommune  | inhabitants | 2023      | per inh. 2023 | 2024      | per inh. 2024 |
    /// |----------|-------------|-----------|---------------|-----------|---------------|
    /// | Aaby     | 1000        | 1,000,001 | 1000.001 (2)  | 1,200,000 | 1200 (2)      |
    /// | Bøgelund | 2000        | 1,800,000 | 900 (1)       | 2,600,000 | 1300 (3)      |
    /// | Damsø    | 500         | 600,000   | 1200 (3)      | 500,000   | 1000 (1)      |
    ///
    /// 2023 has DST's own country figure: 3,400,100 kr. for 3,510 inhabitants (not the sum of the
    /// three, 3,400,001 kr. for 3,500); 2024 has none, so the country is the sum: 4,300,000 for 3,500.
    static let fixed2023 = year(
        2023, spending: ["5.38.50": [1_000_001, 1_800_000, 600_000]], totals: [1000, 2000, 500],
        country: (["5.38.50": 3_400_100], 3510))
    static let fixed2024 = year(2024, spending: ["5.38.50": [1_200_000, 2_600_000, 500_000]], totals: [1000, 2000, 500])

    static let botilbud = Fixture.area("Botilbud", ["5.38.50"])

    /// 2023 → 2024 × 1.1, 2024 × 1 (2024 prices).
    static let prices2024 = FixedPrices(year: 2024, label: "invented index (tests)",
                                        factors: [2023: PriceFactor(1.1)!, 2024: PriceFactor(1.0)!])

    // MARK: A chart that changes: 5.32.32 split into 5.30.27 and 5.38.42 from 2020

    /// 2019 holds 5.32.30, 5.32.32, 5.30.27 and 5.38.42; 2020 and 2021 lack 5.32.32, whose tasks are
    /// now booked on 5.30.27 and 5.38.42. Inhabitants 1000, 2000, 500 every year.
    ///
    /// | function | 2019 Aaby / Bøgelund / Damsø | 2020                    | 2021                    |
    /// |----------|------------------------------|-------------------------|-------------------------|
    /// | 5.32.30  | 100,000 / 300,000 / 40,000   | 110,000 / 300,000 / 45,000 | 120,000 / 320,000 / 50,000 |
    /// | 5.32.32  | 500,000 / 900,000 / 300,000  | —                       | —                       |
    /// | 5.30.27  | 2,000,000 / 3,000,000 / 1,000,000 | 2,300,000 / 3,500,000 / 1,200,000 | 2,400,000 / 3,600,000 / 1,250,000 |
    /// | 5.38.42  | 50,000 / 80,000 / 20,000     | 260,000 / 500,000 / 130,000 | 270,000 / 520,000 / 140,000 |
    static let chart2019 = year(2019, spending: [
        "5.32.30": [100_000, 300_000, 40_000], "5.32.32": [500_000, 900_000, 300_000],
        "5.30.27": [2_000_000, 3_000_000, 1_000_000], "5.38.42": [50_000, 80_000, 20_000],
    ], totals: [1000, 2000, 500])
    static let chart2020 = year(2020, spending: [
        "5.32.30": [110_000, 300_000, 45_000],
        "5.30.27": [2_300_000, 3_500_000, 1_200_000], "5.38.42": [260_000, 500_000, 130_000],
    ], totals: [1000, 2000, 500])
    static let chart2021 = year(2021, spending: [
        "5.32.30": [120_000, 320_000, 50_000],
        "5.30.27": [2_400_000, 3_600_000, 1_250_000], "5.38.42": [270_000, 520_000, 140_000],
    ], totals: [1000, 2000, 500])
    static let changingChart = [chart2019, chart2020, chart2021]

    static let split = Crosswalk(
        links: [.init(old: Fixture.code("5.32.32"), new: [Fixture.code("5.30.27"), Fixture.code("5.38.42")], from: 2020)],
        name: "kontoplan.csv")
}
