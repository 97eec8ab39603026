import Foundation
import RdrTestSupport
import Testing

/// The built rdr with numbers that used to crash it (SIGILL, exit 132): each is now one error
/// line and exit status 1.
@Suite struct BigNumberProcessTests {
    @Test func aTwentyDigitCodeAtTheCommandLine() throws {
        let outcome = try RdrProcess.run(["-c", "load R2024; rank 99999999999999999999.1"])
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("'99999999999999999999.1' is not a function code"), "stderr: \(outcome.stderr)")
    }

    @Test func importAndPriceFilesWithBigNumbers() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r\n101;99999999999999999999.1;1;TOT;LOBM;2023;1\r\n".utf8)
            .write(to: folder.appendingPathComponent("regk31.csv"))
        try Data("OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r\n101;32201;1;TOT;LOBM;2023;\(String(repeating: "9", count: 400))\r\n".utf8)
            .write(to: folder.appendingPathComponent("huge.csv"))
        try Data("year,index\n2019,100\n20192019201920192019,110\n".utf8).write(to: folder.appendingPathComponent("year.csv"))
        try Data("year,index\n2019,1e-300\n2024,110\n".utf8).write(to: folder.appendingPathComponent("ratio.csv"))

        for statement in ["import regk31.csv", "import huge.csv", "load R2019 prices 2024 using year.csv",
                          "load R2019 prices 2024 using ratio.csv"] {
            let outcome = try RdrProcess.run(["-c", statement], in: folder)
            #expect(outcome.status == 1, "\(statement): status \(outcome.status), stderr: \(outcome.stderr)")
            #expect(outcome.stderr.contains("error:"), "\(statement): \(outcome.stderr)")
        }
    }
}
