import Foundation
import RdrData
import RdrEngine
import Testing

/// The built-in collections read their files with byte-level code that parses only the dataset
/// asked for. These tests check every figure of every dataset against a plain, obviously correct
/// reading of the same files (String splitting, no shortcuts), so that the fast path cannot drift.
@Suite struct SnapshotSpeedPathTests {
    @Test func everyRealDatasetMatchesAPlainReading() throws {
        let snapshot = try RealSnapshot.load()
        let plain = try PlainReal()
        #expect(snapshot.municipalities == plain.municipalities)
        #expect(snapshot.functionLabels == plain.labels)
        #expect(snapshot.datasets == plain.years.map { DatasetID(kind: .accounts, year: $0) })
        #expect(snapshot.datasets.count == 6)
        for id in snapshot.datasets {
            let dataset = try snapshot.dataset(id)
            let expected = plain.spending(year: id.year)
            #expect(dataset.spending == expected.municipalities, "\(id): spending")
            #expect(dataset.population.totals == plain.municipalities.map { plain.population[$0.code]![id.year]! }, "\(id)")
            #expect(dataset.population.byAge == nil)
            let country = try #require(dataset.country, "\(id): the country's figures")
            #expect(country.spending == expected.country, "\(id): the country's spending")
            #expect(country.population.totals == [plain.population[0]![id.year]!])
        }
    }

    @Test func everyTeachingDatasetMatchesAPlainReading() throws {
        let teaching = try TeachingData.load()
        let plain = try PlainTeaching()
        #expect(teaching.municipalities == plain.municipalities)
        #expect(teaching.functionLabels == plain.labels)
        #expect(teaching.datasets == plain.datasets)
        #expect(teaching.datasets.contains(DatasetID(kind: .budget, year: 2025)))
        for id in teaching.datasets {
            let dataset = try teaching.dataset(id)
            #expect(dataset.spending == plain.spending(id), "\(id): spending")
            let ages = plain.municipalities.map { plain.ages[$0.code]![id.year]! }
            #expect(dataset.population.byAge == ages, "\(id): population by age")
            #expect(dataset.population.totals == ages.map { $0.reduce(0, +) }, "\(id)")
            #expect(dataset.country == nil)
        }
    }

    @Test func aDatasetTwiceIsTheSame() throws {
        let snapshot = try RealSnapshot.load()
        let id = DatasetID(kind: .accounts, year: 2022)
        #expect(try snapshot.dataset(id).spending == snapshot.dataset(id).spending)
        let teaching = try TeachingData.load()
        let budget = DatasetID(kind: .budget, year: 2024)
        #expect(try teaching.dataset(budget).spending == teaching.dataset(budget).spending)
    }

    @Test func aYearOutsideTheSnapshotSaysWhatItHolds() throws {
        let snapshot = try RealSnapshot.load()
        #expect(throws: DataError.self) { try snapshot.dataset(DatasetID(kind: .accounts, year: 2018)) }
        do {
            _ = try snapshot.dataset(DatasetID(kind: .budget, year: 2024))
            Issue.record("a budget is not in the snapshot")
        } catch {
            #expect(error.description == "B2024 is not in the built-in real snapshot (it holds R2019-R2024); "
                + "budgets (BUDK32) are not in the snapshot")
        }
    }
}

// MARK: The plain reading

/// The package's resource folder, from this file's place in the source tree.
private let resources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/RdrData/Resources")

/// A CSV file's records after the header, each split into its fields (quotes removed).
private func records(_ path: String) throws -> [[String]] {
    let text = try String(contentsOf: resources.appendingPathComponent(path), encoding: .utf8)
    var result: [[String]] = []
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        var fields: [String] = [], field = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted {
                fields.append(field)
                field = ""
            } else { field.append(character) }
        }
        fields.append(field)
        result.append(fields)
    }
    return result
}

