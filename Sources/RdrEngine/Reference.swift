/// A level that stands beside the municipalities of a ranking: the whole country, a region or a
/// DST municipality group, as an average of their spending per person.
public struct Reference: Sendable, Equatable {
    public enum Scope: Sendable, Equatable, Hashable {
        /// Hele landet.
        case country
        case region(String)
        /// Statistics Denmark's municipality group, e.g. "Landkommuner".
        case group(String)
    }

    /// How the municipalities' figures are combined.
    public enum Average: String, Sendable, Equatable, CaseIterable {
        /// Σ spending ÷ Σ persons: what the area as a whole spends per person.
        case weighted
        /// The unweighted mean of the municipalities' kr. per person.
        case mean
        /// The median municipality's kr. per person (place ⌊n/2⌋+1 of the n it holds, as the ranking's).
        case median
    }

    /// Where the whole country's figure comes from.
    public enum Source: Sendable, Equatable {
        /// Statistics Denmark's own figure for OMRÅDE 0 (Hele landet).
        case published
        /// Computed from the municipalities the ranking holds.
        case municipalities
    }

    public let scope: Scope
    public let average: Average
    public let source: Source
    /// Kr. per person. Weighted: `spending` ÷ `persons`.
    public let perPerson: Double
    /// Σ spending and Σ persons, for a weighted figure; nil for a mean or a median.
    public let spending: Int?
    public let persons: Int?
    /// The municipalities it is computed from (0 for a published country figure).
    public let members: Int
}

extension Ranking {
    /// The whole country: Statistics Denmark's own OMRÅDE 0 figure when the dataset has it for every
    /// function summed and for the segment, else the weighted average of the ranked municipalities.
    public func country(in dataset: Dataset) -> Reference {
        if let (amounts, persons) = dataset.publishedCountry(functions, per: segment) {
            let spending = amounts.reduce(0, +)
            return Reference(scope: .country, average: .weighted, source: .published,
                             perPerson: Double(spending) / Double(persons), spending: spending,
                             persons: persons, members: 0)
        }
        return average(of: entries, scope: .country, .weighted)
    }

    /// The average of the ranked municipalities in a region or group; nil when none of them is ranked.
    public func reference(_ scope: Reference.Scope, _ average: Reference.Average) -> Reference? {
        let members = entries.filter { entry in
            switch scope {
            case .country: true
            case .region(let name): entry.municipality.region == name
            case .group(let name): entry.municipality.group == name
            }
        }
        guard !members.isEmpty else { return nil }
        return self.average(of: members, scope: scope, average)
    }

    /// `members` are in place order, as `entries` are.
    private func average(of members: [Entry], scope: Reference.Scope, _ average: Reference.Average) -> Reference {
        switch average {
        case .weighted:
            let spending = members.reduce(0) { $0 + $1.spending }
            let persons = members.reduce(0) { $0 + $1.persons }
            return Reference(scope: scope, average: .weighted, source: .municipalities,
                             perPerson: Double(spending) / Double(persons), spending: spending, persons: persons,
                             members: members.count)
        case .mean:
            let sum = members.reduce(0.0) { $0 + $1.perPerson }
            return Reference(scope: scope, average: .mean, source: .municipalities,
                             perPerson: sum / Double(members.count), spending: nil, persons: nil, members: members.count)
        case .median:
            return Reference(scope: scope, average: .median, source: .municipalities,
                             perPerson: members[members.count / 2].perPerson, spending: nil, persons: nil,
                             members: members.count)
        }
    }
}

extension Dataset {
    /// Statistics Denmark's own whole-country amount for each of `functions` and the country's
    /// persons in `segment`, when the source has all of them (and persons > 0); else nil.
    func publishedCountry(_ functions: [FunctionCode], per segment: Segment) -> (amounts: [Int], persons: Int)? {
        guard let country, let persons = country.population.count(municipality: 0, segment: segment), persons > 0
        else { return nil }
        let amounts = functions.compactMap { country.spending[$0] ?? nil }
        return amounts.count == functions.count ? (amounts, persons) : nil
    }
}
