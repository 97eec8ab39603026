import RdrEngine

/// Turns rankings, gaps and overviews into result sets: the columns, headings and notes a reader
/// sees. Numbers stay numbers here; the renderers format them.

/// Which rows of a ranking to show. The places are always out of every ranked municipality.
public enum RowSelection: Sendable, Equatable {
    case all
    case top(Int)
    case bottom(Int)
    case only([Municipality])
}

let mulighedsrumCaveat =
    "Mulighedsrum is a starting point for questions, not a saving: it is not corrected for demography or socio-economics."

extension Ranking {
    /// `levels`: the country, regions or groups shown under the median, with a note on how each is made.
    public func resultSet(showing selection: RowSelection = .all, levels: [Reference] = []) -> ResultSet {
        let person = segment.person
        let shown: [Entry] = switch selection {
        case .all: entries
        case .top(let n): Array(entries.prefix(n))
        case .bottom(let n): Array(entries.suffix(n))
        case .only(let chosen): entries.filter { chosen.contains($0.municipality) }
        }
        var notes: [String] = []
        if shown.count < entries.count {
            notes.append("Showing \(shown.count) of \(entries.count) ranked municipalities.")
        }
        if case .only(let chosen) = selection {
            for municipality in chosen where !entries.contains(where: { $0.municipality == municipality }) {
                let reason = excluded.first { $0.municipality == municipality }?.reason ?? "not in this dataset"
                notes.append("\(municipality.name) is not ranked: \(reason).")
            }
        }
        for group in ties where group.contains(where: { tied in shown.contains { $0.municipality == tied.municipality } }) {
            let names = group.map(\.municipality.name).joined(separator: ", ")
            notes.append("Tied at place \(group[0].place): \(names) (equal kr. per \(person)).")
        }
        if !excluded.isEmpty {
            let listed = excluded.map { "\($0.municipality.name) (\($0.reason))" }.joined(separator: "; ")
            notes.append("Not ranked, \(excluded.count) of \(entries.count + excluded.count): \(listed).")
        }
        let median = self.median
        let row = { (entry: Entry, name: ResultSet.Value) -> [ResultSet.Value] in
            [.text(provenance.dataset), .text(area.key), .text(segment.description),
             .place(entry.place, tied: entry.tied), name, .amount(entry.perPerson),
             .integer(entry.spending), .integer(entry.persons), .flag(entry.municipality == median.municipality)]
        }
        let levelRows = levels.map { level -> [ResultSet.Value] in
            [.text(provenance.dataset), .text(area.key), .text(segment.description), .empty,
             .labelled(level.name, label: level.role), .amount(level.perPerson),
             level.spending.map(ResultSet.Value.integer) ?? .empty, level.persons.map(ResultSet.Value.integer) ?? .empty,
             .flag(false)]
        }
        if let country = levels.first(where: { $0.scope == .country }) { notes.append(countryNote(country)) }
        if let average = levels.first(where: { $0.scope != .country })?.average { notes.append(average.explanation) }
        return ResultSet(
            title: "\(area.title): kr. per \(person), \(provenance.dataset) (place 1 = lowest)",
            columns: ResultSet.Column.identifying + [
                .init(key: "place", title: "place", kind: .place),
                .init(key: "municipality", title: "kommune", kind: .text),
                .init(key: "kr_per_person", title: "kr. per \(person)", kind: .amount(shown: 0, exported: 2)),
                .init(key: "spending_kr", title: basis == .operating ? "net spending, kr." : "≈ net spending, kr.",
                      kind: .integer),
                .init(key: "persons", title: "\(person)s", kind: .integer),
                .init(key: "is_median", title: "median", kind: .flag, programsOnly: true),
            ],
            rows: shown.map { row($0, .text($0.municipality.name)) },
            footer: [row(median, .labelled(median.municipality.name, label: "median"))] + levelRows,
            footerKey: levels.isEmpty ? "median" : "median_and_levels",
            notes: notes, provenance: provenance)
    }

}

