/// A service area (fagområde): a set of functions and the segment its spending is divided by.
/// Areas are data: they are read from `areas.rdr` and can be redefined in a script.
public struct AreaDefinition: Hashable, Sendable {
    /// The short name typed in commands, e.g. "SocialVoksen".
    public let key: String
    /// The name shown in results, e.g. "Specialiseret social, voksen".
    public let title: String
    public let include: [FunctionPattern]
    public let exclude: [FunctionPattern]
    /// The default segment; a command may choose another with `per`.
    public let segment: Segment

    public init(key: String, title: String? = nil, include: [FunctionPattern],
                exclude: [FunctionPattern] = [], segment: Segment) {
        self.key = key
        self.title = title ?? key
        self.include = include
        self.exclude = exclude
        self.segment = segment
    }

    /// An area of one function pattern, as `rank 3.22.01` uses; per inhabitant by default.
    public init(pattern: FunctionPattern, label: String?) {
        self.init(key: pattern.description, title: label.map { "\(pattern) \($0)" },
                  include: [pattern], segment: .all)
    }

    /// "3.22.* except 3.22.17".
    public var functionsText: String {
        let included = include.map(\.description).joined(separator: ", ")
        guard !exclude.isEmpty else { return included }
        return included + " except " + exclude.map(\.description).joined(separator: ", ")
    }

    public func contains(_ code: FunctionCode) -> Bool {
        include.contains { $0.matches(code) } && !exclude.contains { $0.matches(code) }
    }
}
