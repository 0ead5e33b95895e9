import CordonGeometry

/// The map of one date reduced to what enclosure needs, in metres (UTM): the besieged
/// side's pockets, the passable ground, the way out. Built by dissolving the areas, or,
/// with snap S > 0, by joining them across gaps narrower than S.
struct Ground {
    /// Pocket polygons in lon/lat and in metres, same order.
    var pocketsLonLat: [Geometry]
    var pocketsMetres: [Geometry]
    /// Connected parts of the passable ground (besieged + allies), metres.
    var zones: [Geometry]
    /// The way out: the outer rings of the study area, or the bases; metres.
    var wayOut: Geometry
    /// The dissolved study area in lon/lat (without snap only), for the overlap check.
    var extentLonLat: Geometry?
    /// The dissolved hostile ground (neither besieged nor allied), metres; never joined by
    /// snap (docs/design.md#snap). For contact and closure.
    var hostileMetres: Geometry

    init(_ ws: Workspace, besieged: [Int], passable: [Int], all: [Int], snap: Double) throws {
        let ctx = ws.ctx
        let others = Set(all).subtracting(passable).sorted()
        let extent: Geometry
        let passableM: Geometry
        if snap > 0 {
            // Closing in metres: union of areas buffered by S/2, then buffered by -S/2.
            func join(_ ids: [Int]) throws -> Geometry {
                let grown = try ids.map { try ws.projected($0).buffer(snap / 2) }
                return try ctx.union(grown).buffer(-snap / 2)
            }
            extent = try join(all)
            passableM = try join(passable)
            pocketsMetres = try join(besieged).polygons()
            pocketsLonLat = try pocketsMetres.map { try ws.toLonLat.apply($0) }
            hostileMetres = try ctx.dissolve(others.map { try ws.projected($0) })
        } else {
            // Dissolve in lon/lat (as the yardstick does) and project only the results.
            let friendly = try ctx.dissolve(besieged.map { ws.areas[$0].geometry })
            // Without allies on the map that day, the passable ground is the besieged ground.
            let passableLL = passable.count == besieged.count ? friendly : try ctx.dissolve(passable.map { ws.areas[$0].geometry })
            let hostileLL = try ctx.dissolve(others.map { ws.areas[$0].geometry })
            hostileMetres = try ws.toUTM.apply(hostileLL)
            let parts = [passableLL, hostileLL].filter { !$0.isEmpty }
            extentLonLat = try ctx.dissolve(parts)
            extent = try ws.toUTM.apply(extentLonLat!)
            passableM = try ws.toUTM.apply(passableLL)
            pocketsLonLat = try friendly.polygons()
            pocketsMetres = try pocketsLonLat.map { try ws.toUTM.apply($0) }
        }
        zones = try passableM.polygons()
        if let bases = ws.layers.bases {
            wayOut = try ctx.collection(.geometryCollection, bases.map { try ws.toUTM.apply($0) })
        } else {
            // The outer rings only: holes in the study area lead nowhere.
            let rings = try extent.polygons().compactMap { try $0.exteriorRing?.clone() }
            wayOut = try ctx.collection(.multiLineString, rings)
        }
    }
}
