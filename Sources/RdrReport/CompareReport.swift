import RdrEngine

/// The words and columns of comparisons, and of the levels (country, regions, groups) a ranking
/// can show: what a reader sees of `Comparison` and `Reference`.

extension Reference.Scope {
    /// "Hele landet", "Region Sjælland", "Landkommuner".
    public var name: String {
        switch self {
        case .country: "Hele landet"
        case .region(let region): "Region \(region)"
        case .group(let group): group
        }
    }
}

extension Reference {
    public var name: String { scope.name }

    /// What kind of level it is, for the role column and labels: "country", "region, mean" …
    public var role: String {
        let scope = switch self.scope {
        case .country: "country"
        case .region: "region"
        case .group: "DST group"
        }
        return average == .weighted ? scope : "\(scope), \(average.rawValue)"
    }

}

extension String {
    /// Lower-case ASCII letters, digits and single underscores: "Lyngby-Taarbæk" → "lyngby_taarbaek".
    var slug: String {
        var result = ""
        for character in matchingKey {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && result.last != "_" {
                result.append("_")
            }
        }
        return result.last == "_" ? String(result.dropLast()) : result
    }
}

extension Reference.Average {
    /// The note that says how the region's and group's figures are made.
    var explanation: String {
        switch self {
        case .weighted: "Region and group averages are weighted: Σ net spending ÷ Σ persons of their ranked municipalities "
            + "(average mean or median chooses another)."
        case .mean: "Region and group figures are the unweighted mean of their ranked municipalities' kr. per person."
        case .median: "Region and group figures are their median municipality's kr. per person (place ⌊n/2⌋+1 of n)."
        }
    }
}

/// How the country's figure was found, for a note.
func countryNote(_ country: Reference) -> String {
    countryNote(country.source, members: country.members)
}

func countryNote(_ source: Reference.Source, members: Int) -> String {
    switch source {
    case .published: "Hele landet is Statistics Denmark's own figure for the whole country (OMRÅDE 0)."
    case .municipalities: "Hele landet is the sum of the \(members) ranked municipalities (Σ spending ÷ Σ persons): "
        + "the data has no figure of its own for the whole country."
    }
}

extension Comparison {
    /// One row per municipality, then the country, the region and the group.
    public func resultSet(in language: Language = .en) -> ResultSet {
        let w = language
        let ranking = self.ranking
        let segment = ranking.segment
        let own = members[0].municipality
        let keys: [ResultSet.Value] = [.text(ranking.provenance.dataset), .text(ranking.area.key),
                                       .text(ranking.segment.description), .text(own.name)]
        var notes: [String] = []
        var rows: [[ResultSet.Value]] = []
        for (position, member) in members.enumerated() {
            let role = ResultSet.Value.text(position == 0 ? w.compared : w.peer)
            if let entry = member.entry {
                rows.append(keys + [.text(member.municipality.name), role, .amount(entry.perPerson),
                                    index(entry.perPerson).map(ResultSet.Value.amount) ?? .unavailable(w.countryNotPositive),
                                    .place(entry.place, tied: entry.tied), .integer(ranking.entries.count),
                                    .integer(entry.spending), .integer(entry.persons)])
            } else {
                let reason = member.reason ?? w.notRankedShort
                notes.append(w.notRanked(member.municipality.name, reason))
                rows.append(keys + [.text(member.municipality.name), role]
                            + Array(repeating: .unavailable(reason), count: 6))
            }
        }
        for reference in references {
            rows.append(keys + [.text(reference.name), .text(w.role(reference)), .amount(reference.perPerson),
                                index(reference.perPerson).map(ResultSet.Value.amount) ?? .unavailable(w.countryNotPositive),
                                .empty, reference.members > 0 ? .integer(reference.members) : .empty,
                                reference.spending.map(ResultSet.Value.integer) ?? .empty,
                                reference.persons.map(ResultSet.Value.integer) ?? .empty])
        }
        notes += [w.countryNote(country.source, members: country.members),
                  references.first { $0.scope != .country }.map { w.averageExplanation($0.average) } ?? "", w.indexNote,
                  w.comparePlaceNote(ranking.entries.count)].filter { !$0.isEmpty }
        return ResultSet(
            title: w.compareTitle(ranking.area.title, own.name, w.peerPhrase(members.dropFirst().map(\.municipality.name)),
                                  segment, ranking.provenance.dataset),
            columns: ResultSet.Column.identifying(w) + [
                .init(key: "compared", title: w.compared, kind: .text, programsOnly: true),
                .init(key: "name", title: w.nameOrLevel, kind: .text),
                .init(key: "role", title: w.roleHeading, kind: .text),
                .init(key: "kr_per_person", title: w.krPerHeading(segment), kind: .amount(shown: 0, exported: 2)),
                .init(key: "index", title: w.index, kind: .amount(shown: 0, exported: 2)),
                .init(key: "place", title: w.place, kind: .place),
                .init(key: "ranked", title: w.of, kind: .integer),
                .init(key: "spending_kr", title: w.spending(ranking.basis), kind: .integer),
                .init(key: "persons", title: w.personsHeading(segment), kind: .integer),
            ],
            rows: rows, notes: notes, provenance: ranking.provenance, language: language)
    }
}

