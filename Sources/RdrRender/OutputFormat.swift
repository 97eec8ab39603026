/// The text formats a result can be rendered in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, markdown, json
}

extension OutputFormat {
    /// From a user's word: "table", "csv", "markdown"/"md", "json" (case-insensitive); nil otherwise.
    public init?(name: String) {
        switch name.lowercased() {
        case "table": self = .table
        case "csv": self = .csv
        case "markdown", "md": self = .markdown
        case "json": self = .json
        default: return nil
        }
    }

    /// From a file name's extension: .csv, .md/.markdown, .json, .txt (→ table); nil otherwise.
    /// The extension is matched case-insensitively, so "Budget.CSV" is CSV.
    public init?(path: String) {
        switch Self.fileExtension(of: path)?.lowercased() {
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "txt": self = .table
        default: return nil
        }
    }

    /// What follows the last "." of the path's last component; a hidden file's leading dot
    /// (".csv") does not start an extension.
    private static func fileExtension(of path: String) -> Substring? {
        let name = PathParts(path).name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...]
    }
}
