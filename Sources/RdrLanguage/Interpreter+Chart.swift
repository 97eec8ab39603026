import RdrEngine
import RdrReport
import RdrRender

/// `chart NAME [for KOMMUNE] [as ascii|unicode] [to FILE.svg]`: the chart of a kept result, drawn
/// from the engine's analysis it keeps, at the terminal or as an SVG file.
extension Session {
    func chart(_ request: ChartRequest, emit: (Output) -> Void) throws {
        let kept = try self.kept(request.name)
        let name = request.name.value
        guard let analysis = kept.analysis else {
            throw Diagnostic("\(name.quotedInMessage) is a table with no computation behind it (an explanation, a listing "
                             + "or a check); chart draws \(Analysis.chartedResults)", at: request.name.range)
        }
        var highlight = kept.highlighted
        if let chosen = request.municipality {
            highlight = [try municipality(chosen, markedIn: analysis, named: name)]
        }
        guard let chart = chart(of: analysis, highlight: highlight) else {
            throw Diagnostic("\(name.quotedInMessage) is \(analysis.kindText), which has no chart; chart draws "
                             + Analysis.chartedResults, at: request.name.range)
        }
        var characters: TerminalChart.Style.Characters?
        if let chosen = request.characters {
            guard let known = TerminalChart.Style.Characters(rawValue: chosen.value.lowercased()) else {
                throw Diagnostic("unknown characters \(chosen.value.quotedInMessage); choose ascii (#) or unicode (block "
                                 + "characters)", at: chosen.range)
            }
            characters = known
        }
        guard let path = request.path else {
            emit(.chart(chart, characters: characters))
            return
        }
        guard path.value.lowercased().hasSuffix(".svg") else {
            throw Diagnostic("a chart is written as SVG; name the file NAME.svg, as in chart \(name) to chart.svg",
                             at: path.range)
        }
        do {
            try AtomicFile.write(SVGChart.render(chart), to: resolve(path.value).path)
        } catch {
            throw Diagnostic(error.description, at: path.range)
        }
        emit(.message("Wrote the chart of \(name) (\(chart.markCount)) to \(path.value) as SVG."))
    }

    /// The chart of a kept result, marking what its query named; nil when it has none.
    func chart(of kept: KeptResult) -> Chart? {
        kept.analysis.flatMap { chart(of: $0, highlight: kept.highlighted) }
    }

    private func chart(of analysis: Analysis, highlight: [Municipality]) -> Chart? {
        var labels: [FunctionCode: String] = [:]
        if case .drill(let drill) = analysis {
            let id = drill.ranking.dataset
            let source = workspace.first { $0.id == id && $0.collection == dataset?.collection }
                ?? workspace.first { $0.id == id }
            labels = source?.functionLabels ?? [:]
        }
        return analysis.chart(highlight: highlight, functionLabels: labels)
    }

    /// The municipality `for` names, among those of the ranking the chart draws.
    private func municipality(_ chosen: Located<String>, markedIn analysis: Analysis,
                              named name: String) throws(Diagnostic) -> Municipality {
        let ranking: Ranking
        switch analysis {
        case .ranking(let found), .gap(_, let found): ranking = found
        default:
            throw Diagnostic("for marks a municipality in a ranking's chart, and \(name.quotedInMessage) is "
                             + "\(analysis.kindText); leave out for", at: chosen.range)
        }
        let matcher = NameMatcher(ranking.entries.map(\.municipality), names: { [$0.name, String($0.code)] })
        switch matcher.match(chosen.value) {
        case .found(let found): return found
        case .notFound(let suggestions):
            throw Diagnostic("no municipality \(chosen.value.quotedInMessage) in the ranking of \(ranking.area.title)"
                             + didYouMean(suggestions, otherwise: ""), at: chosen.range)
        }
    }
}

extension Analysis {
    /// "a ranking", "peers" …, for messages.
    var kindText: String {
        switch self {
        case .ranking: "a ranking"
        case .gap: "a gap"
        case .overview: "an overview"
        case .sensitivity: "a gap to several places in one area"
        case .overviews: "an overview to several places"
        case .comparison: "a comparison"
        case .areaComparisons: "a comparison of every area"
        case .trend: "a trend"
        case .drill: "a drill-down"
        case .peers: "a peers result"
        }
    }
}

extension Chart {
    /// "98 bars", "3 lines", for the message after writing a chart.
    var markCount: String {
        switch marks {
        case .columns(let bars), .bars(let bars): bars.count == 1 ? "1 bar" : "\(bars.count) bars"
        case .lines(_, let series): series.count == 1 ? "1 line" : "\(series.count) lines"
        }
    }
}
