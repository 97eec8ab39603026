import Foundation
import RdrTestSupport
import Testing

/// What rdr writes, read as a user's tools read it (issue 7, items 7, 8, 9, 10, 21): CSV through
/// Python's csv module, a closed pipe and a full device, a terminal 80 columns wide, and hostile
/// text in titles.
@Suite struct OutputTests {
    typealias Outcome = RdrProcess.Outcome

    /// Runs `command` with bash; standard output and standard error come back separately.
    static func shell(_ command: String, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment
            .merging(["RDR": RdrProcess.executable.path]) { $1 }.merging(environment) { $1 }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return RdrProcess.collect(process, stdout: stdout, stderr: stderr)
    }

    /// Python's csv module, strict, on `text`: the records, or a failure.
    static func pythonCSV(_ text: String) throws -> [[String]] {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.csv")
        try Data(text.utf8).write(to: file)
        let outcome = try shell("""
            python3 -c 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))))' \(file.path)
            """)
        try #require(outcome.status == 0, "python3 csv: \(outcome.stderr)")
        return try JSONDecoder().decode([[String]].self, from: Data(outcome.stdout.utf8))
    }

    // MARK: Item 7: CSV on standard output is the rows and nothing else

    @Test func aRankingIsOneHeaderAndOneRecordPerMunicipality() throws {
        let outcome = try RdrProcess.run(["-c", "load R2024; rank 3.22.01", "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let records = try Self.pythonCSV(outcome.stdout)
        let header = try #require(records.first)
        #expect(header == ["dataset", "area", "per", "place", "municipality", "kr_per_person", "spending_kr", "persons", "is_median"])
        let rows = records.dropFirst()
        #expect(rows.count == 98)
        #expect(rows.allSatisfy { $0.count == header.count }, "no ragged rows")
        #expect(Set(rows.map { $0[4] }).count == 98, "each municipality once: the median is not repeated")
        // A column sums: every persons field is a number.
        let persons = rows.compactMap { Int($0[7]) }
        #expect(persons.count == 98)
        #expect(rows.filter { $0[8] == "true" }.map { $0[3] } == ["50"], "the median is flagged, at place 50")
        // The caption is not lost: a person sees it on standard error.
        #expect(outcome.stderr.contains("median: dataset=R2024, area=3.22.01, per=all, place=50"))
        #expect(outcome.stderr.contains("Source: Statistics Denmark"))
    }

    @Test func csvCaptionPutsTheCaptionInTheCSVAsQuotedRecords() throws {
        let outcome = try RdrProcess.run(["-c", "load R2024; rank 3.22.01 top 3", "--format", "csv", "--csv-caption"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let records = try Self.pythonCSV(outcome.stdout)
        let captions = records.filter { $0.first == "#" }
        #expect(records.count == 1 + 3 + captions.count)
        #expect(captions.allSatisfy { $0.count == 2 })
        #expect(captions.contains { $0[1].hasPrefix("Source: Statistics Denmark") })
        #expect(captions.contains { $0[1].hasPrefix("median: ") })
        #expect(!outcome.stderr.contains("median: "), "with --csv-caption the caption is not repeated on standard error")
    }

    @Test func jsonIsOneDocumentWithTheMedianAndTheTotalAsTheirOwnMembers() throws {
        let ranking = try RdrProcess.run(["-c", "load R2024; rank 3.22.01", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(ranking.stdout.utf8)) as? [String: Any])
        #expect((document["rows"] as? [Any])?.count == 98)
        #expect((document["median"] as? [String: Any])?["place"] as? Int == 50)
        #expect(document["provenance"] is [String: Any])

        let overview = try RdrProcess.run(["-c", "load teaching R2020; gap Korsbæk to 40", "--format", "json"])
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(overview.stdout.utf8)) as? [String: Any])
        let rows = try #require(whole["rows"] as? [[String: Any]])
        let total = try #require((whole["total"] as? [String: Any])?["mulighedsrum_kr"] as? Int)
        #expect(total == rows.compactMap { $0["mulighedsrum_kr"] as? Int }.reduce(0, +))
    }

    // MARK: Item 8: every result says what it is about

    @Test func theOverviewsCSVNamesTheMunicipalityAndThePlaceOnEveryRow() throws {
        let outcome = try RdrProcess.run(["-c", "load teaching R2020; gap Korsbæk to 40", "--format", "csv"])
        let records = try Self.pythonCSV(outcome.stdout)
        let header = try #require(records.first)
        let rows = records.dropFirst()
        #expect(rows.count == 10)
        let column = { (key: String) in rows.map { $0[header.firstIndex(of: key)!] } }
        #expect(column("municipality").allSatisfy { $0 == "Korsbæk" })
        #expect(column("dataset").allSatisfy { $0 == "teaching R2020" })
        #expect(column("benchmark_place").allSatisfy { $0 == "40" })
        #expect(!column("benchmark_municipality").contains(""))
    }

    @Test func theOverviewToTheMedianUsesEachAreasMedianPlace() throws {
        let outcome = try RdrProcess.run(["-c", "load teaching R2020; gap Korsbæk to median", "--format", "csv"])
        let records = try Self.pythonCSV(outcome.stdout)
        let header = try #require(records.first)
        let ranked = header.firstIndex(of: "ranked")!, place = header.firstIndex(of: "benchmark_place")!
        for row in records.dropFirst() {
            #expect(Int(row[place]) == Int(row[ranked])! / 2 + 1, "\(row)")
        }
    }

    // MARK: Item 9: writing never crashes

    @Test func aFullDeviceIsOneLineAndExitStatusOne() throws {
        let outcome = try Self.shell(#""$RDR" -c 'load R2024; rank 3.22.01' > /dev/full"#)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasSuffix("rdr: cannot write to standard output: No space left on device\n"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Fatal error"))
        #expect(outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("rdr:") }.count == 1)
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("long.rdr")
        try ("load R2024\n" + String(repeating: "rank 3.22.01\n", count: 400)).write(to: script, atomically: true, encoding: .utf8)
        for format in ["csv", "table", "json"] {
            let outcome = try Self.shell(#"set -o pipefail; "$RDR" --format "# + format + " " + script.path
                                         + #" | head -1; echo "status ${PIPESTATUS[0]}""#)
            #expect(!outcome.stderr.contains("Fatal error"), "\(format): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("cannot write"), "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.hasSuffix("status 141\n"), "ended by SIGPIPE like other Unix tools: \(outcome.stdout)")
        }
    }

    // MARK: Item 10: tables fit the terminal

    @Test func listingsFitAnEightyColumnTerminal() throws {
        let command = #"stty cols 80 rows 50; "$RDR" -c 'areas; load R2024; functions; load teaching R2020; gap Korsbæk to 40'"#
        let outcome = try Self.shell("script -qec '\(command.replacingOccurrences(of: "'", with: "'\\''"))' /dev/null")
        try #require(outcome.status == 0, "\(outcome.stdout) \(outcome.stderr)")
        let lines = outcome.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("┌") }, "boxed tables on a terminal: \(outcome.stdout)")
        // Every line of the results (a message such as "Loaded …" is left to the terminal to wrap).
        let wide = lines.filter { $0.count > 80 && !$0.hasPrefix("Loaded ") }
        #expect(wide.isEmpty, "\(wide)")
        // Nothing was cut from the listings: the longest definition is all there, wrapped.
        #expect(outcome.stdout.contains("5.38.59"))
        #expect(outcome.stdout.contains("2.32.*"))
    }

    @Test func aPipeGetsTheNaturalTable() throws {
        let outcome = try RdrProcess.run(["-c", "areas", "--format", "table"], environment: ["COLUMNS": "40"])
        #expect(outcome.stdout.split(separator: "\n").contains { $0.count > 150 }, "no terminal, no width: \(outcome.stdout)")
    }

    // MARK: Item 21: nothing hostile reaches the terminal or a spreadsheet

    static func controls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ($0.value < 0x20 && !["\n", "\r", "\t"].contains($0)) || (0x7F...0x9F).contains($0.value) }
    }

    @Test(arguments: ["table", "csv", "markdown", "json"])
    func anEscapeSequenceInATitleIsNeverWrittenRaw(_ format: String) throws {
        let title = "\u{1B}]0;pwned\u{07}"
        let script = "load teaching R2020\ndefine area E \"\(title)\" = 5.38.50\nrank E top 2\narea E\ngap Korsbæk to 3 in E\nrank \"\(title)\"\n"
        let outcome = try RdrProcess.run(["--format", format], input: script)
        #expect(Self.controls(outcome.stdout).isEmpty, "stdout: \(outcome.stdout.debugDescription)")
        #expect(Self.controls(outcome.stderr).isEmpty, "stderr: \(outcome.stderr.debugDescription)")
    }

    @Test func aCommaInATitleNeverStartsASpreadsheetCellWithAFormula() throws {
        let script = "load teaching R2020\ndefine area F \"x,=HYPERLINK(1),+2\" = 5.38.50\nrank F top 2\n"
        let outcome = try RdrProcess.run(["--format", "csv", "--csv-caption"], input: script)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        for record in try Self.pythonCSV(outcome.stdout) {
            for field in record {
                #expect(!["=", "+", "-", "@"].contains(field.first), "\(record)")
            }
        }
    }
}
