import Glibc
import Testing
@testable import RdrEngine
import RdrReport

/// Invented municipalities for the peer model, small enough to work out by hand. Ages are kept
/// in three single years: children at age 0, adults at age 30 and the old in the open band 65+
/// (index 65), so that 0-5 = children, 65+ = the old.
///
/// | kommune | group | inhabitants     | 0-5 | 65+  | share 0-5 | share 65+ |
/// |---------|-------|-----------------|-----|------|-----------|-----------|
/// | Ager    | Land  | 1000 = 1000·2⁰  | 100 | 200  | 0.1       | 0.2       |
/// | Dal     | By    | 2000 = 1000·2¹  | 200 | 0    | 0.1       | 0.0       |
/// | Bakke   | By    | 2000 = 1000·2¹  | 200 | 800  | 0.1       | 0.4       |
/// | Skov    | Land  | 4000 = 1000·2²  | 400 | 800  | 0.1       | 0.2       |
/// | Tomby   | Land  | 0               | –   | –    | –         | –         |
///
/// Size: ln(1000·2ᵏ) = ln 1000 + k·ln 2 with k = 0, 1, 1, 2 (Tomby has no inhabitants and is
/// left out, so n = 4). mean k = 1, so mean size = ln 2000; deviations in k −1, 0, 0, 1, variance
/// (1 + 0 + 0 + 1) ÷ 4 = 0.5, so sd = ln 2 · √0.5 and z(size) = deviation in k ÷ √0.5:
/// Ager −√2, Dal 0, Bakke 0, Skov +√2.
/// 65+: mean (0.2 + 0 + 0.4 + 0.2) ÷ 4 = 0.2; deviations 0, −0.2, 0.2, 0; variance
/// (0.04 + 0.04) ÷ 4 = 0.02, sd = √0.02; z(65+): Ager 0, Dal −√2, Bakke +√2, Skov 0.
/// 0-5 is 0.1 everywhere: sd 0.
enum PeerFixture {
    static let ager = Municipality(code: 4001, name: "Ager", region: "Region Opdigtet", group: "Land")
    static let dal = Municipality(code: 4002, name: "Dal", region: "Region Opdigtet", group: "By")
    static let bakke = Municipality(code: 4003, name: "Bakke", region: "Region Opdigtet", group: "By")
    static let skov = Municipality(code: 4004, name: "Skov", region: "Region Opdigtet", group: "Land")
    static let tomby = Municipality(code: 4005, name: "Tomby", region: "Region Opdigtet", group: "Land")

    /// Children at age 0, adults at 30, the old at 65+.
    static func ages(children: Int, adults: Int, old: Int) -> [Int] {
        var ages = Array(repeating: 0, count: 66)
        ages[0] = children
        ages[30] = adults
        ages[65] = old
        return ages
    }

    /// Dal before Bakke on purpose: their tie is broken by name, not by the dataset's order.
    static let dataset = Fixture.dataset(
        municipalities: [ager, dal, bakke, skov, tomby],
        functions: ["5.38.50": "Botilbud til længerevarende ophold"],
        spending: ["5.38.50": [1, 1, 1, 1, nil]],
        totals: [1000, 2000, 2000, 4000, 0],
        byAge: [
            ages(children: 100, adults: 700, old: 200),
            ages(children: 200, adults: 1800, old: 0),
            ages(children: 200, adults: 1000, old: 800),
            ages(children: 400, adults: 2800, old: 800),
            [],
        ])

    static let size = PeerVariable.size
    static let old = PeerVariable.share(.ages(lower: 65, upper: nil))
    static let children = PeerVariable.share(.ages(lower: 0, upper: 5))
}

@Suite struct PeersTests {
    typealias F = PeerFixture

