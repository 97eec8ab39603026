import RdrEngine

/// `explain`: a result as numbered steps that a reader can check by hand, from the engine's
/// computation (never from printed figures). Whole kroner and head counts are exact; a quotient
/// is computed exactly from the integers its formula names and shown to 2 decimals; the one
/// rounding of a mulighedsrum (or of a repriced amount) to whole kroner is a step of its own.
public enum Explanation {
    /// The municipalities `explain … for` can choose among in `analysis`, or why there is no
    /// choice: the result is about one municipality already (a gap, an overview, a comparison).
    public static func choices(in analysis: Analysis) -> Result<[Municipality], ExplainError> {
        switch analysis {
        case .ranking(let ranking): .success(ranking.entries.map(\.municipality) + ranking.excluded.map(\.municipality))
        case .trend(let trend): .success(trend.municipalities)
        case .gap(let gap, _): .failure(.noChoice(result: "gap", municipality: gap.own.municipality.name))
        case .sensitivity(let sensitivity):
            .failure(.noChoice(result: "gap to several places", municipality: sensitivity.municipality.name))
        case .overview(let overview): .failure(.noChoice(result: "overview", municipality: overview.municipality.name))
        case .overviews(let overviews):
            .failure(.noChoice(result: "overview", municipality: overviews.overviews.first?.municipality.name ?? ""))
        case .comparison(let comparison):
            .failure(.noChoice(result: "comparison", municipality: comparison.members.first?.municipality.name ?? ""))
        case .areaComparisons(let comparisons):
            .failure(.noChoice(result: "comparison", municipality: comparisons.municipality.name))
        case .drill(let drill): .failure(.noChoice(result: "drill-down", municipality: drill.own.municipality.name))
        case .peers(let peers): .success(peers.ranked.map(\.municipality))
        }
    }

    /// The steps behind `analysis`, which was shown as `table` (its title and provenance are the
    /// explanation's). `focus` is one of `choices(in:)`; `datasets` are the loaded ones, where the
    /// amounts of each function summed are looked up. Each kind of analysis is one function of
    /// `Explainer`: a new kind is a case here, a case in `choices(in:)` and its function.
    public static func resultSet(explaining analysis: Analysis, shownAs table: ResultSet, for focus: Municipality?,
                                 datasets: [Dataset]) throws(ExplainError) -> ResultSet {
        if focus != nil, case .failure(let error) = choices(in: analysis) { throw error }
        var explainer = Explainer(shown: table, datasets: datasets)
        switch analysis {
        case .ranking(let ranking): try explainer.ranking(ranking, focus: focus)
        case .trend(let trend): try explainer.trend(trend, focus: focus)
        case .gap(let gap, let ranking): explainer.gap(gap, in: ranking)
        case .sensitivity(let sensitivity): explainer.sensitivity(sensitivity)
        case .overview(let overview): explainer.overviews([overview])
        case .overviews(let overviews): explainer.overviews(overviews.overviews)
        case .comparison(let comparison): explainer.comparison(comparison)
        case .areaComparisons(let comparisons): explainer.areaComparisons(comparisons)
        case .drill(let drill): explainer.drill(drill)
        case .peers(let peers): try explainer.peers(peers, focus: focus)
        }
        return explainer.resultSet()
    }
}

/// Why a result cannot be explained as asked.
public enum ExplainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `for` was given, but the result (`result`: "gap") is about `municipality` only.
    case noChoice(result: String, municipality: String)
    /// The municipality chosen is in the ranking's dataset but left out of the ranking.
    case notRanked(municipality: String, reason: String)
    /// The municipality chosen is not one the trend follows (`followed`, in order).
    case notFollowed(municipality: String, followed: [String])
    /// The municipality chosen is not among the candidates of a peers result.
    case notACandidate(municipality: String, of: String)

    public var description: String {
        switch self {
        case let .noChoice(result, municipality):
            "this \(result) is \(municipality)'s: explain it without for (for chooses a municipality of a ranking or a trend)"
        case let .notRanked(municipality, reason):
            "\(municipality) is not ranked in this result (\(reason)); explain … for a ranked municipality"
        case let .notACandidate(municipality, of):
            "\(municipality) is not one of the candidates for \(of)'s peers (in group keeps to its DST group)"
        case let .notFollowed(municipality, followed):
            "\(municipality) is not in this trend ("
                + (followed.isEmpty ? "it follows only Hele landet" : "it follows " + followed.joined(separator: ", ")) + ")"
        }
    }
}

// MARK: The steps

/// The numbered steps being written, each about one dataset, municipality, area and segment (the
/// keys its CSV row carries), and which of them are rounded.
private struct Steps {
    struct Subject {
        var dataset: String
        var municipality: String
        var area: String
        var per: String
    }

    var subject: Subject
    private(set) var rows: [[ResultSet.Value]] = []
    /// Steps shown to 2 decimals: exact quotients, rounded half away from zero.
    private(set) var twoDecimals: [Int] = []
    /// Steps rounded to whole kroner (half away from zero).
    private(set) var roundedToKroner: [Int] = []

    /// Adds a step and returns its number, for the formulas of the steps after it.
    @discardableResult
    mutating func add(_ item: String, _ value: ResultSet.Value) -> Int {
        rows.append([.text(subject.dataset), .text(subject.municipality), .text(subject.area), .text(subject.per),
                     .integer(rows.count + 1), .text(item), value])
        return rows.count
    }

