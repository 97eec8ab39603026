@testable import RdrRender
import Testing

/// A word longer than its column is broken with a hyphen at the break, so that a reader sees the
/// word goes on; the letters are all kept.
@Suite struct WordBreakTests {
    @Test func aLongWordIsBrokenWithAHyphen() {
        #expect(TableRenderer.wrapped("Skolefritidsordninger", width: 11) == ["Skolefriti-", "dsordninger"])
        #expect(TableRenderer.wrapped("Syge- og hjemmeundervisning", width: 11) == ["Syge- og", "hjemmeunde-", "rvisning"])
    }

    @Test func withoutRoomOrWithoutALetterThereIsNoHyphen() {
        #expect(TableRenderer.wrapped("abcdef", width: 3) == ["abc", "def"])
        #expect(TableRenderer.wrapped("123456789", width: 4) == ["1234", "5678", "9"])
    }

    @Test func theLettersAreAllKept() {
        let text = "Kommunale specialskoler, behandlings- og specialundervisningstilbud"
        let lines = TableRenderer.wrapped(text, width: 9)
        #expect(lines.allSatisfy { $0.count <= 9 })
        let letters = { (s: String) in s.filter(\.isLetter) }
        #expect(letters(lines.joined()) == letters(text))
    }
}
