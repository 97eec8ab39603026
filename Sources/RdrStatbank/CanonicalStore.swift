import CSQLite
import Foundation
import RdrEngine

/// The method's figures of one accounts (or budget) entry: net operating spending in whole kroner.
public struct NetSpending: Sendable, Equatable {
    /// The areas the answer covers, ascending: 0 (the whole country) when it holds it, and the
    /// municipalities with any row.
    public var areas: [Int]
    /// Function → kroner per area, in the order of `areas` (dranst 1, PRISENHED LOBM, art TOT −
    /// art S0); nil = no figure (a TOT or S0 of ".."), 0 where the answer has no row, as
    /// `AccountsFigures.netOperating` reads an absent row.
    public var kroner: [FunctionCode: [Int?]]

    public init(areas: [Int], kroner: [FunctionCode: [Int?]]) {
        self.areas = areas
        self.kroner = kroner
    }
}

/// What figures.sqlite keeps of one entry of the store.
public enum CanonicalFigures: Sendable, Equatable {
    case spending(NetSpending)
    /// The population on 1 January of the entry's year, every area the answer holds (the country
    /// 0 and Christiansø 411 too), by single age and all ages (age nil).
    case population(PopulationFigures)
}

/// The method's figures of entries being saved, for figures.sqlite.
public struct CanonicalEntries: Sendable {
    /// The rules they were built by (see `LocalCollection.builtWith`): a load by other rules rebuilds them.
    public let builtWith: String
    public let figures: [LocalStore.Entry: CanonicalFigures]

    public init(builtWith: String, figures: [LocalStore.Entry: CanonicalFigures]) {
        self.builtWith = builtWith
        self.figures = figures
    }
}

/// What a canonical entry is built from: the raw files' SHA-256 as the manifest lists them, and
/// how the files were on disk (size, modification time, inode), so that a file changed since (a
/// damaged one, one replaced by hand) is read and checked against its digest again, while a
/// load of an unchanged entry reads no raw file at all.
struct RawFiles: Equatable {
    /// The SHA-256s, in the manifest's order, separated by spaces.
    let sources: String
    /// "size:seconds.nanoseconds:inode" of each file, separated by spaces; "missing" for one not there.
    let seen: String

    init(_ files: [StoredFile], root: String) {
        sources = files.map(\.sha256).joined(separator: " ")
        seen = files.map { file in
            var status = stat()
            guard stat(root + "/" + file.path, &status) == 0 else { return "missing" }
            return "\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ino)"
        }.joined(separator: " ")
    }
}

/// Why figures.sqlite could not be used. `damaged` is said to the user (and the file made anew),
/// `unavailable` once in a process; with either, and with `failed`, loads read the raw answers,
/// as before the database existed.
enum CanonicalError: Error, Equatable {
    /// libsqlite3 could not be loaded: the reason.
    case unavailable(String)
    /// The file is no database, or one SQLite finds malformed, or its rows do not add up.
    case damaged(String)
    /// Anything else (a read-only folder, a full disk, another process holding it too long).
    case failed(String)
}

/// figures.sqlite at the root of the local store: beside the raw answers (kept as received, for
/// provenance), the method's figures of each entry, so that loading a full year reads some fifty
/// thousand rows of integers instead of parsing a 30 MB answer. An analyst can open it with sqlite3:
///
///     entries(entry, sources, files_seen, built_with, rows)
///         entry       'accounts/R2023', 'population/2023': the store's folder of the entry
///         sources     the SHA-256 of the raw files it was built from, in the manifest's order,
///                     separated by spaces: an entry whose manifest lists others is stale
///         files_seen  each raw file's size, modification time and inode then: a file changed
///                     since is read and checked again
///         built_with  the rules it was built by (format, municipalities): others are stale too
///         rows        how many rows of spending or population it has
///     spending(dataset, function, area, kroner)
///         dataset     'R2023' (REGK31 accounts) or 'B2023' (BUDK32 budget)
///         function    '5.38.50'
///         area        a municipality's code; 0 = the whole country ("Hele landet")
///         kroner      net operating spending (dranst 1, art TOT − art S0), whole kroner, current
///                     prices; NULL = Statistics Denmark's ".." (no figure)
///     population(year, area, age, persons)
///         year        the population on 1 January of it (FOLK1A, quarter 1)
///         area        a municipality's code; 0 = the whole country; 411 = Christiansø
///         age         0 … 125 (the last the open band); NULL = all ages (IALT)
///         persons     inhabitants
///
/// Written inside the store's lock when a fetch or import commits, in one SQLite transaction, so
/// two rdr processes lose nothing; an entry found missing or stale is rebuilt from its raw files.
struct CanonicalStore {
    static let fileName = "figures.sqlite"
    /// Part of every entry's `built_with`: raised when what is kept, or how, changes.
    static let format = 1

