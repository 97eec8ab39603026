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

    /// Names within a small edit distance, or that start with what was typed. Nothing is
    /// suggested for what is longer than any name could be: no search costs more than a name's
    /// length times the allowed distance.
    private func suggestions(for key: String) -> [String] {
        guard key.count <= Self.longestName else { return [] }
        let typed = Array(key)
        let limit = max(2, typed.count / 3)
        let scored = entries.compactMap { entry -> (Int, String)? in
            if typed.count >= 3, entry.key.hasPrefix(key) { return (0, entry.name) }
            // The distance is at least the difference in length: no need to work it out.
            guard abs(typed.count - entry.key.count) <= limit,
                  let distance = Self.editDistance(typed, Array(entry.key), atMost: limit) else { return nil }
            return (distance, entry.name)
        }
        var seen = Set<String>()
        return scored.sorted { $0 < $1 }.map(\.1).filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }

    /// Longer than any municipality, area or command (the longest area title is some 50).
    static var longestName: Int { 100 }

    /// Optimal string alignment distance (insertions, deletions, substitutions, transpositions)
    /// when it is at most `limit`, else nil. Only the band of cells within `limit` of the
    /// diagonal is worked out, three rows at a time, and it stops once a row exceeds the limit.
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        let outside = limit + 1
        var before = [Int](repeating: outside, count: b.count + 1)  // row i - 2
        var previous = (0...b.count).map { $0 <= limit ? $0 : outside }  // row i - 1
        var row = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            row = [Int](repeating: outside, count: b.count + 1)
            if i <= limit { row[0] = i }
            var smallest = row[0]
            for j in max(1, i - limit)...min(b.count, i + limit) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var cell = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cell = min(cell, before[j - 2] + 1)
                }
                row[j] = min(cell, outside)
                smallest = min(smallest, row[j])
            }
            if smallest > limit { return nil }
            before = previous
            previous = row
        }
        return row[b.count] <= limit ? row[b.count] : nil
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
