import Foundation
import RdrEngine
import RdrLanguage
import RdrTestSupport
import RdrReport
import Testing

/// `import` of tables saved by hand from statistikbanken.dk (`StatbankFixtures.websiteDownload`),
/// end to end through a session: the benchmark must be exactly the one the same figures give when
/// imported as Statbank API answers (`bulkBytes`). Every figure here is INVENTED (see StatbankFixtures).
@Suite struct WebsiteImportSessionTests {
    // MARK: - A session with a working folder and a store folder of its own

    final class World {
        let work: TemporaryFolder
        let storeFolder: TemporaryFolder
        let session: Session

        init() throws {
            work = try TemporaryFolder()
            storeFolder = try TemporaryFolder()
            session = try Session(format: .table, workingDirectory: work.path, dataDirectory: storeFolder.file("rdr"))
        }

        deinit {
            work.remove()
            storeFolder.remove()
        }

        /// The store's root: a folder that does not exist until something is saved in it.
        var store: String { storeFolder.file("rdr") }

        /// Writes `bytes` to `name` in the working folder.
        func write(_ bytes: [UInt8], to name: String) throws {
            try Data(bytes).write(to: work.url.appendingPathComponent(name))
        }

        /// Writes each file into the working folder and imports it by its relative name; the messages.
        @discardableResult
        func importing(_ files: [(name: String, bytes: [UInt8])]) throws -> [String] {
            try files.map { file in
                try write(file.bytes, to: file.name)
                return WebsiteImportSessionTests.messages(try session.outputs("import \(file.name)"))
            }
        }

        /// Every folder and file under the store, by relative path, with each file's bytes.
        func snapshot() -> [String: Data] {
            var result: [String: Data] = [:]
            guard let walker = FileManager.default.enumerator(atPath: store) else { return result }
            for case let relative as String in walker {
                let path = store + "/" + relative
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                result[relative] = isFolder.boolValue ? Data() : FileManager.default.contents(atPath: path)
            }
            return result
        }
    }

    static func messages(_ outputs: [Output]) -> String {
        outputs.compactMap(\.message).joined(separator: "\n")
    }

    static let fixtures = StatbankFixtures()

    /// REGK31 2023 as a line per figure (Windows-1252, commas, every field quoted, CRLF), without
    /// TID: the file's name carries the year.
    static let websiteAccounts = (name: "regk31-2023.csv",
                                  bytes: fixtures.websiteDownload("REGK31", year: 2023, layout: .linePerFigure,
                                                                  leavingOut: ["TID"]))
    /// FOLK1A 2023K1 as shown (UTF-8 with a BOM, semicolons, title, blank line, the quarter as the
    /// one column heading, area labels on lines of their own), KØN and CIVILSTAND left out.
    static let websitePopulation = (name: "folketal.csv",
                                    bytes: fixtures.websiteDownload("FOLK1A", year: 2023, layout: .asShown,
                                                                    leavingOut: ["KØN", "CIVILSTAND"]))
    /// The same figures as the Statbank API answers them (codes, BOM, semicolons, CRLF).
    static let apiFiles = [(name: "regk31-2023.csv", bytes: fixtures.bulkBytes("REGK31", years: [2023])),
                           (name: "folk1a-2023.csv", bytes: fixtures.bulkBytes("FOLK1A", years: [2023]))]

    /// The benchmark compared: rankings of a function and of defined areas with age segments, the
    /// mulighedsrum of one municipality in a function and in an area, the overview (on the
    /// fixture's seven functions, a selection, only the defined areas Skolen and Pleje can be
    /// computed; the built-in ones are notes) and the checks.
    static let benchmark = [
        "load R2023",
        "rank 3.22.01 per all",
        "define area Skolen = 3.22.01, 3.22.05, 3.22.07 per 6-16",
        "rank Skolen",
        "define area Pleje = 5.30.26, 5.30.27 per 65+",
        "rank Pleje bottom 10",
        "rank 6.45.51 for København, Aalborg, Læsø",
        "gap København to 40 in 3.22.01",
        "gap Aalborg to median in Skolen",
        "gap København to 40",
        "check R2023",
    ]

    /// What one statement gave: its results (their provenance's `retrieved`, which names the files
    /// and the time of the import, blanked), its messages, its error.
    struct Outcome: Equatable, CustomStringConvertible {
        var results: [ResultSet]
        var rendered: [String]
        var messages: [String]
        var error: String?

