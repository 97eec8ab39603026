/// A municipality (kommune) as Statistics Denmark lists it.
public struct Municipality: Hashable, Sendable {
    /// The official code, 101 … 860 (fictional ones in the teaching dataset use 1001 …).
    public let code: Int
    public let name: String
    public let region: String
    /// Statistics Denmark's municipality group, e.g. "Landkommuner".
    public let group: String

    public init(code: Int, name: String, region: String, group: String) {
        self.code = code
        self.name = name
        self.region = region
        self.group = group
    }
}
