import RdrEngine

/// The fictional teaching dataset (Resources/teaching, made by scripts/generate-teaching-data.py):
/// invented municipalities such as Korsbæk, population by single year of age, every area's
/// functions, accounts and budgets. Every result computed from it is marked as invented.
public struct TeachingData: DataCollection {
    public let name = "teaching"
    public let title = "teaching dataset"
    public let municipalities: [Municipality]
    public let functionLabels: [FunctionCode: String]
    private let positions: CodePositions
    /// The population and expenditure files and where each year or dataset is in them, read when
    /// a dataset is first asked for.
    private let figures: Deferred<Figures>

    /// Accounts first, by year; none when the files are damaged, which loading a dataset reports.
    public var datasets: [DatasetID] { (try? figures.value.datasets) ?? [] }

    private struct Figures: Sendable {
        let datasets: [DatasetID]
        let population: CSVFile
        let populationRows: [Int: [CSVFile.Line]]
        let expenditure: CSVFile
        /// The functions of the expenditure file's columns, from the third on.
        let columns: [FunctionCode]
        /// In the file's order; a list, not a dictionary: there are some twenty.
        let expenditureSpans: [(id: DatasetID, spans: [CSVFile.Span])]
    }

    static let folder = "teaching"

    /// Reads the municipalities and the functions; the figures wait for the first dataset.
    public static func load() throws(DataError) -> TeachingData {
        let (municipalities, positions) = try readMunicipalities(BundledFile.csv(folder, "municipalities.csv"))
        let labels = try readFunctionLabels(BundledFile.csv(folder, "functions.csv"))
        return TeachingData(
            municipalities: municipalities, functionLabels: labels, positions: positions,
            figures: Deferred { () throws(DataError) in try readFigures(labels: labels) })
    }

    private static func readFigures(labels: [FunctionCode: String]) throws(DataError) -> Figures {
        let population = try BundledFile.csv(folder, "population.csv")
        var populationRows: [Int: [CSVFile.Line]] = [:]
        var row = population.makeRow()
        for line in population.lines() {
            try population.readLeading(2, of: line, into: &row)
            populationRows[try population.int(row, 1), default: []].append(line)
        }

        let expenditure = try BundledFile.csv(folder, "expenditure.csv")
        var columns: [FunctionCode] = []
        for key in expenditure.header.dropFirst(2) {
            guard let code = FunctionCode(key), labels[code] != nil else {
                throw DataError.damaged(file: expenditure.name, line: 1, reason: "'\(key)' is not a function of functions.csv")
            }
            columns.append(code)
        }
        // A dataset's records come together, so this is a run a dataset; any order is read correctly.
        var spans: [(id: DatasetID, spans: [CSVFile.Span])] = []
        row = expenditure.makeRow()
        for run in expenditure.runsByFirstField() {
            try expenditure.readLeading(1, of: run.first, into: &row)
            guard let id = DatasetID(expenditure.text(row, 0)) else {
                throw DataError.damaged(file: expenditure.name, line: row.line,
                                        reason: "'\(expenditure.text(row, 0))' is not a dataset such as R2020")
            }
            if let known = spans.firstIndex(where: { $0.id == id }) {
                spans[known].spans.append(run.span)
            } else {
                spans.append((id, [run.span]))
            }
        }
        let order: (DatasetID, DatasetID) -> Bool = {
            ($0.kind == .budget ? 1 : 0, $0.year) < ($1.kind == .budget ? 1 : 0, $1.year)
        }
        return Figures(
            datasets: spans.map(\.id).filter { populationRows[$0.year] != nil }.sorted(by: order),
            population: population, populationRows: populationRows, expenditure: expenditure, columns: columns,
            expenditureSpans: spans)
    }

    public func dataset(_ id: DatasetID) throws(DataError) -> Dataset {
        let figures = try figures.value
        let population = figures.population, expenditure = figures.expenditure, columns = figures.columns
        guard let spans = figures.expenditureSpans.first(where: { $0.id == id })?.spans,
              let ageRows = figures.populationRows[id.year] else {
            throw DataError.notInCollection(requested: id.description, collection: title,
                                            available: figures.datasets.map(\.description), hint: nil)
        }
        var values: [Int] = []
        var byAge = Array(repeating: [Int](), count: municipalities.count)
        for line in ageRows {
            try population.ints(of: line, from: 0, into: &values)  // code, year, then the ages
            byAge[try municipalityIndex(values[0], line: line, in: population)] = Array(values.dropFirst(2))
        }
        if let lacking = byAge.firstIndex(where: \.isEmpty) {
            throw DataError.damaged(file: population.name, line: 1,
                                    reason: "no population \(id.year) for \(municipalities[lacking].name)")
        }
        var table = Array(repeating: [Int?](repeating: nil, count: municipalities.count), count: columns.count)
        for span in spans {
            for line in expenditure.lines(in: span) {
                try expenditure.ints(of: line, from: 1, into: &values)  // code, then the functions
                let i = try municipalityIndex(values[0], line: line, in: expenditure)
                for column in columns.indices {
                    // The file is in 1,000 kr., like Statistics Denmark's LOBM; the engine counts kroner.
                    table[column][i] = values[column + 1] * 1000
                }
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

    private func municipalityIndex(_ code: Int, line: CSVFile.Line, in file: CSVFile) throws(DataError) -> Int {
        guard let i = positions[code] else {
            throw DataError.damaged(file: file.name, line: line.number, reason: "municipality \(code) is not in municipalities.csv")
        }
        return i
    }
}
