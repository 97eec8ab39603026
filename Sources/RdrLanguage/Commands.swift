import RdrEngine

/// A statement's first word and all rdr knows about it. Help, the command list, completion,
/// did-you-mean, what `let` can bind and the parser's dispatch are derived from `Command.all`:
/// adding a command is one entry here, its parse rule, its engine call and its tests.
struct Command: Sendable {
    /// The keyword, then its aliases (`municipalities`, `kommuner`).
    let words: [String]
    let usage: String
    let summary: String
    let examples: [String]
    /// A query yields a result: it is kept as `_`, and `let NAME =` can bind it.
    let isQuery: Bool
    /// The keywords that can follow somewhere in the statement, offered by completion.
    let clauses: [String]
    /// Parses what follows the keyword; nil for `param`, which only sets a default.
    let parse: @Sendable (inout Parser) throws(Diagnostic) -> Statement.Kind?

    init(_ words: [String], usage: String, summary: String, examples: [String] = [], isQuery: Bool = false,
         clauses: [String] = [], parse: @escaping @Sendable (inout Parser) throws(Diagnostic) -> Statement.Kind?) {
        self.words = words
        self.usage = usage
        self.summary = summary
        self.examples = examples
        self.isQuery = isQuery
        self.clauses = clauses
        self.parse = parse
    }

    var keyword: String { words[0] }

    static func named(_ word: String) -> Command? {
        let word = word.lowercased()
        return all.first { $0.words.contains(word) }
    }

    /// The commands whose results `let` can bind: "rank, gap, compare, trend".
    static var queryWords: [String] { all.filter(\.isQuery).map(\.keyword) }

