import Foundation
import RdrLanguage
import Testing

/// Input that is wrong, huge or hostile: bounded numbers, script files that are not scripts,
/// control characters, long tokens, messages that say what the fault is.
@Suite struct HostileInputTests {
    private func error(_ text: String, after setup: String = "", workingDirectory: String? = nil) throws -> ScriptError {
        let session = try makeSession(workingDirectory: workingDirectory)
        if !setup.isEmpty { try session.outputs(setup, name: "setup") }
        return try #require(session.failure(text).error, "\(text) did not fail")
    }

    // MARK: Numbers

    @Test(arguments: [
        ("rank Skole per 9223372036854775800", "an age is a whole number from 0 to 125; '9223372036854775800' is not", span(1, 16, 35)),
        ("rank Skole per 6-99999999999999999999", "an age is a whole number from 0 to 125; '99999999999999999999' is not", span(1, 18, 38)),
        ("rank Skole top 99999999999999999999", "a number of rows is a whole number from 1 to 9999; '99999999999999999999' is not", span(1, 16, 36)),
        ("gap Korsbæk to 99999999999999999999", "place 99999999999999999999 does not exist: places run from 1 to the number of municipalities ranked", span(1, 16, 36)),
        ("load R2019 prices 99999999999999999999", "a year is a whole number from 1000 to 9999; '99999999999999999999' is not", span(1, 19, 39)),
        ("fetch R2019..R9999", "a span is at most 30 years; R2019..R9999 is 7981", span(1, 7, 19)),
    ])
    func bigNumbersAreRefusedWhereTheyAre(text: String, message: String, range: SourceRange) throws {
        let failure = try #require(syntaxError(text))
        #expect(failure.message == message)
        #expect(failure.range == range)
    }

    // MARK: Keywords and codes in messages