        var description: String {
            (rendered + messages + (error.map { ["error: " + $0] } ?? [])).joined(separator: "\n")
        }
    }

    /// Runs each statement and records what it gave; `retrieved` collects the blanked provenance.
    static func run(_ statements: [String], in world: World, retrieved: inout Set<String>) -> [Outcome] {
        statements.map { statement in
            let (error, outputs) = world.session.failure(statement)
            var results: [ResultSet] = []
            for case .result(var result, _) in outputs {
                if let provenance = result.provenance {
                    retrieved.insert(provenance.retrieved)
                    result.provenance?.retrieved = ""
                }
                // `check` counts the rows a BULK answer leaves out (read as 0); a download from the
                // website has every row: that note is compared on its own.
                result.notes = result.notes.map { $0.contains("read as 0 kr.") ? "(absent rows)" : $0 }
                results.append(result)
            }
            return Outcome(results: results,
                           rendered: results.map { world.session.render(.result($0, format: nil)) },
                           messages: outputs.compactMap(\.message),
                           error: error?.diagnostic.message)
        }
    }

    static func perPerson(_ result: ResultSet, _ name: String) throws -> Double {
        let index = try #require(result.texts("municipality").firstIndex(of: name), "\(name) not ranked")
        return try #require(result.column("kr_per_person")[index].amount)
    }

    // MARK: - The same benchmark

