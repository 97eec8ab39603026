import RdrEngine

/// Turns a trend into a result set: one row per municipality per year, then the country, with
/// the notes that say where the chart changed, what was bridged and which factor repriced a year.

extension Trend {
    /// The name the rows give the whole country.
    public static let countryName = "Hele landet"

    public func resultSet(in language: Language = .en) -> ResultSet {
        let w = language
        let basis = prices?.priceBasis ?? distinct(years.map(\.provenance.priceBasis)).joined(separator: "; ")
        let breakYears = Set(breaks.map(\.index))
        let series: [(name: String, index: Int?)] =
            municipalities.enumerated().map { ($1.name, $0) } + [(Self.countryName, nil)]
        var rows: [[ResultSet.Value]] = []
        for (name, municipality) in series {
            for (index, year) in years.enumerated() {
                let keys: [ResultSet.Value] = [
                    .text(year.provenance.dataset), .text(area.key), .text(segment.description), .text(basis),
                    .year(year.year), .text(name),
                ]
                rows.append(keys + values(at: index, municipality: municipality, isBreak: breakYears.contains(index), w))
            }
        }
        let prices = w.trendPrices(self.prices.map { ($0.year, $0.label) })
        return ResultSet(
            title: w.trendTitle(area.title, segment, datasetSpan, prices),
            columns: ResultSet.Column.identifying(w) + [
                .init(key: "price_basis", title: w.priceBasis, kind: .text, programsOnly: true),
                .init(key: "year", title: w.year, kind: .year),
                .init(key: "municipality", title: w.kommune, kind: .text),
                .init(key: "kr_per_person", title: w.krPerHeading(segment), kind: .amount(shown: 0, exported: 2)),
                .init(key: "change_kr", title: w.changeKr, kind: .amount(shown: 0, exported: 2)),
                .init(key: "change_pct", title: w.changePct, kind: .amount(shown: 1, exported: 2)),
                .init(key: "place", title: w.place, kind: .place),
                .init(key: "ranked", title: w.of, kind: .integer),
                .init(key: "spending_kr", title: spendingTitle(w), kind: .integer),
                .init(key: "persons", title: w.personsHeading(segment), kind: .integer),
                .init(key: "break", title: w.breakHeading, kind: .flag),
            ],
            rows: rows, notes: notes(w), provenance: provenance(w), language: language)
    }

    /// The cells after the identifying ones, for one municipality (nil = the country) in one year.
    private func values(at index: Int, municipality: Int?, isBreak: Bool, _ w: Language) -> [ResultSet.Value] {
        let computed: Computed
        switch years[index].outcome {
        case .failure(let error):
            let missing = ResultSet.Value.unavailable(error.description)
            return [missing, .empty, .empty, missing, missing, missing, missing, .empty]
        case .success(let success):
            computed = success
        }
        let change = self.change(at: index, municipality: municipality)
        let changeValues: [ResultSet.Value] = change.map {
            [.amount($0.kr), $0.percent.map(ResultSet.Value.amount) ?? .unavailable(w.noPercentFromZero)]
        } ?? [.empty, .empty]
        guard let municipality else {
            let country = computed.country
            return [.amount(country.perPerson)] + changeValues
                + [.empty, .empty, .integer(country.spending), .integer(country.persons), .flag(isBreak)]
        }
        switch computed.municipalities[municipality] {
        case .failure(let error):
            let missing = ResultSet.Value.unavailable(error.description)
            return [missing, .empty, .empty, missing, .integer(computed.ranked), missing, missing, .flag(isBreak)]
        case .success(let placed):
            return [.amount(placed.point.perPerson)] + changeValues
                + [.place(placed.place, tied: placed.tied), .integer(computed.ranked),
                   .integer(placed.point.spending), .integer(placed.point.persons), .flag(isBreak)]
        }
    }

    private func spendingTitle(_ w: Language) -> String {
        let estimated = years.contains { $0.computed.map { $0.basis != .operating } ?? false }
        return w.spendingInPrices(w.spending(estimated ? .publishedNetPerInhabitant : .operating), prices?.year)
    }

    /// "teaching R2018–R2024" for consecutive years of one collection, else the datasets listed.
    private var datasetSpan: String {
        let names = years.map(\.provenance.dataset)
        guard years.count > 1, let first = names.first else { return names.first ?? "" }
        let prefix = String(first.dropLast(years[0].dataset.description.count))
        let sameCollection = zip(names, years).allSatisfy { $0 == prefix + $1.dataset.description }
        let consecutive = zip(years, years.dropFirst()).allSatisfy { $1.year == $0.year + 1 }
        if sameCollection && consecutive {
            return "\(first)–\(years[years.count - 1].dataset)"
        }
        return sameCollection ? prefix + years.map(\.dataset.description).joined(separator: ", ")
            : names.joined(separator: ", ")
    }

    // MARK: Notes

