import Testing
import RdrLanguage

/// On a terminal a message's lines break at spaces, as a table's notes do, not mid-word.
@Suite struct MessageWidthTests {
    @Test func aMessageBreaksAtSpacesToFitTheWidth() throws {
        let session = try makeSession()
        let message = "Loaded teaching R2020 (accounts 2020): INVENTED figures for 98 fictional municipalities."
        let shown = session.render(.message(message), width: 40)
        let lines = shown.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(shown)")
        #expect(lines.joined(separator: " ") == message, "only spaces became line breaks")
        #expect(session.render(.message(message)) == message + "\n", "no width: as it is")
    }
}
