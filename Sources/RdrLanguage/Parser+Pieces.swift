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
            selection = .only(try municipalityList())
        } else {
            selection = .all
        }
        var levels: [Located<RankQuery.Level>] = []
        if accept("with") {
            repeat {
                if !levels.isEmpty { advance() }
                let token = current
                guard let level = RankQuery.Level.allCases.first(where: { accept($0.rawValue) }) else {
                    throw unexpected("country, regions or groups after 'with', as in rank Skole with country, regions")
                }
                levels.append(Located(level, token.range))
            } while current.kind == .comma
        }
        let average = try averageClause()
        return RankQuery(target: target, segment: segment, selection: selection, levels: levels, average: average,
                         on: try onClause())
    }

    /// Municipalities separated by commas, after `for`.
    private mutating func municipalityList() throws(Diagnostic) -> [Located<String>] {
        var names = [try name("a municipality after 'for'")]
        while current.kind == .comma {
            advance()
            names.append(try name("a municipality after ','"))
        }
        return names
    }

    /// `average weighted|mean|median`, when present.
    private mutating func averageClause() throws(Diagnostic) -> Located<Reference.Average>? {
        guard accept("average") else { return nil }
        let token = current
        guard let average = Reference.Average.allCases.first(where: { accept($0.rawValue) }) else {
            throw unexpected("weighted (Σ spending ÷ Σ persons), mean or median after 'average'")
        }
        return Located(average, token.range)
    }

    /// `on [collection] DATASETS`, when present: the datasets a statement runs on.
    mutating func onClause() throws(Diagnostic) -> DatasetChoice? {
        guard accept("on") else { return nil }
        return try datasetChoice(after: "on", single: false)
    }

    /// `compare NAME [with PEERS] [in TARGET [per SEGMENT]] [average KIND] [on DATASET]`
    mutating func compareQuery() throws(Diagnostic) -> CompareQuery {
        let municipality = try name("a municipality, as in compare Korsbæk with Bjergsted, Havnby")
        var peers: [Located<CompareQuery.Peer>] = []
        if accept("with") {
            repeat {
                if !peers.isEmpty { advance() }
                let start = current
                let peer: CompareQuery.Peer
                if accept("group") || accept("region") {
                    let named = atPeerEnd ? nil : try name("a DST group or region, or nothing for the municipality's own").value
                    peer = start.isKeyword("group") ? .group(named) : .region(named)
                } else if accept("peers") {
                    peer = .peers
                } else {
                    peer = .municipality(try name("a municipality, group, region or peers after 'with'").value)
                }
                peers.append(Located(peer, range(from: start.range)))
            } while current.kind == .comma
        }
        let target = accept("in") ? try self.target() : nil
        let segment = accept("per") ? try self.segment() : nil
        let average = try averageClause()
        return CompareQuery(municipality: municipality, peers: peers, target: target, segment: segment,
                            average: average, on: try onClause())
    }

    /// After `group` or `region` in a peer list: nothing more is named.
    private var atPeerEnd: Bool {
        atStatementEnd || current.kind == .comma || ["in", "per", "average", "on"].contains { current.isKeyword($0) }
    }

    /// `trend TARGET [per SEGMENT] [for NAMES] [prices YEAR [using INDEX]] [crosswalk FILE] [on DATASETS]`
    mutating func trendQuery() throws(Diagnostic) -> TrendQuery {
        let target = try self.target()
        let segment = accept("per") ? try self.segment() : nil
        let municipalities = accept("for") ? try municipalityList() : []
        let (prices, index) = try pricesClause(example: "trend Skole prices 2024")
        let crosswalk = accept("crosswalk") ? try name("a crosswalk file (old,new,from), as in crosswalk 2018.csv") : nil
        return TrendQuery(target: target, segment: segment, municipalities: municipalities, prices: prices,
                          index: index, crosswalk: crosswalk, on: try onClause())
    }

    /// `gap NAME to PLACE, … [by function] [in TARGET] [per SEGMENT] [sorted] [on DATASET]`
    mutating func gapQuery() throws(Diagnostic) -> GapQuery {
        if current.isKeyword("to") {
            throw Diagnostic("expected a municipality before 'to', as in gap Korsbæk to 40", at: current.range)
        }
        let municipality = try name("a municipality, as in gap Korsbæk to 40")
        try expect("to", "and a place after the municipality, as in gap \(municipality.value) to 40")
        let example = "gap \(municipality.value) to 40"
        var places = [try benchmark(example: example)]
        while current.kind == .comma {
            advance()
            places.append(try benchmark(example: example))
        }
        // The clauses after the places, in any order, each once.
        var target: Target?
        var segment: Located<Segment>?
        var byFunction: SourceRange?
        var sorted: SourceRange?
        while let clause = ["in", "per", "by", "sorted"].first(where: current.isKeyword) {
            let token = current
            let given = switch clause {
            case "in": target != nil
            case "per": segment != nil
            case "by": byFunction != nil
            default: sorted != nil
            }
            if given { throw Diagnostic("'\(clause)' is given twice in this statement; keep one", at: token.range) }
            advance()
            switch clause {
            case "in": target = try self.target()
            case "per": segment = try self.segment()
            case "by":
                guard accept("function") || accept("functions") else {
                    throw unexpected("'function' after 'by', as in gap \(municipality.value) to 40 by function")
                }
                byFunction = range(from: token.range)
            default: sorted = token.range
            }
        }
        return GapQuery(municipality: municipality, places: places, target: target, segment: segment,
                        byFunction: byFunction, sorted: sorted, on: try onClause())
    }

    /// A place (1 = lowest spending), `median`, or a municipality whose level is the benchmark.
    mutating func benchmark(example: String) throws(Diagnostic) -> Located<GapQuery.Place> {
        if current.kind == .number {
            let token = advance()
            // Place 0 and places past the last are the engine's to explain, with the count it knows.
            guard let number = Int(token.text), number <= Self.places.upperBound else {
                throw Diagnostic("place \(token.text.shortenedForMessage) does not exist: places run from 1 "
                                 + "to the number of municipalities ranked", at: token.range)
            }
            return Located(.number(number), token.range)
        }
        if accept("median") { return Located(.median, tokens[position - 1].range) }
        // A slip for median (medain) is said here, not later as an unknown municipality.
        guard current.kind == .word || current.kind == .string,
              !["in", "per", "on", "by", "sorted"].contains(where: current.isKeyword),
              current.kind == .string || NameMatcher.closest(to: current.text, in: ["median"]) == nil else {
            throw unexpected("a place (1 = lowest spending), 'median' or a municipality, as in \(example)")
        }
        let token = advance()
        return Located(.municipality(token.text), token.range)
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
