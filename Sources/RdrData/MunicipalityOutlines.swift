import RdrEngine

/// The outlines of Denmark's 98 municipalities: DAGI 1:250.000 Kommuneinddeling (Styrelsen for
/// Dataforsyning og Effektivisering, now Klimadatastyrelsen, CC BY 4.0), simplified, as shipped in
/// `Resources/map/municipalities.geojson` (provenance in the README beside it). Coordinates are
/// ETRS89 / UTM zone 32N (EPSG:25832) in whole metres.
///
/// The file (260 kB) is read and parsed once per process when the first map is drawn
/// (`shared()`), never at start-up; a small reader of its own parses it, with no Foundation.
public struct MunicipalityOutlines: Sendable {
    /// A vertex: metres east and north.
    public struct Point: Sendable, Equatable {
        public let x: Int
        public let y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// A polygon: its outer ring first, then its holes (København's hole is Frederiksberg). Each
    /// ring is closed: its last point is its first.
    public typealias Polygon = [[Point]]

    public struct Outline: Sendable {
        /// The municipality code, 101 … 860, as in Statistics Denmark's tables.
        public let code: Int
        public let name: String
        /// One for most, several for a municipality of islands.
        public let polygons: [Polygon]
    }

    /// In the file's order (by code).
    public let outlines: [Outline]
    /// The credit the data must carry, from the file's `attribution` member (Danish).
    public let attribution: String
    /// "CC-BY-4.0" and the licence's address.
    public let license: String
    public let licenseURL: String

    /// The Danish credit line printed on every map, as the data's README words it.
    public var credit: String { "Kort: \(attribution)." }

    /// The credit in English, for a text alternative (the README's translation).
    public static let englishCredit = "Map: contains data from the Danish Agency for Data Supply and Efficiency "
        + "(now Klimadatastyrelsen), DAGI 1:250,000 municipal division, July 2021, CC BY 4.0, simplified."

    /// Where the data comes from, for a reader who wants it.
    public static let sourceURL = "https://dataforsyningen.dk/"

    public static let fileName = "municipalities.geojson"

    public func outline(code: Int) -> Outline? {
        outlines.first { $0.code == code }
    }

    /// The shipped outlines, read on first use and kept for the process.
    public static func shared() throws(DataError) -> MunicipalityOutlines {
        try loaded.get()
    }

    private static let loaded: Result<MunicipalityOutlines, DataError> = Result { () throws(DataError) in
        try parse(BundledFile.bytes("map", fileName), name: "map/\(fileName)")
    }

