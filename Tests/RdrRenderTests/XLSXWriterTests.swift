import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RdrEngine
import RdrRender
import RdrReport
import RdrTestSupport
import Testing
import ZIPFoundation

/// The workbook, checked twice: its parts and XML as written (unzipped with ZIPFoundation, parsed
/// with Foundation's XMLParser), and read back by openpyxl, a reader that shares nothing with it.
@Suite struct XLSXWriterTests {
    // MARK: The package

    @Test func hasEveryPartAndEachIsWellFormedXML() throws {
        let book = try Workbook(XLSXWriter.workbook([Fixture.ranking, Fixture.amounts]))
        #expect(Set(book.parts.keys) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
        for (path, text) in book.parts {
            #expect(throws: Never.self, "\(path)") { _ = try ParsedXML.parse(text) }
        }
        let types = try book.xml("[Content_Types].xml")
        let overrides = types.all("Override").compactMap { $0.attributes["PartName"] }
        #expect(Set(overrides) == Set(book.parts.keys.filter { !$0.hasSuffix(".rels") && $0 != "[Content_Types].xml" }.map { "/" + $0 }))
        let relationships = try book.xml("xl/_rels/workbook.xml.rels").all("Relationship")
        let sheets = try book.xml("xl/workbook.xml").all("sheet")
        #expect(sheets.map { $0.attributes["r:id"] } == ["rId1", "rId2"])
        for sheet in sheets {
            let target = relationships.first { $0.attributes["Id"] == sheet.attributes["r:id"] }?.attributes["Target"]
            #expect(target.map { book.parts["xl/" + $0] != nil } == true)
        }
    }

    @Test func theSameResultsGiveTheSameBytes() throws {
        #expect(try XLSXWriter.workbook([Fixture.ranking]) == XLSXWriter.workbook([Fixture.ranking]))
    }

    @Test func noResultsGiveOneEmptySheet() throws {
        let book = try Workbook(XLSXWriter.workbook([]))
        #expect(try book.xml("xl/workbook.xml").all("sheet").map { $0.attributes["name"] } == ["Sheet1"])
        #expect(try book.cells(sheet: 1).isEmpty)
    }

    // MARK: Sheet names

