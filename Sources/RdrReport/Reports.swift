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

let mulighedsrumCaveat = Language.en.caveat

extension Ranking {
    /// `levels`: the country, regions or groups shown under the median, with a note on how each is made.
    public func resultSet(showing selection: RowSelection = .all, levels: [Reference] = [],
                          in language: Language = .en) -> ResultSet {
        let w = language
        let shown: [Entry] = switch selection {
        case .all: entries
        case .top(let n): Array(entries.prefix(n))
        case .bottom(let n): Array(entries.suffix(n))
        case .only(let chosen): entries.filter { chosen.contains($0.municipality) }
        }
        var notes: [String] = []
        if shown.count < entries.count {
            notes.append(w.showing(shown.count, of: entries.count))
        }
        if case .only(let chosen) = selection {
            for municipality in chosen where !entries.contains(where: { $0.municipality == municipality }) {
                let reason = excluded.first { $0.municipality == municipality }?.reason ?? w.notInDataset
                notes.append(w.notRanked(municipality.name, reason))
            }
        }
        for group in ties where group.contains(where: { tied in shown.contains { $0.municipality == tied.municipality } }) {
            let names = group.map(\.municipality.name).joined(separator: ", ")
            notes.append(w.tied(at: group[0].place, names, segment))
        }
        if !excluded.isEmpty {
            let listed = excluded.map { "\($0.municipality.name) (\($0.reason))" }.joined(separator: "; ")
            notes.append(w.notRankedList(excluded.count, of: entries.count + excluded.count, listed))
        }
        let median = self.median
        let row = { (entry: Entry, name: ResultSet.Value) -> [ResultSet.Value] in
            [.text(provenance.dataset), .text(area.key), .text(segment.description),
             .place(entry.place, tied: entry.tied), name, .amount(entry.perPerson),
             .integer(entry.spending), .integer(entry.persons), .flag(entry.municipality == median.municipality)]
        }
        let levelRows = levels.map { level -> [ResultSet.Value] in
            [.text(provenance.dataset), .text(area.key), .text(segment.description), .empty,
             .labelled(level.name, label: w.role(level)), .amount(level.perPerson),
             level.spending.map(ResultSet.Value.integer) ?? .empty, level.persons.map(ResultSet.Value.integer) ?? .empty,
             .flag(false)]
        }
        if let country = levels.first(where: { $0.scope == .country }) {
            notes.append(w.countryNote(country.source, members: country.members))
        }
        if let average = levels.first(where: { $0.scope != .country })?.average { notes.append(w.averageExplanation(average)) }
        return ResultSet(
            title: w.rankingTitle(area.title, segment, provenance.dataset),
            columns: ResultSet.Column.identifying(w) + [
                .init(key: "place", title: w.place, kind: .place),
                .init(key: "municipality", title: w.kommune, kind: .text),
                .init(key: "kr_per_person", title: w.krPerHeading(segment), kind: .amount(shown: 0, exported: 2)),
                .init(key: "spending_kr", title: w.spending(basis), kind: .integer),
                .init(key: "persons", title: w.personsHeading(segment), kind: .integer),
                .init(key: "is_median", title: w.median, kind: .flag, programsOnly: true),
            ],
            rows: shown.map { row($0, .text($0.municipality.name)) },
            footer: [row(median, .labelled(median.municipality.name, label: w.median))] + levelRows,
            footerKey: levels.isEmpty ? "median" : "median_and_levels",
            notes: notes, provenance: provenance, language: language)
    }

}

extension Gap {
    /// One area's mulighedsrum with its arithmetic: numbered steps that a reader can check by
    /// hand, with the one rounding (to whole kroner) and the rounded kr. per person said so.
    public func resultSet(ranking: Ranking, in language: Language = .en) -> ResultSet {
        let w = language
        let name = own.municipality.name
        let other = benchmark.municipality.name
        let year = ranking.dataset.year
        var notes: [String] = []
        if mulighedsrum == 0 {
            notes.append(w.alreadyAtOrBelow(name, place: place))
        }
        notes.append(w.stepRounding)
        notes.append(w.caveat)
        let tied = benchmark.place == place ? "" : w.tiedAt(benchmark.place)
        let words = w.gapSteps(name: name, other: other, ownPlace: own.place, ranked: ranked, place: place, tied: tied,
                               segment: ranking.segment, year: year, isAbove: isAboveBenchmark)
        let values: [ResultSet.Value] = [
            .integer(own.spending), .integer(own.persons), .amount(own.perPerson), .integer(benchmark.spending),
            .integer(benchmark.persons), .amount(benchmark.perPerson), .integer(spendingAtBenchmarkLevel),
            .integer(mulighedsrum),
        ]
        let steps = Array(zip(words, values))
        let keys: [ResultSet.Value] = [.text(ranking.provenance.dataset), .text(name), .text(ranking.area.key),
                                       .text(ranking.segment.description), .integer(place)]
        return ResultSet(
            title: w.gapTitle(name, place: place, area: ranking.area.title, dataset: ranking.provenance.dataset),
            columns: [
                .init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
                .init(key: "municipality", title: w.kommune, kind: .text, programsOnly: true),
                .init(key: "area", title: w.area, kind: .text, programsOnly: true),
                .init(key: "per", title: w.per, kind: .text, programsOnly: true),
                .init(key: "benchmark_place", title: w.toPlace, kind: .integer, programsOnly: true),
                .init(key: "step", title: w.step, kind: .integer),
                .init(key: "item", title: "", kind: .text),
                .init(key: "value", title: w.value, kind: .amount(shown: 2, exported: 2)),
            ],
            rows: steps.enumerated().map { index, step in keys + [.integer(index + 1), .text(step.0), step.1] },
            notes: notes, provenance: ranking.provenance, language: language)
    }
}

