/// The parameters a script has: those it declares (`param NAME = …`) or uses (`$NAME`), and
/// those of the scripts it runs, found from their tokens alone before anything runs.
enum ScriptParameters {
    /// Nil when it cannot be known: a `run` whose path holds a parameter, or a script that
    /// cannot be read or lexed (running it reports why).
    static func names(in source: Source, from folder: String) -> Set<String>? {
        var names = Set<String>()
        var visited = Set<String>()
        return collect(source, from: folder, into: &names, visited: &visited, depth: 0) ? names : nil
    }

    private static func collect(_ source: Source, from folder: String, into names: inout Set<String>,
                                visited: inout Set<String>, depth: Int) -> Bool {
        guard source.text.utf8.count <= Source.maximumSize else { return false }
        var lexer = Lexer(source.text, firstLine: source.firstLine)
        var statement: [Token] = []
        while true {
            guard let token = try? lexer.next() else { return false }
            if token.kind == .parameter { names.insert(token.text) }
            for case .parameter(let name, _) in token.pieces { names.insert(name) }
            guard token.kind == .separator || token.kind == .end else {
                statement.append(token)
                continue
            }
            if statement.count > 1, statement[0].isKeyword("param"), statement[1].kind == .word {
                names.insert(statement[1].text)
            }
            if statement.count > 1, statement[0].isKeyword("run") {
                let path = statement[1]
                guard path.kind == .word || path.kind == .string, path.pieces.isEmpty, depth < Session.deepestRun,
                      let inner = try? ScriptFile.read(path.text, from: folder) else { return false }
                let resolved = FileBytes.resolve(path.text, from: folder)
                if visited.insert(resolved).inserted,
                   !collect(inner, from: inner.folder ?? folder, into: &names, visited: &visited, depth: depth + 1) {
                    return false
                }
            }
            if token.kind == .end { return true }
            statement = []
        }
    }
}
