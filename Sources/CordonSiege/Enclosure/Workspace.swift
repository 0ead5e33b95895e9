import CordonCore
import CordonGeometry
import Foundation

/// Everything one worker needs to analyse a map on any date, in its own GEOS and PROJ
/// contexts: the areas, an index over them, and projections to and from the UTM zone
/// of the map's centre, with projected areas cached.
final class Workspace {
    let ctx: GEOSContext
    let file: String
    let areas: [ControlArea]
    let tree: STRtree
    let toUTM: Projection
    let toLonLat: Projection
    let layers: EnclosureLayers
    /// Latitude of the map's centre, to turn metres into a safe margin in degrees.
    let centreLat: Double
    private var projectedCache: [Int: Geometry] = [:]

    init(map: ControlMap, layers: EnclosureLayers, context ctx: GEOSContext) throws {
        self.ctx = ctx
        file = map.file
        let sameContext = map.areas.first.map { $0.geometry.context === ctx } ?? true
        areas = sameContext ? map.areas : try map.areas.map {
            ControlArea(feature: $0.feature, geometry: try $0.geometry.copy(into: ctx), controller: $0.controller,
                        from: $0.from, until: $0.until, name: $0.name, population: $0.population)
        }
        self.layers = sameContext ? layers : try layers.copy(into: ctx)
        tree = try STRtree(areas.map(\.geometry), context: ctx)
        let centre = map.bounds?.center ?? Coordinate(0, 0)
        centreLat = centre.y
        toUTM = try Projection.toUTM(around: centre)
        toLonLat = try toUTM.inverse()
    }

    /// Area `i` in metres (UTM), projected once.
    func projected(_ i: Int) throws -> Geometry {
        if let g = projectedCache[i] { return g }
        let g = try toUTM.apply(areas[i].geometry)
        projectedCache[i] = g
        return g
    }

    /// Degrees that surely span at least `metres` near the map (for index queries in lon/lat).
    func degrees(spanning metres: Double) -> Double {
        let cosLat = max(cos(min(abs(centreLat) + 5, 85) * .pi / 180), 0.05)
        return metres / (111_000 * cosLat) * 1.1 + 1e-9
    }

    /// Indices of areas held on `day` whose envelope meets `bounds` (lon/lat).
    func areas(near bounds: Bounds, on day: Day?) throws -> [Int] {
        try tree.query(bounds).filter { areas[$0].holds(on: day) }
    }
}

extension ControlMap {
    /// Bounding box of every area of every date.
    public var bounds: Bounds? {
        areas.compactMap { $0.geometry.bounds }.reduce(nil) { $0?.union($1) ?? $1 }
    }
}

