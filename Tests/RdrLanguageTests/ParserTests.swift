import RdrEngine
import RdrLanguage
import RdrReport
import Testing

@Suite struct ParserTests {
    // MARK: load

    @Test(arguments: [
        ("load R2020", "load R2020"),
        ("load real R2024", "load real R2024"),
        ("load teaching R2020", "load teaching R2020"),
        ("load teaching b2021", "load teaching B2021"),
        ("LOAD Teaching r2020", "load teaching R2020"),
    ])
    func load(_ input: String, _ expected: String) throws {
        #expect(try shape(input) == expected)
    }

    // MARK: rank

    @Test(arguments: [
        ("rank Skole", "rank area:Skole"),
        ("rank Skole per 6-16", "rank area:Skole per 6-16"),
        ("rank Ældre per 65+", "rank area:Ældre per 65+"),
        ("rank Ældre per 80+", "rank area:Ældre per 80+"),
        ("rank Skole per capita", "rank area:Skole per all"),
        ("rank Skole per all", "rank area:Skole per all"),
        ("rank Dagtilbud per 0-5", "rank area:Dagtilbud per 0-5"),
        ("rank Skole top 5", "rank area:Skole top 5"),
        ("rank Skole bottom 3", "rank area:Skole bottom 3"),
        ("rank Skole per 6-16 top 5", "rank area:Skole per 6-16 top 5"),
        ("rank Dagtilbud for Korsbæk, Bjergsted", "rank area:Dagtilbud for Korsbæk, Bjergsted"),
        ("rank Skole for Lyngby-Taarbæk", "rank area:Skole for Lyngby-Taarbæk"),
        ("rank Skole for \"Kors bæk\", Ærø", "rank area:Skole for Kors bæk, Ærø"),
        ("rank 3.22.01", "rank fn:3.22.01"),
        ("rank 5.38.*", "rank fn:5.38.*"),
        ("rank 5.*", "rank fn:5.*"),
        ("rank 3.22.01 per capita top 10", "rank fn:3.22.01 per all top 10"),
    ])
    func rank(_ input: String, _ expected: String) throws {
        #expect(try shape(input) == expected)
    }

    // MARK: gap

    @Test(arguments: [
        ("gap Korsbæk to 40", "gap Korsbæk to 40"),
        ("gap Korsbæk to median", "gap Korsbæk to median"),
        ("gap Korsbæk to 25 in Skole", "gap Korsbæk to 25 in area:Skole"),
        ("gap Korsbæk to median in Ældre per 80+", "gap Korsbæk to median in area:Ældre per 80+"),
        ("gap Korsbæk to 40 in 3.22.01", "gap Korsbæk to 40 in fn:3.22.01"),
        ("gap Holbæk to 40 in 3.22.01 per capita", "gap Holbæk to 40 in fn:3.22.01 per all"),
        ("gap Korsbæk to 40 per 6-16", "gap Korsbæk to 40 per 6-16"),
        ("gap \"Lyngby-Taarbæk\" to 1", "gap Lyngby-Taarbæk to 1"),
    ])
    func gap(_ input: String, _ expected: String) throws {
        #expect(try shape(input) == expected)
    }

    // MARK: Results

    @Test(arguments: [
        ("let s = rank Skole", "let s = rank area:Skole"),
        ("let g = gap Korsbæk to 40 in Skole", "let g = gap Korsbæk to 40 in area:Skole"),
        ("let t = s", "let t = ref:s"),
        ("let skole_2024 = rank Skole per 6-16 top 5", "let skole_2024 = rank area:Skole per 6-16 top 5"),
        ("show s", "show s"),
        ("show s as csv", "show s as csv"),
        ("s", "ref:s"),
        ("_", "ref:_"),
        ("s as markdown", "show s as markdown"),
        ("export s to f.csv", "export s to f.csv"),
        ("export to f.csv", "export to f.csv"),
        ("export s to \"min fil.csv\"", "export s to min fil.csv"),
        ("export _ to /tmp/out/aeldre.md", "export _ to /tmp/out/aeldre.md"),
        ("drop s", "drop s"),
    ])
    func results(_ input: String, _ expected: String) throws {
        #expect(try shape(input) == expected)
    }

