import RdrReport
import Testing
import RdrEngine

@Suite("NameMatcher")
struct NameMatcherTests {
    static let names = [
        "Holbæk", "Holstebro", "Ærø", "Tårnby", "Lyngby-Taarbæk", "København", "Frederiksberg",
        "Ikast-Brande", "Aabenraa", "Fanø",
    ]
    let matcher = NameMatcher(Self.names) { [$0] }

    /// The name found, or nil.
    func found(_ typed: String) -> String? {
        if case .found(let name) = matcher.match(typed) { return name }
        return nil
    }

    /// The suggestions when nothing is found, or nil when something is.
    func suggestions(_ typed: String) -> [String]? {
        if case .notFound(let suggestions) = matcher.match(typed) { return suggestions }
        return nil
    }

    @Test func exactAndCaseInsensitive() {
        #expect(found("Holbæk") == "Holbæk")
        #expect(found("holbæk") == "Holbæk")
        #expect(found("HOLBÆK") == "Holbæk")
        #expect(found("fREDERIKSBERG") == "Frederiksberg")
    }

    @Test(arguments: [
        ("Holbaek", "Holbæk"), ("holbaek", "Holbæk"), ("Aeroe", "Ærø"), ("aerø", "Ærø"), ("AEROE", "Ærø"),
        ("Taarnby", "Tårnby"), ("Koebenhavn", "København"), ("Fanoe", "Fanø"), ("Åbenrå", "Aabenraa"),
        ("Lyngby-Taarbaek", "Lyngby-Taarbæk"), ("lyngby-tårbæk", "Lyngby-Taarbæk"),
    ])
    func asciiFolding(_ typed: String, _ expected: String) {
        #expect(found(typed) == expected)
    }

    /// Text pasted from some sources is in decomposed form (NFD): "å" as "a" + U+030A COMBINING
    /// RING ABOVE. It is the same name and must fold the same.
    @Test func decomposedLettersFoldLikeComposedOnes() {
        // (Of æ ø å only å has a decomposition; æ and ø are letters of their own.)
        let taarnby = "Ta\u{030A}rnby"
        #expect(taarnby == "Tårnby")  // Swift's String equality is canonical
        #expect(taarnby.matchingKey == "taarnby")
        #expect(found(taarnby) == "Tårnby")
        // A name stored decomposed is found by its ASCII spelling.
        let stored = NameMatcher(["Aabenraa", "Ta\u{030A}rnby"]) { [$0] }
        guard case .found = stored.match("Taarnby") else {
            Issue.record("Taarnby must find the decomposed Tårnby")
            return
        }
    }

    @Test func firstPartOfAHyphenatedName() {
        #expect(found("Lyngby") == "Lyngby-Taarbæk")
        #expect(found("lyngby") == "Lyngby-Taarbæk")
        #expect(found("Ikast") == "Ikast-Brande")
    }

    @Test func firstPartMustBeUnique() {
        let matcher = NameMatcher(["Lyngby-Taarbæk", "Lyngby-Nord"]) { [$0] }
        guard case .notFound(let suggestions) = matcher.match("Lyngby") else {
            Issue.record("an ambiguous first part must not be found")
            return
        }
        // Both start with what was typed.
        #expect(Set(suggestions) == ["Lyngby-Taarbæk", "Lyngby-Nord"])
    }

    /// The first-part rule counts distinct items, not names: an item whose name and alias both
    /// start with "Lyngby-" (or an area whose key and title are the same hyphenated word, as
    /// `names: { [$0.key, $0.title] }` gives when no title is written) is found by its first part.
    @Test func firstPartOfAnItemWithTwoHyphenatedNames() {
        let matcher = NameMatcher([Fixture.aaby]) { _ in ["Lyngby-Taarbæk", "Lyngby-Taarbæk Kommune"] }
        if case .found(let m) = matcher.match("Lyngby") {
            #expect(m == Fixture.aaby)
        } else {
            Issue.record("Lyngby must find the only item whose names start with Lyngby-")
        }
        let sameTwice = NameMatcher(["Teknik-miljø"]) { [$0, $0] }
        if case .found = sameTwice.match("Teknik") {} else {
            Issue.record("Teknik must find Teknik-miljø")
        }
    }

    @Test func suggestionsForMisspellings() {
        // holbek → holbaek: one insertion.
        #expect(suggestions("Holbek") == ["Holbæk"])
        // kobenhavn → koebenhavn: one insertion.
        #expect(suggestions("Kobenhavn") == ["København"])
        // Transposition: Holbæk with a and e swapped after folding → one edit.
        #expect(suggestions("Holbeak")?.first == "Holbæk")
        // A prefix of three or more letters suggests every name that starts so.
        #expect(suggestions("Hol") == ["Holbæk", "Holstebro"])
    }

