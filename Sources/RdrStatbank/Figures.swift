import RdrEngine

/// The Statbank tables rdr reads.
public enum StatbankTable: String, Sendable, CaseIterable {
    /// Municipal accounts: OMRÅDE, FUNKTION, DRANST, ART, PRISENHED, Tid.
    case regk31 = "REGK31"
    /// Municipal budgets: the same variables as REGK31 (the area variable's id may differ).
    case budk32 = "BUDK32"
    /// Population on the first day of a quarter: OMRÅDE, KØN, ALDER, CIVILSTAND, Tid (2024K1).
    case folk1a = "FOLK1A"
}

/// One figure of REGK31 or BUDK32, by its codes.
public struct AccountsKey: Hashable, Sendable {
    public let year: Int
    /// OMRÅDE: 0 = the whole country, 101 … 860 municipalities (regions and groups are skipped).
    public let area: Int
    public let function: FunctionCode
    /// DRANST: 1 drift … 7 finansiering.
    public let dranst: Int
    /// ART: "TOT" (net), "S0" (art 0, beregnede omkostninger), "UE", "I", "S1" …
    public let art: String
    /// PRISENHED: "LOBM" (1,000 kr., current prices) or "INDL" (kr. per inhabitant).
    public let unit: String

    public init(year: Int, area: Int, function: FunctionCode, dranst: Int, art: String, unit: String) {
        self.year = year
        self.area = area
        self.function = function
        self.dranst = dranst
        self.art = art
        self.unit = unit
    }
}

/// The figures of an accounts or budget answer or file, as read: a value of nil is Statistics
/// Denmark's ".." (a stored row without a figure). A key that is absent is either not covered (a
/// municipality or function the answer does not hold at all) or, within what it covers, 0: BULK
/// leaves out every combination it has no stored row for (`suppressedDataValue`, "0").
/// `netOperating` applies that rule.
public struct AccountsFigures: Sendable {
    public var table: StatbankTable
    public var values: [AccountsKey: Double?]

    public init(table: StatbankTable, values: [AccountsKey: Double?] = [:]) {
        self.table = table
        self.values = values
    }

    public var years: [Int] { Set(values.keys.map(\.year)).sorted() }
}

/// The method's net operating expenditure of one year (dranst 1, LOBM, art TOT − art S0, in
/// 1,000 kr.) for the municipalities and functions the figures cover: those with any row.
public struct NetOperating: Sendable {
    /// Function → a figure per municipality (indexed like the list given): nil where the
    /// municipality is not covered or its TOT or S0 is "..".
    public let net: [FunctionCode: [Double?]]
    /// Whether the figures hold any row of the municipality.
    public let covered: [Bool]
    /// Covered municipality × covered function combinations with no TOT row, read as 0.
    public let absent: Int

    public var coveredMunicipalities: Int { covered.filter { $0 }.count }
}

extension AccountsFigures {
    /// Net operating expenditure of `year` for `municipalities` (codes, in the dataset's order).
    /// Within the covered municipalities × functions an absent TOT or S0 row is 0 (BULK leaves
    /// such rows out); a TOT or an S0 of ".." is a missing figure, so the combination has none.
    public func netOperating(year: Int, municipalities: [Int]) -> NetOperating {
        let index = Dictionary(uniqueKeysWithValues: municipalities.enumerated().map { ($1, $0) })
        let count = municipalities.count
        var totals: [FunctionCode: [Double?]] = [:], hasTotal: [FunctionCode: [Bool]] = [:]
        var artZero: [FunctionCode: [Double?]] = [:]
        var covered = Array(repeating: false, count: count)
        for (key, value) in values where key.year == year && key.dranst == 1 && key.unit == "LOBM" {
            guard let i = index[key.area] else { continue }
            covered[i] = true
            switch key.art {
            case "TOT":
                totals[key.function, default: Array(repeating: 0, count: count)][i] = value
                hasTotal[key.function, default: Array(repeating: false, count: count)][i] = true
            case "S0":
                artZero[key.function, default: Array(repeating: 0, count: count)][i] = value
            default:
                continue
            }
        }
        var net: [FunctionCode: [Double?]] = [:]
        var absent = 0
        for function in Set(totals.keys).union(artZero.keys) {
            let total = totals[function], zero = artZero[function], seen = hasTotal[function]
            net[function] = (0..<count).map { i -> Double? in
                guard covered[i] else { return nil }
                if seen?[i] != true { absent += 1 }
                // An absent row is 0; a row of ".." (nil) is no figure.
                let tot: Double? = if let total { total[i] } else { 0 }
                let s0: Double? = if let zero { zero[i] } else { 0 }
                guard let tot, let s0 else { return nil }
                return tot - s0
            }
        }
        return NetOperating(net: net, covered: covered, absent: absent)
    }
}

/// Which accounts figures to keep while reading: a full REGK31 year holds about a million, of
/// which the method needs under a tenth. Filtering while reading keeps loading well under a second.
public struct AccountsSelection: Sendable, Equatable {
    public let dranst: Set<Int>?
    public let arts: Set<String>?
    public let units: Set<String>?

    public init(dranst: Set<Int>?, arts: Set<String>?, units: Set<String>?) {
        self.dranst = dranst
        self.arts = arts
        self.units = units
    }

    public static let everything = AccountsSelection(dranst: nil, arts: nil, units: nil)
    /// What rdr computes and checks with: operating accounts (dranst 1), net and art 0, both units.
    public static let method = AccountsSelection(dranst: [1], arts: ["TOT", "S0"], units: ["LOBM", "INDL"])

    public func keeps(dranst: Int, art: String, unit: String) -> Bool {
        (self.dranst?.contains(dranst) ?? true) && (arts?.contains(art) ?? true) && (units?.contains(unit) ?? true)
    }
}

/// One FOLK1A figure: population on 1 January (quarter 1) of `year`, both sexes, every marital status.
public struct PopulationKey: Hashable, Sendable {
    public let year: Int
    /// OMRÅDE: 0 = the whole country, municipality codes; 411 Christiansø is kept but is no municipality.
    public let area: Int
    /// ALDER: 0 … 125; nil for IALT (all ages).
    public let age: Int?

    public init(year: Int, area: Int, age: Int?) {
        self.year = year
        self.area = area
        self.age = age
    }
}

public struct PopulationFigures: Sendable, Equatable {
    public var values: [PopulationKey: Int]

    public init(values: [PopulationKey: Int] = [:]) {
        self.values = values
    }

    public var years: [Int] { Set(values.keys.map(\.year)).sorted() }
}

/// What a Statbank answer or file held, once read.
public enum StatbankContent: Sendable {
    case accounts(AccountsFigures)
    case population(PopulationFigures)

    var isAccounts: Bool {
        if case .accounts = self { true } else { false }
    }
}

/// Why a file or answer could not be read: the file, the 1-based line when there is one, and
/// the reason in one line.
public struct StatbankFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
    }
}
