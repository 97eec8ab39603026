/// A function of the municipal chart of accounts (kontoplan), e.g. 5.38.50:
/// main account 5, group 38, function 50.
public struct FunctionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let main: Int
    public let group: Int
    public let function: Int

    public init(main: Int, group: Int, function: Int) {
        self.main = main
        self.group = group
        self.function = function
    }

    /// Parses the dotted form "5.38.50" or Statistics Denmark's undotted form "53850" / "2201"
    /// (the leading main account may be dropped when it is 0).
    public init?(_ text: String) {
        self.init(utf8: text.utf8)
    }

    /// The same from UTF-8 bytes, without allocating: data files hold tens of thousands of codes.
    public init?<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) {
        var values = [0, 0, 0], counts = [0, 0, 0], part = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                part += 1
                guard part <= 2 else { return nil }
            } else if (48...57).contains(byte) {
                // No form has more than five digits in a part: more is no code (and could overflow).
                guard counts[part] < 5 else { return nil }
                values[part] = values[part] * 10 + Int(byte) - 48
                counts[part] += 1
            } else {
                return nil
            }
        }
        if part == 2, counts == [1, 2, 2] {
            self.init(main: values[0], group: values[1], function: values[2])
        } else if part == 0, (4...5).contains(counts[0]) {
            let n = values[0]
            self.init(main: n / 10_000, group: n / 100 % 100, function: n % 100)
        } else {
            return nil
        }
    }

    public var description: String {
        "\(main).\(twoDigits(group)).\(twoDigits(function))"
    }

    public static func < (a: FunctionCode, b: FunctionCode) -> Bool {
        (a.main, a.group, a.function) < (b.main, b.group, b.function)
    }
}

/// A function, a group of functions (5.38.*) or a main account (5.*).
public enum FunctionPattern: Hashable, Sendable, CustomStringConvertible {
    case function(FunctionCode)
    case group(main: Int, group: Int)
    case mainAccount(Int)

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let isNumber = { (s: Substring) -> Bool in !s.isEmpty && s.allSatisfy(\.isASCIIDigit) }
        if parts.count == 2, parts[1] == "*", parts[0].count == 1, isNumber(parts[0]), let m = Int(parts[0]) {
            self = .mainAccount(m)
        } else if parts.count == 3, parts[2] == "*", parts[0].count == 1, isNumber(parts[0]), parts[1].count == 2,
                  isNumber(parts[1]), let m = Int(parts[0]), let g = Int(parts[1]) {
            self = .group(main: m, group: g)
        } else if let code = FunctionCode(text) {
            self = .function(code)
        } else {
            return nil
        }
    }

    public func matches(_ code: FunctionCode) -> Bool {
        switch self {
        case .function(let f): f == code
        case .group(let m, let g): code.main == m && code.group == g
        case .mainAccount(let m): code.main == m
        }
    }

    /// True for patterns that stand for more functions than they name.
    public var isWildcard: Bool {
        if case .function = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .function(let f): f.description
        case .group(let m, let g): "\(m).\(twoDigits(g)).*"
        case .mainAccount(let m): "\(m).*"
        }
    }
}

private func twoDigits(_ n: Int) -> String {
    n < 10 ? "0\(n)" : "\(n)"
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
