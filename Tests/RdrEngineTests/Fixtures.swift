import Testing
import RdrEngine

/// Hand-made, invented datasets for the engine tests. Every number here is written by hand so
/// that the tests can state their expectations as arithmetic on these literals.
///
/// The main fixture, `Fixture.teaching` ("teaching R2020", complete chart, population by age):
///
/// | kommune  | 6-16 | 65+  | all  | 5.38.50    | 5.38.51 | 3.22.01    | 3.22.05   | 3.22.17   | 5.30.27    | 0.22.01 |
/// |----------|------|------|------|------------|---------|------------|-----------|-----------|------------|---------|
/// | Aaby     | 220  | 700  | 3380 | 3,000,000  | 380,000 | 12,000,000 | 1,200,000 | 5,000,000 | 35,000,000 | 338,000 |
/// | Bøgelund | 440  | 1400 | 6760 | 10,000,000 | 140,000 | 24,000,000 | 200,000   | 100,000   | 56,000,000 | 676,000 |
/// | Damsø    | 110  | 360  | 1700 | 2,500,000  | 50,000  | 7,000,000  | 700,000   | 0         | 18,000,000 | 170,000 |
/// | Egeskov  | 330  | 1070 | 4460 | 8,000,000  | 920,000 | 20,000,000 | (none)    | 1,000,000 | 64,200,000 | 446,000 |
/// | Fjordby  | 0    | 350  | 890  | 700,000    | 12,000  | 100,000    | 0         | 0         | 10,500,000 | 89,000  |
///
/// Voksen (5.38.50 + 5.38.51) per inhabitant: Aaby 1000, Bøgelund 1500, Damsø 1500, Egeskov 2000,
/// Fjordby 800. Skole (3.22.* except 3.22.17) per 6-16-year-old: Aaby 60,000, Bøgelund 55,000,
/// Damsø 70,000; Egeskov lacks 3.22.05, Fjordby has no 6-16-year-olds. Ældre (5.30.27) per
/// 65+-year-old: Aaby 50,000, Bøgelund 40,000, Damsø 50,000, Egeskov 60,000, Fjordby 30,000.
enum Fixture {
    // MARK: Building blocks

    static func municipality(_ code: Int, _ name: String) -> Municipality {
        Municipality(code: code, name: name, region: "Region Opdigtet", group: "Opdigtede kommuner")
    }

    static func provenance(_ dataset: String) -> Provenance {
        Provenance(
            dataset: dataset, source: "hand-made test data", priceBasis: "current prices (løbende priser)",
            retrieved: "written by hand for the engine tests", definition: "", invented: true)
    }

    /// Single years of age 0 … 100, the last the open band 100+: `child` persons at each age 0-5,
    /// `school` at each age 6-16, `adult` at each age 17-64, `senior` at each age 65-99 and `oldest`
    /// aged 100+. So 6-16 = 11 × school, 65+ = 35 × senior + oldest, and
    /// all = 6 × child + 11 × school + 48 × adult + 35 × senior + oldest.
    static func ages(child: Int, school: Int, adult: Int, senior: Int, oldest: Int) -> [Int] {
        Array(repeating: child, count: 6) + Array(repeating: school, count: 11)
            + Array(repeating: adult, count: 48) + Array(repeating: senior, count: 35) + [oldest]
    }

    static func dataset(
        id: DatasetID = DatasetID(kind: .accounts, year: 2020), collection: String = "teaching",
        municipalities: [Municipality], functions: [String: String], chartIsComplete: Bool = true,
        spending: [String: [Int?]], totals: [Int], byAge: [[Int]]?, basis: AccountsBasis = .operating,
        limitationHint: String? = nil
    ) -> Dataset {
        let name = collection == "real" ? id.description : "\(collection) \(id)"
        return Dataset(
            id: id, collection: collection, municipalities: municipalities,
            functionLabels: Dictionary(uniqueKeysWithValues: functions.map { (code($0.key), $0.value) }),
            chartIsComplete: chartIsComplete,
            spending: Dictionary(uniqueKeysWithValues: spending.map { (code($0.key), $0.value) }),
            population: Population(totals: totals, byAge: byAge), basis: basis,
            provenance: provenance(name), limitationHint: limitationHint)
    }

