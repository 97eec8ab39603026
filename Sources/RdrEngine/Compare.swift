/// One municipality beside chosen municipalities and the averages (country, its region, its DST
/// group) on one area, all from the area's ranking.
public struct Comparison: Sendable {
    public struct Member: Sendable, Equatable {
        public let municipality: Municipality
        /// Nil when the ranking leaves the municipality out; `reason` says why.
        public let entry: Ranking.Entry?
        public let reason: String?
    }

    public let ranking: Ranking
    /// The compared municipality first, then the peers in the order asked.
    public let members: [Member]
    /// The country, then the compared municipality's region and group (when any of them is ranked).
    public let references: [Reference]
    public let country: Reference

    /// Kr. per person as an index of the country's (country = 100); nil when the country's figure is
    /// not positive, where an index means nothing.
    public func index(_ perPerson: Double) -> Double? {
        country.perPerson > 0 ? perPerson / country.perPerson * 100 : nil
    }
}

extension Ranking {
    public func comparison(of municipality: Municipality, with peers: [Municipality],
                           average: Reference.Average, in dataset: Dataset) -> Comparison {
        let members = ([municipality] + peers.filter { $0 != municipality }).map { member in
            let entry = entries.first { $0.municipality == member }
            let reason = entry != nil ? nil
                : excluded.first { $0.municipality == member }?.reason ?? "not in this dataset"
            return Comparison.Member(municipality: member, entry: entry, reason: reason)
        }
        let country = self.country(in: dataset)
        let levels = [reference(.region(municipality.region), average), reference(.group(municipality.group), average)]
        return Comparison(ranking: self, members: members, references: [country] + levels.compactMap { $0 },
                          country: country)
    }
}

extension Dataset {
    /// The comparison on every area, in the order given; an area that cannot be computed on this
    /// dataset keeps its row with the reason.
    public func comparisons(of municipality: Municipality, with peers: [Municipality], average: Reference.Average,
                            areas: [AreaDefinition]) -> [(area: AreaDefinition, outcome: Result<Comparison, EngineError>)] {
        areas.map { area in
            (area, Result { () throws(EngineError) in
                try rank(area).comparison(of: municipality, with: peers, average: average, in: self)
            })
        }
    }
}

/// `compare NAME with …` on every area: one row per area, a column of kr. per person for the
/// compared municipality (with its index and place), each peer and each level.
public struct AreaComparisons: Sendable {
    public let municipality: Municipality
    public let peers: [Municipality]
    public let average: Reference.Average
    public let rows: [(area: AreaDefinition, outcome: Result<Comparison, EngineError>)]

    public init(municipality: Municipality, peers: [Municipality], average: Reference.Average,
                rows: [(area: AreaDefinition, outcome: Result<Comparison, EngineError>)]) {
        self.municipality = municipality
        self.peers = peers.filter { $0 != municipality }
        self.average = average
        self.rows = rows
    }

    /// The number of areas that could be computed.
    public var computedCount: Int {
        rows.count { if case .success = $0.outcome { true } else { false } }
    }
}
