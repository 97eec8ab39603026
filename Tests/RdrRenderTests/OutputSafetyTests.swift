import RdrReport
import Testing
import RdrEngine
import RdrRender

/// Tables that fit a width (issue 7, item 10), keys for programs only (item 8), and no control
/// character or formula reaching a terminal or a spreadsheet (item 21).
@Suite struct TableWidthTests {
    static let long = ResultSet(
        title: "Areas with long definitions",
        columns: [
            .init(key: "area", title: "area", kind: .text),
            .init(key: "functions", title: "functions", kind: .text),
            .init(key: "persons", title: "persons", kind: .integer),
        ],
        rows: [
            [.text("Teknik"), .text("0.22.*, 0.25.*, 0.28.*, 0.38.*, 0.48.*, 0.52.*, 0.55.*, 2.22.*, 2.28.*, 2.32.*"),
             .integer(1_234_567)],
            [.text("Skole"), .text("3.22.* except 3.22.17"), .integer(5950)],
        ],
        notes: ["A note that is much longer than forty characters, so that it has to wrap as well."],
        provenance: nil)

    static func width(_ line: Substring) -> Int { line.count }

    @Test func wrapsLongTextCellsToFitAndLosesNothing() {
        let text = Renderer(format: .table, width: 40).render(Self.long)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { Self.width($0) <= 40 }, "\(text)")
        // Every function code is still there, and numbers are whole.
        for code in ["0.22.*", "0.55.*", "2.32.*", "3.22.17"] { #expect(text.contains(code)) }
        #expect(text.contains("1.234.567"))
        #expect(!text.contains("Not shown"))
    }

    @Test func noWidthIsTheNaturalTable() {
        let text = Renderer(format: .table).render(Self.long)
        #expect(text.split(separator: "\n").contains { $0.count > 80 })
        #expect(text.contains("0.22.*, 0.25.*, 0.28.*, 0.38.*, 0.48.*, 0.52.*, 0.55.*, 2.22.*, 2.28.*, 2.32.*"))
    }

    @Test func columnsThatCannotFitAreLeftOutAndSaidSo() {
        let text = Renderer(format: .table, width: 20).render(Self.long)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 20 }, "\(text)")
        #expect(text.contains("Not shown"))
        #expect(text.contains("persons"))
    }

    /// The overview at 80 columns: headings wrap at spaces and text keeps its words whole before
    /// any column is left out, so the mulighedsrum (the last column) is still shown.
    @Test func headingsWrapBeforeAColumnIsLeftOut() {
        let amount = ResultSet.Column.Kind.amount(shown: 0, exported: 0)
        let overview = ResultSet(
            title: "Overview",
            columns: [
                .init(key: "area", title: "area", kind: .text),
                .init(key: "per", title: "per", kind: .text),
                .init(key: "place", title: "place", kind: .place),
                .init(key: "ranked", title: "of", kind: .integer),
                .init(key: "kr", title: "kr. per person", kind: amount),
                .init(key: "at", title: "at place 40", kind: amount),
                .init(key: "gap", title: "mulighedsrum, kr.", kind: .integer),
            ],
            rows: [[.text("Specialiseret social, børn & unge"), .text("0-17"), .place(36, tied: false), .integer(98),
                    .amount(11_683), .amount(11_942), .integer(82_714_348)],
                   [.text("Administration"), .text("all"), .place(20, tied: false), .integer(98),
                    .amount(3_877), .amount(4_458), .integer(0)]],
            provenance: nil)
        let text = Renderer(format: .table, width: 80).render(overview)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(text)")
        #expect(!text.contains("Not shown"), "\(text)")
        #expect(text.contains("82.714.348"))
        #expect(text.contains("│ Administration │"), "a word is not broken while another column can give")
    }

    @Test func aWideEnoughWidthChangesNothing() {
        #expect(Renderer(format: .table, width: 500).render(Self.long) == Renderer(format: .table).render(Self.long))
    }
}

