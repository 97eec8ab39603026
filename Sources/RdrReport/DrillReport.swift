import RdrEngine

extension Drill {
    /// What the area is measured against, for titles and notes: "the median (Havnby)",
    /// "place 25 (Egeskov)", "Bjergsted (place 31)", "Hele landet", "3 peers".
    var benchmarkName: String {
        switch benchmark {
        case .place(let place):
            let entry = benchmarkEntry!
            return switch place {
            case .place(let number): "place \(number) (\(entry.municipality.name))"
            case .median: "the median (\(entry.municipality.name))"
            case .municipality(let other): "\(other.name) (place \(entry.place))"
            }
        case .country: return "Hele landet"
        case .peers: return "its \(peersSummed.count) peers"
        }
    }

    /// The heading of the benchmark's kr. per person.
    private var benchmarkHeading: String {
        switch benchmark {
        case .place(.place(let number)): "place \(number)"
        case .place(.median): "median"
        case .place(.municipality(let other)): other.name
        case .country: "Hele landet"
        case .peers: "peers"
        }
    }

    /// A row per function: own and benchmark kr. per person, the difference per person and in
    /// kroner, and its share of the area's difference; the area's total below.
    public func resultSet(dataset: Dataset) -> ResultSet {
        let person = ranking.segment.person
        let name = own.municipality.name
        let keys: [ResultSet.Value] = [.text(ranking.provenance.dataset), .text(name), .text(ranking.area.key),
                                       .text(ranking.segment.description), .text(benchmarkHeading)]
        let share = { (line: Line) -> ResultSet.Value in
            self.share(of: line).map { .amount($0 * 100) } ?? .unavailable("the area's difference is 0")
        }
        let rows = lines.map { line -> [ResultSet.Value] in
            let label = dataset.functionLabels[line.function] ?? ""
            return keys + [.text(line.function.description), .text(label), .amount(ownPerPerson(line)),
                           .amount(benchmarkPerPerson(line)), .amount(ownPerPerson(line) - benchmarkPerPerson(line)),
                           .integer(line.difference), share(line)]
        }
        let total = keys + [.text("total"), .text(ranking.area.title), .amount(own.perPerson), .amount(benchmarkPerPerson),
                            .amount(own.perPerson - benchmarkPerPerson), .integer(difference),
                            scaledTotal == 0 ? .unavailable("the area's difference is 0") : .amount(100)]
        return ResultSet(
            title: "\(ranking.area.title) by function: \(name) against \(benchmarkName), kr. per \(person), "
                + ranking.provenance.dataset,
            columns: [
                .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                .init(key: "municipality", title: "kommune", kind: .text, programsOnly: true),
                .init(key: "area", title: "area", kind: .text, programsOnly: true),
                .init(key: "per", title: "per", kind: .text, programsOnly: true),
                .init(key: "benchmark", title: "against", kind: .text, programsOnly: true),
                .init(key: "function", title: "function", kind: .text),
                .init(key: "label", title: "", kind: .text),
                .init(key: "kr_per_person", title: name, kind: .amount(shown: 0, exported: 2)),
                .init(key: "benchmark_kr_per_person", title: benchmarkHeading, kind: .amount(shown: 0, exported: 2)),
                .init(key: "difference_kr_per_person", title: "difference", kind: .amount(shown: 0, exported: 2)),
                .init(key: "difference_kr", title: "× persons, kr.", kind: .integer),
                .init(key: "share_pct", title: "share, %", kind: .amount(shown: 1, exported: 2)),
            ],
            rows: rows, footer: [total], footerKey: "total", notes: notes, provenance: ranking.provenance)
    }

    private var notes: [String] {
        let name = own.municipality.name
        let person = ranking.segment.person
        var notes = ["× persons, kr. = the difference per \(person) × \(name)'s \(person)s, in whole kroner, rounded so "
                     + "that the functions add up to the total exactly (each within 1 kr. of its exact value); "
                     + "kr. per \(person) is shown rounded. Share = the function's difference ÷ the total's."]
        if difference > 0 {
            notes.append("The total difference is the mulighedsrum to \(benchmarkName).")
        } else {
            notes.append("\(name) spends no more per \(person) than \(benchmarkName) on \(ranking.area.title) as a whole: "
                         + "the mulighedsrum is 0"
                         + (scaledTotal == 0 ? "." : ", and the shares are of a negative total."))
        }
        let opposite = lines.filter { (share(of: $0) ?? 0) < 0 }
        if !opposite.isEmpty {
            let codes = opposite.map(\.function.description).joined(separator: ", ")
            notes.append("A negative share (\(codes)) is a function where \(name) is on the other side of the benchmark than "
                         + "on the area as a whole; the other shares then add up to more than 100 %.")
        }
        switch benchmark {
        case .place(.median):
            notes.append("The median is place \(ranking.medianPlace) of the \(ranking.entries.count) municipalities ranked on the area.")
        case .place: break
        case .country:
            notes.append(countryNote(countrySource!, members: ranking.entries.count))
        case .peers:
            notes.append("The peers' level is Σ spending ÷ Σ persons of "
                         + peersSummed.map(\.municipality.name).joined(separator: ", ") + ".")
            if !peersLeftOut.isEmpty {
                notes.append("Left out, not ranked on the area: "
                             + peersLeftOut.map { "\($0.municipality.name) (\($0.reason))" }.joined(separator: "; ") + ".")
            }
        }
        notes.append(mulighedsrumCaveat)
        return notes
    }
}
