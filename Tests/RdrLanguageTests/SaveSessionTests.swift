import Foundation
import RdrReport
import Testing
@testable import RdrLanguage

/// `save FILE.rdr`: the session's statements that succeeded, as a script that replays it.
@Suite struct SaveSessionTests {
    @Test func theSavedScriptReplaysTheSession() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try makeSession(parameters: ["kommune": "Korsbæk"], workingDirectory: folder.path)
        try session.outputs("param place = 25\nload teaching R2020\nhelp gap\nlet s = gap $kommune to $place sorted\nrank Skole top 3")
        _ = session.failure("rank Skoel")
        let outputs = try session.outputs("save round.rdr")
        #expect(outputs.compactMap(\.message) == ["Saved 3 statements to round.rdr; run round.rdr replays them."])
        let text = try String(contentsOfFile: folder.file("round.rdr"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).map(String.init)
        #expect(lines == ["", "param kommune = Korsbæk", "param place = 25", "",
                          "load teaching R2020", "let s = gap $kommune to $place sorted", "rank Skole top 3", ""])
        // Replayed in a fresh session, it gives the same results; a --set still wins.
        let replay = try makeSession(workingDirectory: folder.path)
        try replay.outputs("run round.rdr")
        #expect(replay.result(named: "s") == session.result(named: "s"))
        let other = try makeSession(parameters: ["kommune": "Bjergsted"], workingDirectory: folder.path)
        try other.outputs("run round.rdr")
        #expect(other.result(named: "s")?.title.hasPrefix("Overview: Bjergsted") == true)
    }

    @Test(arguments: [("Korsbæk", "Korsbæk"), ("40", "40"), ("6-16", "6-16"), ("65+", "65+"), ("R2024", "R2024"),
                      ("3.22.01", "3.22.01"), ("Lyngby-Taarbæk", "Lyngby-Taarbæk"), ("two words", "\"two words\""),
                      ("a\"b", "\"a\\\"b\""), ("US$", "\"US\\$\""), ("", "\"\""), ("R2019..R2024", "\"R2019..R2024\"")])
    func valuesAreWrittenSoThatTheyReadBack(_ value: String, _ written: String) throws {
        #expect(Session.scriptValue(value) == written)
        // And a param line with it reads back as the value.
        let session = try makeSession()
        try session.outputs("param p = \(written)\nset title \"$p\"")
        #expect(session.title == value)
    }

    @Test(arguments: [
        ("save round.txt", "a script is saved as NAME.rdr", span(1, 6, 15)),
        ("save", "expected a script file name", span(1, 5, 5)),
    ])
    func mistakes(_ text: String, _ message: String, _ range: SourceRange) throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.contains(message), "\(failure.diagnostic.message)")
        #expect(failure.diagnostic.range == range)
    }

    @Test func nothingToSaveIsAnError() throws {
        let session = try makeSession()
        let failure = try #require(session.failure("save x.rdr").error)
        #expect(failure.diagnostic.message == "there is nothing to save yet: no statement has succeeded in this session")
    }
}
