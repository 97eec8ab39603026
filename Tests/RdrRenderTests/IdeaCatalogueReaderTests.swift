import Testing
import RdrData
import RdrEngine

struct IdeaCatalogueReaderTests {
    func read(_ text: String) throws -> IdeaCatalogue {
        try IdeaCatalogueReader.read(name: "catalogue.csv", bytes: Array(text.utf8), mapping: .standard)
    }

    @Test func readsHeadingsAndAmounts() throws {
        let catalogue = try read("\u{FEFF}Titel,Fagområde,Kommune,Beløb,Type,Budgetår\nRobotter,Hjemmepleje,Korsbæk,\"1.250.000 kr.\",Effektiviseringsforslag,2024\nVagt,Beredskab,Bjergsted,-300000,,\n")
        #expect(catalogue.ideas.count == 2)
        #expect(catalogue.ideas[0].amount == 1_250_000)
        #expect(catalogue.ideas[0].areaKey == "Ældre")
        #expect(catalogue.ideas[0].year == 2024)
        #expect(catalogue.ideas[0].type == .effektivisering)
        #expect(catalogue.ideas[1].areaKey == nil)
        #expect(catalogue.ideas[1].listedArea == "Beredskab")
        #expect(catalogue.ideas[1].amount == -300_000)
    }

    @Test func badFiles() {
        #expect(throws: DataError.damaged(file: "catalogue.csv", line: 1, reason:
            "the headings understood are area, title; a catalogue needs area, municipality, amount, title (missing municipality, amount)")) {
            try read("Title,Area,Colour\nx,y,z\n")
        }
        #expect(throws: DataError.damaged(file: "catalogue.csv", line: 3, reason:
            "amount \"abc\" is not a number of kroner (write e.g. 1250000 or 1.250.000 kr.)")) {
            try read("Titel,Fagområde,Kommune,Beløb\na,Skole,Korsbæk,100\nb,Skole,Korsbæk,abc\n")
        }
    }

    @Test func sample() throws {
        let catalogue = try IdeaCatalogueReader.sample(mapping: .standard)
        #expect(catalogue.invented)
        #expect(catalogue.ideas.count == 23)
        #expect(catalogue.ideas.filter { $0.areaKey == nil }.map(\.area) == ["Beredskab"])
        #expect(catalogue.ideas.filter { $0.areaKey == "Ældre" }.map(\.amount).reduce(0, +) == 3_050_000)
        #expect(Set(catalogue.ideas.compactMap(\.type)) == Set(IdeaType.allCases))
        var mapping = IdeaAreaMapping.standard
        mapping.map("Beredskab", to: "Teknik")
        #expect(mapping.key(for: "beredskabet") == "Teknik")
    }
}
