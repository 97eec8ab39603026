import Testing
import RdrEngine

struct IdeaSearchTests {
    let ideas = [
        Idea(title: "Digitaliseringen af visitation", description: "", area: "Ældreområdet", areaKey: "Ældre", kind: "Digitalisering/automatisering",
             municipality: "Korsbæk", year: 2024, amount: 1_250_000, type: .effektivisering),
        Idea(title: "Større klasser", description: "", area: "Skole", areaKey: "Skole", kind: "Organisering",
             municipality: "Bjergsted", year: 2023, amount: 2_000_000, type: .besparelse),
        Idea(title: "Fælles vagtcentral", description: "", area: "Beredskab", areaKey: nil, kind: "Tværkommunale samarbejder",
             municipality: "Hjortsted", year: 2022, amount: 300_000, type: nil),
    ]

    func titles(_ search: IdeaSearch) -> [String] {
        IdeaCatalogue(ideas: ideas, fileName: "t", invented: true).search(search).map(\.title)
    }

    @Test func foldingAndStems() {
        #expect(IdeaText.fold("Ældreområdet") == "aeldreomraadet")
        #expect(IdeaText.contains("Digitalisering", all: "digitaliseringen"))
        #expect(IdeaText.sameName("aeldreomraade", "Ældreområdet"))
        #expect(!IdeaText.contains("Organisering", all: "digital"))
        var search = IdeaSearch()
        search.text = "DIGITALISERING visitationen"
        #expect(titles(search) == ["Digitaliseringen af visitation"])
        search.text = "faelles"
        #expect(titles(search) == ["Fælles vagtcentral"])
    }

    @Test func criteria() {
        var search = IdeaSearch()
        search.areas = ["aeldre"]
        #expect(titles(search) == ["Digitaliseringen af visitation"])
        search = IdeaSearch()
        search.areas = ["Beredskab"]
        #expect(titles(search) == ["Fælles vagtcentral"])
        search = IdeaSearch()
        search.minimumAmount = 300_000
        search.maximumAmount = 1_250_000
        #expect(titles(search) == ["Digitaliseringen af visitation", "Fælles vagtcentral"])
        search = IdeaSearch()
        search.years = 2023...2024
        search.types = [.besparelse]
        #expect(titles(search) == ["Større klasser"])
        search = IdeaSearch()
        search.municipalities = ["korsbaek"]
        search.kinds = ["digitalisering"]
        #expect(titles(search) == ["Digitaliseringen af visitation"])
    }

    @Test func types() {
        #expect(IdeaType(word: "Effektiviseringsforslag") == .effektivisering)
        #expect(IdeaType(word: "investeringsforslag") == .investering)
        #expect(IdeaType(word: "Besparelsesforslag") == .besparelse)
        #expect(IdeaType(word: "saving") == .besparelse)
        #expect(IdeaType(word: "nonsense") == nil)
    }
}
