import Foundation
import RdrEngine

/// A small RFC 4180 reader for the package's own data files: comma-separated, optional quotes,
/// LF or CRLF line ends, a header row. It works on the UTF-8 bytes: records are found on demand
/// (`lines(in:)`), and a record is split into fields only when asked, into a `Row` that is reused
/// from record to record, so that reading one dataset from a file of many allocates next to
/// nothing and skips the rest. Errors name the file and line.
struct CSVFile {
    /// A record's bytes, and its 1-based line number in the file for messages.
    struct Line {
        let number: Int
        let start: Int
        let end: Int
    }

    /// A field's bytes; `quoted` fields have their doubled quotes still in them.
    struct Field {
        let start: Int
        let end: Int
        let quoted: Bool
    }

    /// A record split into fields. `read(_:into:)` refills it in place, so that a reader going
    /// through many records allocates its fields once (`makeRow()`: a slot per header column).
    struct Row {
        var line = 0
        /// How many fields the record has; only the first `slots.count` of them are kept, which
        /// is all a record that matches the header has.
        fileprivate(set) var count = 0
        fileprivate var slots: [Field]

        subscript(column: Int) -> Field {
            precondition(column < min(count, slots.count), "column \(column) of a record read to \(count) fields")
            return slots[column]
        }
    }

    /// Consecutive records: those that start in `start..<end`, the first of them on line `line`.
    struct Span {
        let start: Int
        let end: Int
        let line: Int
    }

    let name: String
    let header: [String]
    /// The records after the header.
    let body: Span
    private let bytes: [UInt8]
    /// Whether the file has a quote anywhere: when not, a line end always ends a record.
    private let hasQuotes: Bool

