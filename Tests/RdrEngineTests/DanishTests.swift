import RdrEngine
@testable import RdrReport
import Testing

/// Results worded in Danish on the invented engine fixture: KL's headings and titles, the caption,
/// the caveat, and the same machine keys and values as in English.
@Suite("Danish results")
struct DanishTests {
    let skole: Ranking

    init() throws {
        skole = try Fixture.teaching.rank(Fixture.skole)
    }

    /// The headings people see (not the keys the title already states).
    private func headings(_ result: ResultSet) -> [String] {
        result.columns.filter { !$0.programsOnly }.map(\.title)
    }

    /// Both languages have the same keys and the same numbers: only words differ.
    private func expectSameMachineShape(_ english: ResultSet, _ danish: ResultSet,
                                        sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(english.columns.map(\.key) == danish.columns.map(\.key), sourceLocation: sourceLocation)
        #expect(english.columns.map(\.kind) == danish.columns.map(\.kind), sourceLocation: sourceLocation)
        #expect(english.footerKey == danish.footerKey, sourceLocation: sourceLocation)
        #expect(english.rows.count == danish.rows.count, sourceLocation: sourceLocation)
        #expect(english.language == .en && danish.language == .da, sourceLocation: sourceLocation)
        #expect(english.title != danish.title, sourceLocation: sourceLocation)
    }

    @Test func aRankingHasKLsHeadingsAndTitle() {
        let danish = skole.resultSet(showing: .top(2), in: .da)
        #expect(danish.title == "Skole: udgifter pr. 6-16-årig, teaching R2020 (plads 1 = lavest)")
        #expect(headings(danish) == ["Plads", "Kommune", "Kr. pr. 6-16-årig", "Forbrug, kr.", "6-16-årige"])
        #expect(danish.notes.first == "Viser 2 af 3 rangerede kommuner.")
        #expect(danish.footer[0].contains { if case .labelled(_, "Mediankommune") = $0 { true } else { false } })
        let english = skole.resultSet(showing: .top(2))
        expectSameMachineShape(english, danish)
        // The numbers are the same values: renderers format them, Danish style, in both.
        #expect(english.rows == danish.rows)
    }

    @Test func theCaptionIsDanishAndMarksInventedFigures() {
        let caption = skole.resultSet(in: .da).captionLines
        #expect(caption[0] == "OPDIGTEDE TAL (undervisningsdata): ikke nogen virkelig kommunes regnskab.")
        #expect(caption[1].hasPrefix("Definition: Skole = 3.22.* undtagen 3.22.17 = "))
        #expect(caption[1].hasSuffix("; nettodriftsudgifter (dranst 1, art ≠ 0); pr. 6-16-årig pr. 1. januar 2020"))
        #expect(caption[2].hasPrefix("Kilde: "))
        #expect(!caption.joined().contains("INVENTED"))
        #expect(skole.resultSet().captionLines == skole.provenance.captionLines)  // English as before
    }

    @Test func aGapSaysItsStepsInDanish() throws {
        let gap = try skole.gap(for: Fixture.aaby, toPlace: 2)
        let danish = gap.resultSet(ranking: skole, in: .da)
        #expect(danish.title.hasPrefix("Mulighedsrum: Aaby til plads 2 i Skole, teaching R2020"))
        #expect(headings(danish) == ["Trin", "", "Værdi"])
        let item = try #require(danish.columns.firstIndex { $0.key == "item" })
        let items = danish.rows.map { row -> String in if case .text(let text) = row[item] { text } else { "" } }
        #expect(items[1] == "Aaby: 6-16-årige pr. 1. januar 2020")
        #expect(items[2] == "Aaby: kr. pr. 6-16-årig = 1 ÷ 2")
        #expect(items[6].hasSuffix("på niveau med plads 2, kr. = 4 × 2 ÷ 5"))
        #expect(danish.notes.last == Language.da.caveat)
        #expect(Language.da.caveat.hasPrefix("Mulighedsrummet er et udgangspunkt for spørgsmål, ikke en besparelse"))
        let english = gap.resultSet(ranking: skole)
        expectSameMachineShape(english, danish)
        let value = try #require(danish.columns.firstIndex { $0.key == "value" })
        #expect(english.rows.map { $0[value] } == danish.rows.map { $0[value] })
    }

