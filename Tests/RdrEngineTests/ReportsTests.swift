import RdrReport
import Testing
import RdrEngine

private let caveat =
    "Mulighedsrum is a starting point for questions, not a saving: it is not corrected for demography or socio-economics."

/// Every row and footer row has a value per column.
private func expectRectangular(_ result: ResultSet, sourceLocation: SourceLocation = #_sourceLocation) {
    for row in result.rows + result.footer {
        #expect(row.count == result.columns.count, sourceLocation: sourceLocation)
    }
}

@Suite("Ranking.resultSet")
struct RankingReportTests {
    let voksen: Ranking
    let skole: Ranking

    init() throws {
        voksen = try Fixture.teaching.rank(Fixture.voksen)
        skole = try Fixture.teaching.rank(Fixture.skole)
    }

    @Test func columns() {
        let result = voksen.resultSet()
        #expect(result.columns.map(\.key) == ["dataset", "area", "per", "place", "municipality", "kr_per_person",
                                               "spending_kr", "persons", "is_median"])
        #expect(result.columns.map(\.title)
            == ["dataset", "area", "per", "place", "kommune", "kr. per inhabitant", "net spending, kr.", "inhabitants", "median"])
        #expect(result.columns.map(\.kind)
            == [.text, .text, .text, .place, .text, .amount(shown: 0, exported: 2), .integer, .integer, .flag])
        // The keys the title states, and the median flag the footer shows, are for programs only.
        #expect(result.columns.map(\.programsOnly) == [true, true, true, false, false, false, false, false, true])
        #expect(skole.resultSet().columns[5].title == "kr. per 6-16-year-old")
        #expect(skole.resultSet().columns[7].title == "6-16-year-olds")
    }

    @Test func spendingColumnSaysWhenItIsDerived() throws {
        #expect(voksen.resultSet().columns[6].title == "net spending, kr.")
        let published = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek], functions: ["5.38.50": "x"],
            spending: ["5.38.50": [1000, 2000]], totals: [10, 10], byAge: nil, basis: .publishedNetPerInhabitant)
        let ranking = try published.rank(Fixture.area("V", ["5.38.50"]))
        #expect(ranking.basis == .publishedNetPerInhabitant)
        #expect(ranking.resultSet().columns[6].title == "≈ net spending, kr.")
        #expect(ranking.provenance.definition.contains("REGK31 INDL"))
    }

    @Test func title() {
        #expect(voksen.resultSet().title == "Voksen: kr. per inhabitant, teaching R2020 (place 1 = lowest)")
    }

    @Test func rowsAndMedianFooter() {
        let result = voksen.resultSet()
        expectRectangular(result)
        #expect(result.rows.count == 5)
        let keys: [ResultSet.Value] = [.text("teaching R2020"), .text("Voksen"), .text("all")]
        let fjordby: [ResultSet.Value] = keys + [.place(1, tied: false), .text("Fjordby"), .amount(712_000.0 / 890),
                                                 .integer(700_000 + 12_000), .integer(890), .flag(false)]
        let boegelund: [ResultSet.Value] = keys + [.place(3, tied: true), .text("Bøgelund"), .amount(10_140_000.0 / 6760),
                                                   .integer(10_140_000), .integer(6760), .flag(true)]
        let damsoe: [ResultSet.Value] = keys + [.place(3, tied: true), .text("Damsø"), .amount(2_550_000.0 / 1700),
                                                .integer(2_550_000), .integer(1700), .flag(false)]
        let egeskov: [ResultSet.Value] = keys + [.place(5, tied: false), .text("Egeskov"), .amount(2000),
                                                 .integer(8_920_000), .integer(4460), .flag(false)]
        #expect(result.rows[0] == fjordby)
        #expect(result.rows[2] == boegelund)
        #expect(result.rows[3] == damsoe)
        #expect(result.rows[4] == egeskov)
        // The median, entries[5 / 2]: Bøgelund, flagged in its row and repeated as the footer.
        let median: [[ResultSet.Value]] = [keys + [.place(3, tied: true), .labelled("Bøgelund", label: "median"), .amount(1500),
                                                   .integer(10_140_000), .integer(6760), .flag(true)]]
        #expect(result.footer == median)
        #expect(result.footerKey == "median")
        #expect(result.notes == ["Tied at place 3: Bøgelund, Damsø (equal kr. per inhabitant)."])
    }

    @Test func provenanceTravels() {
        let result = voksen.resultSet()
        #expect(result.provenance == voksen.provenance)
        #expect(result.provenance?.invented == true)
        let definition = result.provenance?.definition ?? ""
        #expect(definition.contains("5.38.50, 5.38.51"))
        #expect(definition.contains("per inhabitant"))
        #expect(result.captionLines.count == 3)
        #expect(result.captionLines.first == "INVENTED FIGURES (teaching data): not any real municipality's accounts.")
        #expect(result.captionLines.contains("Definition: \(definition)"))

        let skoleDefinition = skole.resultSet().provenance?.definition ?? ""
        #expect(skoleDefinition.contains("3.22.* except 3.22.17"))
        #expect(skoleDefinition.contains("per 6-16-year-old"))
        #expect(skoleDefinition.contains("2020"))
    }

    @Test func exclusionsAreNoted() {
        let result = skole.resultSet()
        expectRectangular(result)
        #expect(result.rows.map { $0[4] } == [.text("Bøgelund"), .text("Aaby"), .text("Damsø")])
        #expect(result.notes == [
            "Not ranked, 2 of 5: Egeskov (no figure for 3.22.05); Fjordby (no 6-16-year-olds on 1 January 2020).",
        ])
        // Median of 3: entries[1], Aaby at 60,000.
        #expect(result.footer == [[.text("teaching R2020"), .text("Skole"), .text("6-16"), .place(2, tied: false),
                                   .labelled("Aaby", label: "median"), .amount(60_000), .integer(13_200_000), .integer(220), .flag(true)]])
    }

    @Test func top() {
        let result = voksen.resultSet(showing: .top(2))
        expectRectangular(result)
        #expect(result.rows.map { $0[4] } == [.text("Fjordby"), .text("Aaby")])
        // The tie at place 3 (Bøgelund, Damsø) is not among the rows shown, so it is not noted.
        #expect(result.notes == ["Showing 2 of 5 ranked municipalities."])
        // With the tied rows shown, it is.
        #expect(voksen.resultSet(showing: .top(4)).notes == [
            "Showing 4 of 5 ranked municipalities.",
            "Tied at place 3: Bøgelund, Damsø (equal kr. per inhabitant).",
        ])
        // The footer still shows the median of all five, and places stay out of five.
        #expect(result.footer.first?[4] == .labelled("Bøgelund", label: "median"))
        #expect(result.rows.map { $0[3] } == [.place(1, tied: false), .place(2, tied: false)])
    }

    @Test func topMoreThanRankedShowsAllWithoutNote() {
        let result = voksen.resultSet(showing: .top(10))
        #expect(result.rows.count == 5)
        #expect(!result.notes.contains { $0.hasPrefix("Showing") })
    }

    @Test func bottom() {
        let result = voksen.resultSet(showing: .bottom(1))
        #expect(result.rows == [[.text("teaching R2020"), .text("Voksen"), .text("all"), .place(5, tied: false),
                                 .text("Egeskov"), .amount(2000), .integer(8_920_000), .integer(4460), .flag(false)]])
        #expect(result.notes.first == "Showing 1 of 5 ranked municipalities.")
    }

    @Test func only() {
        // Chosen out of order: the rows keep the ranking's order.
        let result = voksen.resultSet(showing: .only([Fixture.egeskov, Fixture.aaby]))
        expectRectangular(result)
        #expect(result.rows.map { $0[4] } == [.text("Aaby"), .text("Egeskov")])
        #expect(result.rows.map { $0[3] } == [.place(2, tied: false), .place(5, tied: false)])
        #expect(result.notes.first == "Showing 2 of 5 ranked municipalities.")
    }

    @Test func onlyAnUnrankedMunicipality() {
        let result = skole.resultSet(showing: .only([Fixture.aaby, Fixture.fjordby, Fixture.stranger]))
        expectRectangular(result)
        #expect(result.rows.map { $0[4] } == [.text("Aaby")])
        #expect(result.notes == [
            "Showing 1 of 3 ranked municipalities.",
            "Fjordby is not ranked: no 6-16-year-olds on 1 January 2020.",
            "Udlandsby is not ranked: not in this dataset.",
            "Not ranked, 2 of 5: Egeskov (no figure for 3.22.05); Fjordby (no 6-16-year-olds on 1 January 2020).",
        ])
    }

    @Test func tiesNotedOncePerGroup() throws {
        let ranking = try Fixture.fourWithTie.rank(Fixture.area("V", ["5.38.50"]))
        let result = ranking.resultSet()
        #expect(result.rows.map { $0[3] }
            == [.place(1, tied: false), .place(2, tied: true), .place(2, tied: true), .place(4, tied: false)])
        #expect(result.notes == ["Tied at place 2: Bæk, Dal (equal kr. per inhabitant)."])
        #expect(result.footer.first?[4] == .labelled("Dal", label: "median"))
    }
}

