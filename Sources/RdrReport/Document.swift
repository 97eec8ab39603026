import RdrEngine

/// A notebook as a document: the statements of a session or script, each followed by what it
/// computed. Renderers turn it into a report (HTML, Markdown) to mail to a committee; messages
/// such as "Loaded …" are not part of it.
public struct Document: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// A statement as typed, `$NAME` and all.
        case statement(String)
        case result(ResultSet)
        case chart(Chart)  // the chart of the result before it, or of `chart NAME`
        /// A map of Denmark drawn by `map NAME` (with or without `to FILE.svg`).
        case map(MapData)
    }

    public var title: String
    /// When it was made, as a reader reads it: "2 December 2026".
    public var date: String
    /// "rdr 1.0.0".
    public var generator: String
    /// The script's parameters and the values they had, in name order.
    public var parameters: [(name: String, value: String)]
    public var blocks: [Block]
    /// The language of the report's own words (header, caveat, `<html lang>`); each result keeps its own.
    public var language: Language

    public init(title: String, date: String, generator: String, parameters: [(name: String, value: String)],
                blocks: [Block], language: Language = .en) {
        self.title = title
        self.date = date
        self.generator = generator
        self.parameters = parameters
        self.blocks = blocks
        self.language = language
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.title == rhs.title && lhs.date == rhs.date && lhs.generator == rhs.generator
            && lhs.parameters.elementsEqual(rhs.parameters) { $0 == $1 } && lhs.blocks == rhs.blocks && lhs.language == rhs.language
    }

    public var results: [ResultSet] {
        blocks.compactMap { if case .result(let result) = $0 { result } else { nil } }
    }

    /// The data sources of the results, each once, in order of first use: "Statistics Denmark
    /// (CC BY 4.0), REGK31 …".
    public var sources: [String] {
        var seen: [String] = []
        for source in results.compactMap(\.provenance?.source) where !seen.contains(source) {
            seen.append(source)
        }
        return seen
    }

    /// Whether any result is computed from invented (teaching) figures.
    public var holdsInventedFigures: Bool {
        results.contains { $0.provenance?.invented == true }
    }

    /// What every report says about the method, whatever its results.
    public static let caveat = mulighedsrumCaveat
}
