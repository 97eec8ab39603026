/// The part of the population on 1 January that spending is divided by.
public enum Segment: Hashable, Sendable, CustomStringConvertible {
    /// All inhabitants ("per capita").
    case all
    /// Ages `lower` through `upper` inclusive; `upper == nil` is an open band such as 65+.
    case ages(lower: Int, upper: Int?)

    /// The form used in the language: `all`, `6-16`, `65+`.
    public var description: String {
        switch self {
        case .all: "all"
        case .ages(let lower, let upper?): "\(lower)-\(upper)"
        case .ages(let lower, nil): "\(lower)+"
        }
    }

    /// The people counted, for captions and headings: "inhabitant", "6-16-year-old", "65+-year-old".
    public var person: String {
        switch self {
        case .all: "inhabitant"
        default: "\(description)-year-old"
        }
    }

    /// Whether the segment needs population by age, which the real snapshot lacks.
    public var needsAges: Bool { self != .all }
}
