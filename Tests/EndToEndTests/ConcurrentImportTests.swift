import Foundation
import RdrTestSupport
import Testing

/// Two rdr processes importing into one local store at the same time (issue 8): the store's lock
/// and figures.sqlite's transactions lose neither's raw answers nor their canonical figures.
/// The figures are the INVENTED ones of `StatbankFixtures`.
@Suite struct ConcurrentImportTests {
    static let years = [2021, 2022]

    /// The rank of 3.22.01, lowest per inhabitant first, worked out from the fixture's formulas.
    static func ranked(_ year: Int) -> [(name: String, spending: Int, persons: Int)] {
        StatbankFixtures.municipalities.map { m in
            (m.name, Int((StatbankFixtures.net("3.22.01", municipality: m.code, year: year) * 1000).rounded()),
             StatbankFixtures.population(area: m.code, year: year))
        }.sorted { a, b in
            let left = a.spending * b.persons, right = b.spending * a.persons
            return left != right ? left < right : a.name < b.name
        }
    }

    @Test func twoProcessesImportingDifferentYearsAtOnceLoseNothing() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store")
        let fixtures = StatbankFixtures()
        var scripts: [String] = []
        for year in Self.years {
            let accounts = folder.appendingPathComponent("regk31-\(year).csv"), people = folder.appendingPathComponent("folk1a-\(year).csv")
            try Data(fixtures.bulkBytes("REGK31", years: [year])).write(to: accounts)
            try Data(fixtures.bulkBytes("FOLK1A", years: [year])).write(to: people)
            // Each imports its year several times over, so that the two overlap for long.
            scripts.append(Array(repeating: "import \"\(accounts.path)\"; import \"\(people.path)\"", count: 4).joined(separator: "; "))
        }

        let outcomes = Outcomes()
        let both = scripts
        DispatchQueue.concurrentPerform(iterations: both.count) { i in
            outcomes.set(i, Result { try RdrProcess.run(["--data-dir", store.path, "-c", both[i]]) })
        }
        for outcome in try outcomes.all() {
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(!outcome.stderr.contains("damaged"), "stderr: \(outcome.stderr)")
        }

        // Both years' canonical figures are kept: the loads find them there and rebuild nothing,
        // so figures.sqlite is not written to.
        let database = store.appendingPathComponent("figures.sqlite")
        let before = try Data(contentsOf: database)
        let script = Self.years.map { "load R\($0); rank 3.22.01 top 1" }.joined(separator: "; ")
        let loaded = try RdrProcess.run(["--data-dir", store.path, "--format", "csv", "-c", script])
        #expect(loaded.status == 0, "stderr: \(loaded.stderr)")
        #expect(try Data(contentsOf: database) == before, "a load rebuilt an entry the imports should have kept")
        let rows = loaded.stdout.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("dataset,") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        try #require(rows.count == Self.years.count, "stdout: \(loaded.stdout)")
        for (year, row) in zip(Self.years, rows) {
            let first = Self.ranked(year)[0]
            #expect(row[0] == "R\(year) (local)", "\(row)")
            #expect(row[4] == first.name, "\(row)")
            #expect(row[6] == String(first.spending), "\(row)")
            #expect(row[7] == String(first.persons), "\(row)")
        }
    }

    /// The processes' outcomes, filled from the threads that ran them.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Int: Result<RdrProcess.Outcome, any Error>] = [:]

        func set(_ index: Int, _ result: Result<RdrProcess.Outcome, any Error>) {
            lock.withLock { results[index] = result }
        }

        func all() throws -> [RdrProcess.Outcome] {
            try lock.withLock { try results.keys.sorted().map { try results[$0]!.get() } }
        }
    }
}
