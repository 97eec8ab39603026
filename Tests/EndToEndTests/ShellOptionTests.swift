import Foundation
import RdrTestSupport
import Testing

/// The shell's own options: empty paths are refused, and --version names the licence and the data's.
@Suite struct ShellOptionTests {
    /// `--data-dir ""` would make the store the root folder.
    @Test(arguments: ["--data-dir", "--history-file"])
    func anEmptyPathIsRefused(_ option: String) throws {
        let outcome = try RdrProcess.run([option, "", "-c", "datasets"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("\(option) needs a path; got an empty one"), "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func versionNamesTheLicenceAndCreditsStatisticsDenmark() throws {
        let outcome = try RdrProcess.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "rdr 1.0.0 — GPL-3.0-or-later (LICENSE); data © Statistics Denmark, CC BY 4.0\n")
    }

    @Test func theLicenceFileIsTheGPLVersion3() throws {
        let licence = try String(contentsOf: RdrProcess.packageRoot.appendingPathComponent("LICENSE"), encoding: .utf8)
        #expect(licence.hasPrefix("                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007"))
    }
}
