import Foundation
import RdrLanguage
import RdrReport
import Testing

/// What a person sees when the input is wrong: one line that says what is wrong and what would be
/// right, with file:line:column and a caret under the spot.
@Suite struct BadInputTests {
    /// The error of running `text` (after `setup`, which must succeed) in a fresh session.
    private func error(_ text: String, after setup: String = "", name: String = "input",
                       workingDirectory: String? = nil) throws -> ScriptError {
        let session = try makeSession(workingDirectory: workingDirectory)
        if !setup.isEmpty { try session.outputs(setup, name: "setup") }
        return try #require(session.failure(text, name: name).error, "\(text) did not fail")
    }

    // MARK: Commands

    @Test func unknownCommand() throws {
        let failure = try error("rnak Skole")
        #expect(failure.formatted == """
            input:1:1: error: unknown command 'rnak'; did you mean rank?
                rnak Skole
                ^~~~
            """)
        #expect(failure.diagnostic.range == span(1, 1, 5))
    }

    @Test func unknownCommandAlone() throws {
        // A word alone is taken as a result's name; a misspelled command still gets its suggestion.
        let failure = try error("aeras")
        #expect(failure.diagnostic.message == "unknown command 'aeras'; did you mean areas?")
    }

    @Test func unknownWordAloneMentionsCommands() throws {
        // `oversigt` (Danish for overview) is neither a result nor close to a command.
        let failure = try error("oversigt")
        #expect(failure.diagnostic.range == span(1, 1, 9))
        #expect(failure.diagnostic.message.contains("help"))
        #expect(failure.diagnostic.message == "'oversigt' is neither a command nor a result; help lists the commands")
    }

    // MARK: Municipalities

    @Test func misspelledMunicipality() throws {
        let failure = try error("gap Holbek to 40", after: "load R2024")
        #expect(failure.diagnostic.message == "unknown municipality 'Holbek' in R2024; did you mean Holbæk?")
        #expect(failure.diagnostic.range == span(1, 5, 11))
        #expect(failure.formatted == """
            input:1:5: error: unknown municipality 'Holbek' in R2024; did you mean Holbæk?
                gap Holbek to 40
                    ^~~~~~
            """)
    }

    @Test func asciiSpellingIsNotAMistake() throws {
        let session = try makeSession()
        let gap = try session.result(of: "load R2024\ngap holbaek to 40 in 3.22.01")
        #expect(gap.title.hasPrefix("Mulighedsrum: Holbæk"))
    }

    @Test func realMunicipalityOnTheTeachingDataset() throws {
        let failure = try error("gap Holbæk to 40", after: "load teaching R2020")
        #expect(failure.diagnostic.message == "Holbæk is not in teaching R2020; load R2024 for the real municipalities")
        #expect(failure.diagnostic.range == span(1, 5, 11))
    }

    @Test func teachingMunicipalityOnTheRealDataset() throws {
        let failure = try error("gap Korsbæk to 40", after: "load R2024")
        #expect(failure.diagnostic.message == "Korsbæk is not in R2024; the teaching dataset's municipalities are "
            + "fictional; load teaching R2020 to use them")
        #expect(failure.diagnostic.range == span(1, 5, 12))
    }

    @Test func unknownMunicipalityInRankFor() throws {
        let failure = try error("rank Skole for Korsbæk, Atlantis", after: "load teaching R2020")
        #expect(failure.diagnostic.message == "unknown municipality 'Atlantis' in teaching R2020; type municipalities for the list")
        #expect(failure.diagnostic.range == span(1, 25, 33))
    }

    // MARK: Places

    @Test(arguments: [
        ("gap Korsbæk to 0", "load teaching R2020", 0, span(1, 16, 17)),
        ("gap Korsbæk to 99", "load teaching R2020", 99, span(1, 16, 18)),
        ("gap Korsbæk to 0 in Skole", "load teaching R2020", 0, span(1, 16, 17)),
        ("gap Korsbæk to 99 in Skole", "load teaching R2020", 99, span(1, 16, 18)),
        ("gap Holbæk to 0 in 3.22.01", "load R2024", 0, span(1, 15, 16)),
        ("gap Holbæk to 99 in 3.22.01", "load R2024", 99, span(1, 15, 17)),
        ("gap Holbæk to 99", "load R2024", 99, span(1, 15, 17)),
    ] as [(String, String, Int, SourceRange)])
    func placeOutOfRange(_ text: String, _ setup: String, _ place: Int, _ range: SourceRange) throws {
        let failure = try error(text, after: setup)
        #expect(failure.diagnostic.message
            == "place \(place) does not exist: places run from 1 to 98 (the median is place 50)")
        #expect(failure.diagnostic.range == range)
        let caret = try #require(failure.formatted.split(separator: "\n").last)
        #expect(caret.count == 4 + range.start.column - 1 + (place == 0 ? 1 : 2))
    }

    @Test func overviewOnRealPointsAtTheCause() throws {
        // No built-in area can be computed on the real snapshot; the caret must not go under the
        // place, which is not what is wrong: it spans the whole gap statement.
        let failure = try error("gap Holbæk to 40", after: "load R2024")
        #expect(failure.diagnostic.message.hasPrefix("no area can be computed on R2024: "))
        #expect(failure.diagnostic.range != span(1, 15, 17))
        #expect(failure.diagnostic.range == span(1, 1, 17))
    }

    // MARK: Datasets

    @Test func unknownDataset() throws {
        let failure = try error("load R1999")
        #expect(failure.diagnostic.message.hasPrefix("R1999 is not in the built-in real snapshot (it holds R2019-R2024)"))
        #expect(failure.diagnostic.range == span(1, 6, 11))
        #expect(!failure.diagnostic.message.contains("load teaching R1999"))
        #expect(failure.diagnostic.message == "R1999 is not in the built-in real snapshot (it holds R2019-R2024); "
            + "fetch R1999 downloads it from Statistics Denmark into the local store")
    }

    @Test func unknownTeachingDataset() throws {
        let failure = try error("load teaching R1999")
        #expect(failure.diagnostic.message
            == "R1999 is not in the teaching dataset (it holds R2018-R2024, B2020-B2025)")
        #expect(failure.diagnostic.range == span(1, 15, 20))
    }

    @Test func notADatasetName() throws {
        let failure = try error("load 2024")
        #expect(failure.diagnostic.message
            == "expected a dataset such as R2024 (accounts 2024) or B2021 (budget 2021), found '2024'")
    }

    @Test func nothingLoaded() throws {
        let failure = try error("gap Korsbæk to 40")
        #expect(failure.diagnostic.message == "no dataset is loaded; start with load R2024 (real) or load teaching R2020")
        #expect(failure.diagnostic.range == span(1, 1, 18))
    }

    // MARK: Strings

    @Test func unterminatedString() throws {
        let failure = try error("show \"abc")
        #expect(failure.formatted == """
            input:1:6: error: unterminated string: add a closing " before the end of the line
                show "abc
                     ^
            """)
    }

    // MARK: Scripts

    private let sixGoodLines = """
        load teaching R2020
        rank Skole top 3
        areas
        let s = rank Ældre per 65+ top 2
        show s
        gap Korsbæk to 40 in Skole
        """

    @Test func syntaxErrorOnLine7RunsNothing() throws {
        let session = try makeSession()
        let (failure, outputs) = session.failure(sixGoodLines + "\ngap Korsbæk 40\nareas\n", name: "script.rdr")
        let error = try #require(failure)
        #expect(error.formatted.hasPrefix("script.rdr:7:13: error: expected 'to'"))
        #expect(error.formatted.split(separator: "\n").dropFirst().first == "    gap Korsbæk 40")
        #expect(error.diagnostic.range == span(7, 13, 15))
        // The whole script is parsed before anything runs.
        #expect(outputs.isEmpty)
        #expect(session.dataset == nil)
        #expect(session.results.isEmpty)
    }

    @Test func runtimeErrorOnLine7AfterSixGoodLines() throws {
        let session = try makeSession()
        let (failure, outputs) = session.failure(sixGoodLines + "\ngap Korsbæk to 99 in Skole\nareas\n",
                                                 name: "script.rdr")
        let error = try #require(failure)
        #expect(outputs.count == 6)
        #expect(outputs.compactMap(\.result).count == 4)
        #expect(error.formatted.hasPrefix("script.rdr:7:16: error: place 99 does not exist"))
        #expect(error.diagnostic.range?.start.line == 7)
        // What ran before the error stays; what came after did not run.
        #expect(session.dataset?.name == "teaching R2020")
        #expect(session.result(named: "s") != nil)
    }

    @Test func runtimeErrorInAPipedLineNamesItsLine() throws {
        let session = try makeSession()
        var outputs: [Output] = []
        do {
            try session.run(Source(name: "stdin", text: "gap Korsbæk to 40", firstLine: 9)) { outputs.append($0) }
            Issue.record("ran")
        } catch {
            #expect(error.formatted.hasPrefix("stdin:9:1: error: no dataset is loaded"))
            #expect(error.formatted.contains("\n    gap Korsbæk to 40\n"))
        }
    }

    // MARK: Export

    @Test func exportToAMissingDirectory() throws {
        let failure = try error("export _ to /nonexistent-dir/x.csv", after: "load R2024; rank 3.22.01 top 3")
        #expect(failure.diagnostic.message == "cannot write '/nonexistent-dir/x.csv': directory '/nonexistent-dir' does not exist")
        #expect(failure.diagnostic.range == span(1, 13, 35))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir/x.csv"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir"))
    }

    @Test func exportToAMissingSubdirectoryLeavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let failure = try error("export _ to ud/x.csv", after: "load R2024; rank 3.22.01 top 3",
                                workingDirectory: folder.path)
        #expect(failure.diagnostic.message.hasPrefix("cannot write '"))
        #expect(failure.diagnostic.message.contains("ud/x.csv"))
        #expect(try folder.contents().isEmpty)
    }

    @Test func exportUnderAFileLeavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("kept", to: "data.csv")
        let failure = try error("export _ to data.csv/x.csv", after: "load R2024; rank 3.22.01 top 3",
                                workingDirectory: folder.path)
        #expect(failure.diagnostic.message.hasPrefix("cannot write '"))
        #expect(failure.diagnostic.message.contains("data.csv/x.csv"))
        #expect(try folder.contents() == ["data.csv"])
        #expect(try String(contentsOfFile: folder.file("data.csv"), encoding: .utf8) == "kept")
    }

    @Test func exportWithAnUnknownExtension() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let failure = try error("export _ to skole.ods", after: "load teaching R2020; rank Skole",
                                workingDirectory: folder.path)
        #expect(failure.formatted == """
            input:1:13: error: cannot tell the format of 'skole.ods' from its extension; use .txt, .csv, .md, .json, .xlsx or .svg, or name it: export … to skole.ods as csv
                export _ to skole.ods
                            ^~~~~~~~~
            """)
        #expect(try folder.contents().isEmpty)
    }

    @Test func exportBeforeAnyResult() throws {
        let failure = try error("export to x.csv")
        #expect(failure.diagnostic.message
            == "there is no result to export yet; run rank or gap first, or name one: export s to …")
    }

    @Test func exportToAFileNameStartingWithDigits() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs("load teaching R2020; rank Skole top 3")
        try session.outputs("export _ to 2024.csv")
        #expect(try folder.contents() == ["2024.csv"])
    }

    // MARK: run

    @Test func runAMissingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let failure = try error("run mangler.rdr", workingDirectory: folder.path)
        #expect(failure.formatted == """
            input:1:5: error: cannot read script 'mangler.rdr': no such file
                run mangler.rdr
                    ^~~~~~~~~~~
            """)
    }

    @Test func runOrImportAFolderOrAScriptThatIsNotText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        #expect(try error("import data", workingDirectory: folder.path).diagnostic.message
            == "cannot read the file 'data': it is a folder, not a file")
        #expect(try error("run data", workingDirectory: folder.path).diagnostic.message
            == "cannot read script 'data': it is a folder, not a file")
        try Data([0x72, 0x61, 0x6E, 0x6B, 0xFF]).write(to: URL(fileURLWithPath: folder.path + "/latin1.rdr"))
        #expect(try error("run latin1.rdr", workingDirectory: folder.path).diagnostic.message
            == "cannot read script 'latin1.rdr': it is Windows-1252 (Latin-1) text, not UTF-8 (line 1 has the first such letter); save it as UTF-8 and run it again")
    }

    // MARK: Every message is one line

    @Test(arguments: [
        ("", "rnak Skole"),
        ("", "oversigt"),
        ("", "frobnicate Skole"),
        ("", "show \"abc"),
        ("", "rank Skole @"),
        ("", "gap Korsbæk 40"),
        ("", "rank Skole per 6"),
        ("", "rank Skole per 16-6"),
        ("", "rank $x"),
        ("", "load R1999"),
        ("", "load B2021"),
        ("", "load teaching R1999"),
        ("", "gap Korsbæk to 40"),
        ("", "run /nonexistent-dir/x.rdr"),
        ("", "functions"),
        ("", "help rnak"),
        ("", "set format xml"),
        ("load R2024", "gap Holbek to 40"),
        ("load R2024", "gap Holbæk to 40"),
        ("load R2024", "gap Korsbæk to 40"),
        ("load R2024", "rank Skole"),
        ("load R2024", "rank 3.22.01 per 6-16"),
        ("load R2024", "rank 5.*"),
        ("load R2024", "area Ældre; rank Ældre"),
        ("load R2024", "gap Holbæk to 99 in 3.22.01"),
        ("load teaching R2020", "gap Holbæk to 40"),
        ("load teaching R2020", "gap Korsbæk to 0"),
        ("load teaching R2020", "rank Skole; export _ to /nonexistent-dir/x.csv"),
        ("load teaching R2020", "rank Skole; export _ to x.ods"),
        ("load teaching R2020", "show s"),
        ("load teaching R2020", "drop s"),
        ("load teaching R2020", "rank Skoel"),
    ])
    func everyMessageIsOneLine(_ setup: String, _ text: String) throws {
        let failure = try error(text, after: setup)
        #expect(!failure.diagnostic.message.contains("\n"), "\(text)")
        #expect(!failure.diagnostic.message.isEmpty)
        let lines = failure.formatted.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("input:"))
        #expect(lines[0].contains(": error: "))
        if failure.diagnostic.range != nil {
            #expect(lines.count == 3, "\(failure.formatted)")
            #expect(lines.count < 3 || lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^"))
        }
    }

    @Test func misspelledArea() throws {
        let failure = try error("rank Skoel", after: "load teaching R2020")
        #expect(failure.diagnostic.message == "unknown area 'Skoel'; did you mean Skole?")
        #expect(failure.diagnostic.range == span(1, 6, 11))
    }
}
