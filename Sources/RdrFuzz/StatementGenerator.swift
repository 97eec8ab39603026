import RdrEngine
import RdrLanguage

/// The names the generator writes: those of the session it runs in, so that most statements name
/// something that exists, and the files of the sandbox's working folder.
struct Vocabulary {
    let municipalities: [String]
    let areas: [String]
    let functions: [String]
    let files: [String]

    init(session: Session, files: [String]) {
        municipalities = session.dataset?.municipalities.map(\.name) ?? ["Korsbæk"]
        areas = session.areas.map(\.key)
        functions = session.dataset?.functionLabels.keys.sorted().map(\.description) ?? ["3.22.01"]
        self.files = files + ["out.csv", "out.md", "out.json", "out.txt", "out.xlsx", "x.rdr", ".", "..", ""]
    }
}

/// The fuzzer's bytes, read as a sequence of choices. Past the end every choice is the first one,
/// so every input makes a script and a longer input a longer one.
struct Choices {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var exhausted: Bool { index >= bytes.count }

    mutating func byte() -> Int {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return Int(bytes[index])
    }

    /// 0..<n, from one byte (two when n > 256).
    mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        return (n > 256 ? byte() << 8 | byte() : byte()) % n
    }

    mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// True with a chance of `percent` in 100 (about).
    mutating func chance(_ percent: Int) -> Bool { byte() * 100 < percent * 256 }

    /// The clauses of a statement in an order the input chooses.
    mutating func order(_ items: [String]) -> [String] {
        var items = items
        for index in items.indices.reversed() where index > 0 { items.swapAt(index, below(index + 1)) }
        return items
    }
}

/// Turns bytes into an rdr script of statements in the language's shapes (README, The language),
/// with names, numbers, codes, segments and paths chosen from the vocabulary or made from the bytes:
/// boundary values, numbers too big for any integer, misspellings, very long names, odd characters.
/// Now and then a statement is cut short or gets a stray token, to reach the parser's errors too.
struct StatementGenerator {
    let vocabulary: Vocabulary

    /// The statements the bytes make, each to be run as its own source (as lines typed at the
    /// prompt are), so that one statement's syntax error does not keep the others from running.
    func statements(from bytes: [UInt8]) -> [String] {
        var choices = Choices(bytes)
        var statements: [String] = []
        repeat {
            var statement = self.statement(&choices)
            if choices.chance(4) { statement = damaged(statement, &choices) }
            statements.append(statement)
        } while !choices.exhausted && statements.count < 16
        return statements
    }

    // MARK: Statements

