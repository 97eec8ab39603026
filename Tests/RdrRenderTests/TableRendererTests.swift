import RdrReport
import Testing
import RdrEngine
import RdrRender

@Suite struct TableRendererTests {
    let renderer = Renderer(format: .table)

    @Test func rankingWithTiesMissingValuesFooterAndNotes() {
        let expected = """
            Udgifter pr. indbygger 2024
            ┌───────┬───────────┬────────────┬───────────────┐
            │ Plads │ Kommune   │ Indbyggere │ Kr. pr. indb. │
            ├───────┼───────────┼────────────┼───────────────┤
            │     1 │ Ærø       │      6.123 │        10.353 │
            │    2= │ Læsø      │      1.784 │             3 │
            │    2= │ Fanø      │      3.517 │            -3 │
            │   n/a │ København │  1.234.567 │           n/a │
            ├───────┼───────────┼────────────┼───────────────┤
            │       │ I alt     │  1.245.991 │         1.000 │
            └───────┴───────────┴────────────┴───────────────┘
            Note: Læsø and Fanø are tied at place 2.
            Note: København is not ranked: no accounts.
            INVENTED FIGURES (teaching data): not any real municipality's accounts.
            Definition: function 5.32, net operating
            Source: hand-made test data · fixture · current prices (løbende priser) · written by hand

            """
        #expect(renderer.render(Fixture.ranking) == expected)
    }

    @Test func decimalsNearZeroAndNonFiniteAmounts() {
        let expected = """
            Beløb
            ┌────────────┬───────┬────────────┐
            │ Post       │ Beløb │  Total kr. │
            ├────────────┼───────┼────────────┤
            │ Ældrepleje │  30,3 │ 30.292.110 │
            │ Skoler     │ -58,0 │          0 │
            │ Veje       │   n/a │        n/a │
            └────────────┴───────┴────────────┘
            INVENTED FIGURES (teaching data): not any real municipality's accounts.
            Definition: function 5.32, net operating
            Source: hand-made test data · fixture · current prices (løbende priser) · written by hand

            """
        #expect(renderer.render(Fixture.amounts) == expected)
    }

    @Test func lineBreaksInCellsBecomeSpacesAndEmptyResultHasHeaderOnly() {
        let withBreaks = Fixture.texts([[.text("to\nlinjer\tog tab"), .amount(1)]])
        #expect(renderer.render(withBreaks).contains("│ to linjer og tab │     1 │\n"))

        let empty = Fixture.texts([])
        let expected = """
            Tekster
            ┌───────┬───────┐
            │ Tekst │ Beløb │
            └───────┴───────┘

            """
        #expect(renderer.render(empty) == expected + Fixture.caption.joined(separator: "\n") + "\n")
    }
}
