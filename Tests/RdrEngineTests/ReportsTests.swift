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
        #expect(result.columns.map(\.key) == ["place", "municipality", "kr_per_person", "spending_kr", "persons"])
        #expect(result.columns.map(\.title)
            == ["place", "kommune", "kr. per inhabitant", "net spending, kr.", "inhabitants"])
        #expect(result.columns.map(\.kind)
            == [.place, .text, .amount(shown: 0, exported: 2), .amount(shown: 0, exported: 0), .integer])
        #expect(skole.resultSet().columns[2].title == "kr. per 6-16-year-old")
        #expect(skole.resultSet().columns[4].title == "6-16-year-olds")
    }

    @Test func spendingColumnSaysWhenItIsDerived() throws {
        #expect(voksen.resultSet().columns[3].title == "net spending, kr.")
        let published = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek], functions: ["5.38.50": "x"],
            spending: ["5.38.50": [1000, 2000]], totals: [10, 10], byAge: nil, basis: .publishedNetPerInhabitant)
        let ranking = try published.rank(Fixture.area("V", ["5.38.50"]))
        #expect(ranking.basis == .publishedNetPerInhabitant)
        #expect(ranking.resultSet().columns[3].title == "≈ net spending, kr.")
        #expect(ranking.provenance.definition.contains("REGK31 INDL"))
    }

    @Test func title() {
        #expect(voksen.resultSet().title == "Voksen: kr. per inhabitant, teaching R2020 (place 1 = lowest)")
    }

    @Test func rowsAndMedianFooter() {
        let result = voksen.resultSet()
        expectRectangular(result)
        #expect(result.rows.count == 5)
        let fjordby: [ResultSet.Value] = [.place(1, tied: false), .text("Fjordby"), .amount(712_000.0 / 890),
                                          .amount(700_000.0 + 12_000), .integer(890)]
        let boegelund: [ResultSet.Value] = [.place(3, tied: true), .text("Bøgelund"), .amount(10_140_000.0 / 6760),
                                            .amount(10_140_000), .integer(6760)]
        let damsoe: [ResultSet.Value] = [.place(3, tied: true), .text("Damsø"), .amount(2_550_000.0 / 1700),
                                         .amount(2_550_000), .integer(1700)]
        let egeskov: [ResultSet.Value] = [.place(5, tied: false), .text("Egeskov"), .amount(2000),
                                          .amount(8_920_000), .integer(4460)]
        #expect(result.rows[0] == fjordby)
        #expect(result.rows[2] == boegelund)
        #expect(result.rows[3] == damsoe)
        #expect(result.rows[4] == egeskov)
        // The median, entries[5 / 2]: Bøgelund.
        let median: [[ResultSet.Value]] = [[.place(3, tied: true), .text("median: Bøgelund"), .amount(1500),
                                            .amount(10_140_000), .integer(6760)]]
        #expect(result.footer == median)
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
        #expect(result.rows.map { $0[1] } == [.text("Bøgelund"), .text("Aaby"), .text("Damsø")])
        #expect(result.notes == [
            "Not ranked, 2 of 5: Egeskov (no figure for 3.22.05); Fjordby (no 6-16-year-olds on 1 January 2020).",
        ])
        // Median of 3: entries[1], Aaby at 60,000.
        #expect(result.footer == [[.place(2, tied: false), .text("median: Aaby"), .amount(60_000),
                                   .amount(13_200_000), .integer(220)]])
    }

    @Test func top() {
        let result = voksen.resultSet(showing: .top(2))
        expectRectangular(result)
        #expect(result.rows.map { $0[1] } == [.text("Fjordby"), .text("Aaby")])
        // The tie at place 3 (Bøgelund, Damsø) is not among the rows shown, so it is not noted.
        #expect(result.notes == ["Showing 2 of 5 ranked municipalities."])
        // With the tied rows shown, it is.
        #expect(voksen.resultSet(showing: .top(4)).notes == [
            "Showing 4 of 5 ranked municipalities.",
            "Tied at place 3: Bøgelund, Damsø (equal kr. per inhabitant).",
        ])
        // The footer still shows the median of all five, and places stay out of five.
        #expect(result.footer.first?[1] == .text("median: Bøgelund"))
        #expect(result.rows.map { $0[0] } == [.place(1, tied: false), .place(2, tied: false)])
    }

    @Test func topMoreThanRankedShowsAllWithoutNote() {
        let result = voksen.resultSet(showing: .top(10))
        #expect(result.rows.count == 5)
        #expect(!result.notes.contains { $0.hasPrefix("Showing") })
    }

    @Test func bottom() {
        let result = voksen.resultSet(showing: .bottom(1))
        #expect(result.rows == [[.place(5, tied: false), .text("Egeskov"), .amount(2000), .amount(8_920_000),
                                 .integer(4460)]])
        #expect(result.notes.first == "Showing 1 of 5 ranked municipalities.")
    }

    @Test func only() {
        // Chosen out of order: the rows keep the ranking's order.
        let result = voksen.resultSet(showing: .only([Fixture.egeskov, Fixture.aaby]))
        expectRectangular(result)
        #expect(result.rows.map { $0[1] } == [.text("Aaby"), .text("Egeskov")])
        #expect(result.rows.map { $0[0] } == [.place(2, tied: false), .place(5, tied: false)])
        #expect(result.notes.first == "Showing 2 of 5 ranked municipalities.")
    }

    @Test func onlyAnUnrankedMunicipality() {
        let result = skole.resultSet(showing: .only([Fixture.aaby, Fixture.fjordby, Fixture.stranger]))
        expectRectangular(result)
        #expect(result.rows.map { $0[1] } == [.text("Aaby")])
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
        #expect(result.rows.map { $0[0] }
            == [.place(1, tied: false), .place(2, tied: true), .place(2, tied: true), .place(4, tied: false)])
        #expect(result.notes == ["Tied at place 2: Bæk, Dal (equal kr. per inhabitant)."])
        #expect(result.footer.first?[1] == .text("median: Dal"))
    }
}

