@testable import RdrEngine
import Testing

/// Did-you-mean costs at most a name's length times the allowed distance, whatever is typed.
@Suite struct BoundedMatchingTests {
    @Test func aHugeNameIsMatchedAtOnce() {
        // A 12,000-character name took 4.5 s and 1.1 GB with a full distance table.
        let names = (0..<200).map { String(repeating: "kommune\($0)", count: 1_000) }
        let matcher = NameMatcher(names) { [$0] }
        let clock = ContinuousClock()
        let started = clock.now
        guard case .notFound(let suggestions) = matcher.match(String(repeating: "kommune1x", count: 1_333)) else {
            Issue.record("a name that is not there was found")
            return
        }
        #expect(suggestions.isEmpty)
        #expect(clock.now - started < .seconds(1))
    }

    /// The distance worked out in full, to compare the banded one with.
    private func fullDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    @Test func theBandedDistanceIsTheDistanceWithinTheLimit() {
        var generator = SystemRandomNumberGenerator()
        let letters: [Character] = ["a", "b", "c", "æ"]
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let limit = Int.random(in: 1...4, using: &generator)
            let full = fullDistance(a, b)
            #expect(NameMatcher<String>.editDistance(a, b, atMost: limit) == (full <= limit ? full : nil),
                    "\(String(a)) \(String(b)) limit \(limit)")
        }
    }
}