    private let database: SQLiteDatabase

    private static let schema = """
        CREATE TABLE IF NOT EXISTS entries (
            entry TEXT PRIMARY KEY, sources TEXT NOT NULL, files_seen TEXT NOT NULL, built_with TEXT NOT NULL,
            rows INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS spending (
            dataset TEXT NOT NULL, function TEXT NOT NULL, area INTEGER NOT NULL, kroner INTEGER,
            PRIMARY KEY (dataset, function, area)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS population (
            year INTEGER NOT NULL, area INTEGER NOT NULL, age INTEGER, persons INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS population_by_year ON population (year, area, age, persons);
        """

    /// Opens the database of the store at `root`, creating its file and tables when they are not there.
    init(root: String) throws(CanonicalError) {
        database = try SQLiteDatabase(path: root + "/" + Self.fileName)
        try database.execute(Self.schema)
    }

    /// Removes the database's file and SQLite's journal beside it: for a damaged one, under the
    /// store's lock, so that it is made anew.
    static func remove(root: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            unlink(root + "/" + fileName + suffix)
        }
    }

    // MARK: Reading

    /// Runs `body` in one read transaction: what it reads is of one moment, whatever another
    /// process writes meanwhile.
    func reading(_ body: () throws(CanonicalError) -> Void) throws(CanonicalError) {
        try database.transaction(immediate: false, body)
    }

    /// The figures kept of `entry`, when they were built from exactly these raw files by these
    /// rules; nil when there are none or they are stale.
    func figures(_ entry: LocalStore.Entry, from files: RawFiles, builtWith: String) throws(CanonicalError)
        -> CanonicalFigures?
    {
        let look = try database.prepare("SELECT sources, files_seen, built_with, rows FROM entries WHERE entry = ?")
        try look.bind(entry.folder, at: 1)
        guard try look.step() else { return nil }
        guard look.text(0) == files.sources, look.text(1) == files.seen, look.text(2) == builtWith else { return nil }
        let expected = look.int(3) ?? -1
        let (figures, rows) = switch entry {
        case .accounts(let id): try spending(id)
        case .population(let year): try population(year, expected: expected)
        }
        guard rows == expected else {
            throw .damaged("\(entry) has \(rows) rows, not the \(expected) it was written with")
        }
        return figures
    }

    private func spending(_ id: DatasetID) throws(CanonicalError) -> (CanonicalFigures, Int) {
        // In the primary key's order: each function's rows come together, its areas ascending.
        let rows = try database.prepare("SELECT function, area, kroner FROM spending WHERE dataset = ? ORDER BY function, area")
        try rows.bind(id.description, at: 1)
        var kroner: [FunctionCode: [Int?]] = [:]
        var areas: [Int] = [], first = true
        var count = 0
        var function: FunctionCode?, name: [UInt8] = [], column: [Int?] = []
        let close = { () throws(CanonicalError) in
            guard let function else { return }
            if first { first = false } else if column.count != areas.count {
                throw .damaged("the spending on \(function) is not for the areas of the others")
            }
            kroner[function] = column
        }
        while try rows.step() {
            count += 1
            if !rows.textEquals(0, name) {
                try close()
                name = rows.bytes(0)
                guard let code = FunctionCode(utf8: name) else {
                    throw .damaged("'\(String(decoding: name, as: UTF8.self))' in spending is no function code")
                }
                function = code
                column = []
                column.reserveCapacity(areas.count)
            }
            let area = rows.integer(1)
            if first {
                areas.append(area)
            } else if column.count >= areas.count || areas[column.count] != area {
                throw .damaged("the spending on \(function.map(String.init(describing:)) ?? "?") is not for the areas of the others")
            }
            column.append(rows.int(2))
        }
        try close()
        return (.spending(NetSpending(areas: areas, kroner: kroner)), count)
    }

    /// `expected`: how many rows there should be, to make room for them at once.
    private func population(_ year: Int, expected: Int) throws(CanonicalError) -> (CanonicalFigures, Int) {
        let rows = try database.prepare("SELECT area, age, persons FROM population WHERE year = ?")
        try rows.bind(year, at: 1)
        var values: [PopulationKey: Int] = [:]
        values.reserveCapacity(min(max(expected, 0), 1_000_000))
        var count = 0
        while try rows.step() {
            count += 1
            values[PopulationKey(year: year, area: rows.integer(0), age: rows.int(1))] = rows.integer(2)
        }
        return (.population(PopulationFigures(values: values)), count)
    }

    // MARK: Writing

    /// Replaces what is kept of these entries, all in one transaction: `figures` with the raw
    /// files they were built from; an entry without figures is removed.
    func replace(_ entries: [(entry: LocalStore.Entry, figures: CanonicalFigures?, files: RawFiles)],
                 builtWith: String) throws(CanonicalError) {
        try database.transaction(immediate: true) { () throws(CanonicalError) in
            let insertSpending = try database.prepare("INSERT INTO spending (dataset, function, area, kroner) VALUES (?, ?, ?, ?)")
            let insertPopulation = try database.prepare("INSERT INTO population (year, area, age, persons) VALUES (?, ?, ?, ?)")
            let insertEntry = try database.prepare(
                "INSERT INTO entries (entry, sources, files_seen, built_with, rows) VALUES (?, ?, ?, ?, ?)")
            for (entry, figures, files) in entries {
                try remove(entry)
                guard let figures else { continue }
                var rows = 0
                switch (entry, figures) {
                case (.accounts(let id), .spending(let spending)):
                    // A parameter keeps its value from one row to the next until bound anew.
                    try insertSpending.bind(.text(id.description), at: 1)
                    for function in spending.kroner.keys.sorted() {
                        try insertSpending.bind(.text(function.description), at: 2)
                        for (area, kroner) in zip(spending.areas, spending.kroner[function, default: []]) {
                            try insertSpending.bind(.integer(area), at: 3)
                            try insertSpending.bind(kroner.map { .integer($0) } ?? .null, at: 4)
                            try insertSpending.run()
                            rows += 1
                        }
                    }
                case (.population(let year), .population(let population)):
                    try insertPopulation.bind(.integer(year), at: 1)
                    for (key, persons) in population.values where key.year == year {
                        try insertPopulation.bind(.integer(key.area), at: 2)
                        try insertPopulation.bind(key.age.map { .integer($0) } ?? .null, at: 3)
                        try insertPopulation.bind(.integer(persons), at: 4)
                        try insertPopulation.run()
                        rows += 1
                    }
                default:
                    throw .failed("\(entry) cannot keep figures of another kind")
                }
                try insertEntry.run(.text(entry.folder), .text(files.sources), .text(files.seen), .text(builtWith), .integer(rows))
            }
        }
    }

    /// Removes what is kept of an entry (inside a transaction of the caller's, or on its own).
    func remove(_ entry: LocalStore.Entry) throws(CanonicalError) {
        let figures = switch entry {
        case .accounts: try database.prepare("DELETE FROM spending WHERE dataset = ?")
        case .population: try database.prepare("DELETE FROM population WHERE year = ?")
        }
        switch entry {
        case .accounts(let id): try figures.run(.text(id.description))
        case .population(let year): try figures.run(.integer(year))
        }
        try database.prepare("DELETE FROM entries WHERE entry = ?").run(.text(entry.folder))
    }
}