    /// A quotient given in hundredths, shown to 2 decimals.
    @discardableResult
    mutating func add(_ item: String, hundredths: Int128) -> Int {
        let step = add(item, .amount(Double(hundredths) / 100))
        twoDecimals.append(step)
        return step
    }

    /// A whole-kroner figure that is the one rounding of an exact quotient or product.
    @discardableResult
    mutating func add(_ item: String, roundedKroner: Int) -> Int {
        let step = add(item, .integer(roundedKroner))
        roundedToKroner.append(step)
        return step
    }

    /// The note that says which steps are rounded, and how.
    var roundingNote: String {
        var parts: [String] = []
        if !twoDecimals.isEmpty {
            parts.append("\(stepsPhrase(twoDecimals)) shown to 2 decimals: computed exactly from the whole kroner and "
                         + "persons behind the steps it names, then rounded half away from zero (redoing it with the "
                         + "rounded steps shown can differ in the last decimal)")
        }
        if !roundedToKroner.isEmpty {
            parts.append("\(stepsPhrase(roundedToKroner)) rounded once, to whole kroner (half away from zero)")
        }
        return parts.isEmpty ? "Every step is exact." : parts.joined(separator: ". ") + ". Every other step is exact."
    }

    /// "Step 3 is", "Steps 3, 6–8 are"; a long list is said by what its steps show.
    private func stepsPhrase(_ steps: [Int]) -> String {
        let listed = runs(steps, joiner: ", ", through: "–")
        if listed.split(separator: ",").count > 6 { return "Every step with decimals is" }
        return steps.count == 1 ? "Step \(steps[0]) is" : "Steps \(listed) are"
    }
}

/// Consecutive numbers as runs: [1, 2, 3, 5] → "1–3, 5" (joiner ", ", through "–") or
/// "1 + … + 3 + 5" (joiner " + ", through " + … + "); a run of two is written out.
private func runs(_ numbers: [Int], joiner: String, through: String) -> String {
    var runs: [(first: Int, last: Int)] = []
    for number in numbers {
        if let run = runs.last, run.last + 1 == number {
            runs[runs.count - 1].last = number
        } else {
            runs.append((number, number))
        }
    }
    return runs.map { run in
        switch run.last - run.first {
        case 0: "\(run.first)"
        case 1: "\(run.first)\(joiner)\(run.last)"
        default: "\(run.first)\(through)\(run.last)"
        }
    }.joined(separator: joiner)
}

/// The sum of steps as a formula: "1 + … + 9".
private func sum(_ steps: [Int]) -> String {
    runs(steps, joiner: " + ", through: " + … + ")
}

// MARK: Numbers in words

/// A whole number as a table shows it to people: 1.234.567.
private func grouped(_ n: Int128) -> String {
    let digits = String(n.magnitude)
    var text = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(".") }
        text.append(digit)
    }
    return n < 0 ? "-" + text : text
}

func grouped(_ n: Int) -> String { grouped(Int128(n)) }

/// Hundredths as a table shows them to people: 78.751,60.
private func twoDecimals(_ hundredths: Int128) -> String {
    let cents = hundredths.magnitude % 100
    return (hundredths < 0 ? "-" : "") + grouped(Int128(hundredths.magnitude / 100)) + "," + (cents < 10 ? "0" : "")
        + String(cents)
}

/// Kr. per person in hundredths, exactly: spending ÷ persons; persons > 0.
private func perPerson(_ spending: Int, _ persons: Int) -> Int128 {
    Exact.hundredths(Int128(spending), Int128(persons))
}

/// A price factor in full, as people read decimals ("1,1376237623762376"): with the factor shown
/// to fewer places, a large amount times it would not give the repriced amount back.
private func fullFactor(_ factor: PriceFactor) -> String {
    String(String(factor.value).map { $0 == "." ? "," : $0 })
}

private let mulighedsrumDefinition = "Mulighedsrum to place P = max(0, own kr. per person − kr. per person at place P) "
    + "× own persons, in whole kroner."

// MARK: The explanations

private struct Explainer {
    /// The result as it was shown: its title and provenance.
    let shown: ResultSet
    let datasets: [Dataset]
    var steps = Steps(subject: .init(dataset: "", municipality: "", area: "", per: ""))
    var notes: [String] = []
    /// The definition and the caveat, after the note on rounding.
    var closing: [String] = []
    var titleSuffix = ""
    /// Decimals of the value column: 2 (kroner), 4 for the peers' z-scores and shares, which are
    /// floating point and say so themselves (no note on exact steps).
    var valueDecimals = 2

    init(shown: ResultSet, datasets: [Dataset]) {
        self.shown = shown
        self.datasets = datasets
    }

    mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    mutating func close(_ text: String) {
        if !closing.contains(text) { closing.append(text) }
    }

    func resultSet() -> ResultSet {
        ResultSet(
            title: "Explained: \(shown.title)\(titleSuffix)",
            columns: [
                .init(key: "dataset", title: "dataset", kind: .text, programsOnly: true),
                .init(key: "municipality", title: "kommune", kind: .text, programsOnly: true),
                .init(key: "area", title: "area", kind: .text, programsOnly: true),
                .init(key: "per", title: "per", kind: .text, programsOnly: true),
                .init(key: "step", title: "step", kind: .integer),
                .init(key: "item", title: "", kind: .text),
                .init(key: "value", title: "value", kind: .amount(shown: valueDecimals, exported: max(2, valueDecimals))),
            ],
            rows: steps.rows, notes: notes + (valueDecimals == 2 ? [steps.roundingNote] : []) + closing,
            provenance: shown.provenance)
    }

