import RdrEngine

/// The language a result's human words are in: headings, titles, notes and captions. Machine keys
/// (CSV headers, JSON members) and the query language's keywords are the same in both.
///
/// Every phrase that differs between the languages is here, English beside Danish, so that a reader
/// can check the terminology in one place. Danish follows KL's RåderumsBenchmark: Plads, Kommune,
/// Forbrug, Udgifter pr. 6-16-årig, Mediankommune, Mulighedsrum, Samlet overblik, Hele landet, Indeks.
/// What the engine words itself (error reasons, a ranking's definition of functions) stays English.
public enum Language: String, Sendable, Equatable, CaseIterable {
    case en
    case da

    /// "en" or "da", as `set lang` and `--lang` take it.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The language's own name, for messages: "English", "dansk".
    public var displayName: String { pick("English", "dansk") }

    /// The English text, or the Danish one.
    func pick(_ english: String, _ danish: String) -> String {
        self == .da ? danish : english
    }
}

// MARK: Shared words

extension Language {
    /// One of the segment: "inhabitant" / "indbygger", "6-16-year-old" / "6-16-årig".
    func person(_ segment: Segment) -> String {
        switch (self, segment) {
        case (.en, _): segment.person
        case (.da, .all): "indbygger"
        case (.da, .ages): "\(segment.description)-årig"
        }
    }

    /// The segment's people: "inhabitants" / "indbyggere", "6-16-year-olds" / "6-16-årige".
    func persons(_ segment: Segment) -> String {
        pick("\(segment.person)s", person(segment) + "e")
    }

    /// As a column heading: "inhabitants" / "Indbyggere", "6-16-årige".
    func personsHeading(_ segment: Segment) -> String {
        let persons = persons(segment)
        return self == .da ? persons.prefix(1).uppercased() + persons.dropFirst() : persons
    }

    /// "kr. per 6-16-year-old" / "kr. pr. 6-16-årig".
    func krPer(_ segment: Segment) -> String { pick("kr. per \(segment.person)", "kr. pr. \(person(segment))") }

    /// As a column heading: "kr. per 6-16-year-old" / "Kr. pr. 6-16-årig".
    func krPerHeading(_ segment: Segment) -> String { pick(krPer(segment), "Kr. pr. \(person(segment))") }

    var krPerPerson: String { pick("kr. per person", "Kr. pr. person") }
    var place: String { pick("place", "Plads") }
    var of: String { pick("of", "af") }
    var kommune: String { pick("kommune", "Kommune") }
    var dataset: String { pick("dataset", "Datasæt") }
    var area: String { pick("area", "Område") }
    var function: String { pick("function", "Funktion") }
    var per: String { pick("per", "Pr.") }
    var total: String { pick("total", "I alt") }
    var mulighedsrumKr: String { pick("mulighedsrum, kr.", "Mulighedsrum, kr.") }
    var toPlace: String { pick("to place", "Til plads") }
    var median: String { pick("median", "Mediankommune") }
    var notRankedShort: String { pick("not ranked", "ikke rangeret") }
    var countryNotPositive: String { pick("country ≤ 0", "landet ≤ 0") }

    /// The heading of net spending, "≈" when the amounts are not the method's operating basis.
    func spending(_ basis: AccountsBasis) -> String {
        let spending = pick("net spending, kr.", "Forbrug, kr.")
        return basis == .operating ? spending : "≈ " + spending
    }

    /// What the amounts are, for definitions.
    func basis(_ basis: AccountsBasis) -> String {
        switch (self, basis) {
        case (.en, _): basis.description
        case (.da, .operating): "nettodriftsudgifter (dranst 1, art ≠ 0)"
        case (.da, .publishedNetPerInhabitant):
            "nettoudgifter som offentliggjort pr. indbygger (REGK31 INDL, art TOT, alle dranst; ikke kun drift); "
                + "forbrug = kr. pr. indbygger × indbyggere"
        }
    }

    /// "Korsbæk's" / "Korsbæks"; a Danish name ending in s, x or z takes an apostrophe ("Vesthimmerlands'").
    func possessive(_ name: String) -> String {
        if self == .en { return "\(name)'s" }
        return name.last.map { "sxzSXZ".contains($0) } == true ? name + "'" : name + "s"
    }

    func notRanked(_ name: String, _ reason: String) -> String {
        pick("\(name) is not ranked: \(reason).", "\(name) er ikke rangeret: \(reason).")
    }

    /// The caveat every gap, overview and report carries.
    public var caveat: String {
        pick("Mulighedsrum is a starting point for questions, not a saving: it is not corrected for demography or socio-economics.",
             "Mulighedsrummet er et udgangspunkt for spørgsmål, ikke en besparelse: det er ikke korrigeret for demografi "
                + "eller socioøkonomi.")
    }
}

