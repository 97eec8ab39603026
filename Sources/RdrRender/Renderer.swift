import RdrEngine

/// Turns a result into text in one format. It never computes: what it writes is in the result.
public struct Renderer: Sendable {
    public var format: OutputFormat
    /// Whether CSV output ends with the notes and the provenance caption as `# ` lines;
    /// false gives pure CSV. The other formats always carry the caption.
    public var csvCaption: Bool

    public init(format: OutputFormat, csvCaption: Bool = true) {
        self.format = format
        self.csvCaption = csvCaption
    }

    /// The rendered result; always ends with "\n" (CSV with "\r\n").
    public func render(_ result: ResultSet) -> String {
        switch format {
        case .table: TableRenderer.render(result)
        case .csv: CSVRenderer.render(result, caption: csvCaption)
        case .markdown: MarkdownRenderer.render(result)
        case .json: JSONRenderer.render(result)
        }
    }
}
