import RdrEngine

/// A query's outcome: the computation and the table made from it.
public struct Evaluated: Sendable {
    public let analysis: Analysis
    public let table: ResultSet

    public init(_ analysis: Analysis, table: ResultSet) {
        self.analysis = analysis
        self.table = table
    }
}
