import RdrReport

/// A chart as one self-contained SVG element: no fonts, styles or scripts from elsewhere, the
/// title and the text alternative as `<title>` and `<desc>` (and `aria-label`) for a screen
/// reader, numbers on the axis as the tables show them (1.234.567). Drawn on a 700-unit-wide
/// viewBox that scales to the width it is given, so a phone shows it whole.
public enum SVGChart {
    /// The viewBox's width; everything is laid out in these units.
    static let width = 700.0
    static let titleHeight = 34.0
    static let fontSize = 12.0

    public static func render(_ chart: Chart) -> String {
        let body: (height: Double, content: String) = switch chart.marks {
        case .columns(let bars): columnChart(bars, chart)
        case .bars(let bars): barChart(bars, chart)
        case .lines(let x, let series): lineChart(x: x, series: series, chart)
        }
        let label = escaped(chart.title)
        // A long title takes more lines (about 84 characters of 14-unit bold fit the width); the chart moves down.
        let titleLines = TableRenderer.wrapped(chart.title, width: 84)
        let extra = Double(titleLines.count - 1) * 18
        let height = body.height + extra
        let title = titleLines.enumerated().map { index, line in
            "<text x=\"0\" y=\"\(n(16 + Double(index) * 18))\" font-size=\"14\" font-weight=\"600\" fill=\"#1a1a1a\">"
                + "\(escaped(line))</text>\n"
        }.joined()
        let content = extra == 0 ? body.content : "<g transform=\"translate(0 \(n(extra)))\">\n\(body.content)</g>\n"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "width=\"100%\" role=\"img\" aria-label=\"\(label)\" "
            + "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif\" "
            + "font-size=\"\(n(fontSize))\">\n"
            + "<title>\(label)</title>\n<desc>\(escaped(chart.summary))</desc>\n"
            + "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
            + title + content + "</svg>\n"
    }

    /// The fill of a mark by its emphasis: colours that stay apart for the common colour blindnesses.
    static func colour(_ emphasis: Chart.Emphasis) -> String {
        switch emphasis {
        case .none: "#9aa5b1"
        case .own: "#c0392b"
        case .benchmark: "#1f6fb2"
        case .median: "#e69f00"
        case .average: "#4d4d4d"
        }
    }

    /// The word a legend gives an emphasis.
    static func role(_ emphasis: Chart.Emphasis) -> String {
        switch emphasis {
        case .none: ""
        case .own: "own"
        case .benchmark: "benchmark"
        case .median: "median"
        case .average: "average"
        }
    }

    // MARK: Upright bars

