import RdrReport

/// The text formats a result can be shown in (`set format`, `NAME as FORMAT`, `--format`) and
/// exported as. A workbook is not one of them: it is bytes, not text, and only `export` writes it
/// (`ExportFormat`).
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv
    /// CSV as Danish Excel opens it with a double click: `;` between fields, a decimal comma, a
    /// byte-order mark (`CSVRenderer.Dialect.danishExcel`).
    case excelCSV = "excel-csv"
    case markdown, json
}

extension OutputFormat {
    /// All rdr knows of a format besides how it renders, declared once per format: names, file
    /// extensions, and how it travels beside messages. Parsing, completion, the messages that
    /// list the formats and the shell derive from it.
    public struct Declaration: Sendable {
        /// The words that name it, lowercased; the first is its name (the raw value).
        public let names: [String]
        /// The file extensions, lowercased, that choose it in `export` when no `as` names one.
        public let extensions: [String]
        /// Whether a program reads it (CSV, JSON, a spreadsheet): the shell then writes messages
        /// to standard error, so that standard output holds only results.
        public let isForPrograms: Bool
        /// Whether it is CSV, whose caption can leave the records for standard error (`--csv-caption`).
        public let isCSV: Bool
    }

    public var declaration: Declaration {
        switch self {
        case .table: Declaration(names: ["table"], extensions: ["txt"], isForPrograms: false, isCSV: false)
        case .csv: Declaration(names: ["csv"], extensions: ["csv"], isForPrograms: true, isCSV: true)
        // No extension of its own: a .csv file is plain CSV unless `as excel-csv` says otherwise.
        case .excelCSV: Declaration(names: ["excel-csv"], extensions: [], isForPrograms: true, isCSV: true)
        case .markdown: Declaration(names: ["markdown", "md"], extensions: ["md", "markdown"], isForPrograms: false, isCSV: false)
        case .json: Declaration(names: ["json"], extensions: ["json"], isForPrograms: true, isCSV: false)
        }
    }

    /// From a user's word, case-insensitively: a name in a declaration ("md" is Markdown); nil otherwise.
    public init?(name: String) {
        let name = name.lowercased()
        guard let format = Self.allCases.first(where: { $0.declaration.names.contains(name) }) else { return nil }
        self = format
    }

    /// From a file name's extension, case-insensitively ("Budget.CSV" is CSV): .csv, .md/.markdown,
    /// .json, .txt (→ table); nil otherwise.
    public init?(path: String) {
        guard let found = fileExtension(of: path)?.lowercased(),
              let format = Self.allCases.first(where: { $0.declaration.extensions.contains(found) })
        else { return nil }
        self = format
    }

    /// "table, csv, excel-csv, markdown or json", for messages that say what exists.
    public static var namesText: String { listed(allCases.map(\.rawValue)) }
}

/// What `export` writes: a result in a text format, an Excel workbook, or a picture of it.
public enum ExportFormat: Sendable, Equatable {
    case text(OutputFormat)
    /// An Office Open XML workbook (.xlsx), written by `XLSXWriter`.
    case workbook
    /// An SVG file of the result's chart or map, drawn from the computation behind the result,
    /// which the session keeps: the language writes it, not `contents(of:)`.
    case picture(Picture)

    public enum Picture: String, Sendable, CaseIterable {
        case chart, map
    }

    /// The declarations of the formats that are not text, as the text formats have theirs.
    static let workbookNames = ["xlsx"]
    static let workbookExtensions = ["xlsx"]
    /// `.svg` is the chart's file unless `as map` says otherwise; `as svg` is the chart.
    static let pictureExtensions = ["svg"]

    /// From a user's word (`export … as FORMAT`): a text format's name, "xlsx", "chart" or "svg",
    /// "map"; nil otherwise.
    public init?(name: String) {
        let name = name.lowercased()
        if let format = OutputFormat(name: name) {
            self = .text(format)
        } else if Self.workbookNames.contains(name) {
            self = .workbook
        } else if let picture = Picture(rawValue: name) {
            self = .picture(picture)
        } else if Self.pictureExtensions.contains(name) {
            self = .picture(.chart)
        } else {
            return nil
        }
    }

    /// From a file name's extension: a text format's, .xlsx, or .svg (the chart); nil otherwise.
    public init?(path: String) {
        if let format = OutputFormat(path: path) {
            self = .text(format)
        } else if let found = fileExtension(of: path)?.lowercased(), Self.workbookExtensions.contains(found) {
            self = .workbook
        } else if let found = fileExtension(of: path)?.lowercased(), Self.pictureExtensions.contains(found) {
            self = .picture(.chart)
        } else {
            return nil
        }
    }

    /// Whether the path's extension is .svg, which a chart and a map are written as.
    public static func isPicturePath(_ path: String) -> Bool {
        fileExtension(of: path).map { pictureExtensions.contains($0.lowercased()) } ?? false
    }

    /// Its name, as `as` takes it: "csv", "xlsx", "map".
    public var name: String {
        switch self {
        case .text(let format): format.rawValue
        case .workbook: Self.workbookNames[0]
        case .picture(let picture): picture.rawValue
        }
    }

    /// Every name `export … as` takes, one per format: table, csv, excel-csv, markdown, json, xlsx, chart, map.
    public static var names: [String] {
        OutputFormat.allCases.map(\.rawValue) + workbookNames + Picture.allCases.map(\.rawValue)
    }

    /// "table, csv, excel-csv, markdown, json, xlsx, chart or map".
    public static var namesText: String { listed(names) }

    /// Every extension that chooses a format: ".csv, .md, .json, .txt, .xlsx or .svg".
    public static var extensionsText: String {
        let first = OutputFormat.allCases.compactMap(\.declaration.extensions.first)
        return listed((first + workbookExtensions + pictureExtensions).map { "." + $0 })
    }

    /// The file's bytes for `result`: the text as it renders, or a workbook of one sheet
    /// (`XLSXWriter.workbook` takes several results, a sheet each). Nil for a picture, which is
    /// drawn from the computation, not from the table.
    public func contents(of result: ResultSet) throws(ExportError) -> [UInt8]? {
        switch self {
        case .text(let format): Array(Renderer(format: format).render(result).utf8)
        case .workbook: try XLSXWriter.workbook([result])
        case .picture: nil
        }
    }
}

/// What follows the last "." of the path's last component; a hidden file's leading dot
/// (".csv") does not start an extension.
private func fileExtension(of path: String) -> Substring? {
    let name = PathParts(path).name
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return name[name.index(after: dot)...]
}

/// "a, b or c".
private func listed(_ words: [String]) -> String {
    words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
}
