import Foundation
import Glibc
import RdrTestSupport
import Testing

/// An export that SIGTERM or SIGHUP (a closed terminal) interrupts leaves no temporary file; an
/// ignored signal stays ignored. The write is held at its fsync by strace's fault injection, so
/// that the signal comes mid-write.
@Suite struct ExportSignalTests {
    static let strace = "/usr/bin/strace"

    /// rdr exporting a ranking into `folder`, held at the export's fsync for 2 s, under strace;
    /// `ignoring` a signal as nohup does. Returns strace's and rdr's process ids.
    static func startExport(into folder: URL, ignoring ignored: Int32? = nil) throws -> (tracer: pid_t, rdr: pid_t) {
        try #require(FileManager.default.isExecutableFile(atPath: strace), "strace is needed (apt-get install strace)")
        let command = [
            strace, "-f", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=2000000",
            RdrProcess.executable.path, "-c",
            "load teaching R2020; rank Skole top 3; export to \(folder.appendingPathComponent("ranking.csv").path)",
        ]
        // sh sets the signal to ignored, and exec keeps it so for strace and rdr.
        let tracer = try spawn("/bin/sh", ["-c", "trap '' \(ignored ?? 0); exec \"$@\"", "sh"] + command)
        let deadline = ContinuousClock.now + .seconds(10)
        while try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".tmp") }).isEmpty {
            guard ContinuousClock.now < deadline else {
                kill(tracer, SIGKILL)
                throw POSIXError(.ETIMEDOUT)  // no temporary file appeared
            }
            usleep(10_000)
        }
        let children = try String(contentsOfFile: "/proc/\(tracer)/task/\(tracer)/children", encoding: .utf8)
        return (tracer, try #require(pid_t(children.trimmingCharacters(in: .whitespacesAndNewlines))))
    }

    /// The wait status of `pid`, once it has ended.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalDuringAnExportLeavesNoTemporaryFile(_ signal: Int32) throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (tracer, rdr) = try Self.startExport(into: folder)
        #expect(kill(rdr, signal) == 0)
        let status = Self.wait(tracer)
        // strace ends as rdr did: killed by the same signal.
        #expect(status & 0x7f == signal, "rdr ended by the signal, as it would have without the clean-up (status \(status))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "neither a temporary file nor half an export")
    }

    /// Under nohup a closed terminal must not end rdr: the clean-up leaves an ignored SIGHUP ignored.
    @Test func anIgnoredHangUpStaysIgnoredAndTheExportIsWritten() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (tracer, rdr) = try Self.startExport(into: folder, ignoring: SIGHUP)
        #expect(kill(rdr, SIGHUP) == 0)
        let status = Self.wait(tracer)
        #expect(status == 0, "rdr went on (status \(status))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ranking.csv"])
    }

    /// Spawns with every signal at its default and none blocked (the test runner blocks some, and
    /// a child inherits that), standard streams to /dev/null.
    static func spawn(_ executable: String, _ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        return pid
    }
}
