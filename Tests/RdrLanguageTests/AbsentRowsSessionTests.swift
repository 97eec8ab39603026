import Foundation
import RdrEngine
import RdrLanguage
import RdrTestSupport
import RdrReport
import Testing

/// BULK leaves out every combination it has no stored row for; within the municipalities and
/// functions an answer covers that is 0 kr., and only `..` is a missing figure. The fixture
/// Statbank's Hvidovre spent nothing on 3.22.05 (`StatbankFixtures.spentNothing`), so its answer
/// has no row for it. Every figure here is INVENTED.
@Suite struct AbsentRowsSessionTests {
    typealias World = StatbankSessionTests.World

    static let hvidovre = StatbankFixtures.municipalities[StatbankFixtures.spentNothing.index]

    @Test func theFixtureAnswerReallyLeavesTheRowOut() {
        let bulk = StatbankFixtures().bulk("REGK31", years: [2023])
        #expect(!bulk.contains("\(Self.hvidovre.code);32205;"))
        #expect(bulk.contains("\(Self.hvidovre.code);32201;1;TOT;"))
        #expect(!StatbankFixtures().bulkBytes("REGK31", years: [2023]).starts(with: StatbankFixtures.bom))
    }

    @Test func aMunicipalityThatSpentNothingOnOneFunctionIsRanked() throws {
        let world = try World()
        try world.session.outputs("fetch R2023; load R2023")

        let ranking = try world.session.result(of: "rank Skole per 6-16")

        #expect(ranking.texts("municipality").filter { $0 != "median" }.count >= 98)
        let index = try #require(ranking.texts("municipality").firstIndex(of: Self.hvidovre.name),
                                 "\(Self.hvidovre.name) is not ranked: \(ranking.notes)")
        let spending = ["3.22.01", "3.22.05", "3.22.07"].reduce(0.0) {
            $0 + StatbankFixtures.net($1, municipality: Self.hvidovre.code) * 1000
        }
        let persons = StatbankFixtures.population(area: Self.hvidovre.code, ages: 6...16)
        #expect(StatbankFixtures.net("3.22.05", municipality: Self.hvidovre.code) == 0)
        #expect(ranking.column("kr_per_person")[index].amount == spending / Double(persons))
        #expect(!ranking.notes.joined().contains(Self.hvidovre.name))
    }

    @Test func checkSaysHowManyAbsentCombinationsWereReadAsZero() throws {
        let world = try World()
        try world.session.outputs("fetch R2023")

        let check = try world.session.result(of: "check R2023")

        // 98 municipalities × 7 functions; only Hvidovre's 3.22.05 has no TOT row.
        let functions = StatbankFixtures.functions.count
        #expect(check.notes.contains {
            $0.hasPrefix("Of \(98 * functions) combinations of municipality × function (art TOT, dranst 1), 1 had no row "
                         + "and was read as 0 kr.")
        }, "\(check.notes)")
    }

    @Test func aMissingFigureIsStillMissing() throws {
        // A ".." TOT (a stored row without a figure) leaves the municipality out, with the reason.
        let world = try World()
        var lines = StatbankFixtures().bulk("REGK31", years: [2023]).components(separatedBy: "\r\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("\(Self.hvidovre.code);32201;1;TOT;") })
        lines[row] = "\(Self.hvidovre.code);32201;1;TOT;LOBM;2023;.."
        try Data(lines.joined(separator: "\r\n").utf8).write(to: world.work.url.appendingPathComponent("regk31-2023.csv"))
        try Data(StatbankFixtures().bulkBytes("FOLK1A", years: [2023]))
            .write(to: world.work.url.appendingPathComponent("folk1a-2023.csv"))
        try world.session.outputs("import regk31-2023.csv; import folk1a-2023.csv; load R2023")

        let ranking = try world.session.result(of: "rank 3.22.01 per all")

        #expect(!ranking.texts("municipality").contains(Self.hvidovre.name))
        #expect(ranking.notes.joined().contains(Self.hvidovre.name))
    }
}
