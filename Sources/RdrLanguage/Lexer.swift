/// Splits a source into tokens. `#` starts a comment to the end of the line.
///
/// It holds the characters of some lines at a time and hands out one token at a time: the parser
/// asks for a statement's tokens when it comes to it, so a long script costs the memory of its
/// longest line and statement, not of all its characters and tokens.
public struct Lexer: Sendable {
    private let text: String
    /// The characters of the current lines, with their line ends, and the place in them.
    private var characters: [Character] = []
    private var index = 0
    /// Where the line after the current ones starts.
    private var nextLine: String.Index
    private var line: Int
    private var column = 1

    public init(_ text: String, firstLine: Int = 1) {
        self.text = text
        nextLine = text.startIndex
        line = firstLine
        readLines()
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
            let end = location
            // Blank lines, comments and `;;` between statements make no tokens of their own.
            while true {
                skipSpaceAndComments()
                guard let next = peek(), next.isLineEnd || next == ";" else { break }
                advance()
            }
            return Token(.separator, String(c), SourceRange(start: start, end: end))
        case "=": advance(); return token(.equals, "=", from: start)
        case ",": advance(); return token(.comma, ",", from: start)
        case "-", "–", "−":  // a hyphen, or the dashes word processors make of it
            advance()
            return token(.minus, "-", from: start)
        case "+": advance(); return token(.plus, "+", from: start)
        case "\"": return try string(from: start)
        case "$": return try word(from: start, index: index)
        case _ where c.isASCIIDigit: return try number(from: start)
        case _ where c.isLetter || c == "_" || c == "." || c == "/" || c == "~": return try word(from: start, index: index)
        case "'", "‘", "’", "“", "”":
            advance()
            throw Diagnostic("names with spaces go in straight double quotes: \"…\"",
                             at: SourceRange(start: start, end: location))
        case _ where c.isControlCharacter:
            advance()
            throw Diagnostic("unexpected control character \(c.scalarNames); a script is plain text",
                             at: SourceRange(start: start, end: location))
        default:
            advance()
            throw Diagnostic("unexpected character '\(c)'; names are letters and digits, strings go in \"quotes\"",
                             at: SourceRange(start: start, end: location))
        }
    }

    /// A word: letters, digits, `_ - . / ~`, and parameters (`R$year`, `${year}_b`, `$$` for a
    /// dollar). A lone `$name` is a `.parameter` token.
    private mutating func word(from start: SourceLocation, index first: Int,
                               pieces initial: Pieces = Pieces()) throws(Diagnostic) -> Token {
        var pieces = initial
        while let c = peek() {
            if c == "$" {
                try dollar(into: &pieces, quoting: "$$")
            } else if c.isWordCharacter {
                advance()
                pieces.append(c)
            } else {
                break
            }
        }
        if let name = pieces.loneParameter { return token(.parameter, name, from: start) }
        return token(.word, String(characters[first..<index]), from: start, pieces: pieces.parts)
    }

    /// `40`, or a function code/pattern when a dot follows the digits: `5.38.50`, `5.30.*`.
    private mutating func number(from start: SourceLocation) throws(Diagnostic) -> Token {
        let first = index
        let digits = take(while: \.isASCIIDigit)
        if let next = peek(), next.isLetter || next == "_" || next == "$" || (next == "." && peek(1)?.isLetter == true) {
            // A name or file name that starts with digits: 2024.csv, 20$yy.
            var pieces = Pieces()
            digits.forEach { pieces.append($0) }
            return try word(from: start, index: first, pieces: pieces)
        }
        guard peek() == ".", let after = peek(1), after.isASCIIDigit || after == "*" else {
            return token(.number, digits, from: start)
        }
        // The letters of a mistyped code (3.22.0l) stay in it, so that a message quotes it whole.
        let rest = take { $0.isASCIIDigit || $0 == "." || $0 == "*" || $0.isLetter || $0.isNumber || $0 == "_" }
        if peek() == "$" {  // 3.22.$function: read again once the value is in
            var pieces = Pieces()
            (digits + rest).forEach { pieces.append($0) }
            return try word(from: start, index: first, pieces: pieces)
        }
        return token(.code, digits + rest, from: start)
    }

    private mutating func string(from start: SourceLocation) throws(Diagnostic) -> Token {
        advance()
        var pieces = Pieces()
        while let c = peek(), !c.isLineEnd {
            if c == "\"" {
                advance()
                return token(.string, pieces.written, from: start, pieces: pieces.parts)
            }
            if c == "$" {
                try dollar(into: &pieces, quoting: "\\$ or $$")
                continue
            }
            let at = location
            advance()
            if c.isControlCharacter {
                throw Diagnostic("a string cannot hold the control character \(c.scalarNames)",
                                 at: SourceRange(start: at, end: location))
            }
            if c == "\\", let escaped = peek(), escaped == "\"" || escaped == "\\" || escaped == "$" {
                advance()
                pieces.append(escaped, escapesADollar: escaped == "$")
            } else {
                pieces.append(c)
            }
        }
        throw Diagnostic("unterminated string: add a closing \" before the end of the line",
                         at: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 1)))
    }

    /// At a `$`: `$name`, `${name}`, or `$$` for a dollar sign. `quoting` says how a dollar is written.
    private mutating func dollar(into pieces: inout Pieces, quoting: String) throws(Diagnostic) {
        let start = location
        advance()
        if peek() == "$" {
            advance()
            pieces.append("$", escapesADollar: true)
            return
        }
        let braced = peek() == "{"
        if braced { advance() }
        let name = take { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty else {
            throw Diagnostic("'$' must be followed by a parameter name, as in $kommune or ${kommune}; "
                             + "write \(quoting) for a dollar sign", at: SourceRange(start: start, end: location))
        }
        if braced {
            guard peek() == "}" else {
                throw Diagnostic("'${\(name)' needs a closing '}', as in ${\(name)}", at: SourceRange(start: start, end: location))
            }
            advance()
        }
        pieces.parameter(name, SourceRange(start: start, end: location))
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

    /// The character `offset` after the current one, on the current line (which holds its line
    /// end, so a token never needs to look past it).
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
        // Only a line end ends the array before the text does; no token holds one.
        if index == characters.count, nextLine < text.endIndex { readLines() }
    }

    /// Takes the characters of the next lines, some 16 kB of them: up to and with the first "\n"
    /// after that (so that "\r\n" stays one character and no token is cut).
    private mutating func readLines() {
        let utf8 = text.utf8
        let from = utf8.index(nextLine, offsetBy: 1 << 14, limitedBy: text.endIndex) ?? text.endIndex
        let end = utf8[from...].firstIndex(of: UInt8(ascii: "\n")).map(utf8.index(after:)) ?? text.endIndex
        characters = Array(text[nextLine..<end])
        index = 0
        nextLine = end
    }

    private mutating func take(while predicate: (Character) -> Bool) -> String {
        let first = index
        while index < characters.count, predicate(characters[index]) { advance() }
        return String(characters[first..<index])
    }

    private func token(_ kind: Token.Kind, _ text: String, from start: SourceLocation, pieces: [Token.Piece] = []) -> Token {
        Token(kind, text, SourceRange(start: start, end: location), pieces: pieces)
    }
}

