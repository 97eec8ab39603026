import Foundation
import RdrData
import RdrEngine
import RdrReport
import RdrRender

/// Runs statements against a session. Errors are diagnostics pointing at the part of the
/// statement that was wrong; nothing in the session changes when a statement fails.
extension Session {
    func execute(_ statement: Statement, emit: (Output) -> Void) throws {
        switch statement.kind {
        case let .load(choice, prices, index):
            try load(choice, prices: prices, index: index, emit: emit)
        case .use(let choice):
            let chosen = try loadedDatasets(choice)[0]
            use(chosen)
            emit(.message("Current dataset: \(chosen.name)."))
        case .fetch(let ids):
            try fetch(ids, emit: emit)
        case .forget(let id):
            try forget(id, emit: emit)
        case .importFile(let path):
            try importFile(path, emit: emit)
        case .check(let id):
            emit(.result(try check(id), format: nil))
        case .query(let query):
            let result = try evaluate(query, at: statement.range)
            if case .reference = query {} else { keep(result, as: nil) }
            emit(.result(result.table, format: nil))
        case let .bind(name, query):
            let result = try evaluate(query, at: statement.range)
            keep(result, as: name.value)
            emit(.message("\(name.value) = \(result.table.title) (\(rowCount(result.table)))"))
        case let .show(name, format):
            emit(.result(try storedResult(name), format: try format.map(outputFormat)))
        case let .export(name, path, format):
            try export(name: name, path: path, format: format, at: statement.range, emit: emit)
        case .drop(let name):
            _ = try storedResult(name)
            _ = drop(name.value)
            emit(.message("Dropped \(name.value)."))
        case let .defineArea(key, title, include, exclude, segment):
            if FunctionPattern(key.value) != nil {
                throw Diagnostic("an area's name cannot be a function code; choose a name such as Botilbud", at: key.range)
            }
            let area = AreaDefinition(key: key.value, title: title, include: include, exclude: exclude, segment: segment)
            let replaced = define(area)
            emit(.message("\(replaced ? "Redefined" : "Defined") area \(area.key) = \(area.functionsText) per \(segment)."))
        case .describeArea(let target):
            emit(.result(try describe(target), format: nil))
        case .setFormat(let name):
            format = try outputFormat(name)
            emit(.message("Output format: \(format.rawValue)."))
        case .setLanguage(let name):
            language = try self.language(name)
            emit(.message("Language of results: \(language.rawValue) (\(language.displayName))."))
        case .setTitle(let text):
            title = text
            emit(.message("The report's title: \(text)."))
        case let .map(name, chosen, path):
            try drawMap(name, for: chosen, to: path, emit: emit)
        case .report(let path):
            try writeReport(to: path, emit: emit)
        case .save(let path):
            try saveScript(to: path, emit: emit)
        case .chart(let request):
            try chart(request, emit: emit)
        case .run(let path):
            guard runDepth < Session.deepestRun else {
                throw Diagnostic("run nests more than \(Session.deepestRun) deep; does a script run itself?", at: path.range)
            }
            let source: Source
            do {
                source = try ScriptFile.read(path.value, from: scriptFolder ?? workingDirectory)
            } catch {
                throw Diagnostic(error.description, at: path.range)
            }
            try runNested(source, emit: emit)
        case .help(let topic):
            emit(.message(try Help.text(for: topic)))
        case .list(let listing):
            emit(.result(try list(listing, at: statement.range), format: nil))
        case .quit:
            emit(.quit)
        }
    }

    // MARK: Loading

    /// Loads every dataset named, in order, and makes the last one current. Without a collection:
    /// the local store when it has the dataset, else the built-in snapshot. Nothing is kept unless
    /// all of them load.
    private func load(_ choice: DatasetChoice, prices: Located<Int>?, index: Located<String>?,
                      emit: (Output) -> Void) throws {
        var loaded: [Dataset] = []
        var notes: [String] = []
        for id in choice.ids {
            let (dataset, note) = try load(id, collection: choice.collection)
            loaded.append(try prices.map { try repriced(dataset, to: $0, index: index) } ?? dataset)
            if let note, !notes.contains(note) { notes.append(note) }
        }
        loaded.forEach(use)
        for note in notes { emit(.message("Note: \(note), so this is the built-in snapshot instead.")) }
        emit(.message(loadedMessage(loaded)))
    }

