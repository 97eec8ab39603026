import RdrEngine
import RdrReport

/// `peers`, and the peers that `compare … with` takes: a kept peers result or the default model's.
extension Session {
    func evaluate(_ query: PeersQuery, at range: SourceRange) throws -> Evaluated {
        let dataset = try requireDataset(query.on, at: range)
        let municipality = try self.municipality(query.municipality, in: dataset)
        let model = query.terms.map { terms in
            PeerModel(terms.map { PeerModel.Term($0.variable.value, weight: $0.weight?.value ?? 1) })
        } ?? .standard
        // In its group without top: every municipality of the group, nearest first.
        let count = query.top?.value ?? (query.inGroup == nil ? Peers.standardCount : nil)
        let peers: Peers
        do {
            peers = try Peers.compute(of: municipality, in: dataset, model: model, count: count,
                                      sameGroup: query.inGroup != nil, leaveOutWhatTheDataLacks: query.terms == nil)
        } catch {
            let terms = query.terms ?? []
            switch error {
            case let .variableNeedsAges(_, position, _):
                throw Diagnostic(error.description + agesHint(dataset), at: terms[position].variable.range)
            case .badWeight(_, let position):
                throw Diagnostic(error.description, at: terms[position].weight?.range ?? terms[position].variable.range)
            case .repeatedVariable(_, let position):
                throw Diagnostic(error.description, at: terms[position].variable.range)
            case .noWeight:
                throw Diagnostic(error.description, at: range)
            case .noFigures:
                throw Diagnostic(error.description, at: query.municipality.range)
            case .noCandidates:
                throw Diagnostic(error.description, at: query.inGroup ?? query.municipality.range)
            }
        }
        return Evaluated(.peers(peers), table: peers.resultSet(agesHint: agesHint(dataset), in: language))
    }

    /// What would give the population by age, after a message that the dataset has totals only.
    private func agesHint(_ dataset: Dataset) -> String {
        dataset.collection == "real" ? "; fetch \(dataset.id) gets the population by age from Statistics Denmark" : ""
    }

    /// The peers of `municipality` in `dataset`: with no name, the default model's 5 nearest
    /// (size and the age profile, leaving out what the data lacks); with a name, those of a kept
    /// result, which must hold a peers analysis of the same municipality whose peers are in
    /// `dataset`. Errors about a name point at it; those of the default model have no place
    /// (the caller knows which word asked for them: `defaultPeers(of:in:at:)`).
    func peerMunicipalities(named name: Located<String>?, of municipality: Municipality,
                            in dataset: Dataset) throws -> [Municipality] {
        guard let name else { return try defaultPeers(of: municipality, in: dataset, at: nil) }
        guard let kept = results.last(where: { $0.name == name.value })?.result else {
            let names = results.map(\.name).filter { $0 != Session.lastName }
            throw Diagnostic("no result named \(name.value.quotedInMessage)"
                             + didYouMean(NameMatcher.closest(to: name.value, in: names).map { [$0] } ?? [],
                                          otherwise: "make one with let \(name.value) = peers \(municipality.name)"),
                             at: name.range)
        }
        guard case .peers(let peers)? = kept.analysis else {
            throw Diagnostic("\(name.value) holds \(kept.table.title), not the result of peers; "
                             + "make one with let NAME = peers \(municipality.name)", at: name.range)
        }
        guard peers.municipality.code == municipality.code else {
            throw Diagnostic("\(name.value) holds the peers of \(peers.municipality.name), not of \(municipality.name); "
                             + "compare \(peers.municipality.name) with \(name.value), "
                             + "or compare \(municipality.name) with peers", at: name.range)
        }
        var found: [Municipality] = []
        for peer in peers.nearest {
            guard let same = dataset.municipalities.first(where: { $0.code == peer.code }) else {
                throw Diagnostic("\(name.value) holds peers from \(peers.provenance.dataset); \(peer.name) is not in "
                                 + "\(dataset.name)", at: name.range)
            }
            found.append(same)
        }
        return found
    }

    /// The default model's nearest 5; an error points at `range`.
    func defaultPeers(of municipality: Municipality, in dataset: Dataset, at range: SourceRange?) throws -> [Municipality] {
        do {
            return try Peers.compute(of: municipality, in: dataset, leaveOutWhatTheDataLacks: true).nearest
        } catch {
            throw Diagnostic(error.description, at: range)
        }
    }

    /// `compare … with NAME`: a municipality NAME matches (case and æ/ae aside, or the unique
    /// first part of a hyphenated name) comes first, so that a result cannot hide a municipality;
    /// else a kept result of that name, which must hold peers; else the municipality's error,
    /// with its suggestions.
    func compareMembers(named name: Located<String>, beside municipality: Municipality,
                        in dataset: Dataset) throws -> [Municipality] {
        if case .found(let found) = municipalityMatcher(for: dataset).match(name.value) { return [found] }
        if results.contains(where: { $0.name == name.value }) {
            return try peerMunicipalities(named: name, of: municipality, in: dataset)
        }
        return [try self.municipality(name, in: dataset)]
    }
}
