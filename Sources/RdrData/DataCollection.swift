import RdrEngine
import Synchronization

/// A source of datasets: the built-in real snapshot or the teaching dataset.
public protocol DataCollection: Sendable {
    /// The word used in `load NAME R2020`: "real" or "teaching".
    var name: String { get }
    /// For messages: "built-in real snapshot".
    var title: String { get }
    var municipalities: [Municipality] { get }
    /// The datasets it holds, accounts first, by year.
    var datasets: [DatasetID] { get }
    /// The official labels of the functions it holds.
    var functionLabels: [FunctionCode: String] { get }
    func dataset(_ id: DatasetID) throws(DataError) -> Dataset
}

/// Reads `code,name,region,dst_group`: the municipalities, and where each code is among them.
func readMunicipalities(_ file: CSVFile) throws(DataError) -> (municipalities: [Municipality], positions: CodePositions) {
    let code = try file.column("code"), name = try file.column("name")
    let region = try file.column("region"), group = try file.column("dst_group")
    var result: [Municipality] = []
    var positions = CodePositions()
    for row in try file.rows {
        let number = try file.int(row, code)
        guard (0...CodePositions.largestCode).contains(number) else {
            throw DataError.damaged(file: file.name, line: row.line,
                                    reason: "\(number) is not a municipality code (0-\(CodePositions.largestCode))")
        }
        guard positions[number] == nil else {
            throw DataError.damaged(file: file.name, line: row.line, reason: "municipality \(number) is given twice")
        }
        positions.add(number, at: result.count)
        result.append(Municipality(code: number, name: file.text(row, name),
                                   region: file.text(row, region), group: file.text(row, group)))
    }
    return (result, positions)
}

/// Reads `function,label`.
func readFunctionLabels(_ file: CSVFile) throws(DataError) -> [FunctionCode: String] {
    let rows = try file.rows
    var labels: [FunctionCode: String] = [:]
    labels.reserveCapacity(rows.count)
    for row in rows {
        guard let code = FunctionCode(file.text(row, 0)) else {
            throw DataError.damaged(file: file.name, line: row.line, reason: "'\(file.text(row, 0))' is not a function code")
        }
        labels[code] = file.text(row, 1)
    }
    return labels
}

/// Where each municipality code is in a collection's list: a table indexed by code, since the
/// codes are small (101-860; the teaching dataset's 1001-1098) and every figure a file holds is
/// looked up by one.
struct CodePositions: Sendable {
    /// Statistics Denmark's codes have three digits; this leaves room and bounds the table.
    static let largestCode = 99_999

    /// The position of each code, -1 for none.
    private var table: [Int] = []

    /// `code` (0…`largestCode`) is at `position`.
    mutating func add(_ code: Int, at position: Int) {
        precondition((0...Self.largestCode).contains(code), "municipality code \(code) out of range")
        if code >= table.count { table += repeatElement(-1, count: code + 1 - table.count) }
        table[code] = position
    }

    subscript(code: Int) -> Int? {
        guard code >= 0, code < table.count, table[code] >= 0 else { return nil }
        return table[code]
    }
}

/// A value worked out on first use and then kept, shared by every copy of the collection that
/// holds it: a collection's large files are read when one of its datasets is first asked for,
/// not when the collection is opened (a session opens both built-in collections to load either).
final class Deferred<Value: Sendable>: Sendable {
    private let make: @Sendable () throws(DataError) -> Value
    private let state = Mutex<Result<Value, DataError>?>(nil)

    init(_ make: @escaping @Sendable () throws(DataError) -> Value) {
        self.make = make
    }

    /// The value, or why the files would not give it (the same answer every time).
    var value: Value {
        get throws(DataError) {
            try state.withLock { state throws(DataError) -> Value in
                let result = state ?? Result { () throws(DataError) -> Value in try make() }
                state = result
                return try result.get()
            }
        }
    }
}
