import RdrReport
import Testing
import RdrEngine

@Suite("FunctionCode and FunctionPattern")
struct FunctionCodeTests {
    @Test func parsesTheDottedForm() throws {
        let code = try #require(FunctionCode("5.38.50"))
        #expect(code == FunctionCode(main: 5, group: 38, function: 50))
        #expect(code.main == 5 && code.group == 38 && code.function == 50)
        #expect(code.description == "5.38.50")
    }

    @Test func parsesStatisticsDenmarksUndottedForm() {
        #expect(FunctionCode("53850") == FunctionCode(main: 5, group: 38, function: 50))
        // Main account 0 dropped: 2201 = 0.22.01.
        #expect(FunctionCode("2201") == FunctionCode(main: 0, group: 22, function: 1))
        #expect(FunctionCode("2201")?.description == "0.22.01")
        #expect(FunctionCode("02201") == FunctionCode(main: 0, group: 22, function: 1))
    }

    @Test func parsesUTF8Bytes() {
        #expect(FunctionCode(utf8: "53850".utf8) == FunctionCode(main: 5, group: 38, function: 50))
        #expect(FunctionCode(utf8: Array("0.22.01".utf8)) == FunctionCode(main: 0, group: 22, function: 1))
        #expect(FunctionCode(utf8: "5.3.50".utf8) == nil)
        #expect(FunctionCode(utf8: "5.38.50".utf8.dropLast()) == nil)
    }

    @Test func keepsLeadingZerosInTheDescription() {
        #expect(FunctionCode(main: 0, group: 2, function: 1).description == "0.02.01")
        #expect(FunctionCode("0.22.01")?.description == "0.22.01")
    }

    @Test(arguments: ["5.3.50", "x", "5.38.5", "", "5.38", "5.38.50.1", "538", "538501", "10.22.01",
                      "5.38.5x", ".38.50", "5..50", "5.38.*", "-5.38.50", "5 38 50", "53 50"])
    func rejectsBadInput(_ text: String) {
        #expect(FunctionCode(text) == nil)
    }

    @Test func ordersByMainGroupFunction() {
        let codes = ["5.38.50", "0.22.01", "5.38.41", "3.22.17", "5.30.27"].compactMap(FunctionCode.init)
        #expect(codes.sorted().map(\.description) == ["0.22.01", "3.22.17", "5.30.27", "5.38.41", "5.38.50"])
    }

    @Test func patternForms() {
        #expect(FunctionPattern("5.38.*") == .group(main: 5, group: 38))
        #expect(FunctionPattern("5.*") == .mainAccount(5))
        #expect(FunctionPattern("5.38.50") == .function(FunctionCode(main: 5, group: 38, function: 50)))
        #expect(FunctionPattern("53850") == .function(FunctionCode(main: 5, group: 38, function: 50)))
        #expect(FunctionPattern("0.22.*") == .group(main: 0, group: 22))
    }

    @Test(arguments: ["*", "5.3.*", "5.*.*", "x.*", "10.*", "5.38.**", "5.38.5", "", "5.38.*.1"])
    func rejectsBadPatterns(_ text: String) {
        #expect(FunctionPattern(text) == nil)
    }

    @Test func patternMatching() throws {
        let group = try #require(FunctionPattern("5.38.*"))
        let main = try #require(FunctionPattern("5.*"))
        let one = try #require(FunctionPattern("5.38.50"))
        let c53850 = FunctionCode(main: 5, group: 38, function: 50)
        let c53841 = FunctionCode(main: 5, group: 38, function: 41)
        let c53027 = FunctionCode(main: 5, group: 30, function: 27)
        let c33850 = FunctionCode(main: 3, group: 38, function: 50)

        #expect(group.matches(c53850) && group.matches(c53841))
        #expect(!group.matches(c53027) && !group.matches(c33850))
        #expect(main.matches(c53850) && main.matches(c53027))
        #expect(!main.matches(c33850))
        #expect(one.matches(c53850))
        #expect(!one.matches(c53841))
    }

