import RdrEngine

extension Parser {
    /// `map NAME [for NAME, …] [to PATH]`
    mutating func map() throws(Diagnostic) -> Statement.Kind {
        if current.isKeyword("to") || current.isKeyword("for") {
            throw Diagnostic("expected the name of a result before '\(current.text)', as in map s \(current.text.lowercased()) …",
                             at: current.range)
        }
        let name = try self.name("the name of a result, as in map s to denmark.svg")
        var chosen: [Located<String>] = []
        if accept("for") {
            repeat {
                if !chosen.isEmpty { advance() }
                chosen.append(try self.name("a municipality after 'for', as in map s for Holbæk"))
            } while current.kind == .comma
        }
        let path = accept("to") ? try self.name("a file name such as denmark.svg") : nil
        return .map(name: name, for: chosen, path: path)
    }
}
