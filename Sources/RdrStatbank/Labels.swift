import RdrEngine

/// The values of the Statbank variables rdr reads, as codes (`valuePresentation=Code`) or as the
/// Danish labels of the default presentation, turned into the codes of `AccountsKey` and
/// `PopulationKey`. Each function takes the text of one field and answers nil when it cannot tell
/// what the text stands for; the reader calls them once per distinct field value and caches the
/// answer, so none of this is on the per-line path.
enum Labels {
    /// An area to skip: a region (81-85, "Region …") or a municipality group (910-960, "…kommuner").
    static let skippedArea = -1

    /// OMRÅDE (or BUDK32's area variable): 0 = the whole country, a municipality code, 411
    /// Christiansø, or `skippedArea`. Labels are looked up in `municipalities` (name → code); the
    /// whole country is "Hele landet" ("All Denmark" in English). A code is one of those, or nil;
    /// with no municipalities given, any code is taken for a municipality's.
    static func area(_ text: String, municipalities: [String: Int], folded: [String: Int]) -> Int? {
        if let n = digits(text, maxCount: 4) { return knownArea(n, municipalities: municipalities) }
        if let code = municipalities[text] { return code }
        let key = fold(text)
        if let code = folded[key] { return code }
        switch key {
        case "hele landet", "all denmark": return 0
        case "christiansø": return 411
        default: break
        }
        if key.hasPrefix("region ") || key.hasPrefix("landsdel ") || key.contains("kommuner") { return skippedArea }
        // "101 København" (code and label): the leading code.
        if let (code, rest) = leadingToken(text), !rest.isEmpty, let n = digits(String(code), maxCount: 4) {
            return knownArea(n, municipalities: municipalities)
        }
        return nil
    }

    /// What `area` expects, for messages.
    static let knownAreas = "the whole country (0), a region (81-85), a municipality group (910-960), "
        + "a municipality or Christiansø (411)"

    private static func knownArea(_ code: Int, municipalities: [String: Int]) -> Int? {
        if isRegionOrGroup(code) { return skippedArea }
        let known = code == 0 || code == 411 || municipalities.isEmpty || municipalities.values.contains(code)
        return known ? code : nil
    }

    static func isRegionOrGroup(_ code: Int) -> Bool {
        (81...85).contains(code) || (910...960).contains(code)
    }

    /// The map `area` looks labels up in when the exact name is not found: case and surrounding
    /// spaces ignored.
    static func folded(_ municipalities: [String: Int]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (name, code) in municipalities { result[fold(name)] = code }
        return result
    }

    /// FUNKTION: "53850", "2201", "5.38.50", or a label "5.38.50 Botilbud til længerevarende ophold".
    static func function(_ text: String) -> FunctionCode? {
        if let code = FunctionCode(text) { return code }
        if let (token, _) = leadingToken(text) { return FunctionCode(utf8: token.utf8) }
        return nil
    }

    /// DRANST: "1" … "7", or a label "1 Driftskonti" / "Driftskonti".
    static func dranst(_ text: String) -> Int? {
        if let n = digits(text, maxCount: 1) { return n }
        if let (token, _) = leadingToken(text), let n = digits(String(token), maxCount: 1) { return n }
        return dranstLabels[fold(text)]
    }

    /// DRANST written as a label only ("1 Driftskonti", "Driftskonti"), not a bare digit: what a
    /// download from the website holds, told apart from an art such as "1 Lønninger".
    static func dranstLabel(_ text: String) -> Int? {
        let key = fold(text)
        if let n = dranstLabels[key] { return n }
        guard let (token, rest) = leadingToken(key), let n = digits(String(token), maxCount: 1),
              dranstLabels[String(rest)] == n else { return nil }
        return n
    }

    private static let dranstLabels: [String: Int] = [
        "driftskonti": 1, "drift": 1, "statsrefusion": 2, "anlægskonti": 3, "anlæg": 3, "renter": 4,
        "finansforskydninger": 5, "afdrag på lån": 6, "afdrag": 6, "finansiering": 7,
    ]

    /// ART: the codes TOT, UE, UI, I, S0 … S9 and two-digit detail codes ("81"); or the labels
    /// "I alt (netto)", "Bruttoudgifter", "Indtægter", "0 Beregnede omkostninger" (→ S0),
    /// "1 Lønninger" (→ S1), "8.1 Finansindtægter" (→ 81).
    static func art(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if ["TOT", "UE", "UI", "I"].contains(text) { return text }
        if bytes.count == 2, bytes[0] == UInt8(ascii: "S"), isDigit(bytes[1]) { return text }
        if bytes.count == 2, isDigit(bytes[0]), isDigit(bytes[1]) { return text }
        let key = fold(text)
        if let code = artLabels[key] { return code }
        if let (token, _) = leadingToken(text) {
            let t = Array(token.utf8)
            if t.count == 1, isDigit(t[0]) { return "S" + String(token) }
            if t.count == 3, isDigit(t[0]), t[1] == UInt8(ascii: "."), isDigit(t[2]) {
                return String(decoding: [t[0], t[2]], as: UTF8.self)
            }
        }
        if text.contains("Beregnede omkostninger") { return "S0" }
        return nil
    }