    func peers(_ terms: [PeerModel.Term], of municipality: Municipality = F.ager, count: Int? = 5,
               sameGroup: Bool = false) throws -> Peers {
        try Peers.compute(of: municipality, in: F.dataset, model: PeerModel(terms), count: count, sameGroup: sameGroup)
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    @Test func theDistanceWorkedOutByHand() throws {
        let result = try peers([.init(F.size), .init(F.old)])
        // Standardised over the 4 with inhabitants; Tomby is left out of everything.
        #expect(result.profiles.map(\.municipality) == [F.ager, F.dal, F.bakke, F.skov])
        #expect(result.absent.map(\.municipality) == [F.tomby])
        #expect(result.absent.map(\.reason) == [.noInhabitants])
        let (size, old) = (result.statistics[0], result.statistics[1])
        #expect(close(size.mean, log(2000.0)))
        #expect(close(size.sd, log(2.0) * 0.5.squareRoot()))
        #expect(close(old.mean, 0.2))
        #expect(close(old.sd, 0.02.squareRoot()))
        #expect(result.own.counts == [1000, 200])
        #expect(close(result.own.values[1], 0.2))
        #expect(close(result.own.z[0]!, -2.0.squareRoot()))
        #expect(close(result.own.z[1]!, 0))

        // From Ager: Bakke Δz = (√2, √2): terms (2, 2), d² = 4, d = 2, 50 % each.
        // Dal Δz = (√2, −√2): the same d = 2. Skov Δz = (2√2, 0): terms (8, 0), d = 2√2, 100 % size.
        // Bakke and Dal tie at 2: by name, Bakke first.
        #expect(result.nearest == [F.bakke, F.dal, F.skov])
        let bakke = result.ranked[0], dal = result.ranked[1], skov = result.ranked[2]
        #expect(close(bakke.differences[0], 2.0.squareRoot()) && close(bakke.differences[1], 2.0.squareRoot()))
        #expect(close(bakke.terms[0], 2) && close(bakke.terms[1], 2))
        #expect(close(bakke.distance, 2))
        #expect(close(bakke.contributions![0], 0.5) && close(bakke.contributions![1], 0.5))
        #expect(close(dal.differences[1], -2.0.squareRoot()))
        #expect(dal.squaredDistance == bakke.squaredDistance)  // exactly: the same figures, mirrored
        #expect(close(skov.distance, 2 * 2.0.squareRoot()))
        #expect(close(skov.contributions![0], 1) && skov.contributions![1] == 0)
        for candidate in result.ranked {
            #expect(close(candidate.contributions!.reduce(0, +), 1))
            #expect(candidate.municipality != F.ager)
        }
    }

    @Test func weightsChangeTheOrder() throws {
        // size 0.25, 65+ 1: Bakke 0.25·2 + 2 = 2.5, Dal 2.5, Skov 0.25·8 + 0 = 2: Skov is now nearest.
        let result = try peers([.init(F.size, weight: 0.25), .init(F.old)])
        #expect(result.nearest == [F.skov, F.bakke, F.dal])
        #expect(close(result.ranked[0].squaredDistance, 2))
        #expect(close(result.ranked[1].squaredDistance, 2.5))
        // Bakke's d² = 0.5 + 2: size 20 %, 65+ 80 %.
        #expect(close(result.ranked[1].contributions![0], 0.2) && close(result.ranked[1].contributions![1], 0.8))
        // A weight of 0 shows the variable but counts it for nothing: Skov (only size apart) is at 0.
        let ageOnly = try peers([.init(F.size, weight: 0), .init(F.old)])
        #expect(ageOnly.nearest == [F.skov, F.bakke, F.dal])
        #expect(ageOnly.ranked[0].squaredDistance == 0)
        #expect(ageOnly.ranked[0].contributions == nil)
    }

    @Test func aVariableWithoutSpreadContributesNothing() throws {
        let with = try peers([.init(F.size), .init(F.children), .init(F.old)])
        let without = try peers([.init(F.size), .init(F.old)])
        #expect(with.statistics[1].sd == 0 && !with.statistics[1].separates)
        #expect(with.own.z[1] == nil)
        #expect(with.nearest == without.nearest)
        for (a, b) in zip(with.ranked, without.ranked) {
            #expect(a.squaredDistance == b.squaredDistance)
            #expect(a.differences[1] == 0 && a.contributions![1] == 0)
        }
    }

    @Test func inItsGroupOnly() throws {
        // Ager is "Land": Skov is its only candidate (Tomby has no inhabitants); standardised over all 4.
        let result = try peers([.init(F.size), .init(F.old)], count: nil, sameGroup: true)
        #expect(result.nearest == [F.skov])
        #expect(result.profiles.count == 4)
        #expect(close(result.ranked[0].distance, 2 * 2.0.squareRoot()))
        // Bakke's group is "By": Dal at d² = 0 + (−√2 − √2)² = 8.
        let bakke = try peers([.init(F.size), .init(F.old)], of: F.bakke, count: nil, sameGroup: true)
        #expect(bakke.nearest == [F.dal])
        #expect(close(bakke.ranked[0].squaredDistance, 8))
    }

    @Test func topCutsTheRankedList() throws {
        let result = try peers([.init(F.size), .init(F.old)], count: 2)
        #expect(result.nearest == [F.bakke, F.dal])
        #expect(result.ranked.count == 3)
        let more = try peers([.init(F.size), .init(F.old)], count: 10)
        #expect(more.count == 3 && more.requested == 10)
    }

    @Test func theDefaultModelOnTotalsOnlyKeepsSize() throws {
        // The snapshot fixture has population totals only (3380, 6760, 1700).
        let result = try Peers.compute(of: Fixture.aaby, in: Fixture.snapshot, leaveOutWhatTheDataLacks: true)
        #expect(result.model.variables == [.size])
        #expect(result.omitted == PeerModel.standard.variables.filter(\.needsAges))
        // ln 1700 is nearer ln 3380 than ln 6760 is: ln(3380/1700) ≈ 0.687 < ln(6760/3380) ≈ 0.693.
        #expect(result.nearest == [Fixture.damsoe, Fixture.boegelund])
        // Named, an age variable is an error that says which one.
        let error = #expect(throws: PeerError.self) {
            try Peers.compute(of: Fixture.aaby, in: Fixture.snapshot,
                              model: PeerModel([.init(.size), .init(.share(.ages(lower: 65, upper: nil)))]))
        }
        #expect(error == .variableNeedsAges(variable: .share(.ages(lower: 65, upper: nil)), position: 1, dataset: "R2020"))
    }

