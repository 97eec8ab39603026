/// Which place a gap is measured to: a number, each ranking's own median, or wherever a named
/// municipality is in each ranking.
public enum BenchmarkPlace: Sendable, Equatable, Hashable {
    case place(Int)
    /// Place ⌊n/2⌋+1 of the n municipalities the ranking holds: 50 of 98, 49 of 97.
    case median
    /// The place the municipality has in the ranking (and its level).
    case municipality(Municipality)
}

extension Ranking {
    /// The median's place among the municipalities this ranking holds (the one `median` is at).
    public var medianPlace: Int { entries.count / 2 + 1 }

    /// The place `benchmark` stands for in this ranking; a named municipality must be ranked.
    public func place(_ benchmark: BenchmarkPlace) throws(EngineError) -> Int {
        switch benchmark {
        case .place(let number): number
        case .median: medianPlace
        case .municipality(let municipality): try entry(for: municipality).place
        }
    }
}

/// Mulighedsrum: what a municipality would spend on an area at the level of a chosen place.
///
/// max(0, own kr. per person − kr. per person at the place) × own persons, in whole kroner. A
/// starting point for questions, not a saving: it is not corrected for demography or
/// socio-economics.
public struct Gap: Sendable, Equatable {
    public let own: Ranking.Entry
    /// The municipality at the chosen place.
    public let benchmark: Ranking.Entry
    public let place: Int
    public let ranked: Int

    /// What the municipality would spend at the benchmark's kr. per person, in whole kroner:
    /// benchmark spending × own persons ÷ benchmark persons. Computed as own spending − the
    /// rounded quotient of (own spending × benchmark persons − benchmark spending × own persons)
    /// ÷ benchmark persons, in integers, so that this division is the only rounding (half away
    /// from zero) and `spending − spendingAtBenchmarkLevel` is the mulighedsrum exactly.
    public var spendingAtBenchmarkLevel: Int {
        let excess = Int128(own.spending) * Int128(benchmark.persons) - Int128(benchmark.spending) * Int128(own.persons)
        return Int(clamping: Int128(own.spending) - Exact.quotient(excess, Int128(benchmark.persons)))
    }

    /// Whether the municipality spends more per person than the benchmark, compared exactly.
    public var isAboveBenchmark: Bool { benchmark.spendsLess(than: own) }

    /// In whole kroner: own spending − `spendingAtBenchmarkLevel`. Zero when the municipality
    /// already is at or below the place (compared exactly).
    public var mulighedsrum: Int {
        guard isAboveBenchmark else { return 0 }
        return own.spending - spendingAtBenchmarkLevel
    }
}

extension Ranking {
    public func gap(for municipality: Municipality, toPlace place: Int) throws(EngineError) -> Gap {
        let own = try entry(for: municipality)
        let benchmark = try entry(atPlace: place)
        return Gap(own: own, benchmark: benchmark, place: place, ranked: entries.count)
    }

    /// To a named municipality, its own level is the benchmark (with ties, not whichever tied
    /// municipality sorts first at its place).
    public func gap(for municipality: Municipality, to benchmark: BenchmarkPlace) throws(EngineError) -> Gap {
        guard case .municipality(let other) = benchmark else {
            return try gap(for: municipality, toPlace: place(benchmark))
        }
        let level = try entry(for: other)
        return Gap(own: try entry(for: municipality), benchmark: level, place: level.place, ranked: entries.count)
    }

    /// The gap to each benchmark in turn, for seeing how the mulighedsrum moves with the place chosen.
    public func gaps(for municipality: Municipality, to benchmarks: [BenchmarkPlace])
        -> [(benchmark: BenchmarkPlace, outcome: Result<Gap, EngineError>)]
    {
        benchmarks.map { benchmark in
            (benchmark, Result { () throws(EngineError) in try gap(for: municipality, to: benchmark) })
        }
    }
}
