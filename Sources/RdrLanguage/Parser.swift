import RdrEngine

/// A recursive-descent parser over the tokens of one source. Statements are separated by `;` or
/// line ends. The grammar is in README.md; each statement's rule is in Parser+Statements.swift and
/// the shared pieces (targets, segments, function patterns) in Parser+Pieces.swift.
public struct Parser {
    /// The tokens of the statement being parsed, up to and including its `;`, line end or end.
    var tokens: [Token] = []
    var position = 0
    /// The keywords tried at `position` without success, for a "did you mean" when none fits.
    private var tried: (position: Int, keywords: [String]) = (-1, [])
    private var lexer: Lexer
    private var expansion: ParameterExpansion

    private init(_ source: Source, parameters: [String: String], defaults: [String: String]) {
        lexer = Lexer(source.text, firstLine: source.firstLine)
        expansion = ParameterExpansion(given: parameters, defaults: defaults)
    }

    /// Parses a whole source. `parameters` holds the values given with `--set`; `param NAME = VALUE`
    /// lines set `defaults`, used for the names not given.
    public static func parse(_ source: Source, parameters: [String: String] = [:],
                             defaults: inout [String: String]) throws(Diagnostic) -> [Statement] {
        var parsed = 0
        return try parse(source, parameters: parameters, defaults: &defaults, parsed: &parsed)
    }

    /// As above; `parsed` counts the statements read before an error.
    static func parse(_ source: Source, parameters: [String: String], defaults: inout [String: String],
                      parsed: inout Int) throws(Diagnostic) -> [Statement] {
        let size = source.text.utf8.count
        guard size <= Source.maximumSize else {
            throw Diagnostic("the text is \(Source.describe(size: size)); rdr reads at most "
                             + "\(Source.describe(size: Source.maximumSize)) of statements at once", at: nil)
        }
        var parser = Parser(source, parameters: parameters, defaults: defaults)
        var statements: [Statement] = []
        defer { parsed = statements.count }
        while try parser.readStatement() {
            let statement = try parser.statement()
            guard parser.atStatementEnd else {
                throw Diagnostic("unexpected \(parser.current.text.quotedInMessage) after the end of the statement; "
                                 + (parser.didYouMean.map { "did you mean \($0)?" }
                                    ?? "put a ';' or a new line between statements"), at: parser.current.range)
            }
            if let statement { statements.append(statement) }
        }
        defaults = parser.expansion.defaults
        return statements
    }

    /// Reads the next statement's tokens, with parameters put in; false at the end of the source.
    private mutating func readStatement() throws(Diagnostic) -> Bool {
        var raw: [Token] = []
        repeat {
            let token = try lexer.next()
            if raw.isEmpty, token.kind == .separator { continue }
            raw.append(token)
        } while raw.last.map({ $0.kind != .separator && $0.kind != .end }) ?? true
        tokens = try expansion.expand(statement: raw)
        position = 0
        tried.position = -1
        return tokens[0].kind != .end
    }

    // MARK: Tokens

    var current: Token { tokens[position] }

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
        guard current.isKeyword(keyword) else {
            if tried.position != position {
                tried.position = position
                tried.keywords.removeAll(keepingCapacity: true)
            }
            tried.keywords.append(keyword)
            return false
        }
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

    /// The keyword tried here that the current word is a misspelling of (`tpo` for top).
    private var didYouMean: String? {
        guard current.kind == .word, tried.position == position,
              let keyword = NameMatcher.closest(to: current.text, in: tried.keywords) else { return nil }
        // A short word with no letter in common with the keyword (as, on) is another word, not a slip.
        return Set(keyword).isDisjoint(with: current.text.lowercased()) ? nil : keyword
    }

    /// "expected X, found Y" at the current token.
    func unexpected(_ expected: String) -> Diagnostic {
        let found = switch current.kind {
        case .end, .separator: "the end of the statement"
        case .string: "the string \"\(current.text.shortenedForMessage)\""
        default: current.text.quotedInMessage
        }
        return Diagnostic("expected \(expected), found \(found)" + (didYouMean.map { "; did you mean \($0)?" } ?? ""),
                          at: current.range)
    }
}

/// Puts the values of parameters in place of `$name`, keeping the place the parameter was
/// written so that an error in a value points at it. Records the defaults of
/// `param NAME = VALUE` lines as it meets them (the parser checks their form).
///
/// A word that holds parameters (`R$year`, `overview-$year.csv`, a lone `$band`) is the word with
/// the values put in, read again as tokens: `6-16` becomes an age band, `3.22.01` a function. A
/// value with a space in it stays one name (`"Kors bæk"`). In a string the values are put in as
/// they are.
struct ParameterExpansion {
    let given: [String: String]
    private(set) var defaults: [String: String]

    init(given: [String: String], defaults: [String: String]) {
        self.given = given
        self.defaults = defaults
    }

    mutating func expand(statement tokens: [Token]) throws(Diagnostic) -> [Token] {
        var result = tokens
        if tokens.contains(where: { $0.kind == .parameter || !$0.pieces.isEmpty }) {
            result = []
            for token in tokens {
                result += try substitute(token)
            }
        }
        if result.count > 3, result[0].isKeyword("param"), result[1].kind == .word, result[2].kind == .equals {
            // The value is the rest of the statement, as written: `param band = 6-16`.
            defaults[result[1].text] = result[3...].prefix { $0.kind != .separator && $0.kind != .end }
                .map(\.text).joined()
        }
        return result
    }

    /// The tokens a token stands for once its parameters are put in.
    private func substitute(_ token: Token) throws(Diagnostic) -> [Token] {
        let pieces = token.kind == .parameter ? [.parameter(token.text, token.range)] : token.pieces
        guard !pieces.isEmpty else { return [token] }
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case let .parameter(name, range): text += try value(of: name, at: range)
            }
        }
        if token.kind == .string || text.contains(where: \.isWhitespace) { return [Token(.string, text, token.range)] }
        do throws(Diagnostic) {
            let tokens = try Lexer.tokenize(text).dropLast()
            if let separator = tokens.first(where: { $0.kind == .separator }) {
                throw Diagnostic("a value is one name, number or band; it cannot hold '\(separator.text)'", at: nil)
            }
            return tokens.map { Token($0.kind, $0.text, token.range) }
        } catch {
            let what = token.kind == .parameter ? "the value of $\(token.text) ('\(text.shortenedForMessage)')"
                : "\(token.text.quotedInMessage) with its parameters put in ('\(text.shortenedForMessage)')"
            throw Diagnostic("\(what) is not valid: \(error.message)", at: token.range)
        }
    }

    private func value(of name: String, at range: SourceRange) throws(Diagnostic) -> String {
        if let value = given[name] ?? defaults[name] { return value }
        let known = Set(given.keys).union(defaults.keys).sorted()
        if let close = NameMatcher.closest(to: name, in: known) {
            throw Diagnostic("unknown parameter $\(name); did you mean $\(close)?", at: range)
        }
        throw Diagnostic("unknown parameter $\(name); give it with --set \(name)=VALUE"
                         + " or a line 'param \(name) = VALUE'"
                         + (known.isEmpty ? "" : " (known: \(known.map { "$" + $0 }.joined(separator: ", ")))"),
                         at: range)
    }
}
