import RdrEngine

/// The real snapshot from Statistics Denmark shipped with rdr (see Resources/real/README.md):
/// 98 municipalities, population on 1 January (totals), and kr. per inhabitant (REGK31 INDL,
/// art TOT) for 25 functions.
public struct RealSnapshot: DataCollection {
    public let name = "real"
    public let title = "built-in real snapshot"
    public let municipalities: [Municipality]
    public let functionLabels: [FunctionCode: String]
    private let positions: CodePositions
    /// The population and where each year is in the accounts file, read when a dataset is first
    /// asked for.
    private let figures: Deferred<Figures>

    /// The years of the accounts file that have a population; none when the files are damaged,
    /// which loading a dataset reports.
    public var datasets: [DatasetID] { (try? figures.value.datasets) ?? [] }

    private struct Figures: Sendable {
        let datasets: [DatasetID]
        /// Population totals by year, indexed like `municipalities`.
        let totals: [Int: [Int]]
        /// The whole country's population by year (code 0, which includes Christiansø).
        let countryTotals: [Int: Int]
        /// The accounts file and its records by year: a dataset reads the figures of its own year only.
        let accounts: CSVFile
        let spansByYear: [Int: [CSVFile.Span]]
    }

    static let folder = "real"
    static let hint = "rank one of its 25 functions (`functions` lists them), define an area from them, "
        + "or load teaching … for every area and age"

    /// Reads the municipalities and the functions; the figures wait for the first dataset.
    public static func load() throws(DataError) -> RealSnapshot {
        let (municipalities, positions) = try readMunicipalities(BundledFile.csv(folder, "municipalities.csv"))
        return RealSnapshot(
            municipalities: municipalities, functionLabels: try readFunctionLabels(BundledFile.csv(folder, "functions.csv")),
            positions: positions, figures: Deferred { () throws(DataError) in
                try readFigures(municipalities: municipalities.count, positions: positions)
            })
    }

    private static func readFigures(municipalities count: Int, positions: CodePositions) throws(DataError) -> Figures {
        let population = try BundledFile.csv(folder, "population_jan1_2016_2026.csv")
        var totals: [Int: [Int]] = [:]
        var countryTotals: [Int: Int] = [:]
        var row = population.makeRow()
        for line in population.lines() {
            try population.read(line, into: &row)
            let code = try population.int(row, 0), year = try population.int(row, 1)
            if code == 0 {
                countryTotals[year] = try population.int(row, 2)
                continue
            }
            guard let i = positions[code] else { continue }
            if totals[year] == nil { totals[year] = Array(repeating: 0, count: count) }
            totals[year]![i] = try population.int(row, 2)
        }

        // The file is sorted by year, so this is a run a year; any order is read correctly.
        let accounts = try BundledFile.csv(folder, "regk31_kr_per_inhabitant.csv")
        var spans: [Int: [CSVFile.Span]] = [:]
        row = accounts.makeRow()
        for run in accounts.runsByFirstField() {
            try accounts.readLeading(1, of: run.first, into: &row)
            spans[try accounts.int(row, 0), default: []].append(run.span)
        }
        return Figures(
            datasets: spans.keys.filter { totals[$0] != nil }.sorted().map { DatasetID(kind: .accounts, year: $0) },
            totals: totals, countryTotals: countryTotals, accounts: accounts, spansByYear: spans)
    }

    public func dataset(_ id: DatasetID) throws(DataError) -> Dataset {
        let figures = try figures.value
        let accounts = figures.accounts
        guard figures.datasets.contains(id), let totals = figures.totals[id.year],
              let spans = figures.spansByYear[id.year] else {
            throw DataError.notInCollection(requested: id.description, collection: title,
                                            available: figures.datasets.map(\.description),
                                            hint: id.kind == .budget ? "budgets (BUDK32) are not in the snapshot" : nil)
        }
        let functions = functionLabels.keys.sorted()
        let columns = Dictionary(uniqueKeysWithValues: functions.enumerated().map { ($1, $0) })
        var spending = Array(repeating: [Int?](repeating: nil, count: municipalities.count), count: functions.count)
        var country = [Int?](repeating: nil, count: functions.count)
        let countryPersons = figures.countryTotals[id.year]
        var row = accounts.makeRow()
        // The records come function by function: a function code is parsed only when it changes.
        var previous: (field: CSVFile.Field, column: Int)?
        for span in spans {
            for line in accounts.lines(in: span) {
                try accounts.read(line, into: &row)
                let code = try accounts.int(row, 1)
                let field = row[2]
                let column: Int
                if let previous, accounts.sameBytes(previous.field, field) {
                    column = previous.column
                } else {
                    guard let function = accounts.functionCode(row, 2), let found = columns[function] else {
                        throw DataError.damaged(file: accounts.name, line: row.line,
                                                reason: "'\(accounts.text(row, 2))' is not a function of functions.csv")
                    }
                    column = found
                    previous = (field, column)
                }
                guard !accounts.isMissing(row, 3) else { continue }
                // Total kroner = published kr. per inhabitant × population on 1 January, the relation the
                // snapshot's README verified; dividing by that population gives the published figure back exactly.
                if code == 0 {  // Hele landet, DST's own figure
                    if let countryPersons { country[column] = try accounts.int(row, 3) * countryPersons }
                } else if let i = positions[code] {
                    spending[column][i] = try accounts.int(row, 3) * totals[i]
                }
            }
        }
        return Dataset(
            id: id, collection: name, municipalities: municipalities, functionLabels: functionLabels,
            chartIsComplete: false, spending: Dictionary(uniqueKeysWithValues: zip(functions, spending)),
            population: Population(totals: totals, byAge: nil), basis: .publishedNetPerInhabitant,
            provenance: Provenance(
                dataset: id.description,
                source: "Statistics Denmark (CC BY 4.0), REGK31 kr. per inhabitant and FOLK1A 1 January",
                priceBasis: "current prices",
                retrieved: "built-in snapshot received 2026-12-01",
                definition: "", invented: false),
            limitationHint: Self.hint,
            country: countryPersons.map {
                CountryFigures(spending: Dictionary(uniqueKeysWithValues: zip(functions, country)),
                               population: Population(totals: [$0], byAge: nil))
            })
    }
}
