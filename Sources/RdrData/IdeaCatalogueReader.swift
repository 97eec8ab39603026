import Foundation
import RdrEngine

/// Reads a catalogue of proposals (KL's Idébank) from CSV, mapping columns by their headings in
/// Danish or English, and catalogue areas to rdr's area keys by `IdeaAreaMapping`.
public enum IdeaCatalogueReader {
    /// The headings each column is known by, folded (`IdeaText.fold`).
    static let synonyms: [(column: Column, names: [String])] = [
        (.area, ["fagomraade", "omraade", "area"]),
        (.kind, ["tiltag", "kind", "type af tiltag", "kategori"]),
        (.municipality, ["kommune", "municipality"]),
        (.year, ["budgetaar", "aar", "year", "budget year"]),
        (.amount, ["beloeb", "effekt", "amount", "effekt ved fuld indfasning"]),
        (.title, ["titel", "title", "forslag"]),
        (.description, ["beskrivelse", "description"]),
        (.type, ["type", "forslagstype"]),
    ]

    enum Column: String, CaseIterable {
        case area, kind, municipality, year, amount, title, description, type
    }

    static let required: [Column] = [.area, .municipality, .amount, .title]

    public static func read(name: String, bytes: [UInt8], mapping: IdeaAreaMapping, invented: Bool = false) throws(DataError) -> IdeaCatalogue {
        let file = try CSVFile(name: name, bytes: bytes)
        var columns: [Column: Int] = [:]
        for (index, heading) in file.header.enumerated() {
            let folded = IdeaText.fold(heading).trimmingCharacters(in: .whitespaces)
            if let column = synonyms.first(where: { $0.names.contains(folded) })?.column, columns[column] == nil {
                columns[column] = index
            }
        }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            let understood = Column.allCases.filter { columns[$0] != nil }.map(\.rawValue)
            throw DataError.damaged(file: name, line: 1, reason:
                "the headings understood are \(understood.isEmpty ? "none" : understood.joined(separator: ", ")); a catalogue needs \(required.map(\.rawValue).joined(separator: ", ")) (missing \(missing.map(\.rawValue).joined(separator: ", ")))")
        }
        var ideas: [Idea] = []
        var row = file.makeRow()
        for line in file.lines() {
            try file.read(line, into: &row)
            func text(_ column: Column) -> String {
                columns[column].map { $0 < row.count ? file.text(row, $0).trimmingCharacters(in: .whitespaces) : "" } ?? ""
            }
            let amountText = text(.amount)
            guard let amount = kroner(amountText) else {
                throw DataError.damaged(file: name, line: line.number, reason: "amount \"\(amountText)\" is not a number of kroner (write e.g. 1250000 or 1.250.000 kr.)")
            }
            let yearText = text(.year)
            let year = Int(yearText)
            if !yearText.isEmpty, year == nil {
                throw DataError.damaged(file: name, line: line.number, reason: "year \"\(yearText)\" is not a budget year (write e.g. 2019)")
            }
            let typeText = text(.type)
            let type = IdeaType(word: typeText)
            if !typeText.isEmpty, type == nil {
                throw DataError.damaged(file: name, line: line.number, reason: "type \"\(typeText)\" is not effektivisering, investering or besparelse")
            }
            let area = text(.area)
            ideas.append(Idea(title: text(.title), description: text(.description), area: area, areaKey: mapping.key(for: area),
                              kind: text(.kind), municipality: text(.municipality), year: year, amount: amount, type: type))
        }
        return IdeaCatalogue(ideas: ideas, fileName: name, invented: invented)
    }

    /// "1.250.000", "1.250.000 kr.", "-300000", "1250000,00": whole kroner; nil when not a number.
    static func kroner(_ text: String) -> Int? {
        var digits = text.lowercased().replacingOccurrences(of: "kr.", with: "").replacingOccurrences(of: "kr", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        if let comma = digits.firstIndex(of: ",") {
            guard digits[digits.index(after: comma)...].allSatisfy({ $0 == "0" }) else { return nil }
            digits = String(digits[..<comma])
        }
        digits = digits.replacingOccurrences(of: ".", with: "")
        return Int(digits)
    }

    /// The shipped teaching sample: invented proposals by the teaching dataset's fictional municipalities.
    public static func sample(mapping: IdeaAreaMapping) throws(DataError) -> IdeaCatalogue {
        try read(name: "ideas/sample.csv", bytes: BundledFile.bytes("ideas", "sample.csv"), mapping: mapping, invented: true)
    }
}

/// Catalogue area names → rdr area keys, matched folded and stemmed (`IdeaText.sameName`).
public struct IdeaAreaMapping: Sendable {
    public private(set) var entries: [(name: String, key: String)]

    /// The default: each rdr area's key and title, and the names KL's catalogues use for them.
    public static let standard = IdeaAreaMapping(entries: [
        ("Administration", "Administration"), ("Administration og digitalisering", "Administration"), ("Rådhus", "Administration"),
        ("Arbejdsmarked", "Arbejdsmarked"), ("Beskæftigelse", "Arbejdsmarked"), ("Jobcenter", "Arbejdsmarked"),
        ("Dagtilbud", "Dagtilbud"), ("Daginstitutioner", "Dagtilbud"), ("Dagpleje", "Dagtilbud"),
        ("Kultur", "Kultur"), ("Kultur og fritid", "Kultur"), ("Kultur, fritid & turisme", "Kultur"), ("Biblioteker", "Kultur"),
        ("Skole", "Skole"), ("Folkeskole", "Skole"), ("Skoleområdet", "Skole"),
        ("SocialBørn", "SocialBørn"), ("Specialiseret social, børn & unge", "SocialBørn"), ("Børn og familie", "SocialBørn"),
        ("Specialiserede børneområde", "SocialBørn"),
        ("SocialVoksen", "SocialVoksen"), ("Specialiseret social, voksen", "SocialVoksen"), ("Socialområdet", "SocialVoksen"),
        ("Voksenhandicap", "SocialVoksen"), ("Psykiatri", "SocialVoksen"),
        ("Sundhed", "Sundhed"), ("Forebyggelse", "Sundhed"), ("Genoptræning", "Sundhed"),
        ("Teknik", "Teknik"), ("Teknik og miljø", "Teknik"), ("Teknik & miljø", "Teknik"), ("Veje", "Teknik"), ("Miljø", "Teknik"),
        ("Ældre", "Ældre"), ("Ældreområdet", "Ældre"), ("Hjemmepleje", "Ældre"), ("Plejecentre", "Ældre"), ("Pleje og omsorg", "Ældre"),
    ])

    public init(entries: [(name: String, key: String)]) { self.entries = entries }

    public func key(for area: String) -> String? {
        entries.last(where: { IdeaText.sameName($0.name, area) })?.key
    }

    /// `ideas area "Børn og familie" is SocialBørn`: later entries win over the default.
    public mutating func map(_ name: String, to key: String) {
        entries.append((name, key))
    }
}