@Suite struct ProgramsOnlyColumnTests {
    static let result = ResultSet(
        title: "Skole, teaching R2020",
        columns: [
            .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
            .init(key: "municipality", title: "kommune", kind: .text),
            .init(key: "is_median", title: "median", kind: .flag, programsOnly: true),
        ],
        rows: [[.text("teaching R2020"), .text("Korsbæk"), .flag(true)]],
        provenance: nil)

    @Test func peopleDoNotSeeThemProgramsDo() {
        let table = Renderer(format: .table).render(Self.result)
        let markdown = Renderer(format: .markdown).render(Self.result)
        #expect(!table.contains("│ teaching R2020"))
        #expect(!markdown.contains("| teaching R2020"))
        #expect(table.contains("Korsbæk"))
        let csv = Renderer(format: .csv).render(Self.result)
        #expect(csv.hasPrefix("dataset,municipality,is_median\r\nteaching R2020,Korsbæk,true\r\n"))
        #expect(Renderer(format: .json).render(Self.result).contains("\"is_median\": true"))
    }
}

@Suite struct HostileTextTests {
    static let escape = "\u{1B}]0;pwned\u{07}"
    static let hostile = ResultSet(
        title: "Area \(escape) with a title, =HYPERLINK(\"http://x\")",
        columns: [.init(key: "text", title: "Tekst \u{1B}[31m", kind: .text)],
        rows: [[.text("label \(escape)\u{9B}2J \u{202E}txt.exe")]],
        notes: ["note \(escape)", "=1+1, and more"],
        provenance: Fixture.provenance)

    static func controls(in text: String, allowing allowed: Set<Unicode.Scalar> = ["\n", "\r"]) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            !allowed.contains(scalar)
                && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value))
        }
    }

    @Test(arguments: OutputFormat.allCases)
    func noControlCharacterInAnyFormat(_ format: OutputFormat) {
        let text = Renderer(format: format).render(Self.hostile)
        #expect(Self.controls(in: text).isEmpty, "\(format): \(text.debugDescription)")
        let narrow = Renderer(format: format, width: 30).render(Self.hostile)
        #expect(Self.controls(in: narrow).isEmpty)
    }

    @Test func terminalSafeKeepsLinesAndTabsOnly() {
        #expect(terminalSafe("a\nb\tc\u{1B}[2Jd\re\u{85}f") == "a\nb\tc\u{FFFD}[2Jd\u{FFFD}e\u{FFFD}f")
        #expect(terminalSafe("Korsbæk 😀") == "Korsbæk 😀")
    }

    @Test func csvCaptionRecordsAreQuotedAndNeverStartAFormula() throws {
        let text = Renderer(format: .csv).render(Self.hostile)
        let records = try #require(try? StrictCSV.parse(text))
        #expect(records.first == ["text"])
        for record in records.dropFirst() {
            for field in record { #expect(!["=", "+", "-", "@"].contains(field.first), "\(record)") }
        }
        let captions = records.filter { $0.first == "#" }
        #expect(captions.count == 2 + Fixture.caption.count)
        #expect(captions.allSatisfy { $0.count == 2 })
    }

    @Test func jsonEscapesC1AndBidirectionalOverrides() {
        let json = Renderer(format: .json).render(Self.hostile)
        #expect(json.contains("\\u009b"))
        #expect(json.contains("\\u202e"))
        #expect(json.contains("\\u001b]0;pwned\\u0007"))
    }
}

/// RFC 4180, strictly: a quote only opens a field or doubles inside a quoted one; CRLF ends a record.
enum StrictCSV {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false, atFieldStart = true, afterQuote = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") }
                    else { quoted = false; afterQuote = true }
                } else { field.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart: quoted = true; atFieldStart = false
            case "\"": throw Malformed()
            case ",": record.append(field); field = ""; atFieldStart = true; afterQuote = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed() }
                record.append(field); records.append(record)
                record = []; field = ""; atFieldStart = true; afterQuote = false
            default:
                if afterQuote { throw Malformed() }
                field.unicodeScalars.append(scalar); atFieldStart = false
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed() }
        return records
    }
}
