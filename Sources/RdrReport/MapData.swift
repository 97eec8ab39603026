import RdrEngine

/// A map of Denmark as data: one figure per municipality code, the classes the figures fall in,
/// the municipalities outlined, and the words a map shows — title, unit, legend, text alternative,
/// definition and source. Built from the engine's numbers (an `Analysis`), never from a printed
/// table; `SVGMap` (RdrRender) draws it on the municipalities' outlines.
///
/// The classes have about equal counts (quintiles of the ordered figures): class = ⌊(place − 1) × k
/// ÷ n⌋ for n municipalities in k = 5 classes, so that municipalities sharing a place (equal kr.
/// per person, compared exactly by the ranking) share a class, and each class holds about a fifth.
public struct MapData: Sendable, Equatable {
    /// What the figures are.
    public enum Measure: Sendable, Equatable {
        /// Kr. per person of the segment (`person`: "inhabitant", "6-16-year-old").
        case perPerson(person: String)
        /// The peer distance from `of` (standardised units).
        case distance(of: Municipality)
    }

    public struct Figure: Sendable, Equatable {
        public let municipality: Municipality
        public let value: Double
        /// 1 = lowest value; shared by equal values.
        public let place: Int
        /// Index into `classes`.
        public let classIndex: Int
        /// As a reader reads it: "7.123 kr. per inhabitant, place 45 of 98".
        public let text: String
    }

    public struct Class: Sendable, Equatable {
        public let lowest: Double
        public let highest: Double
        public let count: Int
        /// 0 = the lightest colour … `MapData.shades` − 1 = the darkest.
        public let shade: Int
        /// The range in Danish-style numbers: "7.806–8.912 kr.".
        public let label: String
    }

    /// A municipality with no figure, and why (not ranked: "no figure for 3.22.01").
    public struct Missing: Sendable, Equatable {
        public let municipality: Municipality
        public let reason: String
    }

    public let title: String
    /// The line under the title: what the colours are and how the classes are made.
    public let subtitle: String
    public let measure: Measure
    /// "kr. per inhabitant", "distance".
    public let unit: String
    /// By place, lowest first.
    public let figures: [Figure]
    /// Lowest values first.
    public let classes: [Class]
    /// The municipalities of the result that have no figure.
    public let missing: [Missing]
    /// The legend's words for a municipality without a figure.
    public let missingLabel: String
    /// Outlined on the map: the municipality the result is about (`rank … for X`, `map s for X`).
    public let highlighted: [Municipality]
    public let provenance: Provenance

    /// The words under the title: the subtitle, after the INVENTED mark when the figures are.
    public var subtitleText: String {
        provenance.invented ? "INVENTED FIGURES, not any real municipality's accounts. " + subtitle : subtitle
    }

    /// How many colours the palette has: the most classes a map has.
    public static let shades = 5

    public func figure(code: Int) -> Figure? {
        figures.first { $0.municipality.code == code }
    }

    /// Why a result cannot be a map, in one line that says what would work.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// `what`: "a comparison (compare …)".
        case noFigurePerMunicipality(what: String)

