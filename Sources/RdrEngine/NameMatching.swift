/// Forgiving lookup of names typed by people: case-insensitive, ASCII spellings of æ ø å
/// (Holbaek, Aeroe, Taarnby), and suggestions for misspellings.
public struct NameMatcher<Item>: Sendable where Item: Sendable {
    public enum Match: Sendable {
        case found(Item)
        /// No match; the closest names, best first (possibly none).
        case notFound(suggestions: [String])
    }

    /// Every name of every item, folded; `position` tells which item it names.
    private let entries: [(key: String, name: String, item: Item, position: Int)]

    /// `names` gives each item's names: the first is shown in suggestions; others are aliases.
    public init(_ items: [Item], names: (Item) -> [String]) {
        entries = items.enumerated().flatMap { position, item in
            let all = names(item)
            return all.map { ($0.matchingKey, all[0], item, position) }
        }
    }

    public func match(_ typed: String) -> Match {
        let key = typed.matchingKey
        if let exact = entries.first(where: { $0.key == key }) { return .found(exact.item) }
        // "Lyngby" for Lyngby-Taarbæk, when only one name starts that way.
        let byFirstPart = entries.filter { $0.key.split(separator: "-").first.map(String.init) == key }
        if let first = byFirstPart.first, byFirstPart.allSatisfy({ $0.position == first.position }) {
            return .found(first.item)
        }
        return .notFound(suggestions: suggestions(for: key))
    }

    /// Names within a small edit distance, or that start with what was typed.
    private func suggestions(for key: String) -> [String] {
        let length = key.count
        let limit = max(2, length / 3)
        let scored = entries.compactMap { entry -> (Int, String)? in
            if length >= 3, entry.key.hasPrefix(key) { return (0, entry.name) }
            // The distance is at least the difference in length: no need to work it out.
            guard abs(length - entry.key.count) <= limit else { return nil }
            let distance = Self.editDistance(key, entry.key)
            return distance <= limit ? (distance, entry.name) : nil
        }
        var seen = Set<String>()
        return scored.sorted { $0 < $1 }.map(\.1).filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }


    /// Optimal string alignment distance: insertions, deletions, substitutions, transpositions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

extension NameMatcher where Item == String {
    /// The closest of `names` to what was typed, for a "did you mean …?", or nil.
    public static func closest(to typed: String, in names: [String]) -> String? {
        if case .notFound(let suggestions) = NameMatcher(names, names: { [$0] }).match(typed) {
            return suggestions.first
        }
        return nil
    }
}

extension String {
    /// Lower case with æ ø å (and a few other letters) spelled in ASCII, so that "Holbæk" and
    /// "holbaek" meet.
    /// Compares whole characters, so a decomposed å (a + combining ring) folds like a composed one.
    public var matchingKey: String {
        let lower = lowercased()
        guard !lower.utf8.allSatisfy({ $0 < 128 }) else { return lower }
        var result = ""
        for character in lower {
            switch character {
            case "æ", "ä": result += "ae"
            case "ø", "ö": result += "oe"
            case "å": result += "aa"
            case "é", "è": result += "e"
            case "ü": result += "u"
            default: result.append(character)
            }
        }
        return result
    }
}
