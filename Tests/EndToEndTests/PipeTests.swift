import Foundation
import RdrTestSupport
import Testing

/// rdr used from a shell without a terminal: scripts piped to standard input, `-c` one-shots,
/// script files with parameters, the argument errors, and exports. Standard output is a pipe here,
/// so the default format is csv and messages go to standard error.
@Suite struct PipeTests {
    static let loadedMessage = "Loaded teaching R2020"
    static let skoleTitle = "Skole: kr. per 6-16-year-old, teaching R2020"

    /// Lines ended by LF or CRLF (csv output may use either; RFC 4180 says CRLF).
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init)
    }

    // MARK: Piped standard input

    @Test func pipedScriptGivesCSVOnStandardOutputAndMessagesOnStandardError() throws {
        let script = """
            # A budget-round check, piped in.
            load teaching R2020

            # The three lowest spenders on schools.
            rank Skole per 6-16 top 3

            """
        let outcome = try RdrProcess.run([], input: script)

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = Self.lines(outcome.stdout)
        #expect(lines.first == "dataset,area,per,place,municipality,kr_per_person,spending_kr,persons,is_median")
        #expect(lines.contains("teaching R2020,Skole,6-16,1,Egenæs,48413.73,81093000,1675,false"))
        #expect(lines.count == 4, "a header and the three rows: the median is not a row")
        #expect(outcome.stderr.contains("median: dataset=teaching R2020, area=Skole, per=6-16, place=50, municipality=Solbjerg"))
        #expect(!outcome.stdout.contains("┌"), "no boxed table when standard output is not a terminal")
        #expect(!outcome.stdout.contains(Self.loadedMessage), "messages stay off standard output in csv")
        #expect(outcome.stderr.hasPrefix(Self.loadedMessage))
        #expect(!outcome.stderr.contains("error"))
    }

    @Test func pipedScriptWithFormatTableGivesTheBoxedTable() throws {
        let outcome = try RdrProcess.run(["--format", "table"], input: "load teaching R2020\nrank Skole per 6-16 top 3\n")

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains(Self.skoleTitle))
        #expect(outcome.stdout.contains("┌───────┬"))
        #expect(outcome.stdout.contains("│     1 │ Egenæs "))
        #expect(outcome.stdout.contains("└───────┴"))
        #expect(outcome.stdout.contains(Self.loadedMessage), "in table format, messages go to standard output")
        #expect(outcome.stderr.isEmpty)
    }

    @Test func errorOnLineThreeOfPipedInputStopsWithLocationAndCaret() throws {
        let input = "load teaching R2020\nrank Skole per 6-16 top 2\nrank Nowhere top 3\nrank Skole top 1\n"
        let outcome = try RdrProcess.run(["--format", "table"], input: input)

        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("<stdin>:3:"), "stderr: \(outcome.stderr)")
        let diagnostic = Self.lines(outcome.stderr)
        #expect(diagnostic.first?.contains("error: unknown area 'Nowhere'") == true)
        // The source line, then a caret under the offending word.
        try #require(diagnostic.count >= 3, "stderr: \(outcome.stderr)")
        #expect(diagnostic[1].hasSuffix("rank Nowhere top 3"))
        let column = try #require(diagnostic[1].range(of: "Nowhere")).lowerBound
        let caretColumn = try #require(diagnostic[2].firstIndex(of: "^"))
        #expect(diagnostic[1].distance(from: diagnostic[1].startIndex, to: column)
            == diagnostic[2].distance(from: diagnostic[2].startIndex, to: caretColumn))
        #expect(diagnostic[2].trimmingCharacters(in: .whitespaces).allSatisfy { $0 == "^" || $0 == "~" })
        // Lines 1 and 2 ran before the error; line 4 did not.
        #expect(outcome.stdout.contains(Self.loadedMessage))
        #expect(outcome.stdout.contains("Showing 2 of 98"))
        #expect(!outcome.stdout.contains("Showing 1 of 98"))
    }

    @Test func errorInPipedCSVComesAfterTheEarlierMessagesOnStandardError() throws {
        let outcome = try RdrProcess.run([], input: "load teaching R2020\nrank Skole top 2\nrank Nowhere\n")

        #expect(outcome.status == 1)
        let lines = Self.lines(outcome.stderr)
        #expect(lines.first?.hasPrefix(Self.loadedMessage) == true)
        #expect(lines.contains { $0.hasPrefix("<stdin>:3:6: error: unknown area 'Nowhere'") }, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("dataset,area,per,place,municipality,"), "line 2's result is on standard output")
    }

    @Test func quitInPipedInputStopsBeforeLaterLines() throws {
        let outcome = try RdrProcess.run([], input: "load teaching R2020\nquit\nrank Nowhere\n")

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("Nowhere"))
    }

    @Test func pipedInputWithWindowsLineEndingsRuns() throws {
        let outcome = try RdrProcess.run([], input: "load teaching R2020\r\nrank Skole top 1\r\n")

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("1,Egenæs,"))
    }

    @Test func pipedInputWithByteOrderMarkRunsLikeTheSameScriptFile() throws {
        // Notepad and Excel save UTF-8 with a byte order mark; `rdr file.rdr` accepts it.
        let text = "\u{FEFF}load teaching R2020\nrank Skole top 1\n"
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("bom.rdr"), atomically: true, encoding: .utf8)
        let fromFile = try RdrProcess.run(["bom.rdr"], in: folder)
        #expect(fromFile.status == 0, "stderr: \(fromFile.stderr)")

        let piped = try RdrProcess.run([], input: text)
        #expect(piped.status == 0, "stderr: \(piped.stderr)")
        #expect(piped.stdout == fromFile.stdout)
    }

    // MARK: -c one-shots

    @Test func oneShotCSVIsParseableAndHoldsOnlyCSVAndCaptionLines() throws {
        let outcome = try RdrProcess.run(["-c", "load teaching R2020; rank Skole per 6-16 top 3; gap Korsbæk to 40 in Skole",
                                          "--format", "csv", "--csv-caption"])

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(Self.lines(outcome.stdout).first == "dataset,area,per,place,municipality,kr_per_person,spending_kr,persons,is_median")
        #expect(outcome.stderr.hasPrefix(Self.loadedMessage))

        let blocks = try CSVDocument.parse(outcome.stdout)
        try #require(blocks.count == 2, "two results, two tables: \(outcome.stdout)")
        let ranking = blocks[0], gap = blocks[1]
        #expect(ranking.header == "dataset,area,per,place,municipality,kr_per_person,spending_kr,persons,is_median".split(separator: ",").map(String.init))
        #expect(ranking.rows.map { $0[4] } == ["Egenæs", "Askby", "Lundrup"])
        #expect(ranking.captions.contains("# INVENTED FIGURES (teaching data): not any real municipality's accounts."))
        #expect(gap.header == ["dataset", "municipality", "area", "per", "benchmark_place", "step", "item", "value"])
        // Fields with commas come back whole, because they were quoted.
        #expect(gap.rows.first == ["teaching R2020", "Korsbæk", "Skole", "6-16", "40", "1",
                                   "Korsbæk, place 73 of 98: net spending, kr.", "468572000"])
        for block in blocks {
            for row in block.rows {
                #expect(row.count == block.header.count, "ragged row \(row) under \(block.header)")
            }
            #expect(block.captions.allSatisfy { $0.hasPrefix("# ") })
        }
    }

    // MARK: Script files and parameters

    @Test func scriptFileTakesParametersFromSetAndDefaultsFromParam() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            # Budget round with parameters.
            param kommune = Egenæs
            param place = 40
            param rows = 2

            load teaching R2020
            gap $kommune to $place in Skole
            rank Skole top $rows
            """.write(to: folder.appendingPathComponent("round.rdr"), atomically: true, encoding: .utf8)

        let outcome = try RdrProcess.run(["round.rdr", "--set", "kommune=Korsbæk", "--set", "place=30"], in: folder)

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("\"Korsbæk, place 73 of 98: net spending, kr.\""), "--set kommune wins over the param default")
        #expect(outcome.stdout.contains("\"place 30, "), "--set place wins over the param default")
        #expect(!outcome.stdout.contains("Egenæs, place"))
        #expect(outcome.stderr.contains("Note: Showing 2 of 98 ranked municipalities."), "param rows = 2 is used when not set")
    }

    @Test func parameterWithoutSetOrParamIsAnErrorNamingIt() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "load teaching R2020\ngap $kommune to 40 in Skole\n"
            .write(to: folder.appendingPathComponent("needs.rdr"), atomically: true, encoding: .utf8)

        let outcome = try RdrProcess.run(["needs.rdr"], in: folder)

        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("needs.rdr:2:"), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("$kommune"))
        #expect(outcome.stderr.contains("--set kommune="))
    }

    @Test func parseErrorOnLineSevenStopsTheScriptBeforeAnythingRuns() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            # line 1
            load teaching R2020
            let s = rank Skole top 3
            export s to early.csv

            # line 6
            rank Skole top top
            rank Skole top 1
            """.write(to: folder.appendingPathComponent("file.rdr"), atomically: true, encoding: .utf8)

        let outcome = try RdrProcess.run(["file.rdr"], in: folder)

        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("file.rdr:7:"), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("rank Skole top top"))
        #expect(outcome.stdout.isEmpty, "nothing ran: \(outcome.stdout)")
        #expect(!outcome.stderr.contains(Self.loadedMessage), "not even the load on line 2")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("early.csv").path))
    }

    @Test func missingScriptFileIsAnError() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try RdrProcess.run(["absent.rdr"], in: folder)

        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("absent.rdr"))
    }

    // MARK: Arguments

    @Test(arguments: ["kommune", "=Korsbæk"])
    func setWithoutNameAndValueIsAnArgumentError(_ value: String) throws {
        let outcome = try RdrProcess.run(["-c", "load teaching R2020", "--set", value])

        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("--set takes NAME=VALUE"), "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func versionPrintsAVersion() throws {
        let outcome = try RdrProcess.run(["--version"])

        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(/\d+\.\d+\.\d+/), "stdout: \(outcome.stdout)")
    }

    @Test func helpMentionsTheCommandAndSetOptions() throws {
        let outcome = try RdrProcess.run(["--help"])

        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("-c <c>"))
        #expect(outcome.stdout.contains("--set <NAME=VALUE>"))
        #expect(outcome.stdout.contains("--format"))
    }

    @Test func unknownFormatIsAnArgumentError() throws {
        let outcome = try RdrProcess.run(["--format", "xlsx", "-c", "load teaching R2020"])

        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("unknown format 'xlsx'"), "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func scriptAndCommandTogetherIsAnArgumentError() throws {
        let outcome = try RdrProcess.run(["some.rdr", "-c", "load teaching R2020"])

        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("not both"), "stderr: \(outcome.stderr)")
    }

    // MARK: Export

    @Test func exportFromAPipedScriptWritesTheFileAtomicallyInTheWorkingDirectory() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = "load teaching R2020\nlet s = rank Skole per 6-16 top 3\nexport s to skole.csv\ns as csv\n"

        let outcome = try RdrProcess.run([], input: input, in: folder)

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Exported s (3 rows) to skole.csv as csv."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["skole.csv"],
                "only the exported file, no temporary file left behind")
        let contents = try String(contentsOf: folder.appendingPathComponent("skole.csv"), encoding: .utf8)
        #expect(Self.lines(contents).first == "dataset,area,per,place,municipality,kr_per_person,spending_kr,persons,is_median")
        #expect(Self.lines(contents).dropFirst().first?.hasPrefix("teaching R2020,Skole,6-16,1,Egenæs,") == true)
        #expect(contents.contains("#,\"INVENTED FIGURES (teaching data)"), "an exported file keeps its caption")
        #expect(contents.hasPrefix(outcome.stdout), "the file holds what `s as csv` prints, then the caption")
    }

    @Test func exportOverwritesAnExistingFileWhole() throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("skole.csv")
        try String(repeating: "old contents that are longer than the new ones\n", count: 200)
            .write(to: target, atomically: true, encoding: .utf8)

        let outcome = try RdrProcess.run([], input: "load teaching R2020\nlet s = rank Skole top 1\nexport s to skole.csv\n", in: folder)

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let contents = try String(contentsOf: target, encoding: .utf8)
        #expect(contents.hasPrefix("dataset,area,per,place,municipality,"))
        #expect(!contents.contains("old contents"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["skole.csv"])
    }

    @Test(arguments: ["a-file/skole.csv", "no-such-folder/skole.csv"])
    func exportToAnUnwritablePathIsOneErrorAndWritesNothing(_ path: String) throws {
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A regular file where a folder should be: unwritable even for root.
        try "".write(to: folder.appendingPathComponent("a-file"), atomically: true, encoding: .utf8)

        let input = "load teaching R2020\nlet s = rank Skole top 3\nexport s to \(path)\n"
        let outcome = try RdrProcess.run([], input: input, in: folder)

        #expect(outcome.status == 1)
        let errorLines = Self.lines(outcome.stderr).filter { $0.contains("error") }
        #expect(errorLines.count == 1, "one error, no stack of them: \(outcome.stderr)")
        #expect(errorLines.first?.hasPrefix("<stdin>:3:13: error: cannot write '") == true, "stderr: \(outcome.stderr)")
        #expect(errorLines.first?.contains("skole.csv") == true)
        #expect(!outcome.stderr.contains("Exported"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a-file"], "no file, no temporary file")
    }

    // MARK: Invented figures are marked

    @Test func teachingOutputIsMarkedInventedInCSVCaptions() throws {
        let outcome = try RdrProcess.run(["-c", "load teaching R2020; rank Skole top 1; gap Korsbæk to 40", "--format", "csv",
                                          "--csv-caption"])

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let blocks = try CSVDocument.parse(outcome.stdout)
        #expect(blocks.count == 2)
        for block in blocks {
            #expect(block.captions.contains("# INVENTED FIGURES (teaching data): not any real municipality's accounts."),
                    "captions of \(block.header): \(block.captions)")
        }
        #expect(outcome.stderr.contains("INVENTED figures"), "the load message says so too")
    }

    @Test func teachingOutputIsMarkedInventedInJSON() throws {
        let outcome = try RdrProcess.run(["-c", "load teaching R2020; rank Skole top 1", "--format", "json"])

        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["invented"] as? Bool == true)
        #expect(outcome.stdout.contains("\"invented\": true"))
    }

    @Test func realOutputIsNotMarkedInvented() throws {
        let csv = try RdrProcess.run(["-c", "load R2024; rank 3.22.01 top 1", "--format", "csv"])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        #expect(!csv.stdout.contains("INVENTED"))

        let json = try RdrProcess.run(["-c", "load R2024; rank 3.22.01 top 1", "--format", "json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["invented"] as? Bool == false)
    }
}

/// rdr's csv output: RFC 4180 tables, each followed by `# ` caption lines. Parsed strictly, so that a
/// stray line that is neither a record nor a caption fails the test.
private struct CSVDocument {
    struct Table {
        var header: [String]
        var rows: [[String]] = []
        var captions: [String] = []
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [Table] {
        var tables: [Table] = []
        var characters = Array(text)[...]
        while !characters.isEmpty {
            if characters.starts(with: "#,") {
                // A caption record (--csv-caption): "#" and the quoted text.
                let record = try parseRecord(&characters)
                guard !tables.isEmpty, record.count == 2 else { throw Malformed(description: "caption \(record)") }
                tables[tables.count - 1].captions.append("# " + record[1])
                continue
            }
            let record = try parseRecord(&characters)
            if tables.isEmpty || !tables[tables.count - 1].captions.isEmpty {
                tables.append(Table(header: record))  // a record after captions starts the next table
            } else {
                tables[tables.count - 1].rows.append(record)
            }
        }
        return tables
    }

    /// One record: fields separated by commas, quoted fields with "" for a quote, ended by a line break.
    private static func parseRecord(_ characters: inout ArraySlice<Character>) throws -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuotedField = false
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                        afterQuotedField = true
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(field)
                field = ""
                afterQuotedField = false
            case "\n", "\r\n":
                fields.append(field)
                return fields
            case "\"" where field.isEmpty && !afterQuotedField:
                quoted = true
            default:
                if afterQuotedField || character == "\"" {
                    throw Malformed(description: "stray character \(character) in field \(field) of \(fields)")
                }
                field.append(character)
            }
        }
        if quoted { throw Malformed(description: "unterminated quoted field \(field)") }
        fields.append(field)
        return fields
    }
}
