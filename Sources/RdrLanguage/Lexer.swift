/// Splits a source into tokens. `#` starts a comment to the end of the line.
public struct Lexer: Sendable {
    private let characters: [Character]
    private var index = 0
    private var line: Int
    private var column = 1

    public init(_ text: String, firstLine: Int = 1) {
        characters = Array(text)
        line = firstLine
    }

    /// Every token of the source, ending with `.end`, or the first lexical error.
    public static func tokenize(_ text: String, firstLine: Int = 1) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(text, firstLine: firstLine)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    public mutating func next() throws(Diagnostic) -> Token {
        skipSpaceAndComments()
        let start = location
        guard let c = peek() else { return Token(.end, "", SourceRange(start: start, end: start)) }
        switch c {
        case "\n", "\r\n", ";":
            advance()
            return token(.separator, String(c), from: start)
        case "=": advance(); return token(.equals, "=", from: start)
        case ",": advance(); return token(.comma, ",", from: start)
        case "-", "–", "−":  // a hyphen, or the dashes word processors make of it
            advance()
            return token(.minus, "-", from: start)
        case "+": advance(); return token(.plus, "+", from: start)
        case "\"": return try string(from: start)
        case "$": return try parameter(from: start)
        case _ where c.isASCIIDigit: return number(from: start)
        case _ where c.isLetter || c == "_" || c == "." || c == "/" || c == "~": return word(from: start)
        case "'", "‘", "’", "“", "”":
            advance()
            throw Diagnostic("names with spaces go in straight double quotes: \"…\"",
                             at: SourceRange(start: start, end: location))
        default:
            advance()
            throw Diagnostic("unexpected character '\(c)'; names are letters and digits, strings go in \"quotes\"",
                             at: SourceRange(start: start, end: location))
        }
    }

    private mutating func word(from start: SourceLocation) -> Token {
        let text = take { $0.isLetter || $0.isNumber || "_-./~".contains($0) }
        return token(.word, text, from: start)
    }

    /// `40`, or a function code/pattern when a dot follows the digits: `5.38.50`, `5.30.*`.
    private mutating func number(from start: SourceLocation) -> Token {
        let digits = take(while: \.isASCIIDigit)
        if let next = peek(), next.isLetter || next == "_" || (next == "." && peek(1)?.isLetter == true) {
            // A name or file name that starts with digits: 2024.csv.
            let rest = take { $0.isLetter || $0.isNumber || "_-./~".contains($0) }
            return token(.word, digits + rest, from: start)
        }
        guard peek() == ".", let after = peek(1), after.isASCIIDigit || after == "*" else {
            return token(.number, digits, from: start)
        }
        let rest = take { $0.isASCIIDigit || $0 == "." || $0 == "*" }
        return token(.code, digits + rest, from: start)
    }

    private mutating func string(from start: SourceLocation) throws(Diagnostic) -> Token {
        advance()
        var text = ""
        while let c = peek(), !c.isLineEnd {
            advance()
            if c == "\"" { return token(.string, text, from: start) }
            if c == "\\", let escaped = peek(), escaped == "\"" || escaped == "\\" {
                advance()
                text.append(escaped)
            } else {
                text.append(c)
            }
        }
        throw Diagnostic("unterminated string: add a closing \" before the end of the line",
                         at: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 1)))
    }

    private mutating func parameter(from start: SourceLocation) throws(Diagnostic) -> Token {
        advance()
        let name = take { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty else {
            throw Diagnostic("'$' must be followed by a parameter name, as in $kommune",
                             at: SourceRange(start: start, end: location))
        }
        return token(.parameter, name, from: start)
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == "#" {
                while let d = peek(), !d.isLineEnd { advance() }
            } else if (c.isWhitespace && !c.isLineEnd) || c == "\u{FEFF}" {  // FEFF: a byte-order mark
                advance()
            } else {
                return
            }
        }
    }

    // MARK: Reading characters

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() {
        if characters[index].isLineEnd {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func take(while predicate: (Character) -> Bool) -> String {
        var text = ""
        while let c = peek(), predicate(c) {
            text.append(c)
            advance()
        }
        return text
    }

    private func token(_ kind: Token.Kind, _ text: String, from start: SourceLocation) -> Token {
        Token(kind, text, SourceRange(start: start, end: location))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    /// "\r\n" is one Character in Swift, so both line ends are checked.
    var isLineEnd: Bool { self == "\n" || self == "\r\n" }
}
