import Foundation
import RdrEngine
import RdrReport
import ZIPFoundation

/// Excel workbooks (Office Open XML, .xlsx) of results: one sheet per result, so that one file
/// can hold a whole session. Like the other renderers it never computes: what it writes is in
/// the results.
///
/// A sheet reads top to bottom as the boxed table does: the title (row 1), the headings (row 2,
/// bold, frozen so that they stay in view), a row per municipality or area, the footer rows (the
/// median, a total) in bold under a rule, then after one empty row the caption: the notes, the
/// INVENTED mark of teaching data, the definition and the source, a line each.
///
/// It has every column of the CSV, the keys that the title already states included (dataset, area,
/// segment …), which the table leaves out only for want of width: a sheet's rows are filtered,
/// pivoted, copied into a budget sheet or appended to others (Power Query), and each should still
/// say what it is about. The headings are the table's.
///
/// Numbers are numbers, with formats that show what the table shows (Excel spells them in the
/// reader's language: 1.234 in Danish Excel): counts `#,##0`, amounts `#,##0` with their shown
/// decimals (the value has the exported decimals, the CSV's and JSON's figure), years and places
/// without grouping, a tied place `12=` as in the table (the value stays 12; the notes name the
/// tie). Flags are booleans. A value that is not available is the text "n/a", as in the table; the
/// notes say why. Text is a shared string, never a formula, whatever it starts with; line breaks
/// and tabs become spaces and other control characters �, as everywhere rdr writes text.
public enum XLSXWriter {
    /// The workbook's bytes: a sheet per result, in order, named by `sheetNames(for:)`. With no
    /// result it has one empty sheet, as a workbook needs one.
    public static func workbook(_ results: [ResultSet]) throws(ExportError) -> [UInt8] {
        try workbook(sheets: results.map { ($0, caption(of: $0)) }, named: sheetNames(for: results.map(\.title)))
    }

    /// A report as a workbook (`report to x.xlsx`): a first sheet of contents — the title, the
    /// header and caveat the HTML report has, and a row per result naming its sheet and the
    /// statements that made it — then a sheet per result, in the report's order.
    public static func workbook(_ document: Document) throws(ExportError) -> [UInt8] {
        let results = document.results
        let contentsTitle = document.language.contentsSheet
        let names = sheetNames(for: [contentsTitle] + results.map(\.title))
        let contents = document.contents(sheetNames: Array(names.dropFirst()))
        var lines = DocumentRenderer.header(document)
        if document.holdsInventedFigures { lines.append(document.language.inventedWarning) }
        lines.append(document.language.caveat)
        return try workbook(sheets: [(contents, lines)] + results.map { ($0, caption(of: $0)) }, named: names)
    }

    /// The lines under a result's table: its notes, then its caption.
    private static func caption(of result: ResultSet) -> [String] {
        result.notes.map { result.language.notePrefix + $0 } + result.captionLines
    }

    private static func workbook(sheets content: [(result: ResultSet, caption: [String])],
                                 named names: [String]) throws(ExportError) -> [UInt8] {
        var strings = SharedStrings()
        var styles = StyleTable()
        let sheets = content.isEmpty
            ? [worksheet(nil, caption: [], strings: &strings, styles: &styles, selected: true)]
            : content.enumerated().map { index, sheet in
                worksheet(sheet.result, caption: sheet.caption, strings: &strings, styles: &styles, selected: index == 0)
            }
        let sheetNames = content.isEmpty ? ["Sheet1"] : names
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes(sheets: sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties(title: content.first?.result.title ?? "")),
            ("xl/workbook.xml", workbookXML(sheetNames)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", styles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        parts += sheets.enumerated().map { ("xl/worksheets/sheet\($0.offset + 1).xml", $0.element) }
        return try zipped(parts)
    }

    /// Names for sheets of these titles, as Excel takes them: at most 31 characters (UTF-16
    /// units), none of `[ ] : * ? / \` nor a control character, not starting or ending with `'`,
    /// not "History" (Excel's own), and unique without regard to case: a repeated name gets
    /// " (2)", " (3)" … within the 31. An empty title gives "Result N".
    public static func sheetNames(for titles: [String]) -> [String] {
        var taken: Set<String> = ["history"]
        return titles.enumerated().map { index, title in
            var base = cleanedSheetName(title)
            if base.isEmpty { base = "Result \(index + 1)" }
            var name = base
            var number = 2
            while taken.contains(name.lowercased()) {
                let suffix = " (\(number))"
                name = trimmedSheetName(prefix(of: base, utf16Count: 31 - suffix.utf16.count)) + suffix
                number += 1
            }
            taken.insert(name.lowercased())
            return name
        }
    }

    private static func cleanedSheetName(_ title: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\", "\u{FFFD}"]
        var name = ""
        for character in singleLine(title) where !forbidden.contains(character) {
            if character == " " && (name.isEmpty || name.last == " ") { continue }  // no runs of spaces
            name.append(character)
        }
        return trimmedSheetName(prefix(of: trimmedSheetName(name), utf16Count: 31))
    }

    private static func trimmedSheetName(_ name: String) -> String {
        var name = Substring(name)
        while let first = name.first, first == "'" || first == " " { name.removeFirst() }
        while let last = name.last, last == "'" || last == " " { name.removeLast() }
        return String(name)
    }

    /// The longest prefix of whole characters that takes at most `count` UTF-16 units.
    private static func prefix(of text: String, utf16Count count: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            used += character.utf16.count
            if used > count { break }
            result.append(character)
        }
        return result
    }

