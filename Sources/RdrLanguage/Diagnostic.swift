/// An error in a statement: what was wrong, where, and (in the message) what would be right.
public struct Diagnostic: Error, Sendable, Equatable {
    public let message: String
    /// Nil for errors that belong to no particular spot (a file that cannot be read).
    public let range: SourceRange?
    /// A statement that would mend the error, which the prompt offers to run (`fetch R2025` when
    /// `load R2025` finds no copy); the message says it too.
    public let remedy: String?

    public init(_ message: String, at range: SourceRange?, remedy: String? = nil) {
        self.message = message
        self.range = range
        self.remedy = remedy
    }
}

/// Draws a diagnostic the way compilers do: a one-line message with file:line:column, the source
/// line, and a caret under the spot.
///
///     budget.rdr:7:5: error: unknown municipality "Holbek"; did you mean Holbæk?
///         gap Holbek to 40
///             ^~~~~~
public struct DiagnosticFormatter: Sendable {
    public init() {}

    public func format(_ diagnostic: Diagnostic, in source: Source) -> String {
        guard let range = diagnostic.range else {
            return "\(source.name): error: \(diagnostic.message)"
        }
        let start = range.start
        var lines = ["\(source.name):\(start): error: \(diagnostic.message)"]
        let text = source.line(start.line).replacingTabs()
        guard !text.isEmpty else { return lines[0] }
        let width = range.end.line == start.line ? max(1, range.end.column - start.column) : 1
        let caret = "^" + String(repeating: "~", count: max(0, min(width, text.count - start.column + 2) - 1))
        lines.append("    " + text)
        lines.append("    " + String(repeating: " ", count: max(0, start.column - 1)) + caret)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Tabs become one space, so that the caret lines up with the column count.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
