import RdrData
import RdrEngine
import RdrReport

/// `compare` and `trend`: the names they hold resolved into engine values, then computed.
extension Session {
    func evaluate(_ query: CompareQuery, at range: SourceRange) throws -> Evaluated {
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
            return Evaluated(.areaComparisons(comparisons), table: comparisons.resultSet(dataset: dataset, in: language))
        }
        let area = try self.area(target, in: dataset)
        let ranking = try engine { () throws(EngineError) in try dataset.rank(area, per: query.segment?.value) }
            at: { $0.isSegmentError ? query.segment?.range ?? target.range : target.range }
        let comparison = ranking.comparison(of: municipality, with: peers, average: average, in: dataset)
        return Evaluated(.comparison(comparison), table: comparison.resultSet(in: language))
    }

    /// The municipalities a peer names: one by name, or every one of a group or region.
    private func members(of peer: Located<CompareQuery.Peer>, beside municipality: Municipality,
                         in dataset: Dataset) throws -> [Municipality] {
        switch peer.value {
        case .municipality(let name):
            return try compareMembers(named: Located(name, peer.range), beside: municipality, in: dataset)
        case .peers:
            return try defaultPeers(of: municipality, in: dataset, at: peer.range)
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

    func evaluate(_ query: TrendQuery, at range: SourceRange) throws -> Evaluated {
        let datasets = try trendDatasets(query.on, at: range)
        let latest = datasets[datasets.count - 1]
        let area = try self.area(query.target, in: latest)
        let municipalities = try query.municipalities.map { try municipality($0, in: latest) }
        var prices: FixedPrices?
        if let year = query.prices {
            if let repriced = datasets.first(where: { $0.priceLevel != nil }) {
                throw Diagnostic("\(repriced.name) was loaded in \(repriced.priceLevel!) prices; a trend reprices from "
                                 + "current prices, so load it without prices", at: year.range)
            }
            do {
                prices = try priceIndex(query.index).fixedPrices(in: year.value, for: datasets.map(\.id.year))
            } catch let error as DataError {
                throw Diagnostic(error.description, at: query.index?.range ?? year.range)
            }
        }
        let crosswalk = try query.crosswalk.map { file in
            do {
                return try Crosswalk.read(bytes: try contents(of: file, what: "the crosswalk"), name: file.value)
            } catch let error as DataError {
                throw Diagnostic(error.description, at: file.range)
            }
        }
        let trend = try engine { () throws(EngineError) in
            try Trend.compute(area, per: query.segment?.value, over: datasets, for: municipalities,
                              prices: prices, crosswalk: crosswalk)
        } at: { $0.isSegmentError ? query.segment?.range ?? query.target.range : query.target.range }
        return Evaluated(.trend(trend), table: trend.resultSet(in: language))
    }

    /// The years a trend follows: those `on` names, else every loaded dataset of the current one's
    /// collection and kind; one collection, one dataset a year, in year order.
    private func trendDatasets(_ choice: DatasetChoice?, at range: SourceRange) throws(Diagnostic) -> [Dataset] {
        let chosen: [Dataset]
        if let choice {
            chosen = try loadedDatasets(choice)
            if Set(chosen.map(\.collection)).count > 1 {
                throw Diagnostic("a trend follows one collection; these are from "
                                 + Set(chosen.map(\.collection)).sorted().joined(separator: " and "), at: choice.range)
            }
        } else {
            guard let current = dataset else {
                throw Diagnostic("no dataset is loaded; load the years first, as in load teaching R2018..R2024", at: range)
            }
            chosen = workspace.filter { $0.collection == current.collection && $0.id.kind == current.id.kind }
        }
        let years = Dictionary(grouping: chosen, by: \.id.year)
        if let (year, both) = years.first(where: { $0.value.count > 1 }) {
            throw Diagnostic("\(both.map(\.name).joined(separator: " and ")) are both for \(year); a trend has one dataset a year",
                             at: choice?.range ?? range)
        }
        return chosen.sorted { $0.id.year < $1.id.year }
    }
}
