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
    /// For each shape, the areas whose union it is (ascending), when known: a part's members
    /// are carried, so the next change that touches it needs no search for them.
    let members: [[Int]?]
    /// How many parts' members were found by a search of the map (unknown before).
    let membersSearched: Int

    /// The parts after a change.
    /// - Parameters:
    ///   - previous: The previous period's parts.
    ///   - members: For each previous part, its areas when known (nil: found by a search).
    ///   - changed: Areas of this kind held in one period and not the other.
    ///   - holds: Whether an area of this kind is held in the new period.
    ///
    /// A previous part whose box meets a changed area's box is dissolved again, and so is every
    /// part an area that comes meets, with their areas still held and the areas that come:
    /// what remains untouched is a part of the new union exactly as it was (areas that meet
    /// belong to one part, and none of its areas came or went). A part's carried areas are
    /// exactly the union that made it; areas found by a search are those that meet the part,
    /// and one that also touches another part at a point brings that part in too.
    static func update(_ ws: Workspace, previous: [Geometry], members given: [[Int]?], changed: [Int],
                       holds: (Int) -> Bool) throws -> ConnectedParts {
        let changedBoxes = changed.compactMap { ws.areas[$0].geometry.bounds }
        // One entry per previous shape, whatever the caller knew (nil: not known).
        let known = previous.indices.map { $0 < given.count ? given[$0] : nil }
        let boxes = previous.map { $0.bounds }
        var affected = Set(previous.indices.filter { j in
            boxes[j].map { b in changedBoxes.contains { $0.intersects(b) } } ?? false
        })
        let added = changed.filter(holds)
        if affected.isEmpty && added.isEmpty {
            return ConnectedParts(shapes: previous, keptFrom: previous.indices.map { $0 }, members: known, membersSearched: 0)
        }
        var prepared: [Int: PreparedGeometry] = [:]
        func meets(_ j: Int, _ i: Int) throws -> Bool {
            if prepared[j] == nil { prepared[j] = try PreparedGeometry(previous[j]) }
            return try prepared[j]!.intersects(ws.areas[i].geometry)
        }
        // The parts an area that comes meets, or an area found by a search (one may touch
        // another part at a point), are dissolved again too.
        var tree: STRtree?
        var pending = Array(affected)
        func partsMet(by i: Int) throws {
            guard let b = ws.areas[i].geometry.bounds else { return }
            if tree == nil { tree = try STRtree(previous, context: ws.ctx) }
            for j in try tree!.query(b) where !affected.contains(j) {
                guard try meets(j, i) else { continue }
                affected.insert(j)
                pending.append(j)
            }
        }
        for i in added { try partsMet(by: i) }
        // Their areas still held: carried, or else every held area that meets the part.
        var members = Set(added)
        var searched = 0
        while let j = pending.popLast() {
            if let m = known[j] {
                for i in m where holds(i) { members.insert(i) }
                continue
            }
            guard let b = boxes[j] else { continue }
            searched += 1
            for i in try ws.tree.query(b) where !members.contains(i) && holds(i) {
                guard try meets(j, i) else { continue }
                members.insert(i)
                try partsMet(by: i)
            }
        }
        let kept = previous.indices.filter { !affected.contains($0) }
        let sorted = members.sorted()
        let fresh = sorted.isEmpty ? [] : try polygons(of: ws.dissolve(sorted))
        // One fresh part holds every member; several share them out, each area to the one part
        // it meets (an area meeting two, at a point or in two pieces, leaves them all to be
        // found again by a search when next touched).
        let freshMembers: [[Int]?] = fresh.count == 1 ? [sorted] : try sharedOut(sorted, among: fresh, ws)
        return ConnectedParts(shapes: kept.map { previous[$0] } + fresh,
                              keptFrom: kept.map { Optional($0) } + fresh.map { _ in nil },
                              members: kept.map { known[$0] } + freshMembers,
                              membersSearched: searched)
    }

    /// The areas of each of `parts` (ascending), when every one of `members` meets exactly one
    /// part: each part is then the union of its own. Nil for every part otherwise.
    private static func sharedOut(_ members: [Int], among parts: [Geometry], _ ws: Workspace) throws -> [[Int]?] {
        let boxes = parts.map(\.bounds)
        var prepared = [PreparedGeometry?](repeating: nil, count: parts.count)
        var shares = [[Int]](repeating: [], count: parts.count)
        for i in members {
            guard let b = ws.areas[i].geometry.bounds else { return parts.map { _ in nil } }
            var met: Int?
            for j in parts.indices where boxes[j]?.intersects(b) == true {
                if prepared[j] == nil { prepared[j] = try PreparedGeometry(parts[j]) }
                guard try prepared[j]!.intersects(ws.areas[i].geometry) else { continue }
                if met != nil { return parts.map { _ in nil } }
                met = j
            }
            guard let met else { return parts.map { _ in nil } }
            shares[met].append(i)
        }
        return shares.map { Optional($0) }
    }
}
