import RdrEngine

extension BenchmarkPlace {
    /// A key part for CSV and JSON: "place_25", "median", "roskilde".
    var keyPart: String {
        switch self {
        case .place(let number): "place_\(number)"
        case .median: "median"
        case .municipality(let other): other.name.slug
        }
    }
}

extension Sensitivity {
    /// One row per benchmark: where it is, its level, and the mulighedsrum to it.
    public func resultSet() -> ResultSet {
        let person = ranking.segment.person
        let keys: [ResultSet.Value] = [.text(ranking.provenance.dataset), .text(municipality.name), .text(ranking.area.key),
                                       .text(ranking.segment.description)]
        var notes: [String] = []
        let rows = gaps.map { row -> [ResultSet.Value] in
            let to = ResultSet.Value.text(row.benchmark.phrases.target)
            switch row.outcome {
            case .success(let gap):
                return keys + [to, .place(gap.place, tied: gap.benchmark.tied), .text(gap.benchmark.municipality.name),
                               .amount(gap.benchmark.perPerson), .amount(gap.own.perPerson), .integer(gap.mulighedsrum)]
            case .failure(let error):
                notes.append("\(row.benchmark.phrases.target): \(error).")
                return keys + [to] + Array(repeating: .unavailable(error.description), count: 5)
            }
        }
        if let own = ranking.entries.first(where: { $0.municipality == municipality }) {
            notes.insert("\(municipality.name) is at place \(own.place) of \(ranking.entries.count): to place \(own.place) "
                         + "or any later place, the mulighedsrum is 0.", at: 0)
        }
        notes.append(mulighedsrumCaveat)
        return ResultSet(
            title: "Mulighedsrum: \(municipality.name) in \(ranking.area.title) to \(gaps.count) benchmarks, "
                + ranking.provenance.dataset,
            columns: [
                .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                .init(key: "municipality", title: "kommune", kind: .text, programsOnly: true),
                .init(key: "area", title: "area", kind: .text, programsOnly: true),
                .init(key: "per", title: "per", kind: .text, programsOnly: true),
                .init(key: "benchmark", title: "to", kind: .text),
                .init(key: "benchmark_place", title: "place", kind: .place),
                .init(key: "benchmark_municipality", title: "there", kind: .text),
                .init(key: "benchmark_kr_per_person", title: "its kr. per \(person)", kind: .amount(shown: 0, exported: 2)),
                .init(key: "kr_per_person", title: "own kr. per \(person)", kind: .amount(shown: 0, exported: 2)),
                .init(key: "mulighedsrum_kr", title: "mulighedsrum, kr.", kind: .integer),
            ],
            rows: rows, notes: notes, provenance: ranking.provenance)
    }
}

extension OverviewSensitivity {
    /// One row per area with its place and a mulighedsrum column per benchmark, and a total each.
    public func resultSet(dataset: Dataset) -> ResultSet {
        let first = overviews[0]
        let municipality = first.municipality
        var notes: [String] = []
        let datasetName = ResultSet.Value.text(dataset.provenance.dataset)
        let name = ResultSet.Value.text(municipality.name)
        let rows = first.rows.indices.map { index -> [ResultSet.Value] in
            let row = first.rows[index]
            var cells: [ResultSet.Value] = [datasetName, name, .text(row.area.title), .text(row.area.segment.description)]
            if let ranking = row.ranking, let own = ranking.entries.first(where: { $0.municipality == municipality }) {
                cells += [.place(own.place, tied: own.tied), .integer(ranking.entries.count), .amount(own.perPerson)]
            } else {
                let reason = if case .failure(let error) = row.outcome { error.description } else { "not ranked" }
                cells += Array(repeating: .unavailable(reason), count: 3)
            }
            for overview in overviews {
                switch overview.rows[index].outcome {
                case .success(let gap): cells.append(.integer(gap.mulighedsrum))
                case .failure(let error):
                    notes.append("\(row.area.title), to \(overview.benchmark.phrases.target): \(error).")
                    cells.append(.unavailable(error.description))
                }
            }
            return cells
        }
        let totals = overviews.map { ResultSet.Value.integer($0.total) }
        let partly = overviews.filter { $0.computedCount < $0.rows.count }
        if !partly.isEmpty {
            notes.append("A total counts only the areas computed to its benchmark: "
                         + partly.map { "\($0.benchmark.phrases.target) \($0.computedCount) of \($0.rows.count)" }.joined(separator: ", ") + ".")
        }
        if overviews.contains(where: { $0.benchmark == .median }) {
            notes.append(first.medianNote)
        }
        notes += first.byFunctionNotes(dataset)
        notes.append(mulighedsrumCaveat)
        let targets = overviews.map(\.benchmark.phrases.target)
        return ResultSet(
            title: "\(first.heading): \(municipality.name), mulighedsrum to \(targets.joined(separator: ", ")), \(dataset.provenance.dataset)",
            columns: [
                .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                .init(key: "municipality", title: "kommune", kind: .text, programsOnly: true),
                .init(key: first.rowKey, title: first.rowKey, kind: .text),
                .init(key: "per", title: "per", kind: .text),
                .init(key: "place", title: "place", kind: .place),
                .init(key: "ranked", title: "of", kind: .integer),
                .init(key: "kr_per_person", title: "kr. per person", kind: .amount(shown: 0, exported: 2)),
            ] + overviews.map {
                .init(key: "mulighedsrum_kr_to_\($0.benchmark.keyPart)", title: "to \($0.benchmark.phrases.target), kr.",
                      kind: .integer)
            },
            rows: rows,
            footer: [[datasetName, name, .text("total")] + Array(repeating: .empty, count: 4) + totals],
            footerKey: "total", notes: notes, provenance: first.provenance(dataset))
    }
}
