import Foundation
import RdrReport
import Testing
@testable import RdrLanguage
import RdrEngine

/// `trend` in a session: which years it follows, its fixed prices, and its mistakes.
@Suite struct TrendSessionTests {
    @Test func aTrendFollowsTheLoadedYearsOfTheCurrentCollectionAndKind() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2018..R2020, B2021; load teaching R2021")
        let result = try session.result(of: "trend Skole for Korsbæk")
        #expect(Set(result.texts("dataset")) == ["teaching R2018", "teaching R2019", "teaching R2020", "teaching R2021"])
        let mixed = try session.result(of: "trend Skole for Korsbæk on R2020, B2021")
        #expect(Set(mixed.texts("dataset")) == ["teaching R2020", "teaching B2021"])
    }

    @Test func fixedPricesFollowTheIndexChosen() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2019, R2020")
        let current = try session.result(of: "trend Skole for Korsbæk")
        let state = try session.result(of: "trend Skole for Korsbæk prices 2024 using state")
        #expect(state.texts("price_basis").allSatisfy { $0 == "2024 prices, state PL (Økonomistyrelsen)" })
        // The factor is the same for every municipality of a year: places do not move.
        #expect(state.column("place") == current.column("place"))
        let first = try #require(current.column("spending_kr").first?.amount)
        let fixed = try #require(state.column("spending_kr").first?.amount)
        #expect(fixed > first)
    }

    @Test(arguments: [
        ("trend Skole for Korsbæk on R2017, R2019", "R2017 is not loaded"),
        ("trend Skole for Korsbæk on R2020, B2020", "teaching R2020 and teaching B2020 are both for 2020"),
        ("trend Skole for Korsbæk prices 2024 using nothing.csv", "cannot read the price index 'nothing.csv'"),
        ("trend Skole for Korsbæk prices 2024 crosswalk nothing.csv", "cannot read the crosswalk 'nothing.csv'"),
        ("trend Skole for Holbæk", "Holbæk is not in teaching R2020"),
        ("trend Skole prices 1990", "the price index"),
    ])
    func mistakes(_ text: String, _ message: String) throws {
        let session = try makeSession()
        try session.outputs("load teaching R2019, R2020, B2020; use R2020")
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.contains(message), "\(failure.diagnostic.message)")
    }

    @Test func aTrendFollowsOneCollection() throws {
        let session = try makeSession()
        try session.outputs("load R2019; load teaching R2020")
        let failure = try #require(session.failure("trend 3.22.01 on R2019, R2020").error)
        #expect(failure.diagnostic.message == "a trend follows one collection; these are from real and teaching")
    }

    @Test func datasetsLoadedInFixedPricesAreNotRepricedTwice() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2019, R2020 prices 2024")
        let failure = try #require(session.failure("trend Skole for Korsbæk prices 2024").error)
        #expect(failure.diagnostic.message.hasPrefix("teaching R2019 was loaded in 2024 prices"))
        // Without prices, the trend shows them as loaded.
        #expect(try session.result(of: "trend Skole for Korsbæk").rows.isEmpty == false)
    }
}
