/// KL's step 3, the Idébank: budget proposals that create room, from municipalities' catalogues.
///
/// Sign convention: `amount` is the effect at full implementation in whole kroner per year, and a
/// positive amount is room created (a saving); a catalogue that writes savings as negative figures
/// is read as it stands, so the reader keeps the catalogue's sign and the user sees it.
public struct Idea: Sendable, Equatable {
    public let title: String
    public let description: String
    /// The area as the catalogue writes it.
    public let area: String
    /// The rdr area key the catalogue's area maps to, or nil when it maps to none.
    public let areaKey: String?
    public let kind: String
    public let municipality: String
    public let year: Int?
    public let amount: Int
    public let type: IdeaType?

    public init(title: String, description: String, area: String, areaKey: String?, kind: String,
                municipality: String, year: Int?, amount: Int, type: IdeaType?) {
        self.title = title
        self.description = description
        self.area = area
        self.areaKey = areaKey
        self.kind = kind
        self.municipality = municipality
        self.year = year
        self.amount = amount
        self.type = type
    }

    /// The area the proposal is listed under: its rdr area, or its own area name when none.
    public var listedArea: String { areaKey ?? area }
}

/// KL's three kinds of proposal.
public enum IdeaType: String, Sendable, CaseIterable {
    /// No service reduction and no extra resources.
    case effektivisering
    /// Extra resources first, room later.
    case investering
    /// A service reduction.
    case besparelse

    /// Danish or English, with or without "-forslag"/"proposal": "Effektiviseringsforslag",
    /// "efficiency", "investment", "saving", "cut".
    public init?(word: String) {
        let folded = String(IdeaText.fold(word).filter { $0 != " " })
        let stems: [(String, IdeaType)] = [
            ("effektivisering", .effektivisering), ("effektiviserings", .effektivisering), ("efficiency", .effektivisering), ("efficiencies", .effektivisering),
            ("investering", .investering), ("investerings", .investering), ("investment", .investering), ("invest", .investering),
            ("besparelse", .besparelse), ("besparelses", .besparelse), ("saving", .besparelse), ("cut", .besparelse),
            ("reduction", .besparelse),
        ]
        var stripped = folded
        for suffix in ["forslag", "proposals", "proposal", "s"] where stripped.hasSuffix(suffix) && stripped.count > suffix.count + 2 {
            stripped = String(stripped.dropLast(suffix.count))
            break
        }
        guard let match = stems.first(where: { $0.0 == stripped || $0.0 == folded }) else { return nil }
        self = match.1
    }
}

/// A catalogue of proposals and where it came from.
public struct IdeaCatalogue: Sendable {
    public let ideas: [Idea]
    public let fileName: String
    /// True for the shipped teaching sample: every rendering says INVENTED.
    public let invented: Bool

    public init(ideas: [Idea], fileName: String, invented: Bool) {
        self.ideas = ideas
        self.fileName = fileName
        self.invented = invented
    }

    public func search(_ criteria: IdeaSearch) -> [Idea] {
        ideas.filter(criteria.matches)
    }
}

/// What a search asks for; an empty criterion asks for nothing. Every criterion given must hold.
public struct IdeaSearch: Sendable, Equatable {
    /// Area keys or area names as written (matched folded, by stem).
    public var areas: [String] = []
    public var kinds: [String] = []
    public var municipalities: [String] = []
    public var years: ClosedRange<Int>?
    public var types: [IdeaType] = []
    public var minimumAmount: Int?
    public var maximumAmount: Int?
    /// Every word must match a word of the title, description, area, kind or municipality.
    public var text: String?

    public init() {}

