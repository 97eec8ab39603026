/// A result as the engine computed it. The session keeps it beside the table it shows, so that
/// what comes after the table (an explanation, a chart, a report) works on the computation, not
/// on printed figures.
public enum Analysis: Sendable {
    case ranking(Ranking)
    case gap(Gap, in: Ranking)
    case overview(Overview)
    case sensitivity(Sensitivity)
    case overviews(OverviewSensitivity)
    case comparison(Comparison)
    case areaComparisons(AreaComparisons)
    case trend(Trend)
    case drill(Drill)
    case peers(Peers)
}
