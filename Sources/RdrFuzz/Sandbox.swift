import Foundation
import RdrData
import RdrStatbank

/// A temporary working folder and local store for one fuzzing process, so that `export`, `import`,
/// `fetch` and `forget` write only there.
///
/// The working folder starts with the files in `RDR_FUZZ_FILES` (scripts/fuzz puts the examples,
/// Statbank fixtures and a price index there), so that `run teaching.rdr`, `import regk31-2023.csv`
/// and `load … using pl.csv` find something. The store starts with the population on 1 January
/// 2018-2026 by age, so that an imported accounts file becomes a dataset that can be loaded.
final class Sandbox {
    let root: URL
    let work: URL
    let store: URL
    private let template: URL
    private let seeds: URL?
    /// The names of the files the working folder starts with.
    let files: [String]
    /// What the two folders hold when they are as they started, to tell whether a reset is needed.
    private var pristineWork: [String: FileState] = [:]
    private var pristineStore: [String: FileState] = [:]

    init() {
        let fileManager = FileManager.default
        var pattern = Array((NSTemporaryDirectory() + "/rdr-fuzz-XXXXXX").utf8CString)
        guard let made = mkdtemp(&pattern) else { fatalError("rdr-fuzz: cannot make a temporary folder") }
        root = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        work = root.appendingPathComponent("work", isDirectory: true)
        store = root.appendingPathComponent("store", isDirectory: true)
        template = root.appendingPathComponent("store-template", isDirectory: true)
        seeds = ProcessInfo.processInfo.environment["RDR_FUZZ_FILES"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        files = seeds.flatMap { try? fileManager.contentsOfDirectory(atPath: $0.path) }?.sorted() ?? []
        Self.removeAtExit(root.path)
        do {
            try Self.makeTemplateStore(at: template)
        } catch {
            fatalError("rdr-fuzz: cannot prepare the local store: \(error)")
        }
        pristineWork = replace(work, with: copySeeds)
        pristineStore = replace(store, with: copyTemplate)
    }

    /// The working folder as it started (the seed files and nothing else), if a statement changed it.
    func resetWork() {
        if !Self.restore(work, to: pristineWork) { pristineWork = replace(work, with: copySeeds) }
    }

    /// The local store as it started (the population only), if a statement changed it.
    func resetStore() {
        if !Self.restore(store, to: pristineStore) { pristineStore = replace(store, with: copyTemplate) }
    }

    /// Puts `folder` back to `pristine` by removing what was added, when nothing that was there
    /// changed (an export or import adds files; copying everything anew each time is slow).
    private static func restore(_ folder: URL, to pristine: [String: FileState]) -> Bool {
        var current = state(of: folder)
        guard current != pristine else { return true }
        guard pristine.allSatisfy({ current[$0.key] == $0.value }) else { return false }
        for path in current.keys.sorted(by: >) where pristine[path] == nil {
            try? FileManager.default.removeItem(atPath: folder.path + "/" + path)
        }
        current = state(of: folder)
        return current == pristine
    }

    private func copySeeds(into folder: URL) throws {
        for name in files {
            try FileManager.default.copyItem(at: seeds!.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    private func copyTemplate(into folder: URL) throws {
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: template, to: folder)
    }

    /// Every file and folder below `folder`, with its size and time of change.
    private static func state(of folder: URL) -> [String: FileState] {
        var state: [String: FileState] = [:]
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return state }
        for path in paths {
            var info = stat()
            guard lstat(folder.path + "/" + path, &info) == 0 else { continue }
            // A folder changes when an entry is added or removed; only what it holds counts.
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            state[path] = FileState(size: isFolder ? 0 : Int64(info.st_size), mode: UInt32(info.st_mode),
                                    changed: isFolder ? 0 : Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
        }
        return state
    }

    /// Empties `folder`, fills it anew and returns what it then holds.
    private func replace(_ folder: URL, with fill: (URL) throws -> Void) -> [String: FileState] {
        let fileManager = FileManager.default
        do {
            // Exports may have left read-only or odd files; a fresh folder is simpler than a sweep.
            if fileManager.fileExists(atPath: folder.path) { try fileManager.removeItem(at: folder) }
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try fill(folder)
            return Self.state(of: folder)
        } catch {
            fatalError("rdr-fuzz: cannot reset \(folder.path): \(error)")
        }
    }

    /// A store holding FOLK1A by single age (0-99) for every municipality, 2018-2026, imported as a
    /// user would, a file per year.
    private static func makeTemplateStore(at folder: URL) throws {
        let real = try RealSnapshot.load()
        let collection = LocalCollection(store: LocalStore(root: folder.path), municipalities: real.municipalities,
                                         functionLabels: real.functionLabels)
        for year in 2018...2026 {
            var lines = ["OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD"]
            var country = 0
            for (index, municipality) in real.municipalities.enumerated() {
                let perAge = 200 + 10 * index
                for age in 0..<100 { lines.append("\(municipality.code);TOT;\(age);TOT;\(year)K1;\(perAge)") }
                lines.append("\(municipality.code);TOT;IALT;TOT;\(year)K1;\(100 * perAge)")
                country += 100 * perAge
            }
            lines.append("000;TOT;IALT;TOT;\(year)K1;\(country)")
            let name = "folk1a-\(year).csv"
            _ = try collection.importFile(Array(lines.joined(separator: "\n").utf8), name: name,
                                          path: folder.appendingPathComponent(name).path)
        }
    }

    /// The temporary folders go when the process ends normally (a crash leaves them for a look).
    private static func removeAtExit(_ path: String) {
        sandboxes.append(path)
        if sandboxes.count == 1 {
            atexit {
                for path in sandboxes { try? FileManager.default.removeItem(atPath: path) }
            }
        }
    }
}

/// What tells a changed file from the one that was there.
struct FileState: Equatable {
    let size: Int64
    let mode: UInt32
    let changed: Int64
}

nonisolated(unsafe) private var sandboxes: [String] = []
