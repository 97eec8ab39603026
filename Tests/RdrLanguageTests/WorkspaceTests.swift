import Foundation
import RdrReport
import Testing
@testable import RdrLanguage
import RdrEngine

/// Several datasets at once: loading spans and lists, the current one, `use`, `on`, and compare.
@Suite struct WorkspaceTests {
    @Test func aSpanLoadsEveryYearAndTheLastIsCurrent() throws {
        let session = try makeSession()
        let messages = try session.outputs("load teaching R2018..R2020").compactMap(\.message)
        #expect(session.workspace.map(\.name) == ["teaching R2018", "teaching R2019", "teaching R2020"])
        #expect(session.dataset?.name == "teaching R2020")
        #expect(messages.last?.hasPrefix("Loaded 3 datasets (R2018, R2019, R2020)") == true)
        let listing = try session.result(of: "datasets")
        #expect(listing.texts("status").filter { $0 == "loaded" }.count == 2)
        #expect(listing.texts("status").filter { $0 == "current" }.count == 1)
        try session.outputs("use R2019")
        #expect(session.dataset?.name == "teaching R2019")
        #expect(session.workspace.count == 3)
    }

    @Test func aReloadReplacesTheDatasetInPlace() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2019, R2020; load teaching R2019 prices 2024")
        #expect(session.workspace.map(\.name) == ["teaching R2019", "teaching R2020"])
        #expect(session.workspace[0].provenance.priceBasis.hasPrefix("2024 prices"))
    }

    @Test func aStatementRunsOnTheDatasetItNames() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2018..R2020")
        let on2018 = try session.result(of: "rank Skole on R2018")
        #expect(on2018.title.contains("teaching R2018"))
        #expect(session.dataset?.name == "teaching R2020")  // `on` does not change the current one
        let current = try session.result(of: "rank Skole")
        #expect(current.column("kr_per_person") != on2018.column("kr_per_person"))
    }

    @Test func accountsAndBudgetsSideBySide() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2024, B2025")
        let budget = try session.result(of: "gap Korsbæk to 40 in Skole on B2025")
        let accounts = try session.result(of: "gap Korsbæk to 40 in Skole on R2024")
        #expect(budget.title.hasSuffix("teaching B2025") && accounts.title.hasSuffix("teaching R2024"))
        #expect(budget.column("value") != accounts.column("value"))
    }

    @Test func theCollectionDecidesWhenTwoHoldTheSameYear() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2024; load R2024")
        #expect(try session.result(of: "rank 3.22.01 on R2024").title.hasSuffix("R2024 (place 1 = lowest)"))
        #expect(try session.result(of: "rank 3.22.01 on teaching R2024").title.contains("teaching R2024"))
    }

    @Test(arguments: [
        ("rank Skole on R2017", "R2017 is not loaded (loaded: teaching R2018, teaching R2019); load R2017 first", 15),
        ("rank Skole on R2018, R2019", "this runs on one dataset; trend follows several", 15),
        ("use real R2018", "real R2018 is not loaded (loaded: teaching R2018, teaching R2019); load real R2018 first", 10),
        ("compare Korsbæk with group Byer", "no DST group 'Byer'", 22),
        ("rank Skole average mean", "average chooses how regions and groups are averaged; add with regions or with groups", 20),
    ])
    func mistakesInTheWorkspacePointAtTheirWord(_ text: String, _ message: String, _ column: Int) throws {
        let session = try makeSession()
        try session.outputs("load teaching R2018, R2019")
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.hasPrefix(message))
        #expect(failure.diagnostic.range?.start.column == column)
    }

    @Test func compareWithAGroupTakesItsMunicipalitiesAndNotTheMunicipalityItself() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2024")
        let korsbaek = try #require(session.dataset?.municipalities.first { $0.name == "Korsbæk" })
        let sameGroup = session.dataset!.municipalities.filter { $0.group == korsbaek.group && $0 != korsbaek }
        let result = try session.result(of: "compare Korsbæk with group in Skole")
        #expect(result.texts("role").filter { $0 == "peer" }.count == sameGroup.count)
        #expect(result.texts("role").suffix(3) == ["country", "region", "DST group"])
        // Every area: a column per peer and per level.
        let wide = try session.result(of: "compare Korsbæk with Bjergsted, Ravby, Bjergsted")
        #expect(wide.rows.count == session.areas.count)
        #expect(wide.columns.map(\.key).contains("kr_per_person_ravby"))
        #expect(wide.columns.filter { $0.key == "kr_per_person_bjergsted" }.count == 1)
    }

    @Test func theIndexOfTheCountryIsAHundred() throws {
        let session = try makeSession()
        try session.outputs("load R2024")
        let result = try session.result(of: "compare Holbæk with Roskilde in 3.22.01 average median")
        let country = try #require(result.texts("role").firstIndex(of: "country"))
        #expect(result.column("index")[country] == .amount(100))
        #expect(result.texts("role").contains("region, median"))
        #expect(result.notes.contains { $0.contains("OMRÅDE 0") })
    }
}

extension WorkspaceTests {
    @Test func keptResultsKeepTheirComputation() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2019, R2020; let s = rank Skole; let t = trend Skole for Korsbæk; compare Korsbæk in Skole")
        let kept = Dictionary(session.results.map { ($0.name, $0.result.analysis) }, uniquingKeysWith: { $1 })
        guard case .ranking(let ranking)? = kept["s"] else { Issue.record("s is not a ranking"); return }
        #expect(ranking.entries.count == 98)
        guard case .trend? = kept["t"] else { Issue.record("t is not a trend"); return }
        guard case .comparison(let comparison)? = kept["_"] else { Issue.record("_ is not a comparison"); return }
        #expect(comparison.members[0].municipality.name == "Korsbæk")
    }
}

extension WorkspaceTests {
    @Test func gapToSeveralPlacesAndToAMunicipality() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2024")
        let all = try session.result(of: "gap Korsbæk to 25, 40, median")
        for (key, place) in [("mulighedsrum_kr_to_place_25", "25"), ("mulighedsrum_kr_to_place_40", "40"),
                             ("mulighedsrum_kr_to_median", "median")] {
            let alone = try session.result(of: "gap Korsbæk to \(place)")
            #expect(all.column(key) == alone.column("mulighedsrum_kr"), "\(key)")
        }
        let named = try session.result(of: "gap Korsbæk to Bjergsted in Skole")
        #expect(named.title.hasPrefix("Mulighedsrum: Korsbæk to place 33 in Skole"))
        let rows = try session.result(of: "gap Korsbæk to 10, Bjergsted, median in Skole")
        #expect(rows.rows.count == 3)
        let failure = try #require(session.failure("gap Korsbæk to Nowhere in Skole").error)
        #expect(failure.diagnostic.message.hasPrefix("unknown municipality 'Nowhere'"))
        #expect(failure.diagnostic.range?.start.column == 16)
    }
}