    private static let artLabels: [String: String] = [
        "i alt (netto)": "TOT", "i alt": "TOT", "netto": "TOT",
        "bruttoudgifter": "UE", "udgifter": "UE",
        "udgifter excl. beregnede omkostninger": "UE", "udgifter ekskl. beregnede omkostninger": "UE",
        "udgifter incl. beregnede omkostninger": "UI", "udgifter inkl. beregnede omkostninger": "UI",
        "indtægter": "I",
    ]

    /// PRISENHED: LOBM, INDL, or "Løbende priser (1.000 kr.)" / "Pr. indbygger, løbende priser (kr.)".
    static func unit(_ text: String) -> String? {
        if text == "LOBM" || text == "INDL" { return text }
        let key = fold(text)
        if key.hasPrefix("pr. indbygger") { return "INDL" }
        if key.contains("1.000 kr") { return "LOBM" }
        return nil
    }

    /// Tid of an accounts table: a year, "2023".
    static func year(_ text: String) -> Int? {
        guard text.utf8.count == 4 else { return nil }
        return digits(text, maxCount: 4)
    }

    /// Tid of FOLK1A: "2024K1" (or "2024Q1" in English) → (2024, 1).
    static func quarter(_ text: String) -> (year: Int, quarter: Int)? {
        let b = Array(text.utf8)
        guard b.count == 6, b[4] == UInt8(ascii: "K") || b[4] == UInt8(ascii: "Q"),
              let year = digits(String(decoding: b[0..<4], as: UTF8.self), maxCount: 4),
              (49...52).contains(b[5]) else { return nil }
        return (year, Int(b[5]) - 48)
    }

    /// KØN: 0 = TOT ("I alt", "Total"), 1 men ("Mænd", "Men"), 2 women ("Kvinder", "Women").
    static func sex(_ text: String) -> Int? {
        switch text {
        case "TOT": return 0
        case "1": return 1
        case "2": return 2
        default: break
        }
        switch fold(text) {
        case "i alt", "mænd og kvinder i alt", "total": return 0
        case "mænd", "men": return 1
        case "kvinder", "women": return 2
        default: return nil
        }
    }

    /// ALDER: `allAges` for IALT ("Alder i alt", "Age, total"), else 0 … 125 ("0", "0 år", "1 year").
    static let allAges = -1

    static func age(_ text: String) -> Int? {
        if text == "IALT" { return allAges }
        if let n = digits(text, maxCount: 3) { return n }
        let key = fold(text)
        if ["alder i alt", "i alt", "age, total", "total"].contains(key) { return allAges }
        if let (token, rest) = leadingToken(key), ["år", "year", "years"].contains(rest),
           let n = digits(String(token), maxCount: 3) { return n }
        return nil
    }

    /// CIVILSTAND: 0 = TOT ("I alt"), 1 U ("Ugift"), 2 G ("Gift/separeret"), 3 E ("Enke/enkemand"),
    /// 4 F ("Fraskilt"); or the English labels ("Never married", "Married/separated", "Widowed",
    /// "Divorced").
    static func maritalStatus(_ text: String) -> Int? {
        switch text {
        case "TOT": return 0
        case "U": return 1
        case "G": return 2
        case "E": return 3
        case "F": return 4
        default: break
        }
        switch fold(text) {
        case "i alt", "total": return 0
        case "ugift", "never married": return 1
        case "gift/separeret", "gift", "married/separated": return 2
        case "enke/enkemand", "widowed": return 3
        case "fraskilt", "divorced": return 4
        default: return nil
        }
    }

    // MARK: - Pieces

    /// Lower case, surrounding spaces removed.
    static func fold(_ text: String) -> String {
        var s = Substring(text)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s.lowercased()
    }

    /// The text before the first space and the text after it (spaces trimmed), when there is a space.
    static func leadingToken(_ text: String) -> (Substring, Substring)? {
        let trimmed = text.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let rest = trimmed[space...].drop { $0 == " " }
        return (trimmed[..<space], rest)
    }

    /// A whole non-negative number of 1 … maxCount ASCII digits.
    static func digits(_ text: String, maxCount: Int) -> Int? {
        var n = 0, count = 0
        for byte in text.utf8 {
            guard isDigit(byte), count < maxCount else { return nil }
            n = n * 10 + Int(byte) - 48
            count += 1
        }
        return count > 0 ? n : nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
