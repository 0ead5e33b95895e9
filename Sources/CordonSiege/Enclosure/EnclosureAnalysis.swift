import CordonCore
import CordonGeometry

/// Finds the besieged side's pockets on one date and measures them (docs/design.md#pockets).
/// One analysis per worker: it owns its GEOS context through its workspace.
public final class EnclosureAnalysis {
    let ws: Workspace
    /// What the analysis was asked.
    public let options: EnclosureOptions

    /// Prepares the analysis of `map`: indexes its areas.
    /// - Parameters:
    ///   - map: The control map.
    ///   - options: The besieged side, its allies, the snap distance and whether to search closure.
    ///   - layers: Bases, population and districts that come with the map.
    ///   - context: The GEOS context to work in; the analysis then belongs to its thread.
    /// - Throws: ``SiegeOptionError`` for a setting out of bounds, ``SiegeInputError`` when the
    ///   besieged side or an ally never appears on the map, or a `GeometryError`.
    public init(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                context: GEOSContext) throws {
        try options.validate()
        try map.requireControllers([options.besieged], role: { _ in "the besieged controller" })
        try map.requireControllers(options.allies, role: { _ in "the allied controller" })
        try map.requireControllers(options.neutral, role: { _ in "the neutral controller" })
        self.options = options
        ws = try Workspace(map: map, layers: layers, context: context)
    }

    /// An analysis sharing another's workspace (same context, same projected areas).
    init(workspace: Workspace, options: EnclosureOptions) {
        ws = workspace
        self.options = options
    }

    /// Pockets of the map held on `day` (every area when nil), numbered by descending area.
    ///
    /// - Throws: ``SiegeInputError`` when areas of different controllers overlap, or a `GeometryError`.
    public func pockets(on day: Day?) throws -> [Pocket] {
        try measuredPockets(on: day).map(\.pocket)
    }

    /// The pockets, each with its outline in the map's continuous range of longitudes (the
    /// pocket's own geometry is cut at the antimeridian for writing).
    func measuredPockets(on day: Day?) throws -> [(pocket: Pocket, lonLat: Geometry)] {
        let all = ws.areas.indices.filter { ws.areas[$0].holds(on: day) }
        let besieged = all.filter { ws.areas[$0].controller == options.besieged }
        if besieged.isEmpty { return [] }
        let passable = all.filter { options.isPassable(ws.areas[$0].controller) }
        let hostile = all.filter { options.isHostile(ws.areas[$0].controller) }
        let ground = try Ground(ws, besieged: besieged, passable: passable, hostile: hostile, all: all, snap: options.snap)
        try OverlapCheck(ws, tolerance: options.tolerance).run(all, dissolved: ground.extent)

        let t = options.tolerance
        let zoneTree = try STRtree(ground.zones, context: ws.ctx)
        var zoneOpen: [Int: Bool] = [:]
        let weighting = AreaWeighting(ws)
        // Without snap or a population layer each pocket is exactly a union of besieged areas,
        // so its residents are theirs, whole: no overlay needed.
        let residents = options.snap == 0 && ws.layers.population == nil
            ? try weighting.residents(of: besieged, in: ground.pockets) : nil

        // First where each pocket stands; the closure searches of open pockets then start on
        // other threads while the other measures are taken here.
        var standing: [(encircled: Bool, search: Background<Double?>?)] = []
        for lonLat in ground.pockets {
            let point = try lonLat.representativePoint()
            guard let zone = try zoneTree.query(point, where: { try $0.intersects(point) }).first else {
                standing.append((true, nil))
                continue
            }
            if zoneOpen[zone] == nil { zoneOpen[zone] = try ws.within(ground.zones[zone], ground.wayOut, distance: t) }
            let encircled = !zoneOpen[zone]!
            var search: Background<Double?>?
            if !encircled, options.closure {
                if let prepared = try ClosureSearch.prepare(ws, options: options, pocket: lonLat, zone: ground.zones[zone],
                                                            wayOut: ground.wayOut, hostile: ground.hostile, on: day) {
                    let moved = Handover(value: try prepared.detached())
                    search = Background { try moved.value.run() }
                }
            }
            standing.append((encircled, search))
        }

        var pockets: [(pocket: Pocket, lonLat: Geometry)] = []
        for (k, lonLat) in ground.pockets.enumerated() {
            let (area, perimeter) = Geodesic.areaPerimeter(lonLat)
            let encircled = standing[k].encircled
            var pocket = Pocket(
                index: 0, controller: options.besieged, geometry: try ws.longitudes.wrap(lonLat), encircled: encircled,
                areaKm2: area / 1e6, perimeterKm: perimeter / 1e3,
                hostileShare: try HostileContact.share(ws, of: lonLat, facing: ground.hostile, tolerance: t),
                population: try residents?[k] ?? weighting.population(inside: lonLat, on: day),
                closureM: encircled ? 0 : nil)
            if let districts = ws.layers.districts {
                pocket.districts = try weighting.districts(districts, inside: lonLat)
            }
            pockets.append((pocket, lonLat))
        }
        for k in pockets.indices { if let search = standing[k].search { pockets[k].pocket.closureM = try search.value() } }
        // Descending geodesic area; ties broken by position, so the order never depends on GEOS's.
        pockets.sort {
            if $0.pocket.areaKm2 != $1.pocket.areaKm2 { return $0.pocket.areaKm2 > $1.pocket.areaKm2 }
            let a = $0.lonLat.bounds!, b = $1.lonLat.bounds!
            return (a.minX, a.minY, a.maxX, a.maxY) < (b.minX, b.minY, b.maxX, b.maxY)
        }
        for i in pockets.indices { pockets[i].pocket.index = i }
        return pockets
    }
}
