import Foundation
import RdrReport
import Testing
import RdrEngine
import RdrRender

@Suite struct JSONRendererTests {
    let renderer = Renderer(format: .json)

    @Test func rankingInStableKeyOrder() {
        let expected = """
            {
              "title": "Udgifter pr. indbygger 2024",
              "columns": [
                {
                  "key": "place",
                  "title": "Plads"
                },
                {
                  "key": "municipality",
                  "title": "Kommune"
                },
                {
                  "key": "population",
                  "title": "Indbyggere"
                },
                {
                  "key": "kr_per_inhabitant",
                  "title": "Kr. pr. indb."
                }
              ],
              "rows": [
                {
                  "place": 1,
                  "municipality": "Ærø",
                  "population": 6123,
                  "kr_per_inhabitant": 10353.25
                },
                {
                  "place": 2,
                  "municipality": "Læsø",
                  "population": 1784,
                  "kr_per_inhabitant": 2.50
                },
                {
                  "place": 2,
                  "municipality": "Fanø",
                  "population": 3517,
                  "kr_per_inhabitant": -2.50
                },
                {
                  "place": null,
                  "municipality": "København",
                  "population": 1234567,
                  "kr_per_inhabitant": null
                }
              ],
              "total": {
                "place": "",
                "municipality": "I alt",
                "population": 1245991,
                "kr_per_inhabitant": 999.50
              },
              "notes": [
                "Læsø and Fanø are tied at place 2.",
                "København is not ranked: no accounts."
              ],
              "provenance": {
                "dataset": "fixture",
                "source": "hand-made test data",
                "price_basis": "current prices (løbende priser)",
                "retrieved": "written by hand",
                "definition": "function 5.32, net operating",
                "invented": true
              }
            }

            """
        #expect(renderer.render(Fixture.ranking) == expected)
    }

    static let awkward = "quote \" backslash \\ slash / newline \n return \r tab \t bell \u{07} nul \u{00} "
        + "unit \u{1F} backspace \u{08} form feed \u{0C} æøå 😀"

    @Test func escapesQuotesLineBreaksAndControlCharacters() {
        let result = ResultSet(
            title: Self.awkward, columns: [.init(key: "text", title: "Tekst", kind: .text)], rows: [],
            provenance: Fixture.provenance
        )
        let escaped = "quote \\\" backslash \\\\ slash / newline \\n return \\r tab \\t bell \\u0007 nul \\u0000 "
            + "unit \\u001f backspace \\b form feed \\f æøå 😀"
        let expected = """
            {
              "title": "\(escaped)",
              "columns": [
                {
                  "key": "text",
                  "title": "Tekst"
                }
              ],
              "rows": [],
              "notes": [],
              "provenance": {
                "dataset": "fixture",
                "source": "hand-made test data",
                "price_basis": "current prices (løbende priser)",
                "retrieved": "written by hand",
                "definition": "function 5.32, net operating",
                "invented": true
              }
            }

            """
        #expect(renderer.render(result) == expected)
    }

    @Test func roundTripsThroughJSONSerialization() throws {
        var result = Fixture.ranking
        result.rows.append([.place(5, tied: false), .text(Self.awkward), .integer(-1), .amount(.nan)])
        result.footer.append([.text("∞"), .text(""), .integer(0), .amount(-.infinity)])
        let data = Data(renderer.render(result).utf8)

        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["title"] as? String == "Udgifter pr. indbygger 2024")
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows[0]["kr_per_inhabitant"] as? Double == 10_353.25)
        #expect(rows[0]["place"] as? Int == 1)
        #expect(rows[3]["place"] is NSNull)
        #expect(rows[4]["municipality"] as? String == Self.awkward)
        #expect(rows[4]["kr_per_inhabitant"] is NSNull)
        let footer = try #require(document["total"] as? [[String: Any]])
        #expect(footer[1]["kr_per_inhabitant"] is NSNull)
        let provenance = try #require(document["provenance"] as? [String: Any])
        #expect(provenance["invented"] as? Bool == true)
    }
}
