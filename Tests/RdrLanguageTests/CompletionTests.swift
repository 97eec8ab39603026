import RdrLanguage
import Testing

@Suite struct CompletionTests {
    private let areaKeys = [
        "Administration", "Arbejdsmarked", "Dagtilbud", "Kultur", "Skole", "SocialBørn", "SocialVoksen",
        "Sundhed", "Teknik", "Ældre",
    ]

    @Test func firstWordGivesCommands() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "", after: "") == commandWords)
        #expect(session.completions(forWord: "ra", after: "") == ["rank"])
        #expect(session.completions(forWord: "r", after: "") == ["rank", "results", "report", "run"])
        #expect(session.completions(forWord: "LO", after: "") == ["load"])
        #expect(session.completions(forWord: "xyz", after: "") == [])
    }

    @Test func firstWordAlsoGivesResultNames() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let skole = rank Skole top 3")
        #expect(session.completions(forWord: "sk", after: "") == ["skole"])
        #expect(session.completions(forWord: "s", after: "") == ["show", "save", "set", "skole"])
    }

    @Test func afterASemicolonComeCommands() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "ra", after: "load R2024; ") == ["rank"])
        #expect(session.completions(forWord: "ra", after: "load R2024;") == ["rank"])
    }

    @Test func afterRankComeAreas() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "", after: "rank ") == areaKeys)
        #expect(session.completions(forWord: "Sk", after: "rank ") == ["Skole"])
        #expect(session.completions(forWord: "so", after: "rank ") == ["SocialBørn", "SocialVoksen"])
        #expect(session.completions(forWord: "ae", after: "rank ") == ["Ældre"])
        #expect(session.completions(forWord: "", after: "area ") == areaKeys)
        #expect(session.completions(forWord: "Da", after: "gap Korsbæk to 40 in ") == ["Dagtilbud"])
    }

    @Test func definedAreasAreCompleted() throws {
        let session = try makeSession()
        try session.outputs("define area Botilbud = 5.38.50 per 18-64")
        #expect(session.completions(forWord: "Bo", after: "rank ") == ["Botilbud"])
    }

    @Test func afterGapComeTheLoadedDatasetsMunicipalities() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let all = try #require(session.completions(forWord: "", after: "gap "))
        #expect(all.count == 98)
        #expect(all.contains("Korsbæk"))
        #expect(!all.contains("Holbæk"))
        #expect(session.completions(forWord: "Korsbæ", after: "gap ") == ["Korsbæk"])

        try session.outputs("load R2024")
        let real = try #require(session.completions(forWord: "", after: "gap "))
        #expect(real.count == 98)
        #expect(real.contains("Holbæk"))
        #expect(!real.contains("Korsbæk"))
    }

    @Test func beforeALoadMunicipalitiesAreTheRealOnes() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "Holb", after: "gap ") == ["Holbæk"])
    }

    @Test func prefixMatchingFoldsDanishLetters() throws {
        let session = try makeSession()
        try session.outputs("load R2024")
        #expect(session.completions(forWord: "aer", after: "gap ") == ["Ærø"])
        #expect(session.completions(forWord: "Ær", after: "gap ") == ["Ærø"])
        #expect(session.completions(forWord: "holbae", after: "gap ") == ["Holbæk"])
        #expect(session.completions(forWord: "koebenh", after: "gap ") == ["København"])
        #expect(session.completions(forWord: "lyngby", after: "gap ") == ["Lyngby-Taarbæk"])
    }

    @Test func afterForComeMunicipalities() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        #expect(session.completions(forWord: "Korsbæ", after: "rank Skole for ") == ["Korsbæk"])
        #expect(session.completions(forWord: "Korsbæ", after: "rank Skole for Bjergsted, ") == ["Korsbæk"])
    }

    @Test func afterRunAFileName() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "", after: "run ") == nil)
        #expect(session.completions(forWord: "bud", after: "run ") == nil)
        #expect(session.completions(forWord: "", after: "export s to ") == nil)
        #expect(session.completions(forWord: "", after: "export to ") == nil)
    }

    @Test func afterPerComeSegments() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "", after: "rank Skole per ")
            == ["capita", "0-5", "6-16", "0-17", "16-64", "18-64", "65+", "80+"])
        #expect(session.completions(forWord: "6", after: "rank Skole per ") == ["6-16", "65+"])
        #expect(session.completions(forWord: "c", after: "gap Korsbæk to 40 in Skole per ") == ["capita"])
    }

    @Test func afterShowComeResultNames() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "", after: "show ") == [])
        try session.outputs("load teaching R2020; let skole = rank Skole top 3; let aeldre = rank Ældre top 3")
        #expect(session.completions(forWord: "", after: "show ") == ["skole", "aeldre", "_"])
        #expect(session.completions(forWord: "sk", after: "show ") == ["skole"])
        #expect(session.completions(forWord: "", after: "drop ") == ["skole", "aeldre", "_"])
        #expect(session.completions(forWord: "a", after: "export ") == ["aeldre"])
    }

    @Test func otherPositions() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "", after: "gap Korsbæk ") == ["to"])
        #expect(session.completions(forWord: "me", after: "gap Korsbæk to ") == ["median"])
        #expect(session.completions(forWord: "", after: "gap Korsbæk to 40 ") == ["by", "in", "per", "sorted", "on"])
        #expect(session.completions(forWord: "", after: "gap Korsbæk to 40 by ") == ["function"])
        #expect(session.completions(forWord: "c", after: "drill Korsbæk in Skole to ") == ["country"])
        #expect(session.completions(forWord: "t", after: "rank Skole ") == ["top"])
        #expect(session.completions(forWord: "", after: "set ") == ["format"])
        #expect(session.completions(forWord: "m", after: "set format ") == ["markdown"])
        #expect(session.completions(forWord: "j", after: "show s as ") == ["json"])
        #expect(session.completions(forWord: "", after: "define ") == ["area"])
        #expect(session.completions(forWord: "ra", after: "help ") == ["rank"])
        #expect(session.completions(forWord: "te", after: "load ") == ["teaching"])
        #expect(session.completions(forWord: "R2024", after: "load ") == ["R2024"])
        #expect(session.completions(forWord: "B", after: "load teaching ")
            == ["B2020", "B2021", "B2022", "B2023", "B2024", "B2025"])
        #expect(session.completions(forWord: "", after: "let s ") == ["="])
    }

    @Test func laterStatementsOnALine() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        // The statement after ';' is completed like a statement of its own.
        #expect(session.completions(forWord: "Korsbæ", after: "load teaching R2020; gap ") == ["Korsbæk"])
        #expect(session.completions(forWord: "", after: "load teaching R2020; gap Korsbæk ") == ["to"])
        #expect(session.completions(forWord: "", after: "areas; run ") == nil)
    }

    @Test func afterLetEqualsComeQueries() throws {
        let session = try makeSession()
        #expect(session.completions(forWord: "ra", after: "let s = ") == ["rank"])
    }
}
