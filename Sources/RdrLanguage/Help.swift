import RdrEngine

/// `help` and `help COMMAND`: usage, what it does, examples.
enum Help {
    struct Topic {
        let usage: String
        let summary: String
        let examples: [String]
    }

    static let topics: [(name: String, topic: Topic)] = [
        ("load", Topic(usage: "load [local|real|teaching] R2024 | B2021 [prices YEAR [using FILE]]",
                       summary: "Load accounts (R) or a budget (B) of a year: from the local store when fetched or imported, else the built-in real snapshot (real), else the prompt offers to fetch it; teaching is the invented dataset. prices YEAR converts to that year's price level with the consumer price index (labelled CPI-adjusted), or with a year,index file given after using (a PL index).",
                       examples: ["load R2024", "load R2019 prices 2024", "load R2019 prices 2024 using pl.csv", "load teaching R2020"])),
        ("fetch", Topic(usage: "fetch R2023 | B2025 | R2019..R2024",
                        summary: "Download accounts (REGK31) or budgets (BUDK32) and the population on 1 January (FOLK1A) from Statistics Denmark's Statbank API into the local store, then reconcile them. A failed fetch leaves the store as it was.",
                        examples: ["fetch R2023", "fetch R2019..R2024", "fetch B2025"])),
        ("import", Topic(usage: "import FILE",
                         summary: "Keep a REGK31, BUDK32 or FOLK1A file from Statistics Denmark in the local store: an API answer (CSV or BULK, codes or labels), or a table saved from statistikbanken.dk as CSV (a line per figure, or the table as shown; UTF-8, UTF-16 or Windows-1252). Select DRANST 1 Driftskonti, ART I alt (netto) and 0 Beregnede omkostninger, and PRISENHED Løbende priser (1.000 kr.); keep TID, or put the year in the file's name. A damaged file is refused with file:line and the reason.",
                         examples: ["import regk31-2023.csv", "import folk1a-2023.csv", "import \"Downloads/REGK31 2023.csv\""])),
        ("forget", Topic(usage: "forget R2019", summary: "Remove a dataset from the local store.", examples: ["forget R2019"])),
        ("check", Topic(usage: "check R2023",
                        summary: "Show the reconciliation of a local dataset: national totals against the sum of the municipalities, the population, and kr. per inhabitant where both units were fetched.",
                        examples: ["check R2023"])),
        ("rank", Topic(usage: "rank AREA|FUNCTION [per SEGMENT] [top N | bottom N | for KOMMUNE, …]",
                       summary: "Rank the municipalities on net spending per person in a segment on 1 January; place 1 = lowest spending. The median municipality is shown last.",
                       examples: ["rank Skole per 6-16", "rank 3.22.01", "rank Ældre top 10", "rank Dagtilbud for Korsbæk, Bjergsted"])),
        ("gap", Topic(usage: "gap KOMMUNE to PLACE|median [in AREA|FUNCTION [per SEGMENT]]",
                      summary: "Mulighedsrum: max(0, own kr. per person − kr. per person at PLACE) × own persons. Without 'in', an overview of every area with a total. A starting point for questions, not a saving.",
                      examples: ["gap Korsbæk to 40", "gap Korsbæk to 25 in Skole", "gap Korsbæk to median in Ældre per 80+"])),
        ("let", Topic(usage: "let NAME = rank … | gap … | NAME",
                      summary: "Keep a result under a name. The last result is always called _.",
                      examples: ["let s = rank Ældre per 65+", "s", "s as markdown"])),
        ("show", Topic(usage: "show NAME [as table|csv|markdown|json]   (or just: NAME [as FORMAT])",
                       summary: "Show a kept result again, in the session's format or another.",
                       examples: ["show s", "s as json", "_"])),
        ("export", Topic(usage: "export [NAME] to FILE",
                         summary: "Write a result to a file; the format follows the extension (.csv, .md, .json, .txt). The file is written whole or not at all; text cells that a spreadsheet would run as formulas are neutralised.",
                         examples: ["export s to aeldre.csv", "export to overview.md"])),
        ("results", Topic(usage: "results", summary: "List the kept results.", examples: ["results"])),
        ("drop", Topic(usage: "drop NAME", summary: "Forget a kept result.", examples: ["drop s"])),
        ("areas", Topic(usage: "areas", summary: "List the service areas: their functions and default segment.", examples: ["areas"])),
        ("area", Topic(usage: "area AREA|FUNCTION",
                       summary: "Show an area's definition and the functions it sums in the loaded dataset.",
                       examples: ["area Skole", "area 5.38.*"])),
        ("define", Topic(usage: "define area NAME [\"Title\"] = FUNCTIONS [except FUNCTIONS] [per SEGMENT]",
                         summary: "Define or redefine an area for this session. FUNCTIONS are codes (5.38.50), groups (5.38.*) or main accounts (5.*), separated by commas.",
                         examples: ["define area Botilbud = 5.38.50, 5.38.51 per 18-64",
                                    "define area Skole = 3.22.* except 3.22.17, 3.22.18 per 6-16"])),
        ("datasets", Topic(usage: "datasets", summary: "List the datasets rdr can load.", examples: ["datasets"])),
        ("municipalities", Topic(usage: "municipalities   (or: kommuner)",
                                 summary: "List the municipalities of the loaded dataset.", examples: ["municipalities"])),
        ("functions", Topic(usage: "functions", summary: "List the functions the loaded dataset holds, and the areas that use them.", examples: ["functions"])),
        ("set", Topic(usage: "set format table|csv|markdown|json", summary: "Choose how results are shown.", examples: ["set format markdown"])),
        ("run", Topic(usage: "run FILE", summary: "Run a script; it stops at its first error.", examples: ["run examples/budget-round.rdr"])),
        ("param", Topic(usage: "param NAME = VALUE",
                        summary: "In a script: a default for $NAME, used unless rdr is started with --set NAME=VALUE.",
                        examples: ["param kommune = Korsbæk", "gap $kommune to $place"])),
        ("segments", Topic(usage: "per capita | per all | per 0-5 | per 6-16 | per 65+",
                           summary: "The population on 1 January that spending is divided by: everyone, an age band, or an open band. The real snapshot has totals only.",
                           examples: ["rank Skole per 6-16", "rank Ældre per 80+"])),
        ("quit", Topic(usage: "quit   (or: exit, Ctrl-D)", summary: "Leave rdr.", examples: [])),
    ]

    static func text(for topic: Located<String>?) throws(Diagnostic) -> String {
        guard let topic else { return overview }
        let name = topic.value == "kommuner" ? "municipalities" : (topic.value == "exit" ? "quit" : topic.value)
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
