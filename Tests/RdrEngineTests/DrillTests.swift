import Testing
@testable import RdrEngine

/// The drill-down on `Fixture.teaching`'s Voksen (5.38.50 + 5.38.51 per inhabitant), worked out by
/// hand. Voksen's ranking: Fjordby 800 (1), Aaby 1000 (2), Bøgelund and Damsø 1500 (3=), Egeskov
/// 2000 (5); the median is entries[5 / 2] = Bøgelund, place 3.
@Suite("Drill-down: an area split into its functions")
struct DrillTests {
    let dataset = Fixture.teaching
    var voksen: Ranking { get throws { try dataset.rank(Fixture.voksen) } }

    /// Egeskov (8,000,000 + 920,000; 4460 inhabitants) against the median Bøgelund (10,000,000 +
    /// 140,000; 6760):
    /// 5.38.50: 8,000,000 − 10,000,000 × 4460 ÷ 6760 = 1,402,366.86…  (scaled 9,480,000,000)
    /// 5.38.51:   920,000 −    140,000 × 4460 ÷ 6760 =   827,633.14…  (scaled 5,594,800,000)
    /// area:    8,920,000 − 10,140,000 × 4460 ÷ 6760 = 2,230,000 exactly = (2000 − 1500) × 4460.
    /// In whole kroner the floors 1,402,366 + 827,633 miss 1 kr.; it goes to the larger remainder
    /// (.86 against .14): 1,402,367 + 827,633 = 2,230,000. Shares 62.886 % and 37.114 %.
    @Test func sharesAddUpTo100AndTheLinesToTheArea() throws {
        let drill = try voksen.drill(Fixture.egeskov, to: .place(.median), in: dataset)
        #expect(drill.benchmarkEntry?.municipality == Fixture.boegelund)
        #expect(drill.benchmarkPersons == 6760)
        #expect(drill.lines.map(\.function) == [Fixture.code("5.38.50"), Fixture.code("5.38.51")])
        #expect(drill.lines.map(\.ownSpending) == [8_000_000, 920_000])
        #expect(drill.lines.map(\.benchmarkSpending) == [10_000_000, 140_000])
        #expect(drill.lines.map(\.scaledDifference) == [9_480_000_000, 5_594_800_000])
        #expect(drill.lines.map(\.difference) == [1_402_367, 827_633])
        #expect(drill.difference == 2_230_000)
        #expect(drill.mulighedsrum == 2_230_000)
        let shares = drill.lines.compactMap(drill.share)
        #expect(abs(shares[0] - 9_480_000_000 / 15_074_800_000) < 1e-12)
        #expect(abs(shares[1] - 5_594_800_000 / 15_074_800_000) < 1e-12)
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
    }

    /// Aaby (3,000,000 + 380,000; 3380) against Bøgelund: 5.38.50 3,000,000 − 10,000,000 × 3380 ÷
    /// 6760 = −2,000,000; 5.38.51 380,000 − 140,000 × 3380 ÷ 6760 = +310,000; area −1,690,000.
    /// Aaby spends less on the area, so the mulighedsrum is 0; 5.38.51 goes the other way: its share
    /// of the negative total is 310,000 ÷ −1,690,000 = −18.34 %, and 5.38.50's is 118.34 %.
    @Test func aFunctionOnTheOtherSideHasANegativeShare() throws {
        let drill = try voksen.drill(Fixture.aaby, to: .place(.median), in: dataset)
        #expect(drill.lines.map(\.difference) == [-2_000_000, 310_000])
        #expect(drill.difference == -1_690_000)
        #expect(drill.mulighedsrum == 0)
        let shares = drill.lines.compactMap(drill.share)
        #expect(abs(shares[0] - 2_000_000.0 / 1_690_000) < 1e-12)
        #expect(abs(shares[1] + 310_000.0 / 1_690_000) < 1e-12)
    }

