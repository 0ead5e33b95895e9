import CordonGeometry

/// Pocket numbers that follow the ground through a timeline (docs/design.md#pocket-numbers).
/// On one date a pocket's number is its rank by area. On a timeline the first period's pockets
/// keep their ranks, and later a pocket takes the number of the pocket of the period before
/// that it continues, so a pocket whose ground and measures do not change is written once.
enum PocketNumbers {
    /// Renumbers `byPeriod` (period by period in date order, each period's pockets by rank).
    ///
    /// A pocket continues the pocket of the period before that shares most of its ground, of
    /// the same controller. Where several continue one pocket (it split), the largest keeps
    /// its number. Every other pocket takes the next number never used in the timeline, in
    /// rank order, so a number never names two grounds.
    /// - Parameter before: For each pocket, the pocket of the period before it continues, as its
    ///   worker found it; `.unknown` is looked up here.
    static func renumber(_ byPeriod: inout [[Pocket]], before: [[PeriodBefore.Link]]) throws {
        var next = 0  // every number given so far is below it
        var previous: [Pocket] = []
        for k in byPeriod.indices {
            var taken = Set<Int>()
            var fresh: [Int] = []
            for i in byPeriod[k].indices {
                var link = k == 0 ? .overlapping(nil) : before[k][i]
                if link == .unknown { link = try Self.before(byPeriod[k][i], in: previous) }
                // Ranks run by area, so the largest of the pockets that continue one comes first.
                if let j = link.pocket, j < previous.count, previous[j].controller == byPeriod[k][i].controller,
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
            previous = byPeriod[k]
        }
    }

    /// The numbers of pockets found period by period (for routes and road access), each period's
    /// by rank, with the position of the pocket on the same ground in the period before where the
    /// finder knew it (`sameAs`).
    /// - Returns: For each period, its pockets' numbers by rank.
    static func numbers(_ byPeriod: [[(pocket: Pocket, sameAs: Int?)]]) throws -> [[Int]] {
        var pockets = byPeriod.map { $0.map(\.pocket) }
        try renumber(&pockets, before: byPeriod.map { $0.map { $0.sameAs.map(PeriodBefore.Link.same) ?? .unknown } })
        return pockets.map { $0.map(\.index) }
    }

    /// The pocket of `previous` that `pocket` continues: one on the same ground (the same outline,
    /// vertex for vertex), else the one sharing most area.
    private static func before(_ pocket: Pocket, in previous: [Pocket]) throws -> PeriodBefore.Link {
        let box = pocket.geometry.bounds
        if let j = try previous.firstIndex(where: { q in
            if q.geometry === pocket.geometry { return true }
            return q.geometry.bounds == box ? try q.geometry.equalsExact(pocket.geometry) : false
        }) { return .same(j) }
        return .overlapping(try PeriodBefore.largestOverlap(of: pocket, in: previous))
    }
}