// MARK: Caption

extension Provenance {
    /// The caption lines in a language: the labels and the invented mark are worded, the figures'
    /// source, price basis and retrieval are the data's own.
    public func captionLines(in language: Language) -> [String] {
        guard language == .da else { return captionLines }
        var lines: [String] = []
        if invented {
            lines.append("OPDIGTEDE TAL (undervisningsdata): ikke nogen virkelig kommunes regnskab.")
        }
        lines.append("Definition: \(danishDefinition(definition))")
        lines.append("Kilde: \(source) · \(dataset) · \(priceBasis) · \(retrieved)")
        return lines
    }
}

/// A definition the engine worded (a ranking's: "Skole = 3.22.* except 3.22.17 = 3.22.01, …;
/// net operating expenditure …; per 6-16-year-old on 1 January 2024") in Danish: its fixed phrases
/// are replaced, the codes and figures stay. Definitions worded here are Danish already.
func danishDefinition(_ english: String) -> String {
    var text = english
    let phrases: [(String, String)] = [
        (AccountsBasis.operating.description, Language.da.basis(.operating)),
        (AccountsBasis.publishedNetPerInhabitant.description, Language.da.basis(.publishedNetPerInhabitant)),
        (" except ", " undtagen "), ("= functions ", "= funktionerne "), ("= function ", "= funktion "),
        ("-year-old on 1 January ", "-årig pr. 1. januar "), ("per inhabitant on 1 January ", "pr. indbygger pr. 1. januar "),
        ("; per ", "; pr. "),
    ]
    for (from, to) in phrases { text = text.replacing(from, with: to) }
    return text
}

// MARK: Ranking

extension Language {
    func showing(_ count: Int, of ranked: Int) -> String {
        pick("Showing \(count) of \(ranked) ranked municipalities.", "Viser \(count) af \(ranked) rangerede kommuner.")
    }

    var notInDataset: String { pick("not in this dataset", "ikke i dette datasæt") }

    func tied(at place: Int, _ names: String, _ segment: Segment) -> String {
        pick("Tied at place \(place): \(names) (equal kr. per \(segment.person)).",
             "Delt plads \(place): \(names) (samme kr. pr. \(person(segment))).")
    }

    func notRankedList(_ count: Int, of all: Int, _ listed: String) -> String {
        pick("Not ranked, \(count) of \(all): \(listed).", "Ikke rangeret, \(count) af \(all): \(listed).")
    }

    func rankingTitle(_ area: String, _ segment: Segment, _ dataset: String) -> String {
        pick("\(area): kr. per \(segment.person), \(dataset) (place 1 = lowest)",
             "\(area): udgifter pr. \(person(segment)), \(dataset) (plads 1 = lavest)")
    }

    /// A level's role: "country", "region, mean", "DST group" / "land", "region, gennemsnit", "kommunegruppe".
    func role(_ reference: Reference) -> String {
        guard self == .da else { return reference.role }
        let scope = switch reference.scope {
        case .country: "land"
        case .region: "region"
        case .group: "kommunegruppe"
        }
        return reference.average == .weighted ? scope : "\(scope), \(averageName(reference.average))"
    }

    func averageName(_ average: Reference.Average) -> String {
        switch average {
        case .weighted: pick("weighted", "vægtet")
        case .mean: pick("mean", "gennemsnit")
        case .median: "median"
        }
    }

    func averageExplanation(_ average: Reference.Average) -> String {
        guard self == .da else { return average.explanation }
        return switch average {
        case .weighted: "Regionens og kommunegruppens gennemsnit er vægtede: Σ forbrug ÷ Σ personer i deres rangerede "
            + "kommuner (average mean eller median vælger et andet)."
        case .mean: "Regionens og kommunegruppens tal er det uvægtede gennemsnit af deres rangerede kommuners kr. pr. person."
        case .median: "Regionens og kommunegruppens tal er deres mediankommunes kr. pr. person (plads ⌊n/2⌋+1 af n)."
        }
    }

    func countryNote(_ source: Reference.Source, members: Int) -> String {
        switch (self, source) {
        case (.en, _): RdrReport.countryNote(source, members: members)
        case (.da, .published): "Hele landet er Danmarks Statistiks eget tal for hele landet (OMRÅDE 0)."
        case (.da, .municipalities): "Hele landet er summen af de \(members) rangerede kommuner (Σ forbrug ÷ Σ personer): "
            + "data har intet eget tal for hele landet."
        }
    }
}

// MARK: Gap (the steps)