    /// Peers Aaby and Damsø (Udlandsby is in no dataset and is left out): Σ 5.38.50 = 5,500,000,
    /// Σ 5.38.51 = 430,000, Σ inhabitants = 5080. Egeskov:
    /// 5.38.50: 8,000,000 − 5,500,000 × 4460 ÷ 5080 = 3,171,259.84…
    /// 5.38.51:   920,000 −   430,000 × 4460 ÷ 5080 =   542,480.31…
    /// area: 3,713,740.157… → 3,713,740; floors 3,171,259 + 542,480 miss 1 kr., which goes to .84.
    @Test func peersAreSummedAndTheUnrankedLeftOut() throws {
        let drill = try voksen.drill(Fixture.egeskov, to: .peers([Fixture.aaby, Fixture.damsoe, Fixture.stranger]),
                                     in: dataset)
        #expect(drill.peersSummed.map(\.municipality) == [Fixture.aaby, Fixture.damsoe])
        #expect(drill.peersLeftOut.map(\.municipality) == [Fixture.stranger])
        #expect(drill.benchmarkPersons == 5080)
        #expect(drill.lines.map(\.benchmarkSpending) == [5_500_000, 430_000])
        #expect(drill.lines.map(\.difference) == [3_171_260, 542_480])
        #expect(drill.difference == 3_713_740)
    }

    @Test func peersNoneOfWhichIsRankedIsAnError() throws {
        #expect(engineError { try voksen.drill(Fixture.egeskov, to: .peers([Fixture.stranger]), in: dataset) }
                == .noPeerRanked(area: "Voksen", peers: 1))
    }

    /// Without Statistics Denmark's own figures the country is Σ of the five: 24,200,000 and
    /// 1,502,000 over 17,190 inhabitants. With published figures (25,000,000 and 1,500,000 over
    /// 17,500), Egeskov: 5.38.50 8,000,000 − 25,000,000 × 4460 ÷ 17,500 = 1,628,571.43…; 5.38.51
    /// 920,000 − 1,500,000 × 4460 ÷ 17,500 = 537,714.29…; area 2,166,285.71… → 2,166,286, the
    /// missing 1 kr. to the larger remainder (.43 against .29).
    @Test func theCountryIsPublishedWhereTheDataHasIt() throws {
        let summed = try voksen.drill(Fixture.egeskov, to: .country, in: dataset)
        #expect(summed.countrySource == .municipalities)
        #expect(summed.lines.map(\.benchmarkSpending) == [24_200_000, 1_502_000])
        #expect(summed.benchmarkPersons == 17_190)

        let published = Dataset(
            id: dataset.id, collection: dataset.collection, municipalities: dataset.municipalities,
            functionLabels: dataset.functionLabels, chartIsComplete: true, spending: dataset.spending,
            population: dataset.population, basis: dataset.basis, provenance: dataset.provenance,
            country: CountryFigures(spending: [Fixture.code("5.38.50"): 25_000_000, Fixture.code("5.38.51"): 1_500_000],
                                    population: Population(totals: [17_500], byAge: nil)))
        let drill = try published.rank(Fixture.voksen).drill(Fixture.egeskov, to: .country, in: published)
        #expect(drill.countrySource == .published)
        #expect(drill.lines.map(\.difference) == [1_628_572, 537_714])
        #expect(drill.difference == 2_166_286)
    }

    /// To a place, the area's difference is the mulighedsrum `gap` gives, for every municipality
    /// and every place; and the lines always add up to it.
    @Test func theTotalIsTheGapsMulighedsrum() throws {
        for area in [Fixture.voksen, Fixture.aeldre] {
            let ranking = try dataset.rank(area)
            for own in ranking.entries {
                for place in 1...ranking.entries.count {
                    let drill = try ranking.drill(own.municipality, to: .place(.place(place)), in: dataset)
                    let gap = try ranking.gap(for: own.municipality, toPlace: place)
                    #expect(drill.mulighedsrum == gap.mulighedsrum)
                    #expect(drill.lines.reduce(0) { $0 + $1.difference } == drill.difference)
                }
            }
        }
    }

    @Test func aNamedMunicipalityIsItsOwnLevel() throws {
        let drill = try voksen.drill(Fixture.egeskov, to: .place(.municipality(Fixture.damsoe)), in: dataset)
        #expect(drill.benchmarkEntry?.municipality == Fixture.damsoe)
        // (2000 − 1500) × 4460, exactly as against Bøgelund, which spends the same per inhabitant.
        #expect(drill.difference == 2_230_000)
    }

    @Test func anUnrankedMunicipalityIsAnError() throws {
        let skole = try dataset.rank(Fixture.skole)
        #expect(engineError { try skole.drill(Fixture.egeskov, to: .place(.median), in: dataset) }
                == .notRanked(municipality: "Egeskov", reason: "no figure for 3.22.05"))
    }
}

@Suite("Overview by function, and sorted")
struct OverviewByFunctionTests {
    let areas = [Fixture.voksen, Fixture.skole, Fixture.aeldre]

