import Glibc  // log: the engine needs no more of the system than that

/// A structural variable of the peer model: what makes two municipalities comparable before a
/// krone is spent.
public enum PeerVariable: Hashable, Sendable, CustomStringConvertible {
    /// ln(inhabitants on 1 January): size matters in proportion, so 10,000 and 20,000 inhabitants
    /// are as far apart as 50,000 and 100,000.
    case size
    /// The share of the inhabitants on 1 January in an age segment (0-5, 65+ …).
    case share(Segment)

    /// The form used in the language: `size`, `0-5`, `65+`.
    public var description: String {
        switch self {
        case .size: "size"
        case .share(let segment): segment.description
        }
    }

    /// Whether the variable needs population by age, which the built-in real snapshot lacks.
    public var needsAges: Bool {
        if case .share(let segment) = self { return segment.needsAges }
        return false
    }
}

/// The variables the distance is measured on, each with its weight.
public struct PeerModel: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public let variable: PeerVariable
        /// Finite and ≥ 0; a term of weight 0 is shown but counts for nothing.
        public let weight: Double

        public init(_ variable: PeerVariable, weight: Double = 1) {
            self.variable = variable
            self.weight = weight
        }
    }

    public let terms: [Term]

    public init(_ terms: [Term]) {
        self.terms = terms
    }

    public var variables: [PeerVariable] { terms.map(\.variable) }

    /// Size and the age profile, each of weight 1: size, 0-5, 6-16, 18-64, 65+, 80+.
    public static let standard = PeerModel([
        Term(.size),
        Term(.share(.ages(lower: 0, upper: 5))),
        Term(.share(.ages(lower: 6, upper: 16))),
        Term(.share(.ages(lower: 18, upper: 64))),
        Term(.share(.ages(lower: 65, upper: nil))),
        Term(.share(.ages(lower: 80, upper: nil))),
    ])
}

/// Why the engine cannot find peers. Each description is one line that says what is wrong and,
/// where there is one, what would make it work.
public enum PeerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A variable named explicitly needs ages the dataset lacks (`position` in the model).
    case variableNeedsAges(variable: PeerVariable, position: Int, dataset: String)
    /// A weight that is negative or not finite (`position` in the model).
    case badWeight(variable: PeerVariable, position: Int)
    /// Every weight is 0 (or the model is empty): nothing to measure a distance on.
    case noWeight
    /// A variable named twice (`position` is the second time).
    case repeatedVariable(variable: PeerVariable, position: Int)
    /// The municipality has no inhabitants (or no ages, when the model needs them) in the dataset.
    case noFigures(municipality: String, dataset: String, needsAges: Bool)
    /// No municipality is left to compare with (with `group`, none other in it has figures).
    case noCandidates(municipality: String, group: String?)

    public var description: String {
        switch self {
        case let .variableNeedsAges(variable, _, dataset):
            "the share of \(variable)-year-olds needs population by age, but \(dataset) has population totals only; "
                + "leave it out, or use size"
        case let .badWeight(variable, _):
            "the weight of \(variable) must be a number of 0 or more"
        case .noWeight:
            "at least one variable needs a weight above 0"
        case let .repeatedVariable(variable, _):
            "\(variable) is named twice; give each variable once, with its weight"
        case let .noFigures(municipality, dataset, needsAges):
            "\(municipality) has no " + (needsAges ? "population by age" : "inhabitants") + " in \(dataset), "
                + "so it cannot be placed among the others"
        case let .noCandidates(municipality, group?):
            "no other municipality of \(municipality)'s DST group (\(group)) has the figures to compare with"
        case let .noCandidates(municipality, nil):
            "no other municipality has the figures to compare \(municipality) with"
        }
    }
}

/// The municipalities most similar to one on structural variables — CIPFA's nearest-neighbour
/// model, FLIS's "most comparable municipalities" — transparently: every variable is
/// standardised over the dataset's municipalities (z = (x − mean) ÷ sd, the population sd),
/// the distance is d = √Σ wᵢ·(Δzᵢ)², and each variable's share of d² is kept, with every raw
/// value, mean, sd and z-score, so that an explanation can show every step.
///
/// Distances are Doubles (ln and √ are not exact); Δz is worked out as (x(b) − x(a)) ÷ sd, so
/// that two municipalities with the same figures are exactly as far away, and equal distances
/// are ordered by name.
public struct Peers: Sendable {
    /// A variable over the municipalities it is standardised over.
    public struct Statistic: Sendable, Equatable {
        public let variable: PeerVariable
        public let weight: Double
        public let mean: Double
        /// The population standard deviation (÷ n); 0 when every municipality has the same value,
        /// and then the variable contributes nothing.
        public let sd: Double