// MARK: - SQLite

/// One connection to a database file, closed when released. Statements bind their values as
/// parameters: no value is ever written into SQL text.
final class SQLiteDatabase {
    private let handle: OpaquePointer

    /// What a failure of libsqlite3 could not be loaded said, or nil once it is: looked up once.
    private static let unavailable: String? = {
        var error = [CChar](repeating: 0, count: 256)
        guard csqlite_load(&error, error.count) != 1 else { return nil }
        return String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    init(path: String) throws(CanonicalError) {
        if let reason = Self.unavailable { throw .unavailable(reason) }
        var handle: OpaquePointer?
        let code = csqlite_open(path, &handle)
        guard code == CSQLITE_OK, let handle else {
            let reason = handle.map { String(cString: csqlite_errmsg($0)) } ?? "SQLite could not open it"
            if let handle { csqlite_close(handle) }
            throw Self.error(code, reason)
        }
        self.handle = handle
        // Another rdr writing (a few hundred milliseconds at most, an import's whole year): wait for it.
        csqlite_busy_timeout(handle, 10_000)
    }

    deinit {
        csqlite_close(handle)
    }

    func execute(_ sql: String) throws(CanonicalError) {
        try check(csqlite_exec(handle, sql))
    }

    func prepare(_ sql: String) throws(CanonicalError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = csqlite_prepare(handle, sql, &statement)
        // rdr's statements are fixed and right: one SQLite cannot prepare meets tables of another
        // shape (an older rdr's, or changed by hand), which are to be made anew like damaged ones.
        if code & 0xFF == CSQLITE_ERROR {
            throw .damaged("its tables are not the ones this rdr makes: \(String(cString: csqlite_errmsg(handle)))")
        }
        try check(code)
        guard let statement else { throw .failed("SQLite prepared no statement for \(sql)") }
        return SQLiteStatement(statement, database: self)
    }

    /// Runs `body` in a transaction, rolled back when `body` throws. `immediate`: a write
    /// transaction, taken at once (BEGIN IMMEDIATE) so that two writers queue rather than fail.
    func transaction(immediate: Bool, _ body: () throws(CanonicalError) -> Void) throws(CanonicalError) {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do throws(CanonicalError) {
            try body()
            try execute("COMMIT")
        } catch {
            csqlite_exec(handle, "ROLLBACK")
            throw error
        }
    }

    /// Throws for a result code other than OK, ROW and DONE, in SQLite's words.
    func check(_ code: Int32) throws(CanonicalError) {
        guard code != CSQLITE_OK, code != CSQLITE_ROW, code != CSQLITE_DONE else { return }
        throw Self.error(code, String(cString: csqlite_errmsg(handle)))
    }

    private static func error(_ code: Int32, _ reason: String) -> CanonicalError {
        // Extended codes keep the primary one in the low byte.
        switch code & 0xFF {
        case CSQLITE_CORRUPT, CSQLITE_NOTADB: .damaged(reason)
        default: .failed(reason)
        }
    }
}

/// A prepared statement of a `SQLiteDatabase`, finalized when released.
final class SQLiteStatement {
    enum Value {
        case integer(Int)
        case text(String)
        case null
    }

