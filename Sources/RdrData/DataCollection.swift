import RdrEngine

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

/// Reads `code,name,region,dst_group`.
func readMunicipalities(_ file: CSVFile) throws(DataError) -> [Municipality] {
    let code = try file.column("code"), name = try file.column("name")
    let region = try file.column("region"), group = try file.column("dst_group")
    var result: [Municipality] = []
    for row in try file.rows {
        result.append(Municipality(code: try file.int(row, code), name: file.text(row, name),
                                   region: file.text(row, region), group: file.text(row, group)))
    }
    return result
}

/// Reads `function,label`.
func readFunctionLabels(_ file: CSVFile) throws(DataError) -> [FunctionCode: String] {
    var labels: [FunctionCode: String] = [:]
    for row in try file.rows {
        guard let code = FunctionCode(file.text(row, 0)) else {
            throw DataError.damaged(file: file.name, line: row.line, reason: "'\(file.text(row, 0))' is not a function code")
        }
        labels[code] = file.text(row, 1)
    }
    return labels
}