    /// Imports `website` into one session and the API answers into another, runs the benchmark in
    /// both, and expects the same outcomes but for where (and when) the files were imported from.
    func expectTheSameBenchmark(website: [(name: String, bytes: [UInt8])]) throws {
        let fromWebsite = try World(), fromAPI = try World()
        let websiteMessages = try fromWebsite.importing(website)
        let apiMessages = try fromAPI.importing(Self.apiFiles)
        // The import messages differ only by the file names and the store.
        #expect(websiteMessages[0].hasPrefix("Imported \(website[0].name) (REGK31) into \(fromWebsite.store): R2023."),
                "\(websiteMessages)")
        #expect(websiteMessages[1] == "Imported \(website[1].name) (FOLK1A) into \(fromWebsite.store): population 2023. "
            + "R2023: Checks: all 2 agree (check R2023 shows them). It covers all 98 municipalities, 2023.",
            "\(websiteMessages)")
        #expect(apiMessages[1].hasSuffix("R2023: Checks: all 2 agree (check R2023 shows them). "
            + "It covers all 98 municipalities, 2023."), "\(apiMessages)")

        var websiteRetrieved = Set<String>(), apiRetrieved = Set<String>()
        let websiteOutcomes = Self.run(Self.benchmark, in: fromWebsite, retrieved: &websiteRetrieved)
        let apiOutcomes = Self.run(Self.benchmark, in: fromAPI, retrieved: &apiRetrieved)

        try #require(websiteOutcomes.count == apiOutcomes.count)
        for (i, statement) in Self.benchmark.enumerated() {
            #expect(websiteOutcomes[i] == apiOutcomes[i],
                    "\(statement):\nfrom the website:\n\(websiteOutcomes[i])\nfrom the API:\n\(apiOutcomes[i])")
        }

        // The provenance lines left out of the comparison name each session's own files.
        let websitePaths = website.map { fromWebsite.work.file($0.name) }.sorted()
        let apiPaths = Self.apiFiles.map { fromAPI.work.file($0.name) }.sorted()
        #expect(!websiteRetrieved.isEmpty && !apiRetrieved.isEmpty)
        for (retrieved, paths) in [(websiteRetrieved, websitePaths), (apiRetrieved, apiPaths)] {
            for line in retrieved {
                #expect(line.hasPrefix("imported "), "\(line)")
                #expect(line.hasSuffix(" from " + paths.joined(separator: ", ")), "\(line)")
            }
        }

        // The comparison is not of two equal failures: the benchmark ran, with the fixture's figures.
        let outcome = { (statement: String) in websiteOutcomes[Self.benchmark.firstIndex(of: statement)!] }
        for statement in Self.benchmark {
            #expect(outcome(statement).error == nil, "\(statement): \(outcome(statement))")
        }
        #expect(fromWebsite.session.dataset?.collection == "local")
        let function = try #require(outcome("rank 3.22.01 per all").results.last)
        #expect(function.rows.count == 98)
        // København: (150000,5 − 5000) × 1000 kr. / 5456 inhabitants (StatbankSessionTests works it out).
        #expect(try Self.perPerson(function, "København") == 145_000_500.0 / 5456)
        let school = try #require(outcome("rank Skolen").results.last)
        #expect(school.rows.count == 98)
        // København: 162,600,500 kr. net over 3.22.01, .05, .07 / 611 6-16-year-olds.
        #expect(try Self.perPerson(school, "København") == 162_600_500.0 / 611)
        let care = try #require(outcome("rank Pleje bottom 10").results.last)
        #expect(care.rows.count >= 10)
        let overview = try #require(outcome("gap København to 40").results.last)
        let computed = overview.texts("area").indices.filter { overview.column("mulighedsrum_kr")[$0].amount != nil }
        #expect(computed.map { overview.texts("area")[$0] } == ["Skolen", "Pleje"], "\(outcome("gap København to 40"))")
        let check = try #require(outcome("check R2023").results.last)
        #expect(check.texts("status") == ["ok", "ok"], "\(outcome("check R2023"))")
    }

    @Test func websiteDownloadsGiveTheSameBenchmarkAsAPIAnswers() throws {
        try expectTheSameBenchmark(website: [Self.websiteAccounts, Self.websitePopulation])
    }

    /// The other way round: REGK31 as shown (with TID as the column heading) and FOLK1A a line per
    /// figure in Windows-1252 with KØN and CIVILSTAND kept as "I alt".
    @Test func theOtherLayoutsGiveTheSameBenchmarkToo() throws {
        try expectTheSameBenchmark(website: [
            (name: "regnskab.csv", bytes: Self.fixtures.websiteDownload("REGK31", year: 2023, layout: .asShown)),
            (name: "folk1a-2023.csv", bytes: Self.fixtures.websiteDownload("FOLK1A", year: 2023, layout: .linePerFigure)),
        ])
    }

    /// The files are kept as they were saved, not as the API answer they were read as.
    @Test func theStoreKeepsTheDownloadsAsTheyWere() throws {
        let world = try World()
        try world.importing([Self.websiteAccounts, Self.websitePopulation])

        let stored = world.snapshot()
        #expect(stored["accounts/R2023/regk31-1.csv"] == Data(Self.websiteAccounts.bytes))
        #expect(stored["population/2023/folk1a-1.csv"] == Data(Self.websitePopulation.bytes))
        // And read back from there, without the name that told the year: the folder tells it.
        try world.session.outputs("load R2023")
        #expect(world.session.dataset?.collection == "local")
    }

    // MARK: - check

    @Test func checkPassesAfterImportingWebsiteDownloads() throws {
        let world = try World()
        try world.importing([Self.websiteAccounts, Self.websitePopulation])

        expectTheFixtureChecksPass(try world.session.result(of: "check R2023"))
    }

    // MARK: - A download the method cannot use

    /// Leaving DRANST out sums every dranst together: the import is refused, and nothing is kept.
    @Test(arguments: [WebsiteLayout.linePerFigure, .asShown])
    func aDownloadWithoutDranstIsRefusedAndTheStoreIsUnchanged(layout: WebsiteLayout) throws {
        let world = try World()
        // The population is in the store already: R2023 would be complete if its accounts were taken.
        try world.importing([Self.websitePopulation])
        let before = world.snapshot()
        #expect(!before.isEmpty)
        let leftOut: Set<String> = layout == .linePerFigure ? ["TID", "DRANST"] : ["DRANST"]
        try world.write(Self.fixtures.websiteDownload("REGK31", year: 2023, layout: layout, leavingOut: leftOut),
                        to: "regk31-2023.csv")

        let (error, outputs) = world.session.failure("import regk31-2023.csv")

        let message = try #require(error?.diagnostic.message)
        #expect(message.hasPrefix("not imported: regk31-2023.csv:"), "\(message)")
        #expect(message.contains("no DRANST"), "\(message)")
        #expect(message.contains("'1 Driftskonti'"), "says what to select: \(message)")
        #expect(outputs.isEmpty)
        #expect(world.snapshot() == before)
        let listing = try world.session.result(of: "datasets")
        #expect(!listing.texts("collection").contains("local"), "\(listing.texts("dataset"))")
        let (loadError, _) = world.session.failure("load local R2023")
        #expect(loadError != nil, "no local R2023")
    }
}
