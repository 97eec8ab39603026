import RdrEngine

/// One statement of a script or prompt line, with the span it was written in.
public struct Statement: Sendable {
    public let kind: Kind
    public let range: SourceRange

    public enum Kind: Sendable {
        /// `load [local|real|teaching] R2019..R2024, B2025 [prices 2024 [using INDEX]]`: every dataset
        /// named is kept in the workspace; the last becomes the current one.
        case load(DatasetChoice, prices: Located<Int>?, index: Located<String>?)
        /// `use [collection] R2023`: make a loaded dataset the current one.
        case use(DatasetChoice)
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
        /// `export [NAME] to PATH [as FORMAT]`
        case export(name: Located<String>?, path: Located<String>, format: Located<String>?)
        /// `drop NAME`
        case drop(name: Located<String>)
        /// `define area KEY ["Title"] = PATTERNS [except PATTERNS] [per SEGMENT]`
        case defineArea(key: Located<String>, title: String?, include: [FunctionPattern],
                        exclude: [FunctionPattern], segment: Segment)
        /// `area NAME`: one area's definition and the functions it sums in the loaded dataset.
        case describeArea(Target)
        /// `set format FORMAT`
        case setFormat(Located<String>)
        /// `set lang en|da`: the language of the results made from now on.
        case setLanguage(Located<String>)
        /// `set title "TITLE"`: the title of the session's report.
        case setTitle(String)
        /// `map NAME [for NAMES] [to PATH]`: a kept result as a map of Denmark (an SVG file).
        case map(name: Located<String>, for: [Located<String>], path: Located<String>?)
        /// `report to PATH`: the session so far as a document (.html or .md) or a workbook (.xlsx).
        case report(path: Located<String>)
        /// `save PATH.rdr`: the session's statements that succeeded, as a script that replays it.
        case save(path: Located<String>)
        /// `chart NAME [for KOMMUNE] [as ascii|unicode] [to FILE.svg]`
        case chart(ChartRequest)
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
    case compare(CompareQuery)
    case trend(TrendQuery)
    case drill(DrillQuery)
    case peers(PeersQuery)
    /// `explain NAME [for KOMMUNE]`: a kept result's computation, step by step.
    case explain(Located<String>, for: Located<String>?)
    /// A named result (or `_`, the last result), optionally shown in another format.
    case reference(Located<String>)
}

/// Datasets named in a statement: `R2023`, `teaching R2018..R2024`, `R2024, B2025`.
public struct DatasetChoice: Sendable {
    /// "local", "real" or "teaching", when written.
    public let collection: Located<String>?
    /// In the order written, spans expanded; never empty.
    public let ids: [Located<DatasetID>]
    public let range: SourceRange
}

/// `rank TARGET [per SEGMENT] [top N | bottom N | for NAME, NAME …] [with LEVELS] [average KIND] [on DATASET]`
public struct RankQuery: Sendable {
    public let target: Target
    public let segment: Located<Segment>?
    public let selection: Selection
    /// Levels shown under the ranking beside its median: the country, each region, each group.
    public let levels: [Located<Level>]
    public let average: Located<Reference.Average>?
    public let on: DatasetChoice?

    public enum Level: String, Sendable, CaseIterable {
        case country, regions, groups
    }

    public enum Selection: Sendable {
        case all
        case top(Int)
        case bottom(Int)
        case only([Located<String>])
    }
}

/// `gap NAME to PLACE, … [by function] [in TARGET] [per SEGMENT] [sorted]`: one area, or the
/// overview when no area is named (of functions with `by function`); to several places at once, a
/// column or row each.
public struct GapQuery: Sendable {
    public let municipality: Located<String>
    /// Never empty.
    public let places: [Located<Place>]
    /// With `by function`, the target limits the functions that are rows; without, it is the one area.
    public let target: Target?
    public let segment: Located<Segment>?
    /// `by function`: an overview whose rows are functions, not areas.
    public let byFunction: SourceRange?
    /// `sorted`: the overview's rows from the largest mulighedsrum down.
    public let sorted: SourceRange?
    public let on: DatasetChoice?

    public enum Place: Sendable, Equatable {
        case number(Int)
        case median
        /// The level of a named municipality.
        case municipality(String)
    }
}

/// `compare NAME [with PEERS] [in TARGET [per SEGMENT]] [average KIND] [on DATASET]`: one
/// municipality beside others and the averages, on one area or function, or on every area.
public struct CompareQuery: Sendable {
    public let municipality: Located<String>
    public let peers: [Located<Peer>]
    public let target: Target?
    public let segment: Located<Segment>?
    public let average: Located<Reference.Average>?
    public let on: DatasetChoice?

    public enum Peer: Sendable, Equatable {
        /// A municipality by name.
        case municipality(String)
        /// Every municipality of a DST group: the named one, or the compared municipality's own.
        case group(String?)
        /// Every municipality of a region: the named one, or the compared municipality's own.
        case region(String?)
        /// The compared municipality's 5 nearest on the default peer model (`peers NAME`).
        case peers
    }
}

/// `trend TARGET [per SEGMENT] [for NAMES] [prices YEAR [using INDEX]] [crosswalk FILE] [on DATASETS]`:
/// an area or function across the loaded years.
public struct TrendQuery: Sendable {
    public let target: Target
    public let segment: Located<Segment>?
    public let municipalities: [Located<String>]
    public let prices: Located<Int>?
    /// `cpi`, `state` or a `year,index` file; nil with prices = the CPI.
    public let index: Located<String>?
    public let crosswalk: Located<String>?
    public let on: DatasetChoice?
}

/// `drill NAME in TARGET [per SEGMENT] [to BENCHMARK] [on DATASET]`: the area split into its
/// functions against a benchmark (the median when none is given).
public struct DrillQuery: Sendable {
    public let municipality: Located<String>
    public let target: Target
    public let segment: Located<Segment>?
    public let benchmark: Located<Benchmark>?
    public let on: DatasetChoice?

    public enum Benchmark: Sendable, Equatable {
        /// A place, the median or a named municipality's level, as `gap` takes them; a name
        /// that is no municipality may be a kept peers result.
        case place(GapQuery.Place)
        case country
        /// `to peers`: the default model's 5 nearest, summed.
        case peers
    }
}

/// `peers NAME [by VARIABLE [WEIGHT], …] [top N] [in group] [on DATASET]`: the municipalities
/// most similar to one on size and age profile.
public struct PeersQuery: Sendable {
    public struct Term: Sendable {
        public let variable: Located<PeerVariable>
        /// Nil: weight 1.
        public let weight: Located<Double>?
    }

    public let municipality: Located<String>
    /// Nil: the default model (size and the age profile), leaving out what the data lacks.
    public let terms: [Term]?
    public let top: Located<Int>?
    /// The span of `in group`, when written: only municipalities of its DST group.
    public let inGroup: SourceRange?
    public let on: DatasetChoice?
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

    /// As written: "Skole", "5.38.*".
    public var name: String {
        switch self {
        case .area(let name): name.value
        case .functions(let pattern): pattern.value.description
        }
    }
}
