import RdrEngine

/// Turns figures read from Statistics Denmark into a dataset the engine ranks: the method's
/// net operating expenditure (dranst 1, art TOT minus art S0, LOBM in 1,000 kr.) and the
/// population by single year of age on 1 January.
public enum DatasetBuilder {
    /// A file holding fewer functions than this is a selection, not the whole chart of accounts
    /// (REGK31 has 355): wildcards such as 5.30.* cannot be summed on it.
    static let completeChartMinimum = 300

    /// `wholeChart`: the figures were asked for with every function (FUNKTION `*`); nil decides
    /// by how many functions there are, for imported files.
    public static func dataset(
        _ id: DatasetID, collection: String, accounts: AccountsFigures, population: PopulationFigures,
        municipalities: [Municipality], functionLabels: [FunctionCode: String], provenance: Provenance,
        wholeChart: Bool? = nil
    ) throws(StoreError) -> Dataset {
        let index = Dictionary(uniqueKeysWithValues: municipalities.enumerated().map { ($1.code, $0) })
        let figures = accounts.netOperating(year: id.year, municipalities: municipalities.map(\.code))
        guard !figures.net.isEmpty else {
            throw .incomplete(dataset: id.description, missing: "\(accounts.table.rawValue) figures for \(id.year) "
                              + "with dranst 1, art TOT and PRISENHED LOBM")
        }
        let spending = figures.net.mapValues { column in column.map { $0.map { Int(($0 * 1000).rounded()) } } }

        var byAge = Array(repeating: [Int](), count: municipalities.count)
        var totals = Array(repeating: 0, count: municipalities.count)
        let ages = population.values.filter { $0.key.year == id.year && index[$0.key.area] != nil }
        let oldest = ages.keys.compactMap(\.age).max() ?? -1
        for (key, count) in ages {
            let i = index[key.area]!
            if let age = key.age {
                if byAge[i].isEmpty { byAge[i] = Array(repeating: 0, count: oldest + 1) }
                byAge[i][age] = count
            } else {
                totals[i] = count
            }
        }
        // A municipality the FOLK1A figures lack has no persons: rankings leave it out, saying so.
        guard byAge.contains(where: { !$0.isEmpty }) else {
            throw .incomplete(dataset: id.description, missing: "FOLK1A population by age on 1 January \(id.year) "
                              + "for any municipality")
        }
        for i in totals.indices where totals[i] == 0 || byAge[i].isEmpty { totals[i] = byAge[i].reduce(0, +) }

        var labels: [FunctionCode: String] = [:]
        for function in spending.keys { labels[function] = functionLabels[function] ?? "" }
        let complete = wholeChart ?? (spending.count >= completeChartMinimum)
        return Dataset(
            id: id, collection: collection, municipalities: municipalities, functionLabels: labels,
            chartIsComplete: complete, spending: spending,
            population: Population(totals: totals, byAge: byAge), basis: .operating, provenance: provenance,
            limitationHint: complete ? nil
                : "the local \(id) holds \(spending.count) functions, a selection; import or fetch the whole table")
    }
}
