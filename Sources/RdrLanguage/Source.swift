/// The text of a script or of one line typed at the prompt, with the name used in messages.
public struct Source: Sendable {
    /// "budget-round.rdr", or "input" for the prompt.
    public let name: String
    public let text: String
    /// The line number of the text's first line: 1 for a file, more for a line read from a pipe.
    public let firstLine: Int

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
    }

    /// The line with this number, without its line end.
    public func line(_ number: Int) -> String {
        var current = firstLine
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineEnd) {
            if current == number { return String(line) }
            current += 1
        }
        return ""
    }
}

extension Source {
    /// The text a range covers on its first line, for timings and listings.
    public func snippet(_ range: SourceRange) -> String {
        let text = Array(line(range.start.line))
        let from = min(text.count, max(0, range.start.column - 1))
        let to = range.end.line == range.start.line ? min(text.count, max(from, range.end.column - 1)) : text.count
        return String(text[from..<to])
    }
}

/// A place in a source: 1-based line and column, columns counted in characters.
public struct SourceLocation: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The span of a token or construct: from `start` up to, not including, `end`.
public struct SourceRange: Sendable, Equatable {
    public let start: SourceLocation
    public let end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}

/// A value with the span it was written in, so that errors about it can point at it.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let range: SourceRange

    public init(_ value: Value, _ range: SourceRange) {
        self.value = value
        self.range = range
    }
}

extension Located: Equatable where Value: Equatable {}
