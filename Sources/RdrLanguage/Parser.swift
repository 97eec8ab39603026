import RdrEngine

/// A recursive-descent parser over the tokens of one source. Statements are separated by `;` or
/// line ends. The grammar is in README.md; each statement's rule is in Parser+Statements.swift and
/// the shared pieces (targets, segments, function patterns) in Parser+Pieces.swift.
public struct Parser {
    var tokens: [Token]
    var position = 0

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole source. `parameters` holds the values given with `--set`; `param NAME = VALUE`
    /// lines set `defaults`, used for the names not given.
    public static func parse(_ source: Source, parameters: [String: String] = [:],
                             defaults: inout [String: String]) throws(Diagnostic) -> [Statement] {
        let tokens = try ParameterExpansion.expand(Lexer.tokenize(source.text, firstLine: source.firstLine),
                                                    given: parameters, defaults: &defaults)
        var parser = Parser(tokens: tokens)
        return try parser.statements()
    }

    mutating func statements() throws(Diagnostic) -> [Statement] {
        var result: [Statement] = []
        while true {
            while current.kind == .separator { advance() }
            if current.kind == .end { return result }
            if let statement = try statement() { result.append(statement) }
            guard current.kind == .separator || current.kind == .end else {
                throw Diagnostic("unexpected '\(current.text)' after the end of the statement; "
                                 + "put a ';' or a new line between statements", at: current.range)
            }
        }
    }

    // MARK: Tokens

    var current: Token { tokens[position] }

    func peek(_ offset: Int) -> Token {
        tokens[min(position + offset, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// The range from `start` to the end of the last token consumed.
    func range(from start: SourceRange) -> SourceRange {
        start.union(tokens[max(0, position - 1)].range)
    }

    var atStatementEnd: Bool { current.kind == .separator || current.kind == .end }

    mutating func accept(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    mutating func expect(_ keyword: String, _ context: String) throws(Diagnostic) {
        guard accept(keyword) else { throw unexpected("'\(keyword)' \(context)") }
    }

    mutating func expect(_ kind: Token.Kind, _ what: String) throws(Diagnostic) -> Token {
        guard current.kind == kind else { throw unexpected(what) }
        return advance()
    }

    /// "expected X, found Y" at the current token.
    func unexpected(_ expected: String) -> Diagnostic {
        let found = switch current.kind {
        case .end, .separator: "the end of the statement"
        case .string: "the string \"\(current.text)\""
        default: "'\(current.text)'"
        }
        return Diagnostic("expected \(expected), found \(found)", at: current.range)
    }
}

/// Replaces `$name` tokens with the tokens of the parameter's value, keeping the parameter's
/// place so that an error in a value points at the `$name` that brought it in. Records the
/// defaults of `param NAME = VALUE` lines as it meets them (the parser checks their form).
enum ParameterExpansion {
    static func expand(_ tokens: [Token], given: [String: String],
                       defaults: inout [String: String]) throws(Diagnostic) -> [Token] {
        var result: [Token] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.isKeyword("param"), result.last.map({ $0.kind == .separator }) ?? true,
               index + 3 < tokens.count, tokens[index + 1].kind == .word, tokens[index + 2].kind == .equals {
                // The value is the rest of the statement, as written: `param band = 6-16`.
                var end = index + 3
                while ![.separator, .end].contains(tokens[end].kind) { end += 1 }
                defaults[tokens[index + 1].text] = tokens[(index + 3)..<end].map(\.text).joined()
                result.append(contentsOf: tokens[index..<end])
                index = end
                continue
            }
            guard token.kind == .parameter else {
                result.append(token)
                index += 1
                continue
            }
            result.append(contentsOf: try substitute(token, given: given, defaults: defaults))
            index += 1
        }
        return result
    }

    /// The tokens of a parameter's value. A value with spaces in it ("Kors bæk") stays one string.
    private static func substitute(_ token: Token, given: [String: String],
                                   defaults: [String: String]) throws(Diagnostic) -> [Token] {
        guard let value = given[token.text] ?? defaults[token.text] else {
            let known = Set(given.keys).union(defaults.keys).sorted()
            throw Diagnostic("unknown parameter $\(token.text); give it with --set \(token.text)=VALUE"
                             + " or a line 'param \(token.text) = VALUE'"
                             + (known.isEmpty ? "" : " (known: \(known.map { "$" + $0 }.joined(separator: ", ")))"),
                             at: token.range)
        }
        if value.contains(where: \.isWhitespace) { return [Token(.string, value, token.range)] }
        do {
            return try Lexer.tokenize(value).dropLast().map { Token($0.kind, $0.text, token.range) }
        } catch {
            throw Diagnostic("the value of $\(token.text) ('\(value)') is not valid: \(error.message)", at: token.range)
        }
    }
}