    @Test func anOverviewIsSamletOverblik() {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, to: .place(2),
                                                  areas: [Fixture.voksen, Fixture.skole, Fixture.aeldre])
        let danish = overview.resultSet(dataset: Fixture.teaching, in: .da)
        #expect(danish.title == "Samlet overblik: Egeskov, mulighedsrum til plads 2, teaching R2020")
        #expect(headings(danish) == ["Område", "Pr.", "Plads", "af", "Kr. pr. person", "ved plads 2", "Mulighedsrum, kr."])
        #expect(danish.footer[0].contains(.text("i alt for 2 af 3 områder")))  // Egeskov is not ranked in Skole
        #expect(danish.provenance?.definition.hasPrefix("hvert områdes funktioner") == true)
        let english = overview.resultSet(dataset: Fixture.teaching)
        expectSameMachineShape(english, danish)
        #expect(english.footer[0].last(where: { if case .integer = $0 { true } else { false } })
            == danish.footer[0].last(where: { if case .integer = $0 { true } else { false } }))
    }

    @Test func aGapToSeveralPlacesNamesThemInDanish() {
        let all = OverviewSensitivity(Fixture.teaching, for: Fixture.egeskov, to: [.place(1), .median],
                                      areas: [Fixture.voksen, Fixture.skole])
        let danish = all.resultSet(dataset: Fixture.teaching, in: .da)
        #expect(danish.title == "Samlet overblik: Egeskov, mulighedsrum til plads 1, medianen, teaching R2020")
        #expect(headings(danish).suffix(2) == ["til plads 1, kr.", "til medianen, kr."])
        expectSameMachineShape(all.resultSet(dataset: Fixture.teaching), danish)
    }

    @Test func aComparisonHasKommuneNiveauIndeksAndHeleLandet() throws {
        let comparison = try skole.comparison(of: Fixture.egeskov, with: [Fixture.aaby], average: .weighted,
                                              in: Fixture.teaching)
        let danish = comparison.resultSet(in: .da)
        #expect(danish.title == "Skole: Egeskov sammenlignet med Aaby og gennemsnittene, kr. pr. 6-16-årig, teaching R2020")
        #expect(headings(danish) == ["Kommune / niveau", "Rolle", "Kr. pr. 6-16-årig", "Indeks", "Plads", "af",
                                     "Forbrug, kr.", "6-16-årige"])
        let name = try #require(danish.columns.firstIndex { $0.key == "name" })
        #expect(danish.rows.contains { $0[name] == .text("Hele landet") })
        #expect(danish.notes.contains("Indeks: kr. pr. person i forhold til Hele landets, × 100 (hele landet = 100)."))
        expectSameMachineShape(comparison.resultSet(), danish)
    }

    @Test func everyAreaComparedIsDanishToo() {
        let rows = Fixture.teaching.comparisons(of: Fixture.egeskov, with: [Fixture.aaby], average: .weighted,
                                                areas: [Fixture.voksen, Fixture.skole])
        let all = AreaComparisons(municipality: Fixture.egeskov, peers: [Fixture.aaby], average: .weighted, rows: rows)
        let danish = all.resultSet(dataset: Fixture.teaching, in: .da)
        #expect(danish.title == "Egeskov sammenlignet med Aaby og gennemsnittene: kr. pr. person i hvert områdes segment, "
                    + "teaching R2020")
        #expect(headings(danish).prefix(6) == ["Område", "Pr.", "Egeskov", "Indeks", "Plads", "af"])
        expectSameMachineShape(all.resultSet(dataset: Fixture.teaching), danish)
    }

    @Test func aTrendHasYearsChangesAndLøbendePriser() throws {
        let trend = try Trend.compute(TrendFixture.botilbud, per: nil, over: [TrendFixture.fixed2023, TrendFixture.fixed2024],
                                      for: TrendFixture.three, prices: nil, crosswalk: nil)
        let danish = trend.resultSet(in: .da)
        #expect(danish.title == "Botilbud: udgifter pr. indbygger, teaching R2023–R2024, løbende priser")
        #expect(headings(danish) == ["År", "Kommune", "Kr. pr. indbygger", "Ændring, kr.", "Ændring, %", "Plads", "af",
                                     "Forbrug, kr.", "Indbyggere", "Brud"])
        #expect(danish.notes.last?.hasPrefix("Ændring: kr. pr. indbygger i forhold til året før") == true)
        let english = trend.resultSet()
        expectSameMachineShape(english, danish)
        #expect(english.rows == danish.rows)
    }

    @Test func aDrillAndPeersAreDanish() throws {
        let drill = try skole.drill(Fixture.aaby, to: .place(.median), in: Fixture.teaching)
        let danish = drill.resultSet(dataset: Fixture.teaching, in: .da)
        #expect(danish.title.hasPrefix("Skole pr. funktion: Aaby over for medianen ("))
        #expect(headings(danish) == ["Funktion", "", "Aaby", "Median", "Forskel", "× personer, kr.", "Andel, %"])
        // The key of what it is measured against stays the English word.
        let against = try #require(danish.columns.firstIndex { $0.key == "benchmark" })
        #expect(danish.rows[0][against] == drill.resultSet(dataset: Fixture.teaching).rows[0][against])
        expectSameMachineShape(drill.resultSet(dataset: Fixture.teaching), danish)
    }

    @Test func danishPossessives() {
        #expect(Language.da.possessive("Korsbæk") == "Korsbæks")
        #expect(Language.da.possessive("Vesthimmerlands") == "Vesthimmerlands'")
        #expect(Language.en.possessive("Korsbæk") == "Korsbæk's")
    }

    @Test func languagesByName() {
        #expect(Language(name: "da") == .da)
        #expect(Language(name: "EN") == .en)
        #expect(Language(name: "dk") == nil)
    }
}