    /// "net spending", or "≈ net spending" where the amounts are published kr. per inhabitant × inhabitants.
    func spendingWord(_ ranking: Ranking) -> String {
        ranking.basis == .operating ? "net spending" : "≈ net spending"
    }

    mutating func about(_ ranking: Ranking, _ municipality: String) {
        steps.subject = .init(dataset: ranking.provenance.dataset, municipality: municipality, area: ranking.area.key,
                              per: ranking.segment.description)
    }

    // MARK: One municipality's spending, persons and kr. per person

    /// Each function's amount for `entry`, from the loaded dataset the ranking was computed from,
    /// with its label; nil when that dataset is no longer loaded as the ranking used it (the
    /// amounts must add up to the entry's spending).
    func functionAmounts(of entry: Ranking.Entry, in ranking: Ranking) -> [(code: FunctionCode, label: String?, amount: Int)]? {
        for dataset in datasets where dataset.id == ranking.dataset
            && dataset.provenance.dataset == ranking.provenance.dataset
            && dataset.provenance.priceBasis == ranking.provenance.priceBasis {
            guard let position = dataset.municipalities.firstIndex(of: entry.municipality) else { continue }
            let amounts = ranking.functions.compactMap { dataset.spending[$0]?[position] ?? nil }
            if amounts.count == ranking.functions.count, amounts.reduce(0, +) == entry.spending {
                return zip(ranking.functions, amounts).map { ($0, dataset.functionLabels[$0], $1) }
            }
        }
        return nil
    }

    /// The steps of `entry`'s net spending (each function, then the sum), persons and kr. per
    /// person; `heading` names it in the sum's step ("Korsbæk, place 73 of 98"). A function's step
    /// has its label when `labelled` (one municipality's list), else the municipality's name (two
    /// lists, as a gap has, each step saying whose). Returns the step numbers of the spending,
    /// the persons and the kr. per person.
    @discardableResult
    mutating func spending(of entry: Ranking.Entry, in ranking: Ranking, heading: String, listingFunctions: Bool = true,
                           labelled: Bool = true) -> (spending: Int, persons: Int, perPerson: Int) {
        let name = entry.municipality.name
        about(ranking, name)
        let spending = spendingWord(ranking)
        let sumStep: Int
        if !listingFunctions {
            sumStep = steps.add("\(heading): \(spending), kr.", .integer(entry.spending))
        } else if ranking.functions.count == 1 {
            // One function: its amount is the spending; a step of its own would only repeat it.
            sumStep = steps.add("\(heading): \(spending) on \(ranking.functions[0]), kr.", .integer(entry.spending))
        } else if let amounts = functionAmounts(of: entry, in: ranking) {
            let listed = amounts.map { amount in
                steps.add(labelled ? "\(amount.code)" + (amount.label.map { " \($0)" } ?? "") : "\(name): \(amount.code)",
                          .integer(amount.amount))
            }
            sumStep = steps.add("\(heading): \(spending) = \(sum(listed))", .integer(entry.spending))
            if labelled {
                note("Steps \(runs(listed, joiner: ", ", through: "–")) are \(name)'s \(spending) on each function "
                     + "of \(ranking.area.title).")
            } else {
                note("The functions' names: area \(ranking.area.key) lists them.")
            }
        } else {
            sumStep = steps.add("\(heading): \(spending) on its \(ranking.functions.count) functions, kr.",
                                .integer(entry.spending))
            note("The functions' amounts are not listed: \(ranking.provenance.dataset) is no longer loaded as this "
                 + "result used it (\(ranking.provenance.priceBasis)); load it so again to list them.")
        }
        let person = ranking.segment.person
        let persons = steps.add("\(name): \(person)s on 1 January \(ranking.dataset.year)", .integer(entry.persons))
        let perPersonStep = steps.add("\(name): kr. per \(person) = \(sumStep) ÷ \(persons)",
                                      hundredths: perPerson(entry.spending, entry.persons))
        return (sumStep, persons, perPersonStep)
    }

    // MARK: Ranking

    mutating func ranking(_ ranking: Ranking, focus: Municipality?) throws(ExplainError) {
        let median = ranking.median
        let entry: Ranking.Entry
        if let focus {
            guard let found = ranking.entries.first(where: { $0.municipality == focus }) else {
                let reason = ranking.excluded.first { $0.municipality == focus }?.reason ?? "not in this dataset"
                throw .notRanked(municipality: focus.name, reason: reason)
            }
            entry = found
        } else {
            entry = median
            note("No municipality was named, so this is the median municipality, \(median.municipality.name): the one "
                 + "at place ⌊n ÷ 2⌋ + 1 of the n ranked (explain … for KOMMUNE explains another).")
        }
        let name = entry.municipality.name
        let person = ranking.segment.person
        let n = ranking.entries.count
        titleSuffix = ", for \(name)"
        spending(of: entry, in: ranking, heading: name)
        let less = steps.add("municipalities spending less per person than \(name)",
                             .integer(ranking.countSpendingLess(than: entry)))
        let shared = ranking.ties.first { $0.contains(entry) }.map { group in
            " (shared with " + group.filter { $0 != entry }.map(\.municipality.name).joined(separator: ", ") + ")"
        } ?? ""
        steps.add("\(name): place = 1 + \(less), of \(n)\(shared)", .integer(entry.place))
        about(ranking, median.municipality.name)
        steps.add("the median's place = ⌊\(n) ÷ 2⌋ + 1", .integer(ranking.medianPlace))
        if median.municipality == entry.municipality {
            if focus != nil { note("\(name) is the median municipality: the one at place ⌊n ÷ 2⌋ + 1 of the n ranked.") }
        } else {
            let medianName = median.municipality.name
            let spendingStep = steps.add("\(medianName), at place \(ranking.medianPlace): \(spendingWord(ranking)), kr.",
                                         .integer(median.spending))
            let persons = steps.add("\(medianName): \(person)s on 1 January \(ranking.dataset.year)", .integer(median.persons))
            steps.add("\(medianName): kr. per \(person) = \(spendingStep) ÷ \(persons)",
                      hundredths: perPerson(median.spending, median.persons))
        }
        note("Place 1 spends least per \(person); municipalities with equal kr. per \(person) (compared exactly) "
             + "share a place.")
        if !ranking.excluded.isEmpty {
            let listed = ranking.excluded.map { "\($0.municipality.name) (\($0.reason))" }.joined(separator: "; ")
            note("\(n) of \(n + ranking.excluded.count) municipalities are ranked; left out: \(listed).")
        }
    }

