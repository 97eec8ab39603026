import RdrEngine

/// The checks run after every fetch and import (`check R2023`): do the figures add up the way
/// Statistics Denmark publishes them?
public enum Reconciliation {
    public struct Check: Sendable, Equatable {
        public let name: String
        public let compared: Int
        public let differing: Int
        /// The largest absolute difference, in the check's unit.
        public let largestDifference: Double
        public let unit: String
        /// The item with the largest difference, e.g. "5.38.50".
        public let worst: String?

        public var passed: Bool { differing == 0 }
    }

    /// Whole 1,000 kr. per municipality: the sum of 98 rounded figures may be off by up to 49.
    static let accountsTolerance = 49.0

    public static func run(_ id: DatasetID, accounts: AccountsFigures, population: PopulationFigures) -> [Check] {
        var checks: [Check] = []
        if let check = nationalTotals(id, accounts) { checks.append(check) }
        if let check = populationTotal(id.year, population) { checks.append(check) }
        if let check = perInhabitant(id, accounts, population) { checks.append(check) }
        return checks
    }

    /// For each function, the country's net figure (OMRÅDE 0) against the sum over the municipalities.
    static func nationalTotals(_ id: DatasetID, _ accounts: AccountsFigures) -> Check? {
        var national: [FunctionCode: Double] = [:]
        var summed: [FunctionCode: Double] = [:]
        for (key, value) in accounts.values
        where key.year == id.year && key.dranst == 1 && key.art == "TOT" && key.unit == "LOBM" {
            guard let value else { continue }
            if key.area == 0 { national[key.function] = value } else if isMunicipality(key.area) { summed[key.function, default: 0] += value }
        }
        guard !national.isEmpty else { return nil }
        return compare("national totals = sum of municipalities (dranst 1, net, 1,000 kr.)", national, summed,
                       tolerance: accountsTolerance, unit: "1,000 kr.")
    }

    /// The country's population on 1 January against the sum over the municipalities and Christiansø.
    static func populationTotal(_ year: Int, _ population: PopulationFigures) -> Check? {
        let country = "Hele landet"
        var national: [String: Double] = [:]
        var summed: [String: Double] = [:]
        for (key, count) in population.values where key.year == year && key.age == nil {
            if key.area == 0 { national[country] = Double(count) }
            else if isMunicipality(key.area) || key.area == 411 { summed[country, default: 0] += Double(count) }
        }
        guard !national.isEmpty else { return nil }
        return compare("population 1 January: country = municipalities + Christiansø", national, summed,
                       tolerance: 0, unit: "persons")
    }

    /// Where an answer holds both units, kr. per inhabitant (INDL) against 1,000 kr. (LOBM) ÷ inhabitants.
    static func perInhabitant(_ id: DatasetID, _ accounts: AccountsFigures, _ population: PopulationFigures) -> Check? {
        var published: [String: Double] = [:]
        var derived: [String: Double] = [:]
        for (key, value) in accounts.values where key.year == id.year && key.unit == "INDL" && key.art == "TOT" {
            guard let value, isMunicipality(key.area) else { continue }
            let total = AccountsKey(year: key.year, area: key.area, function: key.function, dranst: key.dranst, art: "TOT", unit: "LOBM")
            guard let thousands = accounts.values[total] ?? nil,
                  let inhabitants = population.values[PopulationKey(year: id.year, area: key.area, age: nil)],
                  inhabitants > 0 else { continue }
            let item = "\(key.function) in \(key.area)"
            published[item] = value
            derived[item] = thousands * 1000 / Double(inhabitants)
        }
        guard !published.isEmpty else { return nil }
        // LOBM is rounded to 1,000 kr.: for a small municipality that moves kr. per inhabitant by up to 500/inhabitants.
        return compare("kr. per inhabitant (INDL) = 1,000 kr. (LOBM) ÷ inhabitants", published, derived,
                       tolerance: 1.5, unit: "kr.")
    }

    /// `worst` is the item of the largest difference (the first in sorted order on a tie), nil when
    /// nothing differs at all.
    private static func compare<Key: Hashable & CustomStringConvertible>(
        _ name: String, _ expected: [Key: Double], _ actual: [Key: Double], tolerance: Double, unit: String
    ) -> Check {
        var differing = 0
        var largest = 0.0
        var worst: String?
        let differences = expected.map { key, value in (key.description, abs(value - (actual[key] ?? 0))) }
        for (item, difference) in differences.sorted(by: { $0.0 < $1.0 }) {
            if difference > tolerance { differing += 1 }
            if difference > largest { largest = difference; worst = item }
        }
        return Check(name: name, compared: expected.count, differing: differing, largestDifference: largest,
                     unit: unit, worst: worst)
    }

    private static func isMunicipality(_ code: Int) -> Bool { (101...860).contains(code) && code != 411 }
}
