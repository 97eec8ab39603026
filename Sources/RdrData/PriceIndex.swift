import RdrEngine

/// A yearly price index for fixed prices: the consumer price index shipped with rdr, or a
/// price-and-wage index (PL) a user loads from a file.
public struct PriceIndex: Sendable, Equatable {
    /// Shown in captions: "CPI-adjusted (Statistics Denmark PRIS8)".
    public let label: String
    public let values: [Int: Double]

    public init(label: String, values: [Int: Double]) {
        self.label = label
        self.values = values
    }

    /// Statistics Denmark's consumer price index PRIS8 (1900 = 100), annual: a fallback for the
    /// PL index the method uses, and labelled as such.
    public static func consumerPrices() throws(DataError) -> PriceIndex {
        try read(BundledFile.csv("real", "cpi_pris8.csv"), label: "CPI-adjusted (Statistics Denmark PRIS8)")
    }

    /// A `year,index` CSV file, such as KL's PL index typed in from its publication.
    public static func read(bytes: [UInt8], name: String) throws(DataError) -> PriceIndex {
        try read(CSVFile(name: name, bytes: bytes), label: "PL-adjusted (\(name))")
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

    /// The factor that takes amounts from `year`'s prices to `target`'s.
    public func factor(from year: Int, to target: Int) throws(DataError) -> PriceFactor {
        guard let from = values[year], let to = values[target] else {
            let years = values.keys.sorted()
            throw DataError.unavailable("the price index \(label) has no figure for \(values[year] == nil ? year : target); "
                                        + "it covers \(years.first.map(String.init) ?? "?")-\(years.last.map(String.init) ?? "?")")
        }
        guard let factor = PriceFactor(to / from) else {
            throw DataError.unavailable("the price index \(label) gives \(to) for \(target) and \(from) for \(year): "
                + "a factor of \(to / from), outside what a price index can be (\(PriceFactor.bounds.lowerBound) to "
                + "\(Int(PriceFactor.bounds.upperBound)) between two years)")
        }
        return factor
    }
}