    // MARK: Gap

    mutating func gap(_ gap: Gap, in ranking: Ranking) {
        let own = spending(of: gap.own, in: ranking, heading: "\(gap.own.municipality.name), place \(gap.own.place) of \(gap.ranked)",
                           labelled: false)
        let tied = gap.benchmark.place == gap.place ? "" : " (shares place \(gap.benchmark.place))"
        mulighedsrum(gap, in: ranking, own: own, heading: "place \(gap.place), \(gap.benchmark.municipality.name)\(tied)",
                     target: "place \(gap.place)", listingFunctions: true)
        close(mulighedsrumDefinition)
        close(mulighedsrumCaveat)
    }

    /// The benchmark's figures (`heading` names it: "place 25, Rønneborg"), the difference, the
    /// product and the one rounding, after the own municipality's steps `own`. `target` is what the
    /// gap is to ("place 25"); without the functions listed, each step starts with it.
    mutating func mulighedsrum(_ gap: Gap, in ranking: Ranking, own: (spending: Int, persons: Int, perPerson: Int),
                               heading: String, target: String, listingFunctions: Bool) {
        let benchmark = gap.benchmark
        let other = spending(of: benchmark, in: ranking, heading: heading, listingFunctions: listingFunctions, labelled: false)
        about(ranking, gap.own.municipality.name)
        let person = ranking.segment.person
        let (so, po, sb, pb) = (Int128(gap.own.spending), Int128(gap.own.persons),
                                Int128(benchmark.spending), Int128(benchmark.persons))
        let prefix = listingFunctions ? "" : "to \(target): "
        let difference = steps.add("\(prefix)difference per \(person) = \(own.perPerson) − \(other.perPerson)",
                                   hundredths: Exact.hundredths(so * pb - sb * po, po * pb))
        let product = steps.add("\(prefix)before rounding = \(difference) × \(own.persons) = (\(own.spending) × \(other.persons) − "
                                + "\(other.spending) × \(own.persons)) ÷ \(other.persons)",
                                hundredths: Exact.hundredths(so * pb - sb * po, pb))
        if gap.isAboveBenchmark {
            steps.add("\(prefix)mulighedsrum, kr. = \(product) in whole kroner", roundedKroner: gap.mulighedsrum)
        } else {
            steps.add("\(prefix)mulighedsrum, kr. = 0, as \(difference) is not above 0", .integer(gap.mulighedsrum))
            note("\(gap.own.municipality.name) already spends at or below \(target): the mulighedsrum is 0.")
        }
    }

    // MARK: Gap to several places

    mutating func sensitivity(_ sensitivity: Sensitivity) {
        let ranking = sensitivity.ranking
        let name = sensitivity.municipality.name
        guard let entry = ranking.entries.first(where: { $0.municipality == sensitivity.municipality }) else {
            let reason = ranking.excluded.first { $0.municipality == sensitivity.municipality }?.reason ?? "not in this dataset"
            about(ranking, name)
            steps.add("\(name): not ranked", .unavailable(reason))
            note("\(name) is not ranked: \(reason).")
            return
        }
        let own = spending(of: entry, in: ranking, heading: "\(name), place \(entry.place) of \(ranking.entries.count)",
                           listingFunctions: false)
        for (benchmark, outcome) in sensitivity.gaps {
            let target = benchmark.phrases.target
            switch outcome {
            case .success(let gap):
                let other = gap.benchmark.municipality.name
                let tied = gap.benchmark.place == gap.place ? "" : " (shares place \(gap.benchmark.place))"
                let heading = switch benchmark {
                case .place: "place \(gap.place), \(other)\(tied)"
                case .median: "the median, place \(gap.place), \(other)\(tied)"
                case .municipality: "\(other), place \(gap.place)"
                }
                mulighedsrum(gap, in: ranking, own: own, heading: heading, target: target, listingFunctions: false)
            case .failure(let error):
                about(ranking, name)
                steps.add("to \(target): not computed", .unavailable(error.description))
                note("To \(target): \(error).")
            }
        }
        note("The functions summed are listed by explaining a gap to one place (gap \(name) to P in "
             + "\(ranking.area.key), then explain _).")
        close(mulighedsrumDefinition)
        close(mulighedsrumCaveat)
    }