    private func statement(_ c: inout Choices) -> String {
        switch c.below(100) {
        case 0..<11: return rank(&c)
        case 11..<14: return drill(&c)
        case 14..<25: return gap(&c)
        case 25..<31: return compare(&c)
        case 31..<37: return trend(&c)
        case 37..<38: return c.pick([{ _ in "use " }, { _ in "peers " }, { _ in "explain " }])(&c) + (c.chance(50) ? resultName(&c) : municipality(&c))
        case 38..<41: return "let \(resultName(&c)) = " + c.pick([rank, gap, compare, drill, trend, peers, explain, { self.resultName(&$0) }])(&c)
        case 41..<43: return c.chance(50) ? peers(&c) : explain(&c)
        case 43..<44:
            switch c.below(5) {
            case 0: return "report to \(path(&c))"
            case 1: return "set title \(c.chance(50) ? string(&c) : word(&c))"
            case 2: return "set lang " + c.pick(["da", "en", "dk", word(&c)])
            case 3: return "chart \(resultName(&c))" + (c.chance(30) ? " for \(municipality(&c))" : "")
                + (c.chance(30) ? " as " + c.pick(["ascii", "unicode", word(&c)]) : "") + (c.chance(30) ? " to \(path(&c))" : "")
            default: return "map \(resultName(&c))" + (c.chance(30) ? " for \(municipality(&c))" : "")
                + (c.chance(30) ? " to \(path(&c))" : "")
            }
        case 44..<48: return "show \(resultName(&c))" + (c.chance(50) ? " as \(format(&c))" : "")
        case 48..<51: return resultName(&c) + (c.chance(60) ? " as \(format(&c))" : "")
        case 51..<55: return "export" + (c.chance(60) ? " \(resultName(&c))" : "") + " to \(path(&c))"
        case 55..<57: return "drop \(resultName(&c))"
        case 57..<62: return define(&c)
        case 62..<67: return "area \(target(&c))"
        case 67..<72:
            return c.pick(["areas", "results", "datasets", "municipalities", "kommuner", "functions", "help", "segments"])
        case 72..<75: return "set format \(format(&c))"
        case 75..<78: return "help " + c.pick(Self.keywords + ["", word(&c)])
        case 78..<81: return load(&c)
        case 81..<83: return "run \(path(&c))"
        case 83..<86: return "param \(parameterName(&c)) = \(value(&c))"
        case 86..<89: return "import \(path(&c))"
        case 89..<91: return "check \(datasetID(&c))"
        case 91..<93: return "forget \(datasetID(&c))"
        case 93..<94: return "fetch " + datasetList(&c)
        case 94..<95: return c.pick(["quit", "exit"])
        default: return (0...c.below(4)).map { _ in token(&c) }.joined(separator: " ")
        }
    }

    private func rank(_ c: inout Choices) -> String {
        var text = "rank \(target(&c))"
        if c.chance(45) { text += " per \(segment(&c))" }
        switch c.below(5) {
        case 0: text += " top \(number(&c))"
        case 1: text += " bottom \(number(&c))"
        case 2: text += " for " + (0...c.below(4)).map { _ in municipality(&c) }.joined(separator: c.pick([", ", ",", " , "]))
        default: break
        }
        if c.chance(20) {
            text += " with " + (0...c.below(3)).map { _ in c.pick(["country", "regions", "groups", word(&c)]) }
                .joined(separator: ", ")
        }
        return text + average(&c) + on(&c)
    }

    private func compare(_ c: inout Choices) -> String {
        var text = "compare \(municipality(&c))"
        if c.chance(70) {
            text += " with " + (0...c.below(5)).map { _ in
                c.chance(70) ? municipality(&c) : c.pick(["group", "region", "group Landkommuner", "region Nordland", "group \(word(&c))"])
            }.joined(separator: c.pick([", ", ","]))
        }
        if c.chance(50) {
            text += " in \(target(&c))"
            if c.chance(20) { text += " per \(segment(&c))" }
        }
        return text + average(&c) + on(&c)
    }

    private func trend(_ c: inout Choices) -> String {
        var text = "trend \(target(&c))"
        if c.chance(25) { text += " per \(segment(&c))" }
        if c.chance(70) { text += " for " + (0...c.below(3)).map { _ in municipality(&c) }.joined(separator: ", ") }
        if c.chance(50) {
            text += " prices \(c.chance(70) ? c.pick(["2018", "2020", "2024", "1991", "2030"]) : number(&c))"
            if c.chance(50) { text += " using " + c.pick(["cpi", "state", path(&c)]) }
        }
        if c.chance(10) { text += " crosswalk \(path(&c))" }
        return text + on(&c)
    }

    private func average(_ c: inout Choices) -> String {
        c.chance(15) ? " average " + c.pick(["weighted", "mean", "median", word(&c)]) : ""
    }

    private func on(_ c: inout Choices) -> String {
        c.chance(20) ? " on " + c.pick(["", "teaching ", "real "]) + datasetList(&c) : ""
    }

    private func place(_ c: inout Choices) -> String {
        c.chance(20) ? "median" : c.chance(15) ? municipality(&c) : number(&c)
    }

