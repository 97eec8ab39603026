import RdrData
import RdrEngine
import RdrRender

/// Candidates for tab completion at the prompt, from the statement typed so far.
extension Session {
    /// The words that could complete `word`, the partial word before the cursor, given the text of
    /// the line before it. Nil means "complete a file name" (after run, and export … to).
    public func completions(forWord word: String, after prefix: String) -> [String]? {
        // Only the statement being typed counts: the text after the last ';'.
        let statement = prefix.split(separator: ";", omittingEmptySubsequences: false).last ?? ""
        let words = statement.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .map { $0.lowercased() }
        let first = words.first ?? ""
        let previous = words.last ?? ""
        let candidates: [String]
        if words.isEmpty {
            candidates = commandWords + results.map(\.name)
        } else if first == "run" || (first == "export" && previous == "to") {
            return nil
        } else {
            candidates = self.candidates(first: first, previous: previous, count: words.count)
        }
        let key = word.matchingKey
        var seen = Set<String>()
        return candidates.filter { $0.matchingKey.hasPrefix(key) && seen.insert($0).inserted }
    }

    private func candidates(first: String, previous: String, count: Int) -> [String] {
        switch previous {
        case "load": return ["real", "teaching"] + datasetNames("real")
        case "real", "teaching": return first == "load" ? datasetNames(previous) : loadedNames
        case "use", "on": return ["real", "teaching", "local"] + loadedNames
        case "using": return ["cpi", "state"]
        case "average": return Reference.Average.allCases.map(\.rawValue)
        case "with" where first == "rank": return RankQuery.Level.allCases.map(\.rawValue)
        case "with" where first == "compare": return ["group", "region", "peers"] + municipalityNames
        case "compare", "drill": return municipalityNames
        case "peers" where first == "peers": return municipalityNames
        case "in" where first == "peers": return ["group"]
        case "by" where first == "peers": return PeerModel.standard.variables.map(\.description)
        case "rank", "trend", "area", "in": return areas.map(\.key)
        case "gap", "for": return municipalityNames
        case "per": return ["capita", "0-5", "6-16", "0-17", "16-64", "18-64", "65+", "80+"]
        case "as": return first == "export" ? ExportFormat.names : OutputFormat.allCases.map(\.rawValue)
        case "set": return ["format"]
        case "format": return OutputFormat.allCases.map(\.rawValue)
        case "=" where first == "let": return Command.queryWords + results.map(\.name)
        case "=" where first == "define", "except": return functionCandidates
        case "show", "drop", "export", "explain": return results.map(\.name)
        case "help": return Help.topics.map(\.name)
        case "define": return ["area"]
        case "to" where first == "gap": return ["median", "25", "40", "50"]
        case "to" where first == "drill": return ["median", "country", "peers", "25", "40", "50"]
        case "by" where first == "gap": return ["function"]
        default: break
        }
        if first == "define", FunctionPattern(previous) != nil { return ["except", "per"] + functionCandidates }
        guard let command = Command.named(first) else { return [] }
        switch first {
        case "gap": return count == 2 ? ["to"] : command.clauses.filter { $0 != "to" }
        case "let": return count == 2 ? ["="] : Command.queryWords
        case "rank", "compare", "trend": return command.clauses + (count > 3 ? municipalityNames : [])
        default: return command.clauses
        }
    }

    private var municipalityNames: [String] {
        (dataset?.municipalities ?? (try? dataCollection("real").municipalities) ?? []).map(\.name)
    }

    /// The loaded dataset's functions and their groups, for `define area … =`.
    private var functionCandidates: [String] {
        let codes = dataset?.functions ?? []
        let groups = Set(codes.map { FunctionPattern.group(main: $0.main, group: $0.group).description })
        return groups.sorted() + codes.map(\.description)
    }

    /// The loaded datasets' ids, for `use` and `on`.
    private var loadedNames: [String] { workspace.map(\.id.description) }

    private func datasetNames(_ collection: String) -> [String] {
        ((try? dataCollection(collection).datasets) ?? []).map(\.description)
    }
}
