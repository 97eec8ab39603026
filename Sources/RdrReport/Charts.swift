import RdrEngine

/// The charts of the analyses, built from the engine's numbers: a ranking as a bar per
/// municipality, an overview's mulighedsrum per area, a trend's lines, a drill-down's differences
/// per function, a comparison's bars. Each chart's summary is its text alternative.
extension Analysis {
    /// The chart of this result, or nil where no chart helps (several places at once, every area
    /// compared, peers). `highlight`: municipalities a ranking marks as the reader's own;
    /// `functionLabels` name a drill-down's functions.
    public func chart(highlight: [Municipality] = [], functionLabels: [FunctionCode: String] = [:]) -> Chart? {
        guard let chart = drawing(highlight: highlight, functionLabels: functionLabels) else { return nil }
        return isInvented ? chart.markedInvented() : chart
    }

    /// Whether the figures are the teaching data's: a chart of them says so in its title.
    private var isInvented: Bool {
        switch self {
        case .ranking(let ranking), .gap(_, let ranking): ranking.provenance.invented
        case .overview(let overview): overview.rows.contains { $0.ranking?.provenance.invented == true }
        case .trend(let trend): trend.years.contains { $0.provenance.invented }
        case .drill(let drill): drill.ranking.provenance.invented
        case .comparison(let comparison): comparison.ranking.provenance.invented
        case .sensitivity(let sensitivity): sensitivity.ranking.provenance.invented
        case .overviews, .areaComparisons: false
        case .peers(let peers): peers.provenance.invented
        }
    }

    private func drawing(highlight: [Municipality], functionLabels: [FunctionCode: String]) -> Chart? {
        switch self {
        case .ranking(let ranking): ranking.chart(highlight: highlight)
        case .gap(let gap, let ranking): ranking.chart(highlight: [gap.own.municipality] + highlight, benchmark: gap)
        case .overview(let overview): overview.chart()
        case .trend(let trend): trend.chart()
        case .drill(let drill): drill.chart(labels: functionLabels)
        case .comparison(let comparison): comparison.chart()
        case .sensitivity, .overviews, .areaComparisons, .peers: nil
        }
    }

    /// What has a chart, for the message when a result has none.
    public static let chartedResults = "a ranking (rank), a gap in one area, an overview (gap … to PLACE), a trend, "
        + "a drill-down and a comparison in one area (compare … in AREA)"
}

extension Ranking {
    /// A bar per municipality in place order, kr. per person; the median, `highlight` and the
    /// benchmark of `benchmark` (a gap) marked, with rules at the median's and the benchmark's level.
    public func chart(highlight: [Municipality] = [], benchmark: Gap? = nil) -> Chart {
        let median = self.median
        let bars = entries.map { entry in
            let emphasis: Chart.Emphasis =
                if highlight.contains(entry.municipality) { .own }
                else if let benchmark, entry.municipality == benchmark.benchmark.municipality { .benchmark }
                else if entry.municipality == median.municipality { .median }
                else { .none }
            return Chart.Bar(label: entry.municipality.name, value: entry.perPerson, emphasis: emphasis)
        }
        var rules = [Chart.Rule(label: "median (place \(medianPlace), \(median.municipality.name))",
                                value: median.perPerson, emphasis: .median)]
        if let benchmark, benchmark.benchmark.municipality != median.municipality {
            rules.append(Chart.Rule(label: "place \(benchmark.place) (\(benchmark.benchmark.municipality.name))",
                                    value: benchmark.benchmark.perPerson, emphasis: .benchmark))
        }
        let first = entries[0], last = entries[entries.count - 1]
        var summary = "\(entries.count) municipalities ranked on \(area.title), kr. per \(segment.person): from "
            + "\(first.municipality.name) at place \(first.place) (\(kroner(first.perPerson))) to "
            + "\(last.municipality.name) at place \(last.place) (\(kroner(last.perPerson))); the median, "
            + "\(median.municipality.name) at place \(medianPlace), spends \(kroner(median.perPerson))"
        for entry in entries where highlight.contains(entry.municipality) {
            summary += " \(entry.municipality.name) is at place \(entry.place) with \(kroner(entry.perPerson))"
        }
        if let benchmark {
            summary += " The benchmark, place \(benchmark.place) (\(benchmark.benchmark.municipality.name)), spends "
                + "\(kroner(benchmark.benchmark.perPerson))"
        }
        return Chart(title: "\(area.title): kr. per \(segment.person), \(provenance.dataset) (place 1 = lowest)",
                     unit: .krPerPerson(person: segment.person), marks: .columns(bars), rules: rules, summary: summary)
    }
}

