/// Turns rankings, gaps and overviews into result sets: the columns, headings and notes a reader
/// sees. Numbers stay numbers here; the renderers format them.

/// Which rows of a ranking to show. The places are always out of every ranked municipality.
public enum RowSelection: Sendable, Equatable {
    case all
    case top(Int)
    case bottom(Int)
    case only([Municipality])
}

private let mulighedsrumCaveat =
    "Mulighedsrum is a starting point for questions, not a saving: it is not corrected for demography or socio-economics."

extension Ranking {
    public func resultSet(showing selection: RowSelection = .all) -> ResultSet {
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
        let row = { (entry: Entry, name: String) -> [ResultSet.Value] in
            [.place(entry.place, tied: entry.tied), .text(name), .amount(entry.perPerson),
             .amount(Double(entry.spending)), .integer(entry.persons)]
        }
        return ResultSet(
            title: "\(area.title): kr. per \(person), \(provenance.dataset) (place 1 = lowest)",
            columns: [
                .init(key: "place", title: "place", kind: .place),
                .init(key: "municipality", title: "kommune", kind: .text),
                .init(key: "kr_per_person", title: "kr. per \(person)", kind: .amount(shown: 0, exported: 2)),
                .init(key: "spending_kr", title: basis == .operating ? "net spending, kr." : "≈ net spending, kr.",
                      kind: .amount(shown: 0, exported: 0)),
                .init(key: "persons", title: "\(person)s", kind: .integer),
            ],
            rows: shown.map { row($0, $0.municipality.name) },
            footer: [row(median, "median: \(median.municipality.name)")],
            notes: notes, provenance: provenance)
    }
}

extension Gap {
    /// One area's mulighedsrum with its arithmetic, a line each.
    public func resultSet(ranking: Ranking) -> ResultSet {
        let person = ranking.segment.person
        let name = own.municipality.name
        var notes: [String] = []
        if mulighedsrum == 0 {
            notes.append("\(name) already spends at or below place \(place): the mulighedsrum is 0.")
        }
        notes.append(mulighedsrumCaveat)
        return ResultSet(
            title: "Mulighedsrum: \(name) to place \(place) in \(ranking.area.title), \(ranking.provenance.dataset)",
            columns: [
                .init(key: "item", title: "step", kind: .text),
                .init(key: "value", title: "value", kind: .amount(shown: 0, exported: 2)),
            ],
            rows: [
                [.text("\(name), place \(own.place) of \(ranked): kr. per \(person)"), .amount(own.perPerson)],
                [.text("place \(place), \(benchmark.municipality.name)"
                       + (benchmark.place == place ? "" : " (tied at \(benchmark.place))") + ": kr. per \(person)"),
                 .amount(benchmark.perPerson)],
                [.text("difference: kr. per \(person)"), .amount(differencePerPerson)],
                [.text("× \(person)s in \(name), 1 January \(ranking.dataset.year)"), .integer(own.persons)],
            ],
            footer: [[.text("mulighedsrum, kr. = difference × \(person)s" + (mulighedsrum == 0 ? " (no gap: 0)" : "")),
                      .amount(mulighedsrum)]],
            notes: notes, provenance: ranking.provenance)
    }
}

extension Overview {
    public func resultSet(dataset: Dataset) -> ResultSet {
        var notes: [String] = []
        let rows = self.rows.map { row -> [ResultSet.Value] in
            let area = ResultSet.Value.text(row.area.title)
            let per = ResultSet.Value.text(row.area.segment.description)
            switch row.outcome {
            case .success(let gap):
                return [area, per, .place(gap.own.place, tied: gap.own.tied), .integer(gap.ranked),
                        .amount(gap.own.perPerson), .amount(gap.benchmark.perPerson), .amount(gap.mulighedsrum)]
            case .failure(let error):
                notes.append("\(row.area.title): \(error).")
                return [area, per] + Array(repeating: .unavailable(error.description), count: 5)
            }
        }
        let computed = computedCount == self.rows.count
            ? "total" : "total of \(computedCount) of \(self.rows.count) areas"
        notes.append(mulighedsrumCaveat)
        var provenance = dataset.provenance
        provenance.definition = "each area's functions as `areas` lists them; \(dataset.basis.description); "
            + "per the area's segment on 1 January \(dataset.id.year)"
        return ResultSet(
            title: "Overview: \(municipality.name), mulighedsrum to place \(place), \(dataset.provenance.dataset)",
            columns: [
                .init(key: "area", title: "area", kind: .text),
                .init(key: "per", title: "per", kind: .text),
                .init(key: "place", title: "place", kind: .place),
                .init(key: "ranked", title: "of", kind: .integer),
                .init(key: "kr_per_person", title: "kr. per person", kind: .amount(shown: 0, exported: 2)),
                .init(key: "benchmark_kr_per_person", title: "at place \(place)", kind: .amount(shown: 0, exported: 2)),
                .init(key: "mulighedsrum_kr", title: "mulighedsrum, kr.", kind: .amount(shown: 0, exported: 0)),
            ],
            rows: rows,
            footer: [[.text(computed), .empty, .empty, .empty, .empty, .empty, .amount(total)]],
            notes: notes, provenance: provenance)
    }
}
