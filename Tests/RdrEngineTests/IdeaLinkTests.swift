import Testing
import RdrEngine

struct IdeaLinkTests {
    @Test func areasWithRoomInOrderWithTheirProposals() {
        // Aaby to place 2: Voksen 0 (no room, left out); Ældre (50,000 − 40,000) × 700 = 7,000,000.
        let overview = Fixture.teaching.overview(for: Fixture.aaby, to: .place(2), areas: [Fixture.voksen, Fixture.aeldre])
        let idea = { (area: String?, amount: Int) in
            Idea(title: "t", description: "", area: area ?? "Beredskab", areaKey: area, kind: "", municipality: "Aaby",
                 year: 2024, amount: amount, type: .effektivisering)
        }
        let catalogue = IdeaCatalogue(ideas: [idea(Fixture.aeldre.key, 400_000), idea(Fixture.voksen.key, 1), idea(nil, 5),
                                              idea(Fixture.aeldre.key, 250_000)], fileName: "t", invented: true)
        let link = IdeaLink(overview: overview, catalogue: catalogue)
        #expect(link.rows.map(\.area.key) == [Fixture.aeldre.key])
        #expect(link.rows.map(\.mulighedsrum) == [7_000_000])
        #expect(link.rows.map(\.summedEffect) == [650_000])
        #expect(link.invented)
        #expect(IdeaLink(overview: overview, catalogue: catalogue, top: 0).rows.isEmpty)
    }
}