        public var separates: Bool { sd > 0 }
    }

    /// One municipality's figures on the model's variables, indexed like `Peers.statistics`.
    public struct Profile: Sendable, Equatable {
        public let municipality: Municipality
        /// All inhabitants on 1 January.
        public let inhabitants: Int
        /// The head count each value comes from: the inhabitants for size, the persons in the
        /// segment for a share.
        public let counts: [Int]
        /// ln(inhabitants) for size, persons in the segment ÷ inhabitants for a share.
        public let values: [Double]
        /// (value − mean) ÷ sd; nil for a variable with sd 0.
        public let z: [Double?]
    }

    /// A municipality that could be a peer, with its distance and how each variable makes it up.
    public struct Candidate: Sendable, Equatable {
        public let profile: Profile
        /// Per variable: Δz = (x(candidate) − x(own)) ÷ sd; 0 for a variable with sd 0.
        public let differences: [Double]
        /// Per variable: wᵢ·(Δzᵢ)²; they add up to `squaredDistance`.
        public let terms: [Double]
        public let squaredDistance: Double

        public var municipality: Municipality { profile.municipality }
        public var distance: Double { squaredDistance.squareRoot() }

        /// Per variable: its share of d², adding up to 1; nil when d = 0 (the same figures).
        public var contributions: [Double]? {
            squaredDistance > 0 ? terms.map { $0 / squaredDistance } : nil
        }
    }

    /// Why a municipality is left out of the standardisation.
    public enum Absence: Sendable, Equatable {
        case noInhabitants
        /// The dataset has ages, but none for this municipality.
        case noAges
    }

    public let dataset: DatasetID
    /// The dataset's provenance; the report adds the model's definition.
    public let provenance: Provenance
    public let municipality: Municipality
    /// The variables used, in the order given, with their weights.
    public let model: PeerModel
    /// Variables of the default model left out because the dataset has population totals only.
    public let omitted: [PeerVariable]
    /// Per term of `model`.
    public let statistics: [Statistic]
    public let own: Profile
    /// Every municipality the variables are standardised over, in the dataset's order, the
    /// compared one included.
    public let profiles: [Profile]
    /// Municipalities of the dataset left out of the standardisation (and of the candidates).
    public let absent: [(municipality: Municipality, reason: Absence)]
    /// True when only municipalities of the compared one's DST group are candidates.
    public let sameGroup: Bool
    /// Every candidate, nearest first (ties by name): all others, or the others of its group.
    public let ranked: [Candidate]
    /// How many peers were asked for; nil = every candidate.
    public let requested: Int?

    /// How many of `ranked` are the peers: as many as asked, when there are that many candidates.
    public var count: Int { min(requested ?? ranked.count, ranked.count) }

    /// The nearest `count` candidates.
    public var peers: [Candidate] { Array(ranked.prefix(count)) }

    public var nearest: [Municipality] { peers.map(\.municipality) }

    /// How many peers unless asked otherwise: FLIS's dybdeanalyse compares with "the 5 most
    /// comparable municipalities".
    public static let standardCount = 5