@Suite("Gap.resultSet")
struct GapReportTests {
    /// The steps' texts and values, without the keys every row repeats.
    static func steps(_ result: ResultSet) -> [[ResultSet.Value]] {
        result.rows.map { Array($0.suffix(3)) }
    }

    @Test func arithmeticRowsAReaderCanCheckByHand() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let result = try ranking.gap(for: Fixture.egeskov, toPlace: 2).resultSet(ranking: ranking)
        expectRectangular(result)
        #expect(result.title == "Mulighedsrum: Egeskov to place 2 in Voksen, teaching R2020")
        #expect(result.columns.map(\.key)
            == ["dataset", "municipality", "area", "per", "benchmark_place", "step", "item", "value"])
        #expect(result.rows.allSatisfy { Array($0.prefix(5)) == [.text("teaching R2020"), .text("Egeskov"), .text("Voksen"),
                                                                  .text("all"), .integer(2)] })
        let steps: [[ResultSet.Value]] = [
            [.integer(1), .text("Egeskov, place 5 of 5: net spending, kr."), .integer(8_920_000)],
            [.integer(2), .text("Egeskov: inhabitants on 1 January 2020"), .integer(4460)],
            [.integer(3), .text("Egeskov: kr. per inhabitant = 1 ÷ 2"), .amount(8_920_000.0 / 4460)],
            [.integer(4), .text("place 2, Aaby: net spending, kr."), .integer(3_380_000)],
            [.integer(5), .text("Aaby: inhabitants on 1 January 2020"), .integer(3380)],
            [.integer(6), .text("Aaby: kr. per inhabitant = 4 ÷ 5"), .amount(3_380_000.0 / 3380)],
            [.integer(7), .text("Egeskov at the level of place 2, kr. = 4 × 2 ÷ 5"), .integer(3_380_000 * 4460 / 3380)],
            [.integer(8), .text("mulighedsrum, kr. = 1 − 7"), .integer(8_920_000 - 4_460_000)],
        ]
        #expect(Self.steps(result) == steps)
        #expect(result.footer.isEmpty, "the mulighedsrum is the answer: a row, in CSV too")
        #expect(result.notes.count == 2)
        #expect(result.notes.last == caveat)
        #expect(result.provenance == ranking.provenance)
        // No cell starts with "=", which a spreadsheet would read as a formula.
        for row in result.rows {
            if case .text(let text) = row[6] { #expect(!text.hasPrefix("=")) }
        }
    }

    @Test func theStepsAddUpExactly() throws {
        // Damsø per inhabitant against Bøgelund at place 2: 24,200,000 × 1700 ÷ 6760 = 6,085,798.8…
        let ranking = try Fixture.teaching.rank(Fixture.skole, per: .all)
        let result = try ranking.gap(for: Fixture.damsoe, toPlace: 2).resultSet(ranking: ranking)
        let values = Self.steps(result).map { $0[2] }
        guard case .integer(let spending) = values[0], case .integer(let persons) = values[1],
              case .integer(let otherSpending) = values[3], case .integer(let otherPersons) = values[4],
              case .integer(let level) = values[6], case .integer(let mulighedsrum) = values[7]
        else { Issue.record("steps 1, 2, 4, 5, 7 and 8 are whole numbers: \(values)"); return }
        #expect(level == 6_085_799)
        #expect(abs(Double(level) - Double(otherSpending) * Double(persons) / Double(otherPersons)) <= 0.5)
        #expect(mulighedsrum == spending - level)
        #expect(result.notes.first?.contains("rounded once, to whole kroner") == true)
    }

    @Test func benchmarkTiedAtALowerPlaceSaysSo() throws {
        // Bøgelund and Damsø share place 3; the municipality at position 4 is Damsø, tied at 3.
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let result = try ranking.gap(for: Fixture.egeskov, toPlace: 4).resultSet(ranking: ranking)
        #expect(Self.steps(result)[3][1] == .text("place 4 (tied at 3), Damsø: net spending, kr."))
    }

    @Test func ageSegmentWording() throws {
        let ranking = try Fixture.teaching.rank(Fixture.aeldre)
        let result = try ranking.gap(for: Fixture.egeskov, toPlace: 2).resultSet(ranking: ranking)
        #expect(Self.steps(result)[1] == [.integer(2), .text("Egeskov: 65+-year-olds on 1 January 2020"), .integer(35 * 30 + 20)])
        #expect(Self.steps(result)[2][2] == .amount(60_000))
        #expect(Self.steps(result)[7][2] == .integer((60_000 - 40_000) * 1070))
    }

    @Test func zeroGapSaysSo() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let result = try ranking.gap(for: Fixture.aaby, toPlace: 3).resultSet(ranking: ranking)
        expectRectangular(result)
        #expect(Self.steps(result)[7] == [.integer(8), .text("mulighedsrum, kr. = 0 (1 is not above 7)"), .integer(0)])
        #expect(result.notes.first == "Aaby already spends at or below place 3: the mulighedsrum is 0.")
        #expect(result.notes.last == caveat)
    }
}

