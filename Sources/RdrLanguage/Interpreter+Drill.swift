import RdrEngine
import RdrReport

/// `drill`: the area's ranking, the benchmark resolved, then the split into functions.
extension Session {
    func evaluate(_ query: DrillQuery, at range: SourceRange) throws -> Evaluated {
        let dataset = try requireDataset(query.on, at: range)
        let municipality = try self.municipality(query.municipality, in: dataset)
        let area = try self.area(query.target, in: dataset)
        let ranking = try engine { () throws(EngineError) in try dataset.rank(area, per: query.segment?.value) }
            at: { $0.isSegmentError ? query.segment?.range ?? query.target.range : query.target.range }
        let benchmark: Drill.Benchmark
        switch query.benchmark?.value {
        case nil: benchmark = .place(.median)
        case .country: benchmark = .country
        case .peers: benchmark = .peers(try defaultPeers(of: municipality, in: dataset, at: query.benchmark!.range))
        case .place(.municipality(let name)) where !isMunicipality(name, in: dataset)
            && results.contains(where: { $0.name == name }):
            // A municipality comes first, as in compare … with NAME; else a kept peers result.
            benchmark = .peers(try peerMunicipalities(named: Located(name, query.benchmark!.range), of: municipality,
                                                      in: dataset))
        case .place(let place): benchmark = .place(try self.benchmark(Located(place, query.benchmark!.range), in: dataset))
        }
        let drill = try engine { () throws(EngineError) in try ranking.drill(municipality, to: benchmark, in: dataset) }
            at: { error in
                if case .notRanked(let name, _) = error, name == municipality.name { return query.municipality.range }
                return query.benchmark?.range ?? query.target.range
            }
        return Evaluated(.drill(drill), table: drill.resultSet(dataset: dataset, in: language))
    }

    private func isMunicipality(_ name: String, in dataset: Dataset) -> Bool {
        if case .found = municipalityMatcher(for: dataset).match(name) { return true }
        return false
    }
}
