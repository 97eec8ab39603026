import RdrReport
import Testing
import RdrEngine

@Suite("Segment and Population.count")
struct SegmentTests {
    let population = Fixture.teaching.population

    @Test func all() {
        #expect(population.count(municipality: 0, segment: .all) == 3380)
        #expect(population.count(municipality: 4, segment: .all) == 890)
    }

    @Test func closedBand() {
        // Aaby: 20 at each age 6 … 16, 11 ages.
        #expect(population.count(municipality: 0, segment: .ages(lower: 6, upper: 16)) == 11 * 20)
        // Egeskov: 17-64 at 60 each, 48 ages; 18-64 drops age 17.
        #expect(population.count(municipality: 3, segment: .ages(lower: 18, upper: 64)) == 47 * 60)
        // Fjordby has no 6-16-year-olds.
        #expect(population.count(municipality: 4, segment: .ages(lower: 6, upper: 16)) == 0)
    }

    @Test func openBandRunsToTheLastAge() {
        // Aaby: 20 at each age 65 … 99, none aged 100+.
        #expect(population.count(municipality: 0, segment: .ages(lower: 65, upper: nil)) == 35 * 20 + 0)
        // Damsø: 10 at each age 65 … 99, and 10 in the open band 100+.
        #expect(population.count(municipality: 2, segment: .ages(lower: 65, upper: nil)) == 35 * 10 + 10)
        // 0+ is everyone.
        #expect(population.count(municipality: 2, segment: .ages(lower: 0, upper: nil)) == 1700)
    }

    @Test func bandReachingPastTheLastAgeStopsThere() {
        // Damsø, 90-200: ages 90 … 99 at 10 each plus 10 aged 100+.
        #expect(population.count(municipality: 2, segment: .ages(lower: 90, upper: 200)) == 10 * 10 + 10)
    }

    @Test func bandBeyondTheAgesCountsNobody() {
        // Ages run 0 … 100 (100+); 101-110 and 150+ start past the last age.
        #expect(population.count(municipality: 2, segment: .ages(lower: 101, upper: 110)) == 0)
        #expect(population.count(municipality: 2, segment: .ages(lower: 150, upper: nil)) == 0)
    }

    @Test func smallPopulation() {
        // Ages 0, 1, 2 and the open band 3+.
        let small = Population(totals: [10], byAge: [[1, 2, 3, 4]])
        #expect(small.count(municipality: 0, segment: .ages(lower: 1, upper: 2)) == 2 + 3)
        #expect(small.count(municipality: 0, segment: .ages(lower: 2, upper: nil)) == 3 + 4)
        #expect(small.count(municipality: 0, segment: .ages(lower: 3, upper: 3)) == 4)
        #expect(small.count(municipality: 0, segment: .ages(lower: 5, upper: 9)) == 0)
    }

    @Test func totalsOnlyPopulationHasNoAgeSegments() {
        let totals = Population(totals: [5000, 7000], byAge: nil)
        #expect(totals.count(municipality: 1, segment: .all) == 7000)
        #expect(totals.count(municipality: 1, segment: .ages(lower: 6, upper: 16)) == nil)
        #expect(totals.count(municipality: 0, segment: .ages(lower: 65, upper: nil)) == nil)
    }

    @Test func descriptions() {
        #expect(Segment.all.description == "all")
        #expect(Segment.ages(lower: 6, upper: 16).description == "6-16")
        #expect(Segment.ages(lower: 65, upper: nil).description == "65+")
        #expect(Segment.all.person == "inhabitant")
        #expect(Segment.ages(lower: 6, upper: 16).person == "6-16-year-old")
        #expect(Segment.ages(lower: 65, upper: nil).person == "65+-year-old")
        #expect(!Segment.all.needsAges)
        #expect(Segment.ages(lower: 0, upper: nil).needsAges)
    }
}

