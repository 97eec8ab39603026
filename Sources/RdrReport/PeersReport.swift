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
    public func resultSet(agesHint: String = "") -> ResultSet {
        let year = dataset.year
        let datasetName = ResultSet.Value.text(provenance.dataset)
        let own = ResultSet.Value.text(municipality.name)
        let rows = peers.enumerated().map { position, candidate -> [ResultSet.Value] in
            let shares: [ResultSet.Value] = candidate.contributions.map { $0.map { .amount($0 * 100) } }
                ?? Array(repeating: .unavailable("same figures"), count: statistics.count)
            return [datasetName, own, .integer(position + 1), .text(candidate.municipality.name),
                    .amount(candidate.distance)] + shares
                + [.integer(candidate.profile.inhabitants), .text(candidate.municipality.group)]
        }
        let footer: [ResultSet.Value] = [datasetName, own, .empty, .labelled(municipality.name, label: "compared"), .empty]
            + Array(repeating: .empty, count: statistics.count)
            + [.integer(self.own.inhabitants), .text(municipality.group)]
        return ResultSet(
            title: "Peers of \(municipality.name)\(sameGroup ? " in its DST group (\(municipality.group))" : ""): "
                + "\(whoPhrase) on \(modelPhrase), \(provenance.dataset)",
            columns: [
                .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                .init(key: "municipality", title: "compared", kind: .text, programsOnly: true),
                .init(key: "rank", title: "#", kind: .integer),
                .init(key: "peer", title: "kommune", kind: .text),
                // "d", as in the notes' formula and the "% of d²" beside it; short, for a narrow terminal.
                .init(key: "distance", title: "d", kind: .amount(shown: 2, exported: 4)),
            ] + statistics.map {
                .init(key: "share_of_d2_\($0.variable.keyPart)", title: "% of d², \($0.variable)",
                      kind: .amount(shown: 1, exported: 2))
            } + [
                // Last, so that a narrow terminal leaves these out before the distance's make-up.
                .init(key: "inhabitants", title: "inhabitants", kind: .integer),
                .init(key: "dst_group", title: "DST group", kind: .text),
            ],
            rows: rows, footer: [footer], footerKey: "compared", notes: notes(year: year, agesHint: agesHint),
            provenance: definedProvenance(year: year))
    }

    /// "the 5 nearest", or in its group without top "all 23, nearest first,".
    private var whoPhrase: String {
        if sameGroup, requested == nil { return "all \(count), nearest first," }
        return count == 1 ? "the nearest" : "the \(count) nearest"
    }

    /// "size, 0-5, 6-16, 18-64, 65+, 80+" or "size ×2, 65+, 80+ ×0.5".
    private var modelPhrase: String {
        model.terms.map { $0.weight == 1 ? "\($0.variable)" : "\($0.variable) ×\(weightText($0.weight))" }
            .joined(separator: ", ")
    }

    private func notes(year: Int, agesHint: String) -> [String] {
        let shares = model.variables.filter { $0 != .size }.map(\.description)
        var over: [String] = []
        if model.variables.contains(.size) { over.append("size = ln(inhabitants) (so that size counts in proportion)") }
        if !shares.isEmpty {
            over.append("the share\(shares.count == 1 ? "" : "s") of the inhabitants aged \(listed(shares))")
        }
        let weights = model.terms.allSatisfy { $0.weight == 1 } ? "every weight 1"
            : "weights " + model.terms.map { "\($0.variable) \(weightText($0.weight))" }.joined(separator: ", ")
        var notes = [
            "Model: d = √Σ w·(Δz)² over \(over.joined(separator: " and ")) on 1 January \(year), each standardised "
                + "over the \(profiles.count) municipalities with inhabitants: z = (x − mean) ÷ sd; \(weights). "
                + "The % columns are each variable's share of d², adding up to 100.",
        ]
        if sameGroup {
            notes.append("Only municipalities of \(municipality.name)'s DST group (\(municipality.group)) are candidates; "
                         + "the variables are standardised over all \(profiles.count).")
        } else {
            // Named, as a narrow terminal leaves the group column out.
            let inGroup = peers.filter { $0.municipality.group == municipality.group }.map(\.municipality.name)
            notes.append("\(inGroup.count) of the \(peers.count) \(inGroup.count == 1 ? "is" : "are") in "
                         + "\(municipality.name)'s own DST group (\(municipality.group))"
                         + (inGroup.isEmpty ? "" : ": " + listed(inGroup))
                         + "; peers \(municipality.name) in group keeps to it.")
        }
        if !omitted.isEmpty {
            notes.append("Left out: \(omitted.map(\.description).joined(separator: ", ")) (shares by age): "
                         + "\(provenance.dataset) has population totals only\(agesHint).")
        }
        for statistic in statistics where !statistic.separates {
            notes.append("\(statistic.variable) is the same in every municipality (sd 0): it contributes nothing.")
        }
        for statistic in statistics where statistic.separates && statistic.weight == 0 {
            notes.append("\(statistic.variable) has weight 0: shown, but it counts for nothing.")
        }
        let same = peers.filter { $0.squaredDistance == 0 }.map(\.municipality.name)
        if !same.isEmpty {
            notes.append("\(same.joined(separator: ", ")) \(same.count == 1 ? "has" : "have") the same figures as "
                         + "\(municipality.name) on every variable (distance 0).")
        }
        for tie in ties where tie.count > 1 {
            notes.append("Equally near: \(tie.joined(separator: ", ")) (in order of name).")
        }
        if let asked = requested, asked > ranked.count {
            notes.append("Only \(ranked.count) candidates: all are shown.")
        }
        if !absent.isEmpty {
            let listed = absent.map { "\($0.municipality.name) (\($0.reason == .noInhabitants ? "no inhabitants" : "no ages"))" }
            notes.append("Not among the \(profiles.count): \(listed.joined(separator: ", ")).")
        }
        notes.append("Peers are alike in size and age profile only, not in needs, wealth or geography: "
                     + "a place to start comparing, not a verdict.")
        return notes
    }

    /// The shown peers at equal distances, by distance.
    private var ties: [[String]] {
        Dictionary(grouping: peers, by: \.squaredDistance).filter { $0.key > 0 && $0.value.count > 1 }
            .sorted { $0.key < $1.key }.map { $0.value.map(\.municipality.name) }
    }

    private func definedProvenance(year: Int) -> Provenance {
        var provenance = provenance
        let variables = model.terms.map { term -> String in
            let what = switch term.variable {
            case .size: "size = ln(inhabitants)"
            case .share(let segment): "share aged \(segment)"
            }
            return "\(what) ×\(weightText(term.weight))"
        }
        provenance.definition = "peer model: \(variables.joined(separator: ", ")), population on 1 January \(year); "
            + "z = (x − mean) ÷ sd over the \(profiles.count) municipalities with inhabitants (population sd); "
            + "d = √Σ w·(Δz)²; nearest first, equal distances by name"
        return provenance
    }
}

/// "a", "a and b", "a, b and c".
private func listed(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
}
