/// A small RFC 4180 reader for the package's own data files: comma-separated, optional quotes,
/// LF or CRLF line ends, a header row. It works on the UTF-8 bytes and makes strings only for
/// the fields asked for as text, so that loading a dataset stays in the low milliseconds.
/// Errors name the file and line.
import Foundation
import RdrEngine

struct CSVFile {
    /// A field's bytes; `quoted` fields have their doubled quotes still in them.
    struct Field {
        let start: Int
        let end: Int
        let quoted: Bool
    }

    struct Row {
        /// 1-based line number in the file, for messages.
        let line: Int
        let fields: [Field]
    }

    let name: String
    let header: [String]
    let rows: [Row]
    private let bytes: [UInt8]

    init(name: String, bytes: [UInt8]) throws(DataError) {
        self.name = name
        self.bytes = bytes
        var records = Self.records(in: bytes)
        guard !records.isEmpty else { throw DataError.damaged(file: name, line: 1, reason: "the file is empty") }
        let head = records.removeFirst()
        header = head.fields.map { Self.text($0, in: bytes) }
        for record in records where record.fields.count != header.count {
            throw DataError.damaged(file: name, line: record.line,
                                    reason: "\(record.fields.count) fields where the header has \(header.count)")
        }
        rows = records
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
            value = value * 10 + digit
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

    private func notANumber(_ row: Row, _ column: Int) -> DataError {
        .damaged(file: name, line: row.line, reason: "'\(text(row, column))' is not a whole number")
    }

    private static func text(_ field: Field, in bytes: [UInt8]) -> String {
        let text = String(decoding: bytes[field.start..<field.end], as: UTF8.self)
        return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    private static func records(in bytes: [UInt8]) -> [Row] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var rows: [Row] = []
        var fields: [Field] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark
        var line = 1
        while index < bytes.count {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            while true {
                var start = index, end = index, quoted = false
                if index < bytes.count, bytes[index] == quote {
                    quoted = true
                    index += 1
                    start = index
                    while index < bytes.count {
                        if bytes[index] == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote { index += 2; continue }
                            break
                        }
                        if bytes[index] == lf { line += 1 }
                        index += 1
                    }
                    end = index
                    index = min(index + 1, bytes.count)
                }
                while index < bytes.count, bytes[index] != comma, bytes[index] != lf { index += 1 }
                if !quoted { end = index }
                if !quoted, end > start, bytes[end - 1] == cr { end -= 1 }
                fields.append(Field(start: start, end: end, quoted: quoted))
                if index < bytes.count, bytes[index] == comma { index += 1; continue }
                index += 1  // the line end
                line += 1
                break
            }
            if !(fields.count == 1 && fields[0].start == fields[0].end) {
                rows.append(Row(line: recordLine, fields: fields))
            }
        }
        return rows
    }
}