    /// A bar per value in order, the value axis on the left, the rules across; the emphasised
    /// bars named in a legend under the chart.
    private static func columnChart(_ bars: [Chart.Bar], _ chart: Chart) -> (Double, String) {
        let left = 78.0, right = 8.0, top = titleHeight + 8, plot = 300.0
        let scale = Scale(chart.values, from: top + plot, to: top)
        var out = axis(scale, vertical: true, from: left, to: width - right, unit: chart.unit)
        let step = (width - left - right) / Double(max(bars.count, 1))
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * step + step * 0.1
            let (y0, y1) = (scale.position(0), scale.position(bar.value))
            out += "<rect class=\"bar \(bar.emphasis.rawValue)\" x=\"\(n(x))\" y=\"\(n(min(y0, y1)))\" width=\"\(n(step * 0.8))\" "
                + "height=\"\(n(abs(y1 - y0)))\" fill=\"\(colour(bar.emphasis))\">"
                + "<title>\(escaped("\(index + 1). \(bar.label): \(amount(bar.value)) \(chart.unit.text)"))</title></rect>\n"
            if bar.emphasis != .none {  // a tick under the bar, so that a narrow bar is found
                out += "<path d=\"M\(n(x + step * 0.4)) \(n(top + plot + 2)) l-4 8 h8 z\" fill=\"\(colour(bar.emphasis))\"/>\n"
            }
        }
        out += rules(chart.rules, scale: scale, from: left, to: width - right)
        var y = top + plot + 28
        out += "<text x=\"\(n(left))\" y=\"\(n(y))\" fill=\"#444\">place 1 (lowest) to \(bars.count), one bar each</text>\n"
        for (index, bar) in bars.enumerated() where bar.emphasis != .none {
            y += 18
            out += legendItem(x: left, y: y, emphasis: bar.emphasis,
                              text: "\(role(bar.emphasis)): \(bar.label), place \(index + 1), \(amount(bar.value)) \(chart.unit.text)")
        }
        return (y + 12, out)
    }

    // MARK: Lying bars

    /// A labelled bar per value; zero where the axis crosses, negatives to its left.
    private static func barChart(_ bars: [Chart.Bar], _ chart: Chart) -> (Double, String) {
        let labelWidth = 200.0, valueWidth = 96.0, row = 22.0, top = titleHeight + 22
        let left = labelWidth + 8, right = width - valueWidth
        let scale = Scale(chart.values, from: left, to: right)
        let height = top + Double(bars.count) * row
        var out = axis(scale, vertical: false, from: top - 4, to: height, unit: chart.unit)
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * row
            let (x0, x1) = (scale.position(0), scale.position(bar.value))
            let label = bar.label.count > 25 ? String(bar.label.prefix(24)) + "…" : bar.label
            out += "<text x=\"\(n(labelWidth))\" y=\"\(n(y + row * 0.68))\" text-anchor=\"end\" fill=\"#1a1a1a\""
                + (bar.emphasis == .none ? "" : " font-weight=\"600\"") + ">\(escaped(label))</text>\n"
            out += "<rect class=\"bar \(bar.emphasis.rawValue)\" x=\"\(n(min(x0, x1)))\" y=\"\(n(y + 3))\" "
                + "width=\"\(n(abs(x1 - x0)))\" height=\"\(n(row - 6))\" fill=\"\(colour(bar.emphasis))\">"
                + "<title>\(escaped("\(bar.label): \(amount(bar.value)) \(chart.unit.text)"))</title></rect>\n"
            // The figure beside the bar's end, outside it: right of a positive bar, left of a negative one.
            let (anchor, x) = bar.value < 0 ? ("end", min(x0, x1) - 4) : ("start", max(x0, x1) + 4)
            out += "<text x=\"\(n(x))\" y=\"\(n(y + row * 0.68))\" text-anchor=\"\(anchor)\" fill=\"#1a1a1a\">"
                + "\(amount(bar.value))</text>\n"
        }
        out += "<line x1=\"\(n(scale.position(0)))\" y1=\"\(n(top - 4))\" x2=\"\(n(scale.position(0)))\" y2=\"\(n(height))\" "
            + "stroke=\"#1a1a1a\" stroke-width=\"1\"/>\n"
        out += rules(chart.rules, scale: scale, from: top - 4, to: height)
        return (height + 8, out)
    }

    // MARK: Lines

    /// A line per series over evenly spaced points, a dot at each value; a missing value breaks the line.
    private static func lineChart(x labels: [String], series: [Chart.Series], _ chart: Chart) -> (Double, String) {
        let left = 78.0, right = 16.0, top = titleHeight + 8, plot = 280.0
        let scale = Scale(chart.values, from: top + plot, to: top, zero: false)
        var out = axis(scale, vertical: true, from: left, to: width - right, unit: chart.unit)
        let step = labels.count > 1 ? (width - left - right - 24) / Double(labels.count - 1) : 0
        let xPosition = { (index: Int) in left + 12 + Double(index) * step + (labels.count > 1 ? 0 : (width - left - right) / 2 - 12) }
        for (index, label) in labels.enumerated() {
            out += "<text x=\"\(n(xPosition(index)))\" y=\"\(n(top + plot + 16))\" text-anchor=\"middle\" fill=\"#444\">"
                + "\(escaped(label))</text>\n"
        }
        let palette = ["#c0392b", "#1f6fb2", "#2e8540", "#8e44ad", "#b35900", "#008b8b", "#7f6000"]
        var y = top + plot + 28
        var others = 0
        for line in series {
            let stroke: String
            if line.emphasis == .average { stroke = colour(.average) } else {
                stroke = palette[others % palette.count]
                others += 1
            }
            let dash = line.emphasis == .average ? " stroke-dasharray=\"6 4\"" : ""
            var runs: [[(Int, Double)]] = [[]]
            for (index, value) in line.values.enumerated() {
                if let value { runs[runs.count - 1].append((index, value)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            out += "<g class=\"series \(line.emphasis.rawValue)\">\n"
            for run in runs where run.count > 1 {
                let points = run.map { "\(n(xPosition($0.0))),\(n(scale.position($0.1)))" }.joined(separator: " ")
                out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\"\(dash)/>\n"
            }
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                out += "<circle cx=\"\(n(xPosition(index)))\" cy=\"\(n(scale.position(value)))\" r=\"3.5\" fill=\"\(stroke)\">"
                    + "<title>\(escaped("\(line.label), \(labels[index]): \(amount(value)) \(chart.unit.text)"))</title></circle>\n"
            }
            out += "</g>\n"
            y += 18
            out += "<line x1=\"\(n(left))\" y1=\"\(n(y - 4))\" x2=\"\(n(left + 24))\" y2=\"\(n(y - 4))\" stroke=\"\(stroke)\" "
                + "stroke-width=\"2\"\(dash)/>\n<text x=\"\(n(left + 30))\" y=\"\(n(y))\" fill=\"#1a1a1a\">\(escaped(line.label))</text>\n"
        }
        out += rules(chart.rules, scale: scale, from: left, to: width - right)
        return (y + 12, out)
    }

    // MARK: Pieces

    /// Grid lines and their labels at the scale's ticks, and the unit: along the left edge for
    /// upright marks (`from`…`to` the plot's x extent), along the top for lying ones (its y extent).
    private static func axis(_ scale: Scale, vertical: Bool, from start: Double, to end: Double, unit: Chart.Unit) -> String {
        var out = "<g class=\"axis\" fill=\"#444\" stroke=\"none\">\n"
        for tick in scale.ticks {
            let at = n(scale.position(tick))
            if vertical {
                out += "<line x1=\"\(n(start))\" y1=\"\(at)\" x2=\"\(n(end))\" y2=\"\(at)\" stroke=\"#e3e3e3\"/>"
                    + "<text x=\"\(n(start - 6))\" y=\"\(n(scale.position(tick) + 4))\" text-anchor=\"end\">\(amount(tick))</text>\n"
            } else {
                out += "<line x1=\"\(at)\" y1=\"\(n(start))\" x2=\"\(at)\" y2=\"\(n(end))\" stroke=\"#e3e3e3\"/>"
                    + "<text x=\"\(at)\" y=\"\(n(start - 4))\" text-anchor=\"middle\">\(amount(tick))</text>\n"
            }
        }
        if vertical {
            out += "<text x=\"\(n(start))\" y=\"\(n(titleHeight - 2))\" text-anchor=\"start\">\(escaped(unit.text))</text>\n"
        } else {
            out += "<text x=\"\(n(width))\" y=\"\(n(titleHeight - 2))\" text-anchor=\"end\">\(escaped(unit.text))</text>\n"
        }
        return out + "</g>\n"
    }

    /// Dashed lines at the rules' values with their labels: across an upright chart, down a lying one.
    private static func rules(_ rules: [Chart.Rule], scale: Scale, from start: Double, to end: Double) -> String {
        // Labels alternate between the start and the end of their lines, so that two close rules stay readable.
        rules.enumerated().map { index, rule in
            let at = scale.position(rule.value)
            let colour = colour(rule.emphasis)
            let (x, anchor) = index.isMultiple(of: 2) ? (start + 4, "start") : (end - 4, "end")
            return "<g class=\"rule \(rule.emphasis.rawValue)\">"
                + "<line x1=\"\(n(start))\" y1=\"\(n(at))\" x2=\"\(n(end))\" y2=\"\(n(at))\" stroke=\"\(colour)\" "
                + "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
                + "<text x=\"\(n(x))\" y=\"\(n(at - 4))\" text-anchor=\"\(anchor)\" fill=\"\(colour)\">\(escaped(rule.label)): \(amount(rule.value))</text></g>\n"
        }.joined()
    }

    private static func legendItem(x: Double, y: Double, emphasis: Chart.Emphasis, text: String) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y - 10))\" width=\"12\" height=\"12\" fill=\"\(colour(emphasis))\"/>"
            + "<text x=\"\(n(x + 18))\" y=\"\(n(y))\" fill=\"#1a1a1a\">\(escaped(text))</text>\n"
    }

    /// A figure as the tables show it to people: whole, grouped with dots, "-" for negatives.
    static func amount(_ value: Double) -> String {
        Audience.people.format(amount: value, decimals: 0) ?? ""
    }

    /// A coordinate to one decimal, without a trailing ".0": short, and the same on every machine.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    private static func escaped(_ text: String) -> String { DocumentRenderer.escaped(text) }
}

