import CordonGeometry

/// Joins areas across gaps narrower than S (docs/design.md#snap): a morphological closing
/// (grow by S/2, union, shrink by S/2) worked in local planes. What lies more than S apart
/// closes independently, so the areas are first grouped into clusters; each cluster is closed
/// in the plane nearest it, or, when wider than a plane reaches, in strips of longitude, each
/// closed with what lies within S of it and cut back to the strip.
struct Closing {
    let ws: Workspace
    let snap: Double

    /// The closing of areas `ids`, lon/lat.
    func join(_ ids: [Int]) throws -> Geometry {
        var parts: [Geometry] = []
        for cluster in try clusters(ids.filter { ws.areas[$0].geometry.bounds != nil }) {
            let box = cluster.dropFirst().reduce(ws.areas[cluster[0]].geometry.bounds!) { $0.union(ws.areas[$1].geometry.bounds!) }
            let strips = try ws.frames.cover(box, margin: snap)
            if strips.count == 1 {
                parts += try close(cluster, in: strips[0].frame, clippedTo: nil).polygons()
                continue
            }
            var pieces: [Geometry] = []
            for (f, strip, window) in strips {
                let near = cluster.filter { ws.areas[$0].geometry.bounds!.intersects(window) }
                if near.isEmpty { continue }
                pieces.append(try close(near, in: f, clippedTo: window).cut(to: strip))
            }
            parts += try ws.ctx.union(pieces).polygons()
        }
        return try ws.ctx.collection(.multiPolygon, parts)
    }

    /// Closing in one plane, back in lon/lat. Whole areas grown by S/2 are kept in the plane
    /// for the next set and date; areas clipped to a strip's window are not.
    private func close(_ ids: [Int], in f: Frame, clippedTo window: Bounds?) throws -> Geometry {
        let grown = try ids.map { i -> Geometry in
            if let window {
                return try f.metres(ws.areas[i].geometry.cut(to: window.grown(metres: snap))).buffer(snap / 2)
            }
            let key = Frame.GrownKey(area: i, distance: snap / 2)
            if let g = f.grown[key] { return g }
            let g = try f.metres(ws.areas[i].geometry).buffer(snap / 2)
            f.grown[key] = g
            return g
        }
        return try f.lonLat(try ws.ctx.union(grown).buffer(-snap / 2))
    }

    /// Groups of areas whose boxes, grown by S, meet: nothing of one group comes within S of another.
    private func clusters(_ ids: [Int]) throws -> [[Int]] {
        let member = Set(ids)
        var parent = [Int: Int](uniqueKeysWithValues: ids.map { ($0, $0) })
        func root(_ i: Int) -> Int {
            var r = i
            while parent[r]! != r { r = parent[r]! }
            var k = i
            while parent[k]! != r { (k, parent[k]) = (parent[k]!, r) }
            return r
        }
        for i in ids {
            let b = ws.areas[i].geometry.bounds!.grown(metres: snap)
            for j in try ws.tree.query(b) where j != i && member.contains(j) {
                let (ri, rj) = (root(i), root(j))
                if ri != rj { parent[max(ri, rj)] = min(ri, rj) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in ids { groups[root(i), default: []].append(i) }
        return groups.keys.sorted().map { groups[$0]! }
    }
}
