import CordonGeometry

/// A worker's period before, for `since` (docs/design.md#since) and pocket numbers: which of
/// its pockets each new pocket continues. On the same ground that is the pocket it was;
/// otherwise the one sharing most area, summed area by area where the areas of both periods'
/// pockets are known.
final class PeriodBefore {
    /// What a pocket continues in the period before.
    enum Link: Equatable {
        /// The pocket of that index, on the same ground.
        case same(Int)
        /// The pocket of that index holding most of its area; nil when none shares any.
        case overlapping(Int?)
        /// Not looked for yet (the period before was another worker's).
        case unknown

        /// The index of the pocket continued, when there is one.
        var pocket: Int? {
            switch self {
            case .same(let j), .overlapping(let j?): j
            default: nil
            }
        }
    }

    let pockets: [Pocket]
    /// The pockets in the map's continuous range of longitudes, as the areas are.
    private let outlines: [Geometry]
    /// The pocket holding each area, for the pockets whose areas are known (an area of a pocket
    /// lies wholly in it, so it shares no area with any other).
    private let holder: [Int: Int]
    /// The pockets whose areas are not known.
    private let unknown: Set<Int>
    private var prepared: [Int: PreparedGeometry] = [:]

    init(_ pockets: [Pocket], outlines: [Geometry], members: [[Int]?]) {
        self.pockets = pockets
        self.outlines = outlines
        var holder: [Int: Int] = [:]
        for (j, m) in members.enumerated() { for i in m ?? [] { holder[i] = j } }
        self.holder = holder
        unknown = Set(pockets.indices.filter { $0 >= members.count || members[$0] == nil })
    }

    /// The link of a pocket of the next period (`outline`: in the continuous range of
    /// longitudes). A pocket not on the same ground takes the pocket sharing most area: an area
    /// that was in a pocket whose areas are known lies wholly in it (its planar area, as an
    /// overlay measures it); another area (new this period, as a cell that changed hands is a
    /// new feature, or of a pocket whose areas are not known) is laid over the areas of known
    /// pockets and the outlines of the other pockets its box meets. The whole pockets are
    /// overlaid when the pocket's areas are not known, when they overlap one another (their
    /// areas then add up to more than the pocket's), and where two pockets' shares come within
    /// 1e-9.
    func link(of pocket: Pocket, outline: Geometry, sameAs: Int?, members: [Int]?, ws: Workspace) throws -> Link {
        if let sameAs { return .same(sameAs) }
        if let members, let shared = try sharedAreas(outline, members: members, ws: ws) {
            let ranked = shared.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let best = ranked.first else { return .overlapping(nil) }
            if ranked.count == 1 || best.value - ranked[1].value > 1e-9 * best.value { return .overlapping(best.key) }
        }
        return .overlapping(try Self.largestOverlap(of: pocket, in: pockets))
    }

    /// The area each pocket of this period shares with a pocket made of `members`; nil when the
    /// members' areas add up to more than the pocket (they overlap).
    private func sharedAreas(_ outline: Geometry, members: [Int], ws: Workspace) throws -> [Int: Double]? {
        let whole = try outline.planarArea()
        var sum = 0.0
        var shared: [Int: Double] = [:]
        for i in members {
            let a = try ws.planarArea(i)
            sum += a
            if let j = holder[i] {
                shared[j, default: 0] += a
                continue
            }
            let cell = ws.areas[i].geometry
            guard let box = cell.bounds else { continue }
            // A pocket whose areas are known shares with it what its areas do (an area new this
            // period, as a cell that changed hands is, usually only touches them).
            for x in try ws.tree.query(box) {
                guard let j = holder[x], try cell.intersects(ws.areas[x].geometry) else { continue }
                shared[j, default: 0] += try cell.intersection(ws.areas[x].geometry).planarArea()
            }
            for (j, q) in outlines.enumerated() where unknown.contains(j) && (q.bounds.map(box.intersects) ?? false) {
                let p = try prepared[j] ?? PreparedGeometry(q)
                prepared[j] = p
                if try p.contains(cell) {
                    shared[j, default: 0] += a
                } else if try p.intersects(cell) {
                    shared[j, default: 0] += try q.cut(to: box).intersection(cell).planarArea()
                }
            }
        }
        return abs(sum - whole) <= 1e-9 * whole ? shared : nil
    }

    /// The pocket of `previous` sharing most area with `pocket`; nil when none shares any. Only
    /// pockets whose box meets its box and that touch it are overlaid (prepared, indexed).
    static func largestOverlap(of pocket: Pocket, in previous: [Pocket]) throws -> Int? {
        guard let box = pocket.geometry.bounds else { return nil }
        var prepared: PreparedGeometry?
        var best: (area: Double, index: Int)?
        // By index: a Pocket is a large value, and each copy retains every member.
        for j in previous.indices {
            let q = previous[j].geometry
            guard q.bounds.map(box.intersects) ?? false else { continue }
            if prepared == nil { prepared = try PreparedGeometry(pocket.geometry) }
            guard try prepared!.intersects(q) else { continue }
            let shared = try pocket.geometry.intersection(q).planarArea()
            if shared > 0, shared > (best?.area ?? 0) { best = (shared, j) }
        }
        return best?.index
    }
}
