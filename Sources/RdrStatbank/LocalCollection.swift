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

    /// The rules by which figures.sqlite's entries are built here: its format, and the
    /// municipalities (codes and the names label-presented files are read by). Computed when the
    /// store's figures are read or written, not when the collection is made: a `load` of the
    /// built-in snapshot looks at the store too, and should not load libcrypto for it.
    var builtWith: String {
        let names = municipalities.map { "\($0.code) \($0.name)" }.joined(separator: "\n")
        return "format \(CanonicalStore.format), municipalities \(SHA256.hex(Array(names.utf8)).prefix(16))"
    }

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
        try requireStored(id)
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

    /// The dataset from figures.sqlite, or, where it lacks the entries as stored now, from the
    /// raw answers (and kept there for the next load).
    private func build(_ id: DatasetID) throws(StoreError) -> Dataset {
        try requireStored(id)
        let entries = [LocalStore.Entry.accounts(id), .population(year: id.year)]
        let loaded = try store.canonicalFigures(entries, builtWith: builtWith) { entry, files throws(StoreError) -> CanonicalFigures in
            var figures = (accounts: AccountsFigures(table: id.kind == .accounts ? .regk31 : .budk32),
                           population: PopulationFigures())
            for (file, bytes) in files {
                do throws(StatbankFormatError) {
                    merge(try read(bytes, name: file.path, table: StatbankTable(rawValue: file.table)), into: &figures)
                } catch {
                    throw .format(error)
                }
            }
            return canonical(entry, from: figures)
        }
        guard loaded.count == 2, case .spending(let spending) = loaded[0].figures,
              case .population(let population) = loaded[1].figures else {
            throw .damaged(file: store.root + "/" + CanonicalStore.fileName, reason: "it holds figures of the wrong kind")
        }
        let files = loaded[0].files + loaded[1].files
        let table: StatbankTable = id.kind == .accounts ? .regk31 : .budk32
        // A fetch asks for every function of the table's tableinfo; an imported file may be a selection.
        let fetched = files.allSatisfy { $0.origin.hasPrefix("POST") }
        return try DatasetBuilder.dataset(
            id, collection: name, spending: spending, population: population, municipalities: municipalities,
            functionLabels: functionLabels, provenance: provenance(id, table: table, files: files),
            wholeChart: fetched ? true : nil)
    }

    /// What figures.sqlite keeps of an entry, from the figures read of its files (or of more:
    /// only the entry's year is kept).
    func canonical(_ entry: LocalStore.Entry, from figures: (accounts: AccountsFigures, population: PopulationFigures))
        -> CanonicalFigures
    {
        switch entry {
        case .accounts(let id):
            .spending(DatasetBuilder.netSpending(figures.accounts, year: id.year, municipalities: municipalities.map(\.code)))
        case .population(let year):
            .population(PopulationFigures(values: figures.population.values.filter { $0.key.year == year }))
        }
    }

    /// Saves entries into the store with their figures for figures.sqlite; `figures`: what was
    /// read of the files being saved.
    func save(_ entries: [(LocalStore.Entry, [IncomingFile])],
              figures: (accounts: AccountsFigures, population: PopulationFigures), received: Date = Date())
        throws(StoreError)
    {
        let kept = Dictionary(entries.map { ($0.0, canonical($0.0, from: figures)) }) { $1 }
        try store.save(entries, canonical: CanonicalEntries(builtWith: builtWith, figures: kept), received: received)
    }

    /// The same for the content of one imported file.
    func save(_ entries: [(LocalStore.Entry, [IncomingFile])], content: StatbankContent) throws(StoreError) {
        var figures = (accounts: AccountsFigures(table: .regk31), population: PopulationFigures())
        merge(content, into: &figures)
        try save(entries, figures: figures)
    }

    /// Throws, saying what to do, when the store lacks the dataset's accounts or its population.
    private func requireStored(_ id: DatasetID) throws(StoreError) {
        guard store.state(.accounts(id)) != .absent else {
            throw .notStored("\(id) is not in the local store; fetch \(id) downloads it from Statistics Denmark")
        }
        guard store.state(.population(year: id.year)) != .absent else {
            throw .notStored("the local store has \(id) but not the population on 1 January \(id.year); fetch \(id) gets both")
        }
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
