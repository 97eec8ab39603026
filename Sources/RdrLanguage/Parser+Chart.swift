/// `chart NAME [for KOMMUNE] [as ascii|unicode] [to FILE.svg]`: a kept result's chart.
public struct ChartRequest: Sendable {
    public let name: Located<String>
    /// The municipality to mark as the reader's own (a ranking's).
    public let municipality: Located<String>?
    /// Block characters or `#`, instead of what the shell chose for the terminal.
    public let characters: Located<String>?
    /// An SVG file to write instead of showing the chart.
    public let path: Located<String>?
}

extension Parser {
    mutating func chartRequest() throws(Diagnostic) -> ChartRequest {
        if let clause = ["for", "as", "to"].first(where: current.isKeyword) {
            throw Diagnostic("expected the name of a result before '\(clause)', as in chart s \(clause) …", at: current.range)
        }
        let name = try self.name("the name of a result, as in chart s or chart _")
        // for, as and to, in any order, each once.
        var municipality: Located<String>?
        var characters: Located<String>?
        var path: Located<String>?
        while true {
            if municipality == nil, accept("for") {
                municipality = try self.name("a municipality after 'for', as in chart s for Korsbæk")
            } else if characters == nil, accept("as") {
                characters = try self.name("ascii or unicode after 'as': the characters the bars are drawn in")
            } else if path == nil, accept("to") {
                path = try self.name("an SVG file after 'to', as in chart s to skole.svg")
            } else if ["for", "as", "to"].contains(where: current.isKeyword) {
                throw Diagnostic("\(current.text.quotedInMessage) is given twice; chart takes one for, one as and one to",
                                 at: current.range)
            } else {
                break
            }
        }
        if let characters, let path {
            throw Diagnostic("as \(characters.value) chooses the characters at the terminal, and to \(path.value) writes an SVG "
                             + "file; leave out one of them", at: characters.range)
        }
        return ChartRequest(name: name, municipality: municipality, characters: characters, path: path)
    }
}
