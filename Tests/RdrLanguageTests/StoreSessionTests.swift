import Foundation
import RdrEngine
import RdrLanguage
import RdrTestSupport
import RdrReport
import Testing

/// What the session says about the local store: a local copy without its population, what an
/// import covers, a damaged entry. Every figure fetched or imported here is INVENTED.
@Suite struct StoreSessionTests {
    typealias World = StatbankSessionTests.World

    func write(_ bytes: [UInt8], _ name: String, in world: World) throws {
        try Data(bytes).write(to: world.work.url.appendingPathComponent(name))
    }

    @Test func loadSaysWhenTheLocalCopyLacksItsPopulation() throws {
        let world = try World()
        try write(StatbankFixtures().bulkBytes("REGK31", years: [2023]), "regk31-2023.csv", in: world)
        try world.session.outputs("import regk31-2023.csv")

        let messages = try world.session.outputs("load R2023").compactMap(\.message)

        #expect(messages.first == "Note: the local store has R2023 but not the population on 1 January 2023 "
            + "(fetch R2023 gets both, or import a FOLK1A file), so this is the built-in snapshot instead.", "\(messages)")
        #expect(messages.last?.hasPrefix("Loaded R2023 (accounts 2023): 98 municipalities, 25 functions") == true, "\(messages)")
    }

    @Test func anImportSaysWhatItCovers() throws {
        let world = try World()
        let fixtures = StatbankFixtures()
        try write(fixtures.bulkBytes("REGK31", years: [2023], only: ["OMRÅDE": ["101"], "FUNKTION": ["32201"]]),
                  "one.csv", in: world)
        try write(fixtures.bulkBytes("REGK31", years: [2022, 2023]), "all.csv", in: world)
        try write(fixtures.bulkBytes("FOLK1A", years: [2023]), "folk1a.csv", in: world)

        let one = try world.session.outputs("import one.csv").compactMap(\.message).joined()
        let all = try world.session.outputs("import all.csv").compactMap(\.message).joined()
        let people = try world.session.outputs("import folk1a.csv").compactMap(\.message).joined()

        #expect(one.contains("It covers 1 municipality (København) of 98, 1 function (3.22.01), 2023. Only what it covers "
            + "can be ranked"), "\(one)")
        #expect(all.hasSuffix("It covers all 98 municipalities, 7 functions, 2022, 2023."), "\(all)")
        #expect(people.hasSuffix("It covers all 98 municipalities, 2023."), "\(people)")
    }

    @Test func aDamagedEntryShowsAsDamagedAndDoesNotLoad() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let manifest = world.path("accounts/R2023/manifest.json")
        let whole = try #require(FileManager.default.contents(atPath: manifest))
        try whole.prefix(40).write(to: URL(fileURLWithPath: manifest))

        let listing = try world.session.result(of: "datasets")
        let row = try #require(listing.texts("dataset").indices.first {
            listing.texts("collection")[$0] == "local" && listing.texts("dataset")[$0] == "R2023"
        })
        #expect(listing.texts("status")[row] == "DAMAGED: its manifest.json is cut short or not a manifest")

        let (error, _) = world.session.failure("load R2023")
        #expect(error?.diagnostic.message.contains("is damaged: its manifest.json is cut short") == true,
                "\(String(describing: error?.diagnostic.message))")
        let (checkError, _) = world.session.failure("check R2023")
        #expect(checkError?.diagnostic.message.contains("not in the local store") == false)
    }

    @Test func leftoversOfAKilledImportAreRemovedOnTheNextUse() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let before = world.snapshot()
        try FileManager.default.createDirectory(atPath: world.path("accounts/.incoming-killed"), withIntermediateDirectories: true)
        try Data(repeating: 59, count: 1000).write(to: URL(fileURLWithPath: world.path("accounts/.incoming-killed/regk31-1.csv")))

        try world.session.outputs("datasets")

        #expect(world.leftovers().isEmpty)
        #expect(world.snapshot() == before)
    }
}
