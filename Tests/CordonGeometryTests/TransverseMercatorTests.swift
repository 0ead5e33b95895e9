import CordonGeometry
import Testing

/// The local planes of Cordon's metric work against pyproj's transverse Mercator.
@Suite struct TransverseMercatorTests {
    /// pyproj: Transformer.from_crs("EPSG:4326", "+proj=tmerc +lat_0=36 +lon_0=37 +k_0=1
    /// +ellps=WGS84 +units=m", always_xy=True).transform(39, 36.5) -> (179192.93799177522, 57342.571116561645)
    @Test func placesAPointAsPyprojDoes() throws {
        let plane = try TransverseMercator(centre: Coordinate(37, 36))
        let m = try plane.metres(Coordinate(39, 36.5))
        #expect(abs(m.x - 179_192.937_992) < 1e-4 && abs(m.y - 57_342.571_117) < 1e-4)
        let back = try plane.lonLat(m)
        #expect(abs(back.x - 39) < 1e-10 && abs(back.y - 36.5) < 1e-10)
    }

    /// Across the antimeridian: −179.9° seen from 179.9° lies 0.2° east, and comes back as 180.1°.
    /// pyproj (lat_0=-17, lon_0=179.9): transform(-179.9, -17) -> (21297.202251925642, -10.867672136363765)
    @Test func staysContinuousAcrossTheAntimeridian() throws {
        let plane = try TransverseMercator(centre: Coordinate(179.9, -17))
        for lon in [-179.9, 180.1] {
            let m = try plane.metres(Coordinate(lon, -17))
            #expect(abs(m.x - 21_297.202_252) < 1e-4 && abs(m.y + 10.867_672) < 1e-4)
            let back = try plane.lonLat(m)
            #expect(abs(back.x - 180.1) < 1e-10)
        }
        // A plane centred beyond 180° (a map moved to one continuous range) is the same plane.
        let moved = try TransverseMercator(centre: Coordinate(539.9, -17))
        #expect(abs(try moved.metres(Coordinate(540.1, -17)).x - 21_297.202_252) < 1e-4)
        #expect(abs(try moved.lonLat(Coordinate(21_297.202_252, -10.867_672)).x - 540.1) < 1e-9)
    }
}
