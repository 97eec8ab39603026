import RdrEngine

extension Crosswalk {
    /// The years a crosswalk's `from` may name: the municipal chart of accounts in its present form.
    static let years = 1900...2100

    /// An `old,new,from` CSV file, one row per new function: `5.32.32,5.30.27,2018` and
    /// `5.32.32,5.38.42,2018` say that from 2018 the tasks of 5.32.32 are booked on 5.30.27 and
    /// 5.38.42. Codes are dotted (5.32.32) or Statistics Denmark's undotted form (53232).
    public static func read(bytes: [UInt8], name: String) throws(DataError) -> Crosswalk {
        let file = try CSVFile(name: name, bytes: bytes)
        let oldColumn = try file.column("old"), newColumn = try file.column("new"), fromColumn = try file.column("from")
        var order: [FunctionCode] = []
        var links: [FunctionCode: (new: [FunctionCode], from: Int, line: Int)] = [:]
        var rows: [Pair: Int] = [:]
        for row in try file.rows {
            let old = try code(file, row, oldColumn, "old"), new = try code(file, row, newColumn, "new")
            // One message for anything that is not a year here, whole number or not.
            guard let from = Int(file.text(row, fromColumn)), years.contains(from) else {
                throw DataError.damaged(file: name, line: row.line, reason: "'\(file.text(row, fromColumn))' in column from "
                                        + "is not a year (the first year of the new chart, e.g. 2018)")
            }
            guard old != new else {
                throw DataError.damaged(file: name, line: row.line, reason: "\(old) is mapped to itself; a row names "
                                        + "a new function that holds tasks of the old one")
            }
            if let first = rows[Pair(old: old, new: new)] {
                throw DataError.damaged(file: name, line: row.line,
                                        reason: "\(old) → \(new) is given twice: lines \(first) and \(row.line)")
            }
            rows[Pair(old: old, new: new)] = row.line
            if let link = links[old] {
                guard link.from == from else {
                    throw DataError.damaged(file: name, line: row.line, reason: "\(old) moves from \(link.from) on line "
                                            + "\(link.line) but from \(from) here; a function moves in one year")
                }
                links[old]?.new.append(new)
            } else {
                order.append(old)
                links[old] = ([new], from, row.line)
            }
        }
        guard !order.isEmpty else {
            throw DataError.damaged(file: name, line: 1, reason: "no rows after the header; a crosswalk has a row "
                                    + "old,new,from for each new function")
        }
        return Crosswalk(
            links: order.compactMap { old in links[old].map { Link(old: old, new: $0.new.sorted(), from: $0.from) } },
            name: name)
    }

    private struct Pair: Hashable {
        let old: FunctionCode
        let new: FunctionCode
    }

    private static func code(_ file: CSVFile, _ row: CSVFile.Row, _ column: Int, _ key: String) throws(DataError)
        -> FunctionCode
    {
        guard let code = file.functionCode(row, column) else {
            throw DataError.damaged(file: file.name, line: row.line,
                                    reason: "'\(file.text(row, column))' in column \(key) is not a function code "
                                        + "(write it as 5.32.32)")
        }
        return code
    }
}
