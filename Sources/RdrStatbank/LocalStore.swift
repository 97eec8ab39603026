import Foundation
import RdrEngine

/// Why the local store could not do what was asked. One line each.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case incomplete(dataset: String, missing: String)
    case notStored(String)
    case io(path: String, reason: String)
    case damaged(file: String, reason: String)
    case format(StatbankFormatError)

    public var description: String {
        switch self {
        case let .incomplete(dataset, missing): "\(dataset) cannot be built: no \(missing)"
        case let .notStored(what): what
        case let .io(path, reason): "cannot use '\(path)': \(reason)"
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
/// Every change is made in a temporary folder beside the entry and renamed into place, so a fetch
/// that fails or is interrupted leaves the store exactly as it was.
public struct LocalStore: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// `$XDG_DATA_HOME/rdr`, or `~/.local/share/rdr`.
    public static func defaultRoot(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/rdr" }
        return (environment["HOME"] ?? "/tmp") + "/.local/share/rdr"
    }

    public enum Entry: Sendable, Hashable {
        case accounts(DatasetID)
        case population(year: Int)

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

    public func manifest(_ entry: Entry) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: path(entry.folder + "/manifest.json")) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    /// The entry's files, each checked against the digest it was stored with.
    public func files(_ entry: Entry) throws(StoreError) -> [(StoredFile, [UInt8])] {
        guard let manifest = manifest(entry) else { throw .notStored("\(entry.folder) is not in the store") }
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

    /// Replaces several entries together (a dataset's accounts and its population): every entry is
    /// written to a staging folder first; only then are they moved into place, and if one move fails
    /// the ones before it are undone. Whole or not at all.
    public func save(_ entries: [(Entry, [IncomingFile])], received: Date = Date()) throws(StoreError) {
        // Folders such as population/ that this save creates go again if it fails.
        let parents = Set(entries.map { (path($0.0.folder) as NSString).deletingLastPathComponent })
        let newParents = parents.filter { !FileManager.default.fileExists(atPath: $0) }
        let removeNewParents = {
            for folder in newParents where (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        var staged: [(target: String, staging: String)] = []
        do throws(StoreError) {
            for (entry, files) in entries {
                staged.append((path(entry.folder), try stage(entry, files, received: received)))
            }
        } catch {
            for item in staged { try? FileManager.default.removeItem(atPath: item.staging) }
            removeNewParents()
            throw error
        }
        var swapped: [(target: String, aside: String?)] = []
        for (index, item) in staged.enumerated() {
            do throws(StoreError) {
                swapped.append((item.target, try replace(item.target, with: item.staging)))
            } catch {
                for later in staged[index...] { try? FileManager.default.removeItem(atPath: later.staging) }
                for done in swapped.reversed() { undo(done.target, aside: done.aside) }
                removeNewParents()
                throw error
            }
        }
        for done in swapped { if let aside = done.aside { try? FileManager.default.removeItem(atPath: aside) } }
    }

    /// Writes an entry's files and manifest into a new hidden folder beside where it belongs.
    private func stage(_ entry: Entry, _ incoming: [IncomingFile], received: Date) throws(StoreError) -> String {
        let fileManager = FileManager.default
        let parent = (path(entry.folder) as NSString).deletingLastPathComponent
        let staging = parent + "/.incoming-\(UUID().uuidString)"
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .io(path: parent, reason: "cannot create a folder there")
        }
        do throws(StoreError) {
            var stored: [StoredFile] = []
            var counters: [StatbankTable: Int] = [:]
            for file in incoming {
                counters[file.table, default: 0] += 1
                let name = "\(file.table.rawValue.lowercased())-\(counters[file.table]!).csv"
                try write(file.bytes, to: staging + "/" + name)
                stored.append(StoredFile(
                    table: file.table.rawValue, path: entry.folder + "/" + name, origin: file.origin, query: file.query,
                    received: Self.timestamp(received), bytes: file.bytes.count, sha256: SHA256.hex(file.bytes)))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let manifest = try? encoder.encode(Manifest(entry: entry.folder, files: stored))
            try write([UInt8](manifest ?? Data()), to: staging + "/manifest.json")
            return staging
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw error
        }
    }

    /// Removes an entry; false when there was none.
    @discardableResult
    public func forget(_ entry: Entry) throws(StoreError) -> Bool {
        let target = path(entry.folder)
        guard FileManager.default.fileExists(atPath: target) else { return false }
        do {
            try FileManager.default.removeItem(atPath: target)
        } catch {
            throw .io(path: target, reason: "cannot remove it")
        }
        return true
    }

    // MARK: Helpers

    private func path(_ relative: String) -> String { root + "/" + relative }

    private func entries(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return names.filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: path("\(folder)/\($0)/manifest.json")) }
    }

    private func write(_ bytes: [UInt8], to file: String) throws(StoreError) {
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw .io(path: file, reason: "cannot write it")
        }
    }

    /// Puts `staging` where `target` is, the old entry moved aside; returns where it was put.
    private func replace(_ target: String, with staging: String) throws(StoreError) -> String? {
        let fileManager = FileManager.default
        let aside = (target as NSString).deletingLastPathComponent + "/.previous-\(UUID().uuidString)"
        let hadOld = fileManager.fileExists(atPath: target)
        do {
            if hadOld { try fileManager.moveItem(atPath: target, toPath: aside) }
            try fileManager.moveItem(atPath: staging, toPath: target)
        } catch {
            if hadOld, !fileManager.fileExists(atPath: target) { try? fileManager.moveItem(atPath: aside, toPath: target) }
            try? fileManager.removeItem(atPath: staging)
            throw .io(path: target, reason: "cannot move the new files into place")
        }
        return hadOld ? aside : nil
    }

    /// Takes a replacement back: the new entry out, the old one (if any) back in.
    private func undo(_ target: String, aside: String?) {
        try? FileManager.default.removeItem(atPath: target)
        if let aside { try? FileManager.default.moveItem(atPath: aside, toPath: target) }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