    /// Each function per its area's segment; 0.22.01 is in no area and 3.22.17 is excepted from
    /// Skole, so both are per inhabitant.
    @Test func functionsTakeTheSegmentOfTheirArea() throws {
        let rows = try Fixture.teaching.functionAreas(in: nil, areas: areas, per: nil)
        #expect(rows.map(\.key) == ["0.22.01", "3.22.01", "3.22.05", "3.22.17", "5.30.27", "5.38.50", "5.38.51"])
        #expect(rows.map(\.segment) == [.all, .ages(lower: 6, upper: 16), .ages(lower: 6, upper: 16), .all,
                                        .ages(lower: 65, upper: nil), .all, .all])
        #expect(rows[1].title == "3.22.01 Folkeskoler")
        let school = try Fixture.teaching.functionAreas(in: Fixture.area("3", ["3.22.*"]), areas: areas, per: .all)
        #expect(school.map(\.key) == ["3.22.01", "3.22.05", "3.22.17"])
        #expect(school.allSatisfy { $0.segment == .all })
    }

    @Test func withoutAgesEveryFunctionIsPerInhabitant() throws {
        let rows = try Fixture.snapshot.functionAreas(in: nil, areas: [Fixture.area("V", ["5.38.*"], per: .ages(lower: 18, upper: 64))],
                                                      per: nil)
        #expect(rows.map(\.segment) == [.all, .all])
        #expect(engineError { try Fixture.snapshot.functionAreas(in: Fixture.area("S", ["3.22.*"]), areas: [], per: nil) }
                == .noFunctionsMatch(area: "S", functions: "3.22.*", dataset: "R2020"))
    }

    /// Egeskov (4460 inhabitants) to place 1, every function per inhabitant:
    /// 0.22.01: everyone spends 100 per inhabitant → 0.
    /// 3.22.01: place 1 Fjordby 100,000 ÷ 890 → 20,000,000 − 100,000 × 4460 ÷ 890 = 19,498,876.40 → 19,498,876.
    /// 3.22.05: Egeskov has no figure → not computed, last.
    /// 3.22.17: place 1 Damsø (tied with Fjordby) at 0 → 1,000,000.
    /// 5.30.27: place 1 Bøgelund 56,000,000 ÷ 6760 → 64,200,000 − 36,946,745.56 = 27,253,254.44 → 27,253,254.
    /// 5.38.50: place 1 Fjordby 700,000 ÷ 890 → 8,000,000 − 3,507,865.17 = 4,492,134.83 → 4,492,135.
    /// 5.38.51: place 1 Fjordby 12,000 ÷ 890 → 920,000 − 60,134.83 = 859,865.17 → 859,865.
    @Test func sortedPutsTheLargestFirstAndTheUncomputedLast() throws {
        let rows = try Fixture.teaching.functionAreas(in: nil, areas: areas, per: .all)
        let overview = Fixture.teaching.overview(for: Fixture.egeskov, to: .place(1), areas: rows, rowsAreFunctions: true)
        let sorted = overview.reordered(overview.orderByMulighedsrum)
        #expect(sorted.rows.map(\.area.key) == ["5.30.27", "3.22.01", "5.38.50", "3.22.17", "5.38.51", "0.22.01", "3.22.05"])
        #expect(sorted.rows.compactMap { try? $0.outcome.get().mulighedsrum }
                == [27_253_254, 19_498_876, 4_492_135, 1_000_000, 859_865, 0])
        #expect(sorted.total == overview.total)
        #expect(sorted.rowsAreFunctions)
    }

    /// To place 1: Ældre (60,000 − 30,000) × 1070 = 32,100,000; Voksen (2000 − 800) × 4460 =
    /// 5,352,000; Skole is not computed (Egeskov lacks 3.22.05).
    @Test func severalBenchmarksSortByTheFirst() throws {
        let all = OverviewSensitivity(Fixture.teaching, for: Fixture.egeskov, to: [.place(1), .median], areas: areas)
            .sortedByFirstMulighedsrum()
        let separate = Fixture.teaching.overview(for: Fixture.egeskov, to: .median, areas: areas)
        #expect(all.overviews[0].rows.map(\.area.key) == ["Ældre", "Voksen", "Skole"])
        #expect(all.overviews[1].rows.map(\.area.key) == ["Ældre", "Voksen", "Skole"])
        #expect(all.overviews[1].total == separate.total)
    }
}
