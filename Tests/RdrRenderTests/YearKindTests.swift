import RdrReport
import Testing
import RdrEngine
@testable import RdrRender

/// A year is a number that is never grouped: "2024" in a table, 2024 in JSON.
@Suite struct YearKindTests {
    static let result = ResultSet(title: "Years", columns: [.init(key: "year", title: "year", kind: .year)],
                                  rows: [[.year(2024)]], provenance: nil)

    @Test func aYearIsNotGroupedInATable() {
        #expect(Renderer(format: .table).render(Self.result).contains("│ 2024 │"))
    }

    @Test func aYearIsANumberInJSON() {
        #expect(Renderer(format: .json).render(Self.result).contains("\"year\": 2024"))
    }
}

/// Headings and cells wrap after a hyphen before a word is broken.
@Suite struct HyphenWrappingTests {
    @Test func aHyphenatedWordBreaksAfterItsHyphens() {
        #expect(TableRenderer.wrapped("kr. per 6-16-year-old", width: 9) == ["kr. per", "6-16-", "year-old"])
        #expect(TableRenderer.wrapped("Lyngby-Taarbæk", width: 8) == ["Lyngby-", "Taarbæk"])
    }

    @Test func aLeadingMinusStaysWithItsNumber() {
        #expect(TableRenderer.hyphenatedPieces("-1.018") == ["-1.018"])
        #expect(TableRenderer.hyphenatedPieces("6-16") == ["6-", "16"])
    }
}
