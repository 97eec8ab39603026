/// A token of the rdr language.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A name or keyword: letters, digits, `_`, `-`, `.` and `/` (Holbæk, Lyngby-Taarbæk,
        /// aeldre.csv). Keywords are words compared case-insensitively.
        case word
        /// A whole number: 40, 2020.
        case number
        /// A function code or pattern: 5.38.50, 5.30.*, 5.*.
        case code
        /// A quoted string; `text` holds the content without quotes.
        case string
        /// `$name` or `${name}` standing alone: a script parameter; `text` holds the name.
        case parameter
        case equals, comma, minus, plus
        /// `;` or a line end; one token for a run of them (blank lines, `;;`).
        case separator
        case end
    }

    /// A part of a word or string that holds parameters: `R$year` is `.text("R")`,
    /// `.parameter("year", …)`.
    public enum Piece: Sendable, Equatable {
        case text(String)
        /// A parameter's name and the span of its `$name` or `${name}`.
        case parameter(String, SourceRange)
    }

    public let kind: Kind
    /// As written for words and codes (with any `$name` in it), without quotes for strings.
    public let text: String
    public let range: SourceRange
    /// Empty unless a word or string holds a parameter; then the text and parameters in order.
    public let pieces: [Piece]

    public init(_ kind: Kind, _ text: String, _ range: SourceRange, pieces: [Piece] = []) {
        self.kind = kind
        self.text = text
        self.range = range
        self.pieces = pieces
    }

    /// Whether this is the keyword `keyword` (any case).
    public func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }
}
