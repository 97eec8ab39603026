/// The municipalities ranked on kr. per person in a segment, place 1 = lowest spending.
public struct Ranking: Sendable {
    public struct Entry: Sendable, Equatable {
        public let municipality: Municipality
        /// Net spending on the area, kroner.
        public let spending: Int
        /// The segment's head count on 1 January; always > 0 for a ranked entry.
        public let persons: Int
        /// Competition ranking: municipalities with equal kr. per person share the lower place.
        public let place: Int
        public let tied: Bool

        public var perPerson: Double { Double(spending) / Double(persons) }

        /// Exact comparison of kr. per person, without rounding: a/b < c/d ⇔ a·d < c·b.
        func spendsLess(than other: Entry) -> Bool { crossCompare(other) < 0 }
        func spendsSame(as other: Entry) -> Bool { crossCompare(other) == 0 }

        private func crossCompare(_ other: Entry) -> Int {
            let lhs = Int128(spending) * Int128(other.persons)
            let rhs = Int128(other.spending) * Int128(persons)
            return lhs < rhs ? -1 : (lhs == rhs ? 0 : 1)
        }
    }

    /// A municipality left out of the ranking, and why.
    public struct Exclusion: Sendable, Equatable {
        public let municipality: Municipality
        public let reason: String
    }

    public let dataset: DatasetID
    public let area: AreaDefinition
    public let segment: Segment
    /// The functions actually summed, after wildcards and exceptions.
    public let functions: [FunctionCode]
    /// Sorted by place, then by name.
    public let entries: [Entry]
    public let excluded: [Exclusion]
    /// What the amounts are: operating spending, or published per-inhabitant figures.
    public let basis: AccountsBasis
    /// The finished provenance, definition included.
    public let provenance: Provenance

    /// The municipality at the middle place: place 50 of 98 as in the original benchmark
    /// (for an even count the upper of the two middle places).
    public var median: Entry { entries[entries.count / 2] }

    /// The municipality at position `place` (1-based) of the sorted list. With ties, the value at a
    /// position is still well defined: tied municipalities share it.
    public func entry(atPlace place: Int) throws(EngineError) -> Entry {
        guard (1...entries.count).contains(place) else {
            throw .placeOutOfRange(place: place, ranked: entries.count)
        }
        return entries[place - 1]
    }

    public func entry(for municipality: Municipality) throws(EngineError) -> Entry {
        if let entry = entries.first(where: { $0.municipality == municipality }) { return entry }
        let reason = excluded.first { $0.municipality == municipality }?.reason ?? "not in this dataset"
        throw .notRanked(municipality: municipality.name, reason: reason)
    }

    /// Groups of two or more municipalities that share a place.
    public var ties: [[Entry]] {
        Dictionary(grouping: entries.filter(\.tied), by: \.place).sorted { $0.key < $1.key }.map(\.value)
    }
}

extension Dataset {
    /// The functions of `area` in this dataset, or why they cannot be summed honestly.
    public func functions(of area: AreaDefinition) throws(EngineError) -> [FunctionCode] {
        if !chartIsComplete, let wildcard = area.include.first(where: \.isWildcard) {
            throw .wildcardNeedsCompleteChart(
                area: area.title, pattern: wildcard.description, dataset: name, hint: limitationHint)
        }
        let missing = area.include.compactMap { pattern -> FunctionCode? in
            guard case .function(let code) = pattern, spending[code] == nil else { return nil }
            return code
        }
        if !missing.isEmpty {
            throw .functionsMissing(area: area.title, missing: missing, dataset: name, hint: limitationHint)
        }
        // Named functions only (rank 3.22.01, an overview by function): no need to scan the chart.
        let named = area.include.compactMap { if case .function(let code) = $0 { code } else { nil } }
        let codes = named.count == area.include.count
            ? Array(Set(named)).sorted().filter(area.contains) : functions.filter(area.contains)
        if codes.isEmpty {
            throw .noFunctionsMatch(area: area.title, functions: area.functionsText, dataset: name)
        }
        return codes
    }

    /// Ranks every municipality on `area`, per person in `segment` (the area's own by default).
    public func rank(_ area: AreaDefinition, per segment: Segment? = nil) throws(EngineError) -> Ranking {
        let segment = segment ?? area.segment
        let codes = try functions(of: area)
        if segment.needsAges && population.byAge == nil {
            throw .segmentNeedsAges(segment: segment, dataset: name, hint: limitationHint)
        }
        var measured: [(municipality: Municipality, spending: Int, persons: Int)] = []
        var excluded: [Ranking.Exclusion] = []
        // Each function's figures, looked up once: not a dictionary lookup per municipality.
        let columns = codes.map { spending[$0] }
        for (index, municipality) in municipalities.enumerated() {
            let persons = population.count(municipality: index, segment: segment) ?? 0
            if let lacking = zip(codes, columns).first(where: { $0.1?[index] == nil })?.0 {
                excluded.append(.init(municipality: municipality, reason: "no figure for \(lacking)"))
            } else if persons <= 0 {
                excluded.append(.init(municipality: municipality,
                                      reason: "no \(segment.person)s on 1 January \(id.year)"))
            } else {
                let total = columns.reduce(0) { $0 + $1![index]! }
                measured.append((municipality, total, persons))
            }
        }
        guard !measured.isEmpty else { throw .nothingRanked(area: area.title) }
        return Ranking(
            dataset: id, area: area, segment: segment, functions: codes,
            entries: Self.placed(measured), excluded: excluded, basis: basis,
            provenance: provenance(for: area, functions: codes, segment: segment))
    }

    /// Sorts by exact kr. per person and gives competition places (1, 2, 2, 4 …).
    private static func placed(_ measured: [(municipality: Municipality, spending: Int, persons: Int)])
        -> [Ranking.Entry]
    {
        let unplaced = measured.map {
            Ranking.Entry(municipality: $0.municipality, spending: $0.spending, persons: $0.persons,
                          place: 0, tied: false)
        }
        let sorted = unplaced.sorted {
            $0.spendsLess(than: $1) || ($0.spendsSame(as: $1) && $0.municipality.name < $1.municipality.name)
        }
        var entries: [Ranking.Entry] = []
        for (position, entry) in sorted.enumerated() {
            let sharesPrevious = position > 0 && entry.spendsSame(as: sorted[position - 1])
            let sharesNext = position + 1 < sorted.count && entry.spendsSame(as: sorted[position + 1])
            let place = sharesPrevious ? entries[position - 1].place : position + 1
            entries.append(.init(municipality: entry.municipality, spending: entry.spending,
                                 persons: entry.persons, place: place, tied: sharesPrevious || sharesNext))
        }
        return entries
    }

    private func provenance(for area: AreaDefinition, functions: [FunctionCode], segment: Segment) -> Provenance {
        var result = provenance
        let listed = functions.map(\.description).joined(separator: ", ")
        let summed = area.include.contains(where: \.isWildcard) || !area.exclude.isEmpty
            ? "\(area.functionsText) = \(listed)"
            : (functions.count == 1 ? "function \(listed)" : "functions \(listed)")
        result.definition = "\(area.title) = \(summed); \(basis.description); "
            + "per \(segment.person) on 1 January \(id.year)"
        return result
    }
}
