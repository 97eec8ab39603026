import Foundation
import Testing
import RdrRender

/// What an export leaves behind: no special permission bits from the file it replaces, and no
/// temporary files of rdr processes that were killed while writing.
@Suite struct AtomicFileCleanupTests {
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-cleanup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    /// The id of a process that has ended (and been reaped).
    private func deadProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aReplacedFilesSetuidSetgidAndStickyBitsAreNotCarriedOver() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/ranking.csv"
            try AtomicFile.write("old\n", to: path)
            #expect(chmod(path, 0o7750) == 0)
            try AtomicFile.write("new\n", to: path)
            var status = stat()
            #expect(stat(path, &status) == 0)
            #expect(status.st_mode & 0o7777 == 0o750, "mode \(String(status.st_mode & 0o7777, radix: 8))")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        }
    }

    @Test func temporaryFilesOfEndedProcessesAreRemovedOthersAreLeft() throws {
        try withTemporaryDirectory { directory in
            let dead = try deadProcessID()
            let stale = ".ranking.csv.rdr-\(dead)-abc123.tmp"
            let kept = [
                ".ranking.csv.rdr-\(getpid())-def456.tmp",  // a writer that still runs (this one)
                ".other.csv.rdr-\(dead)-abc123.tmp",  // another file's: removed when that one is written
                ".ranking.csv.rdr-abc123.tmp",  // no process id: whose it is cannot be told
                "ranking.csv.rdr-\(dead)-abc123.tmp",  // not hidden: not rdr's name
            ]
            for name in [stale] + kept {
                #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("half".utf8)))
            }
            try AtomicFile.write("a,b\n", to: directory + "/ranking.csv")
            let entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            #expect(entries == (kept + ["ranking.csv"]).sorted())
        }
    }
}