@Suite("Gap.resultSet")
struct GapReportTests {
    @Test func arithmeticRows() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let result = try ranking.gap(for: Fixture.egeskov, toPlace: 2).resultSet(ranking: ranking)
        expectRectangular(result)
        #expect(result.title == "Mulighedsrum: Egeskov to place 2 in Voksen, teaching R2020")
        #expect(result.columns.map(\.key) == ["item", "value"])
        let own: Double = 8_920_000.0 / 4460        // 2000
        let benchmark: Double = 3_380_000.0 / 3380  // 1000
        let rows: [[ResultSet.Value]] = [
            [.text("Egeskov, place 5 of 5: kr. per inhabitant"), .amount(own)],
            [.text("place 2, Aaby: kr. per inhabitant"), .amount(benchmark)],
            [.text("difference: kr. per inhabitant"), .amount(2000 - 1000)],
            [.text("× inhabitants in Egeskov, 1 January 2020"), .integer(4460)],
        ]
        #expect(result.rows == rows)
        let footer: [[ResultSet.Value]] = [[.text("mulighedsrum, kr. = difference × inhabitants"), .amount((2000 - 1000) * 4460)]]
        #expect(result.footer == footer)
        #expect(result.notes == [caveat])
        #expect(result.provenance == ranking.provenance)
        // No cell starts with "=", which a spreadsheet would read as a formula.
        for row in result.rows + result.footer {
            if case .text(let text) = row[0] { #expect(!text.hasPrefix("=")) }
        }
    }

    @Test func benchmarkTiedAtALowerPlaceSaysSo() throws {
        // Bøgelund and Damsø share place 3; the municipality at position 4 is Damsø, tied at 3.
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let result = try ranking.gap(for: Fixture.egeskov, toPlace: 4).resultSet(ranking: ranking)
        #expect(result.rows[1].first == .text("place 4, Damsø (tied at 3): kr. per inhabitant"))
    }

    @Test func ageSegmentWording() throws {
        let ranking = try Fixture.teaching.rank(Fixture.aeldre)
        let result = try ranking.gap(for: Fixture.egeskov, toPlace: 2).resultSet(ranking: ranking)
        #expect(result.rows[0] == [.text("Egeskov, place 5 of 5: kr. per 65+-year-old"), .amount(60_000)])
        #expect(result.rows[3] == [.text("× 65+-year-olds in Egeskov, 1 January 2020"), .integer(35 * 30 + 20)])
        #expect(result.footer == [[.text("mulighedsrum, kr. = difference × 65+-year-olds"), .amount((60_000 - 40_000) * 1070)]])
    }