    private let statement: OpaquePointer
    /// Kept so that the connection outlives its statements.
    private let database: SQLiteDatabase

    fileprivate init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit {
        csqlite_finalize(statement)
    }

    /// Sets parameter `index` (from 1) for the runs and steps that follow.
    func bind(_ value: Value, at index: Int32) throws(CanonicalError) {
        switch value {
        case .integer(let number): try database.check(csqlite_bind_int64(statement, index, Int64(number)))
        case .text(let text): try database.check(csqlite_bind_text(statement, index, text))
        case .null: try database.check(csqlite_bind_null(statement, index))
        }
    }

    func bind(_ value: Int, at index: Int32) throws(CanonicalError) {
        try bind(.integer(value), at: index)
    }

    func bind(_ value: String, at index: Int32) throws(CanonicalError) {
        try bind(.text(value), at: index)
    }

    /// Runs a statement that returns no rows, its first parameters set to `values` (any others
    /// as bound before), and makes it ready to run again.
    func run(_ values: Value...) throws(CanonicalError) {
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
        let code = csqlite_step(statement)
        csqlite_reset(statement)
        try database.check(code)
    }

    /// The next row: true when there is one, false at the end.
    func step() throws(CanonicalError) -> Bool {
        let code = csqlite_step(statement)
        try database.check(code)
        return code == CSQLITE_ROW
    }

    /// A column of the current row; nil for NULL.
    func int(_ column: Int32) -> Int? {
        csqlite_column_type(statement, column) == CSQLITE_NULL_TYPE ? nil : Int(csqlite_column_int64(statement, column))
    }

    /// A column declared NOT NULL (SQLite gives 0 for a NULL all the same).
    func integer(_ column: Int32) -> Int {
        Int(csqlite_column_int64(statement, column))
    }

    func text(_ column: Int32) -> String? {
        csqlite_column_text(statement, column).map { String(cString: $0) }
    }

    func bytes(_ column: Int32) -> [UInt8] {
        Array(buffer(column))
    }

    /// Whether a text column of the current row is these bytes, without copying it.
    func textEquals(_ column: Int32, _ bytes: [UInt8]) -> Bool {
        let text = buffer(column)
        guard text.count == bytes.count else { return false }
        guard let start = text.baseAddress, !bytes.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, start, text.count) == 0 }
    }

    /// A text column's bytes, valid until the next step; empty for NULL.
    private func buffer(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = csqlite_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(csqlite_column_bytes(statement, column)))
    }
}
