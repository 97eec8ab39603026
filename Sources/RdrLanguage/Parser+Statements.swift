import RdrEngine
import RdrRender
import RdrReport

extension Parser {
    /// One statement; nil for `param` lines, which only set defaults (see ParameterExpansion).
    mutating func statement() throws(Diagnostic) -> Statement? {
        let start = current
        guard start.kind == .word else {
            throw unexpected("a command such as load, rank or gap (type help for the list)")
        }
        advance()
        let kind: Statement.Kind
        if let command = Command.named(start.text) {
            guard let parsed = try command.parse(&self) else { return nil }
            kind = parsed
        } else if atStatementEnd || current.isKeyword("as") {
            // A bare name shows a named result: `s`, `s as csv`.
            let name = Located(start.text, start.range)
            let format = try formatSuffix()
            kind = format == nil ? .query(.reference(name)) : .show(name: name, format: format)
        } else {
            throw unknownCommand(start)
        }
        return Statement(kind: kind, range: range(from: start.range))
    }

    func unknownCommand(_ token: Token) -> Diagnostic {
        let hint = NameMatcher.closest(to: token.text, in: commandWords)
            .map { "did you mean \($0)?" } ?? "type help for the list of commands"
        return Diagnostic("unknown command \(token.text.quotedInMessage); \(hint)", at: token.range)
    }

    /// `param NAME = VALUE`: checked here, recorded by ParameterExpansion.
    mutating func parameterDefault() throws(Diagnostic) {
        _ = try expect(.word, "a parameter name after param, as in param place = 40")
        _ = try expect(.equals, "'=' and a value, as in param place = 40")
        let value = "a value after 'param … =': a word, a number, an age band or a \"string\""
        guard [.word, .number, .code, .string].contains(current.kind) else { throw unexpected(value) }
        let first = advance()
        if first.kind == .number, current.kind == .minus {  // an age band, 6-16
            advance()
            _ = try expect(.number, "the upper age of the band")
        } else if first.kind == .number, current.kind == .plus {  // an open band, 65+
            advance()
        }
        guard atStatementEnd else { throw unexpected("the end of the param line (\(value))") }
    }

    mutating func load() throws(Diagnostic) -> Statement.Kind {
        let datasets = try datasetChoice(after: "load", single: false)
        let (prices, index) = try pricesClause(example: "load \(datasets.ids[0].value) prices 2024")
        return .load(datasets, prices: prices, index: index)
    }

    /// `[local|real|teaching] R2024`, or with `single` false a list such as `R2019..R2024, B2025`.
    mutating func datasetChoice(after keyword: String, single: Bool) throws(Diagnostic) -> DatasetChoice {
        let start = current
        var collection: Located<String>?
        // Tried with accept, so that a misspelt collection gets a "did you mean".
        if accept("real") || accept("teaching") || accept("local") {
            collection = Located(start.text.lowercased(), start.range)
        }
        guard current.kind == .word, DatasetID(String(current.text.prefix(5))) != nil else {
            throw unexpected("a dataset such as R2024 (accounts 2024) or B2021 (budget 2021)")
        }
        let ids = try datasetList()
        if single, ids.count > 1 {
            throw Diagnostic("\(keyword) takes one dataset, such as \(ids[0].value)", at: range(from: ids[1].range))
        }
        return DatasetChoice(collection: collection, ids: ids, range: range(from: start.range))
    }

    /// `prices YEAR [using INDEX]`, when present.
    mutating func pricesClause(example: String) throws(Diagnostic) -> (year: Located<Int>?, index: Located<String>?) {
        guard accept("prices") else { return (nil, nil) }
        guard current.kind == .number else { throw unexpected("the year whose prices to use, as in \(example)") }
        let year = try number(in: Self.years, "a year")
        return (year, accept("using") ? try priceIndex() : nil)
    }

    /// `cpi`, `state` or a `year,index` file after `using`.
    mutating func priceIndex() throws(Diagnostic) -> Located<String> {
        try name("a price index after using: cpi, state (the state's PL) or a year,index file such as pl.csv")
    }

    /// `R2023`, `R2019..R2024`, or several separated by commas.
    mutating func datasetList() throws(Diagnostic) -> [Located<DatasetID>] {
        var result: [Located<DatasetID>] = []
        repeat {
            if !result.isEmpty { advance() }
            let token = current
            let parts = token.text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            guard token.kind == .word, parts.count <= 2, let first = DatasetID(parts[0]),
                  let last = parts.count == 2 ? DatasetID(parts[1]) : first,
                  first.kind == last.kind, first.year <= last.year else {
                throw unexpected("a dataset such as R2023, or a span such as R2019..R2024")
            }
            guard last.year - first.year < Self.longestSpan else {
                throw Diagnostic("a span is at most \(Self.longestSpan) years; \(token.text) is \(last.year - first.year + 1)",
                                 at: token.range)
            }
            advance()
            result += (first.year...last.year).map { Located(DatasetID(kind: first.kind, year: $0), token.range) }
        } while current.kind == .comma
        return result
    }

