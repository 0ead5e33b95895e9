import CordonCore
import CordonGeometry
import Foundation

/// Everything one worker needs to analyse a map on any date, in its own GEOS and PROJ
/// contexts: the areas (in one continuous range of longitudes), an index over them, and the
/// local planes metric work is done in (docs/design.md#metric-work-and-projections).
final class Workspace {
    let ctx: GEOSContext
    let file: String
    /// Lon/lat, moved across the antimeridian when the map crosses it (see `longitudes`).
    let areas: [ControlArea]
    private var builtTree: STRtree?
    let layers: EnclosureLayers
    let longitudes: Longitudes
    let frames = Frames()
    /// Whether one date's hostile dissolve and hostile shares may take a second thread: set by
    /// one-date `cordon enclosure` with `--jobs` 2 or more. Timelines already keep every core
    /// busy with periods, and `--jobs 1` means one thread.
    var splitsWork = false
    private var geodesicAreas: [Int: Double] = [:]
    private var insidePoints: [Int: Geometry] = [:]
    private var planarAreas: [Int: Double] = [:]

    /// The furthest latitude a map may reach, north or south.
    static let maxLatitude = 85.0

    init(map: ControlMap, layers: EnclosureLayers, context ctx: GEOSContext) throws {
        // Ground grown in a transverse Mercator plane near a pole no longer comes back as a valid
        // lon/lat polygon: refuse such maps rather than give wrong pockets (docs/design.md#limits).
        let boxes = map.areas.map(\.geometry.bounds)  // once: each asks GEOS five times
        for (area, box) in zip(map.areas, boxes) {
            guard let b = box, b.minY < -Self.maxLatitude || b.maxY > Self.maxLatitude else { continue }
            throw SiegeInputError(file: map.file, feature: area.feature,
                                  "reaches latitude \(b.maxY > Self.maxLatitude ? b.maxY : b.minY)°; "
                                    + "Cordon analyses maps between \(-Self.maxLatitude)° and \(Self.maxLatitude)° only")
        }
        self.ctx = ctx
        file = map.file
        let longitudes = Longitudes(spanning: boxes.compactMap { $0 })
        self.longitudes = longitudes
        let sameContext = map.areas.first.map { $0.geometry.context === ctx } ?? true
        func local(_ g: Geometry) throws -> Geometry {
            try longitudes.unwrap(sameContext ? g : try g.copy(into: ctx))
        }
        areas = sameContext && longitudes.cut == nil ? map.areas : try map.areas.map {
            ControlArea(feature: $0.feature, geometry: try local($0.geometry), controller: $0.controller,
                        from: $0.from, until: $0.until, name: $0.name, population: $0.population)
        }
        self.layers = sameContext && longitudes.cut == nil ? layers : EnclosureLayers(
            bases: try layers.bases?.map(local),
            population: try layers.population?.map { PopulationArea(geometry: try local($0.geometry), population: $0.population) },
            districts: try layers.districts?.map { District(name: $0.name, geometry: try local($0.geometry), population: $0.population) })
    }

    /// An index over every area, built when first asked: a one-date analysis without snap or
    /// closure search never asks, and building it is a good part of preparing a large map.
    var tree: STRtree {
        get throws {
            if let builtTree { return builtTree }
            let t = try STRtree(areas.map(\.geometry), context: ctx)
            builtTree = t
            return t
        }
    }

    /// Geodesic area of area `i` in m², measured once.
    func geodesicArea(_ i: Int) -> Double {
        if let a = geodesicAreas[i] { return a }
        let a = Geodesic.area(areas[i].geometry)
        geodesicAreas[i] = a
        return a
    }

    /// Planar area of area `i` in square degrees, measured once (compared, never reported).
    func planarArea(_ i: Int) throws -> Double {
        if let a = planarAreas[i] { return a }
        let a = try areas[i].geometry.planarArea()
        planarAreas[i] = a
        return a
    }

    /// A point inside area `i` (GEOS's representative point), found once: a closure search asks
    /// for the points of every populated area in its pocket, period after period.
    func pointInside(_ i: Int) throws -> Geometry {
        if let p = insidePoints[i] { return p }
        let p = try areas[i].geometry.representativePoint()
        insidePoints[i] = p
        return p
    }

    /// Indices of areas held on `day` whose envelope meets `bounds` (lon/lat), in order.
    func areas(near bounds: Bounds, on day: Day?) throws -> [Int] {
        try tree.query(bounds).filter { areas[$0].holds(on: day) }.sorted()
    }

    /// The study area's edge on a date: the outer rings of the union of the areas held then
    /// (lon/lat), as lines. Fronts and road access take it as the way out.
    func studyAreaRings(_ held: [Int]) throws -> [Geometry] {
        try polygons(of: dissolve(held)).compactMap(\.exteriorRing).map { try ctx.lineString($0.coordinates) }
    }

    /// The union of some areas (lon/lat); one area is itself, with no overlay.
    func dissolve(_ ids: [Int]) throws -> Geometry {
        if ids.count == 1 { return areas[ids[0]].geometry }
        return try ctx.dissolve(ids.map { areas[$0].geometry })
    }
}

extension ControlMap {
    /// Bounding box of every area of every date.
    public var bounds: Bounds? {
        areas.compactMap { $0.geometry.bounds }.reduce(nil) { $0?.union($1) ?? $1 }
    }
}
