import RdrLanguage
import Testing

@Suite struct LexerTests {
    /// The tokens of `text` without the final `.end`.
    private func tokens(_ text: String, firstLine: Int = 1) throws(Diagnostic) -> [Token] {
        let all = try Lexer.tokenize(text, firstLine: firstLine)
        #expect(all.last?.kind == .end)
        return Array(all.dropLast())
    }

    private func pairs(_ text: String) throws(Diagnostic) -> [Pair] {
        try tokens(text).map { Pair($0.kind, $0.text) }
    }

    private func lexError(_ text: String) -> Diagnostic? {
        do {
            _ = try Lexer.tokenize(text)
            return nil
        } catch {
            return error
        }
    }

    struct Pair: Equatable, CustomStringConvertible {
        let kind: Token.Kind
        let text: String
        init(_ kind: Token.Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
        var description: String { "\(kind)(\(text))" }
    }

    // MARK: Words

    @Test func wordsWithDanishLettersAndHyphens() throws {
        #expect(try pairs("Lyngby-Taarbæk Ærø Høje-Taastrup København") == [
            Pair(.word, "Lyngby-Taarbæk"), Pair(.word, "Ærø"), Pair(.word, "Høje-Taastrup"), Pair(.word, "København"),
        ])
    }

    @Test func wordsMayHoldDigitsUnderscoresDotsAndSlashes() throws {
        #expect(try pairs("SocialVoksen s_2 aeldre.csv out/2024.md ~/x.csv") == [
            Pair(.word, "SocialVoksen"), Pair(.word, "s_2"), Pair(.word, "aeldre.csv"),
            Pair(.word, "out/2024.md"), Pair(.word, "~/x.csv"),
        ])
    }

    @Test func underscoreAloneIsAWord() throws {
        #expect(try pairs("_") == [Pair(.word, "_")])
    }

    // MARK: Numbers and function codes

    @Test func numbersAndFunctionCodes() throws {
        #expect(try pairs("40 5.38.50 5.30.* 5.* 2020 3.22.01") == [
            Pair(.number, "40"), Pair(.code, "5.38.50"), Pair(.code, "5.30.*"), Pair(.code, "5.*"),
            Pair(.number, "2020"), Pair(.code, "3.22.01"),
        ])
    }

    @Test func ageBandsAreNumbersWithMinusOrPlus() throws {
        #expect(try pairs("6-16 65+") == [
            Pair(.number, "6"), Pair(.minus, "-"), Pair(.number, "16"), Pair(.number, "65"), Pair(.plus, "+"),
        ])
    }

    @Test func digitsFollowedByADotAndALetterAreOneWord() throws {
        // "5.x" is not a function code: digits followed by "." and a letter lex as one word, so a
        // file name such as 2024.csv is a word.
        #expect(try pairs("5.x") == [Pair(.word, "5.x")])
        #expect(try pairs("2024.csv") == [Pair(.word, "2024.csv")])
    }

    @Test func punctuation() throws {
        #expect(try pairs("let s = rank Skole for A, B") == [
            Pair(.word, "let"), Pair(.word, "s"), Pair(.equals, "="), Pair(.word, "rank"), Pair(.word, "Skole"),
            Pair(.word, "for"), Pair(.word, "A"), Pair(.comma, ","), Pair(.word, "B"),
        ])
    }

    // MARK: Strings

    @Test func stringsLoseTheirQuotesAndKeepSpaces() throws {
        #expect(try pairs(#""Kors bæk" """#) == [Pair(.string, "Kors bæk"), Pair(.string, "")])
    }

    @Test func stringEscapes() throws {
        #expect(try pairs(#""say \"hi\"" "a\\b" "c:\n""#) == [
            Pair(.string, #"say "hi""#), Pair(.string, #"a\b"#),
            // Only \" and \\ are escapes; any other backslash is kept.
            Pair(.string, #"c:\n"#),
        ])
    }

    @Test func aStringSpansItsQuotes() throws {
        let token = try #require(try tokens(#"show "Kors bæk" x"#).dropFirst().first)
        #expect(token.range == span(1, 6, 16))
    }

    // MARK: Parameters

    @Test func parameters() throws {
        #expect(try pairs("gap $kommune to $place_2") == [
            Pair(.word, "gap"), Pair(.parameter, "kommune"), Pair(.word, "to"), Pair(.parameter, "place_2"),
        ])
        #expect(try tokens("$kommune")[0].range == span(1, 1, 9))
    }

    @Test func dollarWithoutName() throws {
        let error = try #require(lexError("gap $ to 40"))
        #expect(error.message == "'$' must be followed by a parameter name, as in $kommune or ${kommune}; write $$ for a dollar sign")
        #expect(error.range == span(1, 5, 6))
    }

    // MARK: Separators and comments

    @Test func semicolonsAndNewlinesSeparate() throws {
        #expect(try pairs("load R2020; areas\nresults") == [
            Pair(.word, "load"), Pair(.word, "R2020"), Pair(.separator, ";"), Pair(.word, "areas"),
            Pair(.separator, "\n"), Pair(.word, "results"),
        ])
    }

    @Test func crlfIsOneSeparator() throws {
        let all = try tokens("load R2020\r\nrank Skole\r\n")
        #expect(all.map(\.kind) == [.word, .word, .separator, .word, .word, .separator])
        #expect(all[2].text == "\r\n")
        #expect(all[3].range == span(2, 1, 5))
        #expect(all[4].range == span(2, 6, 11))
        let end = try #require(try Lexer.tokenize("load R2020\r\nrank Skole\r\n").last)
        #expect(end.range.start == at(3, 1))
    }

    @Test func commentsRunToTheEndOfTheLine() throws {
        #expect(try pairs("rank Skole # top 5; not a separator\nareas") == [
            Pair(.word, "rank"), Pair(.word, "Skole"), Pair(.separator, "\n"), Pair(.word, "areas"),
        ])
        #expect(try pairs("# only a comment") == [])
        #expect(try pairs("#no space; \"not a string") == [])
    }

    @Test func emptySourceIsJustTheEnd() throws {
        let all = try Lexer.tokenize("")
        #expect(all.count == 1)
        #expect(all[0].kind == .end)
        #expect(all[0].range == span(1, 1, 1))
    }

    // MARK: Locations

    @Test func columnsCountCharacters() throws {
        let all = try tokens("gap Lyngby-Taarbæk to 40")
        #expect(all.map(\.range) == [span(1, 1, 4), span(1, 5, 19), span(1, 20, 22), span(1, 23, 25)])
    }

    @Test func danishLettersAreOneColumnEach() throws {
        let all = try tokens("Ærø Holbæk æøå 7")
        #expect(all.map(\.range.start) == [at(1, 1), at(1, 5), at(1, 12), at(1, 16)])
    }

    @Test func linesAndColumnsAcrossLines() throws {
        let all = try tokens("load teaching R2020\n\n  # comment\n  rank Skole").filter { $0.kind != .separator }
        #expect(all.map(\.range.start) == [at(1, 1), at(1, 6), at(1, 15), at(4, 3), at(4, 8)])
    }

    @Test func firstLineShiftsLineNumbers() throws {
        let all = try tokens("areas\nresults", firstLine: 7)
        #expect(all.map(\.range.start) == [at(7, 1), at(7, 6), at(8, 1)])
    }

    @Test func tabsCountAsOneColumn() throws {
        let all = try tokens("\trank\tSkole")
        #expect(all.map(\.range.start) == [at(1, 2), at(1, 7)])
    }

    // MARK: Errors

    @Test func unterminatedStringPointsAtTheOpeningQuote() throws {
        let error = try #require(lexError(#"show "abc"#))
        #expect(error.message == #"unterminated string: add a closing " before the end of the line"#)
        #expect(error.range == span(1, 6, 7))
    }

    @Test func aStringEndsAtTheLineEnd() throws {
        // The quote is not closed on its line; a quote on the next line does not close it.
        let error = try #require(lexError("gap \"Korsbæk to 40\nareas \"x\""))
        #expect(error.message.hasPrefix("unterminated string"))
        #expect(error.range == span(1, 5, 6))
    }

    @Test func unterminatedStringAfterDanishLetters() throws {
        let error = try #require(lexError("areas\nÆrø \"Holbæk"))
        #expect(error.range == span(2, 5, 6))
    }

    @Test func escapedQuoteDoesNotCloseTheString() throws {
        let error = try #require(lexError(#"show "abc\""#))
        #expect(error.message.hasPrefix("unterminated string"))
        #expect(error.range == span(1, 6, 7))
    }

    @Test func unexpectedCharacter() throws {
        let error = try #require(lexError("rank Skole @ 5"))
        #expect(error.message == #"unexpected character '@'; names are letters and digits, strings go in "quotes""#)
        #expect(error.range == span(1, 12, 13))
    }

    @Test func unexpectedCharacterAfterDanishLetters() throws {
        let error = try #require(lexError("gap Ærø! to 40"))
        #expect(error.message.hasPrefix("unexpected character '!'"))
        #expect(error.range == span(1, 8, 9))
    }

    @Test func singleQuotesGetAClearMessage() throws {
        // People used to spreadsheets and SQL write 'Korsbæk'. The message quotes the character in
        // single quotes, which gives the unreadable `'''`.
        let error = try #require(lexError("gap 'Korsbæk' to 40"))
        #expect(error.range == span(1, 5, 6))
        #expect(!error.message.contains("'''"))
        #expect(error.message.contains("double quotes"))
        #expect(error.message == #"names with spaces go in straight double quotes: "…""#)
    }

    @Test func enDashAndMinusSignInAnAgeBandAreAMinus() throws {
        // Word and Outlook turn 6-16 into 6–16 (en dash); pasted into rdr it reads as 6-16.
        #expect(lexError("rank Skole per 6–16") == nil)
        #expect(try shape("rank Skole per 6–16") == "rank area:Skole per 6-16")
        #expect(try shape("rank Skole per 6−16") == "rank area:Skole per 6-16")
        let band = [Pair(.number, "6"), Pair(.minus, "-"), Pair(.number, "16")]
        #expect(try pairs("6–16") == band)
        #expect(try pairs("6−16") == band)
        let dash = try tokens("rank Skole per 6–16")[4]
        #expect(dash.range == span(1, 17, 18))
    }
}
