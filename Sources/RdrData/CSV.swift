import Foundation
import RdrEngine

/// A small RFC 4180 reader for the package's own data files: comma-separated, optional quotes,
/// LF or CRLF line ends, a header row. It works on the UTF-8 bytes and splits a line into fields
/// only when asked, so that loading one dataset from a file of many stays in the low
/// milliseconds. Errors name the file and line.
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

    /// A record split into fields, as many as the header has.
    struct Row {
        let line: Int
        let fields: [Field]
    }

    let name: String
    let header: [String]
    /// The records after the header.
    let lines: [Line]
    private let bytes: [UInt8]

    init(name: String, bytes: [UInt8]) throws(DataError) {
        self.name = name
        self.bytes = bytes
        var lines = Self.lines(in: bytes)
        guard !lines.isEmpty else { throw DataError.damaged(file: name, line: 1, reason: "the file is empty") }
        let head = lines.removeFirst()
        header = Self.split(head, in: bytes).map { Self.text($0, in: bytes) }
        self.lines = lines
    }

    /// Every record, split and checked against the header.
    var rows: [Row] {
        get throws(DataError) {
            var result: [Row] = []
            result.reserveCapacity(lines.count)
            for line in lines { result.append(try row(line)) }
            return result
        }
    }

    func row(_ line: Line) throws(DataError) -> Row {
        let fields = Self.split(line, in: bytes)
        guard fields.count == header.count else {
            throw DataError.damaged(file: name, line: line.number,
                                    reason: "\(fields.count) fields where the header has \(header.count)")
        }
        return Row(line: line.number, fields: fields)
    }

    /// The first `count` fields of a record, without splitting the rest: enough to sort records
    /// by dataset or year before reading the figures of only the one that is wanted.
    func leading(_ count: Int, of line: Line) throws(DataError) -> Row {
        let fields = Self.split(line, in: bytes, limit: count)
        guard fields.count == count else {
            throw DataError.damaged(file: name, line: line.number, reason: "fewer than \(count) fields")
        }
        return Row(line: line.number, fields: fields)
    }

    func column(_ key: String) throws(DataError) -> Int {
        guard let index = header.firstIndex(of: key) else {
            throw DataError.damaged(file: name, line: 1, reason: "no column '\(key)'")
        }
        return index
    }

    func text(_ row: Row, _ column: Int) -> String {
        Self.text(row.fields[column], in: bytes)
    }

    /// A whole number, read straight from the bytes (an optional leading minus, then digits).
    func int(_ row: Row, _ column: Int) throws(DataError) -> Int {
        let field = row.fields[column]
        var index = field.start
        let negative = index < field.end && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var value = 0
        guard index < field.end, !field.quoted else { throw notANumber(row, column) }
        while index < field.end {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { throw notANumber(row, column) }
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow, tens <= Int.max - digit else { throw tooLarge(row, column) }
            value = tens + digit
            index += 1
        }
        return negative ? -value : value
    }

    func functionCode(_ row: Row, _ column: Int) -> FunctionCode? {
        let field = row.fields[column]
        return FunctionCode(utf8: bytes[field.start..<field.end])
    }

    /// Whether the field is Statistics Denmark's mark for a missing value, "..".
    func isMissing(_ row: Row, _ column: Int) -> Bool {
        let field = row.fields[column]
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
        let text = String(decoding: bytes[field.start..<field.end], as: UTF8.self)
        return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"),
                       lf = UInt8(ascii: "\n")

    /// The records of the file: line ends outside quotes end a record; blank lines are skipped.
    /// Line ends are found with memchr; only a line with a quote in it is scanned byte by byte.
    private static func lines(in bytes: [UInt8]) -> [Line] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var lines: [Line] = []
            var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark
            var number = 1
            while start < buffer.count {
                let startNumber = number
                var end = lineEnd(base, from: start, count: buffer.count)
                if memchr(base + start, Int32(quote), end - start) != nil {
                    // A quoted field may hold line ends: continue while the quotes are unbalanced.
                    var quotes = 0
                    var index = start
                    while true {
                        while index < end { if buffer[index] == quote { quotes += 1 }; index += 1 }
                        guard quotes % 2 == 1, end < buffer.count else { break }
                        number += 1
                        index = end + 1
                        end = lineEnd(base, from: index, count: buffer.count)
                    }
                }
                var last = end
                if last > start, buffer[last - 1] == cr { last -= 1 }
                if last > start { lines.append(Line(number: startNumber, start: start, end: last)) }
                start = end + 1
                number += 1
            }
            return lines
        }
    }

    private static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        guard let found = memchr(base + start, Int32(lf), count - start) else { return count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Splits a record at the commas outside quotes, up to `limit` fields.
    private static func split(_ line: Line, in bytes: [UInt8], limit: Int = .max) -> [Field] {
        bytes.withUnsafeBufferPointer { buffer in
            var fields: [Field] = []
            var index = line.start
            while fields.count < limit {
                if index < line.end, buffer[index] == quote {
                    var end = index + 1
                    while end < line.end {
                        if buffer[end] == quote {
                            if end + 1 < line.end, buffer[end + 1] == quote { end += 2; continue }
                            break
                        }
                        end += 1
                    }
                    fields.append(Field(start: index + 1, end: end, quoted: true))
                    index = end + 1
                } else {
                    var end = index
                    while end < line.end, buffer[end] != comma { end += 1 }
                    fields.append(Field(start: index, end: end, quoted: false))
                    index = end
                }
                guard index < line.end, buffer[index] == comma else { break }
                index += 1
                if index == line.end { fields.append(Field(start: index, end: index, quoted: false)); break }
            }
            return fields
        }
    }
}
