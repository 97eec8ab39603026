import RdrData
import Testing

/// The DAGI outlines as shipped: every feature read, with its rings.
@Suite struct MunicipalityOutlinesTests {
    @Test func everyFeatureIsReadWithItsRings() throws {
        let outlines = try MunicipalityOutlines.shared()
        #expect(outlines.outlines.count == 98)
        #expect(Set(outlines.outlines.map(\.code)).count == 98)
        #expect(outlines.outlines.allSatisfy { (101...860).contains($0.code) && !$0.name.isEmpty })
        #expect(outlines.outline(code: 411) == nil, "Christiansø is no municipality")
        // The counts the data README gives: 184 polygons, 14,564 vertices.
        let polygons = outlines.outlines.flatMap(\.polygons)
        #expect(polygons.count == 184)
        #expect(polygons.flatMap { $0 }.map(\.count).reduce(0, +) == 14_564)
        #expect(polygons.flatMap { $0 }.allSatisfy { $0.count >= 4 && $0.first == $0.last })
        // København: two polygons, the first with Frederiksberg's hole.
        let københavn = try #require(outlines.outline(code: 101))
        #expect(københavn.name == "København")
        #expect(københavn.polygons.map(\.count) == [2, 1])
        #expect(københavn.polygons[0][0].first == MunicipalityOutlines.Point(x: 720700, y: 6171130))
        #expect(outlines.outline(code: 147)?.polygons.map(\.count) == [1])
        #expect(outlines.outline(code: 400)?.name == "Bornholm")
        #expect(outlines.license == "CC-BY-4.0" && outlines.licenseURL == "https://creativecommons.org/licenses/by/4.0/")
        // Every coordinate within Denmark in EPSG:25832.
        let points = polygons.flatMap { $0 }.flatMap { $0 }
        #expect(points.allSatisfy { (441_590...892_790).contains($0.x) && (6_049_780...6_402_310).contains($0.y) })
    }

    @Test func aDamagedFileIsRefusedWithItsLine() {
        let cases: [(String, String)] = [
            ("{\"type\":\"FeatureCollection\",\n\"features\":[1.5]}", "map.geojson:2: a number that is not whole"),
            ("[1,2", "map.geojson:1: the file ends inside a JSON array"),
            ("{\"type\":\"Feature\"}", "map.geojson:1: not a GeoJSON FeatureCollection"),
            ("{\"type\":\"FeatureCollection\",\"attribution\":\"a\",\"license\":\"b\",\"license_url\":\"c\",\"features\":"
                + "[{\"properties\":{\"code\":1,\"name\":\"X\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}}]}",
             "map.geojson:1: X: a ring of fewer than 4 points"),
            ("{\"type\":\"FeatureCollection\",\"attribution\":\"a\",\"license\":\"b\",\"license_url\":\"c\",\"features\":"
                + "[{\"properties\":{\"code\":1,\"name\":\"X\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}}]}",
             "map.geojson:1: X: a ring that is not closed"),
        ]
        for (text, message) in cases {
            #expect(throws: DataError.self) { try MunicipalityOutlines.parse(Array(text.utf8), name: "map.geojson") }
            do {
                _ = try MunicipalityOutlines.parse(Array(text.utf8), name: "map.geojson")
            } catch {
                #expect(error.description.hasPrefix(message), "\(error.description)")
            }
        }
    }
}
