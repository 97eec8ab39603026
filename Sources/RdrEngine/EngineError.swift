/// Why the engine cannot answer. Each description is one line that says what is wrong and,
/// where there is one, what would make it work.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case wildcardNeedsCompleteChart(area: String, pattern: String, dataset: String, hint: String?)
    case functionsMissing(area: String, missing: [FunctionCode], dataset: String, hint: String?)
    case noFunctionsMatch(area: String, functions: String, dataset: String)
    case segmentNeedsAges(segment: Segment, dataset: String, hint: String?)
    case placeOutOfRange(place: Int, ranked: Int)
    case notRanked(municipality: String, reason: String)
    case nothingRanked(area: String)
    /// None of the peers a drill-down was asked to measure against is ranked in the area.
    case noPeerRanked(area: String, peers: Int)
    /// A trend was asked for without a dataset to follow.
    case trendWithoutYears(area: String)
    /// A trend in fixed prices whose factors lack a dataset's year (those it has are `covered`).
    case priceFactorMissing(year: Int, priceBasis: String, covered: [Int])

    public var description: String {
        switch self {
        case let .wildcardNeedsCompleteChart(area, pattern, dataset, hint):
            "\(area) needs every function of \(pattern), but \(dataset) holds only a selection of functions"
                + suffix(hint)
        case let .functionsMissing(area, missing, dataset, hint):
            "\(dataset) has no figures for \(listed(missing)), which \(area) needs"
                + suffix(hint ?? "`functions` lists the functions it holds")
        case let .noFunctionsMatch(area, functions, dataset):
            "no function of \(dataset) matches \(area) (\(functions)); `functions` lists those it holds"
        case let .segmentNeedsAges(segment, dataset, hint):
            "per \(segment) needs population by age, but \(dataset) has population totals only; "
                + "use per capita" + suffix(hint)
        case let .placeOutOfRange(place, ranked):
            "place \(place) does not exist: places run from 1 to \(ranked) (the median is place \(ranked / 2 + 1))"
        case let .notRanked(municipality, reason):
            "\(municipality) is not ranked here: \(reason)"
        case let .nothingRanked(area):
            "no municipality can be ranked on \(area): every one lacks a figure or a population"
        case let .noPeerRanked(area, peers):
            "none of the \(peers) peers is ranked on \(area), so there is no level to measure against"
        case let .trendWithoutYears(area):
            "a trend of \(area) needs at least one dataset: name the years to follow"
        case let .priceFactorMissing(year, priceBasis, covered):
            "the fixed prices (\(priceBasis)) have no factor for \(year); they have factors for "
                + (covered.isEmpty ? "no year" : covered.map(String.init).joined(separator: ", "))
        }
    }

    private func suffix(_ hint: String?) -> String {
        hint.map { "; \($0)" } ?? ""
    }

    private func listed(_ codes: [FunctionCode]) -> String {
        let shown = codes.prefix(4).map(\.description).joined(separator: ", ")
        return codes.count > 4 ? shown + " and \(codes.count - 4) more" : shown
    }
}
