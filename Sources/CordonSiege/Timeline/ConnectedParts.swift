import CordonGeometry

/// The connected parts of the union of one kind of ground (the besieged side's, or the
/// passable), carried from one period to the next: only the parts a change touches are
/// dissolved again (docs/design.md#incremental-timelines).
struct ConnectedParts {
    /// Polygons, lon/lat: the parts kept from the previous period first, in their order, then
    /// the parts dissolved again.
    let shapes: [Geometry]
    /// For each shape, its place in the previous period's parts when kept whole.
    let keptFrom: [Int?]

    /// The parts after a change.
    /// - Parameters:
    ///   - previous: The previous period's parts.
    ///   - changed: Areas of this kind held in one period and not the other.
    ///   - holds: Whether an area of this kind is held in the new period.
    ///
    /// A previous part whose box meets a changed area's box is dissolved again with every area
    /// that meets it; so is any part those areas meet, until none is left: what remains
    /// untouched is a part of the new union exactly as it was (areas that meet belong to one
    /// part, and none of its areas came or went).
    static func update(_ ws: Workspace, previous: [Geometry], changed: [Int], holds: (Int) -> Bool) throws -> ConnectedParts {
        let changedBoxes = changed.compactMap { ws.areas[$0].geometry.bounds }
        let boxes = previous.map { $0.bounds }
        var affected = Set(previous.indices.filter { j in
            boxes[j].map { b in changedBoxes.contains { $0.intersects(b) } } ?? false
        })
        if affected.isEmpty && !changed.contains(where: holds) {
            return ConnectedParts(shapes: previous, keptFrom: previous.indices.map { $0 })
        }
        let tree = try STRtree(previous, context: ws.ctx)
        var prepared: [Int: PreparedGeometry] = [:]
        func meets(_ j: Int, _ i: Int) throws -> Bool {
            if prepared[j] == nil { prepared[j] = try PreparedGeometry(previous[j]) }
            return try prepared[j]!.intersects(ws.areas[i].geometry)
        }
        var members = Set(changed.filter(holds))
        var pendingParts = Array(affected), pendingAreas = Array(members)
        while !pendingParts.isEmpty || !pendingAreas.isEmpty {
            // Areas still held that meet a part being dissolved again join it.
            for j in pendingParts {
                guard let b = boxes[j] else { continue }
                for i in try ws.tree.query(b) where !members.contains(i) && holds(i) {
                    guard try meets(j, i) else { continue }
                    members.insert(i)
                    pendingAreas.append(i)
                }
            }
            pendingParts = []
            // A part that an area of the set meets is dissolved again too.
            for i in pendingAreas {
                guard let b = ws.areas[i].geometry.bounds else { continue }
                for j in try tree.query(b) where !affected.contains(j) {
                    guard try meets(j, i) else { continue }
                    affected.insert(j)
                    pendingParts.append(j)
                }
            }
            pendingAreas = []
        }
        let kept = previous.indices.filter { !affected.contains($0) }
        let fresh = members.isEmpty ? [] : try polygons(of: ws.dissolve(members.sorted()))
        return ConnectedParts(shapes: kept.map { previous[$0] } + fresh,
                              keptFrom: kept.map { Optional($0) } + fresh.map { _ in nil })
    }
}