extension Language {
    func alreadyAtOrBelow(_ name: String, place: Int) -> String {
        pick("\(name) already spends at or below place \(place): the mulighedsrum is 0.",
             "\(name) bruger allerede højst det samme som plads \(place): mulighedsrummet er 0.")
    }

    var stepRounding: String {
        pick("Step 7 is rounded once, to whole kroner (half away from zero); steps 3 and 6 are rounded "
                + "to 2 decimals, for comparison; every other step is exact.",
             "Trin 7 afrundes én gang, til hele kroner (halve væk fra nul); trin 3 og 6 er afrundet til 2 decimaler, "
                + "til sammenligning; alle andre trin er eksakte.")
    }

    func tiedAt(_ place: Int) -> String { pick(" (tied at \(place))", " (delt plads \(place))") }

    /// The eight steps' words, in order; the values come from the gap.
    func gapSteps(name: String, other: String, ownPlace: Int, ranked: Int, place: Int, tied: String,
                  segment: Segment, year: Int, isAbove: Bool) -> [String] {
        let per = krPer(segment), persons = persons(segment)
        let january = pick("on 1 January \(year)", "pr. 1. januar \(year)")
        let spending = pick("net spending, kr.", "forbrug, kr.")
        return [
            pick("\(name), place \(ownPlace) of \(ranked)", "\(name), plads \(ownPlace) af \(ranked)") + ": \(spending)",
            "\(name): \(persons) \(january)",
            "\(name): \(per) = 1 ÷ 2",
            pick("place \(place)\(tied), \(other)", "plads \(place)\(tied), \(other)") + ": \(spending)",
            "\(other): \(persons) \(january)",
            "\(other): \(per) = 4 ÷ 5",
            pick("\(name) at the level of place \(place), kr. = 4 × 2 ÷ 5", "\(name) på niveau med plads \(place), kr. = 4 × 2 ÷ 5"),
            isAbove ? pick("mulighedsrum, kr. = 1 − 7", "mulighedsrum, kr. = 1 − 7")
                : pick("mulighedsrum, kr. = 0 (1 is not above 7)", "mulighedsrum, kr. = 0 (1 er ikke over 7)"),
        ]
    }

    func gapTitle(_ name: String, place: Int, area: String, dataset: String) -> String {
        pick("Mulighedsrum: \(name) to place \(place) in \(area), \(dataset)",
             "Mulighedsrum: \(name) til plads \(place) i \(area), \(dataset)")
    }

    var step: String { pick("step", "Trin") }
    var value: String { pick("value", "Værdi") }
}

// MARK: Overview (Samlet overblik) and gap to several places

extension Language {
    /// What a title says it is measured to, and the heading of the benchmark's level:
    /// ("place 40", "at place 40") / ("plads 40", "ved plads 40"), the median, a municipality.
    func phrases(_ benchmark: BenchmarkPlace) -> (target: String, level: String) {
        switch benchmark {
        case .place(let number): (pick("place \(number)", "plads \(number)"), pick("at place \(number)", "ved plads \(number)"))
        case .median: (pick("the median", "medianen"), pick("at the median", "ved medianen"))
        case .municipality(let other): (other.name, pick("at \(other.name)", "ved \(other.name)"))
        }
    }

    func overviewHeading(byFunction: Bool) -> String {
        byFunction ? pick("Overview by function", "Samlet overblik pr. funktion") : pick("Overview", "Samlet overblik")
    }

    func overviewTitle(_ heading: String, _ name: String, to target: String, _ dataset: String) -> String {
        pick("\(heading): \(name), mulighedsrum to \(target), \(dataset)",
             "\(heading): \(name), mulighedsrum til \(target), \(dataset)")
    }

    func rowHeading(byFunction: Bool) -> String { byFunction ? function : area }

    func totalOf(_ computed: Int, _ rows: Int) -> String {
        pick("total of \(computed) of \(rows) areas", "i alt for \(computed) af \(rows) områder")
    }

    func ownLevelNote(_ other: String) -> String {
        pick("The benchmark is \(other)'s own level in each area, at its place there.",
             "Benchmark er \(possessive(other)) eget niveau i hvert område, på dens plads dér.")
    }

    func medianNote(byFunction: Bool) -> String {
        switch self {
        case .en: "The median is each \(byFunction ? "function" : "area")'s own: place ⌊n/2⌋+1 of the n municipalities it ranks."
        case .da: "Medianen er \(byFunction ? "hver funktions" : "hvert områdes") egen: plads ⌊n/2⌋+1 af de n kommuner, "
            + "\(byFunction ? "den" : "det") rangerer."
        }
    }

    var atPlace: String { pick("at place", "Kommune på pladsen") }

