import Foundation
import RdrReport
import Testing
@testable import RdrLanguage
import RdrEngine

/// `peers` in a session: its grammar and mistakes, the real snapshot's size-only model, kept
/// results, and the peers `compare … with` takes.
@Suite struct PeersSessionTests {
    @Test(arguments: [
        ("peers Korsbæk", "peers Korsbæk"),
        ("peers Korsbæk top 8", "peers Korsbæk top 8"),
        ("peers Korsbæk by size 2, 65+, 80+ 0.5", "peers Korsbæk by size 2.0, 65+, 80+ 0.5"),
        ("PEERS Korsbæk IN GROUP", "peers Korsbæk in group"),
        // by, top and in group in any order, on last.
        ("peers Korsbæk in group top 3 by 0-5 on R2020", "peers Korsbæk by 0-5 top 3 in group on R2020"),
        ("let p = peers Korsbæk by 18-64 0, size", "let p = peers Korsbæk by 18-64 0.0, size"),
        ("compare Korsbæk with peers, Ravby in Skole", "compare Korsbæk with peers, Ravby in area:Skole"),
    ])
    func theGrammar(_ text: String, _ expected: String) throws {
        #expect(try shape(text) == expected)
    }

    @Test(arguments: [
        ("peers Korsbæk by size -1", "a weight is 0 or more: size cannot count less than nothing", span(1, 23, 24)),
        ("peers Korsbæk by size 1.2.3", "the weight of size is a number from 0 to 1000, such as 2 or 0.5; '1.2.3' is not",
         span(1, 23, 28)),
        ("peers Korsbæk by 65+ 1001", "the weight of 65+ is a number from 0 to 1000, such as 2 or 0.5; '1001' is not",
         span(1, 22, 26)),
        ("peers Korsbæk by income", "expected a variable after 'by': size (ln of the inhabitants) or an age band whose "
         + "share of the inhabitants counts, such as 0-5 or 65+, found 'income'", span(1, 18, 24)),
        ("peers Korsbæk by siez", "; did you mean size?", span(1, 18, 22)),
        ("peers Korsbæk top 0", "a number of rows is a whole number from 1 to 9999; '0' is not", span(1, 19, 20)),
        ("peers Korsbæk by 65+ 80+", "separate the variables with commas, as in 65+, 80+", span(1, 22, 25)),
        ("peers Korsbæk by size 0, 65+ 0", "every weight is 0, so nothing measures the distance", span(1, 18, 31)),
        ("peers Korsbæk by size, size", "size is named twice", span(1, 24, 28)),
        ("peers Korsbæk top 3 top 4", "'top' is given twice", span(1, 21, 24)),
        ("peers Korsbæk in region", "expected 'group' after 'in'", span(1, 18, 24)),
        ("peers by size", "expected a municipality before 'by', as in peers Korsbæk by …", span(1, 7, 9)),
    ])
    func mistakesInTheStatement(_ text: String, _ message: String, _ range: SourceRange) throws {
        let error = try #require(syntaxError(text))
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.range == range, "\(text)")
    }

    @Test func theTeachingDataHasEveryVariable() throws {
        let session = try makeSession(format: .csv)
        try session.outputs("load teaching R2020")
        let result = try session.result(of: "peers Korsbæk")
        #expect(result.title == "Peers of Korsbæk: the 5 nearest on size, 0-5, 6-16, 18-64, 65+, 80+, teaching R2020")
        #expect(result.rows.count == 5)
        #expect(result.texts("dataset") == Array(repeating: "teaching R2020", count: 5))
        #expect(result.texts("municipality") == Array(repeating: "Korsbæk", count: 5))
        #expect(!result.texts("peer").contains("Korsbæk"))
        #expect(result.columns.filter { $0.key.hasPrefix("share_of_d2_") }.map(\.key) == [
            "share_of_d2_size", "share_of_d2_0_5", "share_of_d2_6_16", "share_of_d2_18_64", "share_of_d2_65_plus",
            "share_of_d2_80_plus",
        ])
        // Nearest first, and each row's shares of d² add up to 100 %.
        let distances = result.column("distance").compactMap(\.amount)
        #expect(distances == distances.sorted())
        for row in result.rows.indices {
            let shares = result.columns.indices.filter { result.columns[$0].key.hasPrefix("share_of_d2_") }
                .compactMap { result.rows[row][$0].amount }
            #expect(abs(shares.reduce(0, +) - 100) < 1e-9)
        }
        #expect(result.notes[0].contains("standardised over the 98 municipalities with inhabitants"))
        #expect(result.notes[0].contains("on 1 January 2020"))
        #expect(result.notes.contains("1 of the 5 is in Korsbæk's own DST group (Oplandskommuner): Elmekøping; peers Korsbæk in group keeps to it."))
        #expect(result.provenance?.invented == true)
        #expect(result.provenance?.definition.hasPrefix("peer model: size = ln(inhabitants) ×1, share aged 0-5 ×1") == true)
        #expect(result.captionLines.first?.hasPrefix("INVENTED FIGURES") == true)
    }

    @Test func weightsTopAndGroup() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let weighted = try session.result(of: "peers Korsbæk by size 2, 65+, 80+ 0.5 top 8")
        #expect(weighted.title == "Peers of Korsbæk: the 8 nearest on size ×2, 65+, 80+ ×0.5, teaching R2020")
        #expect(weighted.rows.count == 8)
        #expect(weighted.notes[0].contains("weights size 2, 65+ 1, 80+ 0.5"))
        let group = try session.result(of: "peers Korsbæk in group")
        #expect(group.title.hasPrefix("Peers of Korsbæk in its DST group (Oplandskommuner): all 23, nearest first,"))
        #expect(Set(group.texts("dst_group")) == ["Oplandskommuner"])
        #expect(group.rows.count == 23)  // every other municipality of the group
        #expect(try session.result(of: "peers Korsbæk in group top 3").rows.count == 3)
    }

    @Test func theSnapshotHasSizeOnly() throws {
        let session = try makeSession()
        try session.outputs("load R2024")
        let result = try session.result(of: "peers Holbæk")
        #expect(result.title == "Peers of Holbæk: the 5 nearest on size, R2024")
        #expect(result.columns.filter { $0.key.hasPrefix("share_of_d2_") }.map(\.key) == ["share_of_d2_size"])
        #expect(result.notes.contains(
            "Left out: 0-5, 6-16, 18-64, 65+, 80+ (shares by age): R2024 has population totals only; "
                + "fetch R2024 gets the population by age from Statistics Denmark."))
        #expect(result.provenance?.invented == false)
        // Size alone: the nearest have the closest number of inhabitants, in proportion.
        let own = 74_129.0  // Holbæk on 1 January 2024 in the snapshot
        let footer = try #require(result.footer.first)
        let inhabitants = try #require(result.columns.firstIndex { $0.key == "inhabitants" })
        #expect(footer[inhabitants] == .integer(Int(own)))
        let gaps = result.column("inhabitants").compactMap(\.amount).map { abs(log($0 / own)) }
        #expect(gaps == gaps.sorted())

        // Named, an age is an error at that word.
        let failure = try #require(session.failure("peers Holbæk by size, 65+").error)
        #expect(failure.diagnostic.message == "the share of 65+-year-olds needs population by age, but R2024 has "
                + "population totals only; leave it out, or use size; fetch R2024 gets the population by age from "
                + "Statistics Denmark")
        #expect(failure.diagnostic.range == span(1, 23, 26))
    }

    @Test func aKeptPeersResultFeedsCompare() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        let bound = try session.outputs("let p = peers Korsbæk").first?.message
        #expect(bound?.hasPrefix("p = Peers of Korsbæk: the 5 nearest") == true)
        let kept = try #require(session.results.last { $0.name == "p" }?.result.analysis)
        guard case .peers(let peers) = kept else { Issue.record("p is not a peers result"); return }
        #expect(peers.nearest.count == 5)

        let compared = try session.result(of: "compare Korsbæk with p in Skole")
        #expect(compared.texts("name").prefix(6) == ArraySlice(["Korsbæk"] + peers.nearest.map(\.name)))
        // On the fly, the same five.
        let fly = try session.result(of: "compare Korsbæk with peers in Skole")
        #expect(fly.texts("name") == compared.texts("name"))
        // Every area, a column each.
        let wide = try session.result(of: "compare Korsbæk with p")
        #expect(wide.columns.map(\.key).contains("kr_per_person_\(peers.nearest[0].name.lowercased())"))
        // And the method the drill-down uses.
        let dataset = try #require(session.dataset)
        let korsbaek = try #require(dataset.municipalities.first { $0.name == "Korsbæk" })
        #expect(try session.peerMunicipalities(named: nil, of: korsbaek, in: dataset) == peers.nearest)
        #expect(try session.peerMunicipalities(named: Located("p", span(1, 1, 2)), of: korsbaek, in: dataset) == peers.nearest)
    }

    @Test(arguments: [
        ("compare Korsbæk with s in Skole", "s holds Skole: kr. per 6-16-year-old, teaching R2020 (place 1 = lowest), "
         + "not the result of peers; make one with let NAME = peers Korsbæk", span(1, 22, 23)),
        ("compare Bjergsted with p in Skole", "p holds the peers of Korsbæk, not of Bjergsted; compare Korsbæk with p, "
         + "or compare Bjergsted with peers", span(1, 24, 25)),
        ("compare Korsbæk with q in Skole", "unknown municipality 'q' in teaching R2020", span(1, 22, 23)),
    ])
    func whatCompareCannotTakeAsPeers(_ text: String, _ message: String, _ range: SourceRange) throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let s = rank Skole; let p = peers Korsbæk")
        let failure = try #require(session.failure(text).error)
        #expect(failure.diagnostic.message.hasPrefix(message), "\(failure.diagnostic.message)")
        #expect(failure.diagnostic.range == range)
    }

    @Test func aMunicipalityWinsOverAResultOfTheSameName() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020; let Ravby = peers Korsbæk; let ravby_peers = peers Ravby")
        // Ravby is a municipality: the result of that name does not hide it.
        let result = try session.result(of: "compare Korsbæk with Ravby in Skole")
        #expect(result.texts("role").filter { $0 == "peer" }.count == 1)
        #expect(result.texts("name").contains("Ravby"))
        // No municipality is called ravby_peers: the result is taken, but it holds Ravby's peers.
        let failure = try #require(session.failure("compare Korsbæk with ravby_peers in Skole").error)
        #expect(failure.diagnostic.message.hasPrefix("ravby_peers holds the peers of Ravby, not of Korsbæk"))
    }

    @Test func aKeptResultFromAnotherCollectionIsRefused() throws {
        let session = try makeSession()
        try session.outputs("load R2024; let p = peers Holbæk; load teaching R2020")
        let failure = try #require(session.failure("compare Korsbæk with p in Skole").error)
        #expect(failure.diagnostic.message.hasPrefix("p holds the peers of Holbæk, not of Korsbæk"))
        // On its own data again, it works.
        try session.outputs("use R2024")
        let result = try session.result(of: "compare Holbæk with p in 3.22.01")
        #expect(result.texts("role").filter { $0 == "peer" }.count == 5)
    }

    @Test func peersIsACommandAndAQuery() throws {
        #expect(Command.queryWords.contains("peers"))
        let session = try makeSession()
        let help = try #require(try session.outputs("help peers").first?.message)
        #expect(help.contains("peers Korsbæk by size 2, 65+, 80+ 0.5"))
        let failure = try #require(session.failure("let peers = rank Skole").error)
        #expect(failure.diagnostic.message == "'peers' is a command and cannot name a result; choose another name")
    }
}

extension PeersSessionTests {
    @Test func completion() throws {
        let session = try makeSession()
        try session.outputs("load teaching R2020")
        #expect(session.completions(forWord: "pe", after: "") == ["peers"])
        #expect(session.completions(forWord: "Korsb", after: "peers ") == ["Korsbæk", "Korsbjerg"])
        #expect(session.completions(forWord: "", after: "peers Korsbæk by ") == ["size", "0-5", "6-16", "18-64", "65+", "80+"])
        #expect(session.completions(forWord: "g", after: "peers Korsbæk in ") == ["group"])
        #expect(session.completions(forWord: "t", after: "peers Korsbæk by size ") == ["top"])
        #expect(session.completions(forWord: "pe", after: "compare Korsbæk with ") == ["peers"])
    }
}
