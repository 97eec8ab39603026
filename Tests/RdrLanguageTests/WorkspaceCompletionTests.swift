import Testing
import RdrLanguage

/// Completion for the workspace's words: datasets after use and on, levels, peers, indices.
@Suite struct WorkspaceCompletionTests {
    @Test func theNewClausesAreCompleted() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2019, R2020")
        #expect(session.completions(forWord: "R", after: "use ") == ["real", "R2019", "R2020"])
        #expect(session.completions(forWord: "", after: "rank Skole on ")?.contains("R2019") == true)
        #expect(session.completions(forWord: "", after: "rank Skole with ") == ["country", "regions", "groups"])
        #expect(session.completions(forWord: "gr", after: "compare Korsbæk with ") == ["group"])
        #expect(session.completions(forWord: "", after: "trend Skole prices 2024 using ") == ["cpi", "state"])
        #expect(session.completions(forWord: "m", after: "compare Korsbæk average ") == ["mean", "median"])
        #expect(session.completions(forWord: "cr", after: "trend Skole for Korsbæk ") == ["crosswalk"])
        #expect(session.completions(forWord: "t", after: "let s = ") == ["trend"])
    }
}