    private func gap(_ c: inout Choices) -> String {
        var text = "gap \(municipality(&c)) to " + (0...(c.chance(20) ? c.below(4) : 0)).map { _ in place(&c) }
            .joined(separator: ", ")
        // The clauses after the places come in any order.
        var clauses: [String] = []
        if c.chance(15) { clauses.append(c.chance(90) ? "by function" : "by \(word(&c))") }
        if c.chance(55) { clauses.append("in \(target(&c))") }
        if c.chance(c.chance(50) ? 30 : 5) { clauses.append("per \(segment(&c))") }
        if c.chance(15) { clauses.append("sorted") }
        if c.chance(5), let twice = clauses.first { clauses.append(twice) }
        text += c.order(clauses).map { " " + $0 }.joined()
        return text + on(&c)
    }

    private func drill(_ c: inout Choices) -> String {
        let benchmark = { (c: inout Choices) in
            " to " + (c.chance(15) ? "country" : c.chance(15) ? "peers" : c.chance(10) ? self.resultName(&c) : self.place(&c))
        }
        var text = "drill \(municipality(&c))"
        let early = c.chance(25)
        if early { text += benchmark(&c) }
        if c.chance(95) { text += " in \(target(&c))" }
        if c.chance(20) { text += " per \(segment(&c))" }
        if !early && c.chance(65) || early && c.chance(5) { text += benchmark(&c) }
        return text + on(&c)
    }

    private func peers(_ c: inout Choices) -> String {
        var text = "peers \(municipality(&c))"
        var clauses: [String] = []
        if c.chance(40) {
            let variable = { (c: inout Choices) in
                c.pick(["size", "0-5", "6-16", "18-64", "65+", "80+", self.segment(&c), self.word(&c)])
                    + (c.chance(40) ? " " + c.pick(["2", "0.5", "0", "1000", "1001", "-1", "1.2.3", self.number(&c)]) : "")
            }
            clauses.append("by " + (0...c.below(4)).map { _ in variable(&c) }.joined(separator: c.pick([", ", ",", " "])))
        }
        if c.chance(30) { clauses.append("top \(number(&c))") }
        if c.chance(20) { clauses.append(c.chance(90) ? "in group" : "in \(word(&c))") }
        if c.chance(5), let twice = clauses.first { clauses.append(twice) }
        text += c.order(clauses).map { " " + $0 }.joined()
        return text + on(&c)
    }

    private func explain(_ c: inout Choices) -> String {
        "explain " + (c.chance(60) ? "_" : resultName(&c)) + (c.chance(30) ? " for \(municipality(&c))" : "")
    }

    private func define(_ c: inout Choices) -> String {
        var text = "define area \(c.chance(70) ? word(&c) : area(&c))"
        if c.chance(50) { text += " \(string(&c))" }
        text += " = " + patterns(&c)
        if c.chance(25) { text += " except " + patterns(&c) }
        if c.chance(50) { text += " per \(segment(&c))" }
        return text
    }

    private func load(_ c: inout Choices) -> String {
        var text = "load " + c.pick(["", "", "teaching ", "real ", "local "]) + (c.chance(30) ? datasetList(&c) : datasetID(&c))
        if c.chance(35) {
            text += " prices \(c.chance(70) ? c.pick(["2018", "2020", "2024", "2025", "2026", "1900"]) : number(&c))"
            if c.chance(50) { text += " using " + c.pick(["cpi", "state", path(&c)]) }
        }
        return text
    }

    // MARK: Pieces

    private func target(_ c: inout Choices) -> String {
        c.chance(50) ? area(&c) : pattern(&c)
    }

    private func patterns(_ c: inout Choices) -> String {
        (0...c.below(3)).map { _ in pattern(&c) }.joined(separator: ", ")
    }

    private func area(_ c: inout Choices) -> String { spelled(c.pick(vocabulary.areas), &c) }

