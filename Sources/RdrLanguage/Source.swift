/// The text of a script or of one line typed at the prompt, with the name used in messages.
public struct Source: Sendable {
    /// "budget-round.rdr", or "input" for the prompt.
    public let name: String
    public let text: String
    /// The line number of the text's first line: 1 for a file, more for a line read from a pipe.
    public let firstLine: Int
    /// The folder of the script file the text was read from, from which its `run` statements
    /// resolve relative paths; nil at the prompt, for -c and standard input.
    public let folder: String?

    public init(name: String, text: String, firstLine: Int = 1, folder: String? = nil) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        self.folder = folder
    }

    /// The line with this number, without its line end.
    public func line(_ number: Int) -> String {
        guard number >= firstLine else { return "" }
        var start = text.startIndex
        for _ in firstLine..<number {
            guard let end = text[start...].firstIndex(where: \.isLineEnd) else { return "" }
            start = text.index(after: end)
        }
        return String(text[start..<(text[start...].firstIndex(where: \.isLineEnd) ?? text.endIndex)])
    }

    /// The most text rdr parses at once (a script, -c, a line): 1 MB, some 20,000 lines, far
    /// beyond any budget round, and small enough that a wrong file is refused, not read.
    public static let maximumSize = 1 << 20

    /// "1.0 MB", "12 kB", "80 bytes".
    public static func describe(size: Int) -> String {
        switch size {
        case ..<1024: "\(size) bytes"
        case ..<(1 << 20): "\(size / 1024) kB"
        default: "\(size / (1 << 20)).\(size % (1 << 20) * 10 / (1 << 20)) MB"
        }
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
