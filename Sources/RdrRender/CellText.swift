import RdrEngine
import RdrReport

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

    init(_ value: ResultSet.Value, kind: ResultSet.Column.Kind, for audience: Audience, language: Language = .en) {
        switch value {
        case .text(let text):
            self = .text(text)
        case .labelled(let text, let label):
            self = .text(audience == .people ? "\(label): \(text)" : text)
        case .integer(let n):
            self = .number(audience.format(integer: n))
        case .amount(let x):
            let number = audience.format(amount: x, decimals: kind.decimals(for: audience))
            self = number.map(Cell.number) ?? .missing
        case .year(let year):
            self = .number(String(year))
        case .place(let n, let tied):
            self = .number(String(n) + (tied && audience == .people ? "=" : ""))
        case .flag(let flag):
            self = .number(audience == .people ? (flag ? language.yes : "") : (flag ? "true" : "false"))
        case .unavailable:
            self = .missing
        case .empty:
            self = .blank
        }
    }

    /// The cell as people read it (table, Markdown), on one line; a missing value reads "n/a" ("i.t.").
    func displayText(in language: Language = .en) -> String {
        switch self {
        case .text(let text): singleLine(text)
        case .number(let number): number
        case .missing: language.notAvailableCell
        case .blank: ""
        }
    }
}

extension ResultSet {
    /// The columns an audience sees: people do not see the keys the title already states.
    func columnIndices(for audience: Audience) -> [Int] {
        columns.indices.filter { audience == .programs || !columns[$0].programsOnly }
    }

    /// One cell per column. A row shorter than the columns reads as empty text at its end;
    /// values beyond the last column are dropped.
    func cells(of row: [Value], for audience: Audience) -> [Cell] {
        columns.indices.map { index in
            index < row.count ? Cell(row[index], kind: columns[index].kind, for: audience, language: language) : .text("")
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

/// The text with every line break and tab replaced by a space and every other control
/// character shown as �, for places where one would break the layout: a table cell, a
/// Markdown line, a caption line.
func singleLine(_ text: String) -> String {
    replacingControls(in: text, keeping: []) { ["\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) ? " " : "\u{FFFD}" }
}

/// The text safe to write to a terminal or a file a terminal may show: every control character
/// but line feed and tab (escape sequences, carriage returns, C1 controls, bidirectional
/// overrides) shown as �, so that no title, label or string literal can move the cursor, set
/// the window title or reorder what is shown.
public func terminalSafe(_ text: String) -> String {
    replacingControls(in: text, keeping: ["\n", "\t"]) { _ in "\u{FFFD}" }
}

/// Like `terminalSafe`, keeping also carriage returns: CSV quotes a field's line breaks.
func csvSafe(_ text: String) -> String {
    replacingControls(in: text, keeping: ["\n", "\r", "\t"]) { _ in "\u{FFFD}" }
}

private func replacingControls(in text: String, keeping kept: Set<Unicode.Scalar>,
                               with replacement: (Unicode.Scalar) -> Unicode.Scalar) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) && !kept.contains($0) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        result.append(isControl(scalar) && !kept.contains(scalar) ? replacement(scalar) : scalar)
    }
    return String(result)
}

/// C0, DEL, C1, the line and paragraph separators, and the bidirectional embeddings, overrides
/// and isolates (U+202A–202E, U+2066–2069), which reorder the text around them.
private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
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
