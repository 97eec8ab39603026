import Foundation
import RdrData
import RdrEngine
import RdrTestSupport
import Testing
@testable import RdrStatbank

/// figures.sqlite, the canonical store beside the raw answers (issue 8): a dataset loaded from it
/// is the one built from the raw answers; a stale, missing or damaged entry is rebuilt from them;
/// forget removes an entry; the country's own figures are kept. The figures are the INVENTED ones
/// of `StatbankFixtures`.
@Suite struct CanonicalStoreTests {
    /// What the store said (`LocalStore.notice`), collected across threads.
    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var said: [String] = []

        func add(_ message: String) {
            lock.withLock { said.append(message) }
        }

        var all: [String] { lock.withLock { said } }
    }

    /// A fresh store with the fixture's R2023 and FOLK1A 2023 imported, as BULK answers.
    struct World {
        let root = StoreCommitTests.Root()
        let notices = Notices()
        let real: RealSnapshot

        static let id = DatasetID(kind: .accounts, year: 2023)
        static let accounts = LocalStore.Entry.accounts(id)
        static let population = LocalStore.Entry.population(year: 2023)

        init() throws {
            real = try RealSnapshot.load()
            let fixtures = StatbankFixtures()
            _ = try collection.importFile(fixtures.bulkBytes("REGK31", years: [2023]), name: "regk31.csv", path: "/t/regk31.csv")
            _ = try collection.importFile(fixtures.bulkBytes("FOLK1A", years: [2023]), name: "folk1a.csv", path: "/t/folk1a.csv")
        }

        var store: LocalStore {
            let notices = notices
            return LocalStore(root: root.path, notice: { notices.add($0) })
        }

        var collection: LocalCollection {
            LocalCollection(store: store, municipalities: real.municipalities, functionLabels: real.functionLabels)
        }

        var databasePath: String { root.path + "/" + CanonicalStore.fileName }

        /// The figures kept of an entry for its files as they are now; nil when none or stale.
        func kept(_ entry: LocalStore.Entry) throws -> CanonicalFigures? {
            let files = RawFiles(try #require(store.manifest(entry)).files, root: root.path)
            return try CanonicalStore(root: root.path).figures(entry, from: files, builtWith: collection.builtWith)
        }

        /// Runs SQL on figures.sqlite as another program (sqlite3) would.
        func change(_ sql: String) throws {
            try SQLiteDatabase(path: databasePath).execute(sql)
        }

        /// The dataset built from the raw answers alone: figures.sqlite removed first.
        func fromRawAnswers() throws -> Dataset {
            CanonicalStore.remove(root: root.path)
            return try collection.dataset(Self.id)
        }
    }

    /// The same dataset, field by field and function by function.
    static func expectSame(_ a: Dataset, _ b: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.functions == b.functions, sourceLocation: sourceLocation)
        for function in a.functions {
            #expect(a.spending[function] == b.spending[function], "\(function)", sourceLocation: sourceLocation)
        }
        #expect(a.functionLabels == b.functionLabels, sourceLocation: sourceLocation)
        #expect(a.municipalities == b.municipalities, sourceLocation: sourceLocation)
        #expect(a.population.totals == b.population.totals, sourceLocation: sourceLocation)
        #expect(a.population.byAge == b.population.byAge, sourceLocation: sourceLocation)
        #expect(a.chartIsComplete == b.chartIsComplete, sourceLocation: sourceLocation)
        #expect(a.provenance == b.provenance, sourceLocation: sourceLocation)
        #expect(a.limitationHint == b.limitationHint, sourceLocation: sourceLocation)
        #expect(a.country?.spending == b.country?.spending, sourceLocation: sourceLocation)
        #expect(a.country?.population.totals == b.country?.population.totals, sourceLocation: sourceLocation)
        #expect(a.country?.population.byAge == b.country?.population.byAge, sourceLocation: sourceLocation)
    }

    @Test func aDatasetFromTheCanonicalStoreIsTheOneFromTheRawAnswers() throws {
        let world = try World()
        // The import wrote both entries.
        #expect(try world.kept(World.accounts) != nil)
        #expect(try world.kept(World.population) != nil)

        let canonical = try world.collection.dataset(World.id)
        let raw = try world.fromRawAnswers()
        Self.expectSame(canonical, raw)

        // And both are what the raw answers say, by the method's rule (TOT − S0, absent = 0, .. = none).
        let stored = try world.collection.figures(World.id)
        let codes = world.real.municipalities.map(\.code)
        let net = stored.accounts.netOperating(year: 2023, municipalities: codes).net
        #expect(canonical.spending == net.mapValues { $0.map { $0.map { Int(($0 * 1000).rounded()) } } })
        let missing = StatbankFixtures.missingS0
        let i = world.real.municipalities.firstIndex { $0.code == StatbankFixtures.municipalities[missing.index].code }!
        #expect(canonical.spending[FunctionCode(missing.function)!]?[i] == .some(nil), "an S0 of .. is no figure")
        let nothing = StatbankFixtures.spentNothing
        let j = world.real.municipalities.firstIndex { $0.code == StatbankFixtures.municipalities[nothing.index].code }!
        #expect(canonical.spending[FunctionCode(nothing.function)!]?[j] == 0, "no row is 0 kr.")
    }

    @Test func theLoadReadsTheCanonicalStoreWhileItMatchesTheManifest() throws {
        let world = try World()
        try world.change("UPDATE spending SET kroner = 999 WHERE dataset = 'R2023' AND function = '3.22.01' AND area = 101")
        let dataset = try world.collection.dataset(World.id)
        let copenhagen = try #require(world.real.municipalities.firstIndex { $0.code == 101 })
        #expect(dataset.spending[FunctionCode("3.22.01")!]?[copenhagen] == 999)
    }

    @Test func aStaleEntryIsRebuiltFromTheRawAnswers() throws {
        let world = try World()
        let expected = try world.collection.dataset(World.id)
        // Built from other files than the manifest lists (a save killed before figures.sqlite was written).
        try world.change("UPDATE spending SET kroner = 999 WHERE dataset = 'R2023' AND function = '3.22.01' AND area = 101")
        try world.change("UPDATE entries SET sources = 'not these' WHERE entry = 'accounts/R2023'")
        #expect(try world.kept(World.accounts) == nil)

        Self.expectSame(try world.collection.dataset(World.id), expected)
        #expect(try world.kept(World.accounts) != nil, "rebuilt and kept")
        #expect(world.notices.all.isEmpty, "a stale entry is no damage")

        // By other rules (another rdr's municipalities): stale too.
        try world.change("UPDATE entries SET built_with = 'format 0' WHERE entry = 'population/2023'")
        #expect(try world.kept(World.population) == nil)
        Self.expectSame(try world.collection.dataset(World.id), expected)
        #expect(try world.kept(World.population) != nil)
    }

    @Test func aRawFileChangedOnDiskIsCheckedAgain() throws {
        let world = try World()
        let expected = try world.collection.dataset(World.id)
        let file = world.root.path + "/accounts/R2023/regk31-1.csv"
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: file)))

        // Written again with the same bytes (copied back, touched): checked, found whole, kept again.
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(try world.kept(World.accounts) == nil)
        Self.expectSame(try world.collection.dataset(World.id), expected)
        #expect(try world.kept(World.accounts) != nil)

        // One bit changed, the size the same: the digest says the file is damaged.
        var damaged = bytes
        damaged[damaged.count / 2] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: file))
        #expect(throws: DataError.unavailable("\(file) is damaged: its size or SHA-256 differs from the manifest; "
                                              + "forget the dataset and fetch it again")) {
            try world.collection.dataset(World.id)
        }
        #expect(world.notices.all.isEmpty)
    }

    @Test func aStoreWithoutTheDatabaseBuildsItAtTheFirstLoad() throws {
        let world = try World()
        let raw = try world.fromRawAnswers()
        #expect(FileManager.default.fileExists(atPath: world.databasePath))
        #expect(try world.kept(World.accounts) != nil)
        Self.expectSame(try world.collection.dataset(World.id), raw)
        #expect(world.notices.all.isEmpty)
    }

    @Test(arguments: ["garbage", "rows", "tables"])
    func aDamagedDatabaseIsSaidOnceAndRebuilt(damage: String) throws {
        let world = try World()
        let expected = try world.collection.dataset(World.id)
        switch damage {
        case "garbage":
            try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: world.databasePath))
        case "rows":
            // Fewer rows than written (a file cut short, or an analyst's DELETE).
            try world.change("DELETE FROM spending WHERE dataset = 'R2023' AND area = 101")
        default:
            // Tables of another shape (an older rdr's).
            try world.change("DROP TABLE entries; CREATE TABLE entries (entry TEXT PRIMARY KEY, sources TEXT)")
        }

        Self.expectSame(try world.collection.dataset(World.id), expected)
        Self.expectSame(try world.collection.dataset(World.id), expected)
        #expect(world.notices.all.count == 1, "\(world.notices.all)")
        #expect(world.notices.all.first?.contains("figures.sqlite was damaged") == true, "\(world.notices.all)")
        #expect(try world.kept(World.accounts) != nil)
        #expect(try world.kept(World.population) != nil)
    }

    @Test func aDamagedDatabaseAtAnImportIsSaidAndMadeAnew() throws {
        let world = try World()
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: world.databasePath))
        let fixtures = StatbankFixtures()
        _ = try world.collection.importFile(fixtures.bulkBytes("REGK31", years: [2022]), name: "r.csv", path: "/t/r.csv")
        #expect(world.notices.all.count == 1, "\(world.notices.all)")
        #expect(try world.kept(.accounts(DatasetID(kind: .accounts, year: 2022))) != nil)
        // The entries the new file did not hold come back at their next load.
        #expect(try world.kept(World.accounts) == nil)
        _ = try world.collection.dataset(World.id)
        #expect(try world.kept(World.accounts) != nil)
        #expect(world.notices.all.count == 1)
    }

    @Test func forgetRemovesTheEntry() throws {
        let world = try World()
        #expect(try world.store.forget(World.accounts))
        let database = try SQLiteDatabase(path: world.databasePath)
        let rows = try database.prepare("SELECT count(*) FROM spending WHERE dataset = 'R2023'")
        #expect(try rows.step())
        #expect(rows.int(0) == 0)
        let entries = try database.prepare("SELECT count(*) FROM entries WHERE entry = 'accounts/R2023'")
        #expect(try entries.step())
        #expect(entries.int(0) == 0)
        #expect(try world.kept(World.population) != nil, "the population stays")
    }

    @Test func theCountrysOwnFiguresAreKept() throws {
        let world = try World()
        let fixtures = StatbankFixtures()
        let dataset = try world.collection.dataset(World.id)
        let country = try #require(dataset.country)
        for function in StatbankFixtures.functions {
            let net = fixtures.national(function.code, art: "TOT") - fixtures.national(function.code, art: "S0")
            #expect(country.spending[FunctionCode(function.code)!] == .some(Int((net * 1000).rounded())), "\(function.code)")
        }
        #expect(country.population.totals == [StatbankFixtures.population(area: 0)])
        #expect(country.population.byAge?.first?[40] == StatbankFixtures.population(area: 0, age: 40))
        Self.expectSame(dataset, try world.fromRawAnswers())
    }

    @Test func answersWithoutTheCountryHaveNoCountryFigures() throws {
        let world = try World()
        let fixtures = StatbankFixtures()
        let areas = StatbankFixtures.municipalities.map { String($0.code) }
        _ = try world.collection.importFile(fixtures.bulkBytes("REGK31", years: [2023], only: ["OMRÅDE": areas]),
                                            name: "r.csv", path: "/t/r.csv")
        #expect(try world.collection.dataset(World.id).country == nil)
        #expect(try world.fromRawAnswers().country == nil)
    }
}
