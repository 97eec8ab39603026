import Foundation
import RdrEngine
import RdrLanguage
import RdrTestSupport
import RdrReport
import Testing

/// Issue 7, data side: imports that would spoil a good local dataset are refused or said to
/// narrow it; a missing art 0 or a municipality without population is left out of rankings.
@Suite struct ReviewDataTests {
    typealias World = StatbankSessionTests.World
    static let header = "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD\n"

    static func write(_ text: String, _ name: String, in world: World) throws {
        try Data(text.utf8).write(to: world.work.url.appendingPathComponent(name))
    }

    @Test func anImportOfAnUnknownAreaCodeIsRefusedWithItsLine() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let before = world.snapshot()
        try Self.write(Self.header + "9999;32201;1;TOT;LOBM;2023;5\n", "bad.csv", in: world)

        let (error, _) = world.session.failure("import bad.csv")

        #expect(error?.diagnostic.message == "not imported: bad.csv:2: '9999' in column OMRÅDE is not the whole country (0), "
            + "a region (81-85), a municipality group (910-960), a municipality or Christiansø (411)",
            "\(String(describing: error?.diagnostic.message))")
        #expect(world.snapshot() == before)
        try world.session.outputs("load R2023")
    }

    @Test func anAccountsFileOfNoMunicipalityIsRefused() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        let before = world.snapshot()
        try Self.write(Self.header + "0;32201;1;TOT;LOBM;2023;5\n84;32201;1;TOT;LOBM;2023;5\n", "country.csv", in: world)

        let (error, _) = world.session.failure("import country.csv")

        let message = try #require(error?.diagnostic.message)
        #expect(message.hasPrefix("not imported: country.csv: it covers none of the 98 municipalities"), "\(message)")
        #expect(world.snapshot() == before)
    }

    @Test func anImportThatNarrowsAStoredDatasetSaysWhatItReplaces() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")
        try world.session.outputs("load R2023")
        let stored = try #require(world.session.dataset).functions.count
        try Self.write(Self.header + "101;32201;1;TOT;LOBM;2023;5\n", "one.csv", in: world)

        let message = StatbankSessionTests.messages(try world.session.outputs("import one.csv"))

        #expect(message.hasSuffix(" It replaces the local R2023, which covered 98 municipalities and \(stored) functions."),
                "\(message)")
        // A file covering as much says nothing of the kind.
        let fixtures = StatbankFixtures()
        try Data(fixtures.bulkBytes("REGK31", years: [2023])).write(to: world.work.url.appendingPathComponent("all.csv"))
        try world.session.outputs("import all.csv")
        let again = StatbankSessionTests.messages(try world.session.outputs("import all.csv"))
        #expect(!again.contains("replaces"), "\(again)")
    }

    @Test func anArtZeroOfDotsLeavesTheMunicipalityOutWithTheReason() throws {
        let world = try World()
        try Data(StatbankFixtures().bulkBytes("FOLK1A", years: [2023]))
            .write(to: world.work.url.appendingPathComponent("folk1a.csv"))
        try Self.write(Self.header + "101;32201;1;TOT;LOBM;2023;100\n101;32201;1;S0;LOBM;2023;10\n"
            + "147;32201;1;TOT;LOBM;2023;100\n147;32201;1;S0;LOBM;2023;..\n", "regk31.csv", in: world)
        try world.session.outputs("import folk1a.csv")
        try world.session.outputs("import regk31.csv")
        try world.session.outputs("load R2023")

        let result = try world.session.result(of: "rank 3.22.01")

        #expect(result.notes.contains { $0.contains("Frederiksberg (no figure for 3.22.01)") }, "\(result.notes)")
        #expect(!result.texts("municipality").contains("Frederiksberg"))
    }

    @Test func aPopulationFileLackingAMunicipalityLeavesItOutOfRankings() throws {
        let world = try World()
        let fixtures = StatbankFixtures()
        let lines = fixtures.bulk("FOLK1A", years: [2023]).components(separatedBy: "\r\n")
        let ballerup = lines.filter { !$0.hasPrefix("151;") && !$0.hasPrefix("Ballerup;") }
        #expect(ballerup.count < lines.count)
        try Data(StatbankFixtures.bom + Array(ballerup.joined(separator: "\r\n").utf8))
            .write(to: world.work.url.appendingPathComponent("folk1a.csv"))
        try Data(fixtures.bulkBytes("REGK31", years: [2023])).write(to: world.work.url.appendingPathComponent("regk31.csv"))
        try world.session.outputs("import folk1a.csv")
        try world.session.outputs("import regk31.csv")

        try world.session.outputs("load R2023")
        let result = try world.session.result(of: "rank 3.22.01")
        let byAge = try world.session.result(of: "rank 3.22.01 per 6-16")

        for ranked in [result, byAge] {
            #expect(ranked.notes.contains { $0.contains("Ballerup (no ") && $0.contains("on 1 January 2023)") },
                    "\(ranked.notes)")
            #expect(ranked.texts("municipality").count == 97)
        }
    }
}
