/// Fixed prices of one year for a series: the factor that takes each data year's amounts to
/// `year`'s prices, from one price index.
public struct FixedPrices: Sendable, Equatable {
    /// The year whose prices every amount is shown in.
    public let year: Int
    /// The index, e.g. "state PL (Økonomistyrelsen)" or "CPI-adjusted (Statistics Denmark PRIS8)".
    public let label: String
    /// Per data year: its amounts × the factor = the amounts in `year`'s prices.
    public let factors: [Int: PriceFactor]

    public init(year: Int, label: String, factors: [Int: PriceFactor]) {
        self.year = year
        self.label = label
        self.factors = factors
    }

    /// "2024 prices, state PL (Økonomistyrelsen)".
    public var priceBasis: String { "\(year) prices, \(label)" }
}

/// Where the tasks of a function went when the chart of accounts changed: from `from` on, the
/// tasks of `old` are booked on the `new` functions (one when it was renamed, several when it was
/// split). A user's file (`old,new,from`) in the language; a trend bridges with it.
public struct Crosswalk: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public let old: FunctionCode
        /// Sorted; never `old` itself.
        public let new: [FunctionCode]
        /// The first year of the new chart.
        public let from: Int

        public init(old: FunctionCode, new: [FunctionCode], from: Int) {
            self.old = old
            self.new = new
            self.from = from
        }
    }

    public let links: [Link]
    /// The file it was read from, for notes: "kontoplan.csv".
    public let name: String

    public init(links: [Link], name: String) {
        self.links = links
        self.name = name
    }
}

/// An area followed across years for chosen municipalities and the whole country: kr. per person
/// in current or fixed prices, the place in each year's ranking, and where the chart of accounts
/// changed. Numbers only; `resultSet()` words them.
public struct Trend: Sendable {
    /// A function of the area that a year's chart no longer has, summed as the functions the
    /// crosswalk says its tasks moved to.
    public struct Bridge: Sendable, Hashable {
        public let old: FunctionCode
        /// What is summed in its place: the link's new functions, each followed further when it
        /// has itself moved and is absent too. Sorted.
        public let new: [FunctionCode]
        /// The link's first year.
        public let from: Int

        public init(old: FunctionCode, new: [FunctionCode], from: Int) {
            self.old = old
            self.new = new
            self.from = from
        }
    }

    /// One figure of the series: a municipality's or the country's.
    public struct Point: Sendable, Equatable {
        /// Net spending on the area in the trend's prices, whole kroner.
        public let spending: Int
        /// The segment's head count on 1 January; > 0.
        public let persons: Int

        public var perPerson: Double { Double(spending) / Double(persons) }
    }

    /// A municipality's figure and its place in that year's ranking.
    public struct Placed: Sendable, Equatable {
        public let point: Point
        public let place: Int
        public let tied: Bool
    }

    /// A year in which the area could be computed.
    public struct Computed: Sendable {
        /// The functions summed, bridges included.
        public let functions: [FunctionCode]
        public let bridges: [Bridge]
        /// The functions summed as the chart before each bridge named them: every bridged old
        /// function in place of the new functions only it brought in. Two years with the same
        /// list sum the same tasks; a change is a break.
        public let comparable: [FunctionCode]
        /// How many municipalities that year's ranking holds.
        public let ranked: Int
        /// In the order the municipalities were asked for; a failure says why one is not ranked.
        public let municipalities: [Result<Placed, EngineError>]
        public let country: Point
        /// DST's own OMRÅDE 0 figure, or the sum of the ranked municipalities.
        public let countrySource: Reference.Source
        public let basis: AccountsBasis
    }

    public struct Year: Sendable {
        public let dataset: DatasetID
        /// The dataset's provenance; when computed, with this year's definition (the functions
        /// summed) and, in fixed prices, the trend's price basis.
        public let provenance: Provenance
        /// Nil in current prices.
        public let factor: PriceFactor?
        /// Why the area cannot be computed this year, e.g. a function missing from its chart.
        public let outcome: Result<Computed, EngineError>

