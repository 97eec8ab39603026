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
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3 {
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
                  parts[1].count == 2, parts[2].count == 2,
                  let m = Int(parts[0]), let g = Int(parts[1]), let f = Int(parts[2]), m <= 9
            else { return nil }
            self.init(main: m, group: g, function: f)
        } else if parts.count == 1, (4...5).contains(text.count), text.allSatisfy(\.isASCIIDigit),
                  let n = Int(text) {
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
        if parts.count == 2, parts[1] == "*", isNumber(parts[0]), let m = Int(parts[0]), m <= 9 {
            self = .mainAccount(m)
        } else if parts.count == 3, parts[2] == "*", isNumber(parts[0]), parts[1].count == 2,
                  isNumber(parts[1]), let m = Int(parts[0]), let g = Int(parts[1]), m <= 9 {
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
