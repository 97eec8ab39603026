import RdrEngine

/// A value as text, before a renderer spells it: the renderers differ only in how they write
/// each case (CSV neutralises text, JSON quotes it, the table pads it).
enum Cell {
    case text(String)
    /// A number already formatted for the audience.
    case number(String)
    /// No value: unavailable, or an amount that is not a finite number.
    case missing
    /// Nothing to say: shown blank, exported as an empty field or null.
    case blank

    init(_ value: ResultSet.Value, kind: ResultSet.Column.Kind, for audience: Audience) {
        switch value {
        case .text(let text):
            self = .text(text)
        case .integer(let n):
            self = .number(audience.format(integer: n))
        case .amount(let x):
            let number = audience.format(amount: x, decimals: kind.decimals(for: audience))
            self = number.map(Cell.number) ?? .missing
        case .place(let n, let tied):
            self = .number(String(n) + (tied && audience == .people ? "=" : ""))
        case .unavailable:
            self = .missing
        case .empty:
            self = .blank
        }
    }

    /// The cell as people read it (table, Markdown), on one line; a missing value reads "n/a".
    var displayText: String {
        switch self {
        case .text(let text): singleLine(text)
        case .number(let number): number
        case .missing: "n/a"
        case .blank: ""
        }
    }
}

extension ResultSet {
    /// One cell per column. A row shorter than the columns reads as empty text at its end;
    /// values beyond the last column are dropped.
    func cells(of row: [Value], for audience: Audience) -> [Cell] {
        columns.indices.map { index in
            index < row.count ? Cell(row[index], kind: columns[index].kind, for: audience) : .text("")
        }
    }
}

extension ResultSet.Column.Kind {
    /// Numbers line up on the right, text on the left.
    var isRightAligned: Bool { self != .text }

    /// Decimals for an amount. An amount in a column not declared as one gets two, so that
    /// nothing is hidden by rounding.
    func decimals(for audience: Audience) -> Int {
        guard case .amount(let shown, let exported) = self else { return 2 }
        return audience == .people ? shown : exported
    }
}

/// The text with every line break and control character (tab included) replaced by a space,
/// for places where one would break the layout: a table cell, a Markdown line, a CSV comment.
func singleLine(_ text: String) -> String {
    String(text.map { isLineBreaking($0) ? " " : $0 })
}

private func isLineBreaking(_ character: Character) -> Bool {
    character.isNewline || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
}

/// The text with `escape` put before each of the `special` scalars: Markdown's backslash
/// escapes, CSV's doubled quotes. Works on scalars, not characters, so a special scalar
/// fused with a combining mark into one character is still escaped.
func escaping(_ special: Set<Unicode.Scalar>, with escape: Unicode.Scalar, in text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if special.contains(scalar) { result.append(escape) }
        result.append(scalar)
    }
    return String(result)
}
