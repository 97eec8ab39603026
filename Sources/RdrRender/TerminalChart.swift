import RdrReport

/// A chart as text for a terminal: a line per bar drawn in eighth blocks (▏▎▍▌▋▊▉█), or `#` when
/// the terminal is not UTF-8; a line chart as points on a grid. The shell decides the characters
/// and the colour (from LANG/LC_ALL/LC_CTYPE, NO_COLOR and whether standard output is a
/// terminal) and passes them in: nothing here reads the environment.
public enum TerminalChart {
    public struct Style: Sendable, Equatable {
        public enum Characters: String, Sendable, Equatable, CaseIterable {
            case unicode, ascii
        }

        public var characters: Characters
        /// ANSI colour for the emphasised marks.
        public var colour: Bool

        public init(characters: Characters, colour: Bool) {
            self.characters = characters
            self.colour = colour
        }

        /// ASCII and no colour: safe anywhere, the library's default until the shell says otherwise.
        public static let plain = Style(characters: .ascii, colour: false)
    }

    /// The width used when none is given (a pipe or a file).
    public static let defaultWidth = 80

    /// The chart in at most `width` columns (at least 40 are used), ending with its summary.
    public static func render(_ chart: Chart, style: Style, width: Int?) -> String {
        let width = max(40, width ?? defaultWidth)
        var lines = wrapped(terminalSafe(chart.title), width: width).split(separator: "\n").map(String.init)
        switch chart.marks {
        case .columns(let bars), .bars(let bars):
            lines += barLines(bars, chart: chart, style: style, width: width)
        case .lines(let x, let series):
            lines += lineGrid(x: x, series: series, chart: chart, style: style, width: width)
        }
        for rule in chart.rules {
            lines.append(terminalSafe("\(rule.label): \(SVGChart.amount(rule.value)) \(chart.unit.text)"))
        }
        lines += wrapped(terminalSafe(chart.summary), width: width).split(separator: "\n").map(String.init)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Bars

    /// `label │bar  value  mark` per bar; zero at the column where the bars start, negative bars
    /// to its left in whole cells (a block character fills from the left only).
    private static func barLines(_ bars: [Chart.Bar], chart: Chart, style: Style, width: Int) -> [String] {
        let values = bars.map { SVGChart.amount($0.value) }
        let marks = bars.map { mark($0.emphasis, style) }
        let labelWidth = min(bars.map { $0.label.count }.max() ?? 0, width / 3)
        let valueWidth = values.map(\.count).max() ?? 0
        let markWidth = marks.map(\.count).max() ?? 0
        let room = max(10, width - labelWidth - valueWidth - markWidth - 4)
        let highest = max(0, bars.map(\.value).max() ?? 0), lowest = min(0, bars.map(\.value).min() ?? 0)
        let span = highest - lowest
        // The cells left of zero, in proportion to the negative part of the span.
        let negativeCells = span > 0 ? Int((Double(room) * -lowest / span).rounded()) : 0
        let positiveCells = room - negativeCells
        let axis = style.characters == .unicode ? "│" : "|"
        var lines = ["\(String(repeating: " ", count: labelWidth)) \(chart.unit.text)"]
        for (index, bar) in bars.enumerated() {
            let label = fitted(terminalSafe(bar.label), labelWidth, style)
            let eighths = span > 0 ? Int((bar.value.magnitude / span * Double(room) * 8).rounded()) : 0
            var left = String(repeating: " ", count: negativeCells)
            var right = String(repeating: " ", count: positiveCells)
            if bar.value < 0 {
                let cells = min(negativeCells, (eighths + 4) / 8)
                left = String(repeating: " ", count: negativeCells - cells) + painted(String(repeating: full(style), count: cells), bar.emphasis, style)
            } else {
                let drawn = blocks(eighths: min(eighths, positiveCells * 8), style)
                right = painted(drawn, bar.emphasis, style) + String(repeating: " ", count: positiveCells - drawn.count)
            }
            let value = String(repeating: " ", count: valueWidth - values[index].count) + values[index]
            let line = "\(label) \(left)\(axis)\(right) \(value)" + (marks[index].isEmpty ? "" : " \(marks[index])")
            lines.append(trailingSpacesRemoved(line))
        }
        return lines
    }

    /// Full cells, then the eighth that is left: 13 eighths is █▋ in Unicode, # in ASCII (rounded to cells).
    static func blocks(eighths: Int, _ style: Style) -> String {
        switch style.characters {
        case .ascii:
            return String(repeating: "#", count: (eighths + 4) / 8)
        case .unicode:
            let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
            return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
        }
    }

    private static func full(_ style: Style) -> String { style.characters == .unicode ? "█" : "#" }

    /// What a bar's line says after its figure: "◀ own", "<- median".
    private static func mark(_ emphasis: Chart.Emphasis, _ style: Style) -> String {
        guard emphasis != .none else { return "" }
        return (style.characters == .unicode ? "◀ " : "<- ") + SVGChart.role(emphasis)
    }

    /// ANSI colours for the emphasised marks, as the SVG's: red own, blue benchmark, yellow median, bold averages.
    private static func painted(_ text: String, _ emphasis: Chart.Emphasis, _ style: Style) -> String {
        guard style.colour, !text.isEmpty else { return text }
        let code = switch emphasis {
        case .none: ""
        case .own: "31"
        case .benchmark: "34"
        case .median: "33"
        case .average: "1"
        }
        return code.isEmpty ? text : "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    // MARK: Lines

    /// The points of every series on a grid of 12 rows, a symbol per series, the value axis on the
    /// left and the x labels under their columns; a legend a line per series.
    private static func lineGrid(x labels: [String], series: [Chart.Series], chart: Chart, style: Style,
                                 width: Int) -> [String] {
        let rows = 12
        let symbols: [String] = style.characters == .unicode ? ["●", "■", "▲", "◆", "○", "□", "△", "◇"]
            : ["*", "o", "+", "x", "#", "@", "%", "&"]
        let scale = Scale(chart.values, from: 0, to: Double(rows - 1), zero: false)
        let axisLabels = scale.ticks.map(SVGChart.amount)
        let axisWidth = axisLabels.map(\.count).max() ?? 0
        let labelWidth = max(labels.map(\.count).max() ?? 1, 1)
        let room = max(labelWidth, width - axisWidth - 2)
        let step = labels.count > 1 ? max(labelWidth + 1, (room - labelWidth) / (labels.count - 1)) : 0
        var grid = Array(repeating: Array(repeating: " ", count: room), count: rows)
        for (number, line) in series.enumerated().reversed() {  // the first series drawn last, on top
            for (index, value) in line.values.enumerated() {
                guard let value, index * step < room else { continue }
                let row = rows - 1 - Int(scale.position(value).rounded())
                grid[row][index * step] = painted(symbols[number % symbols.count], line.emphasis, style)
            }
        }
        // A tick label on the row nearest each tick, when rows are left between them.
        var axis = Array(repeating: "", count: rows)
        for (tick, text) in zip(scale.ticks, axisLabels) {
            let row = rows - 1 - Int(scale.position(tick).rounded())
            if axis[row].isEmpty { axis[row] = text }
        }
        let bar = style.characters == .unicode ? "┤" : "|"
        var lines = ["\(String(repeating: " ", count: axisWidth))  \(chart.unit.text)"]
        for row in 0..<rows {
            let label = String(repeating: " ", count: axisWidth - axis[row].count) + axis[row]
            lines.append(trailingSpacesRemoved("\(label) \(axis[row].isEmpty ? (style.characters == .unicode ? "│" : "|") : bar)"
                                               + grid[row].joined()))
        }
        var under = Array(repeating: Character(" "), count: room + labelWidth)
        for (index, label) in labels.enumerated() where index * step + label.count <= under.count {
            for (offset, character) in label.enumerated() { under[index * step + offset] = character }
        }
        lines.append(trailingSpacesRemoved(String(repeating: " ", count: axisWidth + 2) + String(under)))
        for (number, line) in series.enumerated() {
            lines.append("  " + painted(symbols[number % symbols.count], line.emphasis, style) + " " + terminalSafe(line.label))
        }
        return lines
    }

    // MARK: Text

    /// The text in exactly `width` characters: padded, or cut with "…" ("~" in ASCII).
    private static func fitted(_ text: String, _ width: Int, _ style: Style) -> String {
        if text.count <= width { return text + String(repeating: " ", count: width - text.count) }
        return String(text.prefix(max(0, width - 1))) + (style.characters == .unicode ? "…" : "~")
    }

    private static func trailingSpacesRemoved(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
