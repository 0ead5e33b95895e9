import CordonGeometry

/// A map's areas of one date must not overlap across controllers by more than the tolerance:
/// who holds such ground would be ambiguous. Cheap test first (the dissolved area equals the
/// sum of the areas when nothing overlaps), then a pairwise search to name the culprits.
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
        let member = Set(ids)
        for i in ids {
            let a = ws.areas[i]
            guard let b = a.geometry.bounds else { continue }
            let prepared = try PreparedGeometry(a.geometry)
            for j in try ws.tree.query(b) where j > i && member.contains(j) && ws.areas[j].controller != a.controller {
                guard try prepared.intersects(ws.areas[j].geometry) else { continue }
                let overlapM = try ws.projected(i).intersection(ws.projected(j))
                let shapes = try overlapM.polygons()
                if shapes.isEmpty { continue }
                // Thicker than the tolerance somewhere: it survives an inward buffer by t/2.
                let core = try ws.ctx.collection(.multiPolygon, shapes).buffer(-tolerance / 2)
                if core.isEmpty { continue }
                let area = Geodesic.area(try ws.toLonLat.apply(overlapM))
                throw SiegeInputError(
                    file: ws.file, feature: a.feature,
                    "overlaps feature \(ws.areas[j].feature) by \(formatArea(area)) "
                        + "(`\(a.controller)` and `\(ws.areas[j].controller)` cannot both hold the same ground)")
            }
        }
    }

    private func formatArea(_ m2: Double) -> String {
        m2 >= 1e5 ? "\((m2 / 1e4).rounded() / 100) km²" : "\(Int(m2.rounded())) m²"
    }
}
