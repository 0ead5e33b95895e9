import CordonCore
import CordonGeometry

/// Splits pocket boundaries by what lies across them on a date. Each stretch of boundary
/// goes to the first of these that comes within the tolerance t = max(snap, 1 m) of it: the
/// study area's edge, then each controller in name order; what is left faces a gap. Work
/// is in metres, in the UTM zone of the map's centre.
public final class FrontAnalysis {
    private let ws: Workspace
    private let options: EnclosureOptions

    public init(map: ControlMap, options: EnclosureOptions, context: GEOSContext) throws {
        ws = try Workspace(map: map, layers: EnclosureLayers(), context: context)
        self.options = options
    }

    /// The fronts of `pocket` (lon/lat) on `day`; `neighbours` are the besieged side's other
    /// pockets that day, which lie across the boundary as the besieged controller's ground.
    /// One front per kind of neighbour, in the order edge, controllers by name, gap.
    public func fronts(of pocket: Geometry, neighbours: [Geometry], on day: Day?) throws -> [Front] {
        let t = options.tolerance
        var rest = try ws.toUTM.apply(pocket.copy(into: ws.ctx)).boundary()
        let held = ws.areas.indices.filter { ws.areas[$0].holds(on: day) }
        let wayOut = try studyAreaEdge(held)

        var sides: [(Front.Across, Geometry)] = [(.edge, wayOut)]
        var byController: [String: [Geometry]] = [:]
        for i in held where ws.areas[i].controller != options.besieged {
            byController[ws.areas[i].controller, default: []].append(try ws.projected(i))
        }
        if !neighbours.isEmpty {
            byController[options.besieged] = try neighbours.map { try ws.toUTM.apply($0.copy(into: ws.ctx)) }
        }
        for name in byController.keys.sorted() {
            sides.append((.controller(name), try ws.ctx.union(byController[name]!)))
        }

        var out: [Front] = []
        for (across, ground) in sides where !ground.isEmpty {
            let reach = try ground.buffer(t)
            let stretch = try rest.intersection(reach)
            rest = try rest.difference(reach)
            if let front = try front(across, stretch) { out.append(front) }
        }
        if let gap = try front(.gap, rest) { out.append(gap) }
        return out
    }

    /// The outer rings of the map of the day: holes in it lead nowhere, so they are gaps.
    private func studyAreaEdge(_ held: [Int]) throws -> Geometry {
        let extent = try ws.ctx.dissolve(held.map { try ws.projected($0) })
        let rings = try extent.polygons().compactMap(\.exteriorRing)
        return try ws.ctx.collection(.multiLineString, try rings.map { try ws.ctx.lineString($0.coordinates) })
    }

    /// The line parts of `stretch` (metres) as a front in lon/lat, or nil when nothing is left.
    private func front(_ across: Front.Across, _ stretch: Geometry) throws -> Front? {
        let parts = try stretch.lines()
        guard !parts.isEmpty else { return nil }
        let merged = try ws.ctx.collection(.multiLineString, parts).lineMerge()
        let lonLat = try ws.toLonLat.apply(merged)
        let length = Geodesic.length(lonLat)
        // Slivers left at junctions, shorter than the tolerance, are noise of the overlay.
        guard length > options.tolerance else { return nil }
        return Front(across: across, geometry: lonLat, lengthKm: length / 1000)
    }
}