    private func municipality(_ c: inout Choices) -> String {
        c.chance(8) ? number(&c) : spelled(c.pick(vocabulary.municipalities), &c)
    }

    /// A function code or pattern: one of the dataset's, a group or main account, or made up.
    private func pattern(_ c: inout Choices) -> String {
        let code = c.pick(vocabulary.functions)
        let parts = code.split(separator: ".").map(String.init)
        switch c.below(10) {
        case 0..<4: return code
        case 4: return "\(parts[0]).\(parts[1]).*"
        case 5: return "\(parts[0]).*"
        case 6: return "\(codePart(&c)).\(codePart(&c))"
        case 7: return "\(codePart(&c)).\(codePart(&c)).\(codePart(&c))"
        case 8: return code.replacingOccurrences(of: ".", with: "")
        default: return c.pick(["99999999999999999999.1", "3.22.0l", "3.22", "3..22", "*", "3.*.01", "0.00.00",
                                "9.99.99", "3.22.01.5", "3.22.*.*", "03.022.001"])
        }
    }

    /// A part of a made-up code: mostly a small number, now and then any number.
    private func codePart(_ c: inout Choices) -> String {
        c.chance(85) ? String(c.below(120)) : number(&c)
    }

    private func segment(_ c: inout Choices) -> String {
        switch c.below(7) {
        case 0: return "capita"
        case 1: return "all"
        case 2, 3: return "\(age(&c))-\(age(&c))"
        case 4: return "\(age(&c))+"
        case 5: return age(&c)
        default: return c.pick(["6-16", "65+", "80+", "0-5", "18-64", "17-16", "0-125", "-1", "+", "6 - 16", "x"])
        }
    }

    private func age(_ c: inout Choices) -> String {
        c.chance(80) ? c.pick(["0", "5", "6", "16", "17", "18", "64", "65", "80", "99", "100", "125", "126"]) : number(&c)
    }

    /// A whole number: a usual one, a boundary, or digits from the bytes (up to 25 of them).
    private func number(_ c: inout Choices) -> String {
        switch c.below(10) {
        case 0..<5: return String(c.below(120))
        case 5..<7:
            return c.pick(["0", "-1", "97", "98", "99", "2147483647", "4294967296", "9223372036854775807",
                           "9223372036854775808", "9223372036854775800", "99999999999999999999",
                           "18446744073709551616", "007", "1e3", "1.5", "-0"])
        case 7: return parameterReference(&c)
        default: return String((0...c.below(25)).map { _ in Character(String(c.below(10))) })
        }
    }

    private func datasetID(_ c: inout Choices) -> String {
        switch c.below(8) {
        case 0..<5: return c.pick(["R", "B"]) + String(2018 + c.below(9))
        case 5: return c.pick(["R", "B", "r", "X"]) + number(&c)
        case 6: return parameterReference(&c)
        default: return c.pick(["R2024", "R20", "R", "2024", "R2024K1", "B2021"])
        }
    }

    private func datasetList(_ c: inout Choices) -> String {
        (0...c.below(3)).map { _ in c.chance(30) ? "\(datasetID(&c))..\(datasetID(&c))" : datasetID(&c) }
            .joined(separator: ", ")
    }

    private func format(_ c: inout Choices) -> String {
        c.pick(["table", "csv", "markdown", "md", "json", "JSON", "xml", "txt"])
    }

    private func path(_ c: inout Choices) -> String {
        let name = c.chance(75) ? c.pick(vocabulary.files) : word(&c) + c.pick([".csv", ".md", ".json", ".txt", ".rdr", ""])
        return c.chance(30) ? "\"\(name)\"" : name
    }

    private func resultName(_ c: inout Choices) -> String {
        c.pick(["_", "s", "a", "b", "overview", "x1", "rank", "Skole"]) + (c.chance(10) ? word(&c) : "")
    }

    private func parameterName(_ c: inout Choices) -> String { c.pick(["year", "kommune", "place", "out", "p"]) }