    /// Statistics Denmark has kept the tables since 2007; a longer span is a typing error.
    static let longestSpan = 30

    mutating func datasetID(_ command: String) throws(Diagnostic) -> Located<DatasetID> {
        guard current.kind == .word, let id = DatasetID(current.text) else {
            throw unexpected("a dataset such as R2023 after \(command)")
        }
        return Located(id, advance().range)
    }

    mutating func binding() throws(Diagnostic) -> Statement.Kind {
        let name = try resultName()
        _ = try expect(.equals, "'=' after 'let \(name.value)', as in let s = rank Skole")
        let query: Query
        let queries = Command.queryWords
        if let command = queries.first(where: { accept($0) }).flatMap(Command.named),
           case .query(let parsed)? = try command.parse(&self) {
            query = parsed
        } else if current.kind == .word, Command.named(current.text) == nil {
            let token = advance()
            query = .reference(Located(token.text, token.range))
        } else {
            throw unexpected(queries.joined(separator: ", ") + " or the name of a result after '='")
        }
        return .bind(name: name, query: query)
    }

    /// A result's name: a word that is not a command, so that typing it alone shows it.
    private mutating func resultName() throws(Diagnostic) -> Located<String> {
        let token = current
        guard token.kind == .word, token.text.first.map({ $0.isLetter || $0 == "_" }) == true,
              token.text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw unexpected("a name for the result (letters, digits and _), as in let s = rank Skole")
        }
        guard token.text != Session.lastName else {
            throw Diagnostic("_ always names the last result; choose another name", at: token.range)
        }
        guard !commandWords.contains(token.text.lowercased()) else {
            throw Diagnostic("'\(token.text)' is a command and cannot name a result; choose another name", at: token.range)
        }
        advance()
        return Located(token.text, token.range)
    }

    mutating func export() throws(Diagnostic) -> Statement.Kind {
        var name: Located<String>?
        if !current.isKeyword("to") {
            name = try self.name("the name of a result, or 'to FILE' for the last result")
        }
        try expect("to", "before the file name, as in export s to aeldre.csv")
        let path = try self.name("a file name such as aeldre.csv")
        guard accept("as") else { return .export(name: name, path: path, format: nil) }
        return .export(name: name, path: path, format: try self.name("a format after 'as': \(ExportFormat.namesText)"))
    }

    mutating func setting() throws(Diagnostic) -> Statement.Kind {
        if accept("title") {
            return .setTitle(try name("a title, as in set title \"Budget 2026: Korsbæk\"").value)
        }
        if accept("lang") {
            return .setLanguage(try name("a language: \(Language.allCases.map(\.rawValue).joined(separator: " or "))"))
        }
        try expect("format", "or title or lang after set (set format \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|")), set title \"…\", set lang en|da)")
        return .setFormat(try name("a format: \(OutputFormat.namesText)"))
    }

    /// `report to PATH`
    mutating func report() throws(Diagnostic) -> Statement.Kind {
        try expect("to", "before the file name, as in report to budget.html")
        return .report(path: try name("a file name such as budget.html or budget.md"))
    }

    /// `as FORMAT`, when present.
    mutating func formatSuffix() throws(Diagnostic) -> Located<String>? {
        guard accept("as") else { return nil }
        return try name("a format after 'as': \(OutputFormat.namesText)")
    }

    /// `define area KEY ["Title"] = PATTERNS [except PATTERNS] [per SEGMENT]`
    mutating func defineArea() throws(Diagnostic) -> Statement.Kind {
        try expect("area", "after define, as in define area Botilbud = 5.38.50, 5.38.51 per 18-64")
        let key = current
        guard key.kind == .word, !key.text.contains("/") else {
            throw unexpected("a short name for the area, as in define area Botilbud = …")
        }
        advance()
        var title: String?
        if current.kind == .string { title = advance().text }
        _ = try expect(.equals, "'=' and the functions of the area, as in = 5.38.50, 5.38.51")
        let include = try patterns()
        var exclude: [FunctionPattern] = []
        if accept("except") { exclude = try patterns() }
        let segment = accept("per") ? try self.segment().value : .all
        return .defineArea(key: Located(key.text, key.range), title: title, include: include,
                           exclude: exclude, segment: segment)
    }
}