    /// One dataset, and a note when it comes from the snapshot although the store has part of it.
    private func load(_ located: Located<DatasetID>, collection name: Located<String>?) throws -> (Dataset, String?) {
        let id = located.value
        // The store alone says what it holds: no collection (and no built-in data) is read for it.
        let store = self.store
        let hasAccounts = store.state(.accounts(id)) != .absent
        let local = hasAccounts && store.state(.population(year: id.year)) != .absent
        let collection = name?.value ?? (local ? "local" : "real")
        // The local store has the accounts but not their population: say so rather than silently
        // loading the built-in snapshot.
        let incomplete = name == nil && !local && hasAccounts
            ? "the local store has \(id) but not the population on 1 January \(id.year) "
                + "(fetch \(id) gets both, or import a FOLK1A file)" : nil
        do {
            return (try dataCollection(collection).dataset(id), incomplete)
        } catch {
            var message = incomplete.map { "\($0); " } ?? ""
            message += error.description
            let fetchable = collection == "real" && name == nil
            if fetchable {
                message += "; fetch \(id) downloads it from Statistics Denmark into the local store"
            }
            let other = collection == "teaching" ? "real" : "teaching"
            if (try? dataCollection(other).datasets.contains(id)) == true {
                message += other == "teaching" ? "; load teaching \(id) has invented figures for teaching"
                    : "; load \(id) has the real figures"
            }
            throw Diagnostic(message, at: located.range, remedy: fetchable ? "fetch \(id)" : nil)
        }
    }

    /// "Loaded teaching R2020 (accounts 2020): …", or for several the span and the current one.
    private func loadedMessage(_ loaded: [Dataset]) -> String {
        let last = loaded[loaded.count - 1]
        let ages = last.population.byAge == nil ? "population totals" : "population by age"
        let what = last.provenance.invented
            ? "INVENTED figures for \(last.municipalities.count) fictional municipalities"
            : "\(last.municipalities.count) municipalities"
        guard loaded.count > 1 else {
            return "Loaded \(last.name) (\(last.id.spelledOut)): \(what), \(last.functionLabels.count) functions, "
                + "\(ages) on 1 January \(last.id.year), \(last.provenance.priceBasis). Source: \(last.provenance.source)."
        }
        let names = loaded.map(\.id.description)
        return "Loaded \(loaded.count) datasets (\(names.joined(separator: ", "))): \(what), \(ages), "
            + "\(last.provenance.priceBasis). Source: \(Set(loaded.map(\.provenance.source)).sorted().joined(separator: "; ")). "
            + "Current: \(last.name) (use DATASET, or on DATASET in a statement, for another)."
    }

    private func repriced(_ dataset: Dataset, to year: Located<Int>, index file: Located<String>?) throws -> Dataset {
        do {
            let index = try priceIndex(file)
            let factor = try index.factor(from: dataset.id.year, to: year.value)
            return dataset.repriced(by: factor, to: year.value, priceBasis: "\(year.value) prices, \(index.label)")
        } catch let error as DataError {
            throw Diagnostic(error.description, at: file?.range ?? year.range)
        }
    }

    /// `cpi` (the default), `state` (the state's PL) or a `year,index` file.
    func priceIndex(_ name: Located<String>?) throws -> PriceIndex {
        switch name?.value.lowercased() {
        case nil, "cpi": return try PriceIndex.consumerPrices()
        case "state": return try PriceIndex.statePL()
        default:
            let file = name!
            return try PriceIndex.read(bytes: try contents(of: file, what: "the price index"), name: file.value)
        }
    }

