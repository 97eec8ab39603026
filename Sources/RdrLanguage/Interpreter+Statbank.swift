import Foundation
import RdrData
import RdrEngine
import RdrStatbank

/// fetch, import, forget, check: the statements that fill and inspect the local store of
/// Statistics Denmark's tables.
extension Session {
    var store: LocalStore { LocalStore(root: dataDirectory) }

    /// The local store as a collection; made anew each time because fetch and import change it.
    func localCollection() throws(DataError) -> LocalCollection {
        let real = try dataCollection("real")
        let teaching = try dataCollection("teaching")
        return LocalCollection(store: store, municipalities: real.municipalities,
                               functionLabels: teaching.functionLabels.merging(real.functionLabels) { $1 })
    }

    func fetch(_ ids: [Located<DatasetID>], emit: (Output) -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in
            let client = StatbankClient(baseURL: statbankURL, retry: statbankRetry, progress: { emit(.progress($0)) })
            for id in ids {
                let table: StatbankTable = id.value.kind == .accounts ? .regk31 : .budk32
                let accounts: [StatbankClient.Answer], people: [StatbankClient.Answer]
                do {
                    accounts = try client.fetch(table, years: [id.value.year])
                    people = try client.fetch(.folk1a, years: [id.value.year])
                } catch {
                    throw Diagnostic("fetching \(id.value) failed: \(error); the local store is unchanged", at: id.range)
                }
                let incoming = { (answers: [StatbankClient.Answer], table: StatbankTable) in
                    answers.map { IncomingFile(table: table, bytes: $0.body, origin: "POST \($0.url.absoluteString)",
                                               query: $0.requestBody) }
                }
                let files = incoming(accounts, table), population = incoming(people, .folk1a)
                // Read everything before keeping anything: a damaged answer leaves the store as it was.
                let checks = try verify(id, files + population)
                do throws(StoreError) {
                    try store.save([(.population(year: id.value.year), population), (.accounts(id.value), files)],
                                   received: accounts.first?.received ?? Date())
                } catch {
                    throw Diagnostic(error.description, at: id.range)
                }
                let megabytes = Double((files + population).reduce(0) { $0 + $1.bytes.count }) / 1_000_000
                emit(.message("Fetched \(id.value) (\(table.rawValue) and FOLK1A \(id.value.year)K1, "
                              + "\(String(format: "%.1f", megabytes)) MB) into \(dataDirectory). \(summary(checks, of: id.value))"))
            }
        }
    }

    func importFile(_ path: Located<String>, emit: (Output) -> Void) throws {
        let url = resolve(path.value)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic("cannot read '\(path.value)': no such readable file", at: path.range)
        }
        let bytes = [UInt8](data)
        let content: StatbankContent
        do {
            content = try StatbankReader.read(bytes, name: path.value, table: nil, municipalities: localCollection().areaCodes,
                                                 keeping: .method)
        } catch {
            throw Diagnostic("not imported: \(error)", at: path.range)
        }
        let origin = "imported from \(url.path)"  // LocalCollection.provenance reads this form
        var entries: [(LocalStore.Entry, StatbankTable)] = []
        switch content {
        case .accounts(let figures):
            let kind: DatasetID.Kind = figures.table == .budk32 ? .budget : .accounts
            entries = figures.years.map { (.accounts(DatasetID(kind: kind, year: $0)), figures.table) }
        case .population(let figures):
            entries = figures.years.map { (.population(year: $0), .folk1a) }
        }
        do throws(StoreError) {
            // A file of several years goes into each year's entry, all of them or none.
            try store.save(entries.map { entry, table in
                (entry, [IncomingFile(table: table, bytes: bytes, origin: origin, query: nil)])
            })
        } catch {
            throw Diagnostic(error.description, at: path.range)
        }
        let names = entries.map { entry -> String in
            switch entry.0 {
            case .accounts(let id): id.description
            case .population(let year): "population \(year)"
            }
        }
        let collection = try localCollection()
        let ready = collection.datasets
        let waiting = entries.compactMap { entry -> DatasetID? in
            if case .accounts(let id) = entry.0, !ready.contains(id) { return id }
            return nil
        }
        // The datasets this import completed are reconciled, as after a fetch.
        let touched = ready.filter { id in
            entries.contains { entry in
                switch entry.0 {
                case .accounts(let stored): stored == id
                case .population(let year): year == id.year
                }
            }
        }
        let checks = touched.compactMap { id -> String? in
            guard let figures = try? collection.figures(id) else { return nil }
            return "\(id): " + summary(Reconciliation.run(id, accounts: figures.accounts, population: figures.population), of: id)
        }
        emit(.message("Imported \(path.value) (\(entries.first?.1.rawValue ?? "?")) into \(dataDirectory): "
                      + names.joined(separator: ", ") + "."
                      + (waiting.isEmpty ? "" : " \(waiting.map(\.description).joined(separator: ", "))"
                          + (waiting.count == 1 ? " also needs" : " also need")
                          + " the population on 1 January: import a FOLK1A file or fetch.")
                      + checks.map { " " + $0 }.joined()))
    }

    func forget(_ id: Located<DatasetID>, emit: (Output) -> Void) throws {
        do {
            guard try store.forget(.accounts(id.value)) else {
                throw Diagnostic("\(id.value) is not in the local store; datasets lists what is", at: id.range)
            }
            let sameYear = store.datasets.contains { $0.year == id.value.year }
            if !sameYear { try store.forget(.population(year: id.value.year)) }
        } catch let error as StoreError {
            throw Diagnostic(error.description, at: id.range)
        }
        emit(.message("Forgot \(id.value): its files are removed from \(dataDirectory)."))
    }

    func check(_ id: Located<DatasetID>) throws -> ResultSet {
        let collection = try localCollection()
        let figures: (accounts: AccountsFigures, population: PopulationFigures, files: [StoredFile])
        do {
            figures = try collection.figures(id.value)
        } catch {
            throw Diagnostic(error.description, at: id.range)
        }
        let checks = Reconciliation.run(id.value, accounts: figures.accounts, population: figures.population)
        var provenance = collection.provenance(id.value, table: figures.accounts.table, files: figures.files)
        provenance.definition = "reconciliation of the stored answers, before any computation"
        return ResultSet(
            title: "Checks of \(id.value) in the local store",
            columns: [
                .init(key: "check", title: "check", kind: .text),
                .init(key: "compared", title: "compared", kind: .integer),
                .init(key: "differing", title: "differing", kind: .integer),
                .init(key: "largest_difference", title: "largest difference", kind: .amount(shown: 1, exported: 3)),
                .init(key: "unit", title: "unit", kind: .text),
                .init(key: "worst", title: "where", kind: .text),
                .init(key: "status", title: "status", kind: .text),
            ],
            rows: checks.map {
                [.text($0.name), .integer($0.compared), .integer($0.differing), .amount($0.largestDifference),
                 .text($0.unit), .text($0.worst ?? ""), .text($0.passed ? "ok" : "DIFFERS")]
            },
            notes: checks.isEmpty ? ["The stored answers hold nothing to reconcile (no national rows, no INDL)."] : [],
            provenance: provenance)
    }

    /// Reads every file as the store would, builds the dataset and reconciles it.
    private func verify(_ id: Located<DatasetID>, _ files: [IncomingFile]) throws -> [Reconciliation.Check] {
        let areaCodes = try localCollection().areaCodes
        var accounts = AccountsFigures(table: id.value.kind == .accounts ? .regk31 : .budk32)
        var population = PopulationFigures()
        for (number, file) in files.enumerated() {
            do {
                switch try StatbankReader.read(file.bytes, name: "answer \(number + 1) (\(file.table.rawValue))",
                                               table: file.table, municipalities: areaCodes, keeping: .method) {
                case .accounts(let figures): accounts.values.merge(figures.values) { $1 }
                case .population(let figures): population.values.merge(figures.values) { $1 }
                }
            } catch {
                throw Diagnostic("Statistics Denmark's answer could not be read: \(error); the local store is unchanged",
                                 at: id.range)
            }
        }
        return Reconciliation.run(id.value, accounts: accounts, population: population)
    }

    private func summary(_ checks: [Reconciliation.Check], of id: DatasetID) -> String {
        guard !checks.isEmpty else { return "No figures to reconcile." }
        let failed = checks.filter { !$0.passed }
        return failed.isEmpty ? "Checks: all \(checks.count) agree (check \(id) shows them)."
            : "Checks: \(failed.count) of \(checks.count) DIFFER: " + failed.map(\.name).joined(separator: "; ")
                + " — see check."
    }
}
