import RdrEngine

/// One statement of a script or prompt line, with the span it was written in.
public struct Statement: Sendable {
    public let kind: Kind
    public let range: SourceRange

    public enum Kind: Sendable {
        /// `load [local|real|teaching] R2020 [prices 2024 [using FILE]]`
        case load(collection: Located<String>?, dataset: Located<String>, prices: Located<Int>?, index: Located<String>?)
        /// `fetch R2023`, `fetch R2019..R2024, B2025`: download from Statistics Denmark into the local store.
        case fetch([Located<DatasetID>])
        /// `forget R2019`: remove a dataset from the local store.
        case forget(Located<DatasetID>)
        /// `import FILE`: a REGK31, BUDK32 or FOLK1A file as Statistics Denmark serves it.
        case importFile(Located<String>)
        /// `check R2023`: the reconciliation of a local dataset.
        case check(Located<DatasetID>)
        /// `rank …`, `gap …` or a result's name, evaluated and kept as the last result.
        case query(Query)
        /// `let NAME = QUERY`
        case bind(name: Located<String>, query: Query)
        /// `show NAME [as FORMAT]`
        case show(name: Located<String>, format: Located<String>?)
        /// `export [NAME] to PATH`
        case export(name: Located<String>?, path: Located<String>)
        /// `drop NAME`
        case drop(name: Located<String>)
        /// `define area KEY ["Title"] = PATTERNS [except PATTERNS] [per SEGMENT]`
        case defineArea(key: Located<String>, title: String?, include: [FunctionPattern],
                        exclude: [FunctionPattern], segment: Segment)
        /// `area NAME`: one area's definition and the functions it sums in the loaded dataset.
        case describeArea(Target)
        /// `set format FORMAT`
        case setFormat(Located<String>)
        /// `run PATH`
        case run(path: Located<String>)
        /// `help [TOPIC]`
        case help(topic: Located<String>?)
        /// Listings: `areas`, `results`, `datasets`, `municipalities`, `functions`.
        case list(Listing)
        case quit
    }

    public enum Listing: String, Sendable, CaseIterable {
        case areas, results, datasets, municipalities, functions
    }
}

/// Something that yields a result set.
public enum Query: Sendable {
    case rank(RankQuery)
    case gap(GapQuery)
    /// A named result (or `_`, the last result), optionally shown in another format.
    case reference(Located<String>)
}

/// `rank TARGET [per SEGMENT] [top N | bottom N | for NAME, NAME …]`
public struct RankQuery: Sendable {
    public let target: Target
    public let segment: Located<Segment>?
    public let selection: Selection

    public enum Selection: Sendable {
        case all
        case top(Int)
        case bottom(Int)
        case only([Located<String>])
    }
}

/// `gap NAME to PLACE [in TARGET] [per SEGMENT]`: one area, or the overview when no area is named.
public struct GapQuery: Sendable {
    public let municipality: Located<String>
    public let place: Located<Place>
    public let target: Target?
    public let segment: Located<Segment>?

    public enum Place: Sendable, Equatable {
        case number(Int)
        case median
    }
}

/// What is ranked: an area by name, or a function code or pattern.
public enum Target: Sendable {
    case area(Located<String>)
    case functions(Located<FunctionPattern>)

    public var range: SourceRange {
        switch self {
        case .area(let name): name.range
        case .functions(let pattern): pattern.range
        }
    }
}