    @Test func isWildcard() {
        #expect(FunctionPattern("5.38.*")?.isWildcard == true)
        #expect(FunctionPattern("5.*")?.isWildcard == true)
        #expect(FunctionPattern("5.38.50")?.isWildcard == false)
    }

    @Test(arguments: ["5.38.*", "5.*", "5.38.50", "0.22.*", "0.22.01", "0.*"])
    func descriptionRoundTrips(_ text: String) throws {
        let pattern = try #require(FunctionPattern(text))
        #expect(pattern.description == text)
        #expect(FunctionPattern(pattern.description) == pattern)
    }

    /// FunctionCode insists on one digit for the main account ("05.38.50" is rejected), and so
    /// do FunctionPattern's wildcard branches: "05.*" and "05.38.*" (which once parsed as 5.* and
    /// 5.38.* and did not round-trip) are rejected.
    @Test func patternsRejectATwoDigitMainAccountLikeCodesDo() {
        #expect(FunctionCode("05.38.50") == nil)
        #expect(FunctionPattern("05.38.50") == nil)
        #expect(FunctionPattern("05.*") == nil)
        #expect(FunctionPattern("05.38.*") == nil)
    }

    @Test func undottedPatternDescribesDotted() {
        #expect(FunctionPattern("2201")?.description == "0.22.01")
    }

    @Test func areaContainsHonoursExcept() {
        let skole = Fixture.skole
        #expect(skole.contains(FunctionCode(main: 3, group: 22, function: 1)))
        #expect(!skole.contains(FunctionCode(main: 3, group: 22, function: 17)))
        #expect(!skole.contains(FunctionCode(main: 3, group: 32, function: 1)))
        #expect(skole.functionsText == "3.22.* except 3.22.17")
        #expect(Fixture.voksen.functionsText == "5.38.50, 5.38.51")
    }

    @Test func codesOfManyDigitsAreNoCodesNotAnOverflow() {
        #expect(FunctionCode("99999999999999999999.1") == nil)
        #expect(FunctionCode("1.99999999999999999999.01") == nil)
        #expect(FunctionCode(String(repeating: "9", count: 40)) == nil)
        #expect(FunctionPattern("99999999999999999999.*") == nil)
        #expect(FunctionCode("53850") == FunctionCode(main: 5, group: 38, function: 50))
    }

    @Test func singlePatternArea() throws {
        let pattern = try #require(FunctionPattern("3.22.01"))
        let labelled = AreaDefinition(pattern: pattern, label: "Folkeskoler")
        #expect(labelled.key == "3.22.01")
        #expect(labelled.title == "3.22.01 Folkeskoler")
        #expect(labelled.segment == .all)
        #expect(AreaDefinition(pattern: pattern, label: nil).title == "3.22.01")
    }
}

@Suite("DatasetID")
struct DatasetIDTests {
    @Test func parses() {
        #expect(DatasetID("R2024") == DatasetID(kind: .accounts, year: 2024))
        #expect(DatasetID("b2021") == DatasetID(kind: .budget, year: 2021))
        #expect(DatasetID("R24") == nil)
        #expect(DatasetID("R20245") == nil)
        #expect(DatasetID("2024R") == nil)
        #expect(DatasetID("X2024") == nil)
        #expect(DatasetID(kind: .budget, year: 2021).spelledOut == "budget 2021")
        #expect(Fixture.teaching.name == "teaching R2020")
        #expect(Fixture.snapshot.name == "R2020")
    }

    /// The year is four digits: no sign ("R-202" was once read as year −202), no spaces.
    @Test(arguments: ["R-202", "R+202", "R 202", "R２０２４", "Ø2024", ""])
    func rejectsAnythingButFourDigits(_ text: String) {
        #expect(DatasetID(text) == nil)
    }
}
