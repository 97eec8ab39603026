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
        /// `$name`: a script parameter; `text` holds the name.
        case parameter
        case equals, comma, minus, plus
        /// `;` or a line end.
        case separator
        case end
    }

    public let kind: Kind
    public let text: String
    public let range: SourceRange

    public init(_ kind: Kind, _ text: String, _ range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// Whether this is the keyword `keyword` (any case).
    public func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }
}