    // MARK: A sheet

    /// A cell's content before it is written.
    private enum Content {
        case string(String)
        /// A number in XML Schema's lexical form (digits, "-", "."), with its number format.
        case number(String, format: String)
        case boolean(Bool)
        case blank
    }

    private static func content(_ value: ResultSet.Value, kind: ResultSet.Column.Kind) -> Content {
        switch value {
        case .text(let text): return .string(text)
        case .labelled(let text, let label): return .string("\(label): \(text)")
        case .integer(let n): return .number(String(n), format: "#,##0")
        case .amount(let x):
            let shown = kind.decimals(for: .people)
            let kept = max(shown, kind.decimals(for: .programs))
            guard let number = Audience.programs.format(amount: x, decimals: kept) else { return .string("n/a") }
            return .number(number, format: "#,##0" + (shown > 0 ? "." + String(repeating: "0", count: shown) : ""))
        case .year(let year): return .number(String(year), format: "0")
        case .place(let n, let tied): return .number(String(n), format: tied ? "0\"=\"" : "0")
        case .flag(let flag): return .boolean(flag)
        case .unavailable: return .string("n/a")
        case .empty: return .blank
        }
    }

    /// The sheet of `result` (nil: an empty sheet), `caption` under its table a line each.
    private static func worksheet(_ result: ResultSet?, caption: [String], strings: inout SharedStrings, styles: inout StyleTable,
                                  selected: Bool) -> String {
        var rows: [String] = []
        var widths: [Int] = []
        var lastColumn = 1
        var lastRow = 1
        if let result {
            let kinds = result.columns.map(\.kind)
            lastColumn = max(1, kinds.count)
            widths = result.columns.map { $0.title.count }
            func row(_ number: Int, _ cells: [(content: Content, style: Style)]) -> String {
                let written = cells.enumerated().compactMap { column, cell in
                    self.cell(cell.content, at: reference(column: column, row: number), style: styles.index(of: cell.style),
                              strings: &strings)
                }
                lastRow = number
                return "<row r=\"\(number)\">" + written.joined() + "</row>"
            }
            let bold = Style(bold: true)
            rows.append(row(1, [(.string(result.title), bold)]))
            rows.append(row(2, result.columns.map { (.string($0.title), Style(bold: true, rightAligned: $0.kind.isRightAligned)) }))
            var number = 3
            let footerStart = result.rows.count
            for (index, values) in (result.rows + result.footer).enumerated() {
                let isFooter = index >= footerStart
                let cells = result.columns.indices.map { column in
                    let value = column < values.count ? values[column] : .text("")
                    let content = content(value, kind: kinds[column])
                    var style = Style(bold: isFooter, ruleAbove: index == footerStart,
                                      rightAligned: kinds[column].isRightAligned)
                    if case .number(_, let format) = content { style.numberFormat = format }
                    widths[column] = max(widths[column], Cell(value, kind: kinds[column], for: .people, language: result.language).displayText(in: result.language).count)
                    return (content, style)
                }
                rows.append(row(number, cells))
                number += 1
            }
            if !caption.isEmpty { number += 1 }
            for line in caption {
                rows.append(row(number, [(.string(line), Style())]))
                number += 1
            }
        }
        var xml = xmlDeclaration + "<worksheet \(mainNamespace) \(relationshipsNamespace)>"
        xml += "<dimension ref=\"A1:\(reference(column: lastColumn - 1, row: lastRow))\"/>"
        xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if result != nil {
            xml += "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A3\" sqref=\"A3\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            // Roughly the widest cell in characters, with room for Excel's padding and bold headings.
            xml += "<cols>" + widths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(max(width + 2, 8), 60))\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>" + rows.joined() + "</sheetData>"
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return xml + "</worksheet>"
    }

    /// One `<c>`; nil for a blank cell (or empty text) with no style, which is left out.
    private static func cell(_ content: Content, at reference: String, style: Int, strings: inout SharedStrings) -> String? {
        let styled = style == 0 ? "" : " s=\"\(style)\""
        switch content {
        case .string(let text) where text.isEmpty: return style == 0 ? nil : "<c r=\"\(reference)\"\(styled)/>"
        case .string(let text): return "<c r=\"\(reference)\"\(styled) t=\"s\"><v>\(strings.index(of: cellText(text)))</v></c>"
        case .number(let number, _): return "<c r=\"\(reference)\"\(styled)><v>\(number)</v></c>"
        case .boolean(let flag): return "<c r=\"\(reference)\"\(styled) t=\"b\"><v>\(flag ? 1 : 0)</v></c>"
        case .blank: return style == 0 ? nil : "<c r=\"\(reference)\"\(styled)/>"
        }
    }

