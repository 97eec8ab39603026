import Foundation
import RdrEngine
import RdrReport

/// Why figures could not be taken into the local store. Nothing was kept.
public enum IntakeError: Error, Sendable, CustomStringConvertible {
    case fetch(FetchError)
    /// An answer from Statistics Denmark that could not be read.
    case answer(StatbankFormatError)
    /// A file that could not be read.
    case file(StatbankFormatError)
    case store(StoreError)

    public var description: String {
        switch self {
        case .fetch(let error): "\(error); the local store is unchanged"
        case .answer(let error): "Statistics Denmark's answer could not be read: \(error); the local store is unchanged"
        case .file(let error): "not imported: \(error)"
        case .store(let error): error.description
        }
    }
}

/// Taking Statistics Denmark's figures into the local store, by fetch or by import: every answer or
/// file is read and reconciled before anything is kept, and kept whole or not at all.
extension LocalCollection {
    public struct Fetched: Sendable {
        public let table: StatbankTable
        public let bytes: Int
        public let checks: [Reconciliation.Check]
    }

    /// Downloads a dataset's accounts or budget and the population on 1 January of its year.
    public func fetch(_ id: DatasetID, with client: StatbankClient) throws(IntakeError) -> Fetched {
        let table: StatbankTable = id.kind == .accounts ? .regk31 : .budk32
        let accounts: [StatbankClient.Answer], people: [StatbankClient.Answer]
        do {
            accounts = try client.fetch(table, years: [id.year])
            people = try client.fetch(.folk1a, years: [id.year])
        } catch {
            throw .fetch(error)
        }
        let incoming = { (answers: [StatbankClient.Answer], table: StatbankTable) in
            answers.map { IncomingFile(table: table, bytes: $0.body, origin: "POST \($0.url.absoluteString)",
                                       query: $0.requestBody) }
        }
        let files = incoming(accounts, table), population = incoming(people, .folk1a)
        var figures = (accounts: AccountsFigures(table: table), population: PopulationFigures())
        for (number, file) in (files + population).enumerated() {
            do {
                merge(try read(file.bytes, name: "answer \(number + 1) (\(file.table.rawValue))", table: file.table),
                      into: &figures)
            } catch {
                throw .answer(error)
            }
        }
        do {
            try save([(.population(year: id.year), population), (.accounts(id), files)], figures: figures,
                     received: accounts.first?.received ?? Date())
        } catch {
            throw .store(error)
        }
        return Fetched(table: table, bytes: (files + population).reduce(0) { $0 + $1.bytes.count },
                       checks: Reconciliation.run(id, accounts: figures.accounts, population: figures.population))
    }

    public struct Imported: Sendable {
        public let table: StatbankTable
        /// The entries the file went into: one per year it holds.
        public let entries: [LocalStore.Entry]
        /// Datasets of the file that still lack their population.
        public let waiting: [DatasetID]
        /// The datasets the import completed, reconciled.
        public let checks: [(dataset: DatasetID, checks: [Reconciliation.Check])]
        /// What the file holds figures for.
        public let coverage: Coverage
        /// The stored entries it replaced that covered more municipalities or functions than it.
        public let narrowed: [Replacement]
    }

    /// A stored entry an import replaced, with what the entry covered before.
    public struct Replacement: Sendable, Equatable, CustomStringConvertible {
        public let entry: LocalStore.Entry
        public let municipalities: Int
        public let functions: Int

        /// "replaces the local R2023, which covered 98 municipalities and 400 functions".
        public var description: String {
            let name = switch entry {
            case .accounts(let id): "the local \(id)"
            case .population(let year): "the local population \(year)"
            }
            let functionsPart = if case .accounts = entry { " and \(functions) functions" } else { "" }
            return "replaces \(name), which covered \(municipalities) municipalities\(functionsPart)"
        }
    }

    /// What an imported file holds figures for: a file of one municipality or one function is
    /// accepted, and the import says so.
    public struct Coverage: Sendable, Equatable {
        /// The municipalities with any figure, in the order of `municipalities`.
        public let municipalities: [Municipality]
        /// Of how many municipalities.
        public let of: Int
        /// The functions with any figure (none for FOLK1A).
        public let functions: [FunctionCode]
        public let years: [Int]
    }

    /// `year`: of that year only.
    func coverage(of content: StatbankContent, year: Int? = nil) -> Coverage {
        let areas: Set<Int>, functions: Set<FunctionCode>, years: [Int]
        switch content {
        case .accounts(let figures):
            let keys = figures.values.keys.filter { year == nil || $0.year == year }
            areas = Set(keys.map(\.area))
            functions = Set(keys.map(\.function))
            years = Set(keys.map(\.year)).sorted()
        case .population(let figures):
            let keys = figures.values.keys.filter { year == nil || $0.year == year }
            areas = Set(keys.map(\.area))
            functions = []
            years = Set(keys.map(\.year)).sorted()
        }
        return Coverage(municipalities: municipalities.filter { areas.contains($0.code) }, of: municipalities.count,
                        functions: functions.sorted(), years: years)
    }

