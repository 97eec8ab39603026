import Foundation
import Glibc
import RdrTestSupport
import Testing

/// Ctrl-C while a statement runs, through the pseudo-terminal: at the prompt it stops the statement
/// (a fetch waiting on the network or between retries, a long `run`) and the session goes on as it
/// was; in a script it ends rdr with status 130.
@Suite struct InterruptTests {
    /// A fixture Statbank whose data requests are answered by `data` instead.
    static func server(data: @escaping LocalHTTPServer.Handler) throws -> LocalHTTPServer {
        let server = try LocalHTTPServer()
        StatbankFixtures().install(on: server)
        server.route("POST", "/v1/data", data)
        return server
    }

    static func waitForRequest(to server: LocalHTTPServer, timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        while server.requests("POST", "/v1/data").isEmpty {
            guard ContinuousClock.now < deadline else { throw Terminal.Failure(description: "no data request came") }
            usleep(10_000)
        }
    }

    static func files(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// A script that runs for minutes: one quick statement after another.
    static func longScript(in folder: URL) throws -> URL {
        let script = folder.appendingPathComponent("long.rdr")
        try String(repeating: "load teaching R2020\n", count: 5000).write(to: script, atomically: true, encoding: .utf8)
        return script
    }

    @Test func ctrlCStopsAFetchWaitingOnTheNetworkAndTheSessionGoesOn() throws {
        let server = try Self.server { _ in LocalHTTPServer.Reply.bulk("").delayed(60) }
        defer { server.stop() }
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store")

        var terminal = try Terminal.spawnRdr(historyFile: folder.appendingPathComponent("history"), in: folder, arguments: [
            "--data-dir", store.path, "--statbank-url", server.baseURL.absoluteString,
        ])
        defer { terminal.close() }
        _ = try terminal.readUntil(PromptTests.prompt)
        _ = try terminal.enter("load teaching R2020")
        terminal.send("fetch R2023\n")
        try Self.waitForRequest(to: server)
        let started = ContinuousClock.now
        terminal.send(PromptTests.ctrlC)
        let stopped = try terminal.readUntil(PromptTests.prompt, timeout: .seconds(5))
        #expect(ContinuousClock.now - started < .seconds(2), "the answer would take 60 s")
        #expect(stopped.contains("Interrupted."), "\(stopped.suffix(500).debugDescription)")
        #expect(!stopped.contains("error"), "one line, not an error: \(stopped.suffix(500).debugDescription)")
        #expect(Self.files(in: store).isEmpty, "nothing was stored: \(Self.files(in: store))")

        // The session is as it was: the dataset loaded before the fetch is still there.
        let ranking = try terminal.enter("rank Skole per 6-16 top 3")
        #expect(ranking.contains("│     1 │ Egenæs "), "\(ranking.debugDescription)")
        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ctrlCDuringARetryWaitStopsTheFetchWithoutAnotherAttempt() throws {
        let server = try Self.server { _ in LocalHTTPServer.Reply.serverError }
        defer { server.stop() }
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        var terminal = try Terminal.spawnRdr(historyFile: folder.appendingPathComponent("history"), in: folder, arguments: [
            "--data-dir", folder.appendingPathComponent("store").path, "--statbank-url", server.baseURL.absoluteString,
        ])
        defer { terminal.close() }
        _ = try terminal.readUntil(PromptTests.prompt)
        terminal.send("fetch R2023\n")
        _ = try terminal.readUntil("trying again in")  // the first wait is 0.5 s, then 1 s and 2 s
        terminal.send(PromptTests.ctrlC)
        let stopped = try terminal.readUntil(PromptTests.prompt, timeout: .seconds(5))
        #expect(stopped.contains("Interrupted."), "\(stopped.suffix(500).debugDescription)")
        let attempts = server.requests("POST", "/v1/data").count
        usleep(2_000_000)
        #expect(server.requests("POST", "/v1/data").count == attempts, "no attempt after Ctrl-C")
        #expect(attempts == 1)
        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ctrlCDuringALongRunStopsBeforeTheNextStatementAndThePromptGoesOn() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.longScript(in: folder)

        var terminal = try Terminal.spawnRdr(historyFile: folder.appendingPathComponent("history"), in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(PromptTests.prompt)
        terminal.send("run long.rdr\n")
        _ = try terminal.readUntil("Loaded teaching R2020")
        terminal.send(PromptTests.ctrlC)
        let stopped = try terminal.readUntil(PromptTests.prompt, timeout: .seconds(5))
        #expect(stopped.contains("Interrupted."), "\(stopped.suffix(500).debugDescription)")
        let next = try terminal.enter("rank Skole per 6-16 top 1")
        #expect(!next.contains("Loaded"), "the rest of long.rdr did not run on: \(next.suffix(500).debugDescription)")
        #expect(next.contains("│     1 │ Egenæs "), "\(next.suffix(500).debugDescription)")
        // Ctrl-C at the prompt after that still clears the line, and the next line runs alone.
        terminal.send("rank Sko")
        _ = try terminal.readUntil("rank Sko")
        terminal.send(PromptTests.ctrlC)
        _ = try terminal.readUntil(PromptTests.prompt)
        #expect(try terminal.enter("help quit").contains("quit"))
        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ctrlCInAScriptEndsRdrWithStatus130() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = try Self.longScript(in: folder)

        var terminal = try Terminal.spawnRdr(historyFile: nil, in: folder, arguments: [script.path])
        defer { terminal.close() }
        _ = try terminal.readUntil("Loaded teaching R2020")
        terminal.send(PromptTests.ctrlC)
        #expect(try terminal.waitForExit(timeout: .seconds(5)) == .exited(130))
        _ = try terminal.readUntil(": error: interrupted (Ctrl-C) before this statement")  // long.rdr:LINE:1
    }

    /// A script started with SIGINT ignored (a background job of a script, nohup) runs to its end.
    @Test func anIgnoredCtrlCStaysIgnored() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("short.rdr")
        try String(repeating: "load teaching R2020\n", count: 300).write(to: script, atomically: true, encoding: .utf8)
        let rdr = try ExportSignalTests.spawn("/bin/sh", ["-c", "trap '' INT; exec \"$@\"", "sh", RdrProcess.executable.path, script.path])
        usleep(300_000)  // rdr has started and is running the script
        kill(rdr, SIGINT)
        #expect(ExportSignalTests.wait(rdr) == 0, "the script ran to its end")
    }
}
