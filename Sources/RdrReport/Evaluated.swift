import RdrEngine

/// A query's outcome: the computation and the table made from it.
public struct Evaluated: Sendable {
    public let analysis: Analysis
    public let table: ResultSet
    /// The municipalities the query named for the reader to find (`rank … for X`): its chart marks them.
    public var highlighted: [Municipality] = []

    public init(_ analysis: Analysis, table: ResultSet) {
        self.analysis = analysis
        self.table = table
    }
}
