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
        if current.kind == .number, let number = Int(current.text) {
            place = Located(.number(number), advance().range)
        } else if current.isKeyword("median") {
            place = Located(.median, advance().range)
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
                throw Diagnostic("'\(token.text)' is not a function code; write 5.38.50, 5.38.* or 5.*", at: token.range)
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
        guard start.kind == .number, let lower = Int(start.text) else {
            throw unexpected("a segment after 'per': capita, an age band such as 6-16, or 65+")
        }
        advance()
        var upper: Int?
        if current.kind == .minus {
            advance()
            guard current.kind == .number, let value = Int(current.text) else {
                throw unexpected("the upper age of the band, as in \(lower)-16")
            }
            upper = value
            advance()
        } else if current.kind == .plus {
            advance()
        } else {
            throw Diagnostic("an age band is written \(lower)-\(lower + 10) or \(lower)+", at: start.range)
        }
        let range = self.range(from: start.range)
        if let upper, upper < lower {
            throw Diagnostic("the age band \(lower)-\(upper) is empty; write the lower age first", at: range)
        }
        if lower > 125 || (upper ?? 0) > 125 {
            throw Diagnostic("ages run from 0 to 125", at: range)
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
        guard current.kind == .number, let n = Int(current.text), n > 0 else {
            throw unexpected("a number of rows after '\(keyword)', as in \(keyword) 10")
        }
        advance()
        return n
    }
}