    func overviewDefinition(byFunction: Bool, basis: AccountsBasis, year: Int) -> String {
        switch (self, byFunction) {
        case (.en, true): "each function on its own; \(basis.description); per the segment the per column gives, on 1 January \(year)"
        case (.en, false): "each area's functions as `areas` lists them; \(basis.description); "
            + "per the area's segment on 1 January \(year)"
        case (.da, true): "hver funktion for sig; \(self.basis(basis)); pr. det segment, kolonnen Pr. angiver, pr. 1. januar \(year)"
        case (.da, false): "hvert områdes funktioner, som `areas` viser dem; \(self.basis(basis)); "
            + "pr. områdets segment pr. 1. januar \(year)"
        }
    }

    var eachFunctionOnItsOwn: String {
        pick("Each function is ranked on its own, per the segment in the per column (its area's, or inhabitants). "
                + "The total adds up the functions' mulighedsrum: not an area's, in which functions above and below "
                + "the benchmark net out.",
             "Hver funktion er rangeret for sig, pr. segmentet i kolonnen Pr. (dens områdes, eller indbyggere). "
                + "I alt lægger funktionernes mulighedsrum sammen: ikke et områdes, hvor funktioner over og under "
                + "benchmark udligner hinanden.")
    }

    func populationTotalsOnly(_ dataset: String) -> String {
        pick("\(dataset) has population totals only, so every function is per inhabitant.",
             "\(dataset) har kun det samlede indbyggertal, så hver funktion er pr. indbygger.")
    }

    func selectionOfFunctions(_ dataset: String, _ count: Int) -> String {
        pick("\(dataset) holds a selection of \(count) functions; functions lists them.",
             "\(dataset) rummer et udvalg af \(count) funktioner; functions viser dem.")
    }

    func ownPlaceNote(_ name: String, place: Int, of ranked: Int) -> String {
        pick("\(name) is at place \(place) of \(ranked): to place \(place) or any later place, the mulighedsrum is 0.",
             "\(name) er på plads \(place) af \(ranked): til plads \(place) eller en senere plads er mulighedsrummet 0.")
    }

    func sensitivityTitle(_ name: String, area: String, count: Int, _ dataset: String) -> String {
        pick("Mulighedsrum: \(name) in \(area) to \(count) benchmarks, \(dataset)",
             "Mulighedsrum: \(name) i \(area) til \(count) benchmarks, \(dataset)")
    }

    var to: String { pick("to", "Til") }
    var there: String { pick("there", "Kommune") }
    func itsKrPer(_ segment: Segment) -> String { pick("its kr. per \(segment.person)", "Dens kr. pr. \(person(segment))") }
    func ownKrPer(_ segment: Segment) -> String { pick("own kr. per \(segment.person)", "Egen kr. pr. \(person(segment))") }
    func toTarget(_ target: String) -> String { pick("to \(target), kr.", "til \(target), kr.") }

    func partlyComputed(_ parts: String) -> String {
        pick("A total counts only the areas computed to its benchmark: \(parts).",
             "Et I alt tæller kun de områder, der er beregnet til dets benchmark: \(parts).")
    }
}

// MARK: Compare

extension Language {
    var compared: String { pick("compared", "sammenlignet") }
    var peer: String { pick("peer", "sammenligningskommune") }
    var indexNote: String {
        pick("Index: kr. per person as a share of Hele landet's, × 100 (country = 100).",
             "Indeks: kr. pr. person i forhold til Hele landets, × 100 (hele landet = 100).")
    }

    func comparePlaceNote(_ ranked: Int) -> String {
        pick("Place: of the \(ranked) municipalities ranked (1 = lowest); for a level, 'of' is how many municipalities it averages.",
             "Plads: blandt de \(ranked) rangerede kommuner (1 = lavest); for et niveau er 'af' antallet af kommuner, "
                + "det er et gennemsnit af.")
    }

    func peerPhrase(_ others: [String]) -> String {
        switch others.count {
        case 0: pick("no other municipality", "ingen anden kommune")
        case 1: others[0]
        case let count: pick("\(count) municipalities", "\(count) kommuner")
        }
    }

    func compareTitle(_ area: String, _ own: String, _ peers: String, _ segment: Segment, _ dataset: String) -> String {
        pick("\(area): \(own) beside \(peers) and the averages, kr. per \(segment.person), \(dataset)",
             "\(area): \(own) sammenlignet med \(peers) og gennemsnittene, kr. pr. \(person(segment)), \(dataset)")
    }

    var nameOrLevel: String { pick("kommune / level", "Kommune / niveau") }
    var roleHeading: String { pick("role", "Rolle") }
    var index: String { pick("index", "Indeks") }
    var noneRanked: String { pick("none ranked", "ingen rangeret") }