    // MARK: Areas

    @Test(arguments: [
        ("define area K \"Title\" = 5.38.50, 5.38.* except 5.38.45 per 18-64",
         "define K \"Title\" = 5.38.50, 5.38.* except 5.38.45 per 18-64"),
        ("define area Botilbud = 5.38.50, 5.38.51", "define Botilbud = 5.38.50, 5.38.51 per all"),
        ("define area Alt = 5.* except 5.38.*, 5.30.26 per capita", "define Alt = 5.* except 5.38.*, 5.30.26 per all"),
        ("define area Ældre2 \"Ældre, 80+\" = 5.30.* per 80+", "define Ældre2 \"Ældre, 80+\" = 5.30.* per 80+"),
        ("area Skole", "area area:Skole"),
        ("area 5.38.*", "area fn:5.38.*"),
    ])
    func areas(_ input: String, _ expected: String) throws {
        #expect(try shape(input) == expected)
    }

    // MARK: Listings, settings, help

    @Test(arguments: [
        ("areas", "list:areas"),
        ("results", "list:results"),
        ("datasets", "list:datasets"),
        ("municipalities", "list:municipalities"),
        ("kommuner", "list:municipalities"),
        ("functions", "list:functions"),
        ("set format csv", "set format csv"),
        ("set format markdown", "set format markdown"),
        ("run budget.rdr", "run budget.rdr"),
        ("run \"mit script.rdr\"", "run mit script.rdr"),
        ("help", "help"),
        ("help rank", "help rank"),
        ("help Rank", "help rank"),
        ("quit", "quit"),
        ("exit", "quit"),
    ])
    func otherStatements(_ input: String, _ expected: String) throws {
        #expect(try shape(input) == expected)
    }

    // MARK: Keywords, separators, ranges

    @Test func keywordsAreCaseInsensitive() throws {
        #expect(try shape("RANK skole PER 6-16 TOP 5") == "rank area:skole per 6-16 top 5")
        #expect(try shape("Gap Korsbæk TO Median IN Skole") == "gap Korsbæk to median in area:Skole")
        #expect(try shape("DEFINE AREA X = 5.38.50 EXCEPT 5.38.45 PER Capita") == "define X = 5.38.50 except 5.38.45 per all")
        #expect(try shape("AREAS") == "list:areas")
        #expect(try shape("Show s AS CSV") == "show s as CSV")
    }

