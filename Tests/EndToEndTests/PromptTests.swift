import Foundation
import Glibc
import RdrTestSupport
import Testing

/// The interactive prompt, driven through a pseudo-terminal as a person at a keyboard would:
/// line editing and history from GNU readline, history kept in a file, tab completion, Ctrl-C and Ctrl-D.
/// Every read has a deadline; a test that waits in vain fails with what the terminal showed so far.
@Suite struct PromptTests {
    /// A fresh prompt: readline writes it at the start of a line (a redisplay starts with "\r" instead).
    static let prompt = "\nrdr> "
    static let upArrow = "\u{1b}[A"
    static let tab = "\t"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"

    @Test func typedCommandsShowTheBoxedTableAndAreSavedToTheHistory() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history")

        var terminal = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { terminal.close() }
        let banner = try terminal.readUntil(Self.prompt)
        #expect(banner.contains("type help, or quit"))

        let loaded = try terminal.enter("load teaching R2020")
        #expect(loaded.contains("Loaded teaching R2020"))
        #expect(loaded.contains("INVENTED"))

        let ranking = try terminal.enter("rank Skole per 6-16 top 3")
        #expect(ranking.contains("Skole: kr. per 6-16-year-old, teaching R2020"))
        #expect(ranking.contains("┌───────┬"))
        #expect(ranking.contains("│     1 │ Egenæs "))
        #expect(ranking.contains("│     2 │ Askby "))
        #expect(ranking.contains("│     3 │ Lundrup "))
        #expect(ranking.contains("└───────┴"))
        #expect(!ranking.contains("Korsbæk"), "Korsbæk is place 73, not in the top 3")

        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(try Self.lines(of: history) == ["load teaching R2020", "rank Skole per 6-16 top 3", "quit"])
    }

    @Test func historyFromAnEarlierSessionIsRecalledWithTheUpArrow() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history")

        var first = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { first.close() }
        _ = try first.readUntil(Self.prompt)
        _ = try first.enter("load teaching R2020")
        _ = try first.enter("rank Skole per 6-16 top 3")
        first.send("quit\n")
        #expect(try first.waitForExit() == .exited(0))
        // quit is kept in the history too, so it is the first line the up arrow brings back.
        #expect(try Self.lines(of: history) == ["load teaching R2020", "rank Skole per 6-16 top 3", "quit"])

        var second = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { second.close() }
        _ = try second.readUntil(Self.prompt)
        second.send(Self.upArrow)
        _ = try second.readUntil("quit")
        // Two more steps back: the load; Enter runs it.
        second.send(Self.upArrow + Self.upArrow)
        _ = try second.readUntil("load teaching R2020")
        second.send("\n")
        #expect(try second.readUntil(Self.prompt).contains("Loaded teaching R2020"))
        // The history is now load, rank, quit, load: three steps back is the ranking.
        second.send(Self.upArrow + Self.upArrow + Self.upArrow + "\n")
        let ranking = try second.readUntil("└")
        #expect(ranking.contains("│     1 │ Egenæs "))
        _ = try second.readUntil(Self.prompt)
        // And one more time from the top: quit, recalled, ends the session.
        second.send(Self.upArrow + Self.upArrow + Self.upArrow + "\n")
        #expect(try second.waitForExit() == .exited(0))
        #expect(try Self.lines(of: history) == [
            "load teaching R2020", "rank Skole per 6-16 top 3", "quit",
            "load teaching R2020", "rank Skole per 6-16 top 3", "quit",
        ])
    }

    @Test func tabCompletesAreaNamesMunicipalityNamesAndFileNames() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "rank Ældre per 65+ top 2\n".write(to: folder.appendingPathComponent("example-script.rdr"), atomically: true, encoding: .utf8)

        var terminal = try Terminal.spawnRdr(historyFile: folder.appendingPathComponent("history"), in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(Self.prompt)
        _ = try terminal.enter("load teaching R2020")

        // An area: "Sko" becomes "Skole " and the ranking runs.
        terminal.send("rank Sko" + Self.tab)
        _ = try terminal.readUntil("le ")
        let ranking = try terminal.enter("per 6-16 top 3")
        #expect(ranking.contains("Skole: kr. per 6-16-year-old"))
        #expect(ranking.contains("│     1 │ Egenæs "))

        // A municipality with a non-ASCII letter: "Korsbæ" becomes "Korsbæk ".
        terminal.send("gap Korsbæ" + Self.tab)
        _ = try terminal.readUntil("k ")
        let gap = try terminal.enter("to 40 in Skole")
        #expect(gap.contains("Korsbæk, place 73 of 98"), "the completed name ran: \(gap.debugDescription)")

        // The ASCII spelling "ae" completes to the Danish name.
        terminal.send("gap Korsbae" + Self.tab)
        _ = try terminal.readUntil("æk ")
        let asciiGap = try terminal.enter("to 40 in Skole")
        #expect(asciiGap.contains("Korsbæk, place 73 of 98"))

        // "Korsb" is ambiguous (Korsbæk, Korsbjerg): a second tab lists both.
        terminal.send("gap Korsb" + Self.tab + Self.tab)
        let listing = try terminal.readUntil(Self.prompt)
        #expect(listing.contains("Korsbæk"))
        #expect(listing.contains("Korsbjerg"))
        terminal.send("\u{15}")  // Ctrl-U: discard the line

        // A file name after run, from the working directory.
        terminal.send("run ex" + Self.tab)
        _ = try terminal.readUntil("ample-script.rdr ")
        let script = try terminal.enter("")
        #expect(script.contains("Ældre"), "the completed script ran: \(script.debugDescription)")
        #expect(script.contains("┌"))

        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
        let history = try Self.lines(of: folder.appendingPathComponent("history"))
        #expect(history.contains("rank Skole per 6-16 top 3"))
        #expect(history.contains("gap Korsbæk to 40 in Skole"))
        #expect(history.contains("run example-script.rdr "))
    }

    @Test func ctrlCAtThePromptClearsTheLineAndDoesNotEndRdr() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        var terminal = try Terminal.spawnRdr(historyFile: folder.appendingPathComponent("history"), in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(Self.prompt)

        // On an empty line.
        terminal.send(Self.ctrlC)
        _ = try terminal.readUntil(Self.prompt)
        // On a half-typed line: the text is thrown away, so the next line runs on its own.
        terminal.send("rank Sko")
        _ = try terminal.readUntil("rank Sko")
        terminal.send(Self.ctrlC)
        _ = try terminal.readUntil(Self.prompt)
        let loaded = try terminal.enter("load teaching R2020")
        #expect(loaded.contains("Loaded teaching R2020"), "the line after Ctrl-C ran alone: \(loaded.debugDescription)")
        #expect(!loaded.contains("error"))

        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func anErrorAtThePromptIsReportedAndThePromptGoesOn() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        var terminal = try Terminal.spawnRdr(historyFile: folder.appendingPathComponent("history"), in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(Self.prompt)
        _ = try terminal.enter("load teaching R2020")

        let failure = try terminal.enter("rank Nowhere top 3")
        #expect(failure.contains("error: unknown area 'Nowhere'"))
        #expect(failure.contains("^~~~~~~"))
        let ranking = try terminal.enter("rank Skole top 1")
        #expect(ranking.contains("┌"), "the session is still usable after the error")

        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0), "an error at the prompt does not change the exit status")
    }

    @Test func loadOffersToFetchWhatIsNotLocalAndThenLoadsIt() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        StatbankFixtures().install(on: server)
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store")

        var terminal = try Terminal.spawnRdr(historyFile: folder.appendingPathComponent("history"), in: folder,
                                             arguments: ["--data-dir", store.path, "--statbank-url", server.baseURL.absoluteString])
        defer { terminal.close() }
        _ = try terminal.readUntil(Self.prompt)

        // No: nothing is fetched, the prompt goes on.
        terminal.send("load B2025\n")
        let question = "Run fetch B2025 now? [y/N] "
        let refused = try terminal.readUntil(question)
        #expect(refused.contains("error: B2025 is not in the built-in real snapshot"))
        #expect(refused.contains("fetch B2025 downloads it from Statistics Denmark"))
        terminal.send("n\n")
        _ = try terminal.readUntil(Self.prompt)
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("accounts/B2025").path))

        // Yes: fetched, then the load runs again and finds it.
        terminal.send("load B2025\n")
        _ = try terminal.readUntil(question)
        terminal.send("y\n")
        let fetched = try terminal.readUntil(Self.prompt, timeout: .seconds(30))
        #expect(fetched.contains("Fetched B2025 (BUDK32 and FOLK1A 2025K1"), "\(fetched)")
        #expect(fetched.contains("Loaded local B2025"), "\(fetched)")
        let ranking = try terminal.enter("rank 3.22.01 top 1")
        #expect(ranking.contains("B2025 (local)") && ranking.contains("BUDK32"), "\(ranking)")

        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
        // The answers to the question are not history.
        #expect(try Self.lines(of: folder.appendingPathComponent("history"))
            == ["load B2025", "load B2025", "rank 3.22.01 top 1", "quit"])
    }

    @Test func ctrlDOnAnEmptyLineEndsRdrAndSavesTheHistory() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history")

        var terminal = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(Self.prompt)
        _ = try terminal.enter("load teaching R2020")

        terminal.send(Self.ctrlD)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(try Self.lines(of: history) == ["load teaching R2020"])
    }

    @Test func withoutHistoryFileTheHistoryGoesUnderHome() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        var terminal = try Terminal.spawnRdr(historyFile: nil, in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(Self.prompt)
        _ = try terminal.enter("help")
        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
        // HOME is the folder and XDG_STATE_HOME is unset, so: $HOME/.local/state/rdr/history.
        #expect(try Self.lines(of: folder.appendingPathComponent(".local/state/rdr/history")) == ["help", "quit"])
    }

    static func lines(of file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// A child process whose standard input, output and error are the slave side of a pseudo-terminal,
/// in a session of its own with that terminal as its controlling terminal (so Ctrl-C is a SIGINT).
/// Spawned with posix_spawn, not fork, because the test runner is multi-threaded.
struct Terminal {
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let pid: pid_t
    private let master: Int32
    /// Everything the terminal showed, and how much of it earlier reads have used up.
    private var output: [UInt8] = []
    private var consumed = 0
    private var endOfOutput = false
    private var termination: Termination?

    /// rdr with a fixed HOME (the folder), TERM=dumb and a UTF-8 locale, working in `folder`.
    static func spawnRdr(historyFile: URL?, in folder: URL, arguments more: [String] = []) throws -> Terminal {
        let arguments = (historyFile.map { ["--history-file", $0.path] } ?? []) + more
        let environment = [
            "HOME": folder.path, "TERM": "dumb", "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        return try spawn(RdrProcess.executable.path, arguments, in: folder, environment: environment)
    }

    static func spawn(_ executable: String, _ arguments: [String], in folder: URL,
                      environment: [String: String]) throws -> Terminal {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 50, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "openpty: \(String(cString: strerror(errno)))")
        }
        // Neither side may leak into other children; the child opens the slave afresh, by name.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer { Glibc.close(slave) }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &nameBuffer, nameBuffer.count) == 0 else {
            Glibc.close(master)
            throw Failure(description: "ttyname_r: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try addChangeDirectory(&actions, folder.path)
        // Opened after setsid, without O_NOCTTY: the terminal becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var noBlockedSignals = sigset_t()
        sigemptyset(&noBlockedSignals)
        posix_spawnattr_setsigmask(&attributes, &noBlockedSignals)
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            Glibc.close(master)
            throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        return Terminal(pid: pid, master: master)
    }

    /// glibc's POSIX_SPAWN_SETSID (spawn.h) and posix_spawn_file_actions_addchdir_np (glibc 2.29)
    /// are declared only with _GNU_SOURCE, which Swift's Glibc module does not define.
    private static let spawnSetSID: Int32 = 0x80

    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) throws {
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else {
            throw Failure(description: "this C library has no posix_spawn_file_actions_addchdir_np")
        }
        let status = unsafeBitCast(symbol, to: AddChdir.self)(&actions, path)
        guard status == 0 else { throw Failure(description: "addchdir: \(String(cString: strerror(status)))") }
    }

    private init(pid: pid_t, master: Int32) {
        self.pid = pid
        self.master = master
    }

    /// Types `text` (keys, escape sequences, control characters) at the terminal.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }

    /// Types `line` and Enter, and returns everything up to the next fresh prompt.
    mutating func enter(_ line: String, timeout: Duration = .seconds(10)) throws -> String {
        send(line + "\n")
        return try readUntil(PromptTests.prompt, timeout: timeout)
    }

    /// Reads until `expected` appears in output not yet used by an earlier read, and returns that
    /// output up to and including `expected`; throws with everything read so far at the deadline.
    @discardableResult
    mutating func readUntil(_ expected: String, timeout: Duration = .seconds(10)) throws -> String {
        let needle = Array(expected.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let end = Self.find(needle, in: output, from: consumed) {
                let text = String(decoding: output[consumed..<end], as: UTF8.self)
                consumed = end
                return text
            }
            guard !endOfOutput, ContinuousClock.now < deadline else {
                throw Failure(description: """
                    waited \(endOfOutput ? "until the end of output" : "\(timeout)") for \(expected.debugDescription); \
                    the terminal showed (since the last match): \(String(decoding: output[consumed...], as: UTF8.self).debugDescription)
                    """)
            }
            readAvailable(until: deadline)
        }
    }

    /// Waits for the process to end, reading its output meanwhile so it never blocks on a full terminal.
    mutating func waitForExit(timeout: Duration = .seconds(10)) throws -> Termination {
        let deadline = ContinuousClock.now + timeout
        while termination == nil {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                termination = (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
                break
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: """
                    rdr did not end within \(timeout); the terminal showed (since the last match): \
                    \(String(decoding: output[consumed...], as: UTF8.self).debugDescription)
                    """)
            }
            readAvailable(until: min(deadline, ContinuousClock.now + .milliseconds(50)))
            if endOfOutput { usleep(10_000) }
        }
        return termination!
    }

    /// Kills the process if it is still running, reaps it, and closes the terminal.
    mutating func close() {
        if termination == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            termination = .signalled(SIGKILL)
        }
        if master >= 0 { Glibc.close(master) }
    }

    /// One poll and at most one read, waiting no later than `deadline`.
    private mutating func readAvailable(until deadline: ContinuousClock.Instant) {
        guard !endOfOutput else { return }
        let remaining = max(ContinuousClock.now.duration(to: deadline), .zero)
        let milliseconds = Int32(min(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000, 60_000))
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            output += buffer[..<count]
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            endOfOutput = true  // EIO: every process holding the slave side has closed it
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index + needle.count
        }
        return nil
    }
}
