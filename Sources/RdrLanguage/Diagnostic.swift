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
        let header = "\(source.name):\(start): error: \(diagnostic.message)"
        let text = source.line(start.line).map(\.shownInMessage)
        guard !text.isEmpty else { return header }
        // A long line is shown around the spot, so that a line of megabytes is not printed.
        let spot = min(max(0, start.column - 1), text.count)
        let from = spot > 60 ? spot - 40 : 0
        let to = min(text.count, from + 120)
        let cutBefore = from > 0 ? "…" : ""
        let shown = cutBefore + String(text[from..<to]) + (to < text.count ? "…" : "")
        let width = range.end.line == start.line ? max(1, range.end.column - start.column) : 1
        let caret = "^" + String(repeating: "~", count: max(0, min(width, to - spot + 1) - 1))
        return [header, "    " + shown,
                "    " + String(repeating: " ", count: cutBefore.count + spot - from) + caret].joined(separator: "\n")
    }
}

extension Character {
    /// Tabs become one space, so that the caret lines up with the column count; control
    /// characters a replacement mark, so that a message cannot drive the terminal.
    fileprivate var shownInMessage: Character {
        if self == "\t" { return " " }
        return isControlCharacter ? "\u{FFFD}" : self
    }
}

extension String {
    /// What was typed, as a message quotes it: in single quotes, cut after 60 characters.
    public var quotedInMessage: String { "'\(shortenedForMessage)'" }

    /// At most 60 characters, then "…": a name or file of 50 MB is not printed in a message.
    public var shortenedForMessage: String {
        let limit = 60
        guard utf8.count > limit, let cut = index(startIndex, offsetBy: limit, limitedBy: endIndex),
              cut < endIndex else { return self }
        return self[..<cut] + "…"
    }
}