    public func matches(_ idea: Idea) -> Bool {
        if !areas.isEmpty, !areas.contains(where: { wanted in
            IdeaText.sameName(wanted, idea.area) || idea.areaKey.map { IdeaText.sameName(wanted, $0) } == true
        }) { return false }
        if !kinds.isEmpty, !kinds.contains(where: { IdeaText.contains(idea.kind, all: $0) }) { return false }
        if !municipalities.isEmpty, !municipalities.contains(where: { IdeaText.sameName($0, idea.municipality) }) { return false }
        if let years { guard let year = idea.year, years.contains(year) else { return false } }
        if !types.isEmpty { guard let type = idea.type, types.contains(type) else { return false } }
        if let minimumAmount, idea.amount < minimumAmount { return false }
        if let maximumAmount, idea.amount > maximumAmount { return false }
        if let text {
            let haystack = [idea.title, idea.description, idea.area, idea.kind, idea.municipality].joined(separator: " ")
            if !IdeaText.contains(haystack, all: text) { return false }
        }
        return true
    }
}

/// Folding and a small Danish stemmer for matching what users type against what catalogues write.
public enum IdeaText {
    /// Lowercase, æ→ae, ø→oe, å→aa, accents dropped: "Ældreområdet" → "aeldreomraadet".
    public static func fold(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            switch character {
            case "æ", "ä": out += "ae"
            case "ø", "ö": out += "oe"
            case "å": out += "aa"
            case "é", "è", "ê", "ë": out += "e"
            case "ü", "ú": out += "u"
            case "á", "à": out += "a"
            case "ó", "ò": out += "o"
            case "í": out += "i"
            default: out.append(character)
            }
        }
        return out
    }

    /// Danish inflection endings, longest first; a stem keeps at least three letters.
    private static let suffixes = ["ingernes", "ingerne", "ningen", "ingens", "erne", "ernes", "ingen", "ings",
                                   "ene", "ens", "ets", "en", "et", "er", "es", "e", "s"]

    public static func stem(_ folded: String) -> String {
        for suffix in suffixes where folded.hasSuffix(suffix) && folded.count - suffix.count >= 3 {
            return String(folded.dropLast(suffix.count))
        }
        return folded
    }

    static func words(_ text: String) -> [String] {
        fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Whether every word of `query` matches a word of `text`: the query word's stem is a prefix
    /// of the text word ("digitaliseringen" finds "digitalisering", "ældreområdet" "ældreområde").
    public static func contains(_ text: String, all query: String) -> Bool {
        let targets = words(text)
        let wanted = words(query).map(stem)
        return !wanted.isEmpty && wanted.allSatisfy { word in targets.contains { $0.hasPrefix(word) || stem($0) == word } }
    }

    /// The same name, folded and stemmed word by word: "aeldre" = "Ældre", "Ældreområdet" = "ældreområde".
    public static func sameName(_ a: String, _ b: String) -> Bool {
        words(a).map(stem) == words(b).map(stem)
    }
}

/// Step 1 leading to step 3: the areas with positive mulighedsrum, largest first, each with the
/// proposals for it.
public struct IdeaLink: Sendable {
    public struct Row: Sendable {
        public let area: AreaDefinition
        /// In whole kroner, as the overview has it.
        public let mulighedsrum: Int
        public let ideas: [Idea]
        public var summedEffect: Int { ideas.reduce(0) { $0 + $1.amount } }
    }

    public let municipality: Municipality
    public let rows: [Row]
    public let invented: Bool

    /// `top` keeps the first areas only; nil keeps every area with room.
    public init(overview: Overview, catalogue: IdeaCatalogue, top: Int? = nil) {
        var rows: [Row] = []
        for index in overview.orderByMulighedsrum {
            let row = overview.rows[index]
            guard let gap = try? row.outcome.get(), gap.mulighedsrum > 0 else { continue }
            let ideas = catalogue.ideas.filter { $0.areaKey == row.area.key }
            rows.append(Row(area: row.area, mulighedsrum: gap.mulighedsrum, ideas: ideas))
        }
        municipality = overview.municipality
        self.rows = top.map { Array(rows.prefix($0)) } ?? rows
        invented = catalogue.invented
    }
}
