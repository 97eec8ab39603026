/// Which figures a dataset holds: accounts (regnskab, R) or budget (B) of a year.
public struct DatasetID: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case accounts = "R"
        case budget = "B"
    }

    public let kind: Kind
    public let year: Int

    public init(kind: Kind, year: Int) {
        self.kind = kind
        self.year = year
    }

    /// Parses "R2024" or "b2021".
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[1...].allSatisfy({ (48...57).contains($0) }) else { return nil }
        let kind: Kind
        switch bytes[0] {
        case UInt8(ascii: "R"), UInt8(ascii: "r"): kind = .accounts
        case UInt8(ascii: "B"), UInt8(ascii: "b"): kind = .budget
        default: return nil
        }
        self.init(kind: kind, year: bytes[1...].reduce(0) { $0 * 10 + Int($1) - 48 })
    }

    public var description: String { "\(kind.rawValue)\(year)" }

    /// "accounts 2024" / "budget 2021".
    public var spelledOut: String {
        "\(kind == .accounts ? "accounts" : "budget") \(year)"
    }
}

/// Population on 1 January of the dataset's year, per municipality (indexed like
/// `Dataset.municipalities`).
public struct Population: Sendable {
    /// All inhabitants.
    public let totals: [Int]
    /// Inhabitants by single year of age, 0 … `byAge[i].count - 1`, the last an open band
    /// (e.g. 100+); empty for a municipality the source has no figures for. Nil when the source
    /// has totals only.
    public let byAge: [[Int]]?

    public init(totals: [Int], byAge: [[Int]]?) {
        self.totals = totals
        self.byAge = byAge
    }

    /// The segment's head count, or nil when the segment needs ages the source lacks.
    public func count(municipality index: Int, segment: Segment) -> Int? {
        switch segment {
        case .all:
            return totals[index]
        case .ages(let lower, let upper):
            guard let ages = byAge?[index] else { return nil }
            guard !ages.isEmpty else { return 0 }
            let top = min(upper ?? ages.count - 1, ages.count - 1)
            guard lower <= top else { return 0 }
            return ages[lower...top].reduce(0, +)
        }
    }
}

/// What the amounts are, for captions: the method's basis or the nearest the source offers.
public enum AccountsBasis: Sendable, Equatable {
    /// Dranst 1 (drift), all arts except art 0: the method's definition.
    case operating
    /// Statistics Denmark's published net per-inhabitant figures (INDL, art TOT), all dranst:
    /// what the built-in real snapshot holds.
    case publishedNetPerInhabitant

    public var description: String {
        switch self {
        case .operating: "net operating expenditure (dranst 1, art ≠ 0)"
        case .publishedNetPerInhabitant:
            "net expenditure as published per inhabitant (REGK31 INDL, art TOT, all dranst; not operating-only); "
                + "spending = kr. per inhabitant × inhabitants"
        }
    }
}

/// Statistics Denmark's own figures for the whole country (OMRÅDE 0, "Hele landet"), where the
/// source has them. They can differ from the sum of the 98 municipalities: the country's population
/// includes Christiansø, and DST rounds each published figure on its own.
public struct CountryFigures: Sendable {
    /// Net spending in kroner per function; nil = no figure for that function.
    public let spending: [FunctionCode: Int?]
    /// The country's population on 1 January: one entry (index 0), totals and, where the source
    /// has them, ages.
    public let population: Population

    public init(spending: [FunctionCode: Int?], population: Population) {
        precondition(population.totals.count == 1, "the country is one area")
        self.spending = spending
        self.population = population
    }
}

/// One dataset loaded into the engine: every figure a ranking needs, plus where it came from.
public struct Dataset: Sendable {
    public let id: DatasetID
    /// "real" or "teaching": which collection the dataset belongs to.
    public let collection: String
    public let municipalities: [Municipality]
    /// The functions the dataset holds, with their official labels.
    public let functionLabels: [FunctionCode: String]
    /// True when the dataset holds every function of its chart, so that a wildcard such as 5.30.*
    /// can be summed. The real snapshot holds a selection of 25 functions: false.
    public let chartIsComplete: Bool
    /// Net spending in kroner per function, indexed like `municipalities`; nil = no figure.
    public let spending: [FunctionCode: [Int?]]
    public let population: Population
    public let basis: AccountsBasis
    /// The provenance of every result computed from this dataset; `definition` is filled per result.
    public let provenance: Provenance
    /// What the collection lacks and how to get it; shown when an analysis needs it.
    public let limitationHint: String?
    /// DST's own whole-country figures, when the source has them; otherwise the country is the
    /// sum of the municipalities, and results say which.
    public let country: CountryFigures?
    /// The year whose prices the amounts are in after `repriced`; nil for the source's current prices.
    public private(set) var priceLevel: Int?

    public init(
        id: DatasetID, collection: String, municipalities: [Municipality],
        functionLabels: [FunctionCode: String], chartIsComplete: Bool, spending: [FunctionCode: [Int?]],
        population: Population, basis: AccountsBasis, provenance: Provenance, limitationHint: String? = nil,
        country: CountryFigures? = nil
    ) {
        self.id = id
        self.collection = collection
        self.municipalities = municipalities
        self.functionLabels = functionLabels
        self.chartIsComplete = chartIsComplete
        self.spending = spending
        self.population = population
        self.basis = basis
        self.provenance = provenance
        self.limitationHint = limitationHint
        self.country = country
    }

    /// "R2024" for the real collection, "teaching R2020" otherwise.
    public var name: String {
        collection == "real" ? id.description : "\(collection) \(id)"
    }

    public var functions: [FunctionCode] { functionLabels.keys.sorted() }
}

/// The factor that takes amounts from one year's prices to another's: finite and within
/// `PriceFactor.bounds`, so that repricing amounts the readers accept (at most ±10^13 kr. a
/// function) cannot overflow, however many functions an area sums.
public struct PriceFactor: Sendable, Equatable {
    /// A price index that moves prices more than a hundredfold between two years is no price index.
    public static let bounds = 0.01...100.0

    public let value: Double

    /// Nil for a factor that is not finite or lies outside `bounds`.
    public init?(_ value: Double) {
        guard value.isFinite, Self.bounds.contains(value) else { return nil }
        self.value = value
    }
}

extension Dataset {
    /// The same dataset with every amount multiplied by `factor` (rounded to whole kroner), for
    /// fixed prices; `priceBasis` says which, e.g. "2024 prices, CPI-adjusted (PRIS8)".
    public func repriced(by factor: PriceFactor, to year: Int, priceBasis: String) -> Dataset {
        var provenance = provenance
        provenance.priceBasis = priceBasis
        let reprice = { (amount: Int) in Int((Double(amount) * factor.value).rounded()) }
        var repriced = Dataset(
            id: id, collection: collection, municipalities: municipalities, functionLabels: functionLabels,
            chartIsComplete: chartIsComplete,
            spending: spending.mapValues { $0.map { $0.map(reprice) } },
            population: population, basis: basis, provenance: provenance, limitationHint: limitationHint,
            country: country.map {
                CountryFigures(spending: $0.spending.mapValues { $0.map(reprice) }, population: $0.population)
            })
        repriced.priceLevel = year
        return repriced
    }
}