    // MARK: Overview

    mutating func overviews(_ overviews: [Overview]) {
        guard let first = overviews.first else { return }
        let name = first.municipality.name
        for overview in overviews {
            let target = overview.benchmark.phrases.target
            let prefix = overviews.count > 1 ? "to \(target), " : ""
            var rows: [Int] = []
            for row in overview.rows {
                let key = row.area.key
                steps.subject = .init(dataset: row.ranking?.provenance.dataset ?? shown.provenance?.dataset ?? "",
                                      municipality: name, area: key, per: row.area.segment.description)
                switch row.outcome {
                case .success(let gap):
                    let own = perPerson(gap.own.spending, gap.own.persons)
                    let level = perPerson(gap.benchmark.spending, gap.benchmark.persons)
                    let item = gap.isAboveBenchmark
                        ? "\(prefix)\(key): (\(twoDecimals(own)) − \(twoDecimals(level))) × \(grouped(gap.own.persons))"
                        : "\(prefix)\(key): 0, as \(twoDecimals(own)) ≤ \(twoDecimals(level))"
                    rows.append(gap.isAboveBenchmark ? steps.add(item, roundedKroner: gap.mulighedsrum)
                                                     : steps.add(item, .integer(gap.mulighedsrum)))
                case .failure(let error):
                    steps.add("\(prefix)\(key): not computed", .unavailable(error.description))
                    note("\(row.area.title): \(error).")
                }
            }
            steps.subject.area = ""
            steps.subject.per = ""
            let covered = rows.count == overview.rows.count ? "" : " (\(rows.count) of \(overview.rows.count) areas)"
            steps.add("\(prefix)total, kr. = \(sum(rows))\(covered)", .integer(overview.total))
        }
        note("Each area: (\(name)'s kr. per person − the kr. per person \(overviews.count > 1 ? "at the benchmark" : first.benchmark.phrases.level)) "
             + "× \(name)'s persons, in the area's own segment; 0 where \(name) is not above it.")
        note("Kr. per person are shown to 2 decimals, but each mulighedsrum is computed exactly from whole kroner, so "
             + "redoing it with the figures shown can differ by up to 1 kr. per 100 persons. One area's exact steps: "
             + "gap \(name) to P in AREA, then explain _.")
        if overviews.contains(where: { $0.benchmark == .median }) {
            note("The median is each area's own: place ⌊n/2⌋+1 of the n municipalities it ranks.")
        }
        close(mulighedsrumCaveat)
    }

    // MARK: Drill-down

    /// Per function: the own and the benchmark's amounts and the exact difference; the area's
    /// difference and its one rounding; then each function's whole kroner (largest remainder).
    mutating func drill(_ drill: Drill) {
        let ranking = drill.ranking
        let name = drill.own.municipality.name
        let level = drill.benchmarkName()
        let person = ranking.segment.person
        about(ranking, name)
        let ownPersons = steps.add("\(name): \(person)s on 1 January \(ranking.dataset.year)", .integer(drill.own.persons))
        let levelPersons = steps.add("\(level): \(person)s" + (drill.benchmarkEntry == nil ? " (Σ)" : ""),
                                     .integer(drill.benchmarkPersons))
        var exact: [Int] = []
        for line in drill.lines {
            steps.subject.area = line.function.description
            let own = steps.add("\(line.function) \(name), kr.", .integer(line.ownSpending))
            let other = steps.add("\(line.function) \(level), kr.", .integer(line.benchmarkSpending))
            exact.append(steps.add("\(line.function) difference = \(own) − \(other) × \(ownPersons) ÷ \(levelPersons)",
                                   hundredths: Exact.hundredths(line.scaledDifference, Int128(drill.benchmarkPersons))))
        }
        steps.subject.area = ranking.area.key
        let total = steps.add("\(ranking.area.key) difference = \(sum(exact))",
                              hundredths: Exact.hundredths(drill.scaledTotal, Int128(drill.benchmarkPersons)))
        let rounded = steps.add("\(ranking.area.key) difference, kr. = \(total) in whole kroner", roundedKroner: drill.difference)
        var whole: [Int] = []
        for (line, step) in zip(drill.lines, exact) {
            steps.subject.area = line.function.description
            whole.append(steps.add("\(line.function) difference, kr. (from \(step))", .integer(line.difference)))
        }
        steps.subject.area = ranking.area.key
        steps.add("\(sum(whole)) = \(rounded)", .integer(drill.lines.reduce(0) { $0 + $1.difference }))
        note("A function's difference is what \(name) spends on it beyond \(level)'s kr. per \(person) × \(name)'s "
             + "\(person)s: own − benchmark × own persons ÷ the benchmark's persons (the same for every function).")
        note("In whole kroner, each function's difference is rounded down, and the kroner still missing to step \(rounded) "
             + "go to the functions with the largest remainders: so they add up exactly, each within 1 kr.")
        note("A function's share = its exact difference ÷ step \(total)"
             + (drill.difference > 0 ? "; step \(rounded) is the mulighedsrum to \(level)." : "."))
        close(mulighedsrumCaveat)
    }

    // MARK: Peers

