import Foundation
import RdrEngine
import RdrLanguage
import RdrTestSupport
import RdrReport
import Testing

/// fetch, import, forget, check and `load … prices` in a session, against the fixture Statbank of
/// `StatbankFixtures` served by `LocalHTTPServer`. Every figure fetched here is INVENTED (see
/// StatbankFixtures); only the real snapshot's (`load R2019 prices …`) are real.
@Suite struct StatbankSessionTests {
    // MARK: - A world: a fixture Statbank, a working folder and a store folder

    /// A session whose `fetch` asks the fixture Statbank and whose store is a fresh folder.
    final class World {
        let server: LocalHTTPServer
        let work: TemporaryFolder
        let storeFolder: TemporaryFolder
        let session: Session

        init(_ fixtures: StatbankFixtures = StatbankFixtures()) throws {
            server = try LocalHTTPServer()
            fixtures.install(on: server)
            work = try TemporaryFolder()
            let storeFolder = try TemporaryFolder()
            self.storeFolder = storeFolder
            session = try Session(format: .table, workingDirectory: work.path, dataDirectory: storeFolder.file("rdr"),
                                  statbankURL: server.baseURL)
            session.statbankRetry = .init(maxAttempts: 4, baseDelay: 0.01, factor: 1, sleep: { _ in })
        }

        deinit {
            server.stop()
            work.remove()
            storeFolder.remove()
        }

        /// The store's root: a folder that does not exist until something is saved in it.
        var store: String { storeFolder.file("rdr") }

        func path(_ relative: String) -> String { store + "/" + relative }

        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

        /// Every folder and file under the store, by relative path, with each file's bytes.
        func snapshot() -> [String: Data] {
            var result: [String: Data] = [:]
            guard let walker = FileManager.default.enumerator(atPath: store) else { return result }
            for case let relative as String in walker {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path(relative), isDirectory: &isFolder)
                result[relative] = isFolder.boolValue ? Data() : FileManager.default.contents(atPath: path(relative))
            }
            return result
        }

        /// Names under the store that a save leaves behind only when it went wrong.
        func leftovers() -> [String] {
            snapshot().keys.filter { key in
                let name = (key as NSString).lastPathComponent
                return name.hasPrefix(".incoming-") || name.hasPrefix(".previous-")
            }.sorted()
        }

        /// The manifest of an entry, decoded without rdr's own types.
        func manifest(_ entry: String) throws -> [String: Any] {
            let data = try #require(FileManager.default.contents(atPath: path(entry + "/manifest.json")))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        func files(of entry: String) throws -> [[String: Any]] {
            try #require(try manifest(entry)["files"] as? [[String: Any]])
        }

