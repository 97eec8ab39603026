import Foundation
@testable import RdrLanguage
import RdrRender
import RdrReport
import Testing

/// `set lang`, the language a kept result keeps, and the shell's choice from the environment.
@Suite("set lang and the locale")
struct LanguageSessionTests {
    @Test func setLangDaWordsTheResultsInDanish() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2024")
        let english = try session.result(of: "rank Skole top 3")
        let outputs = try session.outputs("set lang da")
        #expect(outputs.compactMap(\.message) == ["Language of results: da (dansk)."])
        #expect(session.language == .da)
        let danish = try session.result(of: "rank Skole top 3")
        #expect(danish.title == "Skole: udgifter pr. 6-16-årig, teaching R2024 (plads 1 = lavest)")
        #expect(english.columns.map(\.key) == danish.columns.map(\.key))
        // The same CSV header in both languages: keys, not headings.
        let header = { (result: ResultSet) in Renderer(format: .csv, csvCaption: false).render(result).split(separator: "\r\n").first }
        #expect(header(danish)?.hasPrefix("dataset,area,per,place,municipality,") == true)
        #expect(header(english) == header(danish))
        let overview = try session.result(of: "gap Korsbæk to 40")
        #expect(overview.title == "Samlet overblik: Korsbæk, mulighedsrum til plads 40, teaching R2024")
    }

    @Test func aKeptResultKeepsItsLanguage() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2024; let s = rank Skole top 3; set lang da")
        let shown = try session.result(of: "show s")
        #expect(shown.language == .en)
        #expect(shown.title.hasPrefix("Skole: kr. per 6-16-year-old"))
        try session.outputs("set lang en")
        #expect(try session.result(of: "rank Skole top 3").language == .en)
    }

    @Test func anUnknownLanguageIsOneLineWithACaretAndTheLanguagesThatExist() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("set lang dk").error)
        #expect(failure.formatted == """
            input:1:10: error: unknown language 'dk'; did you mean da?; choose en (English) or da (dansk)
                set lang dk
                         ^~
            """)
        let dansk = try #require(session.failure("set lang dansk").error)
        #expect(dansk.diagnostic.message.contains("did you mean da?"))
        #expect(session.language == .en)
    }

    @Test func aReportInDanishSaysSo() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2024; set lang da; gap Korsbæk to 40")
        let document = session.document(fallbackTitle: "t", date: Date(timeIntervalSince1970: 1_796_169_600))
        let html = DocumentRenderer.render(document, as: .html)
        #expect(html.contains("<html lang=\"da\">"))
        #expect(html.contains("Lavet 2. december 2026 med rdr"))
        #expect(html.contains(Language.da.caveat))
        #expect(html.contains("OPDIGTEDE TAL"))
        #expect(!DocumentRenderer.render(document, as: .markdown).contains("Made "))
    }

    @Test(arguments: [
        ([:], Language.en),
        (["LANG": "da_DK.UTF-8"], .da),
        (["LANG": "C.UTF-8"], .en),
        (["LANG": "en_GB.UTF-8", "LC_MESSAGES": "da_DK.UTF-8"], .da),
        (["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "da_DK.UTF-8", "LANG": "da_DK.UTF-8"], .en),
        (["LC_ALL": "", "LANG": "da"], .da),
        (["LC_ALL": "da_DK.UTF-8", "LANG": "en_US.UTF-8"], .da),
        (["LANG": "dansk"], .da),
        (["LANG": "de_DE.UTF-8"], .en),
    ] as [([String: String], Language)])
    func theEnvironmentDefault(_ environment: [String: String], _ expected: Language) {
        #expect(Language.preferred(by: environment) == expected)
    }
}