    /// Reads a GeoJSON FeatureCollection of Polygons and MultiPolygons whose features have the
    /// properties `code` (a whole number) and `name`, with integer coordinates and the top-level
    /// `attribution`, `license` and `license_url` members. A file that is not that is refused
    /// with the line and the reason.
    public static func parse(_ bytes: [UInt8], name: String) throws(DataError) -> MunicipalityOutlines {
        var reader = JSONReader(bytes: bytes, name: name)
        let root = try reader.document()
        func damaged(_ reason: String) -> DataError { .damaged(file: name, line: 1, reason: reason) }
        guard case .object(let members) = root, members["type"]?.string == "FeatureCollection" else {
            throw damaged("not a GeoJSON FeatureCollection")
        }
        guard let attribution = members["attribution"]?.string, let license = members["license"]?.string,
              let licenseURL = members["license_url"]?.string else {
            throw damaged("the credit (attribution, license, license_url) is missing")
        }
        guard case .array(let features)? = members["features"], !features.isEmpty else {
            throw damaged("no features")
        }
        var outlines: [Outline] = []
        for (index, feature) in features.enumerated() {
            let what = "feature \(index + 1)"
            guard case .object(let parts) = feature, case .object(let properties)? = parts["properties"],
                  case .number(let code)? = properties["code"], let label = properties["name"]?.string else {
                throw damaged("\(what) has no properties code and name")
            }
            guard !outlines.contains(where: { $0.code == code }) else { throw damaged("code \(code) has two features") }
            guard case .object(let geometry)? = parts["geometry"], let type = geometry["type"]?.string,
                  let coordinates = geometry["coordinates"] else {
                throw damaged("\(label) (\(code)) has no geometry")
            }
            let polygons: [Polygon]
            switch type {
            case "Polygon": polygons = [try polygon(coordinates, of: label)]
            case "MultiPolygon":
                guard case .array(let list) = coordinates, !list.isEmpty else { throw damaged("\(label): an empty MultiPolygon") }
                polygons = try list.map { value throws(DataError) in try polygon(value, of: label) }
            default: throw damaged("\(label): a \(type), not a Polygon or MultiPolygon")
            }
            outlines.append(Outline(code: code, name: label, polygons: polygons))
        }
        return MunicipalityOutlines(outlines: outlines, attribution: attribution, license: license, licenseURL: licenseURL)

        func polygon(_ value: JSONValue, of label: String) throws(DataError) -> Polygon {
            guard case .array(let rings) = value, !rings.isEmpty else { throw damaged("\(label): a polygon without rings") }
            return try rings.map { ring throws(DataError) -> [Point] in
                guard case .array(let points) = ring, points.count >= 4 else {
                    throw damaged("\(label): a ring of fewer than 4 points")
                }
                let read = try points.map { point throws(DataError) -> Point in
                    guard case .array(let pair) = point, pair.count == 2, case .number(let x) = pair[0],
                          case .number(let y) = pair[1] else {
                        throw damaged("\(label): a point that is not [east, north] in whole metres")
                    }
                    return Point(x: x, y: y)
                }
                guard read.first == read.last else { throw damaged("\(label): a ring that is not closed") }
                return read
            }
        }
    }
}

/// A JSON value as the outline file has them: numbers are whole (metres, codes).
enum JSONValue {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Int)
    case literal  // true, false, null: read, not used

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// A small recursive-descent JSON reader over bytes (RFC 8259), limited to whole numbers, which
/// is all GeoJSON in integer metres needs; anything else is an error with its line.
struct JSONReader {
    private let bytes: [UInt8]
    private let name: String
    private var position = 0
    private var depth = 0

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    mutating func document() throws(DataError) -> JSONValue {
        let value = try self.value()
        skipSpace()
        guard position == bytes.count else { throw error("text after the JSON document") }
        return value
    }

    private func error(_ reason: String) -> DataError {
        let line = 1 + bytes[..<min(position, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .damaged(file: name, line: line, reason: reason)
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    private mutating func value() throws(DataError) -> JSONValue {
        skipSpace()
        guard position < bytes.count else { throw error("the file ends inside a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try container(close: UInt8(ascii: "}"), object: true)
        case UInt8(ascii: "["): return try container(close: UInt8(ascii: "]"), object: false)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default:
            for word in ["true", "false", "null"] where bytes[position...].starts(with: word.utf8) {
                position += word.utf8.count
                return .literal
            }
            throw error("unexpected character in the JSON")
        }
    }

    private mutating func container(close: UInt8, object: Bool) throws(DataError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 32 else { throw error("the JSON nests too deep") }
        position += 1
        var members: [String: JSONValue] = [:]
        var elements: [JSONValue] = []
        skipSpace()
        if position < bytes.count, bytes[position] == close {
            position += 1
            return object ? .object(members) : .array(elements)
        }
        while true {
            if object {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a member name") }
                let key = try string()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
                position += 1
                members[key] = try value()
            } else {
                elements.append(try value())
            }
            skipSpace()
            guard position < bytes.count else { throw error("the file ends inside a JSON \(object ? "object" : "array")") }
            let next = bytes[position]
            position += 1
            if next == close { return object ? .object(members) : .array(elements) }
            guard next == UInt8(ascii: ",") else { throw error("expected ',' or the end of the \(object ? "object" : "array")") }
        }
    }

    /// A string; of the escapes, those the file could hold (\" \\ \/ and \uXXXX outside surrogates).
    private mutating func string() throws(DataError) -> String {
        position += 1
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count,
                          let code = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw error("a \\u escape that is not a character") }
                    position += 4
                    text += Array(String(Character(scalar)).utf8)
                default: throw error("an unknown escape in a string")
                }
            case 0..<0x20: throw error("a control character in a string")
            default: text.append(byte)
            }
        }
        throw error("the file ends inside a string")
    }

    private mutating func number() throws(DataError) -> Int {
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var magnitude = 0
        var digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            guard digits < 15 else { throw error("a number of more than 15 digits") }
            magnitude = magnitude * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw error("a '-' without digits") }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            throw error("a number that is not whole (coordinates are whole metres)")
        }
        return negative ? -magnitude : magnitude
    }
}