@Suite("Dataset.functions(of:)")
struct AreaFunctionsTests {
    @Test func wildcardsExpandOnACompleteChart() throws {
        #expect(try Fixture.teaching.functions(of: Fixture.skole).map(\.description) == ["3.22.01", "3.22.05"])
        let five = Fixture.area("Fem", ["5.*"])
        #expect(try Fixture.teaching.functions(of: five).map(\.description) == ["5.30.27", "5.38.50", "5.38.51"])
    }

    @Test func wildcardNeedsACompleteChart() {
        let area = Fixture.area("Gruppe", ["5.38.50", "5.38.*"])
        #expect(engineError { try Fixture.snapshot.functions(of: area) }
            == .wildcardNeedsCompleteChart(area: "Gruppe", pattern: "5.38.*", dataset: "R2020",
                                           hint: Fixture.snapshotHint))
        // rank says the same.
        #expect(engineError { try Fixture.snapshot.rank(area) }
            == .wildcardNeedsCompleteChart(area: "Gruppe", pattern: "5.38.*", dataset: "R2020",
                                           hint: Fixture.snapshotHint))
    }

    @Test func explicitFunctionsMissing() {
        let area = Fixture.area("Voksen", ["5.38.50", "5.38.53", "5.38.54"])
        #expect(engineError { try Fixture.snapshot.functions(of: area) }
            == .functionsMissing(area: "Voksen", missing: [FunctionCode(main: 5, group: 38, function: 53),
                                                           FunctionCode(main: 5, group: 38, function: 54)],
                                 dataset: "R2020", hint: Fixture.snapshotHint))
        // The complete chart lacks them too.
        let missing = Fixture.area("Mangler", ["4.62.01"])
        #expect(engineError { try Fixture.teaching.functions(of: missing) }
            == .functionsMissing(area: "Mangler", missing: [FunctionCode(main: 4, group: 62, function: 1)],
                                 dataset: "teaching R2020", hint: nil))
    }

    @Test func noFunctionsMatchOnACompleteChart() {
        let sundhed = Fixture.area("Sundhed", ["4.62.*"])
        #expect(engineError { try Fixture.teaching.functions(of: sundhed) }
            == .noFunctionsMatch(area: "Sundhed", functions: "4.62.*", dataset: "teaching R2020"))
        // Everything the pattern matches is excepted.
        let empty = Fixture.area("Tom", ["3.22.*"], except: ["3.22.01", "3.22.05", "3.22.17"])
        #expect(engineError { try Fixture.teaching.functions(of: empty) }
            == .noFunctionsMatch(area: "Tom", functions: "3.22.* except 3.22.01, 3.22.05, 3.22.17",
                                 dataset: "teaching R2020"))
    }

    @Test func ageSegmentNeedsAges() {
        let area = Fixture.area("Voksen", ["5.38.50"], per: .ages(lower: 18, upper: 64))
        #expect(engineError { try Fixture.snapshot.rank(area) }
            == .segmentNeedsAges(segment: .ages(lower: 18, upper: 64), dataset: "R2020", hint: Fixture.snapshotHint))
        // Per capita works on the same data, and so does overriding the segment.
        #expect(engineError { try Fixture.snapshot.rank(area, per: .all) } == nil)
        #expect(engineError { try Fixture.snapshot.rank(Fixture.area("V", ["5.38.50"]),
                                                        per: .ages(lower: 65, upper: nil)) }
            == .segmentNeedsAges(segment: .ages(lower: 65, upper: nil), dataset: "R2020", hint: Fixture.snapshotHint))
    }
}

