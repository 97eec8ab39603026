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
    public func resultSet(in language: Language = .en) -> ResultSet {
        let w = language
        let segment = ranking.segment
        let keys: [ResultSet.Value] = [.text(ranking.provenance.dataset), .text(municipality.name), .text(ranking.area.key),
                                       .text(ranking.segment.description)]
        var notes: [String] = []
        let rows = gaps.map { row -> [ResultSet.Value] in
            let to = ResultSet.Value.text(w.phrases(row.benchmark).target)
            switch row.outcome {
            case .success(let gap):
                return keys + [to, .place(gap.place, tied: gap.benchmark.tied), .text(gap.benchmark.municipality.name),
                               .amount(gap.benchmark.perPerson), .amount(gap.own.perPerson), .integer(gap.mulighedsrum)]
            case .failure(let error):
                notes.append("\(w.phrases(row.benchmark).target): \(error).")
                return keys + [to] + Array(repeating: .unavailable(error.description), count: 5)
            }
        }
        if let own = ranking.entries.first(where: { $0.municipality == municipality }) {
            notes.insert(w.ownPlaceNote(municipality.name, place: own.place, of: ranking.entries.count), at: 0)
        }
        notes.append(w.caveat)
        return ResultSet(
            title: w.sensitivityTitle(municipality.name, area: ranking.area.title, count: gaps.count, ranking.provenance.dataset),
            columns: [
                .init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
                .init(key: "municipality", title: w.kommune, kind: .text, programsOnly: true),
                .init(key: "area", title: w.area, kind: .text, programsOnly: true),
                .init(key: "per", title: w.per, kind: .text, programsOnly: true),
                .init(key: "benchmark", title: w.to, kind: .text),
                .init(key: "benchmark_place", title: w.place, kind: .place),
                .init(key: "benchmark_municipality", title: w.there, kind: .text),
                .init(key: "benchmark_kr_per_person", title: w.itsKrPer(segment), kind: .amount(shown: 0, exported: 2)),
                .init(key: "kr_per_person", title: w.ownKrPer(segment), kind: .amount(shown: 0, exported: 2)),
                .init(key: "mulighedsrum_kr", title: w.mulighedsrumKr, kind: .integer),
            ],
            rows: rows, notes: notes, provenance: ranking.provenance, language: language)
    }
}

extension OverviewSensitivity {
    /// One row per area with its place and a mulighedsrum column per benchmark, and a total each.
    public func resultSet(dataset: Dataset, in language: Language = .en) -> ResultSet {
        let w = language
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
                let reason = if case .failure(let error) = row.outcome { error.description } else { w.notRankedShort }
                cells += Array(repeating: .unavailable(reason), count: 3)
            }
            for overview in overviews {
                switch overview.rows[index].outcome {
                case .success(let gap): cells.append(.integer(gap.mulighedsrum))
                case .failure(let error):
                    notes.append("\(row.area.title), \(w.pick("to", "til")) \(w.phrases(overview.benchmark).target): \(error).")
                    cells.append(.unavailable(error.description))
                }
            }
            return cells
        }
        let totals = overviews.map { ResultSet.Value.integer($0.total) }
        let partly = overviews.filter { $0.computedCount < $0.rows.count }
        if !partly.isEmpty {
            notes.append(w.partlyComputed(partly.map {
                "\(w.phrases($0.benchmark).target) \($0.computedCount) \(w.of) \($0.rows.count)"
            }.joined(separator: ", ")))
        }
        if overviews.contains(where: { $0.benchmark == .median }) {
            notes.append(first.medianNote(w))
        }
        notes += first.byFunctionNotes(dataset, w)
        notes.append(w.caveat)
        let targets = overviews.map { w.phrases($0.benchmark).target }
        return ResultSet(
            title: w.overviewTitle(first.heading(w), municipality.name, to: targets.joined(separator: ", "), dataset.provenance.dataset),
            columns: [
                .init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
                .init(key: "municipality", title: w.kommune, kind: .text, programsOnly: true),
                .init(key: first.rowKey, title: w.rowHeading(byFunction: first.rowsAreFunctions), kind: .text),
                .init(key: "per", title: w.per, kind: .text),
                .init(key: "place", title: w.place, kind: .place),
                .init(key: "ranked", title: w.of, kind: .integer),
                .init(key: "kr_per_person", title: w.krPerPerson, kind: .amount(shown: 0, exported: 2)),
            ] + overviews.map {
                .init(key: "mulighedsrum_kr_to_\($0.benchmark.keyPart)", title: w.toTarget(w.phrases($0.benchmark).target),
                      kind: .integer)
            },
            rows: rows,
            footer: [[datasetName, name, .text(w.total)] + Array(repeating: .empty, count: 4) + totals],
            footerKey: "total", notes: notes, provenance: first.provenance(dataset, w), language: language)
    }
}