/// A linear scale from values to positions, over round ticks that take in every value and zero.
struct Scale {
    let low: Double
    let high: Double
    let ticks: [Double]
    let start: Double
    let end: Double

    /// `start` is where `low` lies, `end` where `high` does (for an upright axis, start is the bottom).
    /// Bars need zero on the scale, for their lengths to be in proportion to the values; lines
    /// need not, so that a trend's years stand apart.
    init(_ values: [Double], from start: Double, to end: Double, zero: Bool = true) {
        let smallest = values.min() ?? 0, largest = values.max() ?? 0
        let lowest = zero ? min(0, smallest) : smallest, highest = zero ? max(0, largest) : largest
        let step = Scale.step(for: highest - lowest)
        let first = (lowest / step).rounded(.down), last = (highest / step).rounded(.up)
        low = first * step
        high = max(last, first + 1) * step
        ticks = (Int(first)...Int(max(last, first + 1))).map { Double($0) * step }
        self.start = start
        self.end = end
    }

    func position(_ value: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }

    /// 1, 2 or 5 times a power of ten (at least 1), so that the span takes about six ticks.
    static func step(for span: Double) -> Double {
        guard span > 0 else { return 1 }
        let raw = span / 6
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let factor = raw / power
        // Never below 1: the labels are whole kroner, and a step of 0,5 would label two ticks "1".
        return max(1, power * (factor <= 1 ? 1 : factor <= 2 ? 2 : factor <= 5 ? 5 : 10))
    }
}