private func municipalities(_ folder: String) throws -> [Municipality] {
    try records("\(folder)/municipalities.csv").map {
        Municipality(code: Int($0[0])!, name: $0[1], region: $0[2], group: $0[3])
    }
}

private func labels(_ folder: String) throws -> [FunctionCode: String] {
    Dictionary(uniqueKeysWithValues: try records("\(folder)/functions.csv").map { (FunctionCode($0[0])!, $0[1]) })
}

private struct PlainReal {
    let municipalities: [Municipality]
    let labels: [FunctionCode: String]
    /// Code (0 = the country) → year → inhabitants.
    var population: [Int: [Int: Int]] = [:]
    /// (year, code, function, kr. per inhabitant or nil for "..").
    let accounts: [(year: Int, code: Int, function: FunctionCode, kr: Int?)]
    let years: [Int]

    init() throws {
        municipalities = try RdrLanguageTests.municipalities("real")
        labels = try RdrLanguageTests.labels("real")
        for record in try records("real/population_jan1_2016_2026.csv") {
            population[Int(record[0])!, default: [:]][Int(record[1])!] = Int(record[2])!
        }
        accounts = try records("real/regk31_kr_per_inhabitant.csv").map {
            (Int($0[0])!, Int($0[1])!, FunctionCode($0[2])!, $0[3] == ".." ? nil : Int($0[3])!)
        }
        let populationYears = Set(population[0]!.keys)
        years = Set(accounts.map(\.year)).filter(populationYears.contains).sorted()
    }

    func spending(year: Int) -> (municipalities: [FunctionCode: [Int?]], country: [FunctionCode: Int?]) {
        var result = labels.mapValues { _ in [Int?](repeating: nil, count: municipalities.count) }
        var country = labels.mapValues { _ -> Int? in nil }
        for row in accounts where row.year == year {
            guard let kr = row.kr else { continue }
            if row.code == 0 {
                country[row.function] = kr * population[0]![year]!
            } else if let i = municipalities.firstIndex(where: { $0.code == row.code }) {
                result[row.function]![i] = kr * population[row.code]![year]!
            }
        }
        return (result, country)
    }
}

private struct PlainTeaching {
    let municipalities: [Municipality]
    let labels: [FunctionCode: String]
    /// Code → year → inhabitants by age.
    var ages: [Int: [Int: [Int]]] = [:]
    let functions: [FunctionCode]
    let expenditure: [[String]]
    let datasets: [DatasetID]

    init() throws {
        municipalities = try RdrLanguageTests.municipalities("teaching")
        labels = try RdrLanguageTests.labels("teaching")
        for record in try records("teaching/population.csv") {
            ages[Int(record[0])!, default: [:]][Int(record[1])!] = record.dropFirst(2).map { Int($0)! }
        }
        let header = try String(contentsOf: resources.appendingPathComponent("teaching/expenditure.csv"), encoding: .utf8)
            .prefix { !$0.isNewline }.split(separator: ",")
        functions = header.dropFirst(2).map { FunctionCode(String($0))! }
        expenditure = try records("teaching/expenditure.csv")
        let years = Set(ages.values.flatMap(\.keys))
        datasets = Set(expenditure.map { DatasetID($0[0])! }).filter { years.contains($0.year) }
            .sorted { ($0.kind == .budget ? 1 : 0, $0.year) < ($1.kind == .budget ? 1 : 0, $1.year) }
    }

    func spending(_ id: DatasetID) -> [FunctionCode: [Int?]] {
        var result = Dictionary(uniqueKeysWithValues: functions.map { ($0, [Int?](repeating: nil, count: municipalities.count)) })
        for record in expenditure where DatasetID(record[0]) == id {
            let i = municipalities.firstIndex { $0.code == Int(record[1])! }!
            for (function, value) in zip(functions, record.dropFirst(2)) {
                result[function]![i] = Int(value)! * 1000
            }
        }
        return result
    }
}
