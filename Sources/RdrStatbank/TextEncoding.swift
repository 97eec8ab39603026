/// The encodings a table saved by hand from statistikbanken.dk arrives in, turned into UTF-8: the
/// website and Excel write UTF-8 (often with a byte-order mark), Windows-1252 (Danish Windows'
/// "ANSI", which is Latin-1 plus a few signs in 0x80 … 0x9F), or, for Excel's "Unicode text",
/// UTF-16 with a byte-order mark.
enum TextEncoding {
    /// The text of `bytes` as UTF-8 without a byte-order mark.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes, bigEndian: bytes[0] == 0xFE)
        }
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        return windows1252(bytes)
    }

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(high) << 8 | UInt16(low))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    private static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = (0x80...0x9F).contains(byte) ? windows1252Signs[Int(byte) - 0x80] : UInt32(byte)
            UTF8.encode(Unicode.Scalar(scalar)!) { out.append($0) }
        }
        return out
    }

    /// What Windows-1252 puts in 0x80 … 0x9F (€, ‚, „, …, ‘, ’, “, ”, –, — and others); the five
    /// bytes it leaves undefined stay the control characters Latin-1 has there.
    private static let windows1252Signs: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
