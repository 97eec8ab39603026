import RdrReport
import Testing
import RdrEngine
import RdrRender

@Suite struct CSVRendererTests {
    let pure = Renderer(format: .csv, csvCaption: false)

    private func csv(_ lines: [String]) -> String {
        lines.map { $0 + "\r\n" }.joined()
    }

    @Test func rankingWithCaption() {
        let expected = csv([
            "place,municipality,population,kr_per_inhabitant",
            "1,Ærø,6123,10353.25",
            "2,Læsø,1784,2.50",
            "2,Fanø,3517,-2.50",
            ",København,1234567,",
            "#,\"Note: Læsø and Fanø are tied at place 2.\"",
            "#,\"Note: København is not ranked: no accounts.\"",
            "#,\"total: place=, municipality=I alt, population=1245991, kr_per_inhabitant=999.50\"",
            "#,\"INVENTED FIGURES (teaching data): not any real municipality's accounts.\"",
            "#,\"Definition: function 5.32, net operating\"",
            "#,\"Source: hand-made test data · fixture · current prices (løbende priser) · written by hand\"",
        ])
        #expect(Renderer(format: .csv).render(Fixture.ranking) == expected)
    }

    @Test func withoutCaptionIsPureCSV() {
        let expected = csv([
            "place,municipality,population,kr_per_inhabitant",
            "1,Ærø,6123,10353.25",
            "2,Læsø,1784,2.50",
            "2,Fanø,3517,-2.50",
            ",København,1234567,",
        ])
        #expect(pure.render(Fixture.ranking) == expected)
    }

    @Test func exportedDecimalsAndNonFiniteAmounts() {
        let expected = csv([
            "item,amount,total",
            "Ældrepleje,30.25,30292110",
            "Skoler,-58.00,0",
            "Veje,,",
        ])
        #expect(pure.render(Fixture.amounts) == expected)
    }

    @Test func quotesCommaQuoteAndLineBreaks() {
        let result = Fixture.texts([
            [.text("Hello, world"), .amount(1)],
            [.text("She said \"hi\""), .amount(2)],
            [.text("two\nlines"), .amount(3)],
            [.text("cr\r\nlf"), .amount(4)],
            [.text("plain text"), .amount(5)],
        ])
        let expected = csv([
            "text,amount",
            "\"Hello, world\",1.00",
            "\"She said \"\"hi\"\"\",2.00",
            "\"two\nlines\",3.00",
            "\"cr\r\nlf\",4.00",
            "plain text,5.00",
        ])
        #expect(pure.render(result) == expected)
    }

    @Test func neutralisesFormulasInTextButNotNegativeAmounts() {
        let result = Fixture.texts([
            [.text("=SUM(A1)"), .amount(-58)],
            [.text("+1"), .amount(1)],
            [.text("-1"), .amount(-1)],
            [.text("@x"), .unavailable("none")],
            [.text("\tindented"), .amount(0)],
            [.text("\rreturn"), .amount(0)],
            [.text("=1,2"), .amount(0)],
            [.text("a=b"), .amount(0)],
        ])
        let expected = csv([
            "text,amount",
            "'=SUM(A1),-58.00",
            "'+1,1.00",
            "'-1,-1.00",
            "'@x,",
            "'\tindented,0.00",
            "\"'\rreturn\",0.00",
            "\"'=1,2\",0.00",
            "a=b,0.00",
        ])
        #expect(pure.render(result) == expected)
    }

    @Test func captionLinesStayCommentsWhenNotesHaveLineBreaks() {
        let result = Fixture.texts([], notes: ["first line\nsecond line"])
        let expected = csv(["text,amount", "#,\"Note: first line second line\""] + Fixture.caption.map { "#,\"" + $0 + "\"" })
        #expect(Renderer(format: .csv).render(result) == expected)
    }
}
