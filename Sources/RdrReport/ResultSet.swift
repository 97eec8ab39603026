import RdrEngine

/// A renderer-agnostic table: what every command that computes something returns.
///
/// Renderers (boxed table, CSV, Markdown, JSON) turn it into text; they never compute.
/// The provenance travels with the rows so that no figure is shown without its origin.
public struct ResultSet: Sendable, Equatable {
    public var title: String
    public var columns: [Column]
    /// One per municipality or area: the only rows CSV writes.
    public var rows: [[Value]]
    /// A row about the rows, shown after a rule: the median, a total. Not one of the rows: JSON
    /// writes it as its own member named `footerKey`, CSV in the caption.
    public var footer: [[Value]]
    /// The JSON member the footer is written as ("median", "total").
    public var footerKey: String
    /// Remarks the reader must see: ties, municipalities not ranked, areas not available.
    public var notes: [String]
    /// Nil only for listings (areas, results …), which show no figures.
    public var provenance: Provenance?
    /// The language its headings, title, notes and caption were worded in; a kept result keeps it.
    public var language: Language

    public init(
        title: String, columns: [Column], rows: [[Value]], footer: [[Value]] = [], footerKey: String = "footer",
        notes: [String] = [], provenance: Provenance?, language: Language = .en
    ) {
        precondition((rows + footer).allSatisfy { $0.count == columns.count }, "every row has a value per column")
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.footerKey = footerKey
        self.notes = notes
        self.provenance = provenance
        self.language = language
    }

    public struct Column: Sendable, Equatable {
        /// Machine name, used as the CSV header and JSON key (snake_case, ASCII).
        public var key: String
        /// Human heading, used by the table and Markdown renderers.
        public var title: String
        public var kind: Kind
        /// Only in CSV and JSON: a key that the table's title already states (the dataset, the
        /// area), repeated on every row so that a CSV alone says what it is about.
        public var programsOnly: Bool

        public init(key: String, title: String, kind: Kind, programsOnly: Bool = false) {
            self.key = key
            self.title = title
            self.kind = kind
            self.programsOnly = programsOnly
        }

        public enum Kind: Sendable, Equatable {
            case text
            /// A count such as a population: whole numbers, grouped in tables.
            case integer
            /// An amount in kroner: `shown` decimals in tables, `exported` in CSV and JSON.
            case amount(shown: Int, exported: Int)
            /// A place in a ranking; tied places are marked with "=".
            case place
            /// Yes or no, such as whether a row is the median.
            case flag
            /// A calendar year: a whole number that is never grouped (2024, not 2.024).
            case year
        }
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        /// Text people read after a label ("median: Vejle") and programs read alone ("Vejle"),
        /// so that a footer row names what it is in a table yet stays a clean value in JSON.
        case labelled(String, label: String)
        case integer(Int)
        case amount(Double)
        case place(Int, tied: Bool)
        case flag(Bool)
        case year(Int)
        /// No value, with a short reason shown in tables ("n/a") and kept in notes.
        case unavailable(String)
        /// Nothing to say in this cell, such as the place of a total row.
        case empty
    }

    /// The caption every renderer prints under the result.
    public var captionLines: [String] { provenance?.captionLines(in: language) ?? [] }
}
