/// One municipality's place and mulighedsrum in every area.
public struct Overview: Sendable {
    public struct Row: Sendable {
        public let area: AreaDefinition
        /// The gap, or why the area could not be computed for this dataset or municipality.
        public let outcome: Result<Gap, EngineError>
        /// The ranking's provenance when there is one.
        public let ranking: Ranking?
    }

    public let municipality: Municipality
    /// A number for every area, or each area's own median.
    public let benchmark: BenchmarkPlace
    public let rows: [Row]
    /// True when each row is one function, ranked on its own (`Dataset.functionAreas`).
    public let rowsAreFunctions: Bool

    /// The sum, in whole kroner, of the mulighedsrum of the areas that could be computed: the
    /// total a reader gets by adding up the rows shown.
    public var total: Int {
        rows.reduce(0) { sum, row in sum + ((try? row.outcome.get())?.mulighedsrum ?? 0) }
    }

    public var computedCount: Int {
        rows.count { (try? $0.outcome.get()) != nil }
    }
}

extension Dataset {
    /// The overview over `areas`, each per its own segment and, to the median, at its own
    /// ranking's median. An area that cannot be computed becomes a row that says why; it is
    /// never dropped silently.
    public func overview(for municipality: Municipality, to benchmark: BenchmarkPlace,
                         areas: [AreaDefinition], rowsAreFunctions: Bool = false) -> Overview {
        let rows = areas.map { area -> Overview.Row in
            do throws(EngineError) {
                let ranking = try rank(area)
                return .init(area: area, outcome: .init { () throws(EngineError) in
                    try ranking.gap(for: municipality, to: benchmark)
                }, ranking: ranking)
            } catch {
                return .init(area: area, outcome: .failure(error), ranking: nil)
            }
        }
        return Overview(municipality: municipality, benchmark: benchmark, rows: rows, rowsAreFunctions: rowsAreFunctions)
    }
}

extension Overview {
    /// The row positions from the largest mulighedsrum down; rows that could not be computed come
    /// last, and equal rows keep their order.
    public var orderByMulighedsrum: [Int] {
        let value = { (row: Row) -> Int? in (try? row.outcome.get())?.mulighedsrum }
        return rows.indices.sorted { a, b in
            switch (value(rows[a]), value(rows[b])) {
            case let (x?, y?): x != y ? x > y : a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    /// The same overview with its rows at the positions `order` gives.
    public func reordered(_ order: [Int]) -> Overview {
        precondition(order.sorted() == Array(rows.indices), "a reordering of every row")
        return Overview(municipality: municipality, benchmark: benchmark, rows: order.map { rows[$0] },
                        rowsAreFunctions: rowsAreFunctions)
    }
}

extension Dataset {
    /// Each function the dataset holds that `scope` contains (every one without a scope) as an
    /// area of its own, for an overview by function. Per `segment` when one is given; else per the
    /// segment of the first of `areas` that holds the function, so that a school function is per
    /// 6-16-year-old as the area Skole is; per inhabitant when no area holds it or the dataset has
    /// population totals only.
    public func functionAreas(in scope: AreaDefinition?, areas: [AreaDefinition],
                              per segment: Segment?) throws(EngineError) -> [AreaDefinition] {
        let codes = functions.filter { scope?.contains($0) ?? true }
        if codes.isEmpty, let scope {
            throw .noFunctionsMatch(area: scope.title, functions: scope.functionsText, dataset: name)
        }
        return codes.map { code in
            let own = segment ?? (population.byAge == nil ? .all : areas.first { $0.contains(code) }?.segment ?? .all)
            let label = functionLabels[code].map { "\(code) \($0)" }
            return AreaDefinition(key: code.description, title: label, include: [.function(code)], segment: own)
        }
    }
}