    var mixedCountryNote: String {
        pick("Hele landet is Statistics Denmark's own figure where the data has it for every function of "
                + "the area, else the sum of the ranked municipalities.",
             "Hele landet er Danmarks Statistiks eget tal, hvor data har det for alle områdets funktioner, "
                + "ellers summen af de rangerede kommuner.")
    }

    func compareAllTitle(_ own: String, peers: [String], _ dataset: String) -> String {
        let names = peers.count <= 3 ? peers.joined(separator: ", ") : pick("\(peers.count) municipalities", "\(peers.count) kommuner")
        return switch self {
        case .en: "\(own) beside \(peers.isEmpty ? "the averages" : names + " and the averages"): "
            + "kr. per person in each area's segment, \(dataset)"
        case .da: "\(own) sammenlignet med \(peers.isEmpty ? "gennemsnittene" : names + " og gennemsnittene"): "
            + "kr. pr. person i hvert områdes segment, \(dataset)"
        }
    }
}

// MARK: Trend

extension Language {
    func trendPrices(_ prices: (year: Int, label: String)?) -> String {
        guard let prices else { return pick(", current prices", ", løbende priser") }
        return pick(", in \(prices.year) prices (\(prices.label))", ", i \(prices.year)-priser (\(prices.label))")
    }

    func trendTitle(_ area: String, _ segment: Segment, _ span: String, _ prices: String) -> String {
        pick("\(area): kr. per \(segment.person), \(span)\(prices)", "\(area): udgifter pr. \(person(segment)), \(span)\(prices)")
    }

    var priceBasis: String { pick("price basis", "Prisgrundlag") }
    var year: String { pick("year", "År") }
    var changeKr: String { pick("change, kr.", "Ændring, kr.") }
    var changePct: String { pick("change, %", "Ændring, %") }
    var breakHeading: String { pick("break", "Brud") }
    var noPercentFromZero: String { pick("no % change from 0 kr.", "ingen ændring i % fra 0 kr.") }

    func spendingInPrices(_ spending: String, _ year: Int?) -> String {
        guard let year else { return spending }
        return pick("\(spending) (\(year) prices)", "\(spending) (\(year)-priser)")
    }

    func priceFactorsNote(_ year: Int, _ label: String, _ factors: String, _ segment: Segment) -> String {
        pick("Price factors to \(year) prices (\(label)): \(factors). "
                + "Each year's net spending is multiplied by its factor and rounded once to whole kroner "
                + "(half away from zero), then divided by the \(segment.person)s; the place is that year's ranking's, "
                + "as the factor is the same for every municipality.",
             "Prisfaktorer til \(year)-priser (\(label)): \(factors). "
                + "Hvert års forbrug ganges med årets faktor og afrundes én gang til hele kroner "
                + "(halve væk fra nul) og divideres så med de \(persons(segment)); pladsen er årets rangering, "
                + "da faktoren er den samme for alle kommuner.")
    }

    func yearNotAvailable(_ year: Int, _ error: String) -> String {
        pick("\(year): not available: \(error).", "\(year): ikke tilgængeligt: \(error).")
    }

    func yearNotRanked(_ year: Int, _ name: String, _ reason: String) -> String {
        "\(year): " + notRanked(name, reason)
    }

    func went(_ codes: String) -> String { pick("\(codes) went", "\(codes) udgik") }
    func came(_ codes: String) -> String { pick("\(codes) came", "\(codes) kom til") }

    func breakNote(_ year: Int, _ changed: String) -> String {
        pick("Break in \(year): the functions summed changed (\(changed)); a change across it compares different sets of functions.",
             "Brud i \(year): de summerede funktioner ændrede sig (\(changed)); en ændring hen over bruddet sammenligner "
                + "forskellige sæt af funktioner.")
    }

    func bridged(_ old: String, as new: String, from: Int, crosswalk: String?, in years: String) -> String {
        let crosswalk = crosswalk.map { pick(" (crosswalk \($0))", " (omsætningsnøgle \($0))") } ?? ""
        return pick("\(old) bridged as \(new) from \(from)\(crosswalk), in \(years)",
                    "\(old) ført videre som \(new) fra \(from)\(crosswalk), i \(years)")
    }

    func alsoInArea(_ codes: String, count: Int) -> String {
        switch self {
        case .en: "; \(codes) \(count == 1 ? "is" : "are") also in the area on \(count == 1 ? "its" : "their") own and summed once"
        case .da: "; \(codes) er også selv i området og summeres én gang"
        }
    }

    func leftOutExcepted(_ codes: String, count: Int) -> String {
        pick("; \(codes) left out, as the area excepts \(count == 1 ? "it" : "them")",
             "; \(codes) udeladt, da området undtager \(count == 1 ? "den" : "dem")")
    }