extension BenchmarkPlace {
    /// What a title says it is measured to, and the heading of the benchmark's level:
    /// ("place 40", "at place 40"), ("the median", "at the median"), ("Roskilde", "at Roskilde").
    var phrases: (target: String, level: String) { Language.en.phrases(self) }
}

extension Overview {
    public func resultSet(dataset: Dataset, in language: Language = .en) -> ResultSet {
        let w = language
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
        let computed = computedCount == self.rows.count ? w.total : w.totalOf(computedCount, self.rows.count)
        switch benchmark {
        case .median: notes.append(medianNote(w))
        case .municipality(let other): notes.append(w.ownLevelNote(other.name))
        case .place: break
        }
        notes += byFunctionNotes(dataset, w)
        notes.append(w.caveat)
        let (target, level) = w.phrases(benchmark)
        return ResultSet(
            title: w.overviewTitle(heading(w), municipality.name, to: target, dataset.provenance.dataset),
            columns: [
                .init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
                .init(key: "municipality", title: w.kommune, kind: .text, programsOnly: true),
                .init(key: rowKey, title: w.rowHeading(byFunction: rowsAreFunctions), kind: .text),
                .init(key: "per", title: w.per, kind: .text),
                .init(key: "benchmark_place", title: w.toPlace, kind: .integer, programsOnly: true),
                .init(key: "benchmark_municipality", title: w.atPlace, kind: .text, programsOnly: true),
                .init(key: "place", title: w.place, kind: .place),
                .init(key: "ranked", title: w.of, kind: .integer),
                .init(key: "kr_per_person", title: w.krPerPerson, kind: .amount(shown: 0, exported: 2)),
                .init(key: "benchmark_kr_per_person", title: level, kind: .amount(shown: 0, exported: 2)),
                .init(key: "mulighedsrum_kr", title: w.mulighedsrumKr, kind: .integer),
                // Why a row has no figures, for programs; a table's notes already say it.
                .init(key: "reason", title: w.pick("reason", "Årsag"), kind: .text, programsOnly: true),
            ],
            rows: rows,
            footer: [[datasetName, name, .text(computed)] + Array(repeating: .empty, count: 7) + [.integer(total), .empty]],
            footerKey: "total",
            notes: notes, provenance: provenance(dataset, w), language: language)
    }

    func medianNote(_ language: Language = .en) -> String { language.medianNote(byFunction: rowsAreFunctions) }

    /// "Overview" or "Overview by function" ("Samlet overblik" …).
    func heading(_ language: Language = .en) -> String { language.overviewHeading(byFunction: rowsAreFunctions) }
    /// The rows' key: "area" or "function".
    var rowKey: String { rowsAreFunctions ? "function" : "area" }

    func provenance(_ dataset: Dataset, _ language: Language = .en) -> Provenance {
        var provenance = dataset.provenance
        provenance.definition = language.overviewDefinition(byFunction: rowsAreFunctions, basis: dataset.basis,
                                                            year: dataset.id.year)
        return provenance
    }

    /// What a reader of an overview by function must know: each row is ranked on its own, and
    /// what the dataset lacks.
    func byFunctionNotes(_ dataset: Dataset, _ w: Language = .en) -> [String] {
        guard rowsAreFunctions else { return [] }
        var notes = [w.eachFunctionOnItsOwn]
        if dataset.population.byAge == nil {
            notes.append(w.populationTotalsOnly(dataset.name))
        }
        if !dataset.chartIsComplete {
            notes.append(w.selectionOfFunctions(dataset.name, dataset.functionLabels.count))
        }
        return notes
    }
}

extension ResultSet.Column {
    /// The keys that say what every row of one area's result is about, for programs: the dataset,
    /// the area (its short name) and the segment.
    static func identifying(_ w: Language) -> [ResultSet.Column] {
        [.init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
         .init(key: "area", title: w.area, kind: .text, programsOnly: true),
         .init(key: "per", title: w.per, kind: .text, programsOnly: true)]
    }
}
