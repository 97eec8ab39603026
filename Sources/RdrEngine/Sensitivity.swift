/// How the mulighedsrum moves with the benchmark: one area's gap to several places (or named
/// municipalities) at once.
public struct Sensitivity: Sendable {
    public let ranking: Ranking
    public let municipality: Municipality
    public let gaps: [(benchmark: BenchmarkPlace, outcome: Result<Gap, EngineError>)]

    public init(ranking: Ranking, municipality: Municipality, benchmarks: [BenchmarkPlace]) {
        self.ranking = ranking
        self.municipality = municipality
        gaps = ranking.gaps(for: municipality, to: benchmarks)
    }
}

/// The overview to several benchmarks at once: each is the overview `gap NAME to B` gives alone.
public struct OverviewSensitivity: Sendable {
    /// One per benchmark, in the order asked, over the same areas.
    public let overviews: [Overview]

    public init(_ dataset: Dataset, for municipality: Municipality, to benchmarks: [BenchmarkPlace],
                areas: [AreaDefinition], rowsAreFunctions: Bool = false) {
        overviews = benchmarks.map {
            dataset.overview(for: municipality, to: $0, areas: areas, rowsAreFunctions: rowsAreFunctions)
        }
    }

    private init(overviews: [Overview]) {
        self.overviews = overviews
    }

    /// Every overview's rows in the order of the first one's mulighedsrum, largest first.
    public func sortedByFirstMulighedsrum() -> OverviewSensitivity {
        let order = overviews[0].orderByMulighedsrum
        return OverviewSensitivity(overviews: overviews.map { $0.reordered(order) })
    }
}
