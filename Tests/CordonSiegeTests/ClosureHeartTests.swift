import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// Which piece stands for a pocket that the hostile advance cuts in two (docs/design.md#closure,
/// step 4): the piece where the residents live, not the larger one.
@Suite struct ClosureHeartTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }

    /// Worked out by hand, in metres on a 10 km × 6 km map held by the government: a large empty
    /// body (4 × 4 km) on the western edge, the way out, and a small town (1 × 1 km, 10,000 people)
    /// joined to it by a neck 400 m wide between government blocks. Grown by 200 m, the government
    /// closes the neck from both sides and the town is cut off from the edge: closure 200 m. Were
    /// the larger, empty piece to stand for the pocket instead, the pocket would stay open until the
    /// body's 4 km front on the edge was overrun from north and south, at 2,000 m.
    @Test func theResidentsPieceStandsForACutPocket() throws {
        let body = try canvas.metricBox(0, 1000, 4000, 5000), neck = try canvas.metricBox(4000, 2800, 6000, 3200)
        let townBlock = try canvas.metricBox(6000, 2500, 7000, 3500)
        // Cut from one union, so the town and the rest share their vertices where they meet.
        let pocket = try canvas.ctx.union([body, neck, townBlock])
        var areas = [canvas.area(0, try canvas.toLonLat.apply(pocket.difference(townBlock)), "opposition"),
                     canvas.area(1, try canvas.toLonLat.apply(pocket.intersection(townBlock)), "opposition", population: 10_000)]
        for part in try canvas.metricBox(0, 0, 10_000, 6000).difference(pocket).polygons() {
            areas.append(canvas.area(areas.count, try canvas.toLonLat.apply(part), "government"))
        }
        let p = try EnclosureAnalysis(map: ControlMap(file: "town.geojson", areas: areas),
                                      options: EnclosureOptions(besieged: "opposition"), context: canvas.ctx).pockets(on: nil)
        #expect(p.count == 1 && !p[0].encircled && p[0].population == 10_000)
        let closure = try #require(p[0].closureM)
        // The search promises 1 % or 25 m (docs/design.md#closure).
        #expect(abs(closure - 200) <= 25, "closure \(closure) m, expected 200 m (half the 400 m neck round the town)")
    }
}
