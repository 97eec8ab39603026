/// The table of contents of a report written as a workbook: which sheet holds which result, and
/// the statements that made it, so that a sheet can be traced to the script line behind it.
extension Document {
    /// A row per result, in order: its sheet's name (`sheetNames[i]` for result i), its title and
    /// the statements that showed it (those since the result before; a statement that showed
    /// several results is named on each).
    public func contents(sheetNames: [String]) -> ResultSet {
        precondition(sheetNames.count == results.count, "a sheet name per result")
        var rows: [[ResultSet.Value]] = []
        var pending: [String] = []
        var lastStatements = ""
        for block in blocks {
            switch block {
            case .statement(let text):
                pending.append(text)
            case .result(let result):
                if !pending.isEmpty {
                    lastStatements = pending.joined(separator: "; ")
                    pending = []
                }
                rows.append([.text(sheetNames[rows.count]), .text(result.title), .text(lastStatements)])
            case .chart, .map:
                break
            }
        }
        let words = language
        return ResultSet(
            title: title,
            columns: [
                .init(key: "sheet", title: words.sheetHeading, kind: .text),
                .init(key: "result", title: words.resultHeading, kind: .text),
                .init(key: "statement", title: words.statementHeading, kind: .text),
            ],
            rows: rows, provenance: nil, language: language)
    }
}

extension Language {
    /// The name of a report workbook's first sheet.
    public var contentsSheet: String { pick("Contents", "Indhold") }
    var sheetHeading: String { pick("Sheet", "Ark") }
    var resultHeading: String { pick("Result", "Resultat") }
    var statementHeading: String { pick("Statement", "Sætning") }
}
