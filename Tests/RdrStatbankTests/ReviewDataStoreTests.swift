import Foundation
import RdrData
import RdrEngine
import Testing
@testable import RdrStatbank

/// Issue 7, data side: a missing art 0, duplicate price-index years, a store write that fails, and
/// where the store lives by default.
@Suite struct ReviewDataStoreTests {
    @Test func anArtZeroOfDotsIsNoFigure() {
        let dots: Double? = nil
        let figures = AccountsFigures(table: .regk31, values: [
            key(2023, 101, "32201", 1, "TOT", "LOBM"): 100, key(2023, 101, "32201", 1, "S0", "LOBM"): 10,
            key(2023, 147, "32201", 1, "TOT", "LOBM"): 100, key(2023, 147, "32201", 1, "S0", "LOBM"): dots,
        ])
        let net = figures.netOperating(year: 2023, municipalities: [101, 147]).net[fn("3.22.01")]
        #expect(net == [90, nil])
    }

    @Test func aPriceIndexYearGivenTwiceIsRefusedWithBothLines() {
        #expect(throws: DataError.damaged(file: "pl.csv", line: 4, reason: "2020 is given twice: lines 2 and 4")) {
            try PriceIndex.read(bytes: Array("year,index\n2020,100\n2024,120\n2020,90\n".utf8), name: "pl.csv")
        }
    }

    @Test func aWriteGivesTheSystemsReason() {
        #expect(throws: StoreError.io(path: "/dev/full", reason: "No space left on device")) {
            try LocalStore.write(Array(repeating: 1, count: 100_000), to: "/dev/full")
        }
    }

    @Test func aFullDiskNamesTheFileAndDatasetAndLeavesNoStagingFolder() throws {
        let root = StoreCommitTests.Root()
        try StoreCommitTests.old(root)
        let before = root.snapshot()
        let r2023 = LocalStore.Entry.accounts(DatasetID(kind: .accounts, year: 2023))
        let file = IncomingFile(table: .regk31, bytes: Array("new".utf8), origin: "imported from /home/x/regk31.csv",
                                query: nil)
        // Step 0 creates the staging folder, step 1 writes the file.
        var operations = LocalStore.Operations(failing: (step: 1, errno: ENOSPC))

        #expect(throws: StoreError.notKept(entry: "R2023", file: "/home/x/regk31.csv", reason: "No space left on device")) {
            try root.store.save([(r2023, [file])], received: StoreCommitTests.received, operations: &operations)
        }
        #expect(root.snapshot() == before, "\(root.snapshot().keys.sorted())")
        #expect(StoreError.notKept(entry: "R2023", file: "/home/x/regk31.csv", reason: "No space left on device").description
            == "cannot keep /home/x/regk31.csv as R2023 in the local store: No space left on device; the local store is unchanged")
    }

    @Test func aStagingFolderThatCannotBeMadeGivesTheSystemsReason() throws {
        let root = StoreCommitTests.Root()
        try FileManager.default.createDirectory(atPath: root.path, withIntermediateDirectories: true)
        // "accounts" is a file: no folder can be made in it.
        try Data("x".utf8).write(to: URL(fileURLWithPath: root.path + "/accounts"))
        let file = IncomingFile(table: .regk31, bytes: Array("new".utf8), origin: "imported from /home/x/regk31.csv",
                                query: nil)

        #expect(throws: StoreError.io(path: root.path + "/accounts", reason: "cannot create a folder there (Not a directory)")) {
            try root.store.save(.accounts(DatasetID(kind: .accounts, year: 2023)), files: [file])
        }
    }

    @Test func theDefaultStoreIgnoresRelativeXDGValuesAndNeedsAHome() {
        #expect(LocalStore.defaultRoot(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"], home: "/p") == "/d/rdr")
        #expect(LocalStore.defaultRoot(environment: ["XDG_DATA_HOME": "data", "HOME": "/h"], home: "/p")
            == "/h/.local/share/rdr")
        #expect(LocalStore.defaultRoot(environment: [:], home: "/p") == "/p/.local/share/rdr")
        #expect(LocalStore.defaultRoot(environment: ["HOME": "h"], home: nil) == nil)
        #expect(LocalStore.defaultRoot(environment: [:], home: nil) == nil)
    }
}
