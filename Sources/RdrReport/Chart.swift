/// A chart as data, for any renderer (SVG in a report, block characters at a terminal): marks
/// with their labels and values, the unit, which marks are emphasised, reference lines, a title
/// and a sentence that says what the chart shows to a reader who cannot see it. Built from an
/// `Analysis` (Charts.swift), never from printed cells. (Vega-Lite: a chart is data.)
public struct Chart: Sendable, Equatable {
    /// What every value is measured in; a renderer formats the axis and the labels by it.
    public enum Unit: Sendable, Equatable {
        /// Kr. per person in the segment: "kr. per 6-16-year-old".
        case krPerPerson(person: String)
        /// Whole kroner.
        case kroner

        /// The axis label: "kr. per 6-16-year-old", "kr.".
        public var text: String {
            switch self {
            case .krPerPerson(let person): "kr. per \(person)"
            case .kroner: "kr."
            }
        }
    }

    /// Why a mark stands out from the others. A renderer colours it and names it in its label.
    public enum Emphasis: String, Sendable, Equatable {
        case none
        /// The municipality the chart is about (`rank … for X`, `chart s for X`, the one a gap is for).
        case own
        /// The municipality at the benchmark place.
        case benchmark
        /// The median municipality.
        case median
        /// An average that stands beside the municipalities: Hele landet, a region, a group.
        case average
    }

    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Double
        public let emphasis: Emphasis

        public init(label: String, value: Double, emphasis: Emphasis = .none) {
            self.label = label
            self.value = value
            self.emphasis = emphasis
        }
    }

    /// A line across the chart at a value: the median's level, the benchmark's.
    public struct Rule: Sendable, Equatable {
        public let label: String
        public let value: Double
        public let emphasis: Emphasis

        public init(label: String, value: Double, emphasis: Emphasis) {
            self.label = label
            self.value = value
            self.emphasis = emphasis
        }
    }

    /// One line of a line chart: a value per point of the x axis, nil where there is none.
    public struct Series: Sendable, Equatable {
        public let label: String
        public let values: [Double?]
        public let emphasis: Emphasis

        public init(label: String, values: [Double?], emphasis: Emphasis = .none) {
            self.label = label
            self.values = values
            self.emphasis = emphasis
        }
    }

    public enum Marks: Sendable, Equatable {
        /// Upright bars in their order, labelled only where emphasised: a ranking of every
        /// municipality (KL's "Placering og udgiftsniveau").
        case columns([Bar])
        /// Lying bars, each labelled; a negative value goes left of zero.
        case bars([Bar])
        /// Lines over the points of the x axis (years).
        case lines(x: [String], series: [Series])
    }

    public let title: String
    public let unit: Unit
    public let marks: Marks
    public let rules: [Rule]
    /// The text alternative: one or two sentences with the figures that matter, ending with a full stop.
    public let summary: String

    public init(title: String, unit: Unit, marks: Marks, rules: [Rule] = [], summary: String) {
        self.title = title
        self.unit = unit
        self.marks = marks
        self.rules = rules
        self.summary = summary.hasSuffix(".") ? summary : summary + "."
    }

    /// The same chart, its title marked as drawn from invented (teaching) figures.
    func markedInvented() -> Chart {
        Chart(title: title + " (INVENTED figures)", unit: unit, marks: marks, rules: rules, summary: summary)
    }

    /// Every value the chart draws (bars, points and rules), for the scale.
    public var values: [Double] {
        let marked: [Double] = switch marks {
        case .columns(let bars), .bars(let bars): bars.map(\.value)
        case .lines(_, let series): series.flatMap { $0.values.compactMap { $0 } }
        }
        return marked + rules.map(\.value)
    }
}
