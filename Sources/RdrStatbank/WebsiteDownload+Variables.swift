extension WebsiteDownload {
    /// What a column of a download (or a line of column headings) can hold.
    enum Variable: CaseIterable {
        case area, function, dranst, art, unit, year, quarter, sex, age, maritalStatus

        static let accounts: [Variable] = [.area, .function, .dranst, .art, .unit, .year]
        /// In the order an ambiguous column of totals ("I alt") is given to.
        static let population: [Variable] = [.area, .quarter, .sex, .maritalStatus, .age]

        /// The Statbank variable id.
        var id: String {
            switch self {
            case .area: "OMRÅDE"
            case .function: "FUNKTION"
            case .dranst: "DRANST"
            case .art: "ART"
            case .unit: "PRISENHED"
            case .year, .quarter: "TID"
            case .sex: "KØN"
            case .age: "ALDER"
            case .maritalStatus: "CIVILSTAND"
            }
        }

        var described: String {
            switch self {
            case .area: "a municipality (or Hele landet, a region)"
            case .function: "a function such as '5.38.50 Botilbud til længerevarende ophold'"
            case .dranst: "a dranst such as '1 Driftskonti'"
            case .art: "an art such as 'I alt (netto)' or '0 Beregnede omkostninger'"
            case .unit: "a price unit such as 'Løbende priser (1.000 kr.)'"
            case .year: "a year such as 2023"
            case .quarter: "a quarter such as 2024K1"
            case .sex: "a sex ('I alt', 'Mænd', 'Kvinder')"
            case .age: "an age such as '7 år'"
            case .maritalStatus: "a marital status such as 'Ugift'"
            }
        }

        /// Whether `text` is a label of this variable as the website writes it (codes only where they
        /// cannot be mistaken: years, quarters).
        func accepts(_ text: String, areas: AreaLookup) -> Bool {
            let labelled = text.utf8.contains { !Labels.isDigit($0) }
            switch self {
            case .area: return labelled && Labels.area(text, municipalities: areas.codes, folded: areas.folded) != nil
            case .function: return Self.isFunctionLabel(text)
            case .dranst: return Labels.dranstLabel(text) != nil
            case .art: return labelled && Labels.art(text) != nil && Labels.dranstLabel(text) == nil
            case .unit: return Labels.unit(text) != nil
            case .year: return Labels.year(text).map { (1900...2100).contains($0) } ?? false
            case .quarter: return Labels.quarter(text) != nil
            case .sex: return labelled && Labels.sex(text) != nil
            case .age: return labelled && Labels.age(text) != nil
            case .maritalStatus: return labelled && Labels.maritalStatus(text) != nil
            }
        }

        /// "5.38.50" alone or followed by a space and the function's name.
        private static func isFunctionLabel(_ text: String) -> Bool {
            let b = Array(text.utf8.prefix(8))
            guard b.count >= 7, Labels.isDigit(b[0]), b[1] == 46, Labels.isDigit(b[2]), Labels.isDigit(b[3]),
                  b[4] == 46, Labels.isDigit(b[5]), Labels.isDigit(b[6]), b.count == 7 || b[7] == 32
            else { return false }
            return Labels.function(text) != nil
        }
    }

    /// The municipality names area labels are looked up in: as given, and folded (`Labels.folded`).
    struct AreaLookup {
        let codes: [String: Int]
        let folded: [String: Int]
    }
}