/// The text and parameters of a word or string as the lexer reads it.
private struct Pieces {
    /// The text as the parser sees it when no parameter is in it; `$name` kept as written.
    private(set) var written = ""
    private var done: [Token.Piece] = []
    private var literal = ""
    /// Whether a `$` was met: then the pieces, not the text, say what the token is.
    private var dollars = false

    mutating func append(_ c: Character, escapesADollar: Bool = false) {
        literal.append(c)
        written.append(c)
        dollars = dollars || escapesADollar
    }

    mutating func parameter(_ name: String, _ range: SourceRange) {
        if !literal.isEmpty { done.append(.text(literal)) }
        literal = ""
        done.append(.parameter(name, range))
        written += "$" + name
        dollars = true
    }

    /// Empty when nothing needs putting in.
    var parts: [Token.Piece] {
        guard dollars else { return [] }
        return literal.isEmpty ? done : done + [.text(literal)]
    }

    /// The name, when the whole word is one `$name`.
    var loneParameter: String? {
        guard literal.isEmpty, done.count == 1, case .parameter(let name, _) = done[0] else { return nil }
        return name
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    /// "\r\n" is one Character in Swift, so both line ends are checked.
    var isLineEnd: Bool { self == "\n" || self == "\r\n" }
    var isWordCharacter: Bool { isLetter || isNumber || "_-./~".contains(self) }

    /// A control or formatting character other than a tab: escape sequences, bidirectional
    /// overrides. None belongs in a name or a title, and a terminal would act on some.
    var isControlCharacter: Bool {
        self != "\t" && unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }
    }

    /// "U+001B", for a message that must not print the character itself.
    var scalarNames: String {
        unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }
}
