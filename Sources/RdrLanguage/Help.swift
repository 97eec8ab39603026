import RdrEngine

/// `help` and `help COMMAND`: usage, what it does, examples.
enum Help {
    struct Topic {
        let usage: String
        let summary: String
        let examples: [String]
    }

    /// Every command's, from `Command.all`, then the parts of a statement that have their own.
    static let topics: [(name: String, topic: Topic)] = Command.all.map {
        ($0.keyword, Topic(usage: $0.usage, summary: $0.summary, examples: $0.examples))
    } + [
        ("segments", Topic(usage: "per capita | per all | per 0-5 | per 6-16 | per 65+",
                           summary: "The population on 1 January that spending is divided by: everyone, an age band, or an open band. The real snapshot has totals only.",
                           examples: ["rank Skole per 6-16", "rank Ældre per 80+"])),
    ]

    static func text(for topic: Located<String>?) throws(Diagnostic) -> String {
        guard let topic else { return overview }
        let name = Command.named(topic.value)?.keyword ?? topic.value
        guard let found = topics.first(where: { $0.name == name })?.topic else {
            let hint = NameMatcher.closest(to: topic.value, in: topics.map(\.name))
                .map { "did you mean help \($0)?" } ?? "type help for the list"
            throw Diagnostic("no help on '\(topic.value)'; \(hint)", at: topic.range)
        }
        var lines = ["  \(found.usage)", "", "  \(found.summary)"]
        if !found.examples.isEmpty {
            lines += ["", "  Examples:"] + found.examples.map { "    \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    static var overview: String {
        let commands = topics.filter { commandWords.contains($0.name) }
        let width = commands.map(\.name.count).max() ?? 0
        let rows = commands.map { "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.topic.usage)" }
        let others = topics.map(\.name).filter { !commandWords.contains($0) }
        return (["rdr: find økonomisk råderum by ranking municipalities' spending per person.", "",
                 "Commands (separate them with ';' or new lines; # starts a comment):"]
                + rows + ["", "help COMMAND shows examples; help \(others.joined(separator: ", help ")) explains "
                          + (others.count == 1 ? "that part" : "those parts") + " of a statement.",
                          "Names are case-insensitive; Holbaek = Holbæk."])
            .joined(separator: "\n")
    }
}
