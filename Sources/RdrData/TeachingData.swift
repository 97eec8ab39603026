import RdrEngine

/// The fictional teaching dataset (Resources/teaching, made by scripts/generate-teaching-data.py):
/// invented municipalities such as Korsbæk, population by single year of age, every area's
/// functions, accounts and budgets. Every result computed from it is marked as invented.
public struct TeachingData: DataCollection {
    public let name = "teaching"
    public let title = "teaching dataset"
    public let municipalities: [Municipality]
    public let datasets: [DatasetID]
    public let functionLabels: [FunctionCode: String]
    private let index: [Int: Int]
    /// The files and their rows by year or dataset; a dataset's figures are read when it is loaded.
    private let population: CSVFile
    private let populationRows: [Int: [CSVFile.Line]]
    private let expenditure: CSVFile
    /// The functions of the expenditure file's columns, from the third on.
    private let columns: [FunctionCode]
    private let expenditureRows: [DatasetID: [CSVFile.Line]]

    static let folder = "teaching"

    public static func load() throws(DataError) -> TeachingData {
        let municipalities = try readMunicipalities(BundledFile.csv(folder, "municipalities.csv"))
        let labels = try readFunctionLabels(BundledFile.csv(folder, "functions.csv"))
        let index = Dictionary(uniqueKeysWithValues: municipalities.enumerated().map { ($1.code, $0) })

        let population = try BundledFile.csv(folder, "population.csv")
        var populationRows: [Int: [CSVFile.Line]] = [:]
        for line in population.lines {
            populationRows[try population.int(population.leading(2, of: line), 1), default: []].append(line)
        }

        let expenditure = try BundledFile.csv(folder, "expenditure.csv")
        var columns: [FunctionCode] = []
        for key in expenditure.header.dropFirst(2) {
            guard let code = FunctionCode(key), labels[code] != nil else {
                throw DataError.damaged(file: expenditure.name, line: 1, reason: "'\(key)' is not a function of functions.csv")
            }
            columns.append(code)
        }
        var expenditureRows: [DatasetID: [CSVFile.Line]] = [:]
        for line in expenditure.lines {
            let row = try expenditure.leading(1, of: line)
            guard let id = DatasetID(expenditure.text(row, 0)) else {
                throw DataError.damaged(file: expenditure.name, line: row.line,
                                        reason: "'\(expenditure.text(row, 0))' is not a dataset such as R2020")
            }
            expenditureRows[id, default: []].append(line)
        }
        let order: (DatasetID, DatasetID) -> Bool = {
            ($0.kind == .budget ? 1 : 0, $0.year) < ($1.kind == .budget ? 1 : 0, $1.year)
        }
        return TeachingData(
            municipalities: municipalities,
            datasets: expenditureRows.keys.filter { populationRows[$0.year] != nil }.sorted(by: order),
            functionLabels: labels, index: index, population: population, populationRows: populationRows,
            expenditure: expenditure, columns: columns, expenditureRows: expenditureRows)
    }

    public func dataset(_ id: DatasetID) throws(DataError) -> Dataset {
        guard let rows = expenditureRows[id], let ageRows = populationRows[id.year] else {
            throw DataError.notInCollection(requested: id.description, collection: title,
                                            available: datasets.map(\.description), hint: nil)
        }
        var byAge = Array(repeating: [Int](), count: municipalities.count)
        for line in ageRows {
            let row = try population.row(line)
            let i = try municipalityIndex(row, column: 0, in: population)
            var counts: [Int] = []
            counts.reserveCapacity(row.fields.count - 2)
            for column in 2..<row.fields.count { counts.append(try population.int(row, column)) }
            byAge[i] = counts
        }
        if let lacking = byAge.firstIndex(where: \.isEmpty) {
            throw DataError.damaged(file: population.name, line: 1,
                                    reason: "no population \(id.year) for \(municipalities[lacking].name)")
        }
        var table = Array(repeating: [Int?](repeating: nil, count: municipalities.count), count: columns.count)
        for line in rows {
            let row = try expenditure.row(line)
            let i = try municipalityIndex(row, column: 1, in: expenditure)
            for column in columns.indices {
                // The file is in 1,000 kr., like Statistics Denmark's LOBM; the engine counts kroner.
                table[column][i] = try expenditure.int(row, column + 2) * 1000
            }
        }
        return Dataset(
            id: id, collection: name, municipalities: municipalities, functionLabels: functionLabels,
            chartIsComplete: true, spending: Dictionary(uniqueKeysWithValues: zip(columns, table)),
            population: Population(totals: byAge.map { $0.reduce(0, +) }, byAge: byAge), basis: .operating,
            provenance: Provenance(
                dataset: "teaching \(id)",
                source: "rdr teaching dataset (fictional municipalities)",
                priceBasis: "current prices (invented)",
                retrieved: "generated by scripts/generate-teaching-data.py, seed 20201",
                definition: "", invented: true))
    }

    private func municipalityIndex(_ row: CSVFile.Row, column: Int, in file: CSVFile) throws(DataError) -> Int {
        guard let i = index[try file.int(row, column)] else {
            throw DataError.damaged(file: file.name, line: row.line,
                                    reason: "municipality \(file.text(row, column)) is not in municipalities.csv")
        }
        return i
    }
}
