import RdrReport
import Testing
import RdrEngine
import RdrRender

@Suite struct MarkdownRendererTests {
    let renderer = Renderer(format: .markdown)

    @Test func rankingWithBoldFooterNotesAndCaption() {
        let expected = """
            **Udgifter pr. indbygger 2024**

            | Plads | Kommune | Indbyggere | Kr. pr. indb. |
            | ---: | --- | ---: | ---: |
            | 1 | Ærø | 6.123 | 10.353 |
            | 2= | Læsø | 1.784 | 3 |
            | 2= | Fanø | 3.517 | -3 |
            | n/a | København | 1.234.567 | n/a |
            |  | **I alt** | **1.245.991** | **1.000** |

            > Note: Læsø and Fanø are tied at place 2.

            > Note: København is not ranked: no accounts.

            _INVENTED FIGURES (teaching data): not any real municipality's accounts._

            _Definition: function 5.32, net operating_

            _Source: hand-made test data · fixture · current prices (løbende priser) · written by hand_

            """
        #expect(renderer.render(Fixture.ranking) == expected)
    }

    @Test func escapesPipesEmphasisAndLineBreaks() {
        var result = Fixture.texts(
            [[.text("a|b *c* _d_ \\ e\nf"), .amount(1_234.5)]], title: "Net *i alt*", notes: ["snake_case"]
        )
        result.provenance?.definition = "net_operating *all*"
        let expected = """
            **Net \\*i alt\\***

            | Tekst | Beløb |
            | --- | ---: |
            | a\\|b \\*c\\* \\_d\\_ \\\\ e f | 1.235 |

            > Note: snake\\_case

            _INVENTED FIGURES (teaching data): not any real municipality's accounts._

            _Definition: net\\_operating \\*all\\*_

            _Source: hand-made test data · fixture · current prices (løbende priser) · written by hand_

            """
        #expect(renderer.render(result) == expected)
    }
}
