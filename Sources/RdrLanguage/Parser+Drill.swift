extension Parser {
    /// `drill NAME in TARGET [per SEGMENT] [to PLACE|median|country|peers|KOMMUNE|PEERS] [on DATASET]`; `to`
    /// may also come before `in`, as in `gap`.
    mutating func drillQuery() throws(Diagnostic) -> DrillQuery {
        if current.isKeyword("in") || current.isKeyword("to") {
            throw Diagnostic("expected a municipality before '\(current.text)', as in drill Korsbæk in Dagtilbud", at: current.range)
        }
        let municipality = try name("a municipality, as in drill Korsbæk in Dagtilbud")
        let example = "drill \(municipality.value) in Dagtilbud to 25"
        var benchmark = accept("to") ? try drillBenchmark(for: municipality.value, example: example) : nil
        try expect("in", "and the area to split into its functions, as in drill \(municipality.value) in Dagtilbud")
        let target = try self.target()
        let segment = accept("per") ? try self.segment() : nil
        if benchmark == nil, accept("to") { benchmark = try drillBenchmark(for: municipality.value, example: example) }
        if current.isKeyword("to") {
            throw Diagnostic("the benchmark is given twice; keep one 'to'", at: current.range)
        }
        return DrillQuery(municipality: municipality, target: target, segment: segment, benchmark: benchmark,
                          on: try onClause())
    }

    private mutating func drillBenchmark(for municipality: String, example: String) throws(Diagnostic) -> Located<DrillQuery.Benchmark> {
        if accept("country") { return Located(.country, tokens[position - 1].range) }
        if accept("peers") {
            if let clause = ["by", "top", "group"].first(where: current.isKeyword) {
                throw Diagnostic("to peers takes the 5 nearest by the default model; to choose them, keep a peers result "
                                 + "and drill to it: let p = peers \(municipality) \(clause) …, then drill \(municipality) in … to p", at: current.range)
            }
            return Located(.peers, tokens[position - 1].range)
        }
        let place = try self.benchmark(example: example + ", to median, to country or to a municipality")
        return Located(.place(place.value), place.range)
    }
}
