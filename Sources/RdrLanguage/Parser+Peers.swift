import RdrEngine

extension Parser {
    /// `peers NAME [by VARIABLE [WEIGHT], …] [top N] [in group] [on DATASET]`
    mutating func peersQuery() throws(Diagnostic) -> PeersQuery {
        if let clause = ["by", "top", "in"].first(where: current.isKeyword) {
            throw Diagnostic("expected a municipality before '\(clause)', as in peers Korsbæk \(clause) …", at: current.range)
        }
        let municipality = try name("a municipality, as in peers Korsbæk")
        // by, top and in group, in any order, each once.
        var terms: [PeersQuery.Term]?
        var top: Located<Int>?
        var inGroup: SourceRange?
        while true {
            if terms == nil, accept("by") {
                terms = try peerTerms()
            } else if top == nil, accept("top") {
                let token = current
                top = Located(try count("top"), token.range)
            } else if inGroup == nil, current.isKeyword("in") {
                let start = advance()
                try expect("group", "after 'in': peers \(municipality.value) in group keeps to its own DST group")
                inGroup = range(from: start.range)
            } else if ["by", "top", "in"].contains(where: current.isKeyword) {
                throw Diagnostic("\(current.text.quotedInMessage) is given twice; peers takes one by list, one top N "
                                 + "and one in group", at: current.range)
            } else {
                break
            }
        }
        return PeersQuery(municipality: municipality, terms: terms, top: top, inGroup: inGroup, on: try onClause())
    }

    /// The variables after `by`, each with its weight when one is written: `size 2, 65+, 80+ 0.5`.
    private mutating func peerTerms() throws(Diagnostic) -> [PeersQuery.Term] {
        let start = current
        var terms: [PeersQuery.Term] = []
        repeat {
            if !terms.isEmpty { advance() }
            let variable = try peerVariable()
            if terms.contains(where: { $0.variable.value == variable.value }) {
                throw Diagnostic("\(variable.value) is named twice; give each variable once, with its weight",
                                 at: variable.range)
            }
            terms.append(PeersQuery.Term(variable: variable, weight: try peerWeight(of: variable.value)))
        } while current.kind == .comma
        guard terms.contains(where: { ($0.weight?.value ?? 1) > 0 }) else {
            throw Diagnostic("every weight is 0, so nothing measures the distance; give at least one variable "
                             + "a weight above 0, as in by size 2, 65+", at: range(from: start.range))
        }
        return terms
    }

    /// `size`, or an age band whose share of the inhabitants is the variable: `0-5`, `65+`.
    private mutating func peerVariable() throws(Diagnostic) -> Located<PeerVariable> {
        let token = current
        if accept("size") { return Located(.size, token.range) }
        guard token.kind == .number else {
            throw unexpected("a variable after '\(tokens[max(0, position - 1)].text)': size (ln of the inhabitants) "
                             + "or an age band whose share of the inhabitants counts, such as 0-5 or 65+")
        }
        let segment = try self.segment()
        return Located(.share(segment.value), segment.range)
    }

    /// The weight after a variable, when one is written: `2`, or a decimal such as `0.5` (which
    /// the lexer reads as a code, digits with a dot).
    private mutating func peerWeight(of variable: PeerVariable) throws(Diagnostic) -> Located<Double>? {
        let token = current
        switch token.kind {
        case .number, .code:
            guard let value = Self.decimal(token.text), Self.weights.contains(value) else {
                throw Diagnostic("the weight of \(variable) is a number from 0 to \(Int(Self.weights.upperBound)), "
                                 + "such as 2 or 0.5; \(token.text.quotedInMessage) is not", at: token.range)
            }
            advance()
            // `by 65+ 80+`: a second band, not a weight.
            if current.kind == .plus || current.kind == .minus {
                throw Diagnostic("separate the variables with commas, as in \(variable), \(token.text)\(current.text)",
                                 at: token.range.union(current.range))
            }
            return Located(value, token.range)
        case .minus:
            throw Diagnostic("a weight is 0 or more: \(variable) cannot count less than nothing", at: token.range)
        default:
            return nil
        }
    }

    /// Weights are relative: a thousand times another is far more than any model needs.
    static let weights = 0.0...1000.0

    /// `2` or `0.5`: digits, or digits, a dot and digits.
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return Double(text)
    }
}