        /// The bodies the session POSTed to /v1/data for a table.
        func dataQueries(_ table: String) -> [String] {
            server.requests("POST", "/v1/data").filter { StatbankFixtures.requestedTable($0) == table }.map(\.text)
        }
    }

    /// sha256sum's digest of a file: an independent check of the manifest's.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    static func messages(_ outputs: [Output]) -> String {
        outputs.compactMap(\.message).joined(separator: "\n")
    }

    /// kr. per person of `name` in a ranking.
    static func perPerson(_ result: ResultSet, _ name: String) throws -> Double {
        let index = try #require(result.texts("municipality").firstIndex(of: name), "\(name) not ranked")
        return try #require(result.column("kr_per_person")[index].amount)
    }

    static func cell(_ result: ResultSet, _ key: String, of name: String) throws -> Double {
        let index = try #require(result.texts("municipality").firstIndex(of: name), "\(name) not ranked")
        return try #require(result.column(key)[index].amount)
    }

    // MARK: - fetch

    @Test func fetchStoresBothTablesWithAManifestThatTracesEveryFile() throws {
        let world = try World()

        let outputs = try world.session.outputs("fetch R2023")

        let message = Self.messages(outputs)
        #expect(message.hasPrefix("Fetched R2023 (REGK31 and FOLK1A 2023K1, "), "\(message)")
        #expect(message.contains("into \(world.store)"))
        #expect(message.contains("Checks: all 2 agree"), "\(message)")
        #expect(world.exists("accounts/R2023/manifest.json"))
        #expect(world.exists("population/2023/manifest.json"))
        #expect(world.leftovers().isEmpty)

        let origin = "POST " + world.server.baseURL.appendingPathComponent("data").absoluteString
        for (entry, table, file, year) in [("accounts/R2023", "REGK31", "regk31-1.csv", 2023),
                                           ("population/2023", "FOLK1A", "folk1a-1.csv", 2023)] {
            #expect(try world.manifest(entry)["entry"] as? String == entry)
            let files = try world.files(of: entry)
            try #require(files.count == 1, "\(entry): \(files)")
            let stored = files[0]
            #expect(stored["table"] as? String == table)
            #expect(stored["path"] as? String == "\(entry)/\(file)")
            #expect(stored["origin"] as? String == origin)
            // The query is the JSON body that was sent for the table's figures.
            let queries = world.dataQueries(table)
            #expect(queries.count == 1)
            #expect(stored["query"] as? String == queries.first)
            let query = try #require(stored["query"] as? String)
            #expect(query.hasPrefix(#"{"table":"\#(table)","format":"BULK","lang":"da","valuePresentation":"Code""#))
            let received = try #require(stored["received"] as? String)
            let when = try #require(ISO8601DateFormatter().date(from: received), "received: \(received)")
            #expect(abs(when.timeIntervalSinceNow) < 600)
            // The bytes are the answer exactly as it came (BOM and all), and the digest is theirs.
            let bytes = try #require(FileManager.default.contents(atPath: world.path("\(entry)/\(file)")))
            #expect([UInt8](bytes) == StatbankFixtures().bulkBytes(table, years: [year]))
            #expect(stored["bytes"] as? Int == bytes.count)
            #expect(stored["sha256"] as? String == (try Self.sha256sum(world.path("\(entry)/\(file)"))))
        }
        // Each table's tableinfo was asked for, by the table in the body.
        let infos = world.server.requests("POST", "/v1/tableinfo").map(\.text)
        #expect(infos == [#"{"table":"REGK31","format":"JSON","lang":"da"}"#, #"{"table":"FOLK1A","format":"JSON","lang":"da"}"#])
    }

    @Test func fetchABudgetUsesBUDK32AndThatYearsPopulation() throws {
        let world = try World()

        let message = Self.messages(try world.session.outputs("fetch B2024"))

        #expect(message.hasPrefix("Fetched B2024 (BUDK32 and FOLK1A 2024K1, "), "\(message)")
        #expect(world.exists("accounts/B2024/budk32-1.csv"))
        #expect(world.exists("population/2024/folk1a-1.csv"))
        let loaded = Self.messages(try world.session.outputs("load B2024"))
        #expect(loaded.hasPrefix("Loaded local B2024 (budget 2024): 98 municipalities"), "\(loaded)")
        #expect(world.session.dataset?.provenance.source.contains("BUDK32") == true)
    }

    @Test func datasetsListsWhatWasFetched() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")

        let listing = try world.session.result(of: "datasets")

        let collections = listing.texts("collection"), names = listing.texts("dataset")
        let local = try #require(collections.indices.first { collections[$0] == "local" && names[$0] == "R2023" })
        #expect(collections.filter { $0 == "local" }.count == 1)
        #expect(listing.texts("source")[local].hasPrefix("fetched "), "\(listing.texts("source")[local])")
        #expect(listing.texts("source")[local].contains("1 file(s)"))
        #expect(listing.texts("status")[local] == "")
        #expect(collections.contains("real") && collections.contains("teaching"))

        try world.session.outputs("load R2023")
        let after = try world.session.result(of: "datasets")
        let row = try #require(after.texts("collection").indices.first { after.texts("collection")[$0] == "local" })
        #expect(after.texts("status")[row] == "current")
    }

    @Test func loadPrefersTheFetchedDatasetAndSaysWhereItCameFrom() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")

        let message = Self.messages(try world.session.outputs("load R2023"))

        #expect(message.hasPrefix("Loaded local R2023 (accounts 2023): 98 municipalities, 7 functions, "
                                  + "population by age on 1 January 2023, current prices."), "\(message)")
        let dataset = try #require(world.session.dataset)
        #expect(dataset.collection == "local")
        #expect(dataset.chartIsComplete, "a fetch asks for every function of the tableinfo")
        #expect(!dataset.provenance.invented)
        let provenance = dataset.provenance
        #expect(provenance.source.contains("REGK31 (LOBM, dranst 1, art TOT − S0)"), "\(provenance.source)")
        #expect(provenance.source.contains("FOLK1A 2023K1"))
        #expect(provenance.retrieved.hasPrefix("fetched "), "\(provenance.retrieved)")

        let ranked = try world.session.result(of: "rank Skole per 6-16")
        let caption = ranked.captionLines.joined(separator: "\n")
        #expect(caption.contains("REGK31 (LOBM, dranst 1, art TOT − S0)"), "\(caption)")
        #expect(caption.contains("fetched "))
        #expect(caption.contains("Skole = 3.22.* except 3.22.17 = 3.22.01, 3.22.05, 3.22.07"), "\(caption)")
        #expect(caption.contains("net operating expenditure (dranst 1, art ≠ 0)"))
        #expect(world.session.render(.result(ranked, format: nil)).contains("REGK31"))
    }

    @Test func provenanceNamesTheServerTheFiguresCameFrom() throws {
        let world = try World()
        try world.session.outputs("fetch R2023; load R2023")
        let retrieved = try #require(world.session.dataset?.provenance.retrieved)
        // The caption names the server the figures came from, as the manifest does.
        #expect(retrieved.contains("127.0.0.1"), "\(retrieved)")
    }

    @Test func rankSkolePerChildIsNetOperatingSpendingOverTheSixToSixteenYearOlds() throws {
        let world = try World()
        try world.session.outputs("fetch R2023; load R2023")

        let result = try world.session.result(of: "rank Skole per 6-16")

        #expect(result.rows.count == 98)
        // By hand from the fixture's formulas (StatbankFixtures), 1,000 kr.:
        // København (i = 0): 3.22.01 TOT 150000,5 − S0 5000 = 145000.5; 3.22.05 20000 − 400 = 19600;
        //   3.22.07 −2000 − 0 = −2000; net 162600.5 → 162,600,500 kr.; 6-16-year-olds
        //   Σ_{a=6…16} 30 + (11a mod 50) = 611; 162,600,500 / 611 = 266,121.93 kr.
        // Aalborg (i = 96): 268464,5 − 5050 = 263414.5; 40256 − 450 = 39806; −7088 − 50 = −7138;
        //   net 296082.5 → 296,082,500 kr.; 6-16-year-olds 2,695; 296,082,500 / 2,695 = 109,863.64 kr.
        #expect(try Self.cell(result, "spending_kr", of: "København") == 162_600_500)
        #expect(try Self.cell(result, "persons", of: "København") == 611)
        #expect(try Self.perPerson(result, "København") == 162_600_500.0 / 611)
        #expect(try Self.cell(result, "spending_kr", of: "Aalborg") == 296_082_500)
        #expect(try Self.cell(result, "persons", of: "Aalborg") == 2695)
        #expect(try Self.perPerson(result, "Aalborg") == 296_082_500.0 / 2695)
        #expect(abs(try Self.perPerson(result, "København") - 266_121.93) < 0.005)
        #expect(abs(try Self.perPerson(result, "Aalborg") - 109_863.64) < 0.005)

        // The same from the fixture's accessors, for every municipality.
        for m in StatbankFixtures.municipalities {
            let net = ["3.22.01", "3.22.05", "3.22.07"].reduce(0.0) { $0 + StatbankFixtures.net($1, municipality: m.code) }
            let children = StatbankFixtures.population(area: m.code, ages: 6...16)
            #expect(try Self.perPerson(result, m.name) == Double(Int((net * 1000).rounded())) / Double(children), "\(m.name)")
        }
    }

    @Test func rankAeldrePerPensionerUsesTheOpenAgeBand() throws {
        let world = try World()
        try world.session.outputs("fetch R2023; load R2023")

        let result = try world.session.result(of: "rank Ældre for København")

        // 5.30.26 40000 − 800 = 39200; 5.30.27 120000 − 3000 = 117000 (1,000 kr.); 65+: ages 65 … 125.
        let persons = StatbankFixtures.population(area: 101, ages: 65...125)
        #expect(persons == 1926)
        #expect(try Self.perPerson(result, "København") == 156_200_000.0 / 1926)
    }

    // MARK: - check

    @Test func checkReconcilesTheStoredAnswers() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")

        expectTheFixtureChecksPass(try world.session.result(of: "check R2023"))
    }

    @Test func checkFindsANationalRowThatDiffers() throws {
        let world = try World(StatbankFixtures(nationalDiffers: true))

        let fetched = Self.messages(try world.session.outputs("fetch R2023"))
        #expect(fetched.contains("Checks: 1 of 2 DIFFER: national totals"), "\(fetched)")

        let result = try world.session.result(of: "check R2023")
        let statuses = result.texts("status"), names = result.texts("check")
        #expect(statuses.filter { $0 == "DIFFERS" }.count == 1)
        let row = try #require(statuses.firstIndex(of: "DIFFERS"))
        #expect(names[row].hasPrefix("national totals"))
        #expect(result.column("differing")[row].amount == 1)
        #expect(result.column("largest_difference")[row].amount == StatbankFixtures.nationalDifference)
        #expect(result.texts("worst")[row] == "3.22.01")
    }

    // MARK: - Faults leave the store unchanged

    @Test func aFetchWhosePopulationFailsKeepsNothing() throws {
        let world = try World(StatbankFixtures(faults: [.folk1aServerError]))

        let (error, outputs) = world.session.failure("fetch R2023")

        let message = try #require(error?.diagnostic.message)
        #expect(message.hasPrefix("fetching R2023 failed: could not fetch FOLK1A 2023 after 4 attempts: "
                                  + "Statistics Denmark answered HTTP 500"), "\(message)")
        #expect(message.hasSuffix("the local store is unchanged"))
        #expect(!message.contains("\n"))
        #expect(outputs.compactMap(\.message).isEmpty)
        #expect(world.dataQueries("FOLK1A").count == 4)
        #expect(world.dataQueries("REGK31").count == 1, "REGK31 was fetched, then thrown away")
        #expect(!world.exists("accounts/R2023"))
        #expect(!world.exists("population/2023"))
        #expect(world.leftovers().isEmpty, "\(world.leftovers())")
        #expect(world.snapshot().keys.allSatisfy { !$0.contains("R2023") && !$0.contains("2023") })
        // And nothing local is listed or loaded.
        #expect(!(try world.session.result(of: "datasets").texts("collection").contains("local")))
    }

    @Test func aFailedFetchLeavesAnEarlierFetchAsItWas() throws {
        let world = try World()
        try world.session.outputs("fetch R2022")
        let before = world.snapshot()
        #expect(before.keys.contains("accounts/R2022/regk31-1.csv"))
        StatbankFixtures(faults: [.cutBody(table: "REGK31")]).install(on: world.server)

        let (error, _) = world.session.failure("fetch R2023")

        let message = try #require(error?.diagnostic.message)
        #expect(message.hasPrefix("fetching R2023 failed: could not fetch REGK31 2023 after 4 attempts: "), "\(message)")
        #expect(message.contains("cut short"), "\(message)")
        #expect(message.hasSuffix("the local store is unchanged"))
        #expect(world.dataQueries("FOLK1A").count == 1, "only R2022's")
        #expect(world.snapshot() == before)
    }

    @Test func aFailedRefetchKeepsTheEarlierCopyWhole() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let before = world.snapshot()
        StatbankFixtures(nationalDiffers: true, faults: [.folk1aServerError]).install(on: world.server)

        let (error, _) = world.session.failure("fetch R2023")

        #expect(error?.diagnostic.message.hasSuffix("the local store is unchanged") == true)
        #expect(world.snapshot() == before)
        #expect(try world.session.result(of: "check R2023").texts("status") == ["ok", "ok"], "the first fetch's figures")
    }

    @Test func aFetchWhoseAccountsCannotBeSavedKeepsNoPopulationEither() throws {
        let world = try World()
        // The accounts folder cannot be made: a file stands where it should be.
        try FileManager.default.createDirectory(atPath: world.store, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: world.path("accounts"), contents: Data("not a folder".utf8)))
        let before = world.snapshot()

        let (error, _) = world.session.failure("fetch R2023")

        let message = try #require(error?.diagnostic.message)
        #expect(message.hasPrefix("cannot use '\(world.path("accounts"))"), "\(message)")
        #expect(world.leftovers().isEmpty, "\(world.leftovers())")
        // A fetch is saved whole or not at all: the population it fetched should not be kept alone.
        #expect(!world.exists("population/2023"))
        #expect(world.snapshot() == before)
    }

    @Test func aYearTheTableLacksIsRefusedBeforeAnyData() throws {
        let world = try World()

        let (error, _) = world.session.failure("fetch R2030")

        let message = try #require(error?.diagnostic.message)
        #expect(message == "fetching R2030 failed: REGK31 has no figures for 2030; the years available are 2019–2023; "
                + "the local store is unchanged")
        #expect(world.server.requests("POST", "/v1/data").isEmpty)
        #expect(world.snapshot().isEmpty)
    }

    @Test func aSecondFetchReplacesTheFirstCleanly() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let first = try world.files(of: "accounts/R2023")[0]
        StatbankFixtures(nationalDiffers: true).install(on: world.server)

        let message = Self.messages(try world.session.outputs("fetch R2023"))

        #expect(message.hasPrefix("Fetched R2023"))
        #expect(message.contains("1 of 2 DIFFER"))
        let second = try world.files(of: "accounts/R2023")
        #expect(second.count == 1)
        #expect(second[0]["sha256"] as? String != first["sha256"] as? String)
        #expect(second[0]["sha256"] as? String == (try Self.sha256sum(world.path("accounts/R2023/regk31-1.csv"))))
        let bytes = try #require(FileManager.default.contents(atPath: world.path("accounts/R2023/regk31-1.csv")))
        #expect([UInt8](bytes) == StatbankFixtures(nationalDiffers: true).bulkBytes("REGK31", years: [2023]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.path("accounts")).sorted() == ["R2023"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.path("accounts/R2023")).sorted()
            == ["manifest.json", "regk31-1.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.path("population")).sorted() == ["2023"])
        #expect(world.leftovers().isEmpty)
        #expect(try world.session.result(of: "check R2023").texts("status").contains("DIFFERS"))
        try world.session.outputs("load R2023")
        #expect(world.session.dataset?.collection == "local")
    }

    @Test func aDamagedStoredFileIsNotLoaded() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let file = world.path("accounts/R2023/regk31-1.csv")
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: file)))
        bytes[bytes.count / 2] ^= 0x01  // one bit of one byte: the size stays, the digest does not
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        let (error, _) = world.session.failure("load R2023")

        let message = try #require(error?.diagnostic.message)
        #expect(message.hasPrefix("\(file) is damaged: its size or SHA-256 differs from the manifest; "
                                  + "forget the dataset and fetch it again"), "\(message)")
        #expect(world.session.dataset == nil)
        let (checkError, _) = world.session.failure("check R2023")
        #expect(checkError?.diagnostic.message.contains("is damaged") == true)
    }

    @Test func forgetRemovesTheDatasetAndItsPopulation() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")

        let message = Self.messages(try world.session.outputs("forget R2023"))

        #expect(message == "Forgot R2023: its files are removed from \(world.store).")
        #expect(!world.exists("accounts/R2023"))
        #expect(!world.exists("population/2023"))
        #expect(!(try world.session.result(of: "datasets").texts("collection").contains("local")))
        // load now falls back on the built-in snapshot.
        try world.session.outputs("load R2023")
        #expect(world.session.dataset?.collection == "real")
        let (error, _) = world.session.failure("forget R2023")
        #expect(error?.diagnostic.message == "R2023 is not in the local store; datasets lists what is")
    }

    @Test func forgetKeepsThePopulationAnotherDatasetOfTheYearNeeds() throws {
        let world = try World()
        try world.session.outputs("fetch R2023; fetch B2023")

        try world.session.outputs("forget R2023")

        #expect(!world.exists("accounts/R2023"))
        #expect(world.exists("accounts/B2023/manifest.json"))
        #expect(world.exists("population/2023/manifest.json"))
        try world.session.outputs("load B2023")
        #expect(world.session.dataset?.collection == "local")
    }

    // MARK: - import

    @Test func importedFilesLoadAndSayTheyWereImported() throws {
        let world = try World()
        let fixtures = StatbankFixtures()
        try Data(fixtures.bulkBytes("REGK31", years: [2023])).write(to: world.work.url.appendingPathComponent("regk31-2023.csv"))
        try Data(fixtures.bulkBytes("FOLK1A", years: [2023])).write(to: world.work.url.appendingPathComponent("folk1a-2023.csv"))

        let accounts = Self.messages(try world.session.outputs("import regk31-2023.csv"))
        #expect(accounts.hasPrefix("Imported regk31-2023.csv (REGK31) into \(world.store): R2023."), "\(accounts)")
        #expect(accounts.contains("R2023 also needs the population on 1 January"))
        let population = Self.messages(try world.session.outputs("import folk1a-2023.csv"))
        // The import completed R2023, so it is reconciled as after a fetch.
        #expect(population == "Imported folk1a-2023.csv (FOLK1A) into \(world.store): population 2023. "
            + "R2023: Checks: all 2 agree (check R2023 shows them). It covers all 98 municipalities, 2023.",
            "\(population)")

        let stored = try world.files(of: "accounts/R2023")
        #expect(stored.first?["origin"] as? String == "imported from \(world.work.file("regk31-2023.csv"))")
        #expect(stored.first?["query"] == nil || stored.first?["query"] is NSNull)
        #expect(stored.first?["sha256"] as? String == (try Self.sha256sum(world.work.file("regk31-2023.csv"))))

        let loaded = Self.messages(try world.session.outputs("load R2023"))
        #expect(loaded.hasPrefix("Loaded local R2023 (accounts 2023): 98 municipalities, 7 functions, population by age"),
                "\(loaded)")
        let provenance = try #require(world.session.dataset?.provenance)
        #expect(provenance.retrieved.hasPrefix("imported "), "\(provenance.retrieved)")
        #expect(provenance.retrieved.contains(world.work.file("regk31-2023.csv")))
        #expect(!provenance.retrieved.contains("from imported from"), "\(provenance.retrieved)")

        // An imported file of seven functions is a selection: functions rank, wildcard areas do not.
        let result = try world.session.result(of: "rank 3.22.01 for København, Aalborg")
        // København: (150000,5 − 5000) × 1000 / 5456 inhabitants; Aalborg: (268464,5 − 5050) × 1000 / 24656.
        #expect(try Self.perPerson(result, "København") == 145_000_500.0 / 5456)
        #expect(try Self.perPerson(result, "Aalborg") == 263_414_500.0 / 24656)
        #expect(StatbankFixtures.population(area: 101) == 5456 && StatbankFixtures.population(area: 851) == 24656)
        let (error, _) = world.session.failure("rank Skole per 6-16")
        #expect(error?.diagnostic.message.contains("selection") == true, "\(String(describing: error?.diagnostic.message))")
        #expect(try world.session.result(of: "check R2023").texts("status") == ["ok", "ok"])
    }

    /// The fixture's REGK31 answer with line `number` (1 = the header) changed.
    static func damaged(_ number: Int, _ change: (String) -> String) -> [UInt8] {
        var lines = StatbankFixtures().bulk("REGK31", years: [2023]).components(separatedBy: "\r\n")
        lines[number - 1] = change(lines[number - 1])
        return StatbankFixtures.bom + Array(lines.joined(separator: "\r\n").utf8)
    }

    @Test func anImportedLineWithAMissingFieldIsRefusedWithItsLine() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let before = world.snapshot()
        // Line 5: "0;32205;1;S0;LOBM;2023;…" (the country's 3.22.05 art 0) without its last field.
        let bytes = Self.damaged(5) { line in String(line[..<line.lastIndex(of: ";")!]) }
        try Data(bytes).write(to: world.work.url.appendingPathComponent("regk31-bad.csv"))

        let (error, outputs) = world.session.failure("import regk31-bad.csv")

        let message = try #require(error?.diagnostic.message)
        #expect(message == "not imported: regk31-bad.csv:5: 6 fields where the header has 7", "\(message)")
        #expect(outputs.isEmpty)
        #expect(world.snapshot() == before)
    }

    @Test func anImportedNonNumericFigureIsRefusedWithItsLine() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let before = world.snapshot()
        let bytes = Self.damaged(7) { line in String(line[...line.lastIndex(of: ";")!]) + "12a4" }
        try Data(bytes).write(to: world.work.url.appendingPathComponent("regk31-bad.csv"))

        let (error, _) = world.session.failure("import regk31-bad.csv")

        let message = try #require(error?.diagnostic.message)
        #expect(message.hasPrefix("not imported: regk31-bad.csv:7: '12a4' in column INDHOLD is not a number"), "\(message)")
        #expect(world.snapshot() == before)
        try world.session.outputs("load R2023")
        #expect(world.session.dataset?.provenance.retrieved.hasPrefix("fetched") == true)
    }

    // MARK: - Fixed prices

    // The real snapshot: København's 3.22.01 in 2019 is 4,578 kr. per inhabitant and it had 623,404
    // inhabitants on 1 January 2019 (regk31_kr_per_inhabitant.csv, population_jan1_2016_2026.csv);
    // PRIS8 is 7,098 in 2019 and 8,188 in 2024 (cpi_pris8.csv).

    @Test func loadAtAnotherYearsPricesUsesTheConsumerPriceIndex() throws {
        let session = try makeSession()

        let message = Self.messages(try session.outputs("load R2019 prices 2024"))

        #expect(message.contains("2024 prices, CPI-adjusted (Statistics Denmark PRIS8)"), "\(message)")
        let result = try session.result(of: "rank 3.22.01 for København")
        let spending = (Double(4578 * 623_404) * (8188.0 / 7098.0)).rounded()
        #expect(try Self.cell(result, "spending_kr", of: "København") == spending)
        #expect(try Self.perPerson(result, "København") == spending / 623_404)
        #expect(abs(try Self.perPerson(result, "København") - 4578.0 * 8188 / 7098) < 0.01)  // 5,281.08 kr.
        #expect(result.captionLines.joined().contains("2024 prices, CPI-adjusted (Statistics Denmark PRIS8)"))

        let current = try makeSession().result(of: "load R2019; rank 3.22.01 for København")
        #expect(try Self.perPerson(current, "København") == 4578)
        #expect(current.captionLines.joined().contains("current prices"))
    }

    @Test func loadAtAnotherYearsPricesUsingAFile() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        try work.write("year,index\n2019,100\n2024,110\n", to: "pl.csv")
        let session = try makeSession(workingDirectory: work.path)

        try session.outputs("load R2019 prices 2024 using pl.csv")

        let result = try session.result(of: "rank 3.22.01 for København")
        let spending = (Double(4578 * 623_404) * (110.0 / 100.0)).rounded()
        #expect(try Self.perPerson(result, "København") == spending / 623_404)
        #expect(abs(try Self.perPerson(result, "København") - 5035.8) < 0.01)
        #expect(result.captionLines.joined().contains("2024 prices, PL-adjusted (pl.csv)"), "\(result.captionLines)")
    }

    @Test func aPriceYearOutsideTheIndexIsAnError() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        try work.write("year,index\n2019,100\n2024,110\n", to: "pl.csv")
        let session = try makeSession(workingDirectory: work.path)
        try session.outputs("load R2020")

        let (error, _) = session.failure("load R2019 prices 2030")
        #expect(error?.diagnostic.message
            == "the price index CPI-adjusted (Statistics Denmark PRIS8) has no figure for 2030; it covers 2012-2025",
            "\(String(describing: error?.diagnostic.message))")
        #expect(error?.diagnostic.range?.start.column == 19)  // at 2030
        #expect(session.dataset?.id.description == "R2020", "a failed load changes nothing")

        let (fileError, _) = session.failure("load R2020 prices 2024 using pl.csv")
        #expect(fileError?.diagnostic.message.hasPrefix("the price index PL-adjusted (pl.csv) has no figure for 2020") == true,
                "\(String(describing: fileError?.diagnostic.message))")
        #expect(session.dataset?.provenance.priceBasis == "current prices")

        let (missing, _) = session.failure("load R2019 prices 2024 using nowhere.csv")
        #expect(missing?.diagnostic.message == "cannot read the price index 'nowhere.csv': no such file")
    }
}
