import RdrEngine
import RdrReport

/// JSON for programs: keys in a fixed order, two-space indentation, numbers as JSON numbers.
/// One document: the rows, the footer under its own name ("median", "total"), the notes and the
/// provenance.
enum JSONRenderer {
    static func render(_ result: ResultSet) -> String {
        var members: [(String, JSON)] = [
            ("title", .string(result.title)),
            ("columns", .array(result.columns.map(column))),
            ("rows", .array(result.rows.map { record($0, of: result) })),
        ]
        switch result.footer.count {
        case 0: break
        case 1: members.append((result.footerKey, record(result.footer[0], of: result)))
        default: members.append((result.footerKey, .array(result.footer.map { record($0, of: result) })))
        }
        members += [
            ("notes", .array(result.notes.map(JSON.string))),
            ("provenance", result.provenance.map(provenance) ?? .null),
        ]
        let document = JSON.object(members)
        return document.serialized(indent: 0) + "\n"
    }

    private static func column(_ column: ResultSet.Column) -> JSON {
        .object([("key", .string(column.key)), ("title", .string(column.title))])
    }

    private static func record(_ row: [ResultSet.Value], of result: ResultSet) -> JSON {
        let cells = result.cells(of: row, for: .programs)
        return .object(zip(result.columns, cells).map { column, cell in (column.key, JSON(cell)) })
    }

    private static func provenance(_ provenance: Provenance) -> JSON {
        .object([
            ("dataset", .string(provenance.dataset)),
            ("source", .string(provenance.source)),
            ("price_basis", .string(provenance.priceBasis)),
            ("retrieved", .string(provenance.retrieved)),
            ("definition", .string(provenance.definition)),
            ("invented", .bool(provenance.invented)),
        ])
    }
}

/// Just enough of JSON to write a result: objects keep their keys in the order given.
private indirect enum JSON {
    case string(String)
    /// A number already written in JSON syntax.
    case number(String)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    init(_ cell: Cell) {
        switch cell {
        case .text(let text): self = .string(text)
        case .number(let number): self = .number(number)
        case .missing, .blank: self = .null
        }
    }

    func serialized(indent level: Int) -> String {
        switch self {
        case .string(let text): text.jsonQuoted
        case .number(let number): number
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .array(let elements):
            block("[", "]", elements.map { $0.serialized(indent: level + 1) }, level: level)
        case .object(let members):
            block("{", "}", members.map { member($0, $1, indent: level + 1) }, level: level)
        }
    }

    private func member(_ key: String, _ value: JSON, indent level: Int) -> String {
        key.jsonQuoted + ": " + value.serialized(indent: level)
    }

    /// Members one per line, indented one level deeper than the brackets; empty as "[]" or "{}".
    private func block(_ open: String, _ close: String, _ members: [String], level: Int) -> String {
        guard !members.isEmpty else { return open + close }
        let inner = String(repeating: "  ", count: level + 1)
        let outer = String(repeating: "  ", count: level)
        return open + "\n" + members.map { inner + $0 }.joined(separator: ",\n") + "\n" + outer + close
    }
}

