import RdrEngine

/// The real snapshot from Statistics Denmark shipped with rdr (see Resources/real/README.md):
/// 98 municipalities, population on 1 January (totals), and kr. per inhabitant (REGK31 INDL,
/// art TOT) for 25 functions.
public struct RealSnapshot: DataCollection {
    public let name = "real"
    public let title = "built-in real snapshot"
    public let municipalities: [Municipality]
    public let datasets: [DatasetID]
    public let functionLabels: [FunctionCode: String]
    private let index: [Int: Int]
    /// Population totals by year, indexed like `municipalities`.
    private let totals: [Int: [Int]]
    /// The whole country's population by year (code 0, which includes Christiansø).
    private let countryTotals: [Int: Int]
    /// The accounts file, and its rows by year: a year's figures are read when it is loaded.
    private let accounts: CSVFile
    private let rowsByYear: [Int: [CSVFile.Line]]

    static let folder = "real"
    static let hint = "rank one of its 25 functions (`functions` lists them), define an area from them, "
        + "or load teaching … for every area and age"

    public static func load() throws(DataError) -> RealSnapshot {
        let municipalities = try readMunicipalities(BundledFile.csv(folder, "municipalities.csv"))
        let labels = try readFunctionLabels(BundledFile.csv(folder, "functions.csv"))
        let index = Dictionary(uniqueKeysWithValues: municipalities.enumerated().map { ($1.code, $0) })

        let population = try BundledFile.csv(folder, "population_jan1_2016_2026.csv")
        var totals: [Int: [Int]] = [:]
        var countryTotals: [Int: Int] = [:]
        for row in try population.rows {
            let code = try population.int(row, 0), year = try population.int(row, 1)
            if code == 0 {
                countryTotals[year] = try population.int(row, 2)
                continue
            }
            guard let i = index[code] else { continue }
            totals[year, default: Array(repeating: 0, count: municipalities.count)][i] = try population.int(row, 2)
        }

        let accounts = try BundledFile.csv(folder, "regk31_kr_per_inhabitant.csv")
        var rowsByYear: [Int: [CSVFile.Line]] = [:]
        for line in accounts.lines {
            rowsByYear[try accounts.int(accounts.leading(1, of: line), 0), default: []].append(line)
        }
        return RealSnapshot(
            municipalities: municipalities,
            datasets: rowsByYear.keys.filter { totals[$0] != nil }.sorted().map { DatasetID(kind: .accounts, year: $0) },
            functionLabels: labels, index: index, totals: totals, countryTotals: countryTotals, accounts: accounts, rowsByYear: rowsByYear)
    }

    public func dataset(_ id: DatasetID) throws(DataError) -> Dataset {
        guard datasets.contains(id), let totals = totals[id.year], let rows = rowsByYear[id.year] else {
            throw DataError.notInCollection(requested: id.description, collection: title,
                                            available: datasets.map(\.description),
                                            hint: id.kind == .budget ? "budgets (BUDK32) are not in the snapshot" : nil)
        }
        var spending: [FunctionCode: [Int?]] = [:]
        for function in functionLabels.keys {
            spending[function] = Array(repeating: nil, count: municipalities.count)
        }
        var country: [FunctionCode: Int?] = spending.mapValues { _ in nil }
        let countryPersons = countryTotals[id.year]
        for line in rows {
            let row = try accounts.row(line)
            let code = try accounts.int(row, 1)
            guard let function = accounts.functionCode(row, 2), spending[function] != nil else {
                throw DataError.damaged(file: accounts.name, line: row.line,
                                        reason: "'\(accounts.text(row, 2))' is not a function of functions.csv")
            }
            guard !accounts.isMissing(row, 3) else { continue }
            // Total kroner = published kr. per inhabitant × population on 1 January, the relation the
            // snapshot's README verified; dividing by that population gives the published figure back exactly.
            if code == 0 {  // Hele landet, DST's own figure
                if let countryPersons { country[function] = try accounts.int(row, 3) * countryPersons }
            } else if let i = index[code] {
                spending[function]![i] = try accounts.int(row, 3) * totals[i]
            }
        }
        return Dataset(
            id: id, collection: name, municipalities: municipalities, functionLabels: functionLabels,
            chartIsComplete: false, spending: spending,
            population: Population(totals: totals, byAge: nil), basis: .publishedNetPerInhabitant,
            provenance: Provenance(
                dataset: id.description,
                source: "Statistics Denmark (CC BY 4.0), REGK31 kr. per inhabitant and FOLK1A 1 January",
                priceBasis: "current prices",
                retrieved: "built-in snapshot received 2026-12-01",
                definition: "", invented: false),
            limitationHint: Self.hint,
            country: countryPersons.map {
                CountryFigures(spending: country, population: Population(totals: [$0], byAge: nil))
            })
    }
}
