import CordonCore
import CordonGeometry

/// The map of one date reduced to what enclosure needs, in lon/lat: the besieged side's
/// pockets, the passable ground, the way out, the hostile ground. Built by dissolving the
/// areas, or, with snap S > 0, by joining them across gaps narrower than S in local planes.
struct Ground {
    var pockets: [Geometry]
    /// Connected parts of the passable ground (besieged + allies).
    var zones: [Geometry]
    /// The way out: the outer rings of the study area, or the bases.
    var wayOut: Geometry
    /// The dissolved study area (without snap only), for the overlap check.
    var extent: Geometry?
    /// Neither besieged, allied nor neutral; never joined by snap (docs/design.md#snap).
    var hostile: HostileGround

    /// `meanwhile`: given the pockets as soon as they are known, run while the hostile ground
    /// may still be dissolving on a side thread (it must leave hostile areas alone).
    init(_ ws: Workspace, besieged: [Int], passable: [Int], hostile hostileAreas: [Int], all: [Int], snap: Double,
         meanwhile: ([Geometry]) throws -> Void = { _ in }) throws {
        let ctx = ws.ctx
        // Without snap, a large map's hostile ground is dissolved on a side thread meanwhile: its
        // areas are none of those dissolved here. (Snap closes every area, hostile ones too.)
        let aside = ws.splitsWork && snap == 0 && hostileAreas.count >= Self.asideMinimum
            ? Self.dissolveAside(hostileAreas.map { ws.areas[$0].geometry }) : nil
        defer { aside?.wait() }  // never leave it reading the areas
        func dissolvedHostile() throws -> Geometry { try aside?.value() ?? ws.dissolve(hostileAreas) }
        let studyArea: Geometry
        if snap > 0 {
            let closing = Closing(ws: ws, snap: snap)
            studyArea = try closing.join(all)
            zones = try polygons(of: closing.join(passable))
            pockets = try polygons(of: closing.join(besieged))
            try meanwhile(pockets)
            hostile = try HostileGround(dissolvedHostile())
        } else {
            let friendly = try ws.dissolve(besieged)
            // Without allies on the map that day, the passable ground is the besieged ground.
            let passableLL = passable.count == besieged.count ? friendly : try ws.dissolve(passable)
            // Neutral ground is neither passable nor hostile, but it is part of the study area
            // (passable and hostile are parts of `all` apart: none is left when their counts add up).
            let neutral = all.count == passable.count + hostileAreas.count ? []
                : Set(all).subtracting(passable).subtracting(hostileAreas).sorted()
            let neutralLL = neutral.isEmpty ? nil : try ws.dissolve(neutral)
            pockets = try polygons(of: friendly)
            try meanwhile(pockets)
            let hostileLL = try dissolvedHostile()
            hostile = try HostileGround(hostileLL)
            let parts = [passableLL, hostileLL, neutralLL].compactMap { $0 }.filter { !$0.isEmpty }
            studyArea = parts.count == 1 ? parts[0] : try ctx.dissolve(parts)
            extent = studyArea
            zones = try polygons(of: passableLL)
        }
        if let bases = ws.layers.bases {
            wayOut = try ctx.collection(.geometryCollection, bases)
        } else {
            // The outer rings only: holes in the study area lead nowhere.
            let rings = try polygons(of: studyArea).compactMap { try $0.exteriorRing?.clone() }
            wayOut = try ctx.collection(.multiLineString, rings)
        }
    }

    /// Hostile areas from which a side thread dissolves them.
    static let asideMinimum = 2048

    /// The dissolve of `areas` (the workspace's, left alone meanwhile) on a side thread, read
    /// and made in a GEOS context of its own; the same geometry `Workspace.dissolve` makes.
    private static func dissolveAside(_ areas: [Geometry]) -> SideTask<Geometry> {
        let handed = Unchecked(areas)
        return SideTask {
            let other = try GEOSContext()
            return try other.dissolve(handed.value.map { $0.viewed(in: other) })
        }
    }
}

/// Hostile ground, dissolved, indexed by part: a pocket fetches only what lies near it, so
/// many small pockets never each walk the whole map.
struct HostileGround {
    let parts: [Geometry]
    private let tree: STRtree
    private let ctx: GEOSContext

    init(_ dissolved: Geometry) throws {
        ctx = dissolved.context
        parts = try polygons(of: dissolved)
        tree = try STRtree(parts, context: ctx)
    }

    var isEmpty: Bool { parts.isEmpty }

    /// The hostile ground inside `b` (lon/lat), clipped to it; empty when none.
    func near(_ b: Bounds) throws -> Geometry {
        try Self.clipped(indices(near: b).map { parts[$0] }, to: b, context: ctx)
    }

    /// The parts whose boxes meet `b`, in the index's order (the order `near` clips them in).
    func indices(near b: Bounds) throws -> [Int] {
        try tree.query(b)
    }

    /// `parts` clipped to `b`, in order, as one multipolygon of `ctx`.
    static func clipped(_ parts: [Geometry], to b: Bounds, context ctx: GEOSContext) throws -> Geometry {
        try ctx.collection(.multiPolygon, parts.flatMap { try polygons(of: $0.cut(to: b)) })
    }
}

/// The polygons of a polygonal geometry; a polygon is itself, not a copy (maps can hold
/// polygons of millions of vertices).
func polygons(of g: Geometry) throws -> [Geometry] {
    g.type == .polygon ? (g.isEmpty ? [] : [g]) : try g.polygons()
}