    /// For one candidate (the nearest unless `focus` names another): each variable's mean and sd,
    /// both values and z-scores, the weighted square of the difference, then d² and d.
    mutating func peers(_ peers: Peers, focus: Municipality?) throws(ExplainError) {
        let chosen: Peers.Candidate
        if let focus {
            guard let found = peers.ranked.first(where: { $0.municipality == focus }) else {
                throw .notACandidate(municipality: focus.name, of: peers.municipality.name)
            }
            chosen = found
        } else if let nearest = peers.ranked.first {
            chosen = nearest
            note("No municipality was named, so this is the nearest, \(nearest.municipality.name) "
                 + "(explain … for KOMMUNE explains another).")
        } else {
            steps.add("no candidates", .unavailable("no municipality to measure against"))
            return
        }
        valueDecimals = 4
        let name = peers.municipality.name
        let other = chosen.municipality.name
        titleSuffix = ", for \(other)"
        steps.subject = .init(dataset: peers.provenance.dataset, municipality: other, area: "", per: "")
        var terms: [Int] = []
        for (index, statistic) in peers.statistics.enumerated() {
            let variable = statistic.variable.description
            steps.subject.per = variable
            let what = variable == "size" ? "ln(inhabitants)" : "share aged \(variable)"
            let mean = steps.add("\(variable): mean of \(what) over \(peers.profiles.count)", .amount(statistic.mean))
            let sd = steps.add("\(variable): sd (÷ n)", .amount(statistic.sd))
            let ownValue = steps.add("\(variable): \(name), \(what)", .amount(peers.own.values[index]))
            let otherValue = steps.add("\(variable): \(other), \(what)", .amount(chosen.profile.values[index]))
            guard statistic.separates else {
                terms.append(steps.add("\(variable): the same everywhere (sd 0), contributes 0", .amount(0)))
                continue
            }
            let ownZ = steps.add("\(variable): \(name), z = (\(ownValue) − \(mean)) ÷ \(sd)", .amount(peers.own.z[index] ?? 0))
            let otherZ = steps.add("\(variable): \(other), z = (\(otherValue) − \(mean)) ÷ \(sd)",
                                   .amount(chosen.profile.z[index] ?? 0))
            let difference = steps.add("\(variable): Δz = \(otherZ) − \(ownZ)", .amount(chosen.differences[index]))
            terms.append(steps.add("\(variable): weight \(weightText(statistic.weight)) × \(difference)²", .amount(chosen.terms[index])))
        }
        steps.subject.per = ""
        let squared = steps.add("d² = \(sum(terms))", .amount(chosen.squaredDistance))
        steps.add("distance d = √\(squared)", .amount(chosen.distance))
        if let contributions = chosen.contributions {
            for (statistic, (term, share)) in zip(peers.statistics, zip(terms, contributions)) {
                steps.add("\(statistic.variable) share of d² = \(term) ÷ \(squared) × 100, %", .amount(share * 100))
            }
        }
        note("Size is ln(inhabitants); a share is the persons in the age band ÷ the inhabitants on 1 January "
             + "\(peers.dataset.year). Each is standardised over the \(peers.profiles.count) municipalities with inhabitants.")
        note("ln and √ are not whole numbers: every step is computed in floating point from the unrounded ones "
             + "and shown to 4 decimals.")
    }

    // MARK: Comparison
    // MARK: Comparison

    /// Kr. per person of a country, region or group, as a step: Σ spending ÷ Σ persons for a
    /// weighted figure. Returns the step and the exact hundredths (nil for a mean).
    mutating func level(_ reference: Reference, in ranking: Ranking, prefix: String) -> (step: Int, hundredths: Int128?) {
        steps.subject.municipality = reference.name
        if let spending = reference.spending, let persons = reference.persons, persons > 0 {
            let whose = reference.source == .published ? " (DST)" : ", Σ of \(reference.members)"
            let value = perPerson(spending, persons)
            return (steps.add("\(prefix)\(reference.name)\(whose): \(grouped(spending)) ÷ \(grouped(persons))",
                              hundredths: value), value)
        }
        switch reference.average {
        case .median:
            let members = ranking.entries.filter { entry in
                switch reference.scope {
                case .country: true
                case .region(let region): entry.municipality.region == region
                case .group(let group): entry.municipality.group == group
                }
            }
            guard !members.isEmpty else { break }
            let middle = members[members.count / 2]
            let value = perPerson(middle.spending, middle.persons)
            return (steps.add("\(prefix)\(reference.name), its median \(middle.municipality.name) (\(members.count / 2 + 1) "
                              + "of \(members.count)): \(grouped(middle.spending)) ÷ \(grouped(middle.persons))",
                              hundredths: value), value)
        case .mean:
            note("A mean is of the municipalities' kr. per person, in floating point, shown to 2 decimals.")
            return (steps.add("\(prefix)\(reference.name), mean of \(reference.members) municipalities' kr. per person",
                              .amount(reference.perPerson)), nil)
        case .weighted: break  // a weighted level carries its sums: shown above
        }
        return (steps.add("\(prefix)\(reference.name): kr. per person", .amount(reference.perPerson)), nil)
    }

    /// The index of kr. per person `value` (hundredths, exact when given) against the country's.
    mutating func index(of step: Int, value: Int128?, perPerson: Double, name: String, country: Reference,
                        countryStep: Int, prefix: String) {
        let item = "\(prefix)\(name): index = \(step) ÷ \(countryStep) × 100"
        guard let spending = country.spending, let persons = country.persons, spending > 0 else {
            steps.add(item, .unavailable("the country's kr. per person is not above 0"))
            note("The index is not shown: the country's kr. per person is not above 0.")
            return
        }
        if let value {
            // (v ÷ 100) ÷ (spending ÷ persons) × 100 = v × persons ÷ spending, in hundredths: × 100.
            steps.add(item, hundredths: Exact.quotient(value * Int128(persons) * 100, Int128(spending)))
        } else {
            steps.add(item, .amount(perPerson / country.perPerson * 100))
        }
    }

