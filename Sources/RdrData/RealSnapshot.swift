import RdrEngine

/// The real snapshot from Statistics Denmark shipped with rdr (see Resources/real/README.md):
/// 98 municipalities, population on 1 January (totals), and kr. per inhabitant (REGK31 INDL,
/// art TOT) for 25 functions.
public struct RealSnapshot: DataCollection {
    public let name = "real"
    public let title = "built-in real snapshot"
    public let municipalities: [Municipality]
    public let datasets: [DatasetID]
    private let functionLabels: [FunctionCode: String]
    /// Population totals by year, indexed like `municipalities`.
    private let totals: [Int: [Int]]
    /// Published kr. per inhabitant by year and function, indexed like `municipalities`.
    private let perInhabitant: [Int: [FunctionCode: [Int?]]]

    static let folder = "real"
    static let hint = "the built-in real snapshot holds 25 functions (`functions` lists them) and population "
        + "totals only; `define area` can combine its functions, and `load teaching …` has every area and age"

    public static func load() throws(DataError) -> RealSnapshot {
        let municipalities = try readMunicipalities(BundledFile.csv(folder, "municipalities.csv"))
        let labels = try readFunctionLabels(BundledFile.csv(folder, "functions.csv"))
        let index = Dictionary(uniqueKeysWithValues: municipalities.enumerated().map { ($1.code, $0) })

        let population = try BundledFile.csv(folder, "population_jan1_2016_2026.csv")
        var totals: [Int: [Int]] = [:]
        for row in population.rows {
            let code = try population.int(row.fields[0], line: row.line)
            guard let i = index[code] else { continue }  // code 0: the whole country
            let year = try population.int(row.fields[1], line: row.line)
            totals[year, default: Array(repeating: 0, count: municipalities.count)][i] =
                try population.int(row.fields[2], line: row.line)
        }

        let accounts = try BundledFile.csv(folder, "regk31_kr_per_inhabitant.csv")
        var perInhabitant: [Int: [FunctionCode: [Int?]]] = [:]
        for row in accounts.rows {
            let code = try accounts.int(row.fields[1], line: row.line)
            guard let i = index[code] else { continue }
            let year = try accounts.int(row.fields[0], line: row.line)
            guard let function = FunctionCode(row.fields[2]), labels[function] != nil else {
                throw DataError.damaged(file: accounts.name, line: row.line,
                                        reason: "'\(row.fields[2])' is not a function of functions.csv")
            }
            let value = row.fields[3] == ".." ? nil : try accounts.int(row.fields[3], line: row.line)
            perInhabitant[year, default: [:]][function, default: Array(repeating: nil, count: municipalities.count)][i] = value
        }
        return RealSnapshot(
            municipalities: municipalities,
            datasets: perInhabitant.keys.filter { totals[$0] != nil }.sorted().map { DatasetID(kind: .accounts, year: $0) },
            functionLabels: labels, totals: totals, perInhabitant: perInhabitant)
    }

    public func dataset(_ id: DatasetID) throws(DataError) -> Dataset {
        guard datasets.contains(id), let totals = totals[id.year], let figures = perInhabitant[id.year] else {
            let hint = id.kind == .budget
                ? "budgets (BUDK32) are not in the snapshot; `load teaching \(id)` has invented ones for teaching"
                : "`load teaching \(id)` has invented figures for teaching"
            throw DataError.notInCollection(requested: id.description, collection: title,
                                            available: datasets.map(\.description), hint: hint)
        }
        // Total kroner = published kr. per inhabitant × population on 1 January, the relation the
        // snapshot's README verified; dividing by that population gives the published figure back exactly.
        let spending = figures.mapValues { column in
            column.enumerated().map { i, value in value.map { $0 * totals[i] } }
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
            limitationHint: Self.hint)
    }
}