@Suite("Dataset.rank")
struct RankingTests {
    @Test func ordersByKronerPerPersonLowestFirst() throws {
        let ranking = try Fixture.teaching.rank(Fixture.voksen)
        // Fjordby 712,000 / 890 = 800; Aaby 3,380,000 / 3380 = 1000; Bøgelund 10,140,000 / 6760 = 1500;
        // Damsø 2,550,000 / 1700 = 1500; Egeskov 8,920,000 / 4460 = 2000.
        #expect(ranking.entries.map(\.municipality.name) == ["Fjordby", "Aaby", "Bøgelund", "Damsø", "Egeskov"])
        #expect(ranking.entries.map(\.place) == [1, 2, 3, 3, 5])
        #expect(ranking.entries.map(\.tied) == [false, false, true, true, false])
        #expect(ranking.entries.map(\.spending)
            == [700_000 + 12_000, 3_000_000 + 380_000, 10_000_000 + 140_000, 2_500_000 + 50_000, 8_000_000 + 920_000])
        #expect(ranking.entries.map(\.persons) == [890, 3380, 6760, 1700, 4460])
        #expect(ranking.entries.map(\.perPerson) == [800, 1000, 1500, 1500, 2000])
        #expect(ranking.excluded.isEmpty)
        #expect(ranking.segment == .all)
        #expect(ranking.dataset == DatasetID(kind: .accounts, year: 2020))
        #expect(ranking.functions.map(\.description) == ["5.38.50", "5.38.51"])
    }

    @Test func comparesExactlyNotInDoubles() throws {
        // The two quotients are the same Double …
        #expect(Double(24_000_039_999) / Double(600_001) == Double(23_999_999_999) / Double(600_000))
        // … but 24,000,039,999 × 600,000 = 14,400,023,999,400,000 > 23,999,999,999 × 600,001 =
        // 14,400,023,999,399,999: Alfa spends more, although its name comes first.
        #expect(24_000_039_999 * 600_000 - 23_999_999_999 * 600_001 == 1)
        let ranking = try Fixture.nearlyEqual.rank(Fixture.area("V", ["5.38.50"]))
        #expect(ranking.entries.map(\.municipality.name) == ["Beta", "Alfa"])
        #expect(ranking.entries.map(\.place) == [1, 2])
        #expect(ranking.entries.map(\.tied) == [false, false])
        #expect(ranking.ties.isEmpty)
    }

    @Test func tiesShareACompetitionPlace() throws {
        let ranking = try Fixture.fourWithTie.rank(Fixture.area("V", ["5.38.50"]))
        // Ager 1000; Bæk 3,000,000 / 2000 = 1500 = Dal 1,500,000 / 1000; Eng 2000.
        #expect(ranking.entries.map(\.municipality.name) == ["Ager", "Bæk", "Dal", "Eng"])
        #expect(ranking.entries.map(\.place) == [1, 2, 2, 4])
        #expect(ranking.entries.map(\.tied) == [false, true, true, false])
        #expect(ranking.ties.map { $0.map(\.municipality.name) } == [["Bæk", "Dal"]])
        #expect(ranking.ties.map { $0.map(\.place) } == [[2, 2]])
    }

    @Test func threeWayTieAtTheTop() throws {
        let dataset = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek, Fixture.dal, Fixture.eng],
            functions: ["5.38.50": "x"],
            // 500 / 1, 1000 / 2, 1500 / 3 = 500 each; 2000 / 2 = 1000.
            spending: ["5.38.50": [500, 1000, 1500, 2000]], totals: [1, 2, 3, 2], byAge: nil)
        let ranking = try dataset.rank(Fixture.area("V", ["5.38.50"]))
        #expect(ranking.entries.map(\.place) == [1, 1, 1, 4])
        #expect(ranking.entries.map(\.tied) == [true, true, true, false])
        #expect(ranking.ties.count == 1)
        #expect(ranking.ties.first?.count == 3)
    }

    @Test func twoSeparateTies() throws {
        let dataset = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek, Fixture.dal, Fixture.eng],
            functions: ["5.38.50": "x"],
            // Ager = Bæk = 100 per person; Dal = Eng = 300 per person.
            spending: ["5.38.50": [100, 200, 300, 600]], totals: [1, 2, 1, 2], byAge: nil)
        let ranking = try dataset.rank(Fixture.area("V", ["5.38.50"]))
        #expect(ranking.entries.map(\.place) == [1, 1, 3, 3])
        #expect(ranking.ties.map { $0.map(\.municipality.name) } == [["Ager", "Bæk"], ["Dal", "Eng"]])
    }

    @Test func negativeNetSpendingRanksFirst() throws {
        let dataset = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek], functions: ["0.22.01": "Jordforsyning"],
            // Ager earns more than it spends: −50,000 / 100 = −500 < 10,000 / 100 = 100.
            spending: ["0.22.01": [-50_000, 10_000]], totals: [100, 100], byAge: nil)
        let ranking = try dataset.rank(Fixture.area("J", ["0.22.01"]))
        #expect(ranking.entries.map(\.municipality.name) == ["Ager", "Bæk"])
        #expect(ranking.entries.map(\.perPerson) == [-500, 100])
    }

    @Test func medianIsTheMiddleOrUpperMiddle() throws {
        // n = 5: entries[5 / 2] = entries[2], the 3rd.
        let five = try Fixture.teaching.rank(Fixture.voksen)
        #expect(five.median.municipality == Fixture.boegelund)
        #expect(five.median == five.entries[2])
        // n = 4: entries[4 / 2] = entries[2], the 3rd (Dal, which shares place 2).
        let four = try Fixture.fourWithTie.rank(Fixture.area("V", ["5.38.50"]))
        #expect(four.median.municipality == Fixture.dal)
        #expect(four.median.place == 2)
        // n = 3 (Skole ranks three): entries[1], Aaby.
        let three = try Fixture.teaching.rank(Fixture.skole)
        #expect(three.median.municipality == Fixture.aaby)
        // n = 2: entries[1], the upper.
        let two = try Fixture.nearlyEqual.rank(Fixture.area("V", ["5.38.50"]))
        #expect(two.median.municipality == Fixture.alfa)
    }

    @Test func medianOf98IsPlace50() throws {
        let municipalities = (1...98).map { Fixture.municipality(4000 + $0, "Kommune \(1000 + $0)") }
        // Municipality k spends k × 1000 kr. on 10 persons: 100 · k kr. per person, all different.
        let dataset = Fixture.dataset(
            municipalities: municipalities, functions: ["5.38.50": "x"],
            spending: ["5.38.50": (1...98).map { $0 * 1000 }], totals: Array(repeating: 10, count: 98), byAge: nil)
        let ranking = try dataset.rank(Fixture.area("V", ["5.38.50"]))
        #expect(ranking.median.place == 50)
        #expect(ranking.median.spending == 50 * 1000)
    }

    @Test func exceptLeavesFunctionsOut() throws {
        let ranking = try Fixture.teaching.rank(Fixture.skole)
        // Per 6-16-year-old, without 3.22.17: Bøgelund (24,000,000 + 200,000) / 440 = 55,000;
        // Aaby (12,000,000 + 1,200,000) / 220 = 60,000; Damsø (7,000,000 + 700,000) / 110 = 70,000.
        // With 3.22.17 Aaby would be (13,200,000 + 5,000,000) / 220 ≈ 82,727 and last.
        #expect(ranking.functions.map(\.description) == ["3.22.01", "3.22.05"])
        #expect(ranking.entries.map(\.municipality.name) == ["Bøgelund", "Aaby", "Damsø"])
        #expect(ranking.entries.map(\.spending) == [24_000_000 + 200_000, 12_000_000 + 1_200_000, 7_000_000 + 700_000])
        #expect(ranking.entries.map(\.persons) == [11 * 40, 11 * 20, 11 * 10])
        #expect(ranking.entries.map(\.perPerson) == [55_000, 60_000, 70_000])
        #expect(ranking.segment == .ages(lower: 6, upper: 16))
    }

    @Test func exclusionsSayWhy() throws {
        let ranking = try Fixture.teaching.rank(Fixture.skole)
        #expect(ranking.excluded.map(\.municipality) == [Fixture.egeskov, Fixture.fjordby])
        #expect(ranking.excluded.map(\.reason)
            == ["no figure for 3.22.05", "no 6-16-year-olds on 1 January 2020"])
    }

    @Test func zeroPopulationIsExcluded() throws {
        let dataset = Fixture.dataset(
            municipalities: [Fixture.ager, Fixture.baek], functions: ["5.38.50": "x"],
            spending: ["5.38.50": [1000, 1000]], totals: [0, 10], byAge: nil)
        let ranking = try dataset.rank(Fixture.area("V", ["5.38.50"]))
        #expect(ranking.entries.map(\.municipality) == [Fixture.baek])
        #expect(ranking.excluded.map(\.municipality) == [Fixture.ager])
        #expect(ranking.excluded.map(\.reason) == ["no inhabitants on 1 January 2020"])
    }

    @Test func everyoneExcludedIsAnError() {
        // 5.38.52 has no figure anywhere in the snapshot.
        let area = Fixture.area("Tomt", ["5.38.52"])
        #expect(engineError { try Fixture.snapshot.rank(area) } == .nothingRanked(area: "Tomt"))
        // Nobody is 101 or older in a population whose last age is the open band 100+.
        #expect(engineError { try Fixture.teaching.rank(Fixture.voksen, per: .ages(lower: 101, upper: nil)) }
            == .nothingRanked(area: "Voksen"))
    }

    @Test func perCallSegmentOverridesTheAreasDefault() throws {
        let ranking = try Fixture.teaching.rank(Fixture.skole, per: .all)
        #expect(ranking.segment == .all)
        // Per inhabitant: Fjordby 100,000 / 890 ≈ 112; Bøgelund 24,200,000 / 6760 ≈ 3580;
        // Aaby 13,200,000 / 3380 ≈ 3905; Damsø 7,700,000 / 1700 ≈ 4529. Fjordby now counts.
        #expect(ranking.entries.map(\.municipality.name) == ["Fjordby", "Bøgelund", "Aaby", "Damsø"])
        #expect(ranking.entries.map(\.persons) == [890, 6760, 3380, 1700])
        #expect(ranking.entries[2].perPerson == Double(13_200_000) / 3380)
        #expect(ranking.excluded.map(\.municipality) == [Fixture.egeskov])
        // The area's own default is untouched.
        #expect(try Fixture.teaching.rank(Fixture.skole).segment == .ages(lower: 6, upper: 16))
    }

    @Test func openAgeBand() throws {
        let ranking = try Fixture.teaching.rank(Fixture.aeldre)
        // Fjordby 10,500,000 / 350 = 30,000; Bøgelund 56,000,000 / 1400 = 40,000;
        // Aaby 35,000,000 / 700 = 50,000 = Damsø 18,000,000 / 360; Egeskov 64,200,000 / 1070 = 60,000.
        #expect(ranking.entries.map(\.municipality.name) == ["Fjordby", "Bøgelund", "Aaby", "Damsø", "Egeskov"])
        #expect(ranking.entries.map(\.persons) == [35 * 10, 35 * 40, 35 * 20, 35 * 10 + 10, 35 * 30 + 20])
        #expect(ranking.entries.map(\.place) == [1, 2, 3, 3, 5])
    }

    @Test func provenanceDefinesTheResult() throws {
        let voksen = try Fixture.teaching.rank(Fixture.voksen).provenance
        #expect(voksen.definition
            == "Voksen = functions 5.38.50, 5.38.51; net operating expenditure (dranst 1, art ≠ 0); "
            + "per inhabitant on 1 January 2020")
        #expect(voksen.invented)
        #expect(voksen.dataset == "teaching R2020")
        #expect(voksen.captionLines.first?.hasPrefix("INVENTED FIGURES") == true)

        let skole = try Fixture.teaching.rank(Fixture.skole).provenance.definition
        #expect(skole.contains("3.22.* except 3.22.17"))
        // A wildcard area lists the functions actually summed, without the excluded 3.22.17.
        #expect(skole.hasPrefix("Skole = 3.22.* except 3.22.17 = 3.22.01, 3.22.05; "))
        #expect(skole.contains("per 6-16-year-old"))

        let aeldre = try Fixture.teaching.rank(Fixture.aeldre).provenance.definition
        #expect(aeldre == "Ældre = function 5.30.27; net operating expenditure (dranst 1, art ≠ 0); "
            + "per 65+-year-old on 1 January 2020")

        // The dataset's own provenance is left as it was.
        #expect(Fixture.teaching.provenance.definition == "")
    }
}
