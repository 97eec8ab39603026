import RdrEngine
import RdrReport

/// Turns a result into text in one format. It never computes: what it writes is in the result.
public struct Renderer: Sendable {
    public var format: OutputFormat
    /// Whether CSV output ends with the caption (notes, the footer such as the median or the
    /// total, the provenance) as `#,"…"` records; false gives pure CSV, one record per row, whose
    /// caption `caption(of:)` gives for a person to see elsewhere. The other formats always carry
    /// the caption.
    public var csvCaption: Bool
    /// The widest a table may be, in characters (a terminal's columns); nil for no limit.
    public var width: Int?

    public init(format: OutputFormat, csvCaption: Bool = true, width: Int? = nil) {
        self.format = format
        self.csvCaption = csvCaption
        self.width = width
    }

    /// The rendered result; always ends with "\n" (CSV with "\r\n"; excel-csv starts with a
    /// byte-order mark).
    public func render(_ result: ResultSet) -> String {
        switch format {
        case .table: TableRenderer.render(result, width: width)
        case .csv: CSVRenderer.render(result, caption: csvCaption)
        case .excelCSV: CSVRenderer.render(result, caption: csvCaption, dialect: .danishExcel)
        case .markdown: MarkdownRenderer.render(result)
        case .json: JSONRenderer.render(result)
        }
    }

    /// What pure CSV leaves out, as lines for a person (standard error beside a pipe): the
    /// notes, the footer and the provenance, each on one line with no control characters.
    public static func caption(of result: ResultSet) -> [String] {
        CSVRenderer.captionLines(of: result)
    }
}
