import RdrEngine

extension Parser {
    /// `rank TARGET [per SEGMENT] [top N | bottom N | for NAME, NAME …]`
    mutating func rankQuery() throws(Diagnostic) -> RankQuery {
        let target = try self.target()
        let segment = accept("per") ? try self.segment() : nil
        let selection: RankQuery.Selection
        if accept("top") {
            selection = .top(try count("top"))
        } else if accept("bottom") {
            selection = .bottom(try count("bottom"))
        } else if accept("for") {
            var names = [try name("a municipality after 'for'")]
            while current.kind == .comma {
                advance()
                names.append(try name("a municipality after ','"))
            }
            selection = .only(names)
        } else {
            selection = .all
        }
        return RankQuery(target: target, segment: segment, selection: selection)
    }

    /// `gap NAME to PLACE [in TARGET] [per SEGMENT]`
    mutating func gapQuery() throws(Diagnostic) -> GapQuery {
        if current.isKeyword("to") {
            throw Diagnostic("expected a municipality before 'to', as in gap Korsbæk to 40", at: current.range)
        }
        let municipality = try name("a municipality, as in gap Korsbæk to 40")
        try expect("to", "and a place after the municipality, as in gap \(municipality.value) to 40")
        let place: Located<GapQuery.Place>
        if current.kind == .number {
            let token = advance()
            // Place 0 and places past the last are the engine's to explain, with the count it knows.
            guard let number = Int(token.text), number <= Self.places.upperBound else {
                throw Diagnostic("place \(token.text.shortenedForMessage) does not exist: places run from 1 "
                                 + "to the number of municipalities ranked", at: token.range)
            }
            place = Located(.number(number), token.range)
        } else if accept("median") {
            place = Located(.median, tokens[position - 1].range)
        } else {
            throw unexpected("a place (1 = lowest spending) or 'median', as in gap \(municipality.value) to 40")
        }
        let target = accept("in") ? try self.target() : nil
        let segment = accept("per") ? try self.segment() : nil
        return GapQuery(municipality: municipality, place: place, target: target, segment: segment)
    }

    /// An area's name or a function code/pattern.
    mutating func target() throws(Diagnostic) -> Target {
        if current.kind == .code {
            let token = advance()
            guard let pattern = FunctionPattern(token.text) else {
                throw Diagnostic("\(token.text.quotedInMessage) is not a function code; write 5.38.50, 5.38.* or 5.*",
                                 at: token.range)
            }
            return .functions(Located(pattern, token.range))
        }
        return .area(try name("an area (type areas for the list) or a function such as 3.22.01"))
    }

    /// `all`, `capita`, `6-16` or `65+`.
    mutating func segment() throws(Diagnostic) -> Located<Segment> {
        let start = current
        if accept("all") || accept("capita") || accept("inhabitant") {
            return Located(.all, start.range)
        }
        guard start.kind == .number else {
            throw unexpected("a segment after 'per': capita, an age band such as 6-16, or 65+")
        }
        let lower = try number(in: Self.ages, "an age").value
        var upper: Int?
        if current.kind == .minus {
            advance()
            guard current.kind == .number else {
                throw unexpected("the upper age of the band, as in \(lower)-16")
            }
            upper = try number(in: Self.ages, "an age").value
        } else if current.kind == .plus {
            advance()
        } else {
            throw Diagnostic("an age band is written \(lower)-\(lower + 10) or \(lower)+", at: start.range)
        }
        let range = self.range(from: start.range)
        if let upper, upper < lower {
            throw Diagnostic("the age band \(lower)-\(upper) is empty; write the lower age first", at: range)
        }
        return Located(.ages(lower: lower, upper: upper), range)
    }

    /// Function codes and patterns separated by commas.
    mutating func patterns() throws(Diagnostic) -> [FunctionPattern] {
        var result: [FunctionPattern] = []
        repeat {
            if !result.isEmpty { advance() }
            guard current.kind == .code || current.kind == .number,
                  let pattern = FunctionPattern(current.text) else {
                throw unexpected("a function such as 5.38.50, a group 5.38.* or a main account 5.*")
            }
            result.append(pattern)
            advance()
        } while current.kind == .comma
        return result
    }

    /// A name: a word or a quoted string.
    mutating func name(_ what: String) throws(Diagnostic) -> Located<String> {
        guard current.kind == .word || current.kind == .string else { throw unexpected(what) }
        let token = advance()
        return Located(token.text, token.range)
    }

    mutating func count(_ keyword: String) throws(Diagnostic) -> Int {
        guard current.kind == .number else {
            throw unexpected("a number of rows after '\(keyword)', as in \(keyword) 10")
        }
        return try number(in: Self.rowCounts, "a number of rows").value
    }

    // MARK: Numbers

    /// Ages on 1 January, as the population tables count them.
    static let ages = 0...125
    /// Places and row counts: far more than there are municipalities, far less than overflows.
    static let places = 0...9_999
    static let rowCounts = 1...9_999
    /// Years of accounts, budgets and price levels.
    static let years = 1_000...9_999

    /// The number token here, when it lies in `bounds`; else an error at it that gives them.
    mutating func number(in bounds: ClosedRange<Int>, _ what: String) throws(Diagnostic) -> Located<Int> {
        let token = current
        guard token.kind == .number, let value = Int(token.text), bounds.contains(value) else {
            throw Diagnostic("\(what) is a whole number from \(bounds.lowerBound) to \(bounds.upperBound); "
                             + "\(token.text.quotedInMessage) is not", at: token.range)
        }
        advance()
        return Located(value, token.range)
    }
}
