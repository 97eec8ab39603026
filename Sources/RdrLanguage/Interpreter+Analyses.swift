import RdrData
import RdrEngine

/// `compare` and `trend`: the names they hold resolved into engine values, then computed.
extension Session {
    func evaluate(_ query: CompareQuery, at range: SourceRange) throws -> ResultSet {
        let dataset = try requireDataset(query.on, at: range)
        let municipality = try self.municipality(query.municipality, in: dataset)
        var peers: [Municipality] = []
        for peer in query.peers {
            for found in try members(of: peer, beside: municipality, in: dataset) where found != municipality && !peers.contains(found) {
                peers.append(found)
            }
        }
        let average = query.average?.value ?? .weighted
        guard let target = query.target else {
            if let segment = query.segment {
                throw Diagnostic("per needs an area: compare on every area uses each area's own segment; "
                                 + "write compare \(query.municipality.value) … in AREA per \(segment.value)", at: segment.range)
            }
            let rows = dataset.comparisons(of: municipality, with: peers, average: average, areas: areas)
            let comparisons = AreaComparisons(municipality: municipality, peers: peers, average: average, rows: rows)
            if comparisons.computedCount == 0, case .failure(let error)? = rows.first?.outcome {
                throw Diagnostic("no area can be computed on \(dataset.name): \(error)", at: range)
            }
            return comparisons.resultSet(dataset: dataset)
        }
        let area = try self.area(target, in: dataset)
        let ranking = try engine { () throws(EngineError) in try dataset.rank(area, per: query.segment?.value) }
            at: { $0.isSegmentError ? query.segment?.range ?? target.range : target.range }
        return ranking.comparison(of: municipality, with: peers, average: average, in: dataset).resultSet()
    }

    /// The municipalities a peer names: one by name, or every one of a group or region.
    private func members(of peer: Located<CompareQuery.Peer>, beside municipality: Municipality,
                         in dataset: Dataset) throws -> [Municipality] {
        switch peer.value {
        case .municipality(let name):
            return [try self.municipality(Located(name, peer.range), in: dataset)]
        case .group(let name):
            let group = try choose(name, default: municipality.group, among: dataset.municipalities.map(\.group),
                                   what: "DST group", at: peer.range)
            return dataset.municipalities.filter { $0.group == group }
        case .region(let name):
            let region = try choose(name, default: municipality.region, among: dataset.municipalities.map(\.region),
                                    what: "region", at: peer.range)
            return dataset.municipalities.filter { $0.region == region }
        }
    }

    private func choose(_ name: String?, default own: String, among names: [String], what: String,
                        at range: SourceRange) throws(Diagnostic) -> String {
        guard let name else { return own }
        let known = Array(Set(names)).sorted()
        switch NameMatcher(known, names: { [$0] }).match(name) {
        case .found(let found): return found
        case .notFound(let suggestions):
            throw Diagnostic("no \(what) \(name.quotedInMessage)" + didYouMean(suggestions, otherwise: "")
                             + " (\(what)s: \(known.joined(separator: ", ")))", at: range)
        }
    }

    func evaluate(_ query: TrendQuery, at range: SourceRange) throws -> ResultSet {
        throw Diagnostic("trend is being built", at: range)
    }
}
