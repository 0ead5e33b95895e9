import CordonCore
import CordonGeometry

/// Finds the besieged side's pockets on one date and measures them (docs/design.md#pockets).
/// One analysis per worker: it owns its GEOS context through its workspace.
public final class EnclosureAnalysis {
    let ws: Workspace
    public let options: EnclosureOptions

    public init(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                context: GEOSContext) throws {
        try options.validate()
        try map.requireControllers([options.besieged], role: { _ in "the besieged controller" })
        try map.requireControllers(options.allies, role: { _ in "the allied controller" })
        self.options = options
        ws = try Workspace(map: map, layers: layers, context: context)
    }

    /// An analysis sharing another's workspace (same context, same projected areas).
    init(workspace: Workspace, options: EnclosureOptions) {
        ws = workspace
        self.options = options
    }

    /// Pockets of the map held on `day` (every area when nil), numbered by descending area.
    public func pockets(on day: Day?) throws -> [Pocket] {
        let all = ws.areas.indices.filter { ws.areas[$0].holds(on: day) }
        let besieged = all.filter { ws.areas[$0].controller == options.besieged }
        if besieged.isEmpty { return [] }
        let passable = all.filter { options.isPassable(ws.areas[$0].controller) }
        let ground = try Ground(ws, besieged: besieged, passable: passable, all: all, snap: options.snap)
        try OverlapCheck(ws, tolerance: options.tolerance).run(all, dissolved: ground.extentLonLat)

        let t = options.tolerance
        let zoneTree = try STRtree(ground.zones, context: ws.ctx)
        var zoneOpen: [Int: Bool] = [:]
        let weighting = AreaWeighting(ws)
        // Without snap or a population layer each pocket is exactly a union of besieged areas,
        // so its residents are theirs, whole: no overlay needed.
        let residents = options.snap == 0 && ws.layers.population == nil
            ? try weighting.residents(of: besieged, in: ground.pocketsLonLat) : nil

        // First where each pocket stands; the closure searches of open pockets then start on
        // other threads while the other measures are taken here.
        var standing: [(encircled: Bool, search: Background<Double?>?)] = []
        for metres in ground.pocketsMetres {
            let point = try metres.representativePoint()
            guard let zone = try zoneTree.query(point, where: { try $0.intersects(point) }).first else {
                standing.append((true, nil))
                continue
            }
            if zoneOpen[zone] == nil { zoneOpen[zone] = try ground.zones[zone].dwithin(ground.wayOut, distance: t) }
            let encircled = !zoneOpen[zone]!
            var search: Background<Double?>?
            if !encircled, options.closure {
                if let prepared = try ClosureSearch.prepare(ws, options: options, pocket: metres, zone: ground.zones[zone],
                                                            wayOut: ground.wayOut, hostile: ground.hostileMetres, on: day) {
                    let moved = Handover(value: try prepared.detached())
                    search = Background { try moved.value.run() }
                }
            }
            standing.append((encircled, search))
        }

        var pockets: [Pocket] = []
        for (k, (lonLat, metres)) in zip(ground.pocketsLonLat, ground.pocketsMetres).enumerated() {
            let (area, perimeter) = Geodesic.areaPerimeter(lonLat)
            let encircled = standing[k].encircled
            var pocket = Pocket(
                index: 0, controller: options.besieged, geometry: lonLat, encircled: encircled,
                areaKm2: area / 1e6, perimeterKm: perimeter / 1e3,
                hostileShare: try HostileContact.share(of: metres, facing: ground.hostileMetres, tolerance: t),
                population: try residents?[k] ?? weighting.population(inside: lonLat, metres: metres, on: day),
                closureM: encircled ? 0 : nil)
            if let districts = ws.layers.districts {
                pocket.districts = try weighting.districts(districts, inside: lonLat, metres: metres)
            }
            pockets.append(pocket)
        }
        for k in pockets.indices { if let search = standing[k].search { pockets[k].closureM = try search.value() } }
        // Descending geodesic area; ties broken by position, so the order never depends on GEOS's.
        pockets.sort {
            if $0.areaKm2 != $1.areaKm2 { return $0.areaKm2 > $1.areaKm2 }
            let a = $0.geometry.bounds!, b = $1.geometry.bounds!
            return (a.minX, a.minY, a.maxX, a.maxY) < (b.minX, b.minY, b.maxX, b.maxY)
        }
        for i in pockets.indices { pockets[i].index = i }
        return pockets
    }
}
