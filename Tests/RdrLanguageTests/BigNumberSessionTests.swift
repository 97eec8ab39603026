import Foundation
import RdrEngine
import RdrLanguage
import RdrTestSupport
import Testing

/// Big numbers typed or read from a file are refused with a message, never a trap (issue 7,
/// item 17: each of these crashed rdr with SIGILL).
@Suite struct BigNumberSessionTests {
    @Test func aTwentyDigitFunctionCodeAtThePrompt() throws {
        let session = try makeSession()
        try session.outputs("load R2024")
        let (error, _) = session.failure("rank 99999999999999999999.1")
        #expect(error != nil)
    }

    @Test func aTwentyDigitFunctionCodeInAnImportedFile() throws {
        let world = try StatbankSessionTests.World()
        let text = "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\r\n101;99999999999999999999.1;1;TOT;LOBM;2023;1\r\n"
        try Data(text.utf8).write(to: world.work.url.appendingPathComponent("regk31.csv"))
        let (error, _) = world.session.failure("import regk31.csv")
        #expect(error?.diagnostic.message.contains("regk31.csv:2: '99999999999999999999.1' in column FUNKTION is not a function")
            == true, "\(String(describing: error?.diagnostic.message))")
    }

    @Test func aPriceIndexWithATwentyDigitYear() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        try work.write("year,index\n2019,100\n20192019201920192019,110\n", to: "pl.csv")
        let session = try makeSession(workingDirectory: work.path)
        let (error, _) = session.failure("load R2019 prices 2024 using pl.csv")
        #expect(error?.diagnostic.message.contains("pl.csv") == true)
        #expect(error?.diagnostic.message.contains("'20192019201920192019' is too large a number (20 digits)") == true,
                "\(String(describing: error?.diagnostic.message))")
    }

    @Test func aPriceIndexWhoseRatioIsInfiniteOrHuge() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        try work.write("year,index\n2019,1e-300\n2024,110\n", to: "tiny.csv")
        try work.write("year,index\n2019,100\n2024,inf\n", to: "inf.csv")
        try work.write("year,index\n2019,1\n2024,1000000000\n", to: "huge.csv")
        let session = try makeSession(workingDirectory: work.path)
        for file in ["tiny.csv", "huge.csv"] {
            let (error, _) = session.failure("load R2019 prices 2024 using \(file)")
            #expect(error?.diagnostic.message.contains("outside what a price index can be") == true,
                    "\(file): \(String(describing: error?.diagnostic.message))")
        }
        let (error, _) = session.failure("load R2019 prices 2024 using inf.csv")
        #expect(error?.diagnostic.message.contains("'inf' is not a positive index") == true,
                "\(String(describing: error?.diagnostic.message))")
        #expect(session.dataset == nil)
    }
}
