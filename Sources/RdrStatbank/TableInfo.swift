import Foundation

/// What Statistics Denmark's `/tableinfo` says about a table: its variables and their values,
/// spelt exactly as the Statbank spells them. Keys it does not know are ignored.
public struct TableInfo: Decodable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var unit: String?
    /// As DST writes it, e.g. "2024-05-10T08:00:00" (Danish local time, no zone).
    public var updated: String?
    public var variables: [Variable]

    public struct Variable: Decodable, Sendable, Equatable {
        public var id: String
        public var text: String
        /// True when the variable may be left out of a request (it is then summed away).
        public var elimination: Bool
        /// True for the time variable (Tid).
        public var time: Bool
        public var values: [Value]

        public init(id: String, text: String, elimination: Bool = false, time: Bool = false, values: [Value]) {
            self.id = id
            self.text = text
            self.elimination = elimination
            self.time = time
            self.values = values
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            text = try container.decodeIfPresent(String.self, forKey: .text) ?? id
            elimination = try container.decodeIfPresent(Bool.self, forKey: .elimination) ?? false
            time = try container.decodeIfPresent(Bool.self, forKey: .time) ?? false
            values = try container.decodeIfPresent([Value].self, forKey: .values) ?? []
        }

        private enum CodingKeys: String, CodingKey {
            case id, text, elimination, time, values
        }

        /// Whether the variable has a value with this id.
        public func hasValue(_ id: String) -> Bool {
            values.contains { $0.id == id }
        }
    }

    public struct Value: Decodable, Sendable, Equatable {
        public var id: String
        public var text: String

        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            text = try container.decodeIfPresent(String.self, forKey: .text) ?? id
        }

        private enum CodingKeys: String, CodingKey {
            case id, text
        }
    }

    public init(id: String, text: String, unit: String? = nil, updated: String? = nil, variables: [Variable]) {
        self.id = id
        self.text = text
        self.unit = unit
        self.updated = updated
        self.variables = variables
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? id
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        updated = try container.decodeIfPresent(String.self, forKey: .updated)
        variables = try container.decodeIfPresent([Variable].self, forKey: .variables) ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case id, text, unit, updated, variables
    }

    /// Decodes a `/tableinfo` answer (UTF-8, a byte-order mark allowed).
    public static func decode(_ bytes: [UInt8]) throws -> TableInfo {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return try JSONDecoder().decode(TableInfo.self, from: Data(body))
    }

    /// The variable with this id; the case of the letters does not matter.
    public func variable(_ id: String) -> Variable? {
        let wanted = id.lowercased()
        return variables.first { $0.id.lowercased() == wanted }
    }

    /// The time variable: the one marked `time`, else the one named Tid.
    public var timeVariable: Variable? {
        variables.first(where: \.time) ?? variable("Tid")
    }

    /// The area variable: the first non-time variable whose values include municipality codes
    /// (København, "101").
    public var areaVariable: Variable? {
        variables.first { !$0.time && $0 != timeVariable && $0.hasValue("101") }
    }

    /// The years the time variable covers ("2024" and "2024K1" both count as 2024), ascending.
    public var years: [Int] {
        Set((timeVariable?.values ?? []).compactMap { Self.year(of: $0.id) }).sorted()
    }

    /// The year a time value starts with: "2024" → 2024, "2024K1" → 2024, "2024M03" → 2024.
    public static func year(of timeValue: String) -> Int? {
        let digits = timeValue.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4 else { return nil }
        return Int(digits)
    }
}