    /// The dataset a statement runs on: the one `on` names, else the current one.
    func requireDataset(_ choice: DatasetChoice?, at range: SourceRange) throws(Diagnostic) -> Dataset {
        if let choice {
            guard choice.ids.count == 1 else {
                throw Diagnostic("this runs on one dataset; trend follows several", at: choice.range)
            }
            return try loadedDatasets(choice)[0]
        }
        guard let dataset else {
            throw Diagnostic("no dataset is loaded; start with load R2024 (real) or load teaching R2020", at: range)
        }
        return dataset
    }

    /// The loaded datasets a choice names, in its order: of its collection when it names one, else
    /// of the current dataset's collection, else of whichever collection has it loaded.
    func loadedDatasets(_ choice: DatasetChoice) throws(Diagnostic) -> [Dataset] {
        try choice.ids.map { located throws(Diagnostic) -> Dataset in
            let id = located.value
            let candidates = workspace.filter { loaded in
                loaded.id == id && (choice.collection.map { loaded.collection == $0.value } ?? true)
            }
            if let found = candidates.first(where: { $0.collection == dataset?.collection }) ?? candidates.first {
                return found
            }
            let prefix = choice.collection.map { "\($0.value) " } ?? ""
            let loaded = workspace.isEmpty ? "none is loaded yet" : "loaded: " + workspace.map(\.name).joined(separator: ", ")
            throw Diagnostic("\(prefix)\(id) is not loaded (\(loaded)); load \(prefix)\(id) first",
                             at: located.range, remedy: "load \(prefix)\(id)")
        }
    }

    // MARK: Queries

    private func evaluate(_ query: Query, at range: SourceRange) throws -> KeptResult {
        switch query {
        case .reference(let name): return try kept(name, standingAlone: true)
        case .rank(let rank): return KeptResult(try evaluate(rank, at: range))
        case .gap(let gap): return KeptResult(try evaluate(gap, at: range))
        case .compare(let compare): return KeptResult(try evaluate(compare, at: range))
        case .trend(let trend): return KeptResult(try evaluate(trend, at: range))
        case .drill(let drill): return KeptResult(try evaluate(drill, at: range))
        case .peers(let peers): return KeptResult(try evaluate(peers, at: range))
        case let .explain(name, municipality): return try explain(name, for: municipality)
        }
    }

    private func evaluate(_ query: RankQuery, at range: SourceRange) throws -> Evaluated {
        let dataset = try requireDataset(query.on, at: range)
        let area = try self.area(query.target, in: dataset)
        let ranking = try engine { () throws(EngineError) in try dataset.rank(area, per: query.segment?.value) }
            at: { $0.isSegmentError ? query.segment?.range ?? query.target.range : query.target.range }
        let selection: RowSelection = switch query.selection {
        case .all: .all
        case .top(let n): .top(n)
        case .bottom(let n): .bottom(n)
        case .only(let names): .only(try names.map { try municipality($0, in: dataset) })
        }
        let average = query.average?.value ?? .weighted
        if query.average != nil, !query.levels.contains(where: { $0.value != .country }) {
            throw Diagnostic("average chooses how regions and groups are averaged; add with regions or with groups",
                             at: query.average!.range)
        }
        var levels: [Reference] = []
        for level in query.levels {
            switch level.value {
            case .country: levels.append(ranking.country(in: dataset))
            case .regions:
                let regions = Set(dataset.municipalities.map(\.region)).sorted()
                levels += regions.compactMap { ranking.reference(.region($0), average) }
            case .groups:
                let groups = Set(dataset.municipalities.map(\.group)).sorted()
                levels += groups.compactMap { ranking.reference(.group($0), average) }
            }
        }
        var evaluated = Evaluated(.ranking(ranking), table: ranking.resultSet(showing: selection, levels: levels, in: language))
        if case .only(let chosen) = selection { evaluated.highlighted = chosen }
        return evaluated
    }

