import Foundation
import RdrEngine
import RdrReport
import Testing
@testable import RdrStatbank

/// The local store's commit: whole or not at all even when the process is killed at any step,
/// leftovers of killed saves removed, damage shown as damage.
@Suite struct StoreCommitTests {
    /// A fresh store root under the temporary directory.
    final class Root {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-store-\(UUID().uuidString)").path
        var store: LocalStore { LocalStore(root: path) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        /// Every file under the root by relative path (folders as empty data).
        func snapshot() -> [String: Data] {
            var result: [String: Data] = [:]
            guard let walker = FileManager.default.enumerator(atPath: path) else { return result }
            for case let relative as String in walker {
                var folder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &folder)
                result[relative] = folder.boolValue ? Data() : FileManager.default.contents(atPath: path + "/" + relative)
            }
            return result
        }
    }

    static let received = Date(timeIntervalSince1970: 1_700_000_000)
    static func file(_ table: StatbankTable, _ text: String) -> IncomingFile {
        IncomingFile(table: table, bytes: Array(text.utf8), origin: "imported from /test", query: nil)
    }

    static let r2022 = LocalStore.Entry.accounts(DatasetID(kind: .accounts, year: 2022))
    static let r2023 = LocalStore.Entry.accounts(DatasetID(kind: .accounts, year: 2023))

    /// The store before: R2023 and the population of 2023.
    static func old(_ root: Root) throws {
        try root.store.save([(r2023, [file(.regk31, "old accounts")]), (.population(year: 2023), [file(.folk1a, "old people")])],
                            received: received)
    }

    /// A two-year import: R2022 new, R2023 replaced.
    static let twoYears = [(r2022, [file(.regk31, "new accounts")]), (r2023, [file(.regk31, "new accounts")])]

    @Test func aSaveKilledAtAnyStepIsWholeOrNothingOnceTheStoreIsUsedAgain() throws {
        let reference = Root()
        try Self.old(reference)
        let before = reference.snapshot()
        var operations = LocalStore.Operations()
        try reference.store.save(Self.twoYears, received: Self.received, operations: &operations)
        let after = reference.snapshot()
        let steps = operations.count
        #expect(steps >= 10)  // staging (2 × folder, file, manifest), journal (2), moves (3), journal gone, old gone
        #expect(before != after)

        var outcomes: [String] = []
        for kill in 0..<steps {
            let root = Root()
            try Self.old(root)
            var killing = LocalStore.Operations(killBefore: kill)
            #expect(throws: StoreError.self) {
                try root.store.save(Self.twoYears, received: Self.received, operations: &killing)
            }
            #expect(killing.killed)
            // The next rdr: any use of the store recovers.
            _ = root.store.datasets
            let now = root.snapshot()
            #expect(now == before || now == after, "killed before step \(kill): \(now.keys.sorted())")
            outcomes.append(now == before ? "old" : "new")
        }
        // Old until the journal is in place, new from then on; never anything between.
        #expect(outcomes.first == "old" && outcomes.last == "new")
        #expect(outcomes == outcomes.sorted { $0 == "old" && $1 == "new" })
    }

    @Test func leftoversOfKilledSavesAreRemoved() throws {
        let root = Root()
        try Self.old(root)
        let before = root.snapshot()
        for leftover in ["accounts/.incoming-1", "population/.previous-2", "accounts/.previous-3"] {
            try FileManager.default.createDirectory(atPath: root.path + "/" + leftover, withIntermediateDirectories: true)
            try Data("6 MB".utf8).write(to: URL(fileURLWithPath: root.path + "/" + leftover + "/regk31-1.csv"))
        }
        try Data("{".utf8).write(to: URL(fileURLWithPath: root.path + "/.commit.tmp-4"))

        #expect(root.store.datasets == [DatasetID(kind: .accounts, year: 2023)])
        #expect(root.snapshot() == before)
    }

    @Test func aTruncatedManifestIsDamageNotAbsence() throws {
        let root = Root()
        try Self.old(root)
        let manifest = root.path + "/accounts/R2023/manifest.json"
        let whole = try #require(FileManager.default.contents(atPath: manifest))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: manifest))

        #expect(root.store.datasets == [DatasetID(kind: .accounts, year: 2023)])
        #expect(root.store.state(Self.r2023) == .damaged("its manifest.json is cut short or not a manifest"))
        #expect(root.store.damage(Self.r2023) == "its manifest.json is cut short or not a manifest")
        do {
            _ = try root.store.files(Self.r2023)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("is damaged: its manifest.json is cut short"), "\(error)")
            #expect(!error.description.contains("not in the store"))
        }
        #expect(root.store.damage(.population(year: 2023)) == nil)
    }

    @Test func aFileOfTheWrongSizeIsDamage() throws {
        let root = Root()
        try Self.old(root)
        try Data("old".utf8).write(to: URL(fileURLWithPath: root.path + "/accounts/R2023/regk31-1.csv"))
        #expect(root.store.damage(Self.r2023) == "regk31-1.csv has the wrong size")
    }

    @Test func forgetLeavesNoHalfEntry() throws {
        let root = Root()
        try Self.old(root)
        #expect(try root.store.forget(Self.r2023))
        #expect(root.store.state(Self.r2023) == .absent)
        #expect(root.snapshot().keys.allSatisfy { !$0.contains(".previous-") })
    }
}
