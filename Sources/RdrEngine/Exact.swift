/// Exact integer arithmetic for figures shown to a reader: the one rounding rule (half away from
/// zero), written once, so that an explanation shows the same roundings the computation made.
public enum Exact {
    /// n ÷ d rounded half away from zero; d > 0.
    public static func quotient(_ n: Int128, _ d: Int128) -> Int128 {
        let (quotient, remainder) = n.quotientAndRemainder(dividingBy: d)
        guard remainder.magnitude * 2 >= d.magnitude else { return quotient }
        return n < 0 ? quotient - 1 : quotient + 1
    }

    /// n ÷ d in hundredths (a figure shown to 2 decimals), rounded half away from zero; d > 0.
    public static func hundredths(_ n: Int128, _ d: Int128) -> Int128 {
        quotient(n * 100, d)
    }
}

extension Ranking {
    /// How many ranked municipalities spend less per person than `entry`, compared exactly: its
    /// place is one more (tied municipalities share it).
    public func countSpendingLess(than entry: Entry) -> Int {
        entries.count { $0.spendsLess(than: entry) }
    }
}

extension PriceFactor {
    /// An amount in current prices in the fixed prices the factor leads to: multiplied, then
    /// rounded once to whole kroner (half away from zero), as a trend reprices.
    public func applied(to amount: Int) -> Int {
        Int((Double(amount) * value).rounded(.toNearestOrAwayFromZero))
    }
}

extension Trend {
    /// The current-price net spending behind year `index`'s point of a municipality (an index into
    /// `municipalities`) or of the country (nil), looked up in `dataset`: the functions that year
    /// summed, for the municipality or as the year's country figure (DST's own, or the ranked
    /// municipalities' sum). Nil when the year has no such point, or when `dataset` does not give
    /// the point back (it is not the current-price dataset the trend was computed from).
    public func currentSpending(at index: Int, municipality: Int?, in dataset: Dataset) -> Int? {
        let year = years[index]
        guard dataset.id == year.dataset, dataset.priceLevel == nil, let computed = year.computed,
              let point = point(at: index, municipality: municipality) else { return nil }
        let spending: Int?
        if let municipality {
            let position = dataset.municipalities.firstIndex(of: municipalities[municipality])
            let amounts = computed.functions.map { code in position.flatMap { dataset.spending[code]?[$0] ?? nil } }
            spending = amounts.contains(nil) ? nil : amounts.reduce(0) { $0 + $1! }
        } else {
            let summed = AreaDefinition(key: area.key, title: area.title,
                                        include: computed.functions.map(FunctionPattern.function), segment: segment)
            let ranking = try? dataset.rank(summed, per: segment)
            spending = ranking.map { $0.country(in: dataset) }.flatMap(\.spending)
        }
        guard let spending else { return nil }
        let repriced = year.factor.map { $0.applied(to: spending) } ?? spending
        return repriced == point.spending ? spending : nil
    }
}
