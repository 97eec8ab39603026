/// An area split into its functions: where in the area a municipality's difference from a
/// benchmark sits (FLIS's "dybdeanalyse").
///
/// For each function f, the difference is what the municipality spends on f beyond what it would
/// spend at the benchmark's kr. per person: own_f − benchmark_f × own persons ÷ benchmark persons.
/// The benchmark's persons are the area's segment, the same for every function, so the functions'
/// exact differences add up to the area's, and a function's share of the area's difference is its
/// difference ÷ the area's. With the benchmark a municipality, the area's difference is the
/// mulighedsrum `gap` gives (when positive).
public struct Drill: Sendable {
    /// What the municipality is measured against.
    public enum Benchmark: Sendable, Equatable {
        /// The municipality at a place of the area's ranking, the median's, or a named one's level.
        case place(BenchmarkPlace)
        /// Hele landet: Statistics Denmark's own figures where the data has them, else Σ of the ranked municipalities.
        case country
        /// The weighted average (Σ spending ÷ Σ persons) of these municipalities, those ranked in the area.
        case peers([Municipality])
    }

    public struct Line: Sendable, Equatable {
        public let function: FunctionCode
        public let ownSpending: Int
        /// The benchmark's spending on the function: one municipality's, or the sum of the peers' or the country's.
        public let benchmarkSpending: Int
        /// The exact difference in kroner times the benchmark's persons:
        /// own_f × benchmark persons − benchmark_f × own persons.
        public let scaledDifference: Int128
        /// The difference in whole kroner, apportioned so that the lines add up to the area's
        /// `difference` exactly; within 1 kr. of the exact difference.
        public let difference: Int
    }

    public let ranking: Ranking
    public let own: Ranking.Entry
    public let benchmark: Benchmark
    /// The municipality whose level is the benchmark, for a place, the median or a named municipality.
    public let benchmarkEntry: Ranking.Entry?
    /// For peers: those ranked in the area, whose figures are summed, and those left out with why.
    public let peersSummed: [Ranking.Entry]
    public let peersLeftOut: [Ranking.Exclusion]
    /// For the country: whether its figures are Statistics Denmark's or the municipalities' sum.
    public let countrySource: Reference.Source?
    /// The benchmark's persons in the area's segment (summed for peers and the municipalities' country).
    public let benchmarkPersons: Int
    /// One per function the area sums, in code order.
    public let lines: [Line]
    /// Own spending − what the municipality would spend at the benchmark's kr. per person, in whole
    /// kroner (rounded once, half away from zero). Negative when it spends less.
    public let difference: Int

    public var benchmarkSpending: Int { lines.reduce(0) { $0 + $1.benchmarkSpending } }
    public var benchmarkPerPerson: Double { Double(benchmarkSpending) / Double(benchmarkPersons) }
    /// max(0, difference): the mulighedsrum to the benchmark.
    public var mulighedsrum: Int { max(0, difference) }

    /// Σ of the lines' scaled differences: the area's exact difference × the benchmark's persons.
    public var scaledTotal: Int128 { lines.reduce(0) { $0 + $1.scaledDifference } }

    /// The line's share of the area's difference, exact until this division; nil when the area's
    /// difference is 0. Negative when the function goes the other way from the area as a whole.
    public func share(of line: Line) -> Double? {
        let total = scaledTotal
        return total == 0 ? nil : Double(line.scaledDifference) / Double(total)
    }

    public func ownPerPerson(_ line: Line) -> Double { Double(line.ownSpending) / Double(own.persons) }
    public func benchmarkPerPerson(_ line: Line) -> Double { Double(line.benchmarkSpending) / Double(benchmarkPersons) }
}

