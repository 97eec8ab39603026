import RdrLanguage
import Testing

@Suite struct DiagnosticFormatterTests {
    private let formatter = DiagnosticFormatter()

    private func format(_ message: String, _ range: SourceRange?, in text: String, name: String = "budget.rdr",
                        firstLine: Int = 1) -> String {
        formatter.format(Diagnostic(message, at: range), in: Source(name: name, text: text, firstLine: firstLine))
    }

    @Test func messageSourceLineAndCaret() {
        let text = format("unknown municipality 'Holbek' in R2024; did you mean Holbæk?", span(1, 5, 11),
                          in: "gap Holbek to 40")
        #expect(text == """
            budget.rdr:1:5: error: unknown municipality 'Holbek' in R2024; did you mean Holbæk?
                gap Holbek to 40
                    ^~~~~~
            """)
    }

    @Test func caretAtTheFirstColumn() {
        let text = format("unknown command 'rnak'; did you mean rank?", span(1, 1, 5), in: "rnak Skole")
        #expect(text == """
            budget.rdr:1:1: error: unknown command 'rnak'; did you mean rank?
                rnak Skole
                ^~~~
            """)
    }

    @Test func oneCharacterIsACaretAlone() {
        let text = format("an age band is written 6-16 or 6+", span(1, 16, 17), in: "rank Skole per 6")
        #expect(text == """
            budget.rdr:1:16: error: an age band is written 6-16 or 6+
                rank Skole per 6
                               ^
            """)
    }

    @Test func danishLettersBeforeTheSpot() {
        // "gap Korsbæk to " is 15 characters (16 bytes): the caret goes under column 16.
        let text = format("expected a place", span(1, 16, 21), in: "gap Korsbæk to fyrre")
        #expect(text == """
            budget.rdr:1:16: error: expected a place
                gap Korsbæk to fyrre
                               ^~~~~
            """)
    }

    @Test func manyDanishLetters() {
        let text = format("x", span(1, 9, 15), in: "æøå ÆØÅ Holbæk")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).last == "            ^~~~~~")
    }

    @Test func theLineOfTheSpotInAMultiLineSource() {
        let source = "load R2024\nrank 3.22.01\n\n# comment\nareas\nresults\ngap Holbek to 40\nareas"
        let text = format("unknown municipality 'Holbek'", span(7, 5, 11), in: source, name: "script.rdr")
        #expect(text == """
            script.rdr:7:5: error: unknown municipality 'Holbek'
                gap Holbek to 40
                    ^~~~~~
            """)
    }

    @Test func firstLineOffsetsTheLineLookup() {
        let text = format("unknown command 'rnak'; did you mean rank?", span(12, 1, 5), in: "rnak Skole",
                          name: "input", firstLine: 12)
        #expect(text == """
            input:12:1: error: unknown command 'rnak'; did you mean rank?
                rnak Skole
                ^~~~
            """)
    }

    @Test func crlfSourceLineHasNoCarriageReturn() {
        let text = format("x", span(2, 1, 5), in: "load R2024\r\nrnak Skole\r\n")
        #expect(text == "budget.rdr:2:1: error: x\n    rnak Skole\n    ^~~~")
    }

    @Test func spotAtTheEndOfTheLine() {
        // An "expected …, found the end of the statement" points just past the last character.
        let text = format("expected an area", span(1, 5, 5), in: "rank")
        #expect(text == "budget.rdr:1:5: error: expected an area\n    rank\n        ^")
    }

    @Test func rangeThatEndsOnTheNextLineIsOneCaret() {
        let text = format("x", SourceRange(start: at(1, 6), end: at(2, 1)), in: "rank Skole\nareas")
        #expect(text == "budget.rdr:1:6: error: x\n    rank Skole\n         ^")
    }

    @Test func tabsBecomeOneSpaceSoTheCaretLinesUp() {
        let text = format("x", span(1, 7, 12), in: "\trank\tSkole")
        #expect(text == "budget.rdr:1:7: error: x\n     rank Skole\n          ^~~~~")
    }

    @Test func noRangeIsTheMessageAlone() {
        let text = format("cannot read script 'x.rdr'", nil, in: "run x.rdr", name: "input")
        #expect(text == "input: error: cannot read script 'x.rdr'")
    }

    @Test func anEmptyLineGivesNoCaret() {
        let text = format("x", span(2, 1, 1), in: "areas\n\nresults")
        #expect(text == "budget.rdr:2:1: error: x")
    }
}
