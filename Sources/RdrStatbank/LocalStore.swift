import Foundation
import RdrData
import RdrEngine
import Synchronization

/// Whether this process has said that figures.sqlite cannot be used for want of libsqlite3.
private let saidUnavailable = Atomic<Bool>(false)

/// Why the local store could not do what was asked. One line each.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case incomplete(dataset: String, missing: String)
    case notStored(String)
    case io(path: String, reason: String)
    /// A file given to keep (`file`: where it came from) could not be written into `entry`.
    case notKept(entry: String, file: String, reason: String)
    case damaged(file: String, reason: String)
    case format(StatbankFormatError)

    public var description: String {
        switch self {
        case let .incomplete(dataset, missing): "\(dataset) cannot be built: no \(missing)"
        case let .notStored(what): what
        case let .io(path, reason): "cannot use '\(path)': \(reason)"
        case let .notKept(entry, file, reason):
            "cannot keep \(file) as \(entry) in the local store: \(reason); the local store is unchanged"
        case let .damaged(file, reason): "\(file) is damaged: \(reason); forget the dataset and fetch it again"
        case let .format(error): error.description
        }
    }
}

/// One file kept in the store, with what is needed to trace it to its origin.
public struct StoredFile: Codable, Sendable, Equatable {
    public let table: String
    /// Relative to the store's root.
    public let path: String
    /// "POST https://api.statbank.dk/v1/data" or "imported from /home/…/regk31.csv".
    public let origin: String
    /// The request body sent, for answers from the API.
    public let query: String?
    /// ISO 8601, UTC.
    public let received: String
    public let bytes: Int
    public let sha256: String

    public init(table: String, path: String, origin: String, query: String?, received: String, bytes: Int, sha256: String) {
        self.table = table
        self.path = path
        self.origin = origin
        self.query = query
        self.received = received
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// The files that make up one entry of the store: a dataset's accounts, or a year's population.
public struct Manifest: Codable, Sendable, Equatable {
    public let entry: String
    public let files: [StoredFile]
}

/// A file to keep: its bytes and where they came from.
public struct IncomingFile: Sendable {
    public let table: StatbankTable
    public let bytes: [UInt8]
    public let origin: String
    public let query: String?

    public init(table: StatbankTable, bytes: [UInt8], origin: String, query: String?) {
        self.table = table
        self.bytes = bytes
        self.origin = origin
        self.query = query
    }
}

/// The local copy of Statistics Denmark's tables, under `$XDG_DATA_HOME/rdr` (or `--data-dir`):
///
///     accounts/R2023/manifest.json, regk31-1.csv …   a dataset's REGK31 / BUDK32 answers
///     population/2023/manifest.json, folk1a-1.csv    FOLK1A on 1 January 2023
///
/// Every change is made in a hidden folder beside the entry and committed through a journal at the
/// root (`save`), so a fetch or import that fails, or is killed at any point, leaves the store
/// either as it was or wholly changed; the next use of the store finishes or clears what a killed
/// save left (`recover`).
///
/// Beside the raw answers, figures.sqlite holds the method's figures of each entry (see
/// `CanonicalStore`), written when a save commits and read by `canonicalFigures`.
public struct LocalStore: Sendable {
    public let root: String
    /// Where the store says what it did on its own: that figures.sqlite was damaged and is being
    /// rebuilt from the raw answers. Standard error unless the caller has a better place.
    public let notice: @Sendable (String) -> Void

    public init(root: String, notice: @escaping @Sendable (String) -> Void = LocalStore.standardError) {
        self.root = root
        self.notice = notice
    }

    /// "rdr: …" on standard error.
    public static let standardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("rdr: \(message)\n".utf8))
    }