    private func evaluate(_ query: GapQuery, at range: SourceRange) throws -> Evaluated {
        let dataset = try requireDataset(query.on, at: range)
        let municipality = try self.municipality(query.municipality, in: dataset)
        let benchmarks = try query.places.map { try benchmark($0, in: dataset) }
        if query.byFunction != nil {
            let scope = try query.target.map { try self.area($0, in: dataset) }
            let rows = try engine { () throws(EngineError) in
                try dataset.functionAreas(in: scope, areas: areas, per: query.segment?.value)
            } at: { _ in query.target?.range ?? range }
            return try overview(municipality, to: benchmarks, over: rows, byFunction: true, sorted: query.sorted != nil,
                                in: dataset, statementRange: range)
        }
        guard let target = query.target else {
            if let segment = query.segment {
                throw Diagnostic("per needs an area: the overview uses each area's own segment; write gap "
                                 + "\(query.municipality.value) to … in AREA per \(segment.value), or by function per \(segment.value)",
                                 at: segment.range)
            }
            return try overview(municipality, to: benchmarks, over: areas, byFunction: false, sorted: query.sorted != nil,
                                in: dataset, statementRange: range)
        }
        if let sorted = query.sorted {
            throw Diagnostic("sorted orders an overview's rows, and gap … in \(target.name) is one area; "
                             + "leave out in, or write by function in \(target.name)", at: sorted)
        }
        let area = try self.area(target, in: dataset)
        let ranking = try engine { () throws(EngineError) in try dataset.rank(area, per: query.segment?.value) }
            at: { $0.isSegmentError ? query.segment?.range ?? target.range : target.range }
        guard benchmarks.count == 1 else {
            let sensitivity = Sensitivity(ranking: ranking, municipality: municipality, benchmarks: benchmarks)
            if case .failure(let error)? = sensitivity.gaps.first?.outcome, case .notRanked = error,
               !ranking.entries.contains(where: { $0.municipality == municipality }) {
                throw Diagnostic(error.description, at: query.municipality.range)
            }
            return Evaluated(.sensitivity(sensitivity), table: sensitivity.resultSet(in: language))
        }
        let gap = try engine { () throws(EngineError) in try ranking.gap(for: municipality, to: benchmarks[0]) }
            at: { if case .notRanked(let name, _) = $0, name == municipality.name { query.municipality.range } else { query.places[0].range } }
        return Evaluated(.gap(gap, in: ranking), table: gap.resultSet(ranking: ranking, in: language))
    }

    /// A place as the engine takes it: a place number is checked against the municipalities the
    /// dataset has, a name resolved to its municipality.
    func benchmark(_ place: Located<GapQuery.Place>, in dataset: Dataset) throws -> BenchmarkPlace {
        switch place.value {
        case .number(let number):
            let count = dataset.municipalities.count
            guard (1...count).contains(number) else {
                throw Diagnostic(EngineError.placeOutOfRange(place: number, ranked: count).description, at: place.range)
            }
            return .place(number)
        case .median:
            return .median
        case .municipality(let name):
            return .municipality(try municipality(Located(name, place.range), in: dataset))
        }
    }

    /// The overview over `rows` (the areas, or functions as areas of their own), to each benchmark.
    private func overview(_ municipality: Municipality, to benchmarks: [BenchmarkPlace], over rows: [AreaDefinition],
                          byFunction: Bool, sorted: Bool, in dataset: Dataset,
                          statementRange: SourceRange) throws -> Evaluated {
        var all = OverviewSensitivity(dataset, for: municipality, to: benchmarks, areas: rows, rowsAreFunctions: byFunction)
        if all.overviews.allSatisfy({ $0.computedCount == 0 }), let first = all.overviews[0].rows.first,
           case .failure(let error) = first.outcome {
            throw Diagnostic("no \(byFunction ? "function" : "area") can be computed on \(dataset.name): \(error)",
                             at: statementRange)
        }
        if sorted { all = all.sortedByFirstMulighedsrum() }
        guard all.overviews.count == 1 else {
            return Evaluated(.overviews(all), table: all.resultSet(dataset: dataset, in: language))
        }
        let overview = all.overviews[0]
        return Evaluated(.overview(overview), table: overview.resultSet(dataset: dataset, in: language))
    }