    func countryOwnFigure(_ years: String) -> String {
        pick("Statistics Denmark's own figure (OMRÅDE 0) in \(years)", "Danmarks Statistiks eget tal (OMRÅDE 0) i \(years)")
    }

    func countrySummed(_ years: String) -> String {
        pick("the sum of the ranked municipalities in \(years)", "summen af de rangerede kommuner i \(years)")
    }

    func changeNote(_ segment: Segment) -> String {
        pick("Change: kr. per \(segment.person) against the year before, none for the first year or where the "
                + "year before has no figure or is not in the series; % of the year before's kr. per \(segment.person).",
             "Ændring: kr. pr. \(person(segment)) i forhold til året før; ingen for det første år, eller hvor året før "
                + "ikke har et tal eller ikke er med i serien. Ændringen i % er af det foregående års kr. pr. \(person(segment)).")
    }

    var notAvailable: String { pick("not available", "ikke tilgængeligt") }

    func trendDefinition(_ area: String, groups: String, bases: [String], _ segment: Segment) -> String {
        let bases = bases.isEmpty ? "" : "; " + bases.joined(separator: "; ")
        return pick("\(area), functions per year: \(groups)\(bases); per \(segment.person) on 1 January of each year",
                    "\(area), funktioner pr. år: \(groups)\(bases); pr. \(person(segment)) pr. 1. januar hvert år")
    }

    func bridgedCode(_ old: String) -> String { pick("\(old) bridged", "\(old) ført videre") }
}

// MARK: Drill

extension Language {
    func drillBenchmarkName(_ benchmark: Drill.Benchmark, entryName: String?, entryPlace: Int?, peers: Int) -> String {
        switch benchmark {
        case .place(.place(let number)): pick("place \(number) (\(entryName!))", "plads \(number) (\(entryName!))")
        case .place(.median): pick("the median (\(entryName!))", "medianen (\(entryName!))")
        case .place(.municipality(let other)): pick("\(other.name) (place \(entryPlace!))", "\(other.name) (plads \(entryPlace!))")
        case .country: "Hele landet"
        case .peers: pick("its \(peers) peers", "dens \(peers) sammenligningskommuner")
        }
    }

    func drillBenchmarkHeading(_ benchmark: Drill.Benchmark) -> String {
        switch benchmark {
        case .place(.place(let number)): pick("place \(number)", "Plads \(number)")
        case .place(.median): pick("median", "Median")
        case .place(.municipality(let other)): other.name
        case .country: "Hele landet"
        case .peers: pick("peers", "Sammenligningskommuner")
        }
    }

    var areaDifferenceZero: String { pick("the area's difference is 0", "områdets forskel er 0") }

    func drillTitle(_ area: String, _ name: String, _ benchmark: String, _ segment: Segment, _ dataset: String) -> String {
        pick("\(area) by function: \(name) against \(benchmark), kr. per \(segment.person), \(dataset)",
             "\(area) pr. funktion: \(name) over for \(benchmark), kr. pr. \(person(segment)), \(dataset)")
    }

    var against: String { pick("against", "Over for") }
    var difference: String { pick("difference", "Forskel") }
    var timesPersons: String { pick("× persons, kr.", "× personer, kr.") }
    var sharePct: String { pick("share, %", "Andel, %") }

    func drillRoundingNote(_ name: String, _ segment: Segment) -> String {
        pick("× persons, kr. = the difference per \(segment.person) × \(name)'s \(segment.person)s, in whole kroner, rounded so "
                + "that the functions add up to the total exactly (each within 1 kr. of its exact value); "
                + "kr. per \(segment.person) is shown rounded. Share = the function's difference ÷ the total's.",
             "× personer, kr. = forskellen pr. \(person(segment)) × \(possessive(name)) \(persons(segment)), i hele kroner, "
                + "afrundet så funktionerne summer præcis til I alt (hver højst 1 kr. fra sin eksakte værdi); "
                + "kr. pr. \(person(segment)) vises afrundet. Andel = funktionens forskel ÷ den samlede forskel.")
    }

    func drillTotalIsMulighedsrum(_ benchmark: String) -> String {
        pick("The total difference is the mulighedsrum to \(benchmark).", "Den samlede forskel er mulighedsrummet til \(benchmark).")
    }

    func drillNoMore(_ name: String, _ segment: Segment, _ benchmark: String, _ area: String, zeroTotal: Bool) -> String {
        pick("\(name) spends no more per \(segment.person) than \(benchmark) on \(area) as a whole: the mulighedsrum is 0"
                + (zeroTotal ? "." : ", and the shares are of a negative total."),
             "\(name) bruger ikke mere pr. \(person(segment)) end \(benchmark) på \(area) samlet: mulighedsrummet er 0"
                + (zeroTotal ? "." : ", og andelene er af et negativt I alt."))
    }