    /// `$XDG_DATA_HOME/rdr`, or `~/.local/share/rdr`; `home` is the home folder of the user's
    /// passwd entry, for when HOME is not set. Relative values are ignored, as the XDG Base
    /// Directory specification says. Nil when there is no home folder: the store needs `--data-dir`.
    public static func defaultRoot(environment: [String: String],
                                   home: @autoclosure () -> String? = HomeFolder.passwdEntry()) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/rdr" }
        return HomeFolder.path(in: environment, passwd: home()).map { $0 + "/.local/share/rdr" }
    }

    public enum Entry: Sendable, Hashable, CustomStringConvertible {
        case accounts(DatasetID)
        case population(year: Int)

        /// "R2023", "the population on 1 January 2023".
        public var description: String {
            switch self {
            case .accounts(let id): id.description
            case .population(let year): "the population on 1 January \(year)"
            }
        }

        var folder: String {
            switch self {
            case .accounts(let id): "accounts/\(id)"
            case .population(let year): "population/\(year)"
            }
        }
    }

    // MARK: Reading

    public var datasets: [DatasetID] {
        entries(in: "accounts").compactMap(DatasetID.init).sorted { ($0.kind.rawValue, $0.year) > ($1.kind.rawValue, $1.year) }
    }

    public var populationYears: [Int] {
        entries(in: "population").compactMap(Int.init).sorted()
    }

    /// What the store holds of an entry.
    public enum EntryState: Sendable, Equatable {
        case absent
        case stored(Manifest)
        /// The entry is there but cannot be used: the reason, in a few words.
        case damaged(String)
    }

    /// Whether an entry is there, and its manifest if it can be read (a truncated or unreadable
    /// manifest is damage, not absence).
    public func state(_ entry: Entry) -> EntryState {
        recover()
        let file = path(entry.folder + "/manifest.json")
        guard FileManager.default.fileExists(atPath: file) else {
            return FileManager.default.fileExists(atPath: path(entry.folder)) ? .damaged("its manifest.json is missing")
                : .absent
        }
        guard let data = FileManager.default.contents(atPath: file) else { return .damaged("its manifest.json is unreadable") }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
            return .damaged("its manifest.json is cut short or not a manifest")
        }
        return .stored(manifest)
    }

    public func manifest(_ entry: Entry) -> Manifest? {
        if case .stored(let manifest) = state(entry) { return manifest }
        return nil
    }

    /// Why an entry cannot be used, from a quick look (the manifest, and each file's presence and
    /// size; the SHA-256 is checked when the files are read); nil when it looks whole or is absent.
    public func damage(_ entry: Entry) -> String? {
        switch state(entry) {
        case .absent: return nil
        case .damaged(let reason): return reason
        case .stored(let manifest):
            for file in manifest.files {
                let size = (try? FileManager.default.attributesOfItem(atPath: path(file.path)))?[.size] as? Int
                guard let size else { return "\((file.path as NSString).lastPathComponent) is missing" }
                guard size == file.bytes else { return "\((file.path as NSString).lastPathComponent) has the wrong size" }
            }
            return nil
        }
    }

    /// The entry's files, each checked against the digest it was stored with.
    public func files(_ entry: Entry) throws(StoreError) -> [(StoredFile, [UInt8])] {
        let manifest: Manifest
        switch state(entry) {
        case .absent: throw .notStored("\(entry.folder) is not in the store")
        case .damaged(let reason): throw .damaged(file: path(entry.folder), reason: reason)
        case .stored(let stored): manifest = stored
        }
        var result: [(StoredFile, [UInt8])] = []
        for file in manifest.files {
            guard let data = FileManager.default.contents(atPath: path(file.path)) else {
                throw .damaged(file: path(file.path), reason: "the file is missing")
            }
            let bytes = [UInt8](data)
            guard bytes.count == file.bytes, SHA256.hex(bytes) == file.sha256 else {
                throw .damaged(file: path(file.path), reason: "its size or SHA-256 differs from the manifest")
            }
            result.append((file, bytes))
        }
        return result
    }

    // MARK: Writing

    /// Replaces an entry with these files, whole or not at all.
    public func save(_ entry: Entry, files incoming: [IncomingFile], received: Date = Date()) throws(StoreError) {
        try save([(entry, incoming)], received: received)
    }

    /// Replaces several entries together (a dataset's accounts and its population, the years of
    /// one file), whole or not at all, even when the process is killed at any point:
    ///
    /// 1. every entry is written to a hidden staging folder beside it (`.incoming-…`);
    /// 2. a journal naming each move (`.commit`, written to a temporary file and renamed: the
    ///    commit point) is put at the root;
    /// 3. each old entry is moved aside (`.previous-…`) and its staging folder moved into place;
    /// 4. the journal is removed, then the old entries.
    ///
    /// Killed before 2, the store is as it was and the staging folders are leftovers; killed after,
    /// the next use of the store finishes the moves from the journal (`recover`). A move that fails
    /// is undone, with the ones before it. Saves hold an exclusive lock on the store's folder.
    ///
    /// `canonical`: the method's figures of the entries, for figures.sqlite, written after the
    /// moves under the same lock; an entry without is removed from it (its next load rebuilds it).
    public func save(_ entries: [(Entry, [IncomingFile])], canonical: CanonicalEntries? = nil,
                     received: Date = Date()) throws(StoreError) {
        var operations = Operations()
        try save(entries, canonical: canonical, received: received, operations: &operations)
    }

    /// `save`, with every change to the file system counted by `operations`, which can stop the
    /// save at any one of them as a kill would (for tests).
    func save(_ entries: [(Entry, [IncomingFile])], canonical: CanonicalEntries? = nil, received: Date,
              operations: inout Operations) throws(StoreError) {
        try createRoot()
        let lock = try StoreLock(root: root, wait: true)
        defer { lock.release() }
        try recoverLocked(&operations)
        // Folders such as population/ that this save creates go again if it fails.
        let parents = Set(entries.map { (path($0.0.folder) as NSString).deletingLastPathComponent })
        let newParents = parents.filter { !FileManager.default.fileExists(atPath: $0) }
        let removeNewParents = {
            for folder in newParents where (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        var moves: [Journal.Move] = []
        var stored: [[StoredFile]] = []
        do throws(StoreError) {
            for (entry, files) in entries {
                let (staging, manifest) = try stage(entry, files, received: received, operations: &operations)
                stored.append(manifest)
                let parent = (entry.folder as NSString).deletingLastPathComponent
                moves.append(Journal.Move(target: entry.folder, staging: staging,
                                          aside: parent + "/" + Self.asidePrefix + UUID().uuidString))
            }
            try writeJournal(Journal(moves: moves), operations: &operations)
        } catch {
            if !operations.killed {
                for move in moves { try? FileManager.default.removeItem(atPath: path(move.staging)) }
                removeNewParents()
            }
            throw error
        }
        do throws(StoreError) {
            for move in moves { try apply(move, operations: &operations) }
        } catch {
            if !operations.killed { rollBack(moves) }
            throw error
        }
        try finish(Journal(moves: moves), operations: &operations)
        guard canonical != nil || FileManager.default.fileExists(atPath: path(CanonicalStore.fileName)) else { return }
        writeCanonical(zip(entries, stored).map { ($0.0.0, canonical?.figures[$0.0.0], RawFiles($0.1, root: root)) },
                       builtWith: canonical?.builtWith ?? "")
    }

    /// The steps of `save` in order, by kind, for tests that stop it at each.
    struct Operations {
        /// Stop (as if killed) before the operation of this number (0-based); nil runs to the end.
        var killBefore: Int?
        /// Fail the operation of this number as the system would with this errno (not a kill).
        var failing: (step: Int, errno: Int32)?
        private(set) var count = 0
        private(set) var killed = false

        init(killBefore: Int? = nil, failing: (step: Int, errno: Int32)? = nil) {
            self.killBefore = killBefore
            self.failing = failing
        }

        /// Runs one change to the file system, or throws as a kill would have stopped it.
        mutating func run(_ what: String, _ change: () throws(StoreError) -> Void) throws(StoreError) {
            if let killBefore, count >= killBefore {
                killed = true
                throw .io(path: what, reason: "killed (simulated) before this step")
            }
            if let failing, failing.step == count {
                count += 1
                throw .io(path: what, reason: String(cString: strerror(failing.errno)))
            }
            count += 1
            try change()
        }
    }

    /// What a save is about to move, kept at the root until every move is made.
    struct Journal: Codable, Equatable {
        struct Move: Codable, Equatable {
            /// Paths relative to the root.
            var target: String
            var staging: String
            var aside: String
        }

        var moves: [Move]
    }

    static let journalName = ".commit"
    static let stagingPrefix = ".incoming-"
    static let asidePrefix = ".previous-"
    static let temporaryPrefix = ".commit.tmp-"

    /// Writes an entry's files and manifest into a new hidden folder beside where it belongs;
    /// returns its path relative to the root, and the files as the manifest lists them.
    private func stage(_ entry: Entry, _ incoming: [IncomingFile], received: Date, operations: inout Operations)
        throws(StoreError) -> (String, [StoredFile])
    {
        let parent = (entry.folder as NSString).deletingLastPathComponent
        let staging = parent + "/" + Self.stagingPrefix + UUID().uuidString
        try operations.run(staging) { () throws(StoreError) in
            try? FileManager.default.createDirectory(atPath: path(parent), withIntermediateDirectories: true)
            guard mkdir(path(staging), 0o755) == 0 else {
                throw .io(path: path(parent), reason: "cannot create a folder there (\(String(cString: strerror(errno))))")
            }
        }
        var stored: [StoredFile] = []
        var counters: [StatbankTable: Int] = [:]
        // What is being written, for a message naming what the user gave rather than the staging path.
        var writing = incoming.first.map(Self.given) ?? "the manifest"
        do throws(StoreError) {
            for file in incoming {
                writing = Self.given(file)
                counters[file.table, default: 0] += 1
                let name = "\(file.table.rawValue.lowercased())-\(counters[file.table, default: 1]).csv"
                try operations.run(staging + "/" + name) { () throws(StoreError) in
                    try Self.write(file.bytes, to: path(staging + "/" + name))
                }
                stored.append(StoredFile(
                    table: file.table.rawValue, path: entry.folder + "/" + name, origin: file.origin, query: file.query,
                    received: Self.timestamp(received), bytes: file.bytes.count, sha256: SHA256.hex(file.bytes)))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let manifest = try? encoder.encode(Manifest(entry: entry.folder, files: stored))
            try operations.run(staging + "/manifest.json") { () throws(StoreError) in
                try Self.write([UInt8](manifest ?? Data()), to: path(staging + "/manifest.json"))
            }
        } catch {
            guard !operations.killed, case .io(_, let reason) = error else { throw error }
            try? FileManager.default.removeItem(atPath: path(staging))
            throw .notKept(entry: entry.description, file: writing, reason: reason)
        }
        return (staging, stored)
    }

    /// A file to keep as the user knows it: the file imported, or the table's answer.
    private static func given(_ file: IncomingFile) -> String {
        file.origin.hasPrefix(LocalCollection.importedFrom) ? String(file.origin.dropFirst(LocalCollection.importedFrom.count))
            : "the \(file.table.rawValue) answer"
    }

    /// The commit point: the journal, written whole to a temporary file and renamed into place.
    private func writeJournal(_ journal: Journal, operations: inout Operations) throws(StoreError) {
        let temporary = Self.temporaryPrefix + UUID().uuidString
        let bytes = (try? JSONEncoder().encode(journal)).map { [UInt8]($0) } ?? []
        try operations.run(temporary) { () throws(StoreError) in
            do throws(StoreError) {
                try Self.write(bytes, to: path(temporary))
            } catch {
                try? FileManager.default.removeItem(atPath: path(temporary))
                guard case .io(_, let reason) = error else { throw error }
                throw .io(path: root, reason: "cannot commit the new files (\(reason))")
            }
        }
        try operations.run(Self.journalName) { () throws(StoreError) in
            try rename(temporary, to: Self.journalName, what: "cannot commit the new files")
        }
    }

    /// One move of the journal, from wherever a kill left it: the old entry aside (if it is still
    /// in place), the staging folder in. Done already when the staging folder is gone.
    private func apply(_ move: Journal.Move, operations: inout Operations) throws(StoreError) {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: path(move.staging)) else { return }
        if fileManager.fileExists(atPath: path(move.target)) {
            try operations.run(move.aside) { () throws(StoreError) in
                try rename(move.target, to: move.aside, what: "cannot move the old entry aside")
            }
        }
        try operations.run(move.target) { () throws(StoreError) in
            try rename(move.staging, to: move.target, what: "cannot move the new files into place")
        }
    }

    /// After the moves: the journal goes, then the old entries. The save is done whatever fails
    /// here: what is left, the next use of the store removes.
    private func finish(_ journal: Journal, operations: inout Operations) throws(StoreError) {
        try operations.run(Self.journalName) { try? FileManager.default.removeItem(atPath: path(Self.journalName)) }
        for move in journal.moves where FileManager.default.fileExists(atPath: path(move.aside)) {
            try operations.run(move.aside) { () throws(StoreError) in
                try? FileManager.default.removeItem(atPath: path(move.aside))
            }
        }
    }

    /// Takes moves back after one failed (not after a kill: then the journal finishes them): each
    /// new entry back out to its staging folder, the old one back in place; then the staging
    /// folders and the journal go. Killed on the way, the journal finishes the save instead.
    private func rollBack(_ moves: [Journal.Move]) {
        let fileManager = FileManager.default
        for move in moves.reversed() {
            if !fileManager.fileExists(atPath: path(move.staging)) {
                try? fileManager.moveItem(atPath: path(move.target), toPath: path(move.staging))
            }
            if fileManager.fileExists(atPath: path(move.aside)) {
                try? fileManager.moveItem(atPath: path(move.aside), toPath: path(move.target))
            }
        }
        for move in moves { try? fileManager.removeItem(atPath: path(move.staging)) }
        try? fileManager.removeItem(atPath: path(Self.journalName))
    }

    // MARK: Recovery

    /// Finishes a save that was killed after its commit point, and removes what saves killed
    /// before it left behind (staging folders, old entries moved aside, temporary journals).
    /// Skipped while another process saves. Called by every use of the store.
    public func recover() {
        guard FileManager.default.fileExists(atPath: root),
              needsRecovery, let lock = try? StoreLock(root: root, wait: false) else { return }
        defer { lock.release() }
        var operations = Operations()
        try? recoverLocked(&operations)
    }

    /// Whether a journal or a leftover is there: one look at three folders.
    private var needsRecovery: Bool {
        !leftovers(in: "").isEmpty || !leftovers(in: "accounts").isEmpty
            || !leftovers(in: "population").isEmpty
    }

    private func recoverLocked(_ operations: inout Operations) throws(StoreError) {
        if let data = FileManager.default.contents(atPath: path(Self.journalName)) {
            if let journal = try? JSONDecoder().decode(Journal.self, from: data) {
                for move in journal.moves { try apply(move, operations: &operations) }
                try finish(journal, operations: &operations)
            } else {
                try? FileManager.default.removeItem(atPath: path(Self.journalName))
            }
        }
        for folder in ["", "accounts", "population"] {
            for name in leftovers(in: folder) where name != Self.journalName {
                let relative = folder.isEmpty ? name : folder + "/" + name
                try? FileManager.default.removeItem(atPath: path(relative))
            }
        }
    }

    /// The hidden names in a folder of the store that a save makes: journals, staging folders,
    /// old entries moved aside.
    private func leftovers(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? root : path(folder))) ?? []
        return names.filter { name in
            [Self.journalName, Self.temporaryPrefix, Self.stagingPrefix, Self.asidePrefix].contains { name.hasPrefix($0) }
        }
    }

    /// Removes an entry; false when there was none.
    @discardableResult
    public func forget(_ entry: Entry) throws(StoreError) -> Bool {
        let target = path(entry.folder)
        guard FileManager.default.fileExists(atPath: target) else { return false }
        // Renamed out of sight first (one step), then removed: killed on the way, what is left is
        // a leftover the next use of the store removes, never half an entry.
        let aside = (entry.folder as NSString).deletingLastPathComponent + "/" + Self.asidePrefix + UUID().uuidString
        try rename(entry.folder, to: aside, what: "cannot remove it")
        try? FileManager.default.removeItem(atPath: path(aside))
        if FileManager.default.fileExists(atPath: path(CanonicalStore.fileName)) {
            let lock = try? StoreLock(root: root, wait: true)
            defer { lock?.release() }
            writeCanonical([(entry, nil, RawFiles([], root: root))], builtWith: "")
        }
        return true
    }

    // MARK: Canonical figures

    /// The method's figures of entries (a dataset's accounts and its population), with the files
    /// they come from: from figures.sqlite when it holds them as built from the files the manifests
    /// now list and by the rules `builtWith` names; otherwise made by `build` from the raw files
    /// (read and checked against their SHA-256) and kept in figures.sqlite, unless another rdr is
    /// saving into the store just then. The raw files are not read when figures.sqlite has the
    /// entry and they are as they were on disk (`RawFiles`); `check` reads and checks them anyway.
    func canonicalFigures(
        _ entries: [Entry], builtWith: String,
        build: (Entry, [(StoredFile, [UInt8])]) throws(StoreError) -> CanonicalFigures
    ) throws(StoreError) -> [(figures: CanonicalFigures, files: [StoredFile])] {
        var found: [(figures: CanonicalFigures, files: [StoredFile])?] = entries.map { _ in nil }
        var damaged: String?
        // Only entries that look whole: files() says what is wrong with any other.
        let manifests = entries.map { entry in self.damage(entry) == nil ? manifest(entry) : nil }
        if manifests.allSatisfy({ $0 != nil }) {
            do throws(CanonicalError) {
                let database = try CanonicalStore(root: root)
                try database.reading { () throws(CanonicalError) in
                    for (index, entry) in entries.enumerated() {
                        let files = manifests[index]?.files ?? []
                        found[index] = try database.figures(entry, from: RawFiles(files, root: root), builtWith: builtWith)
                            .map { ($0, files) }
                    }
                }
            } catch {
                if case .damaged(let reason) = error { damaged = reason }
                if case .unavailable(let reason) = error { sayUnavailable(reason) }
                found = entries.map { _ in nil }
            }
        }
        if found.allSatisfy({ $0 != nil }) { return found.compactMap { $0 } }

        let lock = try? StoreLock(root: root, wait: false)
        defer { lock?.release() }
        if lock != nil {
            var operations = Operations()
            try? recoverLocked(&operations)
        }
        var rebuilt: [(Entry, CanonicalFigures?, RawFiles)] = []
        var result: [(figures: CanonicalFigures, files: [StoredFile])] = []
        for (index, entry) in entries.enumerated() {
            // Still the files it was found for (a save or recovery may have replaced them meanwhile).
            if let kept = found[index], manifest(entry)?.files == kept.files {
                result.append(kept)
                continue
            }
            let files = try files(entry)
            let figures = try build(entry, files)
            rebuilt.append((entry, figures, RawFiles(files.map(\.0), root: root)))
            result.append((figures, files.map(\.0)))
        }
        if lock != nil {
            if let damaged { replaceDamaged(damaged) }
            writeCanonical(rebuilt, builtWith: builtWith)
        }
        return result
    }

    /// Replaces what figures.sqlite holds of entries (removing those without figures), under the
    /// store's lock. A damaged database is said, made anew and written once more; any other
    /// failure leaves it as it was: an entry that is stale or missing there is rebuilt at its
    /// next load, so the raw answers stay what counts.
    private func writeCanonical(_ entries: [(Entry, CanonicalFigures?, RawFiles)], builtWith: String) {
        for attempt in 0..<2 {
            do throws(CanonicalError) {
                try CanonicalStore(root: root).replace(entries.map { ($0.0, $0.1, $0.2) }, builtWith: builtWith)
                return
            } catch {
                if case .unavailable(let reason) = error { sayUnavailable(reason) }
                guard case .damaged(let reason) = error, attempt == 0 else { return }
                replaceDamaged(reason)
            }
        }
    }

    /// Says, once in a process, that figures.sqlite is not used: loads then read the raw answers.
    private func sayUnavailable(_ reason: String) {
        guard !saidUnavailable.exchange(true, ordering: .relaxed) else { return }
        notice("the local store's \(CanonicalStore.fileName) is not used (\(reason)): loading reads the raw "
               + "answers, which takes longer")
    }

    /// Says that figures.sqlite is damaged, once (the file goes), under the store's lock.
    private func replaceDamaged(_ reason: String) {
        CanonicalStore.remove(root: root)
        notice("the local store's \(CanonicalStore.fileName) was damaged (\(reason)); it is rebuilt from the raw "
               + "answers the store keeps (\(path(CanonicalStore.fileName)))")
    }

    // MARK: Helpers

    private func path(_ relative: String) -> String { root + "/" + relative }

    /// The entries of a folder: every visible subfolder (a damaged one too).
    private func entries(in folder: String) -> [String] {
        recover()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return names.filter { !$0.hasPrefix(".") }
    }

    /// Writes a new file whole; the reason of a failure is the system's (No space left on device).
    static func write(_ bytes: [UInt8], to file: String) throws(StoreError) {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: file, reason: String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            guard count >= 0 || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .io(path: file, reason: reason)
            }
            written += max(count, 0)
        }
        guard close(descriptor) == 0 else { throw .io(path: file, reason: String(cString: strerror(errno))) }
    }

    private func rename(_ from: String, to: String, what: String) throws(StoreError) {
        guard Foundation.rename(path(from), path(to)) == 0 else {
            throw .io(path: path(to), reason: what + " (\(String(cString: strerror(errno))))")
        }
    }

    private func createRoot() throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw .io(path: root, reason: "cannot create the local store there")
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// An exclusive lock on the store (flock on its root folder, so no lock file is left in it): one
/// save at a time, and no recovery while another process saves.
struct StoreLock {
    private let descriptor: Int32

    /// `wait`: block until the lock is free; else fail at once when it is held.
    init(root: String, wait: Bool) throws(StoreError) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: root, reason: "cannot open the store's folder") }
        guard flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 else {
            close(descriptor)
            throw .io(path: root, reason: "another rdr is saving into the store")
        }
        self.descriptor = descriptor
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