extension Overview {
    /// The mulighedsrum of each area that could be computed, in the overview's order; nil when none could.
    public func chart() -> Chart? {
        let computed = rows.compactMap { row in (try? row.outcome.get()).map { (row.area.title, $0) } }
        guard !computed.isEmpty else { return nil }
        let target = switch benchmark {
        case .place(let number): "place \(number)"
        case .median: "the median"
        case .municipality(let other): "\(other.name)'s level"
        }
        let what = rowsAreFunctions ? "function" : "area"
        let dataset = rows.lazy.compactMap(\.ranking).first.map { ", \($0.provenance.dataset)" } ?? ""
        let bars = computed.map { Chart.Bar(label: $0.0, value: Double($0.1.mulighedsrum)) }
        let largest = computed.filter { $0.1.mulighedsrum > 0 }.sorted { $0.1.mulighedsrum > $1.1.mulighedsrum }.prefix(3)
        var summary = "Mulighedsrum of \(municipality.name) to \(target) in \(computed.count) of \(rows.count) "
            + "\(what)s, \(grouped(total)) kr. in all"
        summary += largest.isEmpty ? "; none is above its benchmark."
            : "; the largest: " + largest.map { "\($0.0) \(grouped($0.1.mulighedsrum)) kr." }.joined(separator: ", ")
        return Chart(title: "Mulighedsrum per \(what): \(municipality.name) to \(target)\(dataset)", unit: .kroner,
                     marks: .bars(bars), summary: summary)
    }
}

extension Trend {
    /// A line per municipality and one for Hele landet, kr. per person per year; nil when no year
    /// could be computed.
    public func chart() -> Chart? {
        guard years.contains(where: { $0.computed != nil }) else { return nil }
        let person = segment.person
        let lines: [(String, Int?)] = municipalities.enumerated().map { ($1.name, $0) } + [(Self.countryName, nil)]
        let series = lines.map { name, index in
            Chart.Series(label: name, values: years.indices.map { point(at: $0, municipality: index)?.perPerson },
                         emphasis: index == nil ? .average : (index == 0 ? .own : .none))
        }
        let prices = self.prices.map { "\($0.year) prices" } ?? "current prices"
        let span = "\(years[0].year)–\(years[years.count - 1].year)"
        let ends = series.compactMap { line -> String? in
            let known = zip(years, line.values).compactMap { year, value in value.map { (year.year, $0) } }
            guard let first = known.first, let last = known.last else { return nil }
            return known.count == 1 ? "\(line.label) \(kroner(first.1)) in \(first.0)"
                : "\(line.label) from \(kroner(first.1)) in \(first.0) to \(kroner(last.1)) in \(last.0)"
        }
        return Chart(title: "\(area.title): kr. per \(person), \(span), \(prices)", unit: .krPerPerson(person: person),
                     marks: .lines(x: years.map { String($0.year) }, series: series),
                     summary: "Kr. per \(person) on \(area.title), \(span) in \(prices): " + ends.joined(separator: "; "))
    }
}

extension Drill {
    /// The difference in kroner per function, negative where the municipality spends less.
    public func chart(labels: [FunctionCode: String] = [:]) -> Chart {
        let bars = lines.map { line in
            Chart.Bar(label: labels[line.function].map { "\(line.function) \($0)" } ?? line.function.description,
                      value: Double(line.difference), emphasis: .none)
        }
        let above = lines.filter { $0.difference > 0 }.sorted { $0.difference > $1.difference }
        let below = lines.count { $0.difference < 0 }
        var summary = "\(own.municipality.name)'s difference from \(benchmarkName()) in \(ranking.area.title), "
            + "\(grouped(difference)) kr. in all over \(lines.count) functions"
        if let top = above.first { summary += "; the largest above: \(top.function) with \(grouped(top.difference)) kr." }
        summary += below == 0 ? "; none below." : "; \(below) below."
        return Chart(title: "\(ranking.area.title) by function: \(own.municipality.name) against \(benchmarkName()), "
                     + "difference in kr., \(ranking.provenance.dataset)",
                     unit: .kroner, marks: .bars(bars), summary: summary)
    }
}

extension Comparison {
    /// The compared municipality, its peers and the averages, kr. per person; members the
    /// ranking leaves out have no bar, and the summary says so.
    public func chart() -> Chart {
        let person = ranking.segment.person
        let ranked = members.compactMap { member in member.entry.map { (member.municipality, $0) } }
        let bars = ranked.map { municipality, entry in
            Chart.Bar(label: municipality.name, value: entry.perPerson,
                      emphasis: municipality == members[0].municipality ? .own : .none)
        } + references.map { Chart.Bar(label: $0.name, value: $0.perPerson, emphasis: .average) }
        let levels = (ranked.map { "\($0.0.name) \(kroner($0.1.perPerson))" }
            + references.map { "\($0.name) \(kroner($0.perPerson))" }).joined(separator: ", ")
        var summary = "Kr. per \(person) on \(ranking.area.title): \(levels)"
        let missing = members.filter { $0.entry == nil }.map(\.municipality.name)
        if !missing.isEmpty { summary += " Not ranked: " + missing.joined(separator: ", ") + "." }
        return Chart(title: "\(ranking.area.title): \(members[0].municipality.name) beside others, kr. per \(person), "
                     + ranking.provenance.dataset,
                     unit: .krPerPerson(person: person), marks: .bars(bars), summary: summary)
    }
}

/// Kr. per person in words, rounded to whole kroner half away from zero: "65.432 kr.".
private func kroner(_ perPerson: Double) -> String {
    "\(grouped(Int(perPerson.rounded(.toNearestOrAwayFromZero)))) kr."
}