    func drillNegativeShare(_ codes: String, _ name: String) -> String {
        pick("A negative share (\(codes)) is a function where \(name) is on the other side of the benchmark than "
                + "on the area as a whole; the other shares then add up to more than 100 %.",
             "En negativ andel (\(codes)) er en funktion, hvor \(name) ligger på den anden side af benchmark end "
                + "på området samlet; de andre andele summer så til mere end 100 %.")
    }

    func drillMedianNote(_ place: Int, _ ranked: Int) -> String {
        pick("The median is place \(place) of the \(ranked) municipalities ranked on the area.",
             "Medianen er plads \(place) af de \(ranked) kommuner, der er rangeret på området.")
    }

    func peersLevelNote(_ names: String) -> String {
        pick("The peers' level is Σ spending ÷ Σ persons of \(names).",
             "Sammenligningskommunernes niveau er Σ forbrug ÷ Σ personer for \(names).")
    }

    func peersLeftOut(_ listed: String) -> String {
        pick("Left out, not ranked on the area: \(listed).", "Udeladt, ikke rangeret på området: \(listed).")
    }
}

// MARK: Peers

extension Language {
    func peersTitle(_ name: String, group: String?, who: String, model: String, _ dataset: String) -> String {
        switch self {
        case .en: "Peers of \(name)\(group.map { " in its DST group (\($0))" } ?? ""): \(who) on \(model), \(dataset)"
        case .da: "Sammenligningskommuner for \(name)\(group.map { " i dens kommunegruppe (\($0))" } ?? ""): "
            + "\(who) på \(model), \(dataset)"
        }
    }

    func peersWho(count: Int, allInGroup: Bool) -> String {
        if allInGroup { return pick("all \(count), nearest first,", "alle \(count), nærmeste først,") }
        return count == 1 ? pick("the nearest", "den nærmeste") : pick("the \(count) nearest", "de \(count) nærmeste")
    }

    var sameFigures: String { pick("same figures", "samme tal") }
    func shareOfD2(_ variable: String) -> String { pick("% of d², \(variable)", "% af d², \(variable)") }
    var inhabitants: String { pick("inhabitants", "Indbyggere") }
    var dstGroup: String { pick("DST group", "Kommunegruppe") }

    func peersModelNote(over: String, year: Int, profiles: Int, weights: String) -> String {
        pick("Model: d = √Σ w·(Δz)² over \(over) on 1 January \(year), each standardised over the \(profiles) municipalities "
                + "with inhabitants: z = (x − mean) ÷ sd; \(weights). The % columns are each variable's share of d², adding up to 100.",
             "Model: d = √Σ w·(Δz)² over \(over) pr. 1. januar \(year), hver standardiseret over de \(profiles) kommuner "
                + "med indbyggere: z = (x − gennemsnit) ÷ sd; \(weights). %-kolonnerne er hver variabels andel af d², "
                + "i alt 100.")
    }

    var sizeVariable: String {
        pick("size = ln(inhabitants) (so that size counts in proportion)", "størrelse = ln(indbyggere) (så størrelse tæller forholdsmæssigt)")
    }

    func sharesAged(_ ages: [String]) -> String {
        pick("the share\(ages.count == 1 ? "" : "s") of the inhabitants aged \(listed(ages))",
             "\(ages.count == 1 ? "andelen" : "andelene") af indbyggerne i alderen \(listed(ages))")
    }

    var everyWeightOne: String { pick("every weight 1", "alle vægte 1") }
    func weights(_ listed: String) -> String { pick("weights \(listed)", "vægte \(listed)") }

    func onlyGroup(_ name: String, _ group: String, _ profiles: Int) -> String {
        pick("Only municipalities of \(name)'s DST group (\(group)) are candidates; the variables are standardised over all \(profiles).",
             "Kun kommuner i \(possessive(name)) kommunegruppe (\(group)) er kandidater; variablerne er standardiseret over "
                + "alle \(profiles).")
    }

    func inOwnGroup(_ count: Int, of shown: Int, _ name: String, _ group: String, names: [String]) -> String {
        let list = names.isEmpty ? "" : ": " + listed(names)
        return switch self {
        case .en: "\(count) of the \(shown) \(count == 1 ? "is" : "are") in \(name)'s own DST group (\(group))\(list); "
            + "peers \(name) in group keeps to it."
        case .da: "\(count) af de \(shown) er i \(possessive(name)) egen kommunegruppe (\(group))\(list); "
            + "peers \(name) in group holder sig til gruppen."
        }
    }