    /// Keeps a REGK31, BUDK32 or FOLK1A file; `path` is where it was read from, for provenance.
    public func importFile(_ bytes: [UInt8], name: String, path: String) throws(IntakeError) -> Imported {
        let content: StatbankContent
        do {
            content = try read(bytes, name: name, table: nil)
        } catch {
            throw .file(error)
        }
        let table: StatbankTable
        let entries: [LocalStore.Entry]
        switch content {
        case .accounts(let figures):
            let kind: DatasetID.Kind = figures.table == .budk32 ? .budget : .accounts
            table = figures.table
            entries = figures.years.map { .accounts(DatasetID(kind: kind, year: $0)) }
        case .population(let figures):
            table = .folk1a
            entries = figures.years.map { .population(year: $0) }
        }
        let coverage = coverage(of: content)
        guard !coverage.municipalities.isEmpty else {
            throw .file(StatbankFormatError(file: name, line: nil, reason: "it covers none of the \(coverage.of) "
                + "municipalities (only the whole country, regions or municipality groups); the local store is unchanged"))
        }
        let narrowed = entries.compactMap { entry in narrowing(entry, by: content) }
        let file = IncomingFile(table: table, bytes: bytes, origin: Self.importedFrom + path, query: nil)
        do {
            // A file of several years goes into each year's entry, all of them or none.
            try save(entries.map { ($0, [file]) }, content: content)
        } catch {
            throw .store(error)
        }
        let ready = datasets
        let waiting = entries.compactMap { entry -> DatasetID? in
            if case .accounts(let id) = entry, !ready.contains(id) { return id }
            return nil
        }
        let completed = ready.filter { id in
            entries.contains { entry in
                switch entry {
                case .accounts(let stored): stored == id
                case .population(let year): year == id.year
                }
            }
        }
        return Imported(table: table, entries: entries, waiting: waiting,
                        checks: completed.compactMap { id in (try? reconcile(id)).map { (id, $0) } },
                        coverage: coverage, narrowed: narrowed)
    }

    /// What a stored entry covered, when `content` would replace it with fewer municipalities or
    /// functions of the entry's year; nil when it is absent, cannot be read, or covers no more.
    private func narrowing(_ entry: LocalStore.Entry, by content: StatbankContent) -> Replacement? {
        guard let stored = try? store.files(entry) else { return nil }
        let year = switch entry {
        case .accounts(let id): id.year
        case .population(let year): year
        }
        var figures = (accounts: AccountsFigures(table: .regk31), population: PopulationFigures())
        for (file, bytes) in stored {
            guard let read = try? read(bytes, name: file.path, table: StatbankTable(rawValue: file.table)) else { return nil }
            merge(read, into: &figures)
        }
        let old = coverage(of: content.isAccounts ? .accounts(figures.accounts) : .population(figures.population), year: year)
        let new = coverage(of: content, year: year)
        guard new.municipalities.count < old.municipalities.count || new.functions.count < old.functions.count else {
            return nil
        }
        return Replacement(entry: entry, municipalities: old.municipalities.count, functions: old.functions.count)
    }

    /// The reconciliation of a stored dataset, from its files as kept.
    public func reconcile(_ id: DatasetID) throws(StoreError) -> [Reconciliation.Check] {
        let stored = try figures(id)
        return Reconciliation.run(id, accounts: stored.accounts, population: stored.population)
    }

    /// `check R2023`: the reconciliation of a stored dataset as a result set, with its provenance.
    public func checkReport(_ id: DatasetID) throws(StoreError) -> ResultSet {
        let stored = try figures(id)
        let checks = Reconciliation.run(id, accounts: stored.accounts, population: stored.population)
        var provenance = provenance(id, table: stored.accounts.table, files: stored.files)
        provenance.definition = "reconciliation of the stored answers, before any computation"
        return ResultSet(
            title: "Checks of \(id) in the local store",
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
            notes: (checks.isEmpty ? ["The stored answers hold nothing to reconcile (no national rows, no INDL)."] : [])
                + [Self.absenceNote(stored.accounts.netOperating(year: id.year, municipalities: municipalities.map(\.code)))],
            provenance: provenance)
    }

    /// How many combinations of municipality × function had no row and were read as 0 kr.
    static func absenceNote(_ figures: NetOperating) -> String {
        let combinations = figures.coveredMunicipalities * figures.net.count
        let absent = figures.absent == 1 ? "1 had" : "\(figures.absent) had"
        return "Of \(combinations) combinations of municipality × function (art TOT, dranst 1), \(absent) no row "
            + "and \(figures.absent == 1 ? "was" : "were") read as 0 kr.: Statistics Denmark leaves out the "
            + "combinations it has no figure stored for (only .. is a missing figure)."
    }

    /// How an imported file's origin begins in the manifest; provenance reads it back.
    static let importedFrom = "imported from "

    func read(_ bytes: [UInt8], name: String, table: StatbankTable?) throws(StatbankFormatError) -> StatbankContent {
        try StatbankReader.read(bytes, name: name, table: table, municipalities: areaCodes, keeping: .method)
    }

    /// Adds what one file held; the first file's figures are taken as they are (a full year holds
    /// hundreds of thousands: merging them into an empty dictionary would copy each).
    func merge(_ content: StatbankContent, into figures: inout (accounts: AccountsFigures, population: PopulationFigures)) {
        switch content {
        case .accounts(let read) where figures.accounts.values.isEmpty: figures.accounts.values = read.values
        case .accounts(let read): figures.accounts.values.merge(read.values) { $1 }
        case .population(let read) where figures.population.values.isEmpty: figures.population.values = read.values
        case .population(let read): figures.population.values.merge(read.values) { $1 }
        }
    }
}
