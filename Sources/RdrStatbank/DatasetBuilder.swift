import RdrEngine

/// Turns figures read from Statistics Denmark into a dataset the engine ranks: the method's
/// net operating expenditure (dranst 1, art TOT minus art S0, LOBM in 1,000 kr.) and the
/// population by single year of age on 1 January. The way goes through `NetSpending`, what
/// figures.sqlite keeps, so that a dataset loaded from it is the one built from the raw answers.
public enum DatasetBuilder {
    /// A file holding fewer functions than this is a selection, not the whole chart of accounts
    /// (REGK31 has 355): wildcards such as 5.30.* cannot be summed on it.
    static let completeChartMinimum = 300

    /// The method's spending of `year` in whole kroner, for the municipalities the figures cover
    /// (`municipalities`: codes) and the whole country (0) when they hold it. The functions are
    /// those with a row for a municipality; for each, the country's figure is 0 where it has none.
    public static func netSpending(_ accounts: AccountsFigures, year: Int, municipalities: [Int]) -> NetSpending {
        let local = accounts.netOperating(year: year, municipalities: municipalities)
        let country = accounts.netOperating(year: year, municipalities: [0])
        let kroner = { (thousands: Double) in Int((thousands * 1000).rounded()) }
        // The covered areas ascending, as figures.sqlite gives them back: the country (0) first.
        let covered = municipalities.indices.filter { local.covered[$0] }.sorted { municipalities[$0] < municipalities[$1] }
        var result: [FunctionCode: [Int?]] = [:]
        for (function, column) in local.net {
            // No row of the country for a function it covers is 0, as for a municipality.
            let national: [Int?] = country.covered[0] ? [country.net[function].map { $0[0].map(kroner) } ?? 0] : []
            result[function] = national + covered.map { column[$0].map(kroner) }
        }
        return NetSpending(areas: (country.covered[0] ? [0] : []) + covered.map { municipalities[$0] }, kroner: result)
    }

    /// `wholeChart`: the figures were asked for with every function (FUNKTION `*`); nil decides
    /// by how many functions there are, for imported files.
    public static func dataset(
        _ id: DatasetID, collection: String, spending net: NetSpending, population: PopulationFigures,
        municipalities: [Municipality], functionLabels: [FunctionCode: String], provenance: Provenance,
        wholeChart: Bool? = nil
    ) throws(StoreError) -> Dataset {
        guard !net.kroner.isEmpty else {
            let table: StatbankTable = id.kind == .accounts ? .regk31 : .budk32
            throw .incomplete(dataset: id.description, missing: "\(table.rawValue) figures for \(id.year) "
                              + "with dranst 1, art TOT and PRISENHED LOBM")
        }
        // Where each municipality's figure is in the columns; one they do not cover has none (nil), not 0.
        let position = Dictionary(net.areas.enumerated().map { ($1, $0) }) { first, _ in first }
        let positions = municipalities.map { position[$0.code] }
        let spending = net.kroner.mapValues { column in
            positions.map { $0.flatMap { $0 < column.count ? column[$0] : nil } }
        }

        let index = Dictionary(uniqueKeysWithValues: municipalities.enumerated().map { ($1.code, $0) })
        var byAge = Array(repeating: [Int](), count: municipalities.count)
        var totals = Array(repeating: 0, count: municipalities.count)
        let oldest = population.values.keys.lazy.filter { $0.year == id.year && index[$0.area] != nil }
            .compactMap(\.age).max() ?? -1
        for (key, count) in population.values where key.year == id.year {
            guard let i = index[key.area] else { continue }
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
                : "the local \(id) holds \(spending.count) functions, a selection; import or fetch the whole table",
            country: country(net, population: population, year: id.year))
    }

    /// Statistics Denmark's own figures for the whole country (OMRÅDE 0), when the answers hold
    /// both its spending and its population; nil otherwise.
    static func country(_ net: NetSpending, population: PopulationFigures, year: Int) -> CountryFigures? {
        guard let position = net.areas.firstIndex(of: 0) else { return nil }
        var total: Int?, ages: [Int: Int] = [:]
        for (key, count) in population.values where key.year == year && key.area == 0 {
            if let age = key.age { ages[age] = count } else { total = count }
        }
        guard total != nil || !ages.isEmpty else { return nil }
        let byAge = ages.keys.max().map { oldest in (0...oldest).map { ages[$0] ?? 0 } }
        let persons = total ?? byAge?.reduce(0, +) ?? 0
        return CountryFigures(spending: net.kroner.mapValues { position < $0.count ? $0[position] : nil },
                              population: Population(totals: [persons], byAge: byAge.map { [$0] }))
    }
}
