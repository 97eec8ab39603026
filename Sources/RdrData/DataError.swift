/// Why a dataset could not be loaded. One line each, saying what would be right.
public enum DataError: Error, Sendable, Equatable, CustomStringConvertible {
    case notInCollection(requested: String, collection: String, available: [String], hint: String?)
    case damaged(file: String, line: Int, reason: String)
    case missingResource(String)
    /// Any other reason, already a whole sentence (from a collection outside this module).
    case unavailable(String)

    public var description: String {
        switch self {
        case let .notInCollection(requested, collection, available, hint):
            "\(requested) is not in the \(collection) (it holds \(Self.span(available)))" + (hint.map { "; \($0)" } ?? "")
        case let .damaged(file, line, reason):
            "\(file):\(line): \(reason)"
        case let .missingResource(name):
            "the built-in data file \(name) is missing from the installation; reinstall rdr"
        case let .unavailable(reason):
            reason
        }
    }

    /// "R2019-R2024, B2020-B2025" for runs of consecutive years.
    private static func span(_ names: [String]) -> String {
        var runs: [(first: String, last: String, lastYear: Int)] = []
        for name in names {
            let kind = name.prefix(1)
            let year = Int(name.dropFirst()) ?? 0
            if let run = runs.last, run.last.prefix(1) == kind, run.lastYear + 1 == year {
                runs[runs.count - 1] = (run.first, name, year)
            } else {
                runs.append((name, name, year))
            }
        }
        return runs.map { $0.first == $0.last ? $0.first : "\($0.first)-\($0.last)" }.joined(separator: ", ")
    }
}
