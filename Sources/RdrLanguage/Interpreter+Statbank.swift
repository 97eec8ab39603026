import Foundation
import RdrData
import RdrEngine
import RdrReport
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
                let fetched: LocalCollection.Fetched
                do {
                    fetched = try localCollection().fetch(id.value, with: client)
                } catch let error as IntakeError {
                    let message = if case .fetch = error { "fetching \(id.value) failed: \(error)" } else { error.description }
                    throw Diagnostic(message, at: id.range)
                }
                let megabytes = String(format: "%.1f", Double(fetched.bytes) / 1_000_000)
                emit(.message("Fetched \(id.value) (\(fetched.table.rawValue) and FOLK1A \(id.value.year)K1, "
                              + "\(megabytes) MB) into \(dataDirectory). \(summary(fetched.checks, of: id.value))"))
            }
        }
    }

    func importFile(_ path: Located<String>, emit: (Output) -> Void) throws {
        let bytes = try contents(of: path, what: "the file")
        let imported: LocalCollection.Imported
        do {
            imported = try localCollection().importFile(bytes, name: path.value, path: resolve(path.value).path)
        } catch let error as IntakeError {
            throw Diagnostic(error.description, at: path.range)
        }
        let names = imported.entries.map { entry -> String in
            switch entry {
            case .accounts(let id): id.description
            case .population(let year): "population \(year)"
            }
        }
        let waiting = imported.waiting.map(\.description).joined(separator: ", ")
        emit(.message("Imported \(path.value) (\(imported.table.rawValue)) into \(dataDirectory): "
                      + names.joined(separator: ", ") + "."
                      + (imported.waiting.isEmpty ? "" : " \(waiting)" + (imported.waiting.count == 1 ? " also needs" : " also need")
                          + " the population on 1 January: import a FOLK1A file or fetch.")
                      + imported.checks.map { " \($0.dataset): " + summary($0.checks, of: $0.dataset) }.joined()
                      + " " + covers(imported.coverage)
                      + imported.narrowed.map { " It \($0)." }.joined()))
    }

    /// "It covers all 98 municipalities, 355 functions, 2023." — naming them when there are few,
    /// so that a file of one municipality or one function does not pass unnoticed.
    private func covers(_ coverage: LocalCollection.Coverage) -> String {
        func few<T>(_ items: [T], _ one: String, _ many: String, name: (T) -> String) -> String {
            let count = items.count == 1 ? "1 \(one)" : "\(items.count) \(many)"
            guard !items.isEmpty, items.count <= 5 else { return count }
            return count + " (" + items.map(name).joined(separator: ", ") + ")"
        }
        let found = coverage.municipalities
        var parts = [found.count == coverage.of ? "all \(coverage.of) municipalities"
            : few(found, "municipality", "municipalities", name: \.name) + " of \(coverage.of)"]
        if !coverage.functions.isEmpty {
            parts.append(few(coverage.functions, "function", "functions", name: \.description))
        }
        parts.append(coverage.years.map(String.init).joined(separator: ", "))
        let narrow = found.count < coverage.of || (1...5).contains(coverage.functions.count)
        return "It covers " + parts.joined(separator: ", ") + "."
            + (narrow ? " Only what it covers can be ranked: a municipality it lacks is left out, and an area needs every one of its functions." : "")
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
        do {
            return try localCollection().checkReport(id.value)
        } catch let error as StoreError {
            throw Diagnostic(error.description, at: id.range)
        }
    }

    private func summary(_ checks: [Reconciliation.Check], of id: DatasetID) -> String {
        guard !checks.isEmpty else { return "No figures to reconcile." }
        let failed = checks.filter { !$0.passed }
        return failed.isEmpty ? "Checks: all \(checks.count) agree (check \(id) shows them)."
            : "Checks: \(failed.count) of \(checks.count) DIFFER: " + failed.map(\.name).joined(separator: "; ")
                + " — see check."
    }
}
