import Foundation
import Glibc
import RdrTestSupport
import Testing

/// Review follow-ups: a failing standard error, `~` from $HOME, notes for standard input, a
/// misspelt collection, wrapped one-line errors and the history's folder.
@Suite struct StreamAndPathTests {
    static let ranking = "$RDR -c 'load R2024; rank 3.22.01 top 2' --format csv"

    @Test(arguments: ["2>/dev/full", "2>&-"])
    func aFailingStandardErrorLeavesTheResultsOnStandardOutput(redirection: String) throws {
        let outcome = try OutputTests.shell("\(Self.ranking) \(redirection)")
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count == 3, "header and two rows: \(outcome.stdout) \(outcome.stderr)")
        #expect(lines.first?.hasPrefix("dataset,area") == true)
    }

    @Test func exportToTildeWritesUnderHome() throws {
        let home = try RdrProcess.temporaryFolder(), work = try RdrProcess.temporaryFolder()
        defer { for folder in [home, work] { try? FileManager.default.removeItem(at: folder) } }
        let outcome = try RdrProcess.run(["-c", "load teaching R2020; rank Skole top 1; export to ~/t3.md"],
                                         in: work, environment: ["HOME": home.path])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("t3.md").path))
    }

    @Test func aFailingLineOnStandardInputSaysTheRestWasNotRun() throws {
        let outcome = try RdrProcess.run([], input: "load teaching R2020\nrank Skoel\nrank Skole top 1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("<stdin>:2:6: error: unknown area 'Skoel'"))
        #expect(outcome.stderr.contains("note: stopped here; the lines after it on standard input, if any, were not run"))
        #expect(!outcome.stdout.contains("Skole,"), "the third line did not run")
    }

    @Test func aMisspeltCollectionIsSuggested() throws {
        let outcome = try RdrProcess.run(["-c", "load teachng R2020"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("found 'teachng'; did you mean teaching?"))
    }

    @Test func aOneLineErrorOnATerminalIsWrappedAtSpaces() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the history file should be: a one-line message, longer than the 200 columns.
        let part = Array(repeating: "history", count: 20).joined(separator: " ")
        let name = part + "/" + part
        let history = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        var terminal = try Terminal.spawnRdr(historyFile: history, in: folder)
        defer { terminal.close() }
        let shown = try terminal.readUntil(PromptTests.prompt)
        let lines = shown.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        let message = lines.drop { !$0.hasPrefix("rdr: the history file") }.prefix { !$0.hasPrefix("rdr 1.0") }
        #expect(message.count > 1, "wrapped: \(shown)")
        #expect(message.allSatisfy { $0.count <= 200 && !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        #expect(message.joined(separator: " ").contains(name + " is not a regular file"))
    }

    @Test func aRelativeStateHomeIsIgnoredForTheHistory() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var terminal = try Terminal.spawn(RdrProcess.executable.path, [], in: folder, environment: [
            "HOME": folder.path, "XDG_STATE_HOME": "relative-state", "TERM": "dumb", "LANG": "C.UTF-8",
        ])
        defer { terminal.close() }
        _ = try terminal.readUntil(PromptTests.prompt)
        terminal.send("quit\n")
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("relative-state").path))
        #expect(try PromptTests.lines(of: folder.appendingPathComponent(".local/state/rdr/history")) == ["quit"])
    }
}
