import Foundation
import RdrData
import RdrEngine
import RdrReport
import RdrLanguage
import RdrRender
import RdrStatbank

/// Feeds arbitrary bytes to the file readers: Statistics Denmark's formats (`StatbankReader`, which
/// hands files that are not API answers to `WebsiteDownload`) and the `year,index` price index.
///
/// The first byte chooses the reader, the table asked for and the file's name (names carry hints:
/// a year, REGK31, budget); the rest is the file. A file that reads is then imported as `import`
/// does, into a store that holds the population, and every dataset it completes is built, ranked
/// on every built-in area and on its first functions and rendered, so that odd figures reach the dataset builder and the
/// engine. A price index that reads reprices the teaching dataset by each of its factors.
final class ReaderHarness {
    private let sandbox = Sandbox()
    private let municipalities: [Municipality]
    private let codes: [String: Int]
    private let functionLabels: [FunctionCode: String]
    private let areas: [AreaDefinition]
    private let teaching: Dataset
    private var sink = 0
    /// Whether to say what happened to each input (RDR_FUZZ_PRINT=1).
    private let echo: Bool

    private static let tables: [StatbankTable?] = [nil, nil, .regk31, .budk32, .folk1a]
    private static let names = [
        "regk31-2023.csv", "budk32-2025.csv", "folk1a-2024.csv", "download.csv", "REGK31 2019.txt",
        "statistikbanken.csv", "budget 2024.csv", "folketal.csv", "pl.csv", "a",
    ]

    init(echo: Bool) {
        self.echo = echo
        do {
            let real = try RealSnapshot.load()
            let teachingData = try TeachingData.load()
            municipalities = real.municipalities
            codes = StatbankReader.municipalityCodes(real.municipalities)
            functionLabels = teachingData.functionLabels.merging(real.functionLabels) { $1 }
            teaching = try teachingData.dataset(DatasetID("R2020")!)
            areas = try Session(workingDirectory: sandbox.work.path, dataDirectory: sandbox.store.path).areas
        } catch {
            fatalError("rdr-fuzz: cannot load the built-in data: \(error)")
        }
    }

    func run(_ input: [UInt8]) {
        guard let choice = input.first else { return }
        let bytes = Array(input.dropFirst())
        let name = Self.names[Int(choice >> 3) % Self.names.count]
        switch Int(choice & 7) {
        case let reader where reader < Self.tables.count:
            read(bytes, name: name, table: Self.tables[reader])
        default:
            priceIndex(bytes, name: name)
        }
    }

    private func read(_ bytes: [UInt8], name: String, table: StatbankTable?) {
        do {
            _ = try StatbankReader.read(bytes, name: name, table: table, municipalities: codes)
        } catch {
            note("\(name) as \(table?.rawValue ?? "any table"): \(error.description)")
            return
        }
        note("\(name) as \(table?.rawValue ?? "any table"): read")
        importAndRank(bytes, name: name)
    }

    private func importAndRank(_ bytes: [UInt8], name: String) {
        defer { sandbox.resetStore() }
        let collection = LocalCollection(store: LocalStore(root: sandbox.store.path), municipalities: municipalities,
                                         functionLabels: functionLabels)
        let imported: LocalCollection.Imported
        do {
            imported = try collection.importFile(bytes, name: name, path: sandbox.work.appendingPathComponent(name).path)
        } catch {
            note("import: \(error.description)")
            return
        }
        note("import: \(imported.table.rawValue), complete: \(imported.checks.map(\.dataset.description))")
        for (id, _) in imported.checks {
            if let report = try? collection.checkReport(id) { render(report) }
            let dataset: Dataset
            do {
                dataset = try collection.dataset(id)
            } catch {
                note("load \(id): \(error.description)")
                continue
            }
            // The built-in areas, and each of the first functions the file holds, per person and per 65+.
            let functions = dataset.spending.keys.sorted().prefix(3).map { AreaDefinition(pattern: .function($0), label: nil) }
            let ranked = (areas + functions).filter { area in
                guard let ranking = try? dataset.rank(area, per: nil) else { return false }
                render(ranking.resultSet(showing: .all))
                if let older = try? dataset.rank(area, per: .ages(lower: 65, upper: nil)) {
                    render(older.resultSet(showing: .top(5)))
                }
                return true
            }
            note("load \(id): ranked on \(ranked.count) of \(areas.count) areas and \(functions.count) functions")
        }
    }

    private func priceIndex(_ bytes: [UInt8], name: String) {
        let index: PriceIndex
        do {
            index = try PriceIndex.read(bytes: bytes, name: name)
        } catch {
            note("\(name) as a price index: \(error.description)")
            return
        }
        note("\(name) as a price index: \(index.values.count) years")
        let years = index.values.keys.sorted()
        // From the teaching dataset's year (as `load … prices` does) and from the index's first year.
        for (from, to) in years.prefix(8).flatMap({ [(teaching.id.year, $0), (years[0], $0)] }) {
            guard let factor = try? index.factor(from: from, to: to) else { continue }
            let repriced = teaching.repriced(by: factor, to: to, priceBasis: "\(to) prices, \(index.label)")
            if let area = areas.first, let ranking = try? repriced.rank(area, per: nil) {
                render(ranking.resultSet(showing: .top(3)))
            }
        }
    }

    private func note(_ text: String) {
        sink &+= text.utf8.count
        if echo {
            print(text)
            fflush(nil)
        }
    }

    private func render(_ result: ResultSet) {
        for format in OutputFormat.allCases {
            sink &+= Renderer(format: format).render(result).utf8.count
        }
    }
}
