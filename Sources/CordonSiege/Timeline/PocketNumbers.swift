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
        let pockets = byPeriod, boxes = Self.boxes(pockets)
        let numbers = try assign(controllers: pockets.map { $0.map(\.controller) }) { k, i in
            let link = before[k][i]
            return link == .unknown ? try Self.before(pockets[k][i], in: pockets[k - 1], boxes: boxes[k - 1]) : link
        }
        for k in byPeriod.indices {
            for i in byPeriod[k].indices { byPeriod[k][i].index = numbers[k][i] }
        }
    }

    /// The numbering itself, on what it needs of each pocket: its controller, and (from the
    /// second period on) the pocket of the period before it continues, from `link(k, i)`.
    private static func assign(controllers: [[String]], link: (Int, Int) throws -> PeriodBefore.Link) throws -> [[Int]] {
        var next = 0  // every number given so far is below it
        var numbers: [[Int]] = []
        numbers.reserveCapacity(controllers.count)
        for k in controllers.indices {
            var taken = Set<Int>(), mine = [Int](repeating: -1, count: controllers[k].count)
            var fresh: [Int] = []
            for i in controllers[k].indices {
                // Ranks run by area, so the largest of the pockets that continue one comes first.
                if k > 0, let j = try link(k, i).pocket, j < controllers[k - 1].count,
                   controllers[k - 1][j] == controllers[k][i], taken.insert(numbers[k - 1][j]).inserted {
                    mine[i] = numbers[k - 1][j]
                } else {
                    fresh.append(i)
                }
            }
            for i in fresh {
                mine[i] = next
                next += 1
            }
            numbers.append(mine)
        }
        return numbers
    }

    /// The numbers of pockets found period by period (for routes and road access), each period's
    /// by rank, with the position of the pocket on the same ground in the period before where the
    /// finder knew it (`sameAs`).
    /// - Returns: For each period, its pockets' numbers by rank.
    static func numbers(_ byPeriod: [[(pocket: Pocket, sameAs: Int?)]]) throws -> [[Int]] {
        let pockets = byPeriod.map { $0.map(\.pocket) }, boxes = Self.boxes(pockets)
        return try assign(controllers: pockets.map { $0.map(\.controller) }) { k, i in
            if let j = byPeriod[k][i].sameAs { return .same(j) }
            return try Self.before(pockets[k][i], in: pockets[k - 1], boxes: boxes[k - 1])
        }
    }

    /// The pocket of `previous` that `pocket` continues: one on the same ground (the same outline,
    /// vertex for vertex), else the one sharing most area.
    /// `boxes`: those of `previous`, found once per period rather than once per pocket.
    private static func before(_ pocket: Pocket, in previous: [Pocket], boxes: [Bounds?]) throws -> PeriodBefore.Link {
        let g = pocket.geometry, box = g.bounds
        for j in previous.indices where boxes[j] == box {
            if previous[j].geometry === g { return .same(j) }
            if try previous[j].geometry.equalsExact(g) { return .same(j) }
        }
        return .overlapping(try PeriodBefore.largestOverlap(of: pocket, in: previous))
    }

    private static func boxes(_ byPeriod: [[Pocket]]) -> [[Bounds?]] { byPeriod.map { $0.map(\.geometry.bounds) } }
}
