import Foundation
import RdrData
import RdrEngine

/// The datasets fetched or imported into the local store, as the engine sees them: a dataset is
/// there when the store holds its accounts (or budget) and the population on 1 January of its year.
public struct LocalCollection: DataCollection {
    public let name = "local"
    public let title: String
    public let store: LocalStore
    public let municipalities: [Municipality]
    /// Official labels of functions, where rdr knows them (the store's own answers carry codes).
    public let functionLabels: [FunctionCode: String]

    public init(store: LocalStore, municipalities: [Municipality], functionLabels: [FunctionCode: String]) {
        self.store = store
        self.title = "local store (\(store.root))"
        self.municipalities = municipalities
        self.functionLabels = functionLabels
    }

    public var datasets: [DatasetID] {
        let years = Set(store.populationYears)
        return store.datasets.filter { years.contains($0.year) }
    }

    /// Names for reading label-presented files: municipality names, and "Hele landet".
    public var areaCodes: [String: Int] { StatbankReader.municipalityCodes(municipalities) }

    public func dataset(_ id: DatasetID) throws(DataError) -> Dataset {
        do {
            return try build(id)
        } catch {
            throw .unavailable(error.description)
        }
    }

    /// The figures stored for a dataset, read and checked, with the files they came from.
    public func figures(_ id: DatasetID) throws(StoreError)
        -> (accounts: AccountsFigures, population: PopulationFigures, files: [StoredFile])
    {
        guard store.state(.accounts(id)) != .absent else {
            throw .notStored("\(id) is not in the local store; fetch \(id) downloads it from Statistics Denmark")
        }
        guard store.state(.population(year: id.year)) != .absent else {
            throw .notStored("the local store has \(id) but not the population on 1 January \(id.year); fetch \(id) gets both")
        }
        var figures = (accounts: AccountsFigures(table: id.kind == .accounts ? .regk31 : .budk32),
                       population: PopulationFigures())
        var origins: [StoredFile] = []
        for entry in [LocalStore.Entry.accounts(id), .population(year: id.year)] {
            for (file, bytes) in try store.files(entry) {
                origins.append(file)
                do {
                    merge(try read(bytes, name: file.path, table: StatbankTable(rawValue: file.table)), into: &figures)
                } catch {
                    throw .format(error)
                }
            }
        }
        return (figures.accounts, figures.population, origins)
    }

    private func build(_ id: DatasetID) throws(StoreError) -> Dataset {
        let (accounts, population, files) = try figures(id)
        // A fetch asks for every function of the table's tableinfo; an imported file may be a selection.
        let fetched = files.allSatisfy { $0.origin.hasPrefix("POST") }
        return try DatasetBuilder.dataset(
            id, collection: name, accounts: accounts, population: population, municipalities: municipalities,
            functionLabels: functionLabels, provenance: provenance(id, table: accounts.table, files: files),
            wholeChart: fetched ? true : nil)
    }

    public func provenance(_ id: DatasetID, table: StatbankTable, files: [StoredFile]) -> Provenance {
        let fetched = files.allSatisfy { $0.origin.hasPrefix("POST") }
        let when = files.map(\.received).max() ?? "?"
        // Origins read "POST https://api.statbank.dk/v1/data" or "imported from /path/file.csv".
        let places = Set(files.map { file in
            fetched ? (URL(string: String(file.origin.dropFirst("POST ".count)))?.host ?? file.origin)
                : String(file.origin.dropFirst(file.origin.hasPrefix(Self.importedFrom) ? Self.importedFrom.count : 0))
        }).sorted()
        return Provenance(
            dataset: "\(id) (local)",
            source: "Statistics Denmark (CC BY 4.0), \(table.rawValue) (LOBM, dranst 1, art TOT − S0) and FOLK1A \(id.year)K1",
            priceBasis: "current prices",
            retrieved: "\(fetched ? "fetched" : "imported") \(when) from \(places.joined(separator: ", "))",
            definition: "", invented: false)
    }
}
