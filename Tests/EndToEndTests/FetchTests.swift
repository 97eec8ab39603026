import Foundation
import RdrTestSupport
import Testing

/// `fetch` from the shell: the built rdr against the fixture Statbank (`StatbankFixtures`, INVENTED
/// figures) on a local server, with `--data-dir` and `--statbank-url`. Standard output is a pipe,
/// so results are CSV and messages go to standard error.
@Suite struct FetchTests {
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init)
    }

    static func arguments(store: URL, server: URL, _ rest: [String]) -> [String] {
        ["--data-dir", store.path, "--statbank-url", server.absoluteString] + rest
    }

    @Test func fetchLoadAndRankInOneShotGivesCSV() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        StatbankFixtures().install(on: server)
        let store = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: store) }

        let outcome = try RdrProcess.run(Self.arguments(store: store, server: server.baseURL, [
            "-c", "fetch R2023; load R2023; rank 3.22.01 top 3", "--format", "csv",
        ]))

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = Self.lines(outcome.stdout)
        #expect(lines.first == "dataset,area,per,place,municipality,kr_per_person,spending_kr,persons,is_median",
                "stdout: \(outcome.stdout)")
        // The three lowest 3.22.01 net figures per inhabitant, worked out from the fixture's formulas.
        let ranked = StatbankFixtures.municipalities.map { m -> (name: String, spending: Int, persons: Int) in
            (m.name, Int((StatbankFixtures.net("3.22.01", municipality: m.code) * 1000).rounded()),
             StatbankFixtures.population(area: m.code))
        }.sorted { a, b in
            let left = a.spending * b.persons, right = b.spending * a.persons
            return left != right ? left < right : a.name < b.name
        }
        let rows = lines.dropFirst().prefix(3).map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(3).map(String.init) }
        try #require(rows.count == 3, "stdout: \(outcome.stdout)")
        for (place, row) in rows.enumerated() {
            let expected = ranked[place]
            #expect(row.count == 6, "\(row)")
            #expect(row[0] == String(place + 1))
            #expect(row[1] == expected.name)
            let perPerson = try #require(Double(row[2]))
            #expect(abs(perPerson - Double(expected.spending) / Double(expected.persons)) < 0.006, "\(row)")
            #expect(row[3] == String(expected.spending))
            #expect(row[4] == String(expected.persons))
        }
        #expect(lines.count == 4, "the header and three rows; the median and the caption go to standard error")
        let caption = Self.lines(outcome.stderr)
        #expect(caption.contains { $0.hasPrefix("median: dataset=R2023 (local), area=3.22.01, per=all, place=50,") })
        #expect(caption.contains { $0.contains("REGK31 (LOBM, dranst 1, art TOT − S0)") }, "stderr: \(outcome.stderr)")
        #expect(!outcome.stdout.contains("Fetched"), "messages stay off standard output in csv")
        #expect(outcome.stderr.hasPrefix("Fetched R2023 (REGK31 and FOLK1A 2023K1, "), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Loaded local R2023"))
        #expect(!outcome.stderr.contains("error"))
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("accounts/R2023/manifest.json").path))
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("population/2023/manifest.json").path))
    }

    @Test func aFetchFaultExitsOneWithOneErrorLine() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        StatbankFixtures(faults: [.folk1aServerError]).install(on: server)
        let store = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: store) }

        let outcome = try RdrProcess.run(Self.arguments(store: store, server: server.baseURL, ["-c", "fetch R2023"]))

        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty, "stdout: \(outcome.stdout)")
        let lines = Self.lines(outcome.stderr)
        // One error line (file:line:column: error: …), then the statement and a caret under R2023.
        #expect(lines.filter { $0.contains("error") }.count == 1, "stderr: \(outcome.stderr)")
        #expect(lines.count == 3, "stderr: \(outcome.stderr)")
        #expect(lines.first?.hasPrefix("-c:1:7: error: fetching R2023 failed: could not fetch FOLK1A 2023 after 4 attempts: "
                                       + "Statistics Denmark answered HTTP 500") == true, "stderr: \(outcome.stderr)")
        #expect(lines.first?.hasSuffix("; the local store is unchanged") == true)
        #expect(lines.dropFirst().first == "    fetch R2023")
        #expect(lines.last == "          ^~~~~")
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("accounts").path))
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("population").path))
    }

    @Test func aStatbankThatCannotBeReachedExitsOne() throws {
        let server = try LocalHTTPServer()
        let url = server.baseURL
        server.stop()
        let store = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: store) }

        let outcome = try RdrProcess.run(Self.arguments(store: store, server: url, ["-c", "fetch R2023"]))

        #expect(outcome.status == 1)
        let first = Self.lines(outcome.stderr).first ?? ""
        #expect(first.hasPrefix("-c:1:7: error: fetching R2023 failed: could not fetch the tableinfo of REGK31 after 4 attempts: "
                                + "could not reach \(url.absoluteString)"), "stderr: \(outcome.stderr)")
        #expect(first.hasSuffix("the local store is unchanged"))
    }
}
