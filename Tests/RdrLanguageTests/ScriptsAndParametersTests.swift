import Foundation
import RdrLanguage
import Testing

/// Scripts replayed each budget round: parameters inside words and strings, --set checked against
/// the script, `run` from the calling script's folder with the chain of callers in errors, and
/// how much of a block an error stopped.
@Suite struct ScriptsAndParametersTests {
    // MARK: --set is checked against the script

    @Test func aMisspeltSetIsAnErrorBeforeAnythingRuns() throws {
        let session = try makeSession(parameters: ["kommun": "Holbæk"])
        var outputs: [Output] = []
        let source = Source(name: "round.rdr", text: "param kommune = Korsbæk\nparam place = 40\nload teaching R2020\ngap $kommune to $place")
        #expect(throws: ScriptError.self) { try session.run(script: source) { outputs.append($0) } }
        do {
            try session.run(script: source) { _ in }
        } catch {
            #expect(error.diagnostic.message
                == "--set kommun: the script has no parameter kommun; did you mean kommune? (its parameters: kommune, place)")
        }
        #expect(outputs.isEmpty)
        #expect(session.dataset == nil)
    }

    @Test func aSetParameterUsedOnlyByAScriptItRunsIsAccepted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("load teaching R$year\n", to: "inner.rdr")
        let session = try makeSession(parameters: ["year": "2020"], workingDirectory: folder.path)
        try session.run(script: Source(name: "-c", text: "run inner.rdr")) { _ in }
        #expect(session.dataset?.id.description == "R2020")
    }

    @Test func setIsNotCheckedAtThePrompt() throws {
        // A prompt line is not the whole script: the parameter may be used by a later line.
        let session = try makeSession(parameters: ["kommune": "Korsbæk"])
        #expect(session.failure("areas").error == nil)
    }

    // MARK: Parameters inside words and strings

    @Test func parametersInsideWords() throws {
        #expect(try shape("load R$year", parameters: ["year": "2024"]) == "load R2024")
        #expect(try shape("export to overview-$year.csv", parameters: ["year": "2024"]) == "export to overview-2024.csv")
        #expect(try shape("export to ${year}_b.csv", parameters: ["year": "2024"]) == "export to 2024_b.csv")
        #expect(try shape("rank $a.$b.01", parameters: ["a": "3", "b": "22"]) == "rank fn:3.22.01")
        #expect(try shape("rank 3.22.$f", parameters: ["f": "01"]) == "rank fn:3.22.01")
        #expect(try shape("rank Skole per $low-$high", parameters: ["low": "6", "high": "16"]) == "rank area:Skole per 6-16")
    }

    @Test func parametersInsideStrings() throws {
        #expect(try shape(#"export to "overview $year.csv""#, parameters: ["year": "2024"]) == "export to overview 2024.csv")
        #expect(try shape(#"export to "a${year}b.csv""#, parameters: ["year": "2024"]) == "export to a2024b.csv")
    }

    @Test func aLiteralDollar() throws {
        #expect(try shape(#"define area X "US\$ and $$" = 3.22.01"#) == #"define X "US$ and $" = 3.22.01 per all"#)
        #expect(try shape("export to a$$b.csv") == "export to a$b.csv")
        let error = try #require(syntaxError(#"define area X "5 $ a" = 3.22.01"#))
        #expect(error.message.contains("write \\$ or $$ for a dollar sign"))
        #expect(error.range == span(1, 18, 19))
    }

    @Test func aParamDefaultMayUseAnEarlierParameter() throws {
        #expect(try shape("param year = 2024\nparam out = overview-$year.csv\nexport to $out") == "export to overview-2024.csv")
    }

    @Test func anUnknownParameterInAWordPointsAtIt() throws {
        let error = try #require(syntaxError("load R$yaer", parameters: ["year": "2024"]))
        #expect(error.message == "unknown parameter $yaer; did you mean $year?")
        #expect(error.range == span(1, 7, 12))
        let braced = try #require(syntaxError(#"export to "x-${yr}.csv""#))
        #expect(braced.range == span(1, 14, 19))
    }

    @Test func aBadValueInAWordPointsAtTheWord() throws {
        let error = try #require(syntaxError("load R$year", parameters: ["year": "20x4"]))
        #expect(error.message == "expected a dataset such as R2024 (accounts 2024) or B2021 (budget 2021), found 'R20x4'")
        #expect(error.range == span(1, 6, 12))
    }

    @Test func aValueCannotEndTheStatement() throws {
        // --set k='Korsbæk;export to x.csv' must not smuggle in a statement.
        let error = try #require(syntaxError("gap $k to 40", parameters: ["k": "Korsbæk;quit"]))
        #expect(error.message.contains("cannot hold ';'"))
        #expect(error.range == span(1, 5, 7))
    }

    @Test func anUnclosedBrace() throws {
        let error = try #require(syntaxError("load R${year"))
        #expect(error.message == "'${year' needs a closing '}', as in ${year}")
        #expect(error.range == span(1, 7, 13))
    }

    @Test func theLexerKeepsTheParametersOfAWord() throws {
        let tokens = try Lexer.tokenize("R$year")
        #expect(tokens[0].kind == .word)
        #expect(tokens[0].text == "R$year")
        #expect(tokens[0].pieces == [.text("R"), .parameter("year", span(1, 2, 7))])
        #expect(try Lexer.tokenize("${year}")[0].kind == .parameter)
    }

    // MARK: run

    @Test func runResolvesFromTheCallingScriptsFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("round"), withIntermediateDirectories: true)
        try folder.write("run setup.rdr\nlet s = rank Skole top 2\n", to: "round/outer.rdr")
        try folder.write("load teaching R2020\n", to: "round/setup.rdr")
        let session = try makeSession(workingDirectory: folder.path)
        try session.outputs("run round/outer.rdr")
        #expect(session.result(named: "s")?.rows.count == 2)
    }

    @Test func anErrorInANestedScriptShowsWhereItWasCalledFrom() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("load teaching R2020\nrun inner.rdr\nareas\n", to: "outer.rdr")
        try folder.write("areas\nrank Skolr\n", to: "inner.rdr")
        let session = try makeSession(workingDirectory: folder.path)
        let failure = try #require(session.failure("run outer.rdr").error)
        #expect(failure.formatted == """
            input:1 → outer.rdr:2 → inner.rdr:2:6: error: unknown area 'Skolr'; did you mean Skole?
                rank Skolr
                     ^~~~~
            note: stopped here; 1 statement after it did not run
            """)
    }

    @Test func theNestingLimitHasALocation() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("areas\nrun loop.rdr\n", to: "loop.rdr")
        let session = try makeSession(workingDirectory: folder.path)
        let failure = try #require(session.failure("run loop.rdr").error)
        #expect(failure.diagnostic.range == span(2, 5, 13))
        #expect(failure.source.name == "loop.rdr")
        #expect(failure.formatted.contains("loop.rdr:2:5: error: run nests more than 16 deep"))
        #expect(failure.formatted.hasPrefix("input:1 → loop.rdr:2 → "))
    }

    // MARK: A block that stops

    @Test func aPastedBlockSaysHowManyStatementsDidNotRun() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("load teaching R2020\nrank Skolr\nrank Skole\nareas").error)
        #expect(failure.notRun == 2)
        #expect(failure.formatted.hasSuffix("\nnote: stopped here; 2 statements after it did not run"))
        let last = try #require(session.failure("rank Skolr").error)
        #expect(!last.formatted.contains("note:"))
    }

    @Test func aSyntaxErrorSaysNothingRan() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("load teaching R2020\nrank Skole tpo 3").error)
        #expect(failure.formatted.hasSuffix("\nnote: nothing in input ran; a syntax error stops the whole script"))
        #expect(session.dataset == nil)
    }
}