    func peersLeftOutAges(_ variables: String, _ dataset: String, hint: String) -> String {
        pick("Left out: \(variables) (shares by age): \(dataset) has population totals only\(hint).",
             "Udeladt: \(variables) (andele efter alder): \(dataset) har kun det samlede indbyggertal\(hint).")
    }

    func sameEverywhere(_ variable: String) -> String {
        pick("\(variable) is the same in every municipality (sd 0): it contributes nothing.",
             "\(variable) er den samme i alle kommuner (sd 0): den bidrager intet.")
    }

    func weightZero(_ variable: String) -> String {
        pick("\(variable) has weight 0: shown, but it counts for nothing.", "\(variable) har vægt 0: vist, men den tæller intet.")
    }

    func sameFiguresNote(_ names: [String], _ name: String) -> String {
        pick("\(names.joined(separator: ", ")) \(names.count == 1 ? "has" : "have") the same figures as \(name) on every variable (distance 0).",
             "\(names.joined(separator: ", ")) har de samme tal som \(name) på alle variable (afstand 0).")
    }

    func equallyNear(_ names: String) -> String {
        pick("Equally near: \(names) (in order of name).", "Lige nær: \(names) (i navnefølge).")
    }

    func onlyCandidates(_ count: Int) -> String {
        pick("Only \(count) candidates: all are shown.", "Kun \(count) kandidater: alle vises.")
    }

    func notAmong(_ count: Int, _ listed: String) -> String {
        pick("Not among the \(count): \(listed).", "Ikke blandt de \(count): \(listed).")
    }

    var noInhabitants: String { pick("no inhabitants", "ingen indbyggere") }
    var noAges: String { pick("no ages", "ingen aldre") }

    var peersCaveat: String {
        pick("Peers are alike in size and age profile only, not in needs, wealth or geography: a place to start comparing, not a verdict.",
             "Sammenligningskommuner ligner hinanden i størrelse og aldersprofil alene, ikke i behov, velstand eller geografi: "
                + "et sted at begynde at sammenligne, ikke en dom.")
    }

    func peersDefinition(_ variables: String, _ year: Int, _ profiles: Int) -> String {
        pick("peer model: \(variables), population on 1 January \(year); z = (x − mean) ÷ sd over the \(profiles) municipalities "
                + "with inhabitants (population sd); d = √Σ w·(Δz)²; nearest first, equal distances by name",
             "model: \(variables), befolkning pr. 1. januar \(year); z = (x − gennemsnit) ÷ sd over de \(profiles) kommuner "
                + "med indbyggere (populationens sd); d = √Σ w·(Δz)²; nærmeste først, lige afstande efter navn")
    }

    func sizeTerm() -> String { pick("size = ln(inhabitants)", "størrelse = ln(indbyggere)") }
    func shareAged(_ segment: String) -> String { pick("share aged \(segment)", "andel i alderen \(segment)") }

    /// "a", "a and b", "a, b and c" / "a, b og c".
    func listed(_ items: [String]) -> String {
        items.count < 2 ? items.joined()
            : items.dropLast().joined(separator: ", ") + pick(" and ", " og ") + items[items.count - 1]
    }
}

// MARK: Renderers and reports

extension Language {
    /// Before each note in a table, Markdown, CSV caption and workbook.
    public var notePrefix: String { pick("Note: ", "Bemærk: ") }
    /// A missing value in a table.
    public var notAvailableCell: String { pick("n/a", "i.t.") }
    /// A true flag in a table.
    public var yes: String { pick("yes", "ja") }

    public func columnsLeftOut(width: Int, _ names: String) -> String {
        pick("Not shown, to fit \(width) columns: \(names) (a wider terminal, or --format csv, shows every column).",
             "Ikke vist, for at passe til \(width) kolonner: \(names) (en bredere terminal eller --format csv viser alle kolonner).")
    }

    public func made(_ date: String, with generator: String) -> String {
        pick("Made \(date) with \(generator).", "Lavet \(date) med \(generator).")
    }

    public func madeWith(_ generator: String) -> String { pick("Made with \(generator).", "Lavet med \(generator).") }
    public var parametersLabel: String { pick("Parameters: ", "Parametre: ") }

    public var inventedWarning: String {
        pick("This report holds INVENTED figures (the teaching dataset): they are no real municipality's accounts.",
             "Denne rapport indeholder OPDIGTEDE TAL (undervisningsdata): de er ikke nogen virkelig kommunes regnskab.")
    }

    /// "2 December 2026" / "2. december 2026".
    public func date(day: Int, month: Int, year: Int) -> String {
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December"]
        let danish = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                      "oktober", "november", "december"]
        return pick("\(day) \(english[month - 1]) \(year)", "\(day). \(danish[month - 1]) \(year)")
    }
}