@Suite("Overview.resultSet")
struct OverviewReportTests {
    static let keys: [ResultSet.Value] = [.text("teaching R2020"), .text("Egeskov")]

    @Test func oneFailingAreaOfTwo() throws {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, to: .place(2),
                                                 areas: [Fixture.voksen, Fixture.skole])
        let result = overview.resultSet(dataset: Fixture.teaching)
        expectRectangular(result)
        #expect(result.title == "Overview: Egeskov, mulighedsrum to place 2, teaching R2020")
        #expect(result.columns.map(\.key)
            == ["dataset", "municipality", "area", "per", "benchmark_place", "benchmark_municipality", "place", "ranked",
                "kr_per_person", "benchmark_kr_per_person", "mulighedsrum_kr", "reason"])
        #expect(result.columns.last?.programsOnly == true, "a table's notes already give the reason")
        #expect(result.columns[9].title == "at place 2")
        let error = EngineError.notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05")
        #expect(result.rows == [
            Self.keys + [.text("Voksen"), .text("all"), .integer(2), .text("Aaby"), .place(5, tied: false), .integer(5),
                         .amount(2000), .amount(1000), .integer((2000 - 1000) * 4460), .empty],
            Self.keys + [.text("Skole"), .text("6-16"), .integer(2)]
                + [ResultSet.Value](repeating: .unavailable(error.description), count: 6) + [.text(error.description)],
        ])
        #expect(result.footer == [Self.keys + [.text("total of 1 of 2 areas")] + [ResultSet.Value](repeating: .empty, count: 7)
                                  + [.integer((2000 - 1000) * 4460), .empty]])
        #expect(result.footerKey == "total")
        #expect(result.notes == ["Skole: Egeskov is not ranked here: no figure for 3.22.05.", caveat])
    }

    @Test func allComputedSaysTotal() {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, to: .place(2),
                                                 areas: [Fixture.voksen, Fixture.aeldre])
        let result = overview.resultSet(dataset: Fixture.teaching)
        expectRectangular(result)
        // 4,460,000 + (60,000 − 40,000) × 1070 = 4,460,000 + 21,400,000.
        let total = (2000 - 1000) * 4460 + (60_000 - 40_000) * 1070
        #expect(result.footer == [Self.keys + [.text("total")] + [ResultSet.Value](repeating: .empty, count: 7) + [.integer(total), .empty]])
        #expect(result.rows[1][3] == .text("65+"))
        #expect(result.rows[1][6] == .place(5, tied: false))
        #expect(result.notes == [caveat])
    }

    @Test func toTheMedianUsesEachAreasOwn() {
        // Voksen ranks 5 (median place 3), Skole 3 (median place 2: Egeskov and Fjordby are left out).
        let overview = Fixture.teaching.overview(for: Fixture.damsoe, to: .median, areas: [Fixture.voksen, Fixture.skole])
        let result = overview.resultSet(dataset: Fixture.teaching)
        #expect(result.title == "Overview: Damsø, mulighedsrum to the median, teaching R2020")
        #expect(result.columns[9].title == "at the median")
        #expect(result.rows.map { $0[4] } == [.integer(3), .integer(2)])
        #expect(result.notes.first?.contains("each area's own") == true)
    }

    @Test func tiedPlaceIsMarked() {
        let overview = Fixture.teaching.overview(for: Fixture.damsoe, to: .place(1), areas: [Fixture.voksen])
        let result = overview.resultSet(dataset: Fixture.teaching)
        // Damsø shares place 3; (1500 − 800) × 1700.
        #expect(result.rows == [[.text("teaching R2020"), .text("Damsø"), .text("Voksen"), .text("all"), .integer(1),
                                 .text("Fjordby"), .place(3, tied: true), .integer(5),
                                 .amount(1500), .amount(800), .integer((1500 - 800) * 1700), .empty]])
    }

    @Test func provenanceDefinition() {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, to: .place(2), areas: [Fixture.voksen])
        let provenance = overview.resultSet(dataset: Fixture.teaching).provenance
        #expect(provenance?.invented == true)
        #expect(provenance?.dataset == "teaching R2020")
        #expect(provenance?.definition == "each area's functions as `areas` lists them; "
            + "net operating expenditure (dranst 1, art ≠ 0); per the area's segment on 1 January 2020")
    }

    @Test func everyAreaFailing() {
        let overview = Fixture.snapshot.overview(
            for: Fixture.aaby, to: .place(1),
            areas: [Fixture.area("Gruppe", ["5.38.*"]), Fixture.area("Tomt", ["5.38.52"])])
        let result = overview.resultSet(dataset: Fixture.snapshot)
        expectRectangular(result)
        #expect(result.rows.count == 2)
        #expect(result.footer.first?[10] == .integer(0))
        #expect(result.rows.allSatisfy { $0.last.map { if case .text(let reason) = $0 { !reason.isEmpty } else { false } } ?? false },
                "each row says why it has no figures")
        #expect(result.footer.first?[2] == .text("total of 0 of 2 areas"))
        #expect(result.notes.count == 3)
        #expect(result.notes[1] == "Tomt: no municipality can be ranked on Tomt: every one lacks a figure or a population.")
    }
}