    @Test func modelsThatMeasureNothingAreRefused() {
        #expect(throws: PeerError.noWeight) { try peers([.init(F.size, weight: 0)]) }
        #expect(throws: PeerError.noWeight) { try peers([]) }
        #expect(throws: PeerError.badWeight(variable: .size, position: 0)) { try peers([.init(F.size, weight: -1)]) }
        #expect(throws: PeerError.badWeight(variable: F.old, position: 1)) {
            try peers([.init(F.size), .init(F.old, weight: .nan)])
        }
        #expect(throws: PeerError.repeatedVariable(variable: .size, position: 1)) {
            try peers([.init(F.size), .init(F.size, weight: 2)])
        }
    }

    @Test func aMunicipalityWithoutFiguresOrCandidates() {
        #expect(throws: PeerError.noFigures(municipality: "Tomby", dataset: "teaching R2020", needsAges: false)) {
            try peers([.init(F.size)], of: F.tomby)
        }
        let alone = Fixture.dataset(
            municipalities: [F.ager, F.dal], functions: [:], spending: [:], totals: [1000, 2000], byAge: nil)
        #expect(throws: PeerError.noCandidates(municipality: "Ager", group: "Land")) {
            try Peers.compute(of: F.ager, in: alone, model: PeerModel([.init(.size)]), sameGroup: true)
        }
    }

    @Test func theReportSaysWhatTheNumbersCannot() throws {
        let result = try peers([.init(F.size), .init(F.children), .init(F.old)], count: 10).resultSet()
        #expect(result.title == "Peers of Ager: the 3 nearest on size, 0-5, 65+, teaching R2020")
        #expect(result.texts("peer") == ["Bakke", "Dal", "Skov"])
        // Size's share of d²: 2 ÷ 4, 2 ÷ 4 and 8 ÷ 8, as worked out above.
        let shares = result.column("share_of_d2_size").map { value -> Double in
            if case .amount(let amount) = value { return amount }
            return -1
        }
        #expect(zip(shares, [50.0, 50, 100]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(shares)")
        #expect(result.notes.contains("0-5 is the same in every municipality (sd 0): it contributes nothing."))
        #expect(result.notes.contains("Equally near: Bakke, Dal (in order of name)."))
        #expect(result.notes.contains("Only 3 candidates: all are shown."))
        #expect(result.notes.contains("Not among the 4: Tomby (no inhabitants)."))
        #expect(result.notes.contains("1 of the 3 is in Ager's own DST group (Land): Skov; peers Ager in group keeps to it."))
        #expect(result.notes[0].contains("standardised over the 4 municipalities with inhabitants"))
        #expect(result.footer[0][result.columns.firstIndex { $0.key == "inhabitants" }!] == .integer(1000))

        // Weight 0 on size: Skov differs from Ager in size only, so it is at distance 0.
        let same = try peers([.init(F.size, weight: 0), .init(F.old)]).resultSet()
        #expect(same.texts("peer").first == "Skov")
        #expect(same.column("share_of_d2_65_plus").first == .unavailable("same figures"))
        #expect(same.notes.contains("size has weight 0: shown, but it counts for nothing."))
        #expect(same.notes.contains("Skov has the same figures as Ager on every variable (distance 0)."))
        #expect(same.provenance?.invented == true)
        #expect(same.provenance?.definition.hasPrefix("peer model: size = ln(inhabitants) ×0, share aged 65+ ×1") == true)
    }
}

private extension ResultSet {
    func column(_ key: String) -> [Value] {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { $0[index] }
    }

    func texts(_ key: String) -> [String] {
        column(key).compactMap { if case .text(let text) = $0 { text } else { nil } }
    }
}