    /// The nearest municipalities to `municipality` in `dataset` on `model`. `count` nil: every
    /// candidate. `sameGroup`: only municipalities of its DST group are candidates (the variables
    /// are still standardised over the whole dataset). `leaveOutWhatTheDataLacks`: an age
    /// variable is left out (and listed in `omitted`) when the dataset has population totals
    /// only, rather than refused — for the default model, which the user did not choose.
    public static func compute(of municipality: Municipality, in dataset: Dataset, model: PeerModel = .standard,
                               count: Int? = standardCount, sameGroup: Bool = false,
                               leaveOutWhatTheDataLacks: Bool = false) throws(PeerError) -> Peers {
        var terms: [PeerModel.Term] = []
        var omitted: [PeerVariable] = []
        for (position, term) in model.terms.enumerated() {
            guard term.weight.isFinite, term.weight >= 0 else {
                throw .badWeight(variable: term.variable, position: position)
            }
            if terms.contains(where: { $0.variable == term.variable }) {
                throw .repeatedVariable(variable: term.variable, position: position)
            }
            if term.variable.needsAges, dataset.population.byAge == nil {
                guard leaveOutWhatTheDataLacks else {
                    throw .variableNeedsAges(variable: term.variable, position: position, dataset: dataset.name)
                }
                omitted.append(term.variable)
                continue
            }
            terms.append(term)
        }
        guard terms.contains(where: { $0.weight > 0 }) else { throw .noWeight }
        let used = PeerModel(terms)
        let needsAges = used.variables.contains { $0.needsAges }

        var profiles: [Profile] = []
        var absent: [(municipality: Municipality, reason: Absence)] = []
        var counts: [[Int]] = []
        for (index, member) in dataset.municipalities.enumerated() {
            let inhabitants = dataset.population.totals[index]
            guard inhabitants > 0 else {
                absent.append((member, .noInhabitants))
                continue
            }
            if needsAges, dataset.population.byAge?[index].isEmpty ?? true {
                absent.append((member, .noAges))
                continue
            }
            counts.append(used.variables.map { variable in
                switch variable {
                case .size: inhabitants
                case .share(let segment): dataset.population.count(municipality: index, segment: segment) ?? 0
                }
            })
            // z-scores are filled in below, once the means and sds are known.
            profiles.append(Profile(municipality: member, inhabitants: inhabitants, counts: [], values: [], z: []))
        }
        guard let ownIndex = profiles.firstIndex(where: { $0.municipality == municipality }) else {
            throw .noFigures(municipality: municipality.name, dataset: dataset.name,
                             needsAges: absent.contains { $0.municipality == municipality && $0.reason == .noAges })
        }

        let values = profiles.indices.map { row in
            used.variables.indices.map { column in
                let count = counts[row][column]
                return switch used.variables[column] {
                case .size: log(Double(count))
                case .share: Double(count) / Double(profiles[row].inhabitants)
                }
            }
        }
        let statistics = used.terms.indices.map { column -> Statistic in
            let xs = values.map { $0[column] }
            let mean = xs.reduce(0, +) / Double(xs.count)
            // Equal values are said to be equal, not left to a rounding remainder of the mean.
            let sd = xs.allSatisfy { $0 == xs[0] } ? 0
                : (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)).squareRoot()
            return Statistic(variable: used.terms[column].variable, weight: used.terms[column].weight, mean: mean, sd: sd)
        }
        profiles = profiles.indices.map { row in
            Profile(municipality: profiles[row].municipality, inhabitants: profiles[row].inhabitants,
                    counts: counts[row], values: values[row],
                    z: statistics.indices.map { column in
                        statistics[column].separates ? (values[row][column] - statistics[column].mean) / statistics[column].sd : nil
                    })
        }

        let own = profiles[ownIndex]
        let candidates = profiles.filter { $0.municipality != municipality && (!sameGroup || $0.municipality.group == municipality.group) }
        guard !candidates.isEmpty else {
            throw .noCandidates(municipality: municipality.name, group: sameGroup ? municipality.group : nil)
        }
        let ranked = candidates.map { profile -> Candidate in
            let differences = statistics.indices.map { column in
                statistics[column].separates ? (profile.values[column] - own.values[column]) / statistics[column].sd : 0
            }
            let terms = statistics.indices.map { statistics[$0].weight * differences[$0] * differences[$0] }
            return Candidate(profile: profile, differences: differences, terms: terms,
                             squaredDistance: terms.reduce(0, +))
        }.sorted { a, b in
            if a.squaredDistance != b.squaredDistance { return a.squaredDistance < b.squaredDistance }
            if a.municipality.name != b.municipality.name { return a.municipality.name < b.municipality.name }
            return a.municipality.code < b.municipality.code
        }
        return Peers(dataset: dataset.id, provenance: dataset.provenance, municipality: municipality, model: used,
                     omitted: omitted, statistics: statistics, own: own, profiles: profiles, absent: absent,
                     sameGroup: sameGroup, ranked: ranked, requested: count)
    }
}