    mutating func member(_ entry: Ranking.Entry, in ranking: Ranking, prefix: String) -> (step: Int, hundredths: Int128) {
        steps.subject.municipality = entry.municipality.name
        let value = perPerson(entry.spending, entry.persons)
        let step = steps.add("\(prefix)\(entry.municipality.name): \(grouped(entry.spending)) ÷ \(grouped(entry.persons))",
                             hundredths: value)
        return (step, value)
    }

    mutating func place(of entry: Ranking.Entry, in ranking: Ranking, prefix: String) {
        let shared = entry.tied ? " (shared)" : ""
        steps.add("\(prefix)\(entry.municipality.name): place = 1 + \(ranking.countSpendingLess(than: entry)) "
                  + "spending less, of \(ranking.entries.count)\(shared)", .integer(entry.place))
    }

    mutating func comparison(_ comparison: Comparison) {
        let ranking = comparison.ranking
        about(ranking, comparison.country.name)
        let country = level(comparison.country, in: ranking, prefix: "")
        for member in comparison.members {
            steps.subject.municipality = member.municipality.name
            guard let entry = member.entry else {
                steps.add("\(member.municipality.name): not ranked", .unavailable(member.reason ?? "not ranked"))
                note("\(member.municipality.name) is not ranked: \(member.reason ?? "not ranked").")
                continue
            }
            let figure = self.member(entry, in: ranking, prefix: "")
            index(of: figure.step, value: figure.hundredths, perPerson: entry.perPerson, name: entry.municipality.name,
                  country: comparison.country, countryStep: country.step, prefix: "")
            place(of: entry, in: ranking, prefix: "")
        }
        for reference in comparison.references where reference.scope != .country {
            let figure = level(reference, in: ranking, prefix: "")
            index(of: figure.step, value: figure.hundredths, perPerson: reference.perPerson, name: reference.name,
                  country: comparison.country, countryStep: country.step, prefix: "")
        }
        let person = ranking.segment.person
        note("Each kr. per \(person) is net spending ÷ \(person)s on 1 January \(ranking.dataset.year); "
             + "Σ of n: summed over a level's n ranked municipalities.")
        comparisonNotes(country: comparison.country, average: comparison.references.first { $0.scope != .country }?.average)
    }

    mutating func areaComparisons(_ comparisons: AreaComparisons) {
        let name = comparisons.municipality.name
        var countries: [Reference] = []
        for (area, outcome) in comparisons.rows {
            let prefix = "\(area.key): "
            switch outcome {
            case .failure(let error):
                steps.subject = .init(dataset: shown.provenance?.dataset ?? "", municipality: name, area: area.key,
                                      per: area.segment.description)
                steps.add("\(prefix)not computed", .unavailable(error.description))
                note("\(area.title): \(error).")
            case .success(let comparison):
                let ranking = comparison.ranking
                countries.append(comparison.country)
                about(ranking, comparison.country.name)
                let country = level(comparison.country, in: ranking, prefix: prefix)
                for (position, member) in comparison.members.enumerated() {
                    steps.subject.municipality = member.municipality.name
                    guard let entry = member.entry else {
                        steps.add("\(prefix)\(member.municipality.name): not ranked", .unavailable(member.reason ?? "not ranked"))
                        note("\(area.title): \(member.municipality.name) is not ranked: \(member.reason ?? "not ranked").")
                        continue
                    }
                    let figure = self.member(entry, in: ranking, prefix: prefix)
                    if position == 0 {
                        index(of: figure.step, value: figure.hundredths, perPerson: entry.perPerson, name: name,
                              country: comparison.country, countryStep: country.step, prefix: prefix)
                        place(of: entry, in: ranking, prefix: prefix)
                    }
                }
                for reference in comparison.references where reference.scope != .country {
                    _ = level(reference, in: ranking, prefix: prefix)
                }
            }
        }
        let sources = Set(countries.map(\.source))
        note("Each kr. per person is the area's net spending ÷ the persons of its segment on 1 January; "
             + "Σ of n: summed over a level's n ranked municipalities.")
        comparisonNotes(country: sources.count == 1 ? countries.first : nil, average: comparisons.average)
    }

    mutating func comparisonNotes(country: Reference?, average: Reference.Average?) {
        if let country {
            note(countryNote(country))
        } else {
            note("Hele landet is Statistics Denmark's own figure where the data has it for every function of the area, "
                 + "else the sum of the ranked municipalities.")
        }
        if let average { note(average.explanation) }
        note("Index: kr. per person ÷ Hele landet's × 100. Place: 1 + the municipalities spending less per person "
             + "(compared exactly), of those ranked.")
    }

    // MARK: Trend