    static func code(_ text: String) -> FunctionCode {
        guard let code = FunctionCode(text) else { fatalError("bad function code in a fixture: \(text)") }
        return code
    }

    static func pattern(_ text: String) -> FunctionPattern {
        guard let pattern = FunctionPattern(text) else { fatalError("bad pattern in a fixture: \(text)") }
        return pattern
    }

    static func area(_ key: String, _ include: [String], except exclude: [String] = [],
                     per segment: Segment = .all) -> AreaDefinition {
        AreaDefinition(key: key, include: include.map(pattern), exclude: exclude.map(pattern), segment: segment)
    }

    // MARK: The main fixture

    static let aaby = municipality(1001, "Aaby")
    static let boegelund = municipality(1002, "Bøgelund")
    static let damsoe = municipality(1003, "Damsø")
    static let egeskov = municipality(1004, "Egeskov")
    static let fjordby = municipality(1005, "Fjordby")
    /// In no dataset.
    static let stranger = municipality(1099, "Udlandsby")

    static let teaching = dataset(
        municipalities: [aaby, boegelund, damsoe, egeskov, fjordby],
        functions: [
            "5.38.50": "Botilbud til længerevarende ophold", "5.38.51": "Botilbud til midlertidigt ophold",
            "3.22.01": "Folkeskoler", "3.22.05": "Skolefritidsordninger",
            "3.22.17": "Specialundervisning i regionale tilbud", "5.30.27": "Pleje og omsorg",
            "0.22.01": "Fælles formål (jordforsyning)",
        ],
        spending: [
            "5.38.50": [3_000_000, 10_000_000, 2_500_000, 8_000_000, 700_000],
            "5.38.51": [380_000, 140_000, 50_000, 920_000, 12_000],
            "3.22.01": [12_000_000, 24_000_000, 7_000_000, 20_000_000, 100_000],
            "3.22.05": [1_200_000, 200_000, 700_000, nil, 0],
            "3.22.17": [5_000_000, 100_000, 0, 1_000_000, 0],
            "5.30.27": [35_000_000, 56_000_000, 18_000_000, 64_200_000, 10_500_000],
            "0.22.01": [338_000, 676_000, 170_000, 446_000, 89_000],
        ],
        // 6·c + 11·s + 48·a + 35·e + o, from the age profiles below.
        totals: [
            6 * 10 + 11 * 20 + 48 * 50 + 35 * 20 + 0,     // 3380
            6 * 20 + 11 * 40 + 48 * 100 + 35 * 40 + 0,    // 6760
            6 * 5 + 11 * 10 + 48 * 25 + 35 * 10 + 10,     // 1700
            6 * 30 + 11 * 30 + 48 * 60 + 35 * 30 + 20,    // 4460
            6 * 10 + 11 * 0 + 48 * 10 + 35 * 10 + 0,      // 890
        ],
        byAge: [
            ages(child: 10, school: 20, adult: 50, senior: 20, oldest: 0),
            ages(child: 20, school: 40, adult: 100, senior: 40, oldest: 0),
            ages(child: 5, school: 10, adult: 25, senior: 10, oldest: 10),
            ages(child: 30, school: 30, adult: 60, senior: 30, oldest: 20),
            ages(child: 10, school: 0, adult: 10, senior: 10, oldest: 0),
        ])

