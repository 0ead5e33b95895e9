import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// Draws test maps in metres around an origin near Aleppo and turns them into lon/lat,
/// so expected answers can be worked out by hand in metres.
struct MetricCanvas {
    let ctx: GEOSContext
    let toLonLat: StraightInUTM
    /// UTM 37N easting and northing of the origin (about 37.15 E, 36.2 N).
    let origin = Coordinate(334_000, 4_008_000)

    init() throws {
        ctx = try GEOSContext()
        toLonLat = StraightInUTM(try Projection(from: "EPSG:32637", to: "EPSG:4326"))
    }

    /// UTM to lon/lat with a vertex every 50 m, so a line drawn straight in UTM stays on that
    /// line in lon/lat (Cordon reads lon/lat edges as straight in degrees, as RFC 7946 does;
    /// a 10 km edge projected by its ends alone would bow about 1 m away).
    struct StraightInUTM {
        let projection: Projection
        init(_ projection: Projection) { self.projection = projection }
        func apply(_ g: Geometry) throws -> Geometry { try projection.apply(g.densified(maxSegment: 50)) }
    }

    /// A rectangle in metres from the origin, as a lon/lat polygon.
    func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) throws -> Geometry {
        try toLonLat.apply(metricBox(x0, y0, x1, y1))
    }

    /// The same rectangle in UTM metres.
    func metricBox(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) throws -> Geometry {
        let ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)].map { Coordinate(origin.x + $0.0, origin.y + $0.1) }
        return try ctx.polygon(ring)
    }

    func point(_ x: Double, _ y: Double) throws -> Geometry {
        try toLonLat.apply(ctx.point(Coordinate(origin.x + x, origin.y + y)))
    }

    func line(_ pts: [(Double, Double)]) throws -> Geometry {
        try toLonLat.apply(ctx.lineString(pts.map { Coordinate(origin.x + $0.0, origin.y + $0.1) }))
    }

    func area(_ i: Int, _ g: Geometry, _ controller: String, from: String? = nil, until: String? = nil,
              population: Double = 0) -> ControlArea {
        ControlArea(feature: i, geometry: g, controller: controller, from: from.flatMap { Day(iso: $0) },
                    until: until.flatMap { Day(iso: $0) }, population: population)
    }

    /// Cuts the rectangle [x0, x1] × [y0, y1] into hostile ground around the given besieged
    /// boxes, in metres, then projects each piece, as a real map is drawn: everything not
    /// besieged is `government`. Touching besieged boxes are merged first (projected
    /// separately, their shared edges would no longer meet exactly); each part has 1,000 residents.
    func map(_ besieged: [(Double, Double, Double, Double)], extent: (Double, Double, Double, Double),
             hostile: String = "government") throws -> [ControlArea] {
        var areas: [ControlArea] = []
        let friendly = try ctx.union(besieged.map { try metricBox($0.0, $0.1, $0.2, $0.3) })
        for part in try friendly.polygons() {
            areas.append(area(areas.count, try toLonLat.apply(part), "opposition", population: 1000))
        }
        let rest = try metricBox(extent.0, extent.1, extent.2, extent.3).difference(friendly)
        for part in try rest.polygons() { areas.append(area(areas.count, try toLonLat.apply(part), hostile)) }
        return areas
    }
}

extension MetricCanvas {
    /// The closure search of the first open pocket of `areas`, set up as an analysis sets it up.
    func closureSearch(_ areas: [ControlArea]) throws -> ClosureSearch {
        let analysis = try EnclosureAnalysis(map: ControlMap(file: "test.geojson", areas: areas),
                                             options: EnclosureOptions(besieged: "opposition"), context: ctx)
        let found = try #require(try analysis.found(on: nil))
        let p = try #require(found.pockets.first { !$0.pocket.encircled })
        let zone = try #require(p.zone)
        let hostile = try #require(found.hostile)
        return try #require(try ClosureSearch.prepare(analysis.ws, options: analysis.options, pocket: p.lonLat,
                                                      zone: found.zones[zone], wayOut: found.wayOut,
                                                      hostile: hostile, on: nil))
    }
}
