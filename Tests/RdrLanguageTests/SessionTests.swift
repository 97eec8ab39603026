import Foundation
import RdrEngine
import RdrLanguage
import RdrRender
import RdrReport
import Testing

@Suite struct SessionTests {
    // MARK: Loading

    @Test func loadReal() throws {
        let session = try makeSession()
        let outputs = try session.outputs("load R2024")
        #expect(outputs.compactMap(\.message) == [
            "Loaded R2024 (accounts 2024): 98 municipalities, 25 functions, population totals on 1 January 2024, current prices. "
                + "Source: Statistics Denmark (CC BY 4.0), REGK31 kr. per inhabitant and FOLK1A 1 January.",
        ])
        let dataset = try #require(session.dataset)
        #expect(dataset.collection == "real")
        #expect(dataset.id == DatasetID(kind: .accounts, year: 2024))
        #expect(dataset.municipalities.count == 98)
        #expect(!dataset.provenance.invented)
    }

    @Test func loadRealByName() throws {
        let session = try makeSession()
        try session.outputs("load real r2020")
        #expect(session.dataset?.collection == "real")
        #expect(session.dataset?.id.description == "R2020")
    }

    @Test func loadTeaching() throws {
        let session = try makeSession()
        let message = try #require(try session.outputs("load teaching R2020").first?.message)
        #expect(message.hasPrefix("Loaded teaching R2020 (accounts 2020): INVENTED figures for 98 fictional municipalities"))
        #expect(message.contains("population by age on 1 January 2020"))
        let dataset = try #require(session.dataset)
        #expect(dataset.collection == "teaching")
        #expect(dataset.provenance.invented)
        #expect(dataset.municipalities.contains { $0.name == "Korsbæk" })
    }

    @Test func loadTeachingBudget() throws {
        let session = try makeSession()
        try session.outputs("load teaching B2021")
        #expect(session.dataset?.id == DatasetID(kind: .budget, year: 2021))
    }

    @Test func aLaterLoadReplacesTheDataset() throws {
        let session = try makeSession()
        try session.outputs("load R2024\nload teaching R2020")
        #expect(session.dataset?.name == "teaching R2020")
    }

    // MARK: The real snapshot and its limits

    @Test func rankAFunctionOnReal() throws {
        let session = try makeSession()
        let result = try session.result(of: "load R2024; rank 3.22.01")
        #expect(result.rows.count == 98)
        #expect(result.footer.count == 1)  // the median
        #expect(result.title == "3.22.01 Folkeskoler: kr. per inhabitant, R2024 (place 1 = lowest)")
        #expect(result.captionLines.contains { $0.contains("Statistics Denmark") })
        #expect(!result.captionLines.contains { $0.contains("INVENTED") })
        #expect(session.render(.result(result, format: nil)).contains("Statistics Denmark"))
        // Places run 1 … 98 from the lowest spending.
        let perPerson = result.column("kr_per_person").compactMap(\.amount)
        #expect(perPerson == perPerson.sorted())
    }

    @Test func rankAnAreaOnRealSaysWhyAndWhatWouldWork() throws {
        let session = try makeSession()
        let (error, outputs) = session.failure("load R2024\nrank Skole")
        let failure = try #require(error)
        #expect(outputs.count == 1)  // the load
        let message = failure.diagnostic.message
        // Why: the area needs a whole group of functions, and the snapshot holds a selection.
        #expect(message.hasPrefix("Skole needs every function of 3.22.*, but R2024 holds only a selection of functions"))
        // What would work: its functions (the `functions` listing), an area of them, or the teaching dataset.
        #expect(message.contains("`functions`"))
        #expect(message.contains("define"))
        #expect(message.contains("load teaching"))
        #expect(failure.diagnostic.range == span(2, 6, 11))
        #expect(failure.formatted.hasPrefix("input:2:6: error: Skole needs every function of 3.22.*"))
    }

    @Test func whatWouldWorkDoesWork() throws {
        // The hint's alternatives: a listed function, and an area defined from listed functions.
        let session = try makeSession()
        let functions = try session.result(of: "load R2024\nfunctions").texts("function")
        #expect(functions.count == 25)
        #expect(functions.contains("3.22.01"))
        #expect(try session.result(of: "rank 3.22.01").rows.count == 98)
        try session.outputs("define area Folkeskole = 3.22.01, 3.22.05 per capita")
        #expect(try session.result(of: "rank Folkeskole").rows.count == 98)
    }

    @Test func ageBandOnRealFails() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("load R2024\nrank 3.22.01 per 6-16").error)
        let message = failure.diagnostic.message
        #expect(message.hasPrefix("per 6-16 needs population by age, but R2024 has population totals only; use per capita"))
        #expect(message.components(separatedBy: "population totals only").count - 1 == 1)
        #expect(message.contains("load teaching"))
        #expect(failure.diagnostic.range == span(2, 18, 22))
    }

    @Test func aBudgetOnRealFails() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("load B2021").error)
        #expect(failure.diagnostic.message == "B2021 is not in the built-in real snapshot (it holds R2019-R2024); "
            + "budgets (BUDK32) are not in the snapshot; fetch B2021 downloads it from Statistics Denmark into the local store; "
            + "load teaching B2021 has invented figures for teaching")
        #expect(failure.diagnostic.range == span(1, 6, 11))
        #expect(session.dataset == nil)
    }

    @Test func aFailedLoadKeepsTheDataset() throws {
        let session = try makeSession()
        try session.outputs("load R2024")
        #expect(session.failure("load B2021").error != nil)
        #expect(session.dataset?.name == "R2024")
    }

    // MARK: Invented figures are always marked

    @Test(arguments: OutputFormat.allCases)
    func teachingResultsAreMarkedInvented(_ format: OutputFormat) throws {
        let session = try makeSession(format: format)
        for text in ["rank Skole top 3", "gap Korsbæk to 40 in Skole", "gap Korsbæk to 40"] {
            let outputs = try session.outputs("load teaching R2020\n" + text)
            let result = try #require(outputs.last)
            let rendered = session.render(result)
            if format == .json {
                #expect(rendered.contains("\"invented\": true"), "\(text) as json")
            } else {
                #expect(rendered.contains("INVENTED FIGURES (teaching data)"), "\(text) as \(format)")
            }
        }
    }

    @Test(arguments: OutputFormat.allCases)
    func realResultsAreNotMarkedInvented(_ format: OutputFormat) throws {
        let session = try makeSession(format: format)
        let result = try #require(try session.outputs("load R2024; rank 3.22.01 top 3").last)
        let rendered = session.render(result)
        #expect(!rendered.contains("INVENTED"))
        if format == .json { #expect(rendered.contains("\"invented\": false")) }
    }

    @Test func showAsAnotherFormatIsStillMarked() throws {
        let session = try makeSession()
        let outputs = try session.outputs("load teaching R2020; let s = rank Skole top 3; s as csv; show s as markdown")
        #expect(outputs.compactMap(\.format) == [.csv, .markdown])
        for output in outputs.suffix(2) {
            #expect(session.render(output).contains("INVENTED FIGURES"))
        }
    }

    // MARK: Named results

    @Test func letShowDropAndResults() throws {
        let session = try makeSession()
        let outputs = try session.outputs("load teaching R2020\nlet s = rank Skole top 3\nshow s\ns\ns as json")
        #expect(outputs[1].message == "s = Skole: kr. per 6-16-year-old, teaching R2020 (place 1 = lowest) (3 rows)")
        let shown = outputs.dropFirst(2).compactMap(\.result)
        #expect(shown.count == 3)
        #expect(shown.allSatisfy { $0 == session.result(named: "s") })
        #expect(outputs.compactMap(\.format) == [.json])
        #expect(session.results.map(\.name) == ["s", "_"])

        let listing = try session.result(of: "results")
        #expect(listing.texts("name") == ["s", "_"])
        #expect(listing.column("rows") == [.integer(3), .integer(3)])

        #expect(try session.outputs("drop s").compactMap(\.message) == ["Dropped s."])
        #expect(session.result(named: "s") == nil)
        #expect(session.results.map(\.name) == ["_"])
        let failure = try #require(session.failure("show s").error)
        #expect(failure.diagnostic.range == span(1, 6, 7))
        #expect(failure.diagnostic.message == "no result named 's'; make one with let NAME = rank …")
    }

    @Test func underscoreIsTheLastResult() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020\nlet s = rank Skole top 3\nrank Ældre top 2")
        let last = try #require(session.result(named: "_"))
        #expect(last.rows.count == 2)
        #expect(last.title.hasPrefix("Ældre"))
        #expect(try session.result(of: "_") == last)
        // Showing a result again does not make it the last one.
        try session.outputs("s")
        #expect(session.result(named: "_") == last)
        // Binding makes it the last one.
        try session.outputs("let t = s")
        #expect(session.result(named: "_") == session.result(named: "s"))
        #expect(session.results.map(\.name) == ["s", "t", "_"])
    }

    @Test func rebindingReplacesTheName() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020\nlet s = rank Skole top 3\nlet s = rank Skole top 5")
        #expect(session.results.map(\.name) == ["s", "_"])
        #expect(session.result(named: "s")?.rows.count == 5)
    }

    @Test func aMisspelledResultName() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020\nlet skole = rank Skole top 3")
        let failure = try #require(session.failure("show skoel").error)
        #expect(failure.diagnostic.message == "no result named 'skoel'; did you mean skole?")
        #expect(failure.diagnostic.range == span(1, 6, 11))
    }

    @Test func underscoreCannotBeBound() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let failure = try #require(session.failure("let _ = rank Skole top 2").error)
        #expect(failure.diagnostic.message == "_ always names the last result; choose another name")
        #expect(failure.diagnostic.range == span(1, 5, 6))
        let names = session.results.map(\.name)
        #expect(Set(names).count == names.count, "results: \(names)")
    }

    // MARK: Areas

    @Test func builtInAreas() throws {
        let session = try makeSession()
        let listing = try session.result(of: "areas")
        #expect(listing.rows.count == 10)
        #expect(listing.texts("area") == [
            "Administration", "Arbejdsmarked", "Dagtilbud", "Kultur", "Skole", "SocialBørn", "SocialVoksen",
            "Sundhed", "Teknik", "Ældre",
        ])
        #expect(listing.texts("per")[4] == "6-16")
        #expect(listing.texts("functions")[4] == "3.22.* except 3.22.17")
        #expect(session.areas.count == 10)
    }

    @Test func defineAnAreaThenRankIt() throws {
        let session = try makeSession()
        let outputs = try session.outputs("""
            load teaching R2020
            define area Botilbud "Botilbud, voksne" = 5.38.50, 5.38.51 per 18-64
            rank Botilbud top 3
            """)
        #expect(outputs[1].message == "Defined area Botilbud = 5.38.50, 5.38.51 per 18-64.")
        let result = try #require(outputs[2].result)
        #expect(result.title == "Botilbud, voksne: kr. per 18-64-year-old, teaching R2020 (place 1 = lowest)")
        #expect(result.rows.count == 3)
        #expect(session.areas.count == 11)
        #expect(try session.result(of: "areas").texts("area").last == "Botilbud")
        // The new area's name is case-insensitive like the built-in ones.
        #expect(try session.result(of: "rank botilbud").rows.count == 98)
    }

    @Test func redefiningReplacesInPlace() throws {
        let session = try makeSession()
        let outputs = try session.outputs("load teaching R2020\ndefine area Skole = 3.22.01 per 6-16")
        #expect(outputs[1].message == "Redefined area Skole = 3.22.01 per 6-16.")
        #expect(session.areas.count == 10)
        #expect(session.areas[4].key == "Skole")
        #expect(session.areas[4].include == [FunctionPattern("3.22.01")!])
        let result = try session.result(of: "rank Skole top 1")
        #expect(result.captionLines.contains { $0.contains("3.22.01") })
        #expect(!result.captionLines.joined().contains("3.22.*"))
        let described = try session.result(of: "area Skole")
        #expect(described.texts("function") == ["3.22.01"])
    }

    @Test func anAreaOnTheTeachingDatasetListsItsFunctions() throws {
        let session = try makeSession()
        let result = try session.result(of: "load teaching R2020\narea Skole")
        #expect(result.title == "Area Skole (Skole) = 3.22.* except 3.22.17 per 6-16, in teaching R2020")
        #expect(result.texts("function") == [
            "3.22.01", "3.22.03", "3.22.05", "3.22.07", "3.22.08", "3.22.10", "3.22.12", "3.22.14", "3.22.18",
        ])
        #expect(result.texts("label").first == "Folkeskoler")
        #expect(result.texts("areas").allSatisfy { $0 == "Skole" })
    }

    @Test func anAreaOnRealSaysItCannotBeComputed() throws {
        let session = try makeSession()
        let result = try session.result(of: "load R2024\narea Skole")
        #expect(result.notes.count == 1)
        #expect(result.notes[0].hasPrefix("Cannot be computed on R2024: Skole needs every function of 3.22.*"))
    }

    @Test func aFunctionCodeCannotNameAnArea() throws {
        // The parser takes `5.38.50` as a code, so the name never reaches the interpreter.
        let session = try makeSession()
        #expect(session.failure("define area 5.38.50 = 5.38.50").error != nil)
        #expect(session.areas.count == 10)
    }

    // MARK: gap

    @Test func gapShowsItsArithmetic() throws {
        let session = try makeSession()
        let ranking = try session.result(of: "load teaching R2020\nrank Skole")
        let gap = try session.result(of: "gap Korsbæk to 40 in Skole")
        #expect(gap.title == "Mulighedsrum: Korsbæk to place 40 in Skole, teaching R2020")
        #expect(gap.rows.count == 8)
        let values = gap.column("value").compactMap(\.amount)
        let (spending, persons, own) = (values[0], values[1], values[2])
        let (benchmarkSpending, benchmarkPersons, benchmark) = (values[3], values[4], values[5])
        let (level, mulighedsrum) = (values[6], values[7])

        // The figures are the ranking's.
        let names = ranking.texts("municipality")
        let perPerson = ranking.column("kr_per_person").compactMap(\.amount)
        let korsbæk = try #require(names.firstIndex(of: "Korsbæk"))
        #expect(own == perPerson[korsbæk])
        #expect(benchmark == perPerson[39])
        #expect(persons == ranking.column("persons")[korsbæk].amount)
        #expect(spending == ranking.column("spending_kr")[korsbæk].amount)
        #expect(gap.texts("item")[3] == "place 40, \(names[39]): net spending, kr.")

        // Every line adds up: the level is 4 × 2 ÷ 5 rounded once, the mulighedsrum 1 − 7.
        #expect(abs(level - benchmarkSpending * persons / benchmarkPersons) <= 0.5)
        #expect(mulighedsrum == spending - level)
        #expect(mulighedsrum > 0)  // Korsbæk is at place 73 of 98 on Skole
        #expect(gap.footer.isEmpty)
    }

    @Test func gapToAPlaceBelowIsZero() throws {
        let session = try makeSession()
        let gap = try session.result(of: "load teaching R2020\ngap Korsbæk to 90 in Skole")
        #expect(gap.column("value").last == .integer(0))
        #expect(gap.notes.first == "Korsbæk already spends at or below place 90: the mulighedsrum is 0.")
    }

    @Test func gapToTheMedian() throws {
        let session = try makeSession()
        let gap = try session.result(of: "load teaching R2020\ngap Korsbæk to median in Skole")
        #expect(gap.title == "Mulighedsrum: Korsbæk to place 50 in Skole, teaching R2020")
    }

    @Test func gapOnARealFunction() throws {
        let session = try makeSession()
        let gap = try session.result(of: "load R2024\ngap Holbæk to 40 in 3.22.01")
        #expect(gap.title == "Mulighedsrum: Holbæk to place 40 in 3.22.01 Folkeskoler, R2024")
        #expect(gap.captionLines.contains { $0.contains("Statistics Denmark") })
    }

    @Test func overviewHasEveryAreaAndATotal() throws {
        let session = try makeSession()
        let overview = try session.result(of: "load teaching R2020\ngap Korsbæk to 40")
        #expect(overview.title == "Overview: Korsbæk, mulighedsrum to place 40, teaching R2020")
        #expect(overview.rows.count == 10)
        #expect(overview.texts("area") == session.areas.map(\.title))
        #expect(overview.footer.count == 1)
        #expect(overview.footer[0].contains(.text("total")))
        // The total is what a reader gets adding up the rows as shown (whole kroner).
        let rows = overview.column("mulighedsrum_kr").compactMap(\.amount)
        let total = try #require(overview.columns.firstIndex { $0.key == "mulighedsrum_kr" }.flatMap { overview.footer[0][$0].amount })
        #expect(total == rows.reduce(0, +))
        #expect(overview.column("mulighedsrum_kr").allSatisfy { ($0.amount ?? -1) >= 0 })
    }

    @Test func overviewRowAgreesWithTheAreaGap() throws {
        let session = try makeSession()
        let overview = try session.result(of: "load teaching R2020\ngap Korsbæk to 40")
        let gap = try session.result(of: "gap Korsbæk to 40 in Ældre")
        let row = try #require(overview.texts("area").firstIndex(of: "Ældre"))
        let inOverview = try #require(overview.column("mulighedsrum_kr")[row].amount)
        let alone = try #require(gap.column("value").last?.amount)
        #expect(inOverview == alone)
    }

    @Test func overviewFollowsADefinedArea() throws {
        let session = try makeSession()
        let overview = try session.result(of: "load teaching R2020\ndefine area Botilbud = 5.38.50 per 18-64\ngap Korsbæk to 40")
        #expect(overview.rows.count == 11)
    }

    @Test func overviewWithPerNeedsAnArea() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("load teaching R2020\ngap Korsbæk to 40 per 6-16").error)
        #expect(failure.diagnostic.message == "per needs an area: the overview uses each area's own segment; "
            + "write gap Korsbæk to … in AREA per 6-16, or by function per 6-16")
        #expect(failure.diagnostic.range == span(2, 23, 27))
    }

    // MARK: Other statements

    @Test func rankSelections() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let top = try session.result(of: "rank Skole top 5")
        #expect(top.column("place") == (1...5).map { .place($0, tied: false) })
        let bottom = try session.result(of: "rank Skole bottom 2")
        #expect(bottom.column("place") == [.place(97, tied: false), .place(98, tied: false)])
        let chosen = try session.result(of: "rank Skole for Bjergsted, korsbaek")
        #expect(Set(chosen.texts("municipality")) == ["Bjergsted", "Korsbæk"])
        #expect(try session.result(of: "rank Skole per 6-16").rows.count == 98)
    }

    @Test func setFormat() throws {
        let session = try makeSession()
        #expect(try session.outputs("set format csv").compactMap(\.message) == ["Output format: csv."])
        #expect(session.format == .csv)
        try session.outputs("set format md")
        #expect(session.format == .markdown)
        #expect(session.failure("set format xml").error?.diagnostic.message
            == "unknown format 'xml'; choose table, csv, excel-csv, markdown or json")
        #expect(session.format == .markdown)
    }

    @Test func listings() throws {
        let session = try makeSession()
        // Before a load, municipalities lists the real snapshot's.
        #expect(try session.result(of: "municipalities").rows.count == 98)
        #expect(try session.result(of: "kommuner").texts("name").contains("Ærø"))
        let datasets = try session.result(of: "datasets")
        #expect(datasets.texts("dataset").contains("R2024"))
        #expect(datasets.texts("status").allSatisfy { $0.isEmpty })
        try session.outputs("load teaching R2020")
        let loaded = try session.result(of: "datasets")
        #expect(loaded.texts("status").filter { $0 == "current" }.count == 1)
        #expect(try session.result(of: "municipalities").title == "Municipalities of teaching R2020 (fictional)")
        #expect(try session.result(of: "functions").rows.count == 78)
    }

    @Test func help() throws {
        let session = try makeSession()
        let overview = try #require(try session.outputs("help").first?.message)
        #expect(overview.contains("rank AREA|FUNCTION"))
        let rank = try #require(try session.outputs("help rank").first?.message)
        #expect(rank.contains("rank Skole per 6-16"))
        let failure = try #require(session.failure("help rnak").error)
        #expect(failure.diagnostic.message == "no help on 'rnak'; did you mean help rank?")
        #expect(failure.diagnostic.range == span(1, 6, 10))
        #expect(try session.outputs("help kommuner").first?.message?.contains("municipalities") == true)
    }

    /// The examples `help TOPIC` shows, for every topic the overview lists.
    private func helpExamples() throws -> [(topic: String, example: String)] {
        let session = try makeSession()
        let overview = try #require(try session.outputs("help").first?.message)
        let topics = overview.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("Commands") }.dropFirst()
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .compactMap { $0.split(separator: " ").first.map(String.init) } + ["segments"]  // not a command
        #expect(topics.count >= 15)
        var examples: [(String, String)] = []
        for topic in topics {
            let text = try #require(try session.outputs("help \(topic)").first?.message)
            examples += text.split(separator: "\n").drop { !$0.contains("Examples:") }.dropFirst()
                .map { (topic, $0.trimmingCharacters(in: .whitespaces)) }
        }
        return examples
    }

    @Test func helpExamplesWork() throws {
        // Each example in a fresh session with the teaching dataset and a result s, as a reader
        // trying them at the prompt would have. run and param need files or --set.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // fetch, import, forget and check need Statistics Denmark or its files: StatbankTests and
        // EndToEndTests cover them; a price index file likewise.
        let examples = try helpExamples().filter {
            !["run", "param", "quit", "fetch", "import", "forget", "check"].contains($0.topic) && !$0.example.contains("using")
                && !$0.example.contains("crosswalk")
        }
        #expect(examples.count >= 30)
        for (topic, example) in examples {
            let session = try makeSession(workingDirectory: folder.path)
            try session.outputs("load teaching R2019..R2024, B2025\nuse R2020\nlet s = rank Skole top 3", name: "setup")
            let failure = session.failure(example).error
            #expect(failure == nil, "help \(topic): \(example): \(failure?.diagnostic.message ?? "")")
        }
    }

    @Test func quitStopsTheSource() throws {
        let session = try makeSession()
        let outputs = try session.outputs("areas; quit; load R2024")
        #expect(outputs.count == 2)
        #expect(outputs.last?.isQuit == true)
        #expect(session.dataset == nil)
    }

    @Test func statementsRunInOrderAndEmitOneOutputEach() throws {
        let session = try makeSession()
        let outputs = try session.outputs("load teaching R2020; rank Skole per 6-16 top 5; gap Korsbæk to 40")
        #expect(outputs.count == 3)
        #expect(outputs[0].message != nil)
        #expect(outputs[1].result?.rows.count == 5)
        #expect(outputs[2].result?.title.hasPrefix("Overview") == true)
    }

    @Test func parametersFromTheSessionAndDefaults() throws {
        let session = try makeSession(parameters: ["kommune": "Bjergsted"])
        let gap = try session.result(of: "param kommune = Korsbæk\nparam place = 30\nload teaching R2020\ngap $kommune to $place in Skole")
        #expect(gap.title == "Mulighedsrum: Bjergsted to place 30 in Skole, teaching R2020")
    }

    @Test func aScriptsDefaultsDoNotLeakIntoTheNextScript() throws {
        let session = try makeSession()
        try session.outputs("param place = 40\nload teaching R2020", name: "first.rdr")
        let gap = try session.result(of: "param place = 25\ngap Korsbæk to $place in Skole")
        #expect(gap.title == "Mulighedsrum: Korsbæk to place 25 in Skole, teaching R2020")
    }

    // MARK: Files

    @Test func exportWritesTheRenderedResult() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(workingDirectory: folder.path)
        let outputs = try session.outputs("load teaching R2020\nlet s = rank Skole\nexport s to skole.csv\ngap Korsbæk to 40\nexport to overview.md")
        #expect(outputs.compactMap(\.message).suffix(2) == [
            "Exported s (98 rows) to skole.csv as csv.",
            "Exported the last result (10 rows) to overview.md as markdown.",
        ])
        let csv = try String(contentsOfFile: folder.file("skole.csv"), encoding: .utf8)
        #expect(csv == Renderer(format: .csv).render(try #require(session.result(named: "s"))))
        #expect(csv.contains("INVENTED FIGURES"))
        let markdown = try String(contentsOfFile: folder.file("overview.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("**Overview: Korsbæk") || markdown.contains("Overview: Korsbæk"))
        #expect(try folder.contents() == ["overview.md", "skole.csv"])
    }

    @Test func exportToAnAbsolutePathAndJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession()
        try session.outputs("load R2024\nrank 3.22.01 top 2\nexport _ to \"\(folder.file("min fil.json"))\"")
        let json = try String(contentsOfFile: folder.file("min fil.json"), encoding: .utf8)
        #expect(json.contains("\"invented\": false"))
    }

    @Test func runAScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("load teaching R2020\nlet s = rank Skole top 3\n", to: "setup.rdr")
        let session = try makeSession(workingDirectory: folder.path)
        let outputs = try session.outputs("run setup.rdr\nshow s")
        #expect(outputs.count == 3)
        #expect(session.result(named: "s")?.rows.count == 3)
    }

    @Test func anErrorInARunScriptNamesThatScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("load teaching R2020\n\ngap Korsbæk 40\n", to: "bad.rdr")
        let session = try makeSession(workingDirectory: folder.path)
        let failure = try #require(session.failure("areas\nrun bad.rdr").error)
        #expect(failure.source.name == "bad.rdr")
        #expect(failure.formatted == """
            input:2 → bad.rdr:3:13: error: expected 'to' and a place after the municipality, as in gap Korsbæk to 40, found '40'
                gap Korsbæk 40
                            ^~
            note: nothing in bad.rdr ran; a syntax error stops the whole script
            """)
    }

    @Test func aScriptThatRunsItselfStops() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("run loop.rdr\n", to: "loop.rdr")
        let session = try makeSession(workingDirectory: folder.path)
        let failure = try #require(session.failure("run loop.rdr").error)
        #expect(failure.diagnostic.message == "run nests more than 16 deep; does a script run itself?")
    }

    @Test func errorsWithoutALoadedDatasetPointAtTheStatement() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("areas\nrank Skole").error)
        #expect(failure.diagnostic.message == "no dataset is loaded; start with load R2024 (real) or load teaching R2020")
        #expect(failure.formatted.hasPrefix("input:2:1: error: no dataset is loaded"))

        let functions = try #require(session.failure("areas\nfunctions").error)
        #expect(functions.diagnostic.message == "no dataset is loaded; load R2024 or load teaching R2020, then functions")
        #expect(functions.diagnostic.range == span(2, 1, 10))
        #expect(functions.formatted.hasPrefix("input:2:1: error:"))
    }
}