extension AreaComparisons {
    public func resultSet(dataset: Dataset, in language: Language = .en) -> ResultSet {
        let w = language
        let scopes: [Reference.Scope] = [.country, .region(municipality.region), .group(municipality.group)]
        var notes: [String] = []
        var countries: [Reference] = []
        let datasetName = ResultSet.Value.text(dataset.provenance.dataset)
        let own = ResultSet.Value.text(municipality.name)
        let table = rows.map { row -> [ResultSet.Value] in
            let keys = [datasetName, own, .text(row.area.title), .text(row.area.segment.description)]
            switch row.outcome {
            case .success(let comparison):
                countries.append(comparison.country)
                let amount = { (member: Comparison.Member) -> ResultSet.Value in
                    member.entry.map { .amount($0.perPerson) } ?? .unavailable(member.reason ?? w.notRankedShort)
                }
                let head = comparison.members[0]
                for member in comparison.members where member.entry == nil {
                    notes.append("\(row.area.title): " + w.notRanked(member.municipality.name, member.reason ?? ""))
                }
                let ranked = ResultSet.Value.integer(comparison.ranking.entries.count)
                let ownCells: [ResultSet.Value] = head.entry.map { entry in
                    [.amount(entry.perPerson),
                     comparison.index(entry.perPerson).map(ResultSet.Value.amount) ?? .unavailable(w.countryNotPositive),
                     .place(entry.place, tied: entry.tied), ranked]
                } ?? [amount(head), .unavailable(head.reason ?? ""), .unavailable(head.reason ?? ""), ranked]
                let levels = scopes.map { scope -> ResultSet.Value in
                    comparison.references.first { $0.scope == scope }.map { .amount($0.perPerson) }
                        ?? .unavailable(w.noneRanked)
                }
                return keys + ownCells + comparison.members.dropFirst().map(amount) + levels
            case .failure(let error):
                notes.append("\(row.area.title): \(error).")
                return keys + Array(repeating: .unavailable(error.description), count: 4 + peers.count + scopes.count)
            }
        }
        if Set(countries.map(\.source)).count == 1, let country = countries.first {
            notes.append(w.countryNote(country.source, members: country.members))
        } else if !countries.isEmpty {
            notes.append(w.mixedCountryNote)
        }
        notes += [w.averageExplanation(average), w.indexNote]
        var provenance = dataset.provenance
        provenance.definition = w.overviewDefinition(byFunction: false, basis: dataset.basis, year: dataset.id.year)
        return ResultSet(
            title: w.compareAllTitle(municipality.name, peers: peers.map(\.name), dataset.provenance.dataset),
            columns: [
                .init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
                .init(key: "municipality", title: w.kommune, kind: .text, programsOnly: true),
                .init(key: "area", title: w.area, kind: .text),
                .init(key: "per", title: w.per, kind: .text),
                .init(key: "kr_per_person", title: municipality.name, kind: .amount(shown: 0, exported: 2)),
                .init(key: "index", title: w.index, kind: .amount(shown: 0, exported: 2)),
                .init(key: "place", title: w.place, kind: .place),
                .init(key: "ranked", title: w.of, kind: .integer),
            ] + peers.map {
                .init(key: "kr_per_person_\($0.name.slug)", title: $0.name, kind: .amount(shown: 0, exported: 2))
            } + scopes.map {
                .init(key: "kr_per_person_\($0.name.slug)", title: $0.name, kind: .amount(shown: 0, exported: 2))
            },
            rows: table, notes: notes, provenance: provenance, language: language)
    }
}