    @Test func sheetNamesFitExcelsRules() {
        let long = "Skole: kr. per 6-16-year-old, teaching R2020 (place 1 = lowest)"
        let names = XLSXWriter.sheetNames(for: [
            long, long, long.uppercased(), "a/b\\c?d*e[f]g:h", "", "'quoted'", "History", "Tab\there\u{1B}[2J",
            String(repeating: "😀", count: 20),
        ])
        #expect(names == [
            "Skole kr. per 6-16-year-old, te",
            "Skole kr. per 6-16-year-old (2)",  // unique, still within 31
            "SKOLE KR. PER 6-16-YEAR-OLD (3)",  // Excel compares names without regard to case
            "abcdefgh",
            "Result 5",
            "quoted",
            "History (2)",  // Excel's own name
            "Tab here2J",
            String(repeating: "😀", count: 15),  // 30 UTF-16 units: a 16th would make 32
        ])
        for name in names {
            #expect(name.utf16.count <= 31, "\(name)")
            #expect(!name.contains { "[]:*?/\\".contains($0) }, "\(name)")
        }
    }

    @Test func theWorkbookUsesTheseNamesEscaped() throws {
        let results = [Fixture.texts([], title: "R&D <costs> \"x\""), Fixture.texts([], title: "R&D <costs> \"x\"")]
        let book = try Workbook(XLSXWriter.workbook(results))
        #expect(try book.xml("xl/workbook.xml").all("sheet").map { $0.attributes["name"] }
            == ["R&D <costs> \"x\"", "R&D <costs> \"x\" (2)"])
    }

    // MARK: Cells

    @Test func numbersAreNumbersWithTheirFormats() throws {
        let book = try Workbook(XLSXWriter.workbook([Fixture.ranking, Fixture.amounts]))
        let ranking = try book.cells(sheet: 1)
        #expect(ranking["A3"] == .init(type: nil, value: "1", format: "0", bold: false))
        #expect(ranking["A4"] == .init(type: nil, value: "2", format: "0\"=\"", bold: false))  // tied: shown 2=
        #expect(ranking["C3"] == .init(type: nil, value: "6123", format: "#,##0", bold: false))
        #expect(ranking["D3"] == .init(type: nil, value: "10353.25", format: "#,##0", bold: false))
        #expect(ranking["D5"]?.value == "-2.50")
        #expect(ranking["A6"]?.text == "n/a")  // not available, as in the table
        #expect(ranking["D7"] == .init(type: nil, value: "999.50", format: "#,##0", bold: true))  // the total
        #expect(ranking["A7"] != nil)  // blank, but bold under the rule
        let amounts = try book.cells(sheet: 2)
        #expect(amounts["B3"] == .init(type: nil, value: "30.25", format: "#,##0.0", bold: false))
        #expect(amounts["C3"] == .init(type: nil, value: "30292110", format: "#,##0", bold: false))
        #expect(amounts["C4"]?.value == "0")  // -0.4 to whole kroner loses its sign, as in CSV
        #expect(amounts["B5"]?.text == "n/a")  // not a number
    }

    @Test func yearsFlagsAndDecimalsFollowTheColumn() throws {
        let result = ResultSet(
            title: "Kinds",
            columns: [
                .init(key: "year", title: "År", kind: .year),
                .init(key: "is_median", title: "median", kind: .flag, programsOnly: true),
                .init(key: "share", title: "Andel", kind: .amount(shown: 2, exported: 4)),
            ],
            rows: [[.year(2024), .flag(true), .amount(0.123456)], [.year(2025), .flag(false), .amount(-1)]],
            provenance: nil
        )
        let cells = try Workbook(XLSXWriter.workbook([result])).cells(sheet: 1)
        #expect(cells["A3"] == .init(type: nil, value: "2024", format: "0", bold: false))
        #expect(cells["B3"] == .init(type: "b", value: "1", format: "General", bold: false))
        #expect(cells["B4"] == .init(type: "b", value: "0", format: "General", bold: false))
        #expect(cells["C3"] == .init(type: nil, value: "0.1235", format: "#,##0.00", bold: false))
        #expect(cells["B2"]?.text == "median")  // a key column is in the sheet, as in CSV
    }

    @Test func textIsEscapedAndNeverAFormula() throws {
        let texts = ["=SUM(A1:A9)", "+45 12 34 56", "-5 kr.", "@cmd", "R&D <b> \"q\" 'a'", "two\nlines\ttab", "esc\u{1B}[2J\u{7}bell", "\u{FFFE}x"]
        let book = try Workbook(XLSXWriter.workbook([Fixture.texts(texts.map { [.text($0), .amount(1)] })]))
        let sheet = try #require(book.parts["xl/worksheets/sheet1.xml"])
        #expect(!sheet.contains("<f"))
        #expect(!sheet.contains("inlineStr"))
        let cells = try book.cells(sheet: 1)
        let written = (3..<(3 + texts.count)).map { cells["A\($0)"] }
        #expect(written.allSatisfy { $0?.type == "s" })
        #expect(written.map { $0?.text } == [
            "=SUM(A1:A9)", "+45 12 34 56", "-5 kr.", "@cmd", "R&D <b> \"q\" 'a'", "two lines tab", "esc\u{FFFD}[2J\u{FFFD}bell", "\u{FFFD}x",
        ])
        for text in book.parts.values {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "a raw control character")
        }
    }

    @Test func headingsAreBoldAndFrozenAndTheCaptionFollows() throws {
        let book = try Workbook(XLSXWriter.workbook([Fixture.ranking]))
        let cells = try book.cells(sheet: 1)
        #expect(cells["A1"]?.text == Fixture.ranking.title)
        #expect(["A2", "B2", "C2", "D2"].map { cells[$0]?.text } == ["Plads", "Kommune", "Indbyggere", "Kr. pr. indb."])
        #expect(["A2", "B2", "C2", "D2"].allSatisfy { cells[$0]?.bold == true })
        #expect(cells["B3"]?.bold == false)
        // Rows 3-6, the total at 7 with a rule above it, an empty row, then the caption.
        #expect(cells.keys.filter { $0.hasSuffix("8") && $0.count == 2 }.isEmpty)
        #expect((9...13).map { cells["A\($0)"]?.text } == Fixture.ranking.notes.map { "Note: " + $0 } + Fixture.caption)
        let sheet = try book.xml("xl/worksheets/sheet1.xml")
        let pane = try #require(sheet.all("pane").first)
        #expect(pane.attributes["state"] == "frozen")
        #expect(pane.attributes["ySplit"] == "2")
        #expect(pane.attributes["topLeftCell"] == "A3")
        let widths = sheet.all("col").compactMap { $0.attributes["width"].flatMap(Double.init) }
        #expect(widths.count == 4)
        #expect(widths[1] >= Double("København".count))
        let styles = try book.xml("xl/styles.xml")
        let footerStyle = try #require(cells["D7"]?.style)
        let border = styles.all("cellXfs").first?.children[footerStyle].attributes["borderId"].flatMap(Int.init)
        let borderID = try #require(border)
        let top = try #require(styles.all("border")[borderID].children.first { $0.name == "top" })
        #expect(top.attributes["style"] == "thin")
    }

    // MARK: Read back by another program

    @Test func openpyxlReadsEveryHeadingAndNumber() throws {
        let results = [Fixture.ranking, Fixture.amounts, Fixture.texts([[.text("=1+1"), .amount(-7.125)]], title: Fixture.ranking.title)]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        try AtomicFile.write(XLSXWriter.workbook(results), to: path)

        let sheets = try Openpyxl.read(path)
        #expect(sheets.map(\.name) == XLSXWriter.sheetNames(for: results.map(\.title)))
        #expect(sheets.map(\.name)[2] == "Udgifter pr. indbygger 2024 (2)")
        for (sheet, result) in zip(sheets, results) {
            expectSheet(sheet, shows: result)
        }
        #expect(sheets[2]["A3"]?.type == "s")
        #expect(sheets[2]["A3"]?.text == "=1+1")
    }
}