    private func notes(_ w: Language) -> [String] {
        var notes: [String] = []
        if let prices {
            let factors = years.compactMap { year in
                year.factor.map { "\(year.year) → \(prices.year): × \(fourDecimals($0.value))" }
            }
            notes.append(w.priceFactorsNote(prices.year, prices.label, factors.joined(separator: "; "), segment))
        }
        for (index, year) in years.enumerated() {
            if case .failure(let error) = year.outcome {
                notes.append(w.yearNotAvailable(year.year, error.description))
                continue
            }
            if let computed = year.computed {
                for (municipality, outcome) in zip(municipalities, computed.municipalities) {
                    if case .failure(let error) = outcome {
                        notes.append(w.yearNotRanked(year.year, municipality.name, rankingReason(error)))
                    }
                }
            }
            if let found = breaks.first(where: { $0.index == index }) {
                var changed: [String] = []
                if !found.went.isEmpty { changed.append(w.went(listed(found.went))) }
                if !found.came.isEmpty { changed.append(w.came(listed(found.came))) }
                notes.append(w.breakNote(year.year, changed.joined(separator: ", ")))
            }
        }
        notes += bridgeNotes(w)
        notes += countryNotes(w)
        notes.append(w.changeNote(segment))
        return notes
    }

    private func rankingReason(_ error: EngineError) -> String {
        if case .notRanked(_, let reason) = error { return reason }
        return error.description
    }

    /// One note per bridge, with the years it applied in when they are not all from its `from` on.
    private func bridgeNotes(_ w: Language) -> [String] {
        var order: [Bridge] = []
        var used: [Bridge: [Int]] = [:]
        for year in years {
            for bridge in year.computed?.bridges ?? [] {
                if used[bridge] == nil { order.append(bridge) }
                used[bridge, default: []].append(year.year)
            }
        }
        return order.map { bridge in
            var note = w.bridged(bridge.old.description, as: bridge.new.map(\.description).joined(separator: " + "),
                                 from: bridge.from, crosswalk: self.crosswalk?.name, in: yearRuns(used[bridge] ?? []))
            let own = bridge.new.filter(area.contains)
            if !own.isEmpty {
                note += w.alsoInArea(listed(own), count: own.count)
            }
            let excepted = bridge.new.filter { code in area.exclude.contains { $0.matches(code) } }
            if !excepted.isEmpty {
                note += w.leftOutExcepted(listed(excepted), count: excepted.count)
            }
            return note + "."
        }
    }

    private func countryNotes(_ w: Language) -> [String] {
        let published = years.filter { $0.computed?.countrySource == .published }.map(\.year)
        let summed = years.filter { $0.computed?.countrySource == .municipalities }.map(\.year)
        var parts: [String] = []
        if !published.isEmpty {
            parts.append(w.countryOwnFigure(yearRuns(published)))
        }
        if !summed.isEmpty {
            parts.append(w.countrySummed(yearRuns(summed)))
        }
        guard !parts.isEmpty else { return [] }
        return ["\(Self.countryName): " + parts.joined(separator: "; ") + "."]
    }

    // MARK: Provenance

    /// One provenance for the rows: every year's dataset, source and retrieval, the price basis
    /// and the functions summed per year. Each year's own stays in `years`.
    private func provenance(_ w: Language) -> Provenance {
        let provenances = years.map(\.provenance)
        let groups = definitionGroups(w).map { "\(yearRuns($0.years)) \($0.text)" }.joined(separator: "; ")
        let bases = distinct(years.compactMap { $0.computed.map { w.basis($0.basis) } })
        let definition = w.trendDefinition(area.title, groups: groups, bases: bases, segment)
        return Provenance(
            dataset: datasetSpan,
            source: distinct(provenances.map(\.source)).joined(separator: "; "),
            priceBasis: prices?.priceBasis ?? distinct(provenances.map(\.priceBasis)).joined(separator: "; "),
            retrieved: distinct(provenances.map(\.retrieved)).joined(separator: "; "),
            definition: definition,
            invented: provenances.contains(where: \.invented))
    }

    /// Consecutive years that sum the same functions, as "5.32.30, 5.32.32" or "not available".
    private func definitionGroups(_ w: Language) -> [(years: [Int], text: String)] {
        var groups: [(years: [Int], text: String)] = []
        for year in years {
            let text: String
            if let computed = year.computed {
                let bridged = computed.bridges.map { w.bridgedCode($0.old.description) }
                text = computed.functions.map(\.description).joined(separator: ", ")
                    + (bridged.isEmpty ? "" : " (\(bridged.joined(separator: ", ")))")
            } else {
                text = w.notAvailable
            }
            if let last = groups.last, last.text == text, let lastYear = last.years.last, lastYear + 1 == year.year {
                groups[groups.count - 1].years.append(year.year)
            } else {
                groups.append(([year.year], text))
            }
        }
        return groups
    }
}

/// In first-seen order, without repeats.
private func distinct(_ texts: [String]) -> [String] {
    var seen: Set<String> = []
    return texts.filter { seen.insert($0).inserted }
}

private func listed(_ codes: [FunctionCode]) -> String {
    codes.map(\.description).joined(separator: ", ")
}

/// "2018–2020, 2022": runs of consecutive years, sorted.
private func yearRuns(_ years: [Int]) -> String {
    var runs: [(first: Int, last: Int)] = []
    for year in Set(years).sorted() {
        if let run = runs.last, run.last + 1 == year {
            runs[runs.count - 1].last = year
        } else {
            runs.append((year, year))
        }
    }
    return runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)–\($0.last)" }.joined(separator: ", ")
}

/// A factor with four decimals, "1.1376"; factors are positive (`PriceFactor.bounds`).
private func fourDecimals(_ value: Double) -> String {
    let scaled = Int((value * 10_000).rounded(.toNearestOrAwayFromZero))
    let fraction = String(scaled % 10_000)
    return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
}