    @Test func misspeltKeywordsGetASuggestion() throws {
        #expect(syntaxError("rank 3.22.01 tpo 5")?.message == "unexpected 'tpo' after the end of the statement; did you mean top?")
        #expect(syntaxError("rank Skole pre 6-16")?.message == "unexpected 'pre' after the end of the statement; did you mean per?")
        #expect(syntaxError("gap Korsbæk ot 40")?.message
            == "expected 'to' and a place after the municipality, as in gap Korsbæk to 40, found 'ot'; did you mean to?")
        #expect(syntaxError("gap Korsbæk to medain")?.message.hasSuffix("found 'medain'; did you mean median?") == true)
    }

    @Test func aMistypedCodeIsQuotedAsTyped() throws {
        let failure = try #require(syntaxError("rank 3.22.0l"))
        #expect(failure.message == "'3.22.0l' is not a function code; write 5.38.50, 5.38.* or 5.*")
        #expect(failure.range == span(1, 6, 13))
    }

    @Test func helpListsCommandsOnly() throws {
        let session = try makeSession()
        let overview = try #require(try session.outputs("help").first?.message)
        let commands = overview.split(separator: "\n").drop { !$0.hasPrefix("Commands") }.dropFirst()
            .prefix { !$0.isEmpty }
        #expect(!commands.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("segments") })
        #expect(overview.contains("help segments"))
        #expect(try session.outputs("help segments").first?.message?.contains("per 6-16") == true)
    }

    @Test func aWriteErrorIsSaidAsItIs() throws {
        // /proc exists; the system refuses to make a file in it.
        guard FileManager.default.fileExists(atPath: "/proc/self") else { return }
        let failure = try error("export to /proc/a.csv", after: "load teaching R2020\nrank Skole top 1")
        #expect(!failure.diagnostic.message.contains("does not exist"))
        #expect(failure.diagnostic.message.hasPrefix("cannot write '/proc/a.csv': "))
    }

    // MARK: Script files

    private func runError(_ name: String, _ bytes: [UInt8], in folder: TemporaryFolder) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: folder.file(name)))
        return try error("run \(name)", workingDirectory: folder.path).diagnostic.message
    }

    @Test func scriptFilesThatAreNotScripts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("areas\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try runError("utf16.rdr", utf16, in: folder)
            == "cannot read script 'utf16.rdr': it is UTF-16 text, not UTF-8; save it as UTF-8 and run it again")
        #expect(try runError("nobom.rdr", Array(utf16.dropFirst(2)), in: folder)
            == "cannot read script 'nobom.rdr': it is UTF-16 text, not UTF-8; save it as UTF-8 and run it again")
        let windows: [UInt8] = Array("areas\n# K\u{00F8}benhavn\n".utf8).flatMap { $0 == 0xC3 ? [] : [$0 == 0xB8 ? 0xF8 : $0] }
        #expect(try runError("cp1252.rdr", windows, in: folder)
            == "cannot read script 'cp1252.rdr': it is Windows-1252 (Latin-1) text, not UTF-8 (line 2 has the first such letter); save it as UTF-8 and run it again")
        #expect(try runError("binary.rdr", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00], in: folder)
            == "cannot read script 'binary.rdr': it is not an rdr script (it holds binary data)")
        #expect(try runError("random.rdr", [0x1B, 0x9B, 0xC0, 0x80, 0x07], in: folder)
            == "cannot read script 'random.rdr': it is not an rdr script (it is not UTF-8 text)")
    }

    @Test func aPipeIsNotReadAsAScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.file("pipe.rdr"), 0o600) == 0)
        // Reading it would wait for a writer for ever.
        #expect(try error("run pipe.rdr", workingDirectory: folder.path).diagnostic.message
            == "cannot read script 'pipe.rdr': it is not a regular file (a pipe, a device or a socket)")
        #expect(try error("run /dev/zero").diagnostic.message
            == "cannot read script '/dev/zero': it is not a regular file (a pipe, a device or a socket)")
    }

    @Test func anUnreadableScript() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("areas\n", to: "secret.rdr")
        #expect(chmod(folder.file("secret.rdr"), 0) == 0)
        #expect(try error("run secret.rdr", workingDirectory: folder.path).diagnostic.message
            == "cannot read script 'secret.rdr': it cannot be read (permission denied)")
    }

    @Test func aTextFileThatIsNotAScriptIsNotQuoted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\n", to: "shadow")
        let failure = try error("run shadow", workingDirectory: folder.path)
        #expect(failure.formatted == "input:1 → shadow: error: it is not an rdr script: its first statement is not one (scripts are named NAME.rdr)")
        #expect(!failure.formatted.contains("hash"))
    }

    @Test func aScriptOverTheLimitIsRefusedUnread() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try String(repeating: "\n", count: Source.maximumSize + 1).write(toFile: folder.file("big.rdr"), atomically: true, encoding: .utf8)
        #expect(try error("run big.rdr", workingDirectory: folder.path).diagnostic.message
            == "cannot read script 'big.rdr': it is 1.0 MB, more than the 1.0 MB rdr reads")
        let session = try makeSession()
        let typed = try #require(session.failure(String(repeating: "areas\n", count: 200_000)).error)
        #expect(typed.diagnostic.message == "the text is 1.1 MB; rdr reads at most 1.0 MB of statements at once")
    }

    @Test func theShellAndRunReadScriptsAlike() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("dir.rdr"), withIntermediateDirectories: true)
        #expect(throws: ScriptFileError.self) { try ScriptFile.read("dir.rdr", from: folder.path) }
        do {
            _ = try ScriptFile.read("dir.rdr", from: folder.path)
        } catch {
            #expect(error.description == "cannot read script 'dir.rdr': it is a folder, not a file")
        }
        try folder.write("areas\n", to: "ok.rdr")
        let source = try ScriptFile.read("ok.rdr", from: folder.path)
        #expect(source.text == "areas\n")
        #expect(source.folder == folder.url.standardizedFileURL.path || source.folder == folder.path)
    }

    // MARK: Control characters and long tokens

    @Test func controlCharactersAreRefused() throws {
        let inString = try #require(syntaxError("define area E \"\u{1B}]0;pwned\u{07}\" = 3.22.01"))
        #expect(inString.message == "a string cannot hold the control character U+001B")
        #expect(inString.range == span(1, 16, 17))
        let inWord = try #require(syntaxError("rank Sk\u{1B}ole"))
        #expect(inWord.message == "unexpected control character U+001B; a script is plain text")
        #expect(inWord.range == span(1, 8, 9))
        let bidi = try #require(syntaxError("define area E \"a\u{202E}b\" = 3.22.01"))
        #expect(bidi.message == "a string cannot hold the control character U+202E")
    }

    @Test func aMessageNeverPrintsAControlCharacter() throws {
        let failure = try error("rank Skole # \u{1B}[31m red\nrank Nope", after: "load teaching R2020")
        #expect(!failure.formatted.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func aHugeTokenIsCutInTheMessage() throws {
        let word = String(repeating: "x", count: 100_000)
        let failure = try error("rank Skole \(word)")
        #expect(failure.formatted.count < 500)
        #expect(failure.diagnostic.message.contains("'" + String(repeating: "x", count: 60) + "…'"))
        let name = try error("gap \(word) to 40", after: "load teaching R2020")
        #expect(name.formatted.count < 500)
        #expect(name.diagnostic.message.hasPrefix("unknown municipality '" + String(repeating: "x", count: 60) + "…' in"))
        let far = try error(String(repeating: " ", count: 5_000) + "rank Skole tpo 5")
        #expect(far.formatted.count < 500)
        #expect(far.formatted.contains("    …" + String(repeating: " ", count: 29) + "rank Skole tpo 5\n"))
        #expect(far.formatted.hasSuffix("\n     " + String(repeating: " ", count: 40) + "^~~"))
    }

    @Test func tokensAcrossTheLexersChunksOfLines() throws {
        // The lexer reads some 16 kB of lines at a time; every line here must lex alike, wherever
        // a chunk ends: CRLF line ends, letters of two bytes, a decomposed å.
        let line = "rank Skøle-a\u{030A} for \"Kø bæk\"\r\n"
        let tokens = try Lexer.tokenize(String(repeating: line, count: 3_000))
        #expect(tokens.count == 3_000 * 5 + 1)
        for number in 0..<3_000 {
            let five = tokens[(number * 5)..<(number * 5 + 5)]
            #expect(five.map(\.text) == ["rank", "Skøle-a\u{030A}", "for", "Kø bæk", "\r\n"])
            #expect(five.map(\.range.start) == [at(number + 1, 1), at(number + 1, 6), at(number + 1, 14), at(number + 1, 18), at(number + 1, 26)])
        }
    }

    @Test func blankLinesMakeOneSeparator() throws {
        let tokens = try Lexer.tokenize("areas" + String(repeating: "\n  # note\n;", count: 10_000) + "results")
        #expect(tokens.map(\.kind) == [.word, .separator, .word, .end])
        #expect(tokens[2].range.start == at(20_001, 2))
    }
}
