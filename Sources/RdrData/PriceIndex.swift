import RdrEngine

/// A yearly price index for fixed prices: the consumer price index or the state's price-and-wage
/// index (PL) shipped with rdr, or an index a user loads from a file.
public struct PriceIndex: Sendable, Equatable {
    /// Shown in captions: "CPI-adjusted (Statistics Denmark PRIS8)".
    public let label: String
    public let values: [Int: Double]

    public init(label: String, values: [Int: Double]) {
        self.label = label
        self.values = values
    }

    /// The state PL's label. Never just "PL": the method's PL is the municipal one KL publishes.
    public static let statePLLabel = "state PL (Økonomistyrelsen)"

    /// Statistics Denmark's consumer price index PRIS8 (1900 = 100), annual: a fallback for the
    /// PL index the method uses, and labelled as such.
    public static func consumerPrices() throws(DataError) -> PriceIndex {
        try read(BundledFile.csv("real", "cpi_pris8.csv"), label: "CPI-adjusted (Statistics Denmark PRIS8)")
    }

    /// The Danish state's general price-and-wage increase (Økonomistyrelsen, "Pris- og
    /// lønforudsætninger"), chained from its yearly % changes: 1991 = 100, the year before its first
    /// change. An official PL, but the state's, not the municipal service PL.
    public static func statePL() throws(DataError) -> PriceIndex {
        try chained(BundledFile.csv("real", "state_pl_oes.csv"), label: statePLLabel)
    }

    /// A `year,index` CSV file, such as KL's PL index typed in from its publication, or a
    /// `year,pct_change` file of yearly % changes (row t = the change from t−1 to t), chained.
    public static func read(bytes: [UInt8], name: String) throws(DataError) -> PriceIndex {
        let file = try CSVFile(name: name, bytes: bytes)
        let label = "PL-adjusted (\(name))"
        if !file.header.contains("index"), file.header.contains("pct_change") {
            return try chained(file, label: label)
        }
        guard file.header.contains("index") else {
            throw DataError.damaged(file: name, line: 1, reason: "no column 'index' or 'pct_change': a price index "
                                    + "is year,index or year,pct_change (the % change from the year before)")
        }
        return try read(file, label: label)
    }

    private static func read(_ file: CSVFile, label: String) throws(DataError) -> PriceIndex {
        let year = try file.column("year"), index = try file.column("index")
        var values: [Int: Double] = [:], lines: [Int: Int] = [:]
        for row in try file.rows {
            guard let value = Double(file.text(row, index)), value.isFinite, value > 0 else {
                throw DataError.damaged(file: file.name, line: row.line, reason: "'\(file.text(row, index))' is not a positive index")
            }
            let given = try file.int(row, year)
            if let first = lines[given] {
                throw DataError.damaged(file: file.name, line: row.line,
                                        reason: "\(given) is given twice: lines \(first) and \(row.line)")
            }
            values[given] = value
            lines[given] = row.line
        }
        return PriceIndex(label: label, values: values)
    }

    /// An index built from `year,pct_change` rows: the year before the first change is 100 and
    /// each year is the one before × (1 + change ÷ 100). The years must follow one another: a
    /// chain cannot skip a year.
    private static func chained(_ file: CSVFile, label: String) throws(DataError) -> PriceIndex {
        let year = try file.column("year"), change = try file.column("pct_change")
        var changes: [(year: Int, percent: Double, line: Int)] = []
        var lines: [Int: Int] = [:]
        for row in try file.rows {
            let given = try file.int(row, year)
            let text = file.text(row, change)
            guard let percent = Double(text), percent.isFinite, percent > -100 else {
                throw DataError.damaged(file: file.name, line: row.line,
                                        reason: "'\(text)' is not a % change (a number above -100)")
            }
            if let first = lines[given] {
                throw DataError.damaged(file: file.name, line: row.line,
                                        reason: "\(given) is given twice: lines \(first) and \(row.line)")
            }
            lines[given] = row.line
            changes.append((given, percent, row.line))
        }
        changes.sort { $0.year < $1.year }
        guard let first = changes.first else {
            throw DataError.damaged(file: file.name, line: 1, reason: "no % changes after the header")
        }
        var values = [first.year - 1: 100.0]
        var previous = first.year - 1
        for entry in changes {
            guard entry.year == previous + 1 else {
                throw DataError.damaged(file: file.name, line: entry.line,
                                        reason: "the changes jump from \(previous) to \(entry.year): a chain of "
                                            + "% changes cannot skip \(previous + 1)")
            }
            values[entry.year] = values[previous]! * (1 + entry.percent / 100)
            previous = entry.year
        }
        return PriceIndex(label: label, values: values)
    }

    /// The factor that takes amounts from `year`'s prices to `target`'s.
    public func factor(from year: Int, to target: Int) throws(DataError) -> PriceFactor {
        guard let from = values[year], let to = values[target] else {
            throw DataError.unavailable("the price index \(label) has no figure for \(values[target] == nil ? target : year); "
                                        + "it covers \(coverage)")
        }
        guard let factor = PriceFactor(to / from) else {
            throw DataError.unavailable("the price index \(label) gives \(to) for \(target) and \(from) for \(year): "
                + "a factor of \(to / from), outside what a price index can be (\(PriceFactor.bounds.lowerBound) to "
                + "\(Int(PriceFactor.bounds.upperBound)) between two years)")
        }
        return factor
    }

    /// The factors that take each of `years` to `year`'s prices, for a series in fixed prices.
    public func fixedPrices(in year: Int, for years: [Int]) throws(DataError) -> FixedPrices {
        var factors: [Int: PriceFactor] = [:]
        for data in years {
            factors[data] = try factor(from: data, to: year)
        }
        return FixedPrices(year: year, label: label, factors: factors)
    }

    /// The years the index has, as runs: "2012-2025", or "2012-2015, 2017-2025" with a hole.
    private var coverage: String {
        var runs: [(first: Int, last: Int)] = []
        for year in values.keys.sorted() {
            if let run = runs.last, run.last + 1 == year {
                runs[runs.count - 1].last = year
            } else {
                runs.append((year, year))
            }
        }
        guard !runs.isEmpty else { return "no year" }
        return runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)-\($0.last)" }.joined(separator: ", ")
    }
}
