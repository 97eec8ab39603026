import Testing
@testable import RdrRender

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (2.5, 0, "3"), (-2.5, 0, "-3"), (999.5, 0, "1.000"), (999_999.5, 0, "1.000.000"),
        (10_353.25, 0, "10.353"), (30.25, 1, "30,3"), (-58, 0, "-58"), (0.5, 0, "1"), (0.49, 0, "0"),
        (-0.4, 0, "0"), (0, 2, "0,00"), (1.005, 2, "1,01"), (1_234_567.891, 2, "1.234.567,89"),
        (0.00005, 4, "0,0001"), (1e-7, 2, "0,00"), (1e16, 0, "10.000.000.000.000.000"),
    ] as [(Double, Int, String)])
    func amountsForPeople(value: Double, decimals: Int, expected: String) {
        #expect(Audience.people.format(amount: value, decimals: decimals) == expected)
    }

    @Test(arguments: [
        (30_292_110, 0, "30292110"), (10_353.25, 2, "10353.25"), (-58, 2, "-58.00"), (2.675, 2, "2.68"),
        (-0.001, 2, "0.00"), (1e16, 0, "10000000000000000"), (1_234_567.5, 1, "1234567.5"),
    ] as [(Double, Int, String)])
    func amountsForPrograms(value: Double, decimals: Int, expected: String) {
        #expect(Audience.programs.format(amount: value, decimals: decimals) == expected)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteAmountsHaveNoText(value: Double) {
        #expect(Audience.people.format(amount: value, decimals: 0) == nil)
        #expect(Audience.programs.format(amount: value, decimals: 2) == nil)
    }

    @Test func integers() {
        #expect(Audience.people.format(integer: 0) == "0")
        #expect(Audience.people.format(integer: 999) == "999")
        #expect(Audience.people.format(integer: 1_000) == "1.000")
        #expect(Audience.people.format(integer: 1_234_567) == "1.234.567")
        #expect(Audience.people.format(integer: -1_234) == "-1.234")
        #expect(Audience.people.format(integer: .min) == "-9.223.372.036.854.775.808")
        #expect(Audience.programs.format(integer: 1_234_567) == "1234567")
        #expect(Audience.programs.format(integer: .min) == "-9223372036854775808")
    }
}
