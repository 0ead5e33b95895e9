import CordonGeometry

/// A map's areas of one date must not overlap across controllers by more than the tolerance:
/// who holds such ground would be ambiguous. Cheap test first (the dissolved area equals the
/// sum of the areas when nothing overlaps), then a pairwise search to name the culprits.
/// Overlaps are found in lon/lat, as the map draws its edges, never between projected copies:
/// a long edge projected vertex by vertex bends away from a neighbour's vertex that lies on it.
struct OverlapCheck {
    let ws: Workspace
    let tolerance: Double

    init(_ ws: Workspace, tolerance: Double) {
        self.ws = ws
        self.tolerance = tolerance
    }

    /// `dissolved`: the union of `ids` in lon/lat when already known; nil forces the pairwise search.
    func run(_ ids: [Int], dissolved: Geometry?) throws {
        if let dissolved {
            var sum = 0.0
            for i in ids { sum += try ws.areas[i].geometry.planarArea() }
            if sum - (try dissolved.planarArea()) <= sum * 1e-9 { return }
        }
        try searchPairs(ids)
    }

    private func searchPairs(_ ids: [Int]) throws {
        guard let o = try firstOverlap(ids) else { return }
        throw SiegeInputError(
            file: ws.file, feature: ws.areas[o.i].feature,
            "overlaps feature \(ws.areas[o.j].feature) by \(formatArea(o.area)) "
                + "(`\(ws.areas[o.i].controller)` and `\(ws.areas[o.j].controller)` cannot both hold the same ground)")
    }

    /// The first pair of areas of different controllers (in map order) whose overlap is
    /// thicker than the tolerance, with the overlap's geodesic area in m²; nil when none.
    func firstOverlap(_ ids: [Int]) throws -> (i: Int, j: Int, area: Double)? {
        let member = Set(ids)
        for i in ids.sorted() {
            let a = ws.areas[i]
            guard let b = a.geometry.bounds else { continue }
            let prepared = try PreparedGeometry(a.geometry)
            for j in try ws.tree.query(b) where j > i && member.contains(j) && ws.areas[j].controller != a.controller {
                guard try prepared.intersects(ws.areas[j].geometry) else { continue }
                let shapes = try a.geometry.intersection(ws.areas[j].geometry).polygons()
                if shapes.isEmpty { continue }
                let overlap = try ws.ctx.collection(.multiPolygon, shapes)
                if try isThick(overlap) { return (i, j, Geodesic.area(overlap)) }
            }
        }
        return nil
    }

    /// Thicker than the tolerance somewhere: something survives an inward buffer by t/2 in a
    /// local plane. A strip's shape shrinks from its cut edges too, so it never gains a core.
    private func isThick(_ overlap: Geometry) throws -> Bool {
        guard let b = overlap.bounds else { return false }
        let strips = try ws.frames.cover(b, margin: tolerance)
        for (f, _, window) in strips {
            let piece = strips.count == 1 ? overlap : try overlap.cut(to: window)
            if piece.isEmpty { continue }
            if !(try f.metres(piece).buffer(-tolerance / 2).isEmpty) { return true }
        }
        return false
    }

    private func formatArea(_ m2: Double) -> String {
        m2 >= 1e5 ? "\((m2 / 1e4).rounded() / 100) km²" : "\(Int(m2.rounded())) m²"
    }
}
