import CordonGeometry
import CordonSupply

/// How far hostile ground must advance to encircle or overrun an open pocket: the smallest d
/// such that, with hostile areas buffered by d, the pocket is gone or its remaining zone no
/// longer comes within t of the way out. Found by bisection to within 1 % or 25 m: closing
/// only grows with d, so the answer is bracketed at every step.
struct ClosureDistance {
    let ws: Workspace
    let options: EnclosureOptions

    init(_ ws: Workspace, options: EnclosureOptions) {
        self.ws = ws
        self.options = options
    }

    /// Where the pocket's residents live, as points (metres) with their numbers: a point inside
    /// each populated area (or population-layer area) that meets the pocket.
    private func residents(of pocket: Geometry, on day: Day?) throws -> [(point: Geometry, people: Double)] {
        let lonLat = try ws.toLonLat.apply(pocket)
        guard let b = lonLat.bounds else { return [] }
        let held = try PreparedGeometry(lonLat)
        let sources: [(Geometry, Double)] = try ws.layers.population.map { $0.map { ($0.geometry, $0.population) } }
            ?? ws.areas(near: b, on: day).map { (ws.areas[$0].geometry, ws.areas[$0].population) }
        return try sources.filter { $0.1 > 0 }.compactMap { g, people in
            let point = try g.representativePoint()
            return try held.intersects(point) ? (try ws.toUTM.apply(point), people) : nil
        }
    }

    /// The piece that stands for a cut pocket: where most residents live, then the largest.
    /// Slivers under 0.1 % of the largest piece's area are not candidates.
    private func heart(of pieces: [Geometry], residents: [(point: Geometry, people: Double)]) throws -> Geometry? {
        if pieces.count <= 1 { return pieces.first }
        let areas = try pieces.map { try $0.planarArea() }
        let largest = areas.max() ?? 0
        let candidates = pieces.indices.filter { areas[$0] >= largest * 0.001 }
        if candidates.count == 1 { return pieces[candidates[0]] }
        let ranked = try candidates.map { k in
            let piece = try PreparedGeometry(pieces[k])
            let people = try residents.reduce(0.0) { try piece.intersects($1.point) ? $0 + $1.people : $0 }
            return (k, people, areas[k])
        }
        return ranked.max { ($0.1, $0.2) < ($1.1, $1.2) }.map { pieces[$0.0] }
    }

    /// nil when no hostile ground near the zone could close it. `hostile`: all hostile ground
    /// of the date already dissolved (metres), when known; else it is built from the areas.
    func search(pocket: Geometry, zone: Geometry, wayOut: Geometry, hostile dissolved: Geometry?,
                on day: Day?) throws -> Double? {
        guard let zb = zone.bounds else { return nil }
        let span = max(zb.maxX - zb.minX, zb.maxY - zb.minY)
        // Hostile ground farther than `span` from the zone cannot matter before the zone is gone.
        let window = zb.expanded(by: span)
        let whole: Geometry
        if let dissolved {
            whole = dissolved
        } else {
            let lonLatWindow = try ws.toLonLat.apply(ws.ctx.rectangle(window)).bounds!
            let hostile = try ws.areas(near: lonLatWindow, on: day).filter { !options.isPassable(ws.areas[$0].controller) }
            // Dissolve, then clip: areas clipped one by one no longer share their cut edges exactly.
            whole = try ws.ctx.dissolve(hostile.map { try ws.projected($0) })
        }
        let ground = try whole.clip(to: window)
        if ground.isEmpty { return nil }
        let tolerance = options.tolerance
        let people = try residents(of: pocket, on: day)

        // The hostile ground grown by the largest d known not to close, reused as the start of
        // the next growth: growing by a then by b is growing by a + b, and the grown shape is
        // smoother, so each step buffers less.
        var grown = (d: 0.0, shape: ground)
        func closes(_ d: Double) throws -> Bool {
            // Moving vertices by 0.25 % of d moves the answer by less than the 1 % asked; the
            // way out is then reached within t plus that much, so simplifying never closes it.
            let coarse = d * 0.0025 > 5 ? d * 0.0025 : 0
            let start = try coarse > 0 ? grown.shape.simplify(tolerance: coarse) : grown.shape
            let reach = try start.buffer(d - grown.d, quadrantSegments: 8)
            // The pocket is what is left of it; if the advance cuts it in pieces, the piece where
            // most residents live (by areal weighting), or the largest when no one lives there.
            guard let core = try heart(of: try pocket.difference(reach).polygons(), residents: people) else { return true }  // overrun
            let held = try PreparedGeometry(core)
            let area = try coarse > 0 ? zone.simplify(tolerance: coarse) : zone
            for part in try area.difference(reach).polygons() where try held.intersects(part) {
                if try part.dwithin(wayOut, distance: tolerance + coarse) {
                    grown = (d, reach)
                    return false
                }
            }
            return true
        }

        // Bracket by doubling from 50 m, then bisect.
        var lo = 0.0, hi = 50.0
        while try !closes(hi) {
            lo = hi
            hi *= 2
            if hi > 2 * span { return nil }
        }
        while hi - lo > max(0.015 * lo, 40) {  // the midpoint is then within 1 % or 25 m
            let mid = (lo + hi) / 2
            if try closes(mid) { hi = mid } else { lo = mid }
        }
        return ((lo + hi) / 2).rounded()
    }
}