// MARK: What a sheet should hold, worked out from the result alone

/// Checks a sheet openpyxl read against the result: the title, every heading, every value of
/// every row and footer row with its type and format, the caption. The expectations are derived
/// here from the result's values, not by the writer's code.
func expectSheet(_ sheet: Openpyxl.Sheet, shows result: ResultSet, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(sheet.freeze == "A3", sourceLocation: sourceLocation)
    #expect(sheet["A1"]?.text == result.title, sourceLocation: sourceLocation)
    for (index, column) in result.columns.enumerated() {
        let heading = sheet.cells.first { $0.row == 2 && $0.column == index + 1 }
        #expect(heading?.text == (column.title.isEmpty ? nil : column.title), "heading \(column.key)", sourceLocation: sourceLocation)
        #expect(heading == nil || heading?.bold == true, sourceLocation: sourceLocation)
    }
    let rows = result.rows + result.footer
    for (rowIndex, values) in rows.enumerated() {
        for (index, column) in result.columns.enumerated() {
            let cell = sheet.cells.first { $0.row == rowIndex + 3 && $0.column == index + 1 }
            let place = "\(column.key) of row \(rowIndex + 1)"
            if let cell { #expect(cell.bold == (rowIndex >= result.rows.count), "bold \(place)", sourceLocation: sourceLocation) }
            switch values[index] {
            case .integer(let n):
                #expect(cell?.type == "n" && cell?.number == Double(n) && cell?.format == "#,##0", "\(place): \(String(describing: cell))",
                        sourceLocation: sourceLocation)
            case .amount(let x) where x.isFinite:
                guard case .amount(let shown, let exported) = column.kind else {
                    Issue.record("an amount in a column of another kind: \(place)", sourceLocation: sourceLocation)
                    continue
                }
                let scale = pow(10, Double(max(shown, exported)))
                let expected = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
                let format = shown == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: shown)
                #expect(cell?.type == "n" && cell?.number == expected && cell?.format == format,
                        "\(place): \(expected) expected, \(String(describing: cell))", sourceLocation: sourceLocation)
            case .place(let n, let tied):
                #expect(cell?.type == "n" && cell?.number == Double(n) && cell?.format == (tied ? "0\"=\"" : "0"),
                        "\(place): \(String(describing: cell))", sourceLocation: sourceLocation)
            case .year(let year):
                #expect(cell?.type == "n" && cell?.number == Double(year) && cell?.format == "0", "\(place)", sourceLocation: sourceLocation)
            case .flag(let flag):
                #expect(cell?.type == "b" && cell?.bool == flag, "\(place)", sourceLocation: sourceLocation)
            case .text(let text):
                #expect(cell?.type == (text.isEmpty ? nil : "s") && cell?.text == (text.isEmpty ? nil : text), "\(place)",
                        sourceLocation: sourceLocation)
            case .labelled(let text, let label):
                #expect(cell?.type == "s" && cell?.text == "\(label): \(text)", "\(place)", sourceLocation: sourceLocation)
            case .amount, .unavailable:
                #expect(cell?.type == "s" && cell?.text == "n/a", "\(place)", sourceLocation: sourceLocation)
            case .empty:
                #expect(cell == nil, "\(place)", sourceLocation: sourceLocation)
            }
        }
    }
    let caption = result.notes.map { "Note: " + $0 } + result.captionLines
    let below = sheet.cells.filter { $0.row > rows.count + 2 }
    #expect(below.map(\.text) == caption, sourceLocation: sourceLocation)
    #expect(below.first.map { $0.row == rows.count + 4 } ?? caption.isEmpty, "one empty row before the caption", sourceLocation: sourceLocation)
}