    /// 5.38.50 + 5.38.51 per inhabitant.
    static let voksen = area("Voksen", ["5.38.50", "5.38.51"])
    /// 3.22.* except 3.22.17 per 6-16-year-old.
    static let skole = area("Skole", ["3.22.*"], except: ["3.22.17"], per: .ages(lower: 6, upper: 16))
    /// 5.30.27 per 65+-year-old.
    static let aeldre = area("Ældre", ["5.30.27"], per: .ages(lower: 65, upper: nil))

    // MARK: Ties: places 1, 2, 2, 4

    static let ager = municipality(2001, "Ager")
    static let baek = municipality(2002, "Bæk")
    static let dal = municipality(2003, "Dal")
    static let eng = municipality(2004, "Eng")

    /// 5.38.50 per inhabitant: Ager 1,000,000 / 1000 = 1000; Bæk 3,000,000 / 2000 = 1500;
    /// Dal 1,500,000 / 1000 = 1500; Eng 4,000,000 / 2000 = 2000. Listed out of order on purpose.
    static let fourWithTie = dataset(
        municipalities: [eng, dal, ager, baek],
        functions: ["5.38.50": "Botilbud til længerevarende ophold"],
        spending: ["5.38.50": [4_000_000, 1_500_000, 1_000_000, 3_000_000]],
        totals: [2000, 1000, 1000, 2000], byAge: nil)

    // MARK: Exact comparison

    static let alfa = municipality(3001, "Alfa")
    static let beta = municipality(3002, "Beta")

    /// Alfa: 24,000,039,999 / 600,001 = 40,000 − 1/600,001; Beta: 23,999,999,999 / 600,000 =
    /// 40,000 − 1/600,000. Alfa spends more by 1/(600,000 · 600,001) ≈ 2.8e-12 kr. per person,
    /// which is below the resolution of a Double at 40,000: both divide to the same Double.
    static let nearlyEqual = dataset(
        municipalities: [alfa, beta],
        functions: ["5.38.50": "Botilbud til længerevarende ophold"],
        spending: ["5.38.50": [24_000_039_999, 23_999_999_999]],
        totals: [600_001, 600_000], byAge: nil)

    // MARK: A snapshot like the real one: a selection of functions, population totals only

    static let snapshotHint = "the built-in real snapshot holds a selection of functions; use the teaching dataset"

    /// "R2020" (collection "real"): functions 5.38.50 and 5.38.52, the latter without any figure.
    static let snapshot = dataset(
        collection: "real", municipalities: [aaby, boegelund, damsoe],
        functions: ["5.38.50": "Botilbud til længerevarende ophold", "5.38.52": "Botilbud (uden tal)"],
        chartIsComplete: false,
        spending: ["5.38.50": [3_380_000, 6_760_000, 1_700_000], "5.38.52": [nil, nil, nil]],
        totals: [3380, 6760, 1700], byAge: nil, limitationHint: snapshotHint)
}

/// The error `body` throws, or nil when it returns. (Closures written inline infer `throws(any Error)`,
/// so the engine's typed throws are recovered with a cast; any other error is a test failure.)
func engineError<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> EngineError? {
    do {
        _ = try body()
        return nil
    } catch let error as EngineError {
        return error
    } catch {
        Issue.record("not an EngineError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

@Suite("Fixtures are self-consistent")
struct FixtureTests {
    @Test func totalsAreTheSumOfTheAges() throws {
        let byAge = try #require(Fixture.teaching.population.byAge)
        for (index, ages) in byAge.enumerated() {
            #expect(ages.count == 101)
            #expect(ages.reduce(0, +) == Fixture.teaching.population.totals[index])
        }
        #expect(Fixture.teaching.population.totals == [3380, 6760, 1700, 4460, 890])
    }

    @Test func everyFunctionHasAFigureRowPerMunicipality() {
        for dataset in [Fixture.teaching, Fixture.fourWithTie, Fixture.nearlyEqual, Fixture.snapshot] {
            for (_, figures) in dataset.spending {
                #expect(figures.count == dataset.municipalities.count)
            }
            #expect(dataset.provenance.invented)
        }
    }
}
