import RdrData
import RdrEngine
import Testing

/// The error `body` throws, or nil when it returns.
private func dataError<T>(_ body: () throws -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DataError? {
    do {
        _ = try body()
        return nil
    } catch let error as DataError {
        return error
    } catch {
        Issue.record("not a DataError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

@Suite("State PL (Økonomistyrelsen) and year,pct_change indices")
struct StatePLTests {
    @Test func theFactorFrom2019To2024IsTheProductOfTheRowsAfter2019() throws {
        // state_pl_oes.csv: 2020 1.1, 2021 1.2, 2022 4.3, 2023 2.5, 2024 4.0 (% change from the year before).
        let index = try PriceIndex.statePL()
        let byHand = 1.011 * 1.012 * 1.043 * 1.025 * 1.040  // 1.137557036616
        #expect(abs(try index.factor(from: 2019, to: 2024).value - byHand) < 1e-12)
        #expect(abs(byHand - 1.137557036616) < 1e-12)
        // 2025's row is 2.8: one step.
        #expect(abs(try index.factor(from: 2024, to: 2025).value - 1.028) < 1e-12)
        // Backwards is the inverse.
        #expect(abs(try index.factor(from: 2024, to: 2019).value - 1 / byHand) < 1e-12)
    }

    @Test func itIsLabelledTheStatesPLNeverJustPL() throws {
        let index = try PriceIndex.statePL()
        #expect(index.label == "state PL (Økonomistyrelsen)")
        #expect(PriceIndex.statePLLabel == index.label)
        let prices = try index.fixedPrices(in: 2024, for: [2019])
        #expect(prices.priceBasis == "2024 prices, state PL (Økonomistyrelsen)")
    }

    @Test func theChainStartsTheYearBeforeItsFirstChange() throws {
        // The first row, 1992, is the change from 1991: 1991 = 100, and 1992 = 102.5.
        let index = try PriceIndex.statePL()
        #expect(index.values[1991] == 100)
        #expect(abs(index.values[1992]! - 102.5) < 1e-12)
        #expect(index.values.keys.sorted() == Array(1991...2025))
        // All 34 rows chained: 202.02 in 2025 (worked with exact fractions).
        #expect(abs(index.values[2025]! - 202.01971744703516) < 1e-9)
    }

    @Test func fixedPricesGiveAFactorPerYear() throws {
        let index = try PriceIndex.statePL()
        let prices = try index.fixedPrices(in: 2024, for: [2022, 2023, 2024])
        #expect(prices.year == 2024)
        #expect(prices.factors.keys.sorted() == [2022, 2023, 2024])
        #expect(abs(prices.factors[2023]!.value - 1.040) < 1e-12)
        #expect(abs(prices.factors[2022]!.value - 1.025 * 1.040) < 1e-12)
        #expect(prices.factors[2024]?.value == 1)
    }

    @Test func aYearTheIndexLacksIsNamedWithTheYearsItCovers() {
        let error = dataError { try PriceIndex.statePL().fixedPrices(in: 2024, for: [1990, 2000]) }
        #expect(error?.description == "the price index state PL (Økonomistyrelsen) has no figure for 1990; it covers 1991-2025")
        let target = dataError { try PriceIndex.statePL().fixedPrices(in: 2030, for: [2020]) }
        #expect(target?.description == "the price index state PL (Økonomistyrelsen) has no figure for 2030; it covers 1991-2025")
        let holes = dataError {
            try PriceIndex.read(bytes: Array("year,index\n2015,100\n2016,101\n2018,103\n".utf8), name: "pl.csv")
                .fixedPrices(in: 2018, for: [2017])
        }
        #expect(holes?.description == "the price index PL-adjusted (pl.csv) has no figure for 2017; it covers 2015-2016, 2018")
    }

    @Test func aUsersFileOfPercentChangesIsChained() throws {
        let index = try PriceIndex.read(bytes: Array("year,pct_change\n2021,-5\n2020,10\n".utf8), name: "kl.csv")
        #expect(index.label == "PL-adjusted (kl.csv)")
        // 2019 = 100, 2020 = 110, 2021 = 110 × 0.95 = 104.5.
        #expect(abs(try index.factor(from: 2019, to: 2021).value - 1.045) < 1e-12)
        #expect(abs(try index.factor(from: 2020, to: 2021).value - 0.95) < 1e-12)
    }

    @Test(arguments: [
        ("year,pct_change\n2020,1\n2022,1\n",
         "kl.csv:3: the changes jump from 2020 to 2022: a chain of % changes cannot skip 2021"),
        ("year,pct_change\n2020,1\n2020,2\n", "kl.csv:3: 2020 is given twice: lines 2 and 3"),
        ("year,pct_change\n2020,-100\n", "kl.csv:2: '-100' is not a % change (a number above -100)"),
        ("year,pct_change\n2020,nan\n", "kl.csv:2: 'nan' is not a % change (a number above -100)"),
        ("year,pct_change\n2020,\n", "kl.csv:2: '' is not a % change (a number above -100)"),
        ("year,pct_change\n", "kl.csv:1: no % changes after the header"),
        ("year,value\n2020,1\n",
         "kl.csv:1: no column 'index' or 'pct_change': a price index is year,index or year,pct_change (the % change from the year before)"),
    ])
    func aBadFileOfPercentChangesIsRefused(_ text: String, _ message: String) {
        let error = dataError { try PriceIndex.read(bytes: Array(text.utf8), name: "kl.csv") }
        #expect(error?.description == message)
    }
}

@Suite("Crosswalk files")
struct CrosswalkReaderTests {
    private func code(_ text: String) -> FunctionCode { FunctionCode(text)! }

    @Test func rowsOfOneOldFunctionBecomeOneLink() throws {
        let text = "old,new,from\n5.32.32,5.38.42,2018\n5.32.32,5.30.27,2018\n32201,3.22.02,2020\r\n"
        let crosswalk = try Crosswalk.read(bytes: Array(text.utf8), name: "kontoplan.csv")
        #expect(crosswalk.name == "kontoplan.csv")
        #expect(crosswalk.links == [
            .init(old: code("5.32.32"), new: [code("5.30.27"), code("5.38.42")], from: 2018),
            .init(old: code("3.22.01"), new: [code("3.22.02")], from: 2020),
        ])
    }

    @Test func theColumnsMayComeInAnyOrder() throws {
        let crosswalk = try Crosswalk.read(bytes: Array("from,new,old\n2018,5.30.27,5.32.32\n".utf8), name: "c.csv")
        #expect(crosswalk.links == [.init(old: code("5.32.32"), new: [code("5.30.27")], from: 2018)])
    }

    @Test(arguments: [
        ("old,new,from\n5.32.32,5.30.27,2018\n5.3232,5.38.42,2018\n",
         "c.csv:3: '5.3232' in column old is not a function code (write it as 5.32.32)"),
        ("old,new,from\n5.32.32,Pleje,2018\n", "c.csv:2: 'Pleje' in column new is not a function code (write it as 5.32.32)"),
        ("old,new,from\n5.32.32,5.30.27,18\n",
         "c.csv:2: '18' in column from is not a year (the first year of the new chart, e.g. 2018)"),
        ("old,new,from\n5.32.32,5.30.27,2018x\n", "c.csv:2: '2018x' in column from is not a year (the first year of the new chart, e.g. 2018)"),
        ("old,new,from\n5.32.32,5.30.27,2018\n5.32.32,5.38.42,2019\n",
         "c.csv:3: 5.32.32 moves from 2018 on line 2 but from 2019 here; a function moves in one year"),
        ("old,new,from\n5.32.32,5.32.32,2018\n",
         "c.csv:2: 5.32.32 is mapped to itself; a row names a new function that holds tasks of the old one"),
        ("old,new,from\n5.32.32,5.30.27,2018\n5.32.32,5.30.27,2018\n",
         "c.csv:3: 5.32.32 → 5.30.27 is given twice: lines 2 and 3"),
        ("old,new,from\n", "c.csv:1: no rows after the header; a crosswalk has a row old,new,from for each new function"),
        ("old,new\n5.32.32,5.30.27\n", "c.csv:1: no column 'from'"),
        ("old,new,from\n5.32.32,5.30.27\n", "c.csv:2: 2 fields where the header has 3"),
        ("", "c.csv:1: the file is empty"),
    ])
    func aBadRowIsRefusedWithItsLine(_ text: String, _ message: String) {
        let error = dataError { try Crosswalk.read(bytes: Array(text.utf8), name: "c.csv") }
        #expect(error?.description == message)
    }
}