// MARK: Reading the package without openpyxl

/// A workbook's parts, unzipped with ZIPFoundation.
private struct Workbook {
    let parts: [String: String]

    init(_ bytes: [UInt8]) throws {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        self.parts = parts
    }

    func xml(_ path: String) throws -> ParsedXML {
        try ParsedXML.parse(try #require(parts[path], "no part \(path)"))
    }

    /// A sheet's cells by reference, with their shared strings and number formats looked up.
    func cells(sheet number: Int) throws -> [String: WrittenCell] {
        let strings = try xml("xl/sharedStrings.xml").all("si").map { $0.all("t").map(\.text).joined() }
        let styles = try xml("xl/styles.xml")
        var formats = ["0": "General"]
        for format in styles.all("numFmt") { formats[format.attributes["numFmtId"] ?? ""] = format.attributes["formatCode"] }
        let fonts = styles.all("fonts").first?.children ?? []
        let xfs = styles.all("cellXfs").first?.children ?? []
        var cells: [String: WrittenCell] = [:]
        for c in try xml("xl/worksheets/sheet\(number).xml").all("c") {
            let style = Int(c.attributes["s"] ?? "0") ?? 0
            let xf = xfs[style]
            let font = fonts[Int(xf.attributes["fontId"] ?? "0") ?? 0]
            var cell = WrittenCell(
                type: c.attributes["t"], value: c.all("v").first?.text,
                format: formats[xf.attributes["numFmtId"] ?? "0"] ?? "?", bold: font.all("b").count == 1
            )
            cell.style = style
            if cell.type == "s", let index = cell.value.flatMap(Int.init) { cell.text = strings[index] }
            cells[c.attributes["r"] ?? "?"] = cell
        }
        return cells
    }
}

private struct WrittenCell: Equatable {
    /// The `t` attribute: "s" a shared string, "b" a boolean, nil a number.
    var type: String?
    var value: String?
    var format: String
    var bold: Bool
    /// A shared string's text.
    var text: String?
    var style = 0

    init(type: String?, value: String?, format: String, bold: Bool) {
        self.type = type
        self.value = value
        self.format = format
        self.bold = bold
    }

    static func == (a: Self, b: Self) -> Bool {
        a.type == b.type && a.value == b.value && a.format == b.format && a.bold == b.bold
    }
}

/// Just enough of an XML tree to look parts up; parsing fails on XML that is not well-formed.
private final class ParsedXML {
    let name: String
    let attributes: [String: String]
    var children: [ParsedXML] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one (itself included) named `name`, in document order.
    func all(_ name: String) -> [ParsedXML] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> ParsedXML {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Malformed(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: ParsedXML?
        var open: [ParsedXML] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = ParsedXML(name: name, attributes: attributes)
            open.last?.children.append(element)
            if root == nil { root = element }
            open.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            open.last?.text += string
        }
    }
}
