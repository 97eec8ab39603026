import RdrEngine

/// The words and columns of `peers`: what a reader sees of `Peers`.

extension PeerVariable {
    /// A key part for CSV and JSON: "size", "0_5", "65_plus".
    var keyPart: String {
        switch self {
        case .size: "size"
        case .share(.all): "all"
        case .share(.ages(let lower, let upper?)): "\(lower)_\(upper)"
        case .share(.ages(let lower, nil)): "\(lower)_plus"
        }
    }
}

extension PeerModel.Term {
    /// As it is typed after `by`: "size", "80+ 0.5" (weight 1 is not written).
    var typed: String {
        weight == 1 ? variable.description : "\(variable) \(weightText(weight))"
    }
}

/// 2, 0.5: as the language writes a weight.
func weightText(_ weight: Double) -> String {
    weight == weight.rounded() && abs(weight) < 1e15 ? String(Int(weight)) : String(weight)
}

extension Peers {
    public func resultSet(agesHint: String = "", in language: Language = .en) -> ResultSet {
        let w = language
        let year = dataset.year
        let datasetName = ResultSet.Value.text(provenance.dataset)
        let own = ResultSet.Value.text(municipality.name)
        let rows = peers.enumerated().map { position, candidate -> [ResultSet.Value] in
            let shares: [ResultSet.Value] = candidate.contributions.map { $0.map { .amount($0 * 100) } }
                ?? Array(repeating: .unavailable(w.sameFigures), count: statistics.count)
            return [datasetName, own, .integer(position + 1), .text(candidate.municipality.name),
                    .amount(candidate.distance)] + shares
                + [.integer(candidate.profile.inhabitants), .text(candidate.municipality.group)]
        }
        let footer: [ResultSet.Value] = [datasetName, own, .empty, .labelled(municipality.name, label: w.compared), .empty]
            + Array(repeating: .empty, count: statistics.count)
            + [.integer(self.own.inhabitants), .text(municipality.group)]
        return ResultSet(
            title: w.peersTitle(municipality.name, group: sameGroup ? municipality.group : nil,
                                who: w.peersWho(count: count, allInGroup: sameGroup && requested == nil),
                                model: modelPhrase, provenance.dataset),
            columns: [
                .init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
                .init(key: "municipality", title: w.compared, kind: .text, programsOnly: true),
                .init(key: "rank", title: "#", kind: .integer),
                .init(key: "peer", title: w.kommune, kind: .text),
                // "d", as in the notes' formula and the "% of d²" beside it; short, for a narrow terminal.
                .init(key: "distance", title: "d", kind: .amount(shown: 2, exported: 4)),
            ] + statistics.map {
                .init(key: "share_of_d2_\($0.variable.keyPart)", title: w.shareOfD2($0.variable.description),
                      kind: .amount(shown: 1, exported: 2))
            } + [
                // Last, so that a narrow terminal leaves these out before the distance's make-up.
                .init(key: "inhabitants", title: w.inhabitants, kind: .integer),
                .init(key: "dst_group", title: w.dstGroup, kind: .text),
            ],
            rows: rows, footer: [footer], footerKey: "compared", notes: notes(year: year, agesHint: agesHint, w),
            provenance: definedProvenance(year: year, w), language: language)
    }

    /// "size, 0-5, 6-16, 18-64, 65+, 80+" or "size ×2, 65+, 80+ ×0.5".
    private var modelPhrase: String {
        model.terms.map { $0.weight == 1 ? "\($0.variable)" : "\($0.variable) ×\(weightText($0.weight))" }
            .joined(separator: ", ")
    }

    private func notes(year: Int, agesHint: String, _ w: Language) -> [String] {
        let shares = model.variables.filter { $0 != .size }.map(\.description)
        var over: [String] = []
        if model.variables.contains(.size) { over.append(w.sizeVariable) }
        if !shares.isEmpty {
            over.append(w.sharesAged(shares))
        }
        let weights = model.terms.allSatisfy { $0.weight == 1 } ? w.everyWeightOne
            : w.weights(model.terms.map { "\($0.variable) \(weightText($0.weight))" }.joined(separator: ", "))
        var notes = [
            w.peersModelNote(over: over.joined(separator: w.pick(" and ", " og ")), year: year, profiles: profiles.count,
                             weights: weights),
        ]
        if sameGroup {
            notes.append(w.onlyGroup(municipality.name, municipality.group, profiles.count))
        } else {
            // Named, as a narrow terminal leaves the group column out.
            let inGroup = peers.filter { $0.municipality.group == municipality.group }.map(\.municipality.name)
            notes.append(w.inOwnGroup(inGroup.count, of: peers.count, municipality.name, municipality.group, names: inGroup))
        }
        if !omitted.isEmpty {
            notes.append(w.peersLeftOutAges(omitted.map(\.description).joined(separator: ", "), provenance.dataset, hint: agesHint))
        }
        for statistic in statistics where !statistic.separates {
            notes.append(w.sameEverywhere(statistic.variable.description))
        }
        for statistic in statistics where statistic.separates && statistic.weight == 0 {
            notes.append(w.weightZero(statistic.variable.description))
        }
        let same = peers.filter { $0.squaredDistance == 0 }.map(\.municipality.name)
        if !same.isEmpty {
            notes.append(w.sameFiguresNote(same, municipality.name))
        }
        for tie in ties where tie.count > 1 {
            notes.append(w.equallyNear(tie.joined(separator: ", ")))
        }
        if let asked = requested, asked > ranked.count {
            notes.append(w.onlyCandidates(ranked.count))
        }
        if !absent.isEmpty {
            let listed = absent.map { "\($0.municipality.name) (\($0.reason == .noInhabitants ? w.noInhabitants : w.noAges))" }
            notes.append(w.notAmong(profiles.count, listed.joined(separator: ", ")))
        }
        notes.append(w.peersCaveat)
        return notes
    }

    /// The shown peers at equal distances, by distance.
    private var ties: [[String]] {
        Dictionary(grouping: peers, by: \.squaredDistance).filter { $0.key > 0 && $0.value.count > 1 }
            .sorted { $0.key < $1.key }.map { $0.value.map(\.municipality.name) }
    }

    private func definedProvenance(year: Int, _ w: Language) -> Provenance {
        var provenance = provenance
        let variables = model.terms.map { term -> String in
            let what = switch term.variable {
            case .size: w.sizeTerm()
            case .share(let segment): w.shareAged(segment.description)
            }
            return "\(what) ×\(weightText(term.weight))"
        }
        provenance.definition = w.peersDefinition(variables.joined(separator: ", "), year, profiles.count)
        return provenance
    }
}