    @Test func zeroGapSaysSo() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        let result = try ranking.gap(for: Fixture.aaby, toPlace: 3).resultSet(ranking: ranking)
        expectRectangular(result)
        #expect(result.rows[2] == [.text("difference: kr. per inhabitant"), .amount(1000 - 1500)])
        #expect(result.footer == [[.text("mulighedsrum, kr. = difference × inhabitants (no gap: 0)"), .amount(0)]])
        #expect(result.notes == ["Aaby already spends at or below place 3: the mulighedsrum is 0.", caveat])
    }
}

@Suite("Overview.resultSet")
struct OverviewReportTests {
    @Test func oneFailingAreaOfTwo() throws {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, toPlace: 2,
                                                 areas: [Fixture.voksen, Fixture.skole])
        let result = overview.resultSet(dataset: Fixture.teaching)
        expectRectangular(result)
        #expect(result.title == "Overview: Egeskov, mulighedsrum to place 2, teaching R2020")
        #expect(result.columns.map(\.key)
            == ["area", "per", "place", "ranked", "kr_per_person", "benchmark_kr_per_person", "mulighedsrum_kr"])
        #expect(result.columns[5].title == "at place 2")
        let error = EngineError.notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05")
        #expect(result.rows == [
            [.text("Voksen"), .text("all"), .place(5, tied: false), .integer(5), .amount(2000), .amount(1000),
             .amount((2000 - 1000) * 4460)],
            [.text("Skole"), .text("6-16")] + [ResultSet.Value](repeating: .unavailable(error.description), count: 5),
        ])
        #expect(result.footer == [[.text("total of 1 of 2 areas"), .empty, .empty, .empty, .empty, .empty,
                                   .amount((2000 - 1000) * 4460)]])
        #expect(result.notes == ["Skole: Egeskov is not ranked here: no figure for 3.22.05.", caveat])
    }

    @Test func allComputedSaysTotal() {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, toPlace: 2,
                                                 areas: [Fixture.voksen, Fixture.aeldre])
        let result = overview.resultSet(dataset: Fixture.teaching)
        expectRectangular(result)
        // 4,460,000 + (60,000 − 40,000) × 1070 = 4,460,000 + 21,400,000.
        let total: Double = (2000 - 1000) * 4460 + (60_000 - 40_000) * 1070
        let footer: [[ResultSet.Value]] = [[.text("total"), .empty, .empty, .empty, .empty, .empty, .amount(total)]]
        #expect(result.footer == footer)
        #expect(result.rows[1][1] == .text("65+"))
        #expect(result.rows[1][2] == .place(5, tied: false))
        #expect(result.notes == [caveat])
    }

    @Test func tiedPlaceIsMarked() {
        let overview = Fixture.teaching.overview(for: Fixture.damsoe, toPlace: 1, areas: [Fixture.voksen])
        let result = overview.resultSet(dataset: Fixture.teaching)
        // Damsø shares place 3; (1500 − 800) × 1700.
        #expect(result.rows == [[.text("Voksen"), .text("all"), .place(3, tied: true), .integer(5),
                                 .amount(1500), .amount(800), .amount((1500 - 800) * 1700)]])
    }

    @Test func provenanceDefinition() {
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, toPlace: 2, areas: [Fixture.voksen])
        let provenance = overview.resultSet(dataset: Fixture.teaching).provenance
        #expect(provenance?.invented == true)
        #expect(provenance?.dataset == "teaching R2020")
        #expect(provenance?.definition == "each area's functions as `areas` lists them; "
            + "net operating expenditure (dranst 1, art ≠ 0); per the area's segment on 1 January 2020")
    }

    @Test func everyAreaFailing() {
        let overview = Fixture.snapshot.overview(
            for: Fixture.aaby, toPlace: 1,
            areas: [Fixture.area("Gruppe", ["5.38.*"]), Fixture.area("Tomt", ["5.38.52"])])
        let result = overview.resultSet(dataset: Fixture.snapshot)
        expectRectangular(result)
        #expect(result.rows.count == 2)
        #expect(result.footer == [[.text("total of 0 of 2 areas"), .empty, .empty, .empty, .empty, .empty, .amount(0)]])
        #expect(result.notes.count == 3)
        #expect(result.notes[1] == "Tomt: no municipality can be ranked on Tomt: every one lacks a figure or a population.")
    }
}