    init(name: String, bytes: [UInt8]) throws(DataError) {
        self.name = name
        self.bytes = bytes
        hasQuotes = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(Self.quote), buffer.count) != nil } ?? false
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark
        var records = Lines(bytes: bytes, hasQuotes: hasQuotes, position: start, end: bytes.count, number: 1)
        guard let head = records.next() else { throw DataError.damaged(file: name, line: 1, reason: "the file is empty") }
        var names: [String] = []
        Self.forEachField(of: head, in: bytes, limit: .max) { names.append(Self.text($0, in: bytes)) }
        header = names
        body = Span(start: records.position, end: bytes.count, line: records.number)
    }

    /// The records of `span` (the whole body by default), in order; blank lines are skipped.
    func lines(in span: Span? = nil) -> Lines {
        let span = span ?? body
        return Lines(bytes: bytes, hasQuotes: hasQuotes, position: span.start, end: span.end, number: span.line)
    }

    /// The records in runs that share the bytes of their first field, in file order: for a file
    /// sorted by its first column, where each value has its records, found in one pass without
    /// splitting them. `first` is a run's first record.
    func runsByFirstField() -> [(first: Line, span: Span)] {
        var runs: [(first: Line, span: Span)] = []
        var current: (first: Line, field: Field)?
        for line in lines() {
            var field = Field(start: line.start, end: line.start, quoted: false)
            Self.forEachField(of: line, in: bytes, limit: 1) { field = $0 }
            if let run = current, sameBytes(run.field, field) { continue }
            if let run = current {
                runs.append((run.first, Span(start: run.first.start, end: line.start, line: run.first.number)))
            }
            current = (line, field)
        }
        if let run = current {
            runs.append((run.first, Span(start: run.first.start, end: body.end, line: run.first.number)))
        }
        return runs
    }

    /// Every record, split and checked against the header: for the small files.
    var rows: [Row] {
        get throws(DataError) {
            var result: [Row] = []
            for line in lines() {
                var row = makeRow()
                try read(line, into: &row)
                result.append(row)
            }
            return result
        }
    }

    /// A row to read this file's records into, with a slot for each column.
    func makeRow() -> Row {
        Row(slots: Array(repeating: Field(start: 0, end: 0, quoted: false), count: header.count))
    }

    /// Splits a record into `row`, checked against the header.
    func read(_ line: Line, into row: inout Row) throws(DataError) {
        Self.split(line, in: bytes, into: &row, limit: .max)
        guard row.count == header.count else {
            throw DataError.damaged(file: name, line: line.number,
                                    reason: "\(row.count) fields where the header has \(header.count)")
        }
    }

    /// The first `count` fields of a record into `row`, without splitting the rest: enough to
    /// sort records by dataset or year before reading the figures of only the one that is wanted.
    func readLeading(_ count: Int, of line: Line, into row: inout Row) throws(DataError) {
        Self.split(line, in: bytes, into: &row, limit: count)
        guard row.count == count else {
            throw DataError.damaged(file: name, line: line.number, reason: "fewer than \(count) fields")
        }
    }

    func column(_ key: String) throws(DataError) -> Int {
        guard let index = header.firstIndex(of: key) else {
            throw DataError.damaged(file: name, line: 1, reason: "no column '\(key)'")
        }
        return index
    }

    func text(_ row: Row, _ column: Int) -> String {
        Self.text(row[column], in: bytes)
    }

    /// A whole number, read straight from the bytes (an optional leading minus, then digits).
    func int(_ row: Row, _ column: Int) throws(DataError) -> Int {
        switch Self.number(row[column], in: bytes) {
        case .value(let value): return value
        case .notANumber: throw notANumber(row, column)
        case .tooLarge: throw tooLarge(row, column)
        }
    }

    /// The fields of a record from column `first` on, each a whole number, into `values`: one
    /// pass over the record, for the wide files of figures (a column per age or per function).
    func ints(of line: Line, from first: Int, into values: inout [Int]) throws(DataError) {
        values.removeAll(keepingCapacity: true)
        var column = 0
        var problem: Int?
        Self.forEachField(of: line, in: bytes, limit: .max) { field in
            defer { column += 1 }
            guard column >= first, problem == nil else { return }
            if case .value(let value) = Self.number(field, in: bytes) { values.append(value) } else { problem = column }
        }
        guard column == header.count else {
            throw DataError.damaged(file: name, line: line.number, reason: "\(column) fields where the header has \(header.count)")
        }
        guard let problem else { return }
        // The field that is no whole number: the row-by-row reader words the message.
        var row = makeRow()
        try read(line, into: &row)
        _ = try int(row, problem)
        throw notANumber(row, problem)
    }

    private enum Number {
        case value(Int), notANumber, tooLarge
    }

    private static func number(_ field: Field, in bytes: [UInt8]) -> Number {
        guard !field.quoted else { return .notANumber }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = field.start
            let negative = index < field.end && buffer[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            guard index < field.end else { return .notANumber }
            // Eighteen digits cannot overflow: only a longer number needs the checked arithmetic.
            let unchecked = field.end - index <= 18
            var value = 0
            while index < field.end {
                let digit = Int(buffer[index]) &- 48
                guard digit >= 0, digit <= 9 else { return .notANumber }
                if unchecked {
                    value = value &* 10 &+ digit
                } else {
                    let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
                    guard !overflow, tens <= Int.max - digit else { return .tooLarge }
                    value = tens + digit
                }
                index += 1
            }
            return .value(negative ? -value : value)
        }
    }

    func functionCode(_ row: Row, _ column: Int) -> FunctionCode? {
        let field = row[column]
        return FunctionCode(utf8: bytes[field.start..<field.end])
    }

    /// Whether two fields hold the same bytes: a reader that sees the same function code on row
    /// after row parses it once.
    func sameBytes(_ a: Field, _ b: Field) -> Bool {
        a.end - a.start == b.end - b.start && bytes.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + a.start, $0.baseAddress! + b.start, a.end - a.start) == 0
        }
    }

    /// Whether the field is Statistics Denmark's mark for a missing value, "..".
    func isMissing(_ row: Row, _ column: Int) -> Bool {
        let field = row[column]
        return field.end - field.start == 2 && bytes[field.start] == 46 && bytes[field.start + 1] == 46
    }

    private func tooLarge(_ row: Row, _ column: Int) -> DataError {
        let digits = text(row, column)
        let shown = digits.count > 30 ? digits.prefix(30) + "…" : Substring(digits)
        return .damaged(file: name, line: row.line, reason: "'\(shown)' is too large a number (\(digits.count) digits)")
    }

    private func notANumber(_ row: Row, _ column: Int) -> DataError {
        .damaged(file: name, line: row.line, reason: "'\(text(row, column))' is not a whole number")
    }

    private static func text(_ field: Field, in bytes: [UInt8]) -> String {
        let raw = bytes[field.start..<field.end]
        guard field.quoted, raw.contains(quote) else {
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[field.start..<field.end]), as: UTF8.self) }
        }
        // A doubled quote inside a quoted field stands for one.
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(raw.count)
        var previousWasQuote = false
        for byte in raw {
            if byte == quote, previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == quote
            unquoted.append(byte)
        }
        return String(decoding: unquoted, as: UTF8.self)
    }

    fileprivate static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"),
                           lf = UInt8(ascii: "\n")

    /// The records from `position` up to `end`: line ends outside quotes end a record. Line ends
    /// are found with memchr; a line is scanned byte by byte only when the file has quotes and
    /// this line has one.
    struct Lines: Sequence, IteratorProtocol {
        fileprivate let bytes: [UInt8]
        fileprivate let hasQuotes: Bool
        /// Where the next record starts, and its line number.
        fileprivate(set) var position: Int
        fileprivate let end: Int
        fileprivate(set) var number: Int

        mutating func next() -> Line? {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return nil }
                while position < end {
                    let start = position, startNumber = number
                    var lineEnd = Self.lineEnd(base, from: start, count: buffer.count)
                    if hasQuotes, memchr(base + start, Int32(quote), lineEnd - start) != nil {
                        // A quoted field may hold line ends: continue while the quotes are unbalanced.
                        var quotes = 0
                        var index = start
                        while true {
                            while index < lineEnd { if buffer[index] == quote { quotes += 1 }; index += 1 }
                            guard quotes % 2 == 1, lineEnd < buffer.count else { break }
                            number += 1
                            index = lineEnd + 1
                            lineEnd = Self.lineEnd(base, from: index, count: buffer.count)
                        }
                    }
                    var last = lineEnd
                    if last > start, buffer[last - 1] == cr { last -= 1 }
                    position = lineEnd + 1
                    number += 1
                    if last > start { return Line(number: startNumber, start: start, end: last) }
                }
                return nil
            }
        }

        private static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
            guard let found = memchr(base + start, Int32(lf), count - start) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Splits a record at the commas outside quotes, up to `limit` fields, into `row`'s slots.
    private static func split(_ line: Line, in bytes: [UInt8], into row: inout Row, limit: Int) {
        var count = 0
        row.line = line.number
        row.slots.withUnsafeMutableBufferPointer { slots in
            forEachField(of: line, in: bytes, limit: limit) { field in
                if count < slots.count { slots[count] = field }
                count += 1
            }
        }
        row.count = count
    }

    /// Each field of a record in turn, up to `limit`: the record is cut at the commas outside quotes.
    private static func forEachField(of line: Line, in bytes: [UInt8], limit: Int, _ body: (Field) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var index = line.start, count = 0
            while count < limit {
                count += 1
                if index < line.end, buffer[index] == quote {
                    var end = index + 1
                    while end < line.end {
                        if buffer[end] == quote {
                            if end + 1 < line.end, buffer[end + 1] == quote { end += 2; continue }
                            break
                        }
                        end += 1
                    }
                    body(Field(start: index + 1, end: end, quoted: true))
                    index = end + 1
                } else {
                    var end = index
                    while end < line.end, buffer[end] != comma { end += 1 }
                    body(Field(start: index, end: end, quoted: false))
                    index = end
                }
                guard index < line.end, buffer[index] == comma else { break }
                index += 1
                if index == line.end, count < limit {
                    body(Field(start: index, end: index, quoted: false))
                    break
                }
            }
        }
    }
}
