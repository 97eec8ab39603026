/// Where a result's figures come from. Shown as a caption under every result.
public struct Provenance: Sendable, Equatable {
    /// The dataset, e.g. "R2024" or "teaching R2020".
    public var dataset: String
    /// The source tables, e.g. "Statistics Denmark: REGK31 (INDL), FOLK1A".
    public var source: String
    /// "current prices (løbende priser)", or the fixed price level used.
    public var priceBasis: String
    /// When the figures were retrieved, or how the invented ones were made.
    public var retrieved: String
    /// The definition of what was computed: functions, accounts basis, segment.
    public var definition: String
    /// True for the teaching dataset and test fixtures: every rendering says so.
    public var invented: Bool

    public init(
        dataset: String, source: String, priceBasis: String, retrieved: String,
        definition: String, invented: Bool
    ) {
        self.dataset = dataset
        self.source = source
        self.priceBasis = priceBasis
        self.retrieved = retrieved
        self.definition = definition
        self.invented = invented
    }

    /// The caption lines every renderer prints with the result.
    public var captionLines: [String] {
        var lines: [String] = []
        if invented {
            lines.append("INVENTED FIGURES (teaching data): not any real municipality's accounts.")
        }
        lines.append("Definition: \(definition)")
        lines.append("Source: \(source) · \(dataset) · \(priceBasis) · \(retrieved)")
        return lines
    }
}
