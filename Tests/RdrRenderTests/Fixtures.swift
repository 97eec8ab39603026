import RdrEngine
import RdrReport

/// Hand-made results for the renderer tests. Their provenance says they are invented.
enum Fixture {
    static let provenance = Provenance(
        dataset: "fixture", source: "hand-made test data", priceBasis: "current prices (løbende priser)",
        retrieved: "written by hand", definition: "function 5.32, net operating", invented: true
    )

    /// A ranking: a tie, Danish names, missing values, a total and notes.
    static let ranking = ResultSet(
        title: "Udgifter pr. indbygger 2024",
        columns: [
            .init(key: "place", title: "Plads", kind: .place),
            .init(key: "municipality", title: "Kommune", kind: .text),
            .init(key: "population", title: "Indbyggere", kind: .integer),
            .init(key: "kr_per_inhabitant", title: "Kr. pr. indb.", kind: .amount(shown: 0, exported: 2)),
        ],
        rows: [
            [.place(1, tied: false), .text("Ærø"), .integer(6_123), .amount(10_353.25)],
            [.place(2, tied: true), .text("Læsø"), .integer(1_784), .amount(2.5)],
            [.place(2, tied: true), .text("Fanø"), .integer(3_517), .amount(-2.5)],
            [.unavailable("not ranked"), .text("København"), .integer(1_234_567), .unavailable("no accounts")],
        ],
        footer: [[.text(""), .text("I alt"), .integer(1_245_991), .amount(999.5)]], footerKey: "total",
        notes: ["Læsø and Fanø are tied at place 2.", "København is not ranked: no accounts."],
        provenance: provenance
    )

    /// Amounts with decimals shown, large and near-zero values, and amounts that are not numbers.
    static let amounts = ResultSet(
        title: "Beløb",
        columns: [
            .init(key: "item", title: "Post", kind: .text),
            .init(key: "amount", title: "Beløb", kind: .amount(shown: 1, exported: 2)),
            .init(key: "total", title: "Total kr.", kind: .amount(shown: 0, exported: 0)),
        ],
        rows: [
            [.text("Ældrepleje"), .amount(30.25), .amount(30_292_110.4)],
            [.text("Skoler"), .amount(-58), .amount(-0.4)],
            [.text("Veje"), .amount(.nan), .amount(.infinity)],
        ],
        provenance: provenance
    )

    /// One text column and one amount column, for texts that need quoting or escaping.
    static func texts(_ rows: [[ResultSet.Value]], title: String = "Tekster", notes: [String] = []) -> ResultSet {
        ResultSet(
            title: title,
            columns: [
                .init(key: "text", title: "Tekst", kind: .text),
                .init(key: "amount", title: "Beløb", kind: .amount(shown: 0, exported: 2)),
            ],
            rows: rows, notes: notes, provenance: provenance
        )
    }

    /// The caption lines of `provenance`, as every rendering repeats them.
    static let caption = [
        "INVENTED FIGURES (teaching data): not any real municipality's accounts.",
        "Definition: function 5.32, net operating",
        "Source: hand-made test data · fixture · current prices (løbende priser) · written by hand",
    ]
}