extension Ranking {
    /// The drill-down of this ranking's area for `municipality`; the dataset supplies each function's figures.
    public func drill(_ municipality: Municipality, to benchmark: Drill.Benchmark,
                      in dataset: Dataset) throws(EngineError) -> Drill {
        let own = try entry(for: municipality)
        let index = Dictionary(dataset.municipalities.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let columns = functions.map { dataset.spending[$0] ?? [] }
        // Every ranked municipality has a figure for every function the ranking sums.
        let amounts = { (entry: Entry) in columns.map { $0[index[entry.municipality]!]! } }
        var benchmarkEntry: Entry?
        var summed: [Entry] = []
        var leftOut: [Exclusion] = []
        var countrySource: Reference.Source?
        let levelAmounts: [Int]
        let levelPersons: Int
        switch benchmark {
        case .place(let place):
            let entry = try gap(for: municipality, to: place).benchmark
            benchmarkEntry = entry
            (levelAmounts, levelPersons) = (amounts(entry), entry.persons)
        case .country:
            if let published = dataset.publishedCountry(functions, per: segment) {
                countrySource = .published
                (levelAmounts, levelPersons) = published
            } else {
                countrySource = .municipalities
                summed = entries
                (levelAmounts, levelPersons) = Self.sum(entries, amounts)
            }
        case .peers(let peers):
            for peer in peers where peer != municipality {
                if let entry = entries.first(where: { $0.municipality == peer }) {
                    summed.append(entry)
                } else {
                    leftOut.append(excluded.first { $0.municipality == peer }
                                   ?? Exclusion(municipality: peer, reason: "not in this dataset"))
                }
            }
            guard !summed.isEmpty else { throw .noPeerRanked(area: area.title, peers: peers.count) }
            (levelAmounts, levelPersons) = Self.sum(summed, amounts)
        }
        let ownAmounts = amounts(own)
        let scaled = zip(ownAmounts, levelAmounts).map {
            Int128($0) * Int128(levelPersons) - Int128($1) * Int128(own.persons)
        }
        let total = Exact.quotient(scaled.reduce(0, +), Int128(levelPersons))
        let apportioned = apportion(scaled, over: Int128(levelPersons), to: total)
        let lines = functions.indices.map {
            Drill.Line(function: functions[$0], ownSpending: ownAmounts[$0], benchmarkSpending: levelAmounts[$0],
                       scaledDifference: scaled[$0], difference: Int(apportioned[$0]))
        }
        return Drill(ranking: self, own: own, benchmark: benchmark, benchmarkEntry: benchmarkEntry,
                     peersSummed: benchmark == .country ? [] : summed, peersLeftOut: leftOut,
                     countrySource: countrySource, benchmarkPersons: levelPersons, lines: lines,
                     difference: Int(total))
    }

    private static func sum(_ members: [Entry], _ amounts: (Entry) -> [Int]) -> ([Int], Int) {
        let byFunction = members.map(amounts).reduce(into: [Int]()) { sums, row in
            sums = sums.isEmpty ? row : zip(sums, row).map(+)
        }
        return (byFunction, members.reduce(0) { $0 + $1.persons })
    }
}

/// Whole kroner for each exact value `numerators[i] ÷ denominator`, adding up to `total` (which
/// is the rounded sum): each value is floored, and the units still missing go to the values with
/// the largest remainders, earlier ones first among equals (the largest-remainder method).
private func apportion(_ numerators: [Int128], over denominator: Int128, to total: Int128) -> [Int128] {
    let floors = numerators.map { floorQuotient($0, denominator) }
    var missing = total - floors.reduce(0, +)
    var result = floors
    let byRemainder = numerators.indices.sorted {
        let (a, b) = (numerators[$0] - floors[$0] * denominator, numerators[$1] - floors[$1] * denominator)
        return a != b ? a > b : $0 < $1
    }
    for index in byRemainder where missing > 0 {
        result[index] += 1
        missing -= 1
    }
    return result
}

private func floorQuotient(_ n: Int128, _ d: Int128) -> Int128 {
    let (quotient, remainder) = n.quotientAndRemainder(dividingBy: d)
    return remainder < 0 ? quotient - 1 : quotient
}