    mutating func trend(_ trend: Trend, focus: Municipality?) throws(ExplainError) {
        var index: Int? = trend.municipalities.isEmpty ? nil : 0
        if let focus {
            guard let chosen = trend.municipalities.firstIndex(of: focus) else {
                throw .notFollowed(municipality: focus.name, followed: trend.municipalities.map(\.name))
            }
            index = chosen
        }
        let name = index.map { trend.municipalities[$0].name } ?? Trend.countryName
        if focus == nil {
            note(index == nil ? "The trend follows no municipality: this is Hele landet."
                 : "No municipality was named, so this is the first the trend follows, \(name) "
                    + "(explain … for KOMMUNE explains another).")
        }
        titleSuffix = ", for \(name)"
        let person = trend.segment.person
        var previous: (step: Int, point: Trend.Point)?
        for (position, year) in trend.years.enumerated() {
            let y = year.year
            steps.subject = .init(dataset: year.provenance.dataset, municipality: name, area: trend.area.key,
                                  per: trend.segment.description)
            guard let computed = year.computed else {
                if case .failure(let error) = year.outcome {
                    steps.add("\(y): not available", .unavailable(error.description))
                    note("\(y): not available: \(error).")
                }
                previous = nil
                continue
            }
            if let index, case .failure(let error) = computed.municipalities[index] {
                let reason = if case .notRanked(_, let reason) = error { reason } else { error.description }
                steps.add("\(y): \(name) is not ranked", .unavailable(reason))
                note("\(y): \(name) is not ranked: \(reason).")
                previous = nil
                continue
            }
            guard let point = trend.point(at: position, municipality: index) else { continue }
            let spendingStep: Int
            if let factor = year.factor, let prices = trend.prices {
                let current = datasets.lazy.filter { $0.provenance.dataset == year.provenance.dataset }
                    .compactMap { trend.currentSpending(at: position, municipality: index, in: $0) }.first
                if let current {
                    let currentStep = steps.add("\(y): net spending in current prices, kr.", .integer(current))
                    spendingStep = steps.add("\(y): in \(prices.year) prices, kr. = \(currentStep) × \(fullFactor(factor))",
                                             roundedKroner: point.spending)
                } else {
                    spendingStep = steps.add("\(y): net spending in \(prices.year) prices, kr.", .integer(point.spending))
                    note("The current-price amounts are not shown: \(year.provenance.dataset) is no longer loaded in "
                         + "current prices; load it so again to see them.")
                }
            } else {
                spendingStep = steps.add("\(y): net spending, kr.", .integer(point.spending))
            }
            let personsStep = steps.add("\(y): \(person)s on 1 January", .integer(point.persons))
            let perPersonStep = steps.add("\(y): kr. per \(person) = \(spendingStep) ÷ \(personsStep)",
                                          hundredths: perPerson(point.spending, point.persons))
            if let change = trend.change(at: position, municipality: index), let before = previous {
                let across = trend.breaks.contains { $0.index == position } ? " (across a break)" : ""
                // (s ÷ p − s' ÷ p') = (s·p' − s'·p) ÷ (p·p'); as a % of |s' ÷ p'|: × 100 × p' ÷ |s'|.
                let delta = Int128(point.spending) * Int128(before.point.persons)
                    - Int128(before.point.spending) * Int128(point.persons)
                let krStep = steps.add("\(y): change, kr. = \(perPersonStep) − \(before.step)\(across)",
                                       hundredths: Exact.hundredths(delta, Int128(point.persons) * Int128(before.point.persons)))
                if change.percent != nil {
                    steps.add("\(y): change, % = \(krStep) ÷ \(before.step) × 100",
                              hundredths: Exact.hundredths(delta * 100,
                                                           Int128(point.persons) * Int128(before.point.spending.magnitude)))
                } else {
                    steps.add("\(y): change, %", .unavailable("no % change from 0 kr."))
                }
            }
            if let index, case .success(let placed) = computed.municipalities[index] {
                steps.add("\(y): place in that year's ranking, of \(computed.ranked)\(placed.tied ? " (shared)" : "")",
                          .integer(placed.place))
            }
            previous = (perPersonStep, point)
        }
        trendNotes(trend, explainingCountry: index == nil)
    }

    mutating func trendNotes(_ trend: Trend, explainingCountry: Bool) {
        if let prices = trend.prices {
            note("Fixed prices, \(prices.label): each year's net spending in current prices × its factor to "
                 + "\(prices.year) prices (shown in full) is rounded once to whole kroner; the place is that year's "
                 + "ranking's, as the factor is the same for every municipality.")
        }
        let person = trend.segment.person
        note("Change: against the year before's kr. per \(person); in % of its size. None for the first year, or where "
             + "the year before has no figure or is not in the series.")
        for found in trend.breaks {
            let year = trend.years[found.index].year
            let came = found.came.map(\.description).joined(separator: ", ")
            let went = found.went.map(\.description).joined(separator: ", ")
            let changed = [went.isEmpty ? nil : "\(went) went", came.isEmpty ? nil : "\(came) came"].compactMap { $0 }
            note("Break in \(year): the functions summed changed (\(changed.joined(separator: ", "))); the change "
                 + "across it compares different sets of functions.")
        }
        for year in trend.years {
            for bridge in year.computed?.bridges ?? [] {
                let crosswalk = trend.crosswalk.map { " (crosswalk \($0.name))" } ?? ""
                note("\(year.year): \(bridge.old) bridged as \(bridge.new.map(\.description).joined(separator: " + "))"
                     + "\(crosswalk).")
            }
        }
        if explainingCountry {
            let published = trend.years.filter { $0.computed?.countrySource == .published }.map { String($0.year) }
            note(published.isEmpty ? "Hele landet is the sum of the ranked municipalities (Σ spending ÷ Σ persons)."
                 : "Hele landet is Statistics Denmark's own figure (OMRÅDE 0) in \(published.joined(separator: ", ")), "
                    + "else the sum of the ranked municipalities.")
        }
    }
}