    /// A cell's text on one line (as a table cell), within Excel's 32,767 characters.
    private static func cellText(_ text: String) -> String {
        let line = singleLine(text)
        return line.utf16.count <= 32_767 ? line : prefix(of: line, utf16Count: 32_767)
    }

    /// "A1", "AB12": the column as letters (bijective base 26), then the row.
    static func reference(column: Int, row: Int) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let digit = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    // MARK: The package's other parts

    private static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    private static let relationshipsNamespace = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    private static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    private static func contentTypes(sheets: Int) -> String {
        xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(contentType).sheet.main+xml\"/>"
            + (1...sheets).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"\(contentType).worksheet+xml\"/>"
            }.joined()
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(contentType).styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(contentType).sharedStrings+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>"
    }

    private static let packageRelationships = xmlDeclaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    /// The document's title (the first result's) and its maker, as File › Info shows them.
    private static func coreProperties(title: String) -> String {
        xmlDeclaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(xmlEscaped(cellText(title)))</dc:title><dc:creator>rdr</dc:creator></cp:coreProperties>"
    }

    private static func workbookXML(_ names: [String]) -> String {
        xmlDeclaration + "<workbook \(mainNamespace) \(relationshipsNamespace)><bookViews><workbookView/></bookViews><sheets>"
            + names.enumerated().map { index, name in
                "<sheet name=\"\(xmlEscaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            }.joined()
            + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheets: Int) -> String {
        xmlDeclaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...sheets).map {
                "<Relationship Id=\"rId\($0)\" Type=\"\(relationshipType)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationshipType)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(relationshipType)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"
    }

    /// The ZIP container, compressed. Entries carry a fixed date (as Excel's own do), so that the
    /// same results give the same bytes.
    private static func zipped(_ parts: [(path: String, xml: String)]) throws(ExportError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let data = Data(part.xml.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ExportError(description: "cannot make the workbook: no archive data") }
            return [UInt8](data)
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError(description: "cannot make the workbook: \(error)")
        }
    }

    /// 1980-01-02 00:00 UTC: on the first day ZIP can date in every time zone.
    private static let entryDate = Date(timeIntervalSince1970: 315_619_200)
}

/// A cell's look: its number format, weight, the rule above the footer, alignment.
private struct Style: Hashable {
    /// An Excel number format code; nil for General.
    var numberFormat: String?
    var bold = false
    var ruleAbove = false
    var rightAligned = false
}

/// The distinct styles of a workbook, numbered as `cellXfs` in styles.xml (0 is the default).
private struct StyleTable {
    private(set) var styles: [Style] = [Style()]
    private var indices: [Style: Int] = [Style(): 0]

    mutating func index(of style: Style) -> Int {
        if let index = indices[style] { return index }
        styles.append(style)
        indices[style] = styles.count - 1
        return styles.count - 1
    }

    var xml: String {
        // Custom number formats are numbered from 164, after Excel's built-in ones.
        var formats: [String] = []
        for case let format? in styles.map(\.numberFormat) where !formats.contains(format) { formats.append(format) }
        let formatID = { (format: String?) in format.flatMap { formats.firstIndex(of: $0) }.map { $0 + 164 } ?? 0 }
        let font = { (bold: Bool) in "<font>\(bold ? "<b/>" : "")<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if !formats.isEmpty {
            xml += "<numFmts count=\"\(formats.count)\">" + formats.enumerated().map { index, code in
                "<numFmt numFmtId=\"\(index + 164)\" formatCode=\"\(xmlEscaped(code))\"/>"
            }.joined() + "</numFmts>"
        }
        xml += "<fonts count=\"2\">\(font(false))\(font(true))</fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left/><right/><top style=\"thin\"><color auto=\"1\"/></top><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(styles.count)\">"
        for style in styles {
            let format = formatID(style.numberFormat)
            xml += "<xf numFmtId=\"\(format)\" fontId=\"\(style.bold ? 1 : 0)\" fillId=\"0\" borderId=\"\(style.ruleAbove ? 1 : 0)\" xfId=\"0\""
            if format != 0 { xml += " applyNumberFormat=\"1\"" }
            if style.bold { xml += " applyFont=\"1\"" }
            if style.ruleAbove { xml += " applyBorder=\"1\"" }
            xml += style.rightAligned ? " applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>" : "/>"
        }
        return xml + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }
}

/// The workbook's strings, each stored once (xl/sharedStrings.xml) and referred to by index.
private struct SharedStrings {
    private var strings: [String] = []
    private var indices: [String: Int] = [:]
    private var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        strings.append(text)
        indices[text] = strings.count - 1
        return strings.count - 1
    }

    var xml: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\" uniqueCount=\"\(strings.count)\">"
            + strings.map { "<si><t xml:space=\"preserve\">\(xmlEscaped($0))</t></si>" }.joined()
            + "</sst>"
    }
}

/// Text as XML character data or an attribute value: `& < > "` escaped, and any scalar that XML 1.0
/// does not allow (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) as U+FFFD,
/// so that the XML is well-formed whatever the text.
func xmlEscaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
        default:
            let allowed = scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
            result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
        }
    }
    return result
}