extension Gap {
    /// One area's mulighedsrum with its arithmetic: numbered steps that a reader can check by
    /// hand, with the one rounding (to whole kroner) and the rounded kr. per person said so.
    public func resultSet(ranking: Ranking) -> ResultSet {
        let person = ranking.segment.person
        let name = own.municipality.name
        let other = benchmark.municipality.name
        let year = ranking.dataset.year
        var notes: [String] = []
        if mulighedsrum == 0 {
            notes.append("\(name) already spends at or below place \(place): the mulighedsrum is 0.")
        }
        notes.append("Step 7 is rounded once, to whole kroner (half away from zero); steps 3 and 6 are rounded "
                     + "to 2 decimals, for comparison; every other step is exact.")
        notes.append(mulighedsrumCaveat)
        let tied = benchmark.place == place ? "" : " (tied at \(benchmark.place))"
        let steps: [(String, ResultSet.Value)] = [
            ("\(name), place \(own.place) of \(ranked): net spending, kr.", .integer(own.spending)),
            ("\(name): \(person)s on 1 January \(year)", .integer(own.persons)),
            ("\(name): kr. per \(person) = 1 ÷ 2", .amount(own.perPerson)),
            ("place \(place)\(tied), \(other): net spending, kr.", .integer(benchmark.spending)),
            ("\(other): \(person)s on 1 January \(year)", .integer(benchmark.persons)),
            ("\(other): kr. per \(person) = 4 ÷ 5", .amount(benchmark.perPerson)),
            ("\(name) at the level of place \(place), kr. = 4 × 2 ÷ 5", .integer(spendingAtBenchmarkLevel)),
            (isAboveBenchmark ? "mulighedsrum, kr. = 1 − 7" : "mulighedsrum, kr. = 0 (1 is not above 7)",
             .integer(mulighedsrum)),
        ]
        let keys: [ResultSet.Value] = [.text(ranking.provenance.dataset), .text(name), .text(ranking.area.key),
                                       .text(ranking.segment.description), .integer(place)]
        return ResultSet(
            title: "Mulighedsrum: \(name) to place \(place) in \(ranking.area.title), \(ranking.provenance.dataset)",
            columns: [
                .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                .init(key: "municipality", title: "kommune", kind: .text, programsOnly: true),
                .init(key: "area", title: "area", kind: .text, programsOnly: true),
                .init(key: "per", title: "per", kind: .text, programsOnly: true),
                .init(key: "benchmark_place", title: "to place", kind: .integer, programsOnly: true),
                .init(key: "step", title: "step", kind: .integer),
                .init(key: "item", title: "", kind: .text),
                .init(key: "value", title: "value", kind: .amount(shown: 2, exported: 2)),
            ],
            rows: steps.enumerated().map { index, step in keys + [.integer(index + 1), .text(step.0), step.1] },
            notes: notes, provenance: ranking.provenance)
    }
}

extension BenchmarkPlace {
    /// What a title says it is measured to, and the heading of the benchmark's level:
    /// ("place 40", "at place 40"), ("the median", "at the median"), ("Roskilde", "at Roskilde").
    var phrases: (target: String, level: String) {
        switch self {
        case .place(let number): ("place \(number)", "at place \(number)")
        case .median: ("the median", "at the median")
        case .municipality(let other): (other.name, "at \(other.name)")
        }
    }
}

