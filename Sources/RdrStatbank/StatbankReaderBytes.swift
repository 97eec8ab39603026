import Foundation

// The byte-level pieces of `StatbankReader`: records found with memchr, fields as byte ranges,
// a cache from a field's bytes to its decoded value, and numbers read straight from the bytes.
// Nothing here allocates per line.

/// Walks the records of a semicolon-separated file: LF or CRLF line ends, blank lines skipped,
/// fields as byte ranges into the file (a field in double quotes is given without them).
struct RecordScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let name: String
    /// The number of fields every record must have (the header's).
    let columns: Int
    /// The next byte to read.
    private(set) var position: Int
    /// The 1-based line of the record last returned.
    private(set) var line: Int
    /// The fields of the record last returned: `starts[i] ..< ends[i]`.
    private(set) var starts: [Int]
    private(set) var ends: [Int]
    /// Whether the record last returned ended with a line end (false for a last line without one).
    private(set) var terminated = true

    init(base: UnsafePointer<UInt8>, count: Int, name: String, columns: Int, position: Int, line: Int) {
        self.base = base
        self.count = count
        self.name = name
        self.columns = columns
        self.position = position
        self.line = line
        starts = Array(repeating: 0, count: columns)
        ends = Array(repeating: 0, count: columns)
    }

    /// The byte range of the next non-blank line, without its line end, and its 1-based number;
    /// nil at the end of the file. Advances past it.
    static func nextLine(base: UnsafePointer<UInt8>, count: Int, position: inout Int, line: inout Int)
        -> (start: Int, end: Int, terminated: Bool)?
    {
        while position < count {
            line += 1
            let start = position
            let found = memchr(base + start, 10, count - start)
            let newline = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            var end = newline
            if end > start, base[end - 1] == 13 { end -= 1 }
            position = newline + 1
            if end > start { return (start, end, newline < count) }
        }
        return nil
    }

    /// Reads the next record into `starts`/`ends`; false at the end of the file.
    mutating func next() throws(StatbankFormatError) -> Bool {
        guard let (start, end, terminated) = Self.nextLine(base: base, count: count, position: &position, line: &line)
        else { return false }
        self.terminated = terminated
        if memchr(base + start, 34, end - start) != nil {
            try splitQuoted(start, end)
        } else {
            try split(start, end)
        }
        return true
    }

    private mutating func split(_ start: Int, _ end: Int) throws(StatbankFormatError) {
        var field = 0, fieldStart = start, index = start
        while index < end {
            if base[index] == 59 {  // ;
                guard field < columns - 1 else { throw tooMany(start, end) }
                starts[field] = fieldStart
                ends[field] = index
                field += 1
                fieldStart = index + 1
            }
            index += 1
        }
        starts[field] = fieldStart
        ends[field] = end
        guard field == columns - 1 else { throw tooFew(field + 1) }
    }

    /// The same for a line with a double quote in it: a field that starts with a quote runs to the
    /// closing quote ("" inside stands for one quote and is left as it is).
    private mutating func splitQuoted(_ start: Int, _ end: Int) throws(StatbankFormatError) {
        var field = 0, index = start
        while true {
            guard field < columns else { throw tooMany(start, end) }
            if index < end, base[index] == 34 {
                var close = index + 1
                while close < end {
                    if base[close] == 34 {
                        if close + 1 < end, base[close + 1] == 34 { close += 2; continue }
                        break
                    }
                    close += 1
                }
                starts[field] = index + 1
                ends[field] = min(close, end)
                index = min(close + 1, end)
                while index < end, base[index] != 59 { index += 1 }
            } else {
                let fieldStart = index
                while index < end, base[index] != 59 { index += 1 }
                starts[field] = fieldStart
                ends[field] = index
            }
            field += 1
            guard index < end else { break }
            index += 1  // past the ;
            if index == end {  // a last, empty field
                guard field < columns else { throw tooMany(start, end) }
                starts[field] = end
                ends[field] = end
                field += 1
                break
            }
        }
        guard field == columns else { throw tooFew(field) }
    }

    private func tooMany(_ start: Int, _ end: Int) -> StatbankFormatError {
        var fields = 1
        for i in start..<end where base[i] == 59 { fields += 1 }
        return error("\(fields) fields where the header has \(columns)")
    }

    private func tooFew(_ fields: Int) -> StatbankFormatError {
        if !terminated {
            return error("the file ends in the middle of a line (\(fields) of \(columns) fields): "
                + "the download was probably cut short")
        }
        return error("\(fields) field\(fields == 1 ? "" : "s") where the header has \(columns)")
    }

    func error(_ reason: String) -> StatbankFormatError {
        StatbankFormatError(file: name, line: line, reason: reason)
    }

    /// The text of field `i` of the record last returned.
    func text(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + starts[i], count: ends[i] - starts[i]), as: UTF8.self)
    }

    /// The text of field `i`, cut at `limit` characters (with "…") for a message.
    func text(_ i: Int, upTo limit: Int) -> String {
        let whole = text(i)
        return whole.count > limit ? whole.prefix(limit) + "…" : whole
    }

    /// Whether field `i` is digits only (however many).
    func isDigits(_ i: Int) -> Bool {
        ends[i] > starts[i] && (starts[i]..<ends[i]).allSatisfy { base[$0] >= 48 && base[$0] <= 57 }
    }

    /// Whether field `i` is Statistics Denmark's mark for a missing value, "..".
    func isMissing(_ i: Int) -> Bool {
        ends[i] - starts[i] == 2 && base[starts[i]] == 46 && base[starts[i] + 1] == 46
    }

    /// Field `i` as a number: an optional minus, digits, and at most one decimal comma followed by
    /// digits. Nil for anything else (a point, a space, a thousands separator, an empty field).
    func number(_ i: Int) -> Double? {
        var index = starts[i]
        let end = ends[i]
        let negative = index < end && base[index] == 45
        if negative { index += 1 }
        var mantissa = 0, digits = 0, fraction = -1
        while index < end {
            let byte = base[index]
            if byte >= 48, byte <= 57 {
                if digits < 18 { mantissa = mantissa * 10 + Int(byte) - 48 }
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if byte == 44, fraction < 0, digits > 0 {  // ,
                fraction = 0
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, fraction != 0 else { return nil }
        let value: Double
        if digits <= 15 {
            // Both operands are exact, so the quotient is the correctly rounded decimal.
            value = fraction > 0 ? Double(mantissa) / powersOfTen[fraction] : Double(mantissa)
        } else {
            guard let parsed = Double(text(i).replacingOccurrences(of: ",", with: ".")) else { return nil }
            return parsed
        }
        return negative ? -value : value
    }

    /// Field `i` as a whole non-negative number (a head count); nil for anything else.
    func count(_ i: Int) -> Int? {
        var index = starts[i]
        let end = ends[i]
        guard index < end, end - index <= 18 else { return nil }
        var n = 0
        while index < end {
            let byte = base[index]
            guard byte >= 48, byte <= 57 else { return nil }
            n = n * 10 + Int(byte) - 48
            index += 1
        }
        return n
    }
}

private let powersOfTen: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { x, _ in x * 10 } }

/// A cache from the bytes of a field to what they decode to, so that each distinct value of a
/// column (a municipality, a function, a label) is decoded once: the previous line's value is
/// checked first (Statbank answers change their first columns slowly), then an open-addressing
/// table keyed by the bytes. The keys are ranges into the file being read. Use: `find`, and on a
/// miss decode the field and `insert` the result (which goes where `find` left off).
struct FieldCache<Value> {
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var hashes: [UInt64] = []
    private var keyStarts: [Int] = []
    private var keyCounts: [Int] = []
    private var values: [Value] = []
    private var last = -1
    /// Where `find` stopped on a miss.
    private var missHash: UInt64 = 0, missSlot = 0, missStart = 0, missCount = 0

    /// The value of field `column` of the scanner's record, if its bytes were seen before.
    @inline(__always)
    mutating func find(_ scanner: RecordScanner, _ column: Int) -> Value? {
        find(scanner.base, scanner.starts[column], scanner.ends[column])
    }

    /// The value of the bytes `start ..< end` of `base`, if they were seen before.
    @inline(__always)
    mutating func find(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Value? {
        let n = end - start
        if last >= 0, keyCounts[last] == n, same(base, keyStarts[last], start, n) {
            return values[last]
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end { hash = (hash ^ UInt64(base[i])) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, keyCounts[entry] == n, same(base, keyStarts[entry], start, n) {
                last = entry
                return values[entry]
            }
            slot = (slot + 1) & mask
        }
        missHash = hash
        missSlot = slot
        missStart = start
        missCount = n
        return nil
    }

    /// Whether the `n` bytes at `a` and at `b` are the same (fields are short: no call to memcmp).
    @inline(__always)
    private func same(_ base: UnsafePointer<UInt8>, _ a: Int, _ b: Int, _ n: Int) -> Bool {
        if a == b { return true }
        var i = 0
        while i < n {
            if base[a + i] != base[b + i] { return false }
            i += 1
        }
        return true
    }

    /// Records the value of the bytes the last `find` missed, and returns it.
    mutating func insert(_ value: Value) -> Value {
        let entry = values.count
        hashes.append(missHash)
        keyStarts.append(missStart)
        keyCounts.append(missCount)
        values.append(value)
        slots[missSlot] = Int32(entry)
        last = entry
        if values.count * 2 > slots.count { grow() }
        return value
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in 0..<values.count {
            let hash = hashes[entry]
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}