        public var description: String {
            switch self {
            case .noFigurePerMunicipality(let what):
                "it is \(what), which has no figure per municipality; map draws a ranking (rank …), "
                    + "the ranking behind a gap, or peers (their distance)"
            }
        }
    }

    /// The map of a kept result: a ranking (kr. per person), the ranking behind a gap (its
    /// municipality outlined), or peers (the distance from the municipality compared, which is
    /// outlined). `highlight` replaces the outlined municipalities when given. Invented figures
    /// (a fixture) make a map that says so, as every rendering does; the teaching dataset's
    /// fictional municipalities have no outline, which the `map` command refuses.
    public static func make(from analysis: Analysis, highlight: [Municipality]? = nil) throws(Refusal) -> MapData {
        switch analysis {
        case .ranking(let ranking): return make(ranking, highlight: highlight ?? [])
        case .gap(let gap, let ranking): return make(ranking, highlight: highlight ?? [gap.own.municipality])
        case .sensitivity(let sensitivity):
            return make(sensitivity.ranking, highlight: highlight ?? [sensitivity.municipality])
        case .peers(let peers): return make(peers, highlight: highlight ?? [peers.municipality])
        case .overview, .overviews: throw .noFigurePerMunicipality(what: "an overview of one municipality (gap … without in)")
        case .comparison, .areaComparisons: throw .noFigurePerMunicipality(what: "a comparison (compare …)")
        case .trend: throw .noFigurePerMunicipality(what: "a trend (trend …)")
        case .drill: throw .noFigurePerMunicipality(what: "a drill-down (drill …)")
        }
    }

    /// The municipalities `map NAME for …` can outline: those of the result.
    public static func municipalities(of analysis: Analysis) -> [Municipality] {
        switch analysis {
        case .ranking(let ranking), .gap(_, let ranking): ranking.entries.map(\.municipality) + ranking.excluded.map(\.municipality)
        case .sensitivity(let sensitivity):
            sensitivity.ranking.entries.map(\.municipality) + sensitivity.ranking.excluded.map(\.municipality)
        case .peers(let peers): [peers.municipality] + peers.ranked.map(\.municipality) + peers.absent.map(\.municipality)
        default: []
        }
    }

    private static func make(_ ranking: Ranking, highlight: [Municipality]) -> MapData {
        let person = ranking.segment.person
        let unit = "kr. per \(person)"
        let n = ranking.entries.count
        let placed = ranking.entries.map { (municipality: $0.municipality, value: $0.perPerson, place: $0.place) }
        let (classes, indices) = classify(placed.map { ($0.value, $0.place) }, label: { "\(whole($0))–\(whole($1)) kr." },
                                          darkerIsHigher: true)
        let figures = placed.indices.map { index in
            Figure(municipality: placed[index].municipality, value: placed[index].value, place: placed[index].place,
                   classIndex: indices[index],
                   text: "\(whole(placed[index].value)) \(unit), place \(placed[index].place) of \(n)")
        }
        return MapData(
            title: "\(ranking.area.title): \(unit), \(ranking.provenance.dataset)",
            subtitle: "Kr. per \(person) in \(classes.count) classes of about equal size; darker = higher spending.",
            measure: .perPerson(person: person), unit: unit, figures: figures, classes: classes,
            missing: ranking.excluded.map { Missing(municipality: $0.municipality, reason: $0.reason) },
            missingLabel: "no figure (not ranked)", highlighted: highlight, provenance: ranking.provenance)
    }

    private static func make(_ peers: Peers, highlight: [Municipality]) -> MapData {
        let own = peers.municipality.name
        var placed: [(municipality: Municipality, value: Double, place: Int)] = []
        for (position, candidate) in peers.ranked.enumerated() {
            let shares = position > 0 && peers.ranked[position - 1].squaredDistance == candidate.squaredDistance
            placed.append((candidate.municipality, candidate.distance, shares ? placed[position - 1].place : position + 1))
        }
        let (classes, indices) = classify(placed.map { ($0.value, $0.place) }, label: { "\(hundredths($0))–\(hundredths($1))" },
                                          darkerIsHigher: false)
        let n = placed.count
        let figures = placed.indices.map { index in
            Figure(municipality: placed[index].municipality, value: placed[index].value, place: placed[index].place,
                   classIndex: indices[index],
                   text: "distance \(hundredths(placed[index].value)) from \(own), \(placed[index].place == 1 ? "nearest" : "\(placed[index].place). nearest") of \(n)")
        }
        var missing = [Missing(municipality: peers.municipality, reason: "the municipality compared")]
        missing += peers.absent.map {
            Missing(municipality: $0.municipality, reason: $0.reason == .noInhabitants ? "no inhabitants" : "no ages")
        }
        if peers.sameGroup {
            let outside = peers.profiles.map(\.municipality).filter { $0 != peers.municipality && $0.group != peers.municipality.group }
            missing += outside.map { Missing(municipality: $0, reason: "not in \(own)'s DST group") }
        }
        let variables = peers.model.terms.map { $0.weight == 1 ? $0.variable.description : "\($0.variable) × \(hundredths($0.weight))" }
        return MapData(
            title: "Distance from \(own) (peers on \(variables.joined(separator: ", "))), \(peers.provenance.dataset)",
            subtitle: "Peer distance in \(classes.count) classes of about equal size; darker = nearer (more alike).",
            measure: .distance(of: peers.municipality), unit: "distance", figures: figures, classes: classes,
            missing: missing, missingLabel: "no distance (\(own) itself\(peers.sameGroup ? ", or outside its group" : ""))",
            highlighted: highlight, provenance: peers.provenance)
    }

    /// The classes of values given with their places (1 = lowest, shared by equal values), in
    /// order; the class of each value.
    static func classify(_ values: [(value: Double, place: Int)], label: (Double, Double) -> String,
                         darkerIsHigher: Bool) -> (classes: [Class], indices: [Int]) {
        let n = values.count
        let k = min(shades, n)
        let raw = values.map { ($0.place - 1) * k / n }
        // Equal values can leave a class empty (all tied): the classes are those that hold any.
        let used = Array(Set(raw)).sorted()
        let indices = raw.map { used.firstIndex(of: $0)! }
        let count = used.count
        let classes = (0..<count).map { index -> Class in
            let members = zip(values, indices).filter { $0.1 == index }.map(\.0.value)
            let lowest = members.min()!, highest = members.max()!
            // Spread over the palette: 1 class the middle colour, 5 every colour.
            let spread = count == 1 ? (shades - 1) / 2 : (index * (shades - 1) + (count - 1) / 2) / (count - 1)
            return Class(lowest: lowest, highest: highest, count: members.count,
                         shade: darkerIsHigher ? spread : shades - 1 - spread, label: label(lowest, highest))
        }
        return (classes, indices)
    }

    /// The text alternative: what the map shows, for a reader who cannot see it.
    public var altText: String {
        let noun = figures.count == 1 ? "municipality" : "municipalities"
        var parts = ["A map of Denmark: \(figures.count) \(noun) shaded by \(unit) (\(title))."]
        parts.append("Classes: " + classes.map { "\($0.label) (\($0.count))" }.joined(separator: "; ") + ".")
        if !missing.isEmpty {
            parts.append("Without a figure: " + missing.map { "\($0.municipality.name) (\($0.reason))" }.joined(separator: ", ") + ".")
        }
        for municipality in highlighted {
            if let figure = figures.first(where: { $0.municipality == municipality }) {
                parts.append("Outlined: \(municipality.name), \(figure.text), in class \(figure.classIndex + 1) of \(classes.count) (\(classes[figure.classIndex].label)).")
            } else {
                parts.append("Outlined: \(municipality.name), without a figure.")
            }
        }
        return parts.joined(separator: " ")
    }

    /// The lines printed under the map besides its credit: definition and source.
    public var captionLines: [String] { provenance.captionLines }
}

/// A whole number of kroner as a Danish reader writes it: 12.345 (rounded half away from zero).
fileprivate func whole(_ value: Double) -> String {
    let rounded = Int(value.rounded(.toNearestOrAwayFromZero))
    let digits = String(rounded.magnitude)
    var text = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(".") }
        text.append(digit)
    }
    return (rounded < 0 ? "-" : "") + text
}

/// Two decimals with a decimal comma: 0,53.
fileprivate func hundredths(_ value: Double) -> String {
    let cents = Int((value * 100).rounded(.toNearestOrAwayFromZero))
    let fraction = cents.magnitude % 100
    return (cents < 0 ? "-" : "") + whole(Double(cents.magnitude / 100)) + "," + (fraction < 10 ? "0" : "") + String(fraction)
}