extension Overview {
    public func resultSet(dataset: Dataset) -> ResultSet {
        var notes: [String] = []
        let name = ResultSet.Value.text(municipality.name)
        let datasetName = ResultSet.Value.text(dataset.provenance.dataset)
        let rows = self.rows.map { row -> [ResultSet.Value] in
            let keys: [ResultSet.Value] = [datasetName, name, .text(row.area.title), .text(row.area.segment.description)]
            switch row.outcome {
            case .success(let gap):
                return keys + [.integer(gap.place), .text(gap.benchmark.municipality.name),
                               .place(gap.own.place, tied: gap.own.tied), .integer(gap.ranked),
                               .amount(gap.own.perPerson), .amount(gap.benchmark.perPerson), .integer(gap.mulighedsrum),
                               .empty]
            case .failure(let error):
                notes.append("\(row.area.title): \(error).")
                let place: ResultSet.Value = switch benchmark {
                case .place(let number): .integer(number)
                case .median, .municipality: .unavailable(error.description)
                }
                return keys + [place] + Array(repeating: .unavailable(error.description), count: 6) + [.text(error.description)]
            }
        }
        let computed = computedCount == self.rows.count
            ? "total" : "total of \(computedCount) of \(self.rows.count) areas"
        switch benchmark {
        case .median: notes.append(medianNote)
        case .municipality(let other): notes.append("The benchmark is \(other.name)'s own level in each area, at its place there.")
        case .place: break
        }
        notes += byFunctionNotes(dataset)
        notes.append(mulighedsrumCaveat)
        let (target, level) = benchmark.phrases
        return ResultSet(
            title: "\(heading): \(municipality.name), mulighedsrum to \(target), \(dataset.provenance.dataset)",
            columns: [
                .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                .init(key: "municipality", title: "kommune", kind: .text, programsOnly: true),
                .init(key: rowKey, title: rowKey, kind: .text),
                .init(key: "per", title: "per", kind: .text),
                .init(key: "benchmark_place", title: "to place", kind: .integer, programsOnly: true),
                .init(key: "benchmark_municipality", title: "at place", kind: .text, programsOnly: true),
                .init(key: "place", title: "place", kind: .place),
                .init(key: "ranked", title: "of", kind: .integer),
                .init(key: "kr_per_person", title: "kr. per person", kind: .amount(shown: 0, exported: 2)),
                .init(key: "benchmark_kr_per_person", title: level, kind: .amount(shown: 0, exported: 2)),
                .init(key: "mulighedsrum_kr", title: "mulighedsrum, kr.", kind: .integer),
                // Why a row has no figures, for programs; a table's notes already say it.
                .init(key: "reason", title: "reason", kind: .text, programsOnly: true),
            ],
            rows: rows,
            footer: [[datasetName, name, .text(computed)] + Array(repeating: .empty, count: 7) + [.integer(total), .empty]],
            footerKey: "total",
            notes: notes, provenance: provenance(dataset))
    }

    var medianNote: String {
        "The median is each \(rowKey)'s own: place ⌊n/2⌋+1 of the n municipalities it ranks."
    }

    /// "Overview" or "Overview by function".
    var heading: String { rowsAreFunctions ? "Overview by function" : "Overview" }
    /// The rows' column: "area" or "function".
    var rowKey: String { rowsAreFunctions ? "function" : "area" }

    func provenance(_ dataset: Dataset) -> Provenance {
        var provenance = dataset.provenance
        provenance.definition = rowsAreFunctions
            ? "each function on its own; \(dataset.basis.description); per the segment the per column gives, on 1 January \(dataset.id.year)"
            : "each area's functions as `areas` lists them; \(dataset.basis.description); "
                + "per the area's segment on 1 January \(dataset.id.year)"
        return provenance
    }

    /// What a reader of an overview by function must know: each row is ranked on its own, and
    /// what the dataset lacks.
    func byFunctionNotes(_ dataset: Dataset) -> [String] {
        guard rowsAreFunctions else { return [] }
        var notes = ["Each function is ranked on its own, per the segment in the per column (its area's, or inhabitants). "
                     + "The total adds up the functions' mulighedsrum: not an area's, in which functions above and below "
                     + "the benchmark net out."]
        if dataset.population.byAge == nil {
            notes.append("\(dataset.name) has population totals only, so every function is per inhabitant.")
        }
        if !dataset.chartIsComplete {
            notes.append("\(dataset.name) holds a selection of \(dataset.functionLabels.count) functions; functions lists them.")
        }
        return notes
    }
}

extension ResultSet.Column {
    /// The keys that say what every row of one area's result is about, for programs: the dataset,
    /// the area (its short name) and the segment.
    static let identifying: [ResultSet.Column] = [
        .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
        .init(key: "area", title: "area", kind: .text, programsOnly: true),
        .init(key: "per", title: "per", kind: .text, programsOnly: true),
    ]
}
