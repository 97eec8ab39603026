import Foundation
import Glibc
import RdrTestSupport
import Testing

/// The prompt's history file, through the pseudo-terminal: each statement is in the file as soon as
/// it is entered, two prompts on one file keep both their lines, and a file that cannot be used is
/// said once and left as it is.
@Suite struct HistoryTests {
    static func lines(of file: URL) -> [String] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func eachStatementIsInTheFileAtOnceSoAClosedTerminalLosesNothing() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("state/rdr/history")  // the folders are made

        var terminal = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(PromptTests.prompt)
        _ = try terminal.enter("load teaching R2020")
        #expect(Self.lines(of: history) == ["load teaching R2020"])
        _ = try terminal.enter("rank Skole top 1")
        terminal.close()  // killed, as a closed terminal would end it: no clean exit
        #expect(Self.lines(of: history) == ["load teaching R2020", "rank Skole top 1"])
    }

    @Test func twoPromptsOnOneFileKeepBothTheirLines() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history")
        try "from before\n".write(to: history, atomically: true, encoding: .utf8)

        var first = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { first.close() }
        var second = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { second.close() }
        _ = try first.readUntil(PromptTests.prompt)
        _ = try second.readUntil(PromptTests.prompt)
        _ = try first.enter("help load")
        _ = try second.enter("help rank")
        _ = try first.enter("help gap")
        first.send("quit\n")
        #expect(try first.waitForExit() == .exited(0))
        _ = try second.enter("help export")
        second.send("quit\n")
        #expect(try second.waitForExit() == .exited(0))
        #expect(Self.lines(of: history) == ["from before", "help load", "help rank", "help gap", "quit", "help export", "quit"])
    }

    @Test func theFileIsTrimmedToItsLast2000Lines() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history")
        try (1...2100).map { "help \($0)\n" }.joined().write(to: history, atomically: true, encoding: .utf8)

        var terminal = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { terminal.close() }
        _ = try terminal.readUntil(PromptTests.prompt)
        _ = try terminal.enter("help quit")
        let lines = Self.lines(of: history)
        #expect(lines.count == 2000)
        #expect(lines.first == "help 102")
        #expect(lines.last == "help quit")
        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    /// A folder where the file should be, and a file where its folder should be: said once, at the
    /// start, and never replaced; the prompt works on.
    @Test(arguments: ["folder", "file"])
    func aHistoryFileThatCannotBeUsedIsSaidOnceAndLeftAlone(_ obstacle: String) throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history: URL
        if obstacle == "folder" {
            history = folder.appendingPathComponent("history")
            try FileManager.default.createDirectory(at: history, withIntermediateDirectories: false)
        } else {
            let file = folder.appendingPathComponent("state")
            try "not a folder\n".write(to: file, atomically: true, encoding: .utf8)
            history = file.appendingPathComponent("history")
        }

        var terminal = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { terminal.close() }
        var shown = try terminal.readUntil(PromptTests.prompt)
        shown += try terminal.enter("help load")
        shown += try terminal.enter("help rank")
        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
        let said = shown.components(separatedBy: "history file \(history.path)").count - 1
        #expect(said == 1, "said once: \(shown.debugDescription)")
        #expect(shown.contains("this session's lines are not saved"))
        if obstacle == "folder" {
            #expect(try FileManager.default.contentsOfDirectory(atPath: history.path).isEmpty)
        } else {
            #expect(try String(contentsOf: folder.appendingPathComponent("state"), encoding: .utf8) == "not a folder\n")
        }
    }
}