    @Test func severalStatementsOnALine() throws {
        let statements = try parse("load teaching R2020; rank Skole per 6-16 top 5; gap Korsbæk to 40")
        #expect(statements.map { describe($0.kind) } == [
            "load teaching R2020", "rank area:Skole per 6-16 top 5", "gap Korsbæk to 40",
        ])
        #expect(statements.map(\.range) == [span(1, 1, 20), span(1, 22, 47), span(1, 49, 66)])
    }

    @Test func blankLinesCommentsAndExtraSeparators() throws {
        let statements = try parse("\n\n# the areas\n;;areas ; ;\n  results # and the results\n")
        #expect(statements.map { describe($0.kind) } == ["list:areas", "list:results"])
        #expect(statements.map(\.range) == [span(4, 3, 8), span(5, 3, 10)])
    }

    @Test func crlfLineEnds() throws {
        let statements = try parse("load teaching R2020\r\nrank Skole\r\n")
        #expect(statements.map { describe($0.kind) } == ["load teaching R2020", "rank area:Skole"])
        #expect(statements[1].range == span(2, 1, 11))
    }

    @Test func rangesOfPieces() throws {
        let statement = try #require(try parse("gap Korsbæk to 40 in Skole per 6-16").first)
        guard case .query(.gap(let gap)) = statement.kind else {
            Issue.record("not a gap: \(describe(statement.kind))")
            return
        }
        #expect(gap.municipality.range == span(1, 5, 12))
        #expect(gap.places[0].range == span(1, 16, 18))
        #expect(gap.target?.range == span(1, 22, 27))
        #expect(gap.segment?.range == span(1, 32, 36))
        #expect(gap.segment?.value == .ages(lower: 6, upper: 16))
        #expect(statement.range == span(1, 1, 36))
    }

    @Test func openAgeBand() throws {
        let statement = try #require(try parse("rank Ældre per 65+").first)
        guard case .query(.rank(let rank)) = statement.kind else {
            Issue.record("not a rank")
            return
        }
        #expect(rank.segment?.value == .ages(lower: 65, upper: nil))
        #expect(rank.segment?.range == span(1, 16, 19))
    }

    @Test func emptySourceHasNoStatements() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("# nothing but a comment\n\n").isEmpty)
    }

    // MARK: Parameters

    @Test func givenParameterReplacesItsName() throws {
        #expect(try shape("gap $kommune to $place", parameters: ["kommune": "Korsbæk", "place": "40"])
            == "gap Korsbæk to 40")
        #expect(try shape("rank $area", parameters: ["area": "3.22.01"]) == "rank fn:3.22.01")
        #expect(try shape("gap $kommune to 1", parameters: ["kommune": "Lyngby-Taarbæk"]) == "gap Lyngby-Taarbæk to 1")
    }

    @Test func aValueOfSeveralWordsIsOneName() throws {
        #expect(try shape("gap $kommune to 40", parameters: ["kommune": "Kors bæk"]) == "gap Kors bæk to 40")
    }

    @Test func parameterValuesPointAtTheParameter() throws {
        let statement = try #require(try parse("gap $kommune to 40", parameters: ["kommune": "Korsbæk"]).first)
        guard case .query(.gap(let gap)) = statement.kind else {
            Issue.record("not a gap")
            return
        }
        #expect(gap.municipality.range == span(1, 5, 13))
    }

    @Test func paramLinesGiveDefaults() throws {
        var defaults: [String: String] = [:]
        let statements = try Parser.parse(
            Source(name: "s.rdr", text: "param kommune = Korsbæk\nparam place = 40\ngap $kommune to $place"),
            defaults: &defaults)
        #expect(statements.map { describe($0.kind) } == ["gap Korsbæk to 40"])
        #expect(defaults == ["kommune": "Korsbæk", "place": "40"])
    }

    @Test func paramDefaultsDoNotOverrideGivenValues() throws {
        var defaults: [String: String] = [:]
        let statements = try Parser.parse(
            Source(name: "s.rdr", text: "param place = 40\ngap Korsbæk to $place"), parameters: ["place": "25"],
            defaults: &defaults)
        #expect(statements.map { describe($0.kind) } == ["gap Korsbæk to 25"])
        #expect(defaults == ["place": "40"])
    }

    @Test func paramValuesMayBeCodesAndStrings() throws {
        #expect(try shape("param f = 3.22.01; param k = \"Lyngby-Taarbæk\"; gap $k to 1 in $f")
            == "gap Lyngby-Taarbæk to 1 in fn:3.22.01")
    }

    @Test func unknownParameterPointsAtIt() throws {
        let error = try #require(syntaxError("rank Skole\ngap $kommune to 40"))
        #expect(error.message == "unknown parameter $kommune; give it with --set kommune=VALUE or a line 'param kommune = VALUE'")
        #expect(error.range == span(2, 5, 13))
    }

    @Test func unknownParameterListsTheKnownOnes() throws {
        let error = try #require(syntaxError("gap $x to $place", parameters: ["place": "40", "kommune": "Korsbæk"]))
        #expect(error.message == "unknown parameter $x; give it with --set x=VALUE or a line 'param x = VALUE'"
            + " (known: $kommune, $place)")
        #expect(error.range == span(1, 5, 7))
    }

    @Test func paramWithoutAValue() throws {
        let error = try #require(syntaxError("param place = ,"))
        #expect(error.message == "expected a value after 'param … =': a word, a number, an age band or a \"string\", found ','")
        #expect(error.range == span(1, 15, 16))
    }

    @Test func paramWithTwoValues() throws {
        let error = try #require(syntaxError("param place = 40 40"))
        #expect(error.message.hasPrefix("expected the end of the param line"))
        #expect(error.range == span(1, 18, 20))
    }

    @Test func invalidParameterValue() throws {
        let error = try #require(syntaxError("gap $k to 40", parameters: ["k": "\"Kors"]))
        #expect(error.message.hasPrefix("the value of $k ('\"Kors') is not valid: unterminated string"))
        #expect(error.range == span(1, 5, 7))
    }

    @Test func malformedParamLineIsAnError() throws {
        // `param place 40` (no '=') and `param 5 = 3` are silently skipped: the script then fails
        // later at $place with "unknown parameter", or not at all.
        #expect(syntaxError("param place 40") != nil)
        #expect(syntaxError("param 5 = 3") != nil)
    }

    @Test func ageBandAsParameter() throws {
        // `--set band=6-16` and `param band = 6-16` are the natural way to parameterise a segment.
        let given = try? shape("rank Skole per $band", parameters: ["band": "6-16"])
        #expect(given == "rank area:Skole per 6-16")
        let byDefault = try? shape("param band = 6-16\nrank Skole per $band")
        #expect(byDefault == "rank area:Skole per 6-16")
    }

    // MARK: Syntax errors

    @Test(arguments: [
        ("gap Korsbæk 40",
         "expected 'to' and a place after the municipality, as in gap Korsbæk to 40, found '40'", span(1, 13, 15)),
        ("gap Korsbæk",
         "expected 'to' and a place after the municipality, as in gap Korsbæk to 40, found the end of the statement",
         span(1, 12, 12)),
        ("gap Korsbæk to +",
         "expected a place (1 = lowest spending), 'median' or a municipality, as in gap Korsbæk to 40, found '+'", span(1, 16, 17)),
        ("rank Skole per 6", "an age band is written 6-16 or 6+", span(1, 16, 17)),
        ("rank Ældre per 65", "an age band is written 65-75 or 65+", span(1, 16, 18)),
        ("rank Skole per 16-6", "the age band 16-6 is empty; write the lower age first", span(1, 16, 20)),
        ("rank Skole per 6-200", "an age is a whole number from 0 to 125; '200' is not", span(1, 18, 21)),
        ("rank Skole per 6-", "expected the upper age of the band, as in 6-16, found the end of the statement", span(1, 18, 18)),
        ("rank Skole per kommune",
         "expected a segment after 'per': capita, an age band such as 6-16, or 65+, found 'kommune'", span(1, 16, 23)),
        ("rnak Skole", "unknown command 'rnak'; did you mean rank?", span(1, 1, 5)),
        ("lod R2024", "unknown command 'lod'; did you mean load?", span(1, 1, 4)),
        ("frobnicate Skole", "unknown command 'frobnicate'; type help for the list of commands", span(1, 1, 11)),
        ("rank", "expected an area (type areas for the list) or a function such as 3.22.01, found the end of the statement",
         span(1, 5, 5)),
        ("rank Skole top 0", "a number of rows is a whole number from 1 to 9999; '0' is not", span(1, 16, 17)),
        ("rank Skole bottom", "expected a number of rows after 'bottom', as in bottom 10, found the end of the statement",
         span(1, 18, 18)),
        ("rank Skole for", "expected a municipality after 'for', found the end of the statement", span(1, 15, 15)),
        ("rank 5.38.5", "'5.38.5' is not a function code; write 5.38.50, 5.38.* or 5.*", span(1, 6, 12)),
        ("rank Skole Korsbæk",
         "unexpected 'Korsbæk' after the end of the statement; put a ';' or a new line between statements",
         span(1, 12, 19)),
        ("load R20", "expected a dataset such as R2024 (accounts 2024) or B2021 (budget 2021), found 'R20'", span(1, 6, 9)),
        ("load teaching", "expected a dataset such as R2024 (accounts 2024) or B2021 (budget 2021), found the end of the statement",
         span(1, 14, 14)),
        ("let rank = rank Skole", "'rank' is a command and cannot name a result; choose another name", span(1, 5, 9)),
        ("let s rank Skole", "expected '=' after 'let s', as in let s = rank Skole, found 'rank'", span(1, 7, 11)),
        ("let s = areas", "expected rank, gap, compare, drill, trend, peers, explain or the name of a result after '=', found 'areas'", span(1, 9, 14)),
        ("let 2 = rank Skole",
         "expected a name for the result (letters, digits and _), as in let s = rank Skole, found '2'", span(1, 5, 6)),
        ("show", "expected the name of a result, as in show s, found the end of the statement", span(1, 5, 5)),
        ("show s as", "expected a format after 'as': table, csv, excel-csv, markdown or json, found the end of the statement",
         span(1, 10, 10)),
        ("export s f.csv", "expected 'to' before the file name, as in export s to aeldre.csv, found 'f.csv'", span(1, 10, 15)),
        ("export to", "expected a file name such as aeldre.csv, found the end of the statement", span(1, 10, 10)),
        ("set colour red", "expected 'format' or title or lang after set (set format table|csv|excel-csv|markdown|json, set title \"…\", set lang en|da), found 'colour'", span(1, 5, 11)),
        ("define Botilbud = 5.38.50",
         "expected 'area' after define, as in define area Botilbud = 5.38.50, 5.38.51 per 18-64, found 'Botilbud'",
         span(1, 8, 16)),
        ("define area Botilbud 5.38.50",
         "expected '=' and the functions of the area, as in = 5.38.50, 5.38.51, found '5.38.50'", span(1, 22, 29)),
        ("define area Botilbud = Skole",
         "expected a function such as 5.38.50, a group 5.38.* or a main account 5.*, found 'Skole'", span(1, 24, 29)),
        ("define area Botilbud = 5.38.50,",
         "expected a function such as 5.38.50, a group 5.38.* or a main account 5.*, found the end of the statement",
         span(1, 32, 32)),
        ("= rank", "expected a command such as load, rank or gap (type help for the list), found '='", span(1, 1, 2)),
        ("\"rank\" Skole",
         "expected a command such as load, rank or gap (type help for the list), found the string \"rank\"", span(1, 1, 7)),
        ("rank Skole as csv",
         "unexpected 'as' after the end of the statement; put a ';' or a new line between statements", span(1, 12, 14)),
    ] as [(String, String, SourceRange)])
    func syntaxErrors(_ input: String, _ message: String, _ range: SourceRange) throws {
        let error = try #require(syntaxError(input), "\(input) parsed")
        #expect(error.message == message)
        #expect(error.range == range)
    }

    @Test func gapWithoutAMunicipality() throws {
        // Forgetting the municipality: "to" must not be taken as the municipality's name.
        let error = try #require(syntaxError("gap to 40"))
        #expect(error.message == "expected a municipality before 'to', as in gap Korsbæk to 40")
        #expect(error.message.contains("a municipality"))
        #expect(!error.message.contains("gap to to"))
        #expect(error.range == span(1, 5, 7))
    }

    @Test func syntaxErrorOnALaterLine() throws {
        let error = try #require(syntaxError("load teaching R2020\nrank Skole\n\ngap Korsbæk 40\nareas"))
        #expect(error.message.hasPrefix("expected 'to'"))
        #expect(error.range == span(4, 13, 15))
    }

    @Test func syntaxErrorAfterDanishLetters() throws {
        let error = try #require(syntaxError("gap Ærø to +"))
        #expect(error.range == span(1, 12, 13))
    }

    @Test func syntaxErrorWithFirstLine() throws {
        var defaults: [String: String] = [:]
        do {
            _ = try Parser.parse(Source(name: "pipe", text: "rnak Skole", firstLine: 12), defaults: &defaults)
            Issue.record("parsed")
        } catch {
            #expect(error.range == span(12, 1, 5))
        }
    }

    @Test func commandWordsCannotNameResults() throws {
        for word in ["areas", "help", "Quit"] {
            let error = try #require(syntaxError("let \(word) = rank Skole"))
            #expect(error.message == "'\(word)' is a command and cannot name a result; choose another name")
        }
    }
}
