import Foundation
import RdrTestSupport
import Testing

/// `rdr FILE` reads its script as `run` does, and checks `--set` against it.
@Suite struct ScriptFileShellTests {
    @Test func aMisspeltSetFailsBeforeAnythingRuns() throws {
        let script = RdrProcess.packageRoot.appendingPathComponent("examples/budget-round.rdr").path
        let outcome = try RdrProcess.run([script, "--set", "kommun=Holbæk"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("error: --set kommun: the script has no parameter kommun; did you mean kommune? "
                                        + "(its parameters: dataset, kommune, out, place)"))
    }

    @Test func aScriptThatIsNotUTF8SaysWhatItIs() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x61, 0x72, 0x65, 0x61, 0x73, 0x0A, 0x23, 0x20, 0xE6, 0x0A]).write(to: folder.appendingPathComponent("w.rdr"))
        let windows = try RdrProcess.run(["w.rdr"], in: folder)
        #expect(windows.status == 1)
        #expect(windows.stderr == "rdr: cannot read script 'w.rdr': it is Windows-1252 (Latin-1) text, not UTF-8 "
                + "(line 2 has the first such letter); save it as UTF-8 and run it again\n")
        let missing = try RdrProcess.run(["nope.rdr"], in: folder)
        #expect(missing.stderr == "rdr: cannot read script 'nope.rdr': no such file\n")
    }

    @Test func aNestedErrorNamesTheCallerAndTheInnerSpot() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("round"), withIntermediateDirectories: true)
        try "load teaching R2020\nrun inner.rdr\n".write(to: folder.appendingPathComponent("round/outer.rdr"), atomically: true, encoding: .utf8)
        try "areas\nrank Skolr\n".write(to: folder.appendingPathComponent("round/inner.rdr"), atomically: true, encoding: .utf8)
        let outcome = try RdrProcess.run(["round/outer.rdr"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasSuffix("""
            round/outer.rdr:2 → inner.rdr:2:6: error: unknown area 'Skolr'; did you mean Skole?
                rank Skolr
                     ^~~~~

            """))
    }
}
