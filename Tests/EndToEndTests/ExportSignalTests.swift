import Foundation
import Glibc
import RdrTestSupport
import Testing

/// An export that SIGTERM or SIGHUP (a closed terminal) interrupts leaves no temporary file. The
/// write is held at its fsync by strace's fault injection, so that the signal comes mid-write.
@Suite struct ExportSignalTests {
    static let strace = "/usr/bin/strace"

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalDuringAnExportLeavesNoTemporaryFile(_ signal: Int32) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.strace), "strace is needed (apt-get install strace)")
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("ranking.csv")

        let tracer = try Self.spawn(Self.strace, [
            "-f", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=2000000",
            RdrProcess.executable.path, "-c", "load teaching R2020; rank Skole top 3; export to \(export.path)",
        ])
        var ended = false
        defer { if !ended { kill(tracer, SIGKILL); var status: Int32 = 0; waitpid(tracer, &status, 0) } }

        // Wait for the temporary file: the write is then held at its fsync for 2 s.
        let deadline = ContinuousClock.now + .seconds(10)
        var temporary: [String] = []
        while temporary.isEmpty {
            try #require(ContinuousClock.now < deadline, "no temporary file appeared")
            usleep(10_000)
            temporary = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        }
        #expect(temporary.first?.hasPrefix(".ranking.csv.rdr-") == true)
        let children = try String(contentsOfFile: "/proc/\(tracer)/task/\(tracer)/children", encoding: .utf8)
        let rdr = try #require(pid_t(children.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(rdr, signal) == 0)
        var status: Int32 = 0
        waitpid(tracer, &status, 0)
        ended = true

        // strace ends as rdr did: killed by the same signal.
        #expect(status & 0x7f == signal, "rdr ended by the signal, as it would have without the clean-up (status \(status))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "neither a temporary file nor half an export")
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
