/// Mulighedsrum: what a municipality would spend on an area at the level of a chosen place.
///
/// max(0, own kr. per person − kr. per person at the place) × own persons. A starting point for
/// questions, not a saving: it is not corrected for demography or socio-economics.
public struct Gap: Sendable, Equatable {
    public let own: Ranking.Entry
    /// The municipality at the chosen place.
    public let benchmark: Ranking.Entry
    public let place: Int
    public let ranked: Int

    /// Own kr. per person minus the benchmark's; negative when the municipality spends less.
    public var differencePerPerson: Double { own.perPerson - benchmark.perPerson }

    /// In kroner. Zero when the municipality already is at or below the place. Computed as
    /// own spending − benchmark spending × own persons ÷ benchmark persons, so that the only
    /// rounding is the final division.
    public var mulighedsrum: Double {
        guard benchmark.spendsLess(than: own) else { return 0 }
        return Double(own.spending)
            - Double(benchmark.spending) * Double(own.persons) / Double(benchmark.persons)
    }
}

extension Ranking {
    public func gap(for municipality: Municipality, toPlace place: Int) throws(EngineError) -> Gap {
        let own = try entry(for: municipality)
        let benchmark = try entry(atPlace: place)
        return Gap(own: own, benchmark: benchmark, place: place, ranked: entries.count)
    }
}

/// One municipality's place and mulighedsrum in every area.
public struct Overview: Sendable {
    public struct Row: Sendable {
        public let area: AreaDefinition
        /// The gap, or why the area could not be computed for this dataset or municipality.
        public let outcome: Result<Gap, EngineError>
        /// The ranking's provenance when there is one.
        public let ranking: Ranking?
    }

    public let municipality: Municipality
    public let place: Int
    public let rows: [Row]

    /// The sum over the areas that could be computed, of each area's mulighedsrum in whole
    /// kroner: the total a reader gets by adding up the rows shown.
    public var total: Double {
        rows.reduce(0) { sum, row in
            sum + ((try? row.outcome.get())?.mulighedsrum.rounded(.toNearestOrAwayFromZero) ?? 0)
        }
    }

    public var computedCount: Int {
        rows.count { (try? $0.outcome.get()) != nil }
    }
}

extension Dataset {
    /// The overview over `areas`, each per its own segment. An area that cannot be computed
    /// becomes a row that says why; it is never dropped silently.
    public func overview(for municipality: Municipality, toPlace place: Int,
                         areas: [AreaDefinition]) -> Overview {
        let rows = areas.map { area -> Overview.Row in
            do throws(EngineError) {
                let ranking = try rank(area)
                return .init(area: area, outcome: .init { () throws(EngineError) in
                    try ranking.gap(for: municipality, toPlace: place)
                }, ranking: ranking)
            } catch {
                return .init(area: area, outcome: .failure(error), ranking: nil)
            }
        }
        return Overview(municipality: municipality, place: place, rows: rows)
    }
}
