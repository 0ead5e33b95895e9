import CordonGeometry

/// Pocket numbers that follow the ground through a timeline (docs/design.md#pocket-numbers).
/// On one date a pocket's number is its rank by area. On a timeline the first period's pockets
/// keep their ranks, and later a pocket takes the number of the pocket of the period before
/// that it continues, so a pocket whose ground and measures do not change is written once.
enum PocketNumbers {
    /// The pocket each pocket continues, in its period before.
    enum Before: Equatable {
        /// The pocket of that position (rank) in the period before.
        case pocket(Int)
        /// None: the pocket is new, or the period before is not the day before it.
        case none
        /// Not known yet: the pocket sharing most ground with it is looked up.
        case unknown
    }

    /// Renumbers `byPeriod` (period by period in date order, each period's pockets by rank).
    ///
    /// A pocket continues the pocket of the period before that shares most of its ground, of
    /// the same controller. Where several continue one pocket (it split), the largest keeps
    /// its number. Every other pocket takes the next number never used in the timeline, in
    /// rank order, so a number never names two grounds.
    /// - Parameter before: For each pocket, what its workers found; `.unknown` is looked up.
    static func renumber(_ byPeriod: inout [[Pocket]], before: [[Before]]) throws {
        var next = 0
        var previous: [Pocket] = []
        for k in byPeriod.indices {
            var taken = Set<Int>()
            var fresh: [Int] = []
            for i in byPeriod[k].indices {
                var link = k == 0 ? Before.none : before[k][i]
                if link == .unknown { link = try Self.before(byPeriod[k][i], in: previous) }
                // Ranks run by area, so the largest of the pockets that continue one comes first.
                if case .pocket(let j) = link, j < previous.count, previous[j].controller == byPeriod[k][i].controller,
                   taken.insert(previous[j].index).inserted {
                    byPeriod[k][i].index = previous[j].index
                } else {
                    fresh.append(i)
                }
            }
            for i in fresh {
                byPeriod[k][i].index = next
                next += 1
            }
            next = max(next, (byPeriod[k].map(\.index).max() ?? -1) + 1)
            previous = byPeriod[k]
        }
    }

    /// The numbers of pockets found period by period (for routes and road access), each period's
    /// by rank, with the position of the pocket on the same ground in the period before where the
    /// finder knew it (`sameAs`).
    /// - Returns: For each period, its pockets' numbers by rank.
    static func numbers(_ byPeriod: [[(pocket: Pocket, sameAs: Int?)]]) throws -> [[Int]] {
        var pockets = byPeriod.map { $0.map(\.pocket) }
        try renumber(&pockets, before: byPeriod.map { $0.map { $0.sameAs.map(Before.pocket) ?? .unknown } })
        return pockets.map { $0.map(\.index) }
    }

    /// The pocket of `previous` that `pocket` continues: one on the same ground (the same outline,
    /// vertex for vertex), else the one sharing most area.
    private static func before(_ pocket: Pocket, in previous: [Pocket]) throws -> Before {
        let box = pocket.geometry.bounds
        if let j = try previous.firstIndex(where: { q in
            if q.geometry === pocket.geometry { return true }
            return q.geometry.bounds == box ? try q.geometry.equalsExact(pocket.geometry) : false
        }) { return .pocket(j) }
        return try PeriodBefore.largestOverlap(of: pocket, in: previous).map(Before.pocket) ?? .none
    }
}
