import RdrEngine
import RdrReport

/// `explain NAME [for KOMMUNE]`: the kept result's computation as numbered steps. It works on the
/// engine's analysis the result keeps, never on its printed table; the amounts of the functions
/// summed are looked up in the loaded datasets.
extension Session {
    func explain(_ name: Located<String>, for chosen: Located<String>?) throws -> KeptResult {
        let kept = try self.kept(name)
        guard let analysis = kept.analysis else {
            let queries = Command.queryWords.filter { $0 != "explain" }
            let what = name.value == Session.lastName ? "the last result is an explanation, not a computation"
                : "\(name.value.quotedInMessage) is not a computation (an explanation, a listing or a check)"
            throw Diagnostic("\(what); explain works on a result of \(queries.dropLast().joined(separator: ", ")) or "
                             + "\(queries.last ?? "") (let s = … keeps one to explain again)", at: name.range)
        }
        var focus: Municipality?
        if let chosen {
            switch Explanation.choices(in: analysis) {
            case .failure(let error): throw Diagnostic(error.description, at: chosen.range)
            case .success(let choices): focus = try municipality(chosen, among: choices, of: analysis)
            }
        }
        do throws(ExplainError) {
            let table = try Explanation.resultSet(explaining: analysis, shownAs: kept.table, for: focus, datasets: workspace)
            return KeptResult(explanation: table)
        } catch {
            throw Diagnostic(error.description, at: chosen?.range ?? name.range)
        }
    }

    /// The municipality `for` names among those the result can explain.
    private func municipality(_ name: Located<String>, among choices: [Municipality],
                              of analysis: Analysis) throws(Diagnostic) -> Municipality {
        let matcher = NameMatcher(choices, names: { [$0.name, String($0.code)] })
        let suggestions: [String]
        switch matcher.match(name.value) {
        case .found(let found): return found
        case .notFound(let found): suggestions = found
        }
        let suggestion = didYouMean(suggestions, otherwise: "")
        guard case .trend = analysis else {
            throw Diagnostic("no municipality \(name.value.quotedInMessage) in this ranking" + suggestion, at: name.range)
        }
        let error = ExplainError.notFollowed(municipality: name.value.quotedInMessage, followed: choices.map(\.name))
        throw Diagnostic(error.description + suggestion, at: name.range)
    }
}

extension KeptResult {
    /// An explanation: a table with no computation of its own behind it.
    init(explanation table: ResultSet) {
        self.table = table
        analysis = nil
    }
}