    static let all: [Command] = [
        Command(["load"], usage: "load [local|real|teaching] R2024 | R2019..R2024 | R2024, B2025 [prices YEAR [using cpi|state|FILE]]",
                summary: "Load accounts (R) or budgets (B) into the session: from the local store when fetched or imported, else the built-in real snapshot (real), else the prompt offers to fetch it; teaching is the invented dataset. Every dataset named is kept; the last becomes the current one. prices YEAR converts to that year's price level with the consumer price index (cpi, labelled CPI-adjusted), the state's PL (state, Økonomistyrelsen) or a year,index file (a PL index).",
                examples: ["load R2024", "load teaching R2018..R2024", "load teaching R2024, B2025", "load R2019 prices 2024 using state"],
                clauses: ["real", "teaching", "local", "prices", "using"]) { (p: inout Parser) throws(Diagnostic) in try p.load() },
        Command(["use"], usage: "use [real|teaching|local] R2023",
                summary: "Make a loaded dataset the current one, which statements run on unless they say on DATASET.",
                examples: ["use R2023", "use teaching B2025"]) { (p: inout Parser) throws(Diagnostic) in
            .use(try p.datasetChoice(after: "use", single: true))
        },
        Command(["fetch"], usage: "fetch R2023 | B2025 | R2019..R2024",
                summary: "Download accounts (REGK31) or budgets (BUDK32) and the population on 1 January (FOLK1A) from Statistics Denmark's Statbank API into the local store, then reconcile them. A failed fetch leaves the store as it was.",
                examples: ["fetch R2023", "fetch R2019..R2024", "fetch B2025"]) { (p: inout Parser) throws(Diagnostic) in
            .fetch(try p.datasetList())
        },
        Command(["import"], usage: "import FILE",
                summary: "Keep a REGK31, BUDK32 or FOLK1A file from Statistics Denmark in the local store: an API answer (CSV or BULK, codes or labels), or a table saved from statistikbanken.dk as CSV (a line per figure, or the table as shown; UTF-8, UTF-16 or Windows-1252). Select DRANST 1 Driftskonti, ART I alt (netto) and 0 Beregnede omkostninger, and PRISENHED Løbende priser (1.000 kr.); keep TID, or put the year in the file's name. A damaged file is refused with file:line and the reason.",
                examples: ["import regk31-2023.csv", "import folk1a-2023.csv", "import \"Downloads/REGK31 2023.csv\""]) { (p: inout Parser) throws(Diagnostic) in
            .importFile(try p.name("a file from Statistics Denmark, as in import regk31-2023.csv"))
        },
        Command(["forget"], usage: "forget R2019", summary: "Remove a dataset from the local store.",
                examples: ["forget R2019"]) { (p: inout Parser) throws(Diagnostic) in .forget(try p.datasetID("forget")) },
        Command(["check"], usage: "check R2023",
                summary: "Show the reconciliation of a local dataset: national totals against the sum of the municipalities, the population, and kr. per inhabitant where both units were fetched.",
                examples: ["check R2023"]) { (p: inout Parser) throws(Diagnostic) in .check(try p.datasetID("check")) },
        Command(["rank"], usage: "rank AREA|FUNCTION [per SEGMENT] [top N | bottom N | for KOMMUNE, …] [with country, regions, groups] [average weighted|mean|median] [on DATASET]",
                summary: "Rank the municipalities on net spending per person in a segment on 1 January; place 1 = lowest spending. The median municipality is shown last; with adds the whole country (Statistics Denmark's own figure where the data has it) and the regions' or DST groups' averages, weighted (Σ spending ÷ Σ persons) unless average says otherwise.",
                examples: ["rank Skole per 6-16", "rank 3.22.01", "rank Ældre top 10 with country", "rank Dagtilbud for Korsbæk, Bjergsted", "rank Skole with country, regions average median", "rank Skole on R2023"],
                isQuery: true, clauses: ["per", "top", "bottom", "for", "with", "average", "on"]) { (p: inout Parser) throws(Diagnostic) in
            .query(.rank(try p.rankQuery()))
        },
        Command(["gap"], usage: "gap KOMMUNE to PLACE|median|KOMMUNE, … [by function] [in AREA|FUNCTION] [per SEGMENT] [sorted] [on DATASET]",
                summary: "Mulighedsrum: max(0, own kr. per person − kr. per person at PLACE) × own persons. Without 'in', an overview of every area with a total; sorted puts the largest mulighedsrum first. By function, an overview whose rows are the functions (of the dataset, or of the area or group after in), each ranked on its own per the segment of its area. To several places at once (25, 40, median), a column or a row each; to a municipality, at its level in each area. A starting point for questions, not a saving.",
                examples: ["gap Korsbæk to 40", "gap Korsbæk to 25 in Skole", "gap Korsbæk to median in Ældre per 80+", "gap Korsbæk to 40 on B2025",
                           "gap Korsbæk to 25, 40, median", "gap Korsbæk to Bjergsted in Skole", "gap Korsbæk to 40 sorted",
                           "gap Korsbæk to 25 by function in 5.*"],
                isQuery: true, clauses: ["to", "by", "in", "per", "sorted", "on"]) { (p: inout Parser) throws(Diagnostic) in
            .query(.gap(try p.gapQuery()))
        },
        Command(["compare"], usage: "compare KOMMUNE [with KOMMUNE, … | group [NAME] | region [NAME] | peers | RESULT] [in AREA|FUNCTION [per SEGMENT]] [average weighted|mean|median] [on DATASET]",
                summary: "One municipality beside chosen municipalities (by name, every one of a DST group or region, its peers: the 5 most like it, or those of a kept peers result) and the averages: the whole country, its region and its DST group. Kr. per person, index (country = 100) and place. Without 'in', every area, a column each: a \"Kend din kommune\" table.",
                examples: ["compare Korsbæk with Bjergsted, Ravby in Skole", "compare Korsbæk with Bjergsted in 3.22.01", "compare Korsbæk with group", "compare Korsbæk with Bjergsted average median", "compare Korsbæk with peers in Skole"],
                isQuery: true, clauses: ["with", "group", "region", "peers", "in", "per", "average", "on"]) { (p: inout Parser) throws(Diagnostic) in
            .query(.compare(try p.compareQuery()))
        },
        Command(["drill"], usage: "drill KOMMUNE in AREA [per SEGMENT] [to PLACE|median|country|peers|KOMMUNE|PEERS] [on DATASET]",
                summary: "Split an area into its functions: own kr. per person beside the benchmark's (the municipality at a place of the area's ranking, the median's, a named one's, the whole country, or peers: the 5 most similar, or a kept peers result, summed as Σ spending ÷ Σ persons), the difference in kr. (difference per person × own persons) and each function's share of the area's difference: where in the area the difference sits. The median unless to says otherwise.",
                examples: ["drill Korsbæk in Dagtilbud", "drill Korsbæk in Skole to 25", "drill Korsbæk in Ældre to country", "drill Korsbæk in SocialVoksen to Bjergsted",
                           "drill Korsbæk in Dagtilbud to peers", "let p = peers Korsbæk; drill Korsbæk in Skole to p"],
                isQuery: true, clauses: ["in", "per", "to", "on"]) { (p: inout Parser) throws(Diagnostic) in
            .query(.drill(try p.drillQuery()))
        },
        Command(["trend"], usage: "trend AREA|FUNCTION [per SEGMENT] [for KOMMUNE, …] [prices YEAR [using cpi|state|FILE]] [crosswalk FILE] [on DATASETS]",
                summary: "An area or function across the loaded years (or those on names) for chosen municipalities and the whole country: kr. per person in fixed prices of YEAR, the change in kr. and %, and the place each year. A year whose functions differ from the year before is marked as a break; a crosswalk file (old,new,from) bridges a function that the chart of accounts split.",
                examples: ["trend Skole for Korsbæk, Bjergsted prices 2024", "trend 3.22.01 for Holbæk prices 2024 using state", "trend Ældre for Korsbæk on R2020..R2024", "trend 5.32.32 for Korsbæk crosswalk 2018.csv"],
                isQuery: true, clauses: ["per", "for", "prices", "using", "crosswalk", "on"]) { (p: inout Parser) throws(Diagnostic) in
            .query(.trend(try p.trendQuery()))
        },
        Command(["peers"], usage: "peers KOMMUNE [by size|AGE-AGE|AGE+ [WEIGHT], …] [top N] [in group] [on DATASET]",
                summary: "The municipalities most like one in size and age profile: size (ln of the inhabitants) and the shares of the inhabitants aged 0-5, 6-16, 18-64, 65+ and 80+ on 1 January, each standardised over the dataset's municipalities (z = (x − mean) ÷ sd); distance = √Σ weight × (difference in z)², with each variable's share of it. The 5 nearest unless top N; by chooses the variables and their weights (1 unless given); in group keeps to its own DST group. compare KOMMUNE with peers, or with a kept peers result, puts them beside it.",
                examples: ["peers Korsbæk", "peers Korsbæk top 8", "peers Korsbæk by size 2, 65+, 80+ 0.5", "peers Korsbæk in group",
                           "let p = peers Korsbæk; compare Korsbæk with p in Skole"],
                isQuery: true, clauses: ["by", "size", "top", "in", "group", "on"]) { (p: inout Parser) throws(Diagnostic) in
            .query(.peers(try p.peersQuery()))
        },
        Command(["explain"], usage: "explain NAME [for KOMMUNE]",
                summary: "Show how a kept result was computed, step by step from its inputs: the functions summed with their amounts, the persons, the benchmark, the subtraction, the multiplication and the one rounding, each step naming the steps it uses. Figures are exact whole kroner unless a note says they are rounded. _ is the last result; for chooses the municipality of a ranking (else the median) or of a trend (else the first).",
                examples: ["explain _", "explain s for Korsbæk", "let e = explain _"],
                isQuery: true, clauses: ["for"]) { (p: inout Parser) throws(Diagnostic) in
            .query(.explain(try p.name("the name of a result, as in explain _ or explain s"),
                            for: p.accept("for") ? try p.name("a municipality after 'for'") : nil))
        },
        Command(["chart"], usage: "chart NAME [for KOMMUNE] [as ascii|unicode] [to FILE.svg]",
                summary: "Draw a kept result as a chart: a ranking as a bar per municipality in place order with the median (and a gap's benchmark) marked, an overview's mulighedsrum per area, a trend's lines, a drill-down's difference per function, a comparison in one area. At the terminal in block characters (as ascii: # for a terminal that is not UTF-8); to FILE.svg writes a self-contained SVG, whole or not at all. for marks a municipality as the reader's own. A report shows the chart of every result that has one.",
                examples: ["chart _", "let s = rank Skole; chart s for Korsbæk", "chart s to skole.svg", "chart s as ascii"],
                clauses: ["for", "as", "to"]) { (p: inout Parser) throws(Diagnostic) in
            .chart(try p.chartRequest())
        },
        Command(["let"], usage: "let NAME = rank … | gap … | compare … | drill … | trend … | peers … | explain … | NAME",
                summary: "Keep a result under a name. The last result is always called _.",
                examples: ["let s = rank Ældre per 65+", "s", "s as markdown"], clauses: ["="]) { (p: inout Parser) throws(Diagnostic) in
            try p.binding()
        },
        Command(["show"], usage: "show NAME [as table|csv|excel-csv|markdown|json]   (or just: NAME [as FORMAT])",
                summary: "Show a kept result again, in the session's format or another.",
                examples: ["show s", "s as json", "_"], clauses: ["as"]) { (p: inout Parser) throws(Diagnostic) in
            let name = try p.name("the name of a result, as in show s")
            return .show(name: name, format: try p.formatSuffix())
        },
        Command(["export"], usage: "export [NAME] to FILE [as table|csv|excel-csv|markdown|json|xlsx|chart|map]",
                summary: "Write a result to a file; the format follows the extension (.csv, .md, .json, .txt, .xlsx: an Excel workbook, .svg: its chart) unless as names one (excel-csv: ; between fields and a decimal comma, for Danish Excel; map: its map of Denmark as SVG, for real data: export r to denmark.svg as map). The file is written whole or not at all; text that a spreadsheet would run as a formula never becomes one.",
                examples: ["export s to aeldre.csv", "export s to aeldre.xlsx", "export s to aeldre.csv as excel-csv", "export to overview.md",
                           "export s to ranking.svg"],
                clauses: ["to", "as"]) { (p: inout Parser) throws(Diagnostic) in
            try p.export()
        },
        Command(["drop"], usage: "drop NAME", summary: "Forget a kept result.",
                examples: ["drop s"]) { (p: inout Parser) throws(Diagnostic) in .drop(name: try p.name("the name of a result to drop")) },
        Command(["define"], usage: "define area NAME [\"Title\"] = FUNCTIONS [except FUNCTIONS] [per SEGMENT]",
                summary: "Define or redefine an area for this session. FUNCTIONS are codes (5.38.50), groups (5.38.*) or main accounts (5.*), separated by commas.",
                examples: ["define area Botilbud = 5.38.50, 5.38.51 per 18-64", "define area Skole = 3.22.* except 3.22.17, 3.22.18 per 6-16"],
                clauses: ["area", "except", "per"]) { (p: inout Parser) throws(Diagnostic) in try p.defineArea() },
        Command(["area"], usage: "area AREA|FUNCTION",
                summary: "Show an area's definition and the functions it sums in the loaded dataset.",
                examples: ["area Skole", "area 5.38.*"]) { (p: inout Parser) throws(Diagnostic) in .describeArea(try p.target()) },
        listing(.areas, usage: "areas", summary: "List the service areas: their functions and default segment."),
        listing(.results, usage: "results", summary: "List the kept results."),
        listing(.datasets, usage: "datasets",
                summary: "List the datasets rdr can load, which are loaded and which is current."),
        listing(.municipalities, aliases: ["kommuner"], usage: "municipalities   (or: kommuner)",
                summary: "List the municipalities of the current dataset, with their region and DST group."),
        listing(.functions, usage: "functions", summary: "List the functions the current dataset holds, and the areas that use them."),
        Command(["map"], usage: "map NAME [for KOMMUNE, …] [to FILE.svg]",
                summary: "Draw a kept result with a figure per municipality as a map of Denmark: a ranking (kr. per person), the ranking behind a gap, or peers (the distance). Five classes of about equal size in a colour-blind-safe palette, stated in the legend; municipalities without a figure hatched; the municipality of rank … for, of the gap or peers, or of for, outlined; Bornholm in a box. Written as an SVG file (whole or not at all), and shown in a report; real data only (the teaching municipalities are fictional).",
                examples: ["load R2024; let s = rank 3.22.01 for Holbæk; map s to folkeskoler.svg",
                           "load R2024; rank 3.22.01; map _ for Aarhus to aarhus.svg", "load R2024; let p = peers Holbæk; map p"],
                clauses: ["for", "to"]) { (p: inout Parser) throws(Diagnostic) in try p.map() },
        Command(["report"], usage: "report to FILE.html | FILE.md | FILE.xlsx",
                summary: "Write the session so far as a report to mail as it is: every statement as typed, its results as tables with their notes, definitions and sources, under a header with the title (set title), the date, the parameters, the data sources and the method's caveat. HTML is one self-contained file, print-ready on A4; messages such as Loaded … stay out. A workbook has a sheet of contents, then a sheet per result. Written whole or not at all.",
                examples: ["report to budget.html", "report to budget.md", "report to budget.xlsx"], clauses: ["to"]) { (p: inout Parser) throws(Diagnostic) in
            try p.report()
        },
        Command(["save"], usage: "save FILE.rdr",
                summary: "Write the statements typed in this session that succeeded as a script that replays it: the parameters as param lines with the values they had, then each statement as typed ($NAME and all). Help and failed statements are left out; a script run with run stays one line. Written whole or not at all.",
                examples: ["save budget-2026.rdr"]) { (p: inout Parser) throws(Diagnostic) in
            .save(path: try p.name("a script file name such as budget-2026.rdr"))
        },
        Command(["set"], usage: "set format table|csv|excel-csv|markdown|json | set title \"TITLE\" | set lang en|da",
                summary: "Choose how results are shown, the title of the session's report, or the language of results' headings, titles, notes and captions (en English, da dansk; CSV and JSON keep the same keys). A kept result keeps the language it was made in.",
                examples: ["set format markdown", "set title \"Budget 2026: Korsbæk\"", "set lang da"], clauses: ["format", "title", "lang"]) { (p: inout Parser) throws(Diagnostic) in try p.setting() },
        Command(["run"], usage: "run FILE", summary: "Run a script; it stops at its first error.",
                examples: ["run examples/budget-round.rdr"]) { (p: inout Parser) throws(Diagnostic) in
            .run(path: try p.name("a script file, as in run budget.rdr"))
        },
        Command(["param"], usage: "param NAME = VALUE",
                summary: "In a script: a default for $NAME, used unless rdr is started with --set NAME=VALUE.",
                examples: ["param kommune = Korsbæk", "gap $kommune to $place"]) { (p: inout Parser) throws(Diagnostic) in
            try p.parameterDefault()
            return nil
        },
        Command(["help"], usage: "help [COMMAND]", summary: "List the commands, or show one's usage and examples.",
                examples: ["help", "help trend"]) { (p: inout Parser) throws(Diagnostic) in
            .help(topic: p.atStatementEnd ? nil : Located(p.current.text.lowercased(), p.advance().range))
        },
        Command(["quit", "exit"], usage: "quit   (or: exit, Ctrl-D)", summary: "Leave rdr.") { (_: inout Parser) throws(Diagnostic) in .quit },
    ]

    private static func listing(_ listing: Statement.Listing, aliases: [String] = [], usage: String,
                                summary: String) -> Command {
        Command([listing.rawValue] + aliases, usage: usage, summary: summary,
                examples: [listing.rawValue]) { (_: inout Parser) throws(Diagnostic) in .list(listing) }
    }
}

/// The words that begin a statement: every command's keyword and aliases.
public let commandWords = Command.all.flatMap(\.words)