    @Test(arguments: ["xqzvwk", "Zzzzzzzzz", "1234567", "Viborgxyzq"])
    func noSuggestionsForGarbage(_ typed: String) {
        #expect(suggestions(typed) == [])
    }

    @Test func atMostThreeSuggestions() {
        let matcher = NameMatcher(["Ahus", "Bhus", "Chus", "Dhus", "Ehus"]) { [$0] }
        guard case .notFound(let suggestions) = matcher.match("Xhus") else {
            Issue.record("Xhus is no name")
            return
        }
        #expect(suggestions == ["Ahus", "Bhus", "Chus"])
    }

    @Test func aliasesFindTheItemAndSuggestTheFirstName() {
        let municipalities = [Fixture.aaby, Fixture.boegelund]
        let matcher = NameMatcher(municipalities) { m in m.code == 1002 ? [m.name, "Boegelund Kommune"] : [m.name] }
        if case .found(let m) = matcher.match("boegelund kommune") {
            #expect(m == Fixture.boegelund)
        } else {
            Issue.record("the alias must find Bøgelund")
        }
        if case .found(let m) = matcher.match("boegelund") {
            #expect(m == Fixture.boegelund)
        } else {
            Issue.record("the ASCII spelling must find Bøgelund")
        }
        if case .notFound(let suggestions) = matcher.match("Boegelund Komune") {
            #expect(suggestions == ["Bøgelund"])
        } else {
            Issue.record("a misspelt alias is not found")
        }
    }

    @Test func fold() {
        #expect("Ærø".matchingKey == "aeroe")
        #expect("Tårnby".matchingKey == "taarnby")
        #expect("Høje-Taastrup".matchingKey == "hoeje-taastrup")
    }
}

@Suite("EngineError")
struct EngineErrorTests {
    static let codes = (40...45).map { FunctionCode(main: 5, group: 38, function: $0) }

    static let all: [EngineError] = [
        .wildcardNeedsCompleteChart(area: "Ældre", pattern: "5.30.*", dataset: "R2024", hint: "use teaching"),
        .wildcardNeedsCompleteChart(area: "Ældre", pattern: "5.30.*", dataset: "R2024", hint: nil),
        .functionsMissing(area: "Voksen", missing: codes, dataset: "R2024", hint: "use teaching"),
        .functionsMissing(area: "Voksen", missing: [codes[0]], dataset: "R2024", hint: nil),
        .noFunctionsMatch(area: "Sundhed", functions: "4.62.*", dataset: "teaching R2020"),
        .segmentNeedsAges(segment: .ages(lower: 65, upper: nil), dataset: "R2024", hint: "use teaching"),
        .placeOutOfRange(place: 99, ranked: 98),
        .notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05"),
        .nothingRanked(area: "Tomt"),
    ]

    @Test(arguments: all)
    func descriptionIsOneLine(_ error: EngineError) {
        #expect(!error.description.isEmpty)
        #expect(!error.description.contains("\n"))
        #expect(error.description == "\(error)")
    }

    @Test func thrownErrorsAreOneLine() throws {
        let errors: [EngineError?] = [
            engineError { try Fixture.snapshot.rank(Fixture.area("G", ["5.38.*"])) },
            engineError { try Fixture.snapshot.rank(Fixture.area("M", ["5.38.53"])) },
            engineError { try Fixture.snapshot.rank(Fixture.area("A", ["5.38.50"], per: .ages(lower: 6, upper: 16))) },
            engineError { try Fixture.snapshot.rank(Fixture.area("T", ["5.38.52"])) },
            engineError { try Fixture.teaching.rank(Fixture.area("S", ["4.62.*"])) },
            engineError { try Fixture.teaching.rank(Fixture.voksen).gap(for: Fixture.aaby, toPlace: 6) },
            engineError { try Fixture.teaching.rank(Fixture.skole).gap(for: Fixture.egeskov, toPlace: 1) },
        ]
        for error in errors {
            let error = try #require(error)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func wording() {
        #expect(EngineError.placeOutOfRange(place: 99, ranked: 98).description
            == "place 99 does not exist: places run from 1 to 98 (the median is place 50)")
        #expect(EngineError.functionsMissing(area: "Voksen", missing: Self.codes, dataset: "R2024", hint: "use teaching")
            .description == "R2024 has no figures for 5.38.40, 5.38.41, 5.38.42, 5.38.43 and 2 more, which Voksen needs; use teaching")
        #expect(EngineError.notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05").description
            == "Egeskov is not ranked here: no figure for 3.22.05")
        #expect(EngineError.segmentNeedsAges(segment: .ages(lower: 65, upper: nil), dataset: "R2024", hint: nil)
            .description == "per 65+ needs population by age, but R2024 has population totals only; use per capita")
    }
}