        public var year: Int { dataset.year }
        public var computed: Computed? { try? outcome.get() }
    }

    /// The first year of a new set of functions, against the last year before it that was computed.
    public struct Break: Sendable, Equatable {
        /// Index into `years`.
        public let index: Int
        public let came: [FunctionCode]
        public let went: [FunctionCode]

        public init(index: Int, came: [FunctionCode], went: [FunctionCode]) {
            self.index = index
            self.came = came
            self.went = went
        }
    }

    /// The change in kr. per person against the year before.
    public struct Change: Sendable, Equatable {
        public let kr: Double
        /// The change as a % of the year before's kr. per person (of its size, so that a rise is
        /// positive even from a negative level); nil when the year before is 0 kr.
        public let percent: Double?
    }

    public let area: AreaDefinition
    public let segment: Segment
    public let municipalities: [Municipality]
    /// Nil in current prices.
    public let prices: FixedPrices?
    public let crosswalk: Crosswalk?
    /// In year order, one per dataset.
    public let years: [Year]
    public let breaks: [Break]
}

extension Trend {
    /// `datasets`: one per year, in year order, all of one kind (accounts or budgets), each in
    /// current prices (`prices` reprices them; a dataset already repriced would be repriced twice).
    ///
    /// With a crosswalk, a year at or after a link's `from` whose chart lacks an old function of
    /// the area sums the link's new functions in its place. A new function that the area already
    /// holds is summed once, not twice: its figure now holds the moved tasks as well as its own,
    /// which is what the bridged sum means. The area's exceptions still apply to new functions.
    public static func compute(_ area: AreaDefinition, per segment: Segment?, over datasets: [Dataset],
                               for municipalities: [Municipality], prices: FixedPrices?,
                               crosswalk: Crosswalk?) throws(EngineError) -> Trend {
        guard !datasets.isEmpty else { throw .trendWithoutYears(area: area.title) }
        let segment = segment ?? area.segment
        var years: [Year] = []
        for dataset in datasets {
            var factor: PriceFactor?
            if let prices {
                guard let found = prices.factors[dataset.id.year] else {
                    throw .priceFactorMissing(year: dataset.id.year, priceBasis: prices.priceBasis,
                                              covered: prices.factors.keys.sorted())
                }
                factor = found
            }
            years.append(year(of: area, per: segment, in: dataset, for: municipalities, factor: factor,
                              priceBasis: prices?.priceBasis, crosswalk: crosswalk))
        }
        return Trend(area: area, segment: segment, municipalities: municipalities, prices: prices,
                     crosswalk: crosswalk, years: years, breaks: breaks(in: years))
    }

    /// The change from the year before of a municipality (index into `municipalities`) or of the
    /// country (nil); nil for the first year, when either year has no figure, or when the year
    /// before is not in the series.
    public func change(at index: Int, municipality: Int?) -> Change? {
        guard index > 0, years[index - 1].year == years[index].year - 1,
              let current = point(at: index, municipality: municipality),
              let previous = point(at: index - 1, municipality: municipality)
        else { return nil }
        let kr = current.perPerson - previous.perPerson
        let base = previous.perPerson.magnitude
        return Change(kr: kr, percent: base == 0 ? nil : kr / base * 100)
    }

    /// A municipality's point (index into `municipalities`), or the country's for nil.
    public func point(at index: Int, municipality: Int?) -> Point? {
        guard let computed = years[index].computed else { return nil }
        guard let municipality else { return computed.country }
        return (try? computed.municipalities[municipality].get())?.point
    }

