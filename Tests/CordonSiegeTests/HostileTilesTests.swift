import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// A timeline's hostile ground kept tile by tile: the same ground as one dissolve of the same
/// areas, and a change dissolves again only the tile it falls in.
@Suite struct HostileTilesTests {
    /// A 24 × 24 grid of 0.01° cells from (37 E, 36 N), all held by the government: 576 areas,
    /// so 3 × 3 tiles of 64 areas each (`HostileTiles.areasPerTile`).
    func workspace(_ ctx: GEOSContext) throws -> Workspace {
        var areas: [ControlArea] = []
        for y in 0..<24 {
            for x in 0..<24 {
                let c = { (i: Int, j: Int) in Coordinate(37 + Double(i) * 0.01, 36 + Double(j) * 0.01) }
                let cell = try ctx.polygon([c(x, y), c(x + 1, y), c(x + 1, y + 1), c(x, y + 1), c(x, y)])
                areas.append(ControlArea(feature: areas.count, geometry: cell, controller: "government"))
            }
        }
        return try Workspace(map: ControlMap(file: "grid.geojson", areas: areas), layers: EnclosureLayers(), context: ctx)
    }

    @Test func tiledGroundIsTheDissolveAndAChangeRedissolvesOneTile() throws {
        let ctx = try GEOSContext()
        let ws = try workspace(ctx)
        let tiles = HostileTiles(ws)
        // Every cell but one in the middle of the first tile (cell (3, 3)): a square ring of 0.24°
        // with one hole of 0.01°, so 0.0576 − 0.0001 = 0.0575 square degrees (hand calculation).
        let hole = 3 * 24 + 3
        let all = Array(0..<576).filter { $0 != hole }
        let ground = try tiles.ground(all)
        #expect(tiles.dissolved == 9)
        let merged = try ctx.collection(.multiPolygon, ground.parts)
        #expect(abs(try merged.planarArea() - 0.0575) < 1e-9)
        #expect(ground.parts.count == 1)  // one polygon: the tiles' dissolves were joined
        #expect(try merged.equals(ws.dissolve(all)))
        // The next day the cell at the far corner (23, 23) changes hands: one tile dissolved again.
        let next = all.filter { $0 != 575 }
        let after = try tiles.ground(next)
        #expect(tiles.dissolved == 10)
        #expect(try ctx.collection(.multiPolygon, after.parts).equals(ws.dissolve(next)))
        // Asked the same again: nothing dissolved.
        _ = try tiles.ground(next)
        #expect(tiles.dissolved == 10)
    }
}