    private func parameterReference(_ c: inout Choices) -> String { "$" + parameterName(&c) }

    private func value(_ c: inout Choices) -> String {
        switch c.below(5) {
        case 0: return number(&c)
        case 1: return municipality(&c)
        case 2: return string(&c)
        case 3: return datasetID(&c)
        default: return path(&c)
        }
    }

    /// A name as a user might type it: as it is, in ASCII, in another case, misspelt, cut to its
    /// first part, quoted, or as a very long run of letters (did-you-mean on long names).
    private func spelled(_ name: String, _ c: inout Choices) -> String {
        switch c.below(16) {
        case 0..<7: return name
        case 7: return name.replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "oe")
            .replacingOccurrences(of: "å", with: "aa")
        case 8: return c.chance(50) ? name.uppercased() : name.lowercased()
        case 9:
            var letters = Array(name)
            if !letters.isEmpty { letters.remove(at: c.below(letters.count)) }
            return String(letters)
        case 10:
            var letters = Array(name)
            if letters.count > 1 { let i = c.below(letters.count - 1); letters.swapAt(i, i + 1) }
            return String(letters)
        case 11: return String(name.split(separator: "-").first ?? "")
        case 12: return "\"\(name)\""
        case 13: return String(repeating: c.pick(["a", "æ", "Ø", "x"]), count: 1 + c.below(3000))
        case 14: return word(&c)
        default: return string(&c)
        }
    }

    /// A word from the bytes: letters, digits and the characters words may hold.
    private func word(_ c: inout Choices) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzæøåABCKÆØÅ0123456789_-.")
        return "w" + String((0..<c.below(12)).map { _ in alphabet[c.below(alphabet.count)] })
    }

    /// A quoted string with odd contents: escapes, control characters, quotes, other scripts.
    private func string(_ c: inout Choices) -> String {
        let pieces = ["Botilbud", " ", "\\\"", "\\\\", "\u{1B}]0;x\u{07}", "\u{1B}[31m", "\t", ",", "=", "\"\"",
                      "é", "日本", "\u{202E}", "\u{0}", "%s", "\r", "æøå", "=SUM(A1)", "$p", "\n"]
        return "\"" + (0..<c.below(6)).map { _ in c.pick(pieces) }.joined() + "\""
    }

    private func token(_ c: inout Choices) -> String {
        switch c.below(6) {
        case 0, 1: return c.pick(Self.keywords)
        case 2: return number(&c)
        case 3: return pattern(&c)
        case 4: return c.pick(["=", ",", "-", "+", "*", "..", "\"", "$", "#", "\\", "(", ":"])
        default: return word(&c)
        }
    }

    /// The statement cut at a word, or with a stray token put in.
    private func damaged(_ statement: String, _ c: inout Choices) -> String {
        var words = statement.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if c.chance(50), words.count > 1 {
            words.removeLast(1 + c.below(words.count - 1))
        } else {
            words.insert(token(&c), at: c.below(words.count + 1))
        }
        return words.joined(separator: " ")
    }

    static let keywords = [
        "load", "fetch", "import", "forget", "check", "rank", "gap", "let", "show", "as", "export", "to",
        "drop", "define", "area", "areas", "results", "datasets", "municipalities", "kommuner", "functions",
        "set", "format", "run", "param", "help", "quit", "exit", "per", "top", "bottom", "for", "in", "median",
        "except", "prices", "using", "local", "real", "teaching", "capita", "all", "table", "csv", "markdown",
        "json", "tpo", "use", "compare", "trend", "with", "on", "average", "weighted", "mean", "country",
        "regions", "groups", "group", "region", "crosswalk", "cpi", "state", "drill", "by", "function", "sorted",
        "peers", "size", "explain", "report", "title", "save", "chart", "map", "lang", "ascii", "unicode",
    ]
}