    private static func year(of area: AreaDefinition, per segment: Segment, in dataset: Dataset,
                             for municipalities: [Municipality], factor: PriceFactor?, priceBasis: String?,
                             crosswalk: Crosswalk?) -> Year {
        let bridges = crosswalk.map { bridgesOf(area, in: dataset, with: $0) } ?? []
        let bridged = Set(bridges.map(\.old))
        let summedArea = AreaDefinition(
            key: area.key, title: area.title,
            include: area.include.filter { pattern in
                guard case .function(let code) = pattern else { return true }
                return !bridged.contains(code)
            } + bridges.flatMap(\.new).map(FunctionPattern.function),
            exclude: area.exclude, segment: area.segment)
        let reprice = { (amount: Int) -> Int in
            guard let factor else { return amount }
            return Int((Double(amount) * factor.value).rounded(.toNearestOrAwayFromZero))
        }
        do throws(EngineError) {
            let ranking = try dataset.rank(summedArea, per: segment)
            let own = Set(dataset.functions.filter(area.contains))
            let comparable = Set(ranking.functions.filter(own.contains)).union(bridged).sorted()
            let placed = municipalities.map { municipality in
                Result { () throws(EngineError) -> Placed in
                    let entry = try ranking.entry(for: municipality)
                    return Placed(point: Point(spending: reprice(entry.spending), persons: entry.persons),
                                  place: entry.place, tied: entry.tied)
                }
            }
            let country = ranking.country(in: dataset)
            guard let spending = country.spending, let persons = country.persons else {
                preconditionFailure("the country is a weighted figure: it carries its sums")
            }
            var provenance = ranking.provenance
            if let priceBasis { provenance.priceBasis = priceBasis }
            return Year(
                dataset: dataset.id, provenance: provenance, factor: factor,
                outcome: .success(Computed(
                    functions: ranking.functions, bridges: bridges, comparable: comparable,
                    ranked: ranking.entries.count, municipalities: placed,
                    country: Point(spending: reprice(spending), persons: persons),
                    countrySource: country.source, basis: ranking.basis)))
        } catch {
            var provenance = dataset.provenance
            if let priceBasis { provenance.priceBasis = priceBasis }
            return Year(dataset: dataset.id, provenance: provenance, factor: factor, outcome: .failure(error))
        }
    }

    /// The area's functions that `dataset`'s chart lacks and the crosswalk bridges in its year.
    private static func bridgesOf(_ area: AreaDefinition, in dataset: Dataset, with crosswalk: Crosswalk) -> [Bridge] {
        let year = dataset.id.year
        /// The functions that hold `code`'s tasks this year: itself when the chart has it, else
        /// where the crosswalk moved it, followed until a function the chart has. A function the
        /// crosswalk does not move on (or a loop) stays itself: the ranking then says it is missing.
        func holders(of code: FunctionCode, visited: Set<FunctionCode>) -> [FunctionCode] {
            guard dataset.spending[code] == nil, !visited.contains(code),
                  let link = crosswalk.links.first(where: { $0.old == code && $0.from <= year })
            else { return [code] }
            return link.new.flatMap { holders(of: $0, visited: visited.union([code])) }
        }
        var seen: Set<FunctionCode> = []  // the first link of a function that applies, as `holders` takes
        return crosswalk.links.compactMap { link in
            guard link.from <= year, seen.insert(link.old).inserted, dataset.spending[link.old] == nil,
                  area.contains(link.old) else { return nil }
            return Bridge(old: link.old, new: Set(holders(of: link.old, visited: [])).sorted(), from: link.from)
        }
    }

    private static func breaks(in years: [Year]) -> [Break] {
        var breaks: [Break] = []
        var previous: [FunctionCode]?
        for (index, year) in years.enumerated() {
            guard let computed = year.computed else { continue }
            if let previous, previous != computed.comparable {
                breaks.append(Break(index: index, came: computed.comparable.filter { !previous.contains($0) },
                                    went: previous.filter { !computed.comparable.contains($0) }))
            }
            previous = computed.comparable
        }
        return breaks
    }
}
