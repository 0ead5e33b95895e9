import CordonCore
import CordonGeometry

/// Splits pocket boundaries by what lies across them on a date. Each stretch of boundary
/// goes to the first of these that comes within the tolerance t = max(snap, 1 m) of it: the
/// study area's edge, then each controller in name order, then neutral ground (every neutral
/// controller together, docs/design.md#neutral-ground); what is left faces a gap. The
/// boundary is split in lon/lat; the tolerance is grown in local planes.
public final class FrontAnalysis {
    private let ws: Workspace
    private let options: EnclosureOptions

    /// Prepares the front analysis of `map`.
    /// - Parameters:
    ///   - map: The control map.
    ///   - options: The besieged side and the snap distance, whose tolerance decides what a
    ///     stretch of boundary touches.
    ///   - context: The GEOS context to work in.
    /// - Throws: A `GeometryError` when the map cannot be indexed.
    public init(map: ControlMap, options: EnclosureOptions, context: GEOSContext) throws {
        ws = try Workspace(map: map, layers: EnclosureLayers(), context: context)
        self.options = options
    }

    /// The fronts of `pocket` (lon/lat) on `day`; `neighbours` are the besieged side's other
    /// pockets that day, which lie across the boundary as the besieged controller's ground.
    /// One front per kind of neighbour, in the order edge, controllers by name, neutral, gap.
    ///
    /// - Parameters:
    ///   - pocket: The pocket's outline, lon/lat, as ``Pocket/geometry`` gives it.
    ///   - neighbours: The besieged side's other pockets on `day`, lon/lat.
    ///   - day: The day whose map is read; nil takes every area.
    /// - Returns: The fronts, each a set of lines with its geodesic length in km.
    /// - Throws: A `GeometryError`.
    public func fronts(of pocket: Geometry, neighbours: [Geometry], on day: Day?) throws -> [Front] {
        let t = options.tolerance
        var rest = try ws.longitudes.unwrap(pocket.copy(into: ws.ctx)).boundary()
        guard let box = rest.bounds else { return [] }
        // Ground farther than 2t from the boundary's box cannot come within t of it.
        let window = box.grown(metres: 2 * t)
        let held = ws.areas.indices.filter { ws.areas[$0].holds(on: day) }
        let wayOut = try studyAreaEdge(held).cut(to: window)

        var sides: [(Front.Across, Geometry)] = [(.edge, wayOut)]
        var byController: [String: [Geometry]] = [:], neutral: [Geometry] = []
        for i in try ws.areas(near: window, on: day) where ws.areas[i].controller != options.besieged {
            if options.isNeutral(ws.areas[i].controller) {
                neutral.append(ws.areas[i].geometry)
            } else {
                byController[ws.areas[i].controller, default: []].append(ws.areas[i].geometry)
            }
        }
        if !neighbours.isEmpty {
            byController[options.besieged] = try neighbours.map { try ws.longitudes.unwrap($0.copy(into: ws.ctx)) }
        }
        for name in byController.keys.sorted() {
            sides.append((.controller(name), try ws.ctx.union(byController[name]!).cut(to: window)))
        }
        // After the controllers: a stretch touching both hostile and neutral ground faces the hostile.
        if !neutral.isEmpty { sides.append((.neutral, try ws.ctx.union(neutral).cut(to: window))) }

        var out: [Front] = []
        for (across, ground) in sides where !ground.isEmpty {
            let reach = try ws.reach(of: ground, within: t, over: box)
            let stretch = try rest.intersection(reach)
            rest = try rest.difference(reach)
            if let front = try front(across, stretch) { out.append(front) }
        }
        if let gap = try front(.gap, rest) { out.append(gap) }
        return out
    }

    /// The outer rings of the map of the day: holes in it lead nowhere, so they are gaps.
    private func studyAreaEdge(_ held: [Int]) throws -> Geometry {
        try ws.ctx.collection(.multiLineString, try ws.studyAreaRings(held))
    }

    /// The line parts of `stretch` (lon/lat) as a front, or nil when nothing is left.
    private func front(_ across: Front.Across, _ stretch: Geometry) throws -> Front? {
        let parts = try stretch.lines()
        guard !parts.isEmpty else { return nil }
        let merged = try ws.ctx.collection(.multiLineString, parts).lineMerge()
        let length = Geodesic.length(merged)
        // Slivers left at junctions, shorter than the tolerance, are noise of the overlay.
        guard length > options.tolerance else { return nil }
        return Front(across: across, geometry: try ws.longitudes.wrap(merged), lengthKm: length / 1000)
    }
}