    /// Runs an engine computation, turning its error into a diagnostic at the spot `range` picks.
    func engine<T>(_ body: () throws(EngineError) -> T,
                           at range: (EngineError) -> SourceRange) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch {
            throw Diagnostic(error.description, at: range(error))
        }
    }

    // MARK: Names

    func area(_ target: Target, in dataset: Dataset?) throws(Diagnostic) -> AreaDefinition {
        switch target {
        case .functions(let pattern):
            let label: String? = if case .function(let code) = pattern.value { dataset?.functionLabels[code] } else { nil }
            return AreaDefinition(pattern: pattern.value, label: label)
        case .area(let name):
            switch areaMatcher.match(name.value) {
            case .found(let area): return area
            case .notFound(let suggestions):
                throw Diagnostic("unknown area \(name.value.quotedInMessage)" + didYouMean(suggestions, otherwise: "type areas for the list"),
                                 at: name.range)
            }
        }
    }

    func municipality(_ name: Located<String>, in dataset: Dataset) throws -> Municipality {
        switch municipalityMatcher(for: dataset).match(name.value) {
        case .found(let municipality):
            return municipality
        case .notFound(let suggestions):
            if !suggestions.isEmpty {
                throw Diagnostic("unknown municipality \(name.value.quotedInMessage) in \(dataset.name)" + didYouMean(suggestions, otherwise: ""),
                                 at: name.range)
            }
            let other = dataset.collection == "real" ? "teaching" : "real"
            if let elsewhere = try? dataCollection(other),
               case .found(let found) = NameMatcher(elsewhere.municipalities, names: { [$0.name] }).match(name.value) {
                let hint = other == "real" ? "load R2024 for the real municipalities"
                    : "the teaching dataset's municipalities are fictional; load teaching R2020 to use them"
                throw Diagnostic("\(found.name) is not in \(dataset.name); \(hint)", at: name.range)
            }
            throw Diagnostic("unknown municipality \(name.value.quotedInMessage) in \(dataset.name); type municipalities for the list",
                             at: name.range)
        }
    }

    /// The result a name refers to. `standingAlone` is a word typed as a whole statement, which
    /// may as well be a misspelled command.
    private func storedResult(_ name: Located<String>) throws(Diagnostic) -> ResultSet {
        try kept(name).table
    }

    func kept(_ name: Located<String>, standingAlone: Bool = false) throws(Diagnostic) -> KeptResult {
        if let kept = results.last(where: { $0.name == name.value }) { return kept.result }
        let names = results.map(\.name).filter { $0 != Session.lastName }
        let message: String
        if let result = NameMatcher.closest(to: name.value, in: names) {
            message = "no result named \(name.value.quotedInMessage); did you mean \(result)?"
        } else if standingAlone, let command = NameMatcher.closest(to: name.value, in: commandWords) {
            message = "unknown command \(name.value.quotedInMessage); did you mean \(command)?"
        } else if standingAlone {
            message = "\(name.value.quotedInMessage) is neither a command nor a result; help lists the commands"
                + (names.isEmpty ? "" : ", results the results")
        } else if names.isEmpty {
            message = "no result named \(name.value.quotedInMessage); make one with let NAME = rank …"
        } else {
            message = "no result named \(name.value.quotedInMessage); results has the list"
        }
        throw Diagnostic(message, at: name.range)
    }

    func didYouMean(_ suggestions: [String], otherwise: String) -> String {
        if let best = suggestions.first { return "; did you mean \(best)?" }
        return otherwise.isEmpty ? "" : "; \(otherwise)"
    }

    private func outputFormat(_ name: Located<String>) throws(Diagnostic) -> OutputFormat {
        guard let format = OutputFormat(name: name.value) else {
            if ExportFormat(name: name.value) == .workbook {
                throw Diagnostic("a workbook is a file, not something to show: export it (export s to x.xlsx); "
                                 + "choose \(OutputFormat.namesText)", at: name.range)
            }
            throw Diagnostic("unknown format \(name.value.quotedInMessage); choose \(OutputFormat.namesText)", at: name.range)
        }
        return format
    }

    /// `en` or `da`; anything else is an error that names both.
    private func language(_ name: Located<String>) throws(Diagnostic) -> Language {
        if let language = Language(name: name.value) { return language }
        let codes = Language.allCases.map(\.rawValue)
        // "dansk", "danish", "english" start with the code they mean.
        let suggestion = NameMatcher.closest(to: name.value, in: codes)
            ?? codes.first { name.value.lowercased().hasPrefix($0) }
        let languages = Language.allCases.map { "\($0.rawValue) (\($0.displayName))" }.joined(separator: " or ")
        throw Diagnostic("unknown language \(name.value.quotedInMessage)"
                         + didYouMean(suggestion.map { [$0] } ?? [], otherwise: "") + "; choose \(languages)",
                         at: name.range)
    }

    private func rowCount(_ result: ResultSet) -> String {
        result.rows.count == 1 ? "1 row" : "\(result.rows.count) rows"
    }

    // MARK: Export

    /// Writes a result to a file in the format `as` names, or else the one its extension says; a
    /// chart or a map (.svg) is drawn as `chart … to` and `map … to` draw it.
    private func export(name: Located<String>?, path: Located<String>, format formatName: Located<String>?,
                        at range: SourceRange, emit: (Output) -> Void) throws {
        let format: ExportFormat
        if let formatName {
            guard let named = ExportFormat(name: formatName.value) else {
                let suggestion = NameMatcher.closest(to: formatName.value, in: ExportFormat.names).map { "did you mean \($0)? " } ?? ""
                throw Diagnostic("unknown format \(formatName.value.quotedInMessage); \(suggestion)an export is \(ExportFormat.namesText)",
                                 at: formatName.range)
            }
            format = named
        } else {
            guard let implied = ExportFormat(path: path.value) else {
                throw Diagnostic("cannot tell the format of '\(path.value)' from its extension; use \(ExportFormat.extensionsText), "
                                 + "or name it: export … to \(path.value) as csv", at: path.range)
            }
            format = implied
        }
        if case .picture(let picture) = format {
            guard ExportFormat.isPicturePath(path.value) else {
                throw Diagnostic("a \(picture.rawValue) is written as SVG; name the file NAME.svg, as in export … to "
                                 + "\(picture.rawValue).svg as \(picture.rawValue)", at: path.range)
            }
            guard name != nil || result(named: Session.lastName) != nil else {
                throw Diagnostic("there is no result to export yet; run rank or gap first, or name one: export s to …", at: range)
            }
            let named = name ?? Located(Session.lastName, range)
            switch picture {
            case .chart: try chart(ChartRequest(name: named, municipality: nil, characters: nil, path: path), emit: emit)
            case .map: try drawMap(named, for: [], to: path, emit: emit)
            }
            return
        }
        let result: ResultSet
        if let name {
            result = try storedResult(name)
        } else {
            guard let last = self.result(named: Session.lastName) else {
                throw Diagnostic("there is no result to export yet; run rank or gap first, or name one: export s to …", at: range)
            }
            result = last
        }
        do {
            try AtomicFile.write(try format.contents(of: result) ?? [], to: resolve(path.value).path)
        } catch {
            throw Diagnostic(error.description, at: path.range)
        }
        emit(.message("Exported \(name?.value ?? "the last result") (\(rowCount(result))) to \(path.value) as \(format.name)."))
    }

    func resolve(_ path: String) -> URL {
        URL(fileURLWithPath: FileBytes.resolve(path, from: workingDirectory))
    }

    /// The bytes of the file a statement names (`what`: "script", "the price index" …), or an
    /// error at the path saying why not: no such file, a folder, a pipe or device, not readable.
    func contents(of path: Located<String>, what: String) throws(Diagnostic) -> [UInt8] {
        do {
            return try FileBytes.read(resolve(path.value).path)
        } catch {
            throw Diagnostic("cannot read \(what) \(path.value.quotedInMessage): \(error.reason)", at: path.range)
        }
    }
}

extension EngineError {
    var isSegmentError: Bool {
        if case .segmentNeedsAges = self { return true }
        return false
    }
}
