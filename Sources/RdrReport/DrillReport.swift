import RdrEngine

extension Drill {
    /// What the area is measured against, for titles and notes: "the median (Havnby)",
    /// "place 25 (Egeskov)", "Bjergsted (place 31)", "Hele landet", "3 peers".
    func benchmarkName(_ w: Language = .en) -> String {
        w.drillBenchmarkName(benchmark, entryName: benchmarkEntry?.municipality.name, entryPlace: benchmarkEntry?.place,
                             peers: peersSummed.count)
    }

    /// A row per function: own and benchmark kr. per person, the difference per person and in
    /// kroner, and its share of the area's difference; the area's total below.
    public func resultSet(dataset: Dataset, in language: Language = .en) -> ResultSet {
        let w = language
        let segment = ranking.segment
        let name = own.municipality.name
        let benchmarkHeading = w.drillBenchmarkHeading(benchmark)
        // The key stays the English heading in both languages.
        let keys: [ResultSet.Value] = [.text(ranking.provenance.dataset), .text(name), .text(ranking.area.key),
                                       .text(ranking.segment.description), .text(Language.en.drillBenchmarkHeading(benchmark))]
        let share = { (line: Line) -> ResultSet.Value in
            self.share(of: line).map { .amount($0 * 100) } ?? .unavailable(w.areaDifferenceZero)
        }
        let rows = lines.map { line -> [ResultSet.Value] in
            let label = dataset.functionLabels[line.function] ?? ""
            return keys + [.text(line.function.description), .text(label), .amount(ownPerPerson(line)),
                           .amount(benchmarkPerPerson(line)), .amount(ownPerPerson(line) - benchmarkPerPerson(line)),
                           .integer(line.difference), share(line)]
        }
        let total = keys + [.text(w.total), .text(ranking.area.title), .amount(own.perPerson), .amount(benchmarkPerPerson),
                            .amount(own.perPerson - benchmarkPerPerson), .integer(difference),
                            scaledTotal == 0 ? .unavailable(w.areaDifferenceZero) : .amount(100)]
        return ResultSet(
            title: w.drillTitle(ranking.area.title, name, benchmarkName(w), segment, ranking.provenance.dataset),
            columns: [
                .init(key: "dataset", title: w.dataset, kind: .text, programsOnly: true),
                .init(key: "municipality", title: w.kommune, kind: .text, programsOnly: true),
                .init(key: "area", title: w.area, kind: .text, programsOnly: true),
                .init(key: "per", title: w.per, kind: .text, programsOnly: true),
                .init(key: "benchmark", title: w.against, kind: .text, programsOnly: true),
                .init(key: "function", title: w.function, kind: .text),
                .init(key: "label", title: "", kind: .text),
                .init(key: "kr_per_person", title: name, kind: .amount(shown: 0, exported: 2)),
                .init(key: "benchmark_kr_per_person", title: benchmarkHeading, kind: .amount(shown: 0, exported: 2)),
                .init(key: "difference_kr_per_person", title: w.difference, kind: .amount(shown: 0, exported: 2)),
                .init(key: "difference_kr", title: w.timesPersons, kind: .integer),
                .init(key: "share_pct", title: w.sharePct, kind: .amount(shown: 1, exported: 2)),
            ],
            rows: rows, footer: [total], footerKey: "total", notes: notes(w), provenance: ranking.provenance,
            language: language)
    }

    private func notes(_ w: Language) -> [String] {
        let name = own.municipality.name
        let segment = ranking.segment
        let benchmarkName = benchmarkName(w)
        var notes = [w.drillRoundingNote(name, segment)]
        if difference > 0 {
            notes.append(w.drillTotalIsMulighedsrum(benchmarkName))
        } else {
            notes.append(w.drillNoMore(name, segment, benchmarkName, ranking.area.title, zeroTotal: scaledTotal == 0))
        }
        let opposite = lines.filter { (share(of: $0) ?? 0) < 0 }
        if !opposite.isEmpty {
            let codes = opposite.map(\.function.description).joined(separator: ", ")
            notes.append(w.drillNegativeShare(codes, name))
        }
        switch benchmark {
        case .place(.median):
            notes.append(w.drillMedianNote(ranking.medianPlace, ranking.entries.count))
        case .place: break
        case .country:
            notes.append(w.countryNote(countrySource!, members: ranking.entries.count))
        case .peers:
            notes.append(w.peersLevelNote(peersSummed.map(\.municipality.name).joined(separator: ", ")))
            if !peersLeftOut.isEmpty {
                notes.append(w.peersLeftOut(peersLeftOut.map { "\($0.municipality.name) (\($0.reason))" }.joined(separator: "; ")))
            }
        }
        notes.append(w.caveat)
        return notes
    }
}
