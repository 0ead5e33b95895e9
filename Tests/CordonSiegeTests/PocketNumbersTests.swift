import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// Pocket numbers on timelines (docs/design.md#pocket-numbers), checked against the rule worked
/// again here by plain overlays of whole pockets, and the same numbers in every layer: pockets,
/// routes and road access.
@Suite struct PocketNumbersTests {
    let base: AccessTimelineTests
    init() throws { base = try AccessTimelineTests() }

    /// The rule, by overlays alone: a pocket continues the pocket of the period before that
    /// shares most area with it (same controller); the first by area keeps a number; the others
    /// take the next number never used, by area.
    func expected(_ periods: [[Pocket]]) throws -> [[Int]] {
        var out: [[Int]] = [], next = 0
        for (k, pockets) in periods.enumerated() {
            var taken = Set<Int>(), numbers: [Int?] = []
            for p in pockets {
                var best: (area: Double, number: Int)?
                if k > 0 {
                    for (j, q) in periods[k - 1].enumerated() where q.controller == p.controller {
                        let shared = try p.geometry.intersection(q.geometry).planarArea()
                        if shared > 0, shared > (best?.area ?? 0) { best = (shared, out[k - 1][j]) }
                    }
                }
                if let n = best?.number, taken.insert(n).inserted { numbers.append(n) } else { numbers.append(nil) }
            }
            let fresh = numbers.map { n -> Int in
                if let n { return n }
                next += 1
                return next - 1
            }
            next = max(next, (fresh.max() ?? -1) + 1)
            out.append(fresh)
        }
        return out
    }

    func byPeriod(_ pockets: [Pocket]) -> [[Pocket]] {
        var out: [[Pocket]] = []
        for p in pockets {
            if let last = out.last?.last, last.period == p.period { out[out.count - 1].append(p) } else { out.append([p]) }
        }
        return out
    }

    @Test func numbersFollowTheGroundInPocketsRoutesAndRoadAccess() async throws {
        let (map, net, places) = try base.inputs()
        let pockets = try await EnclosureTimeline.run(map: map, options: EnclosureOptions(besieged: "opposition", allies: ["sdf"]),
                                                      jobs: 2, incremental: true, shortestRun: 8)
        let periods = byPeriod(pockets)
        #expect(periods.map { $0.map(\.index) } == (try expected(periods)))
        // The history must move pockets past one another and split or join them: some pocket's
        // number is not its rank, and some number is new after the first period.
        #expect(periods.contains { $0.enumerated().contains { $0.offset != $0.element.index } })
        #expect(periods.dropFirst().contains { $0.contains { $0.index >= periods[0].count } })

        // Road access numbers its pockets as the enclosure timeline does, pocket for pocket.
        let access = try await AccessAnalysis(map: map, network: net, options: AccessOptions(besieged: "opposition", allies: ["sdf"]),
                                              places: places, context: base.ctx).timeline(jobs: 2)
        #expect(access.map { $0.pockets.map(\.pocket.index) } == periods.map { $0.map(\.index) })

        // A route's pocket is the number of the pocket that holds its first point that day.
        let routes = try (0..<10).map { i in
            let x = 37.005 + Double(i) * 0.01
            return Route(feature: i, name: "street \(i)", kind: .supply,
                         geometry: try base.ctx.lineString([Coordinate(x, 36.025), Coordinate(x, 36.035)]))
        }
        let states = try await RouteTimeline.run(map: map, routes: routes, options: RouteOptions(besieged: "opposition", allies: ["sdf"]),
                                                 jobs: 2)
        var checked = 0
        for s in states {
            let day = s.period?.sampleDay
            let start = try base.ctx.point(Coordinate(37.005 + Double(s.route.feature) * 0.01, 36.025))
            let holder = try pockets.first { p in
                guard let day, p.period?.contains(day) ?? false else { return false }
                return try p.geometry.intersects(start)
            }
            if let holder { #expect(s.pocket == holder.index, "\(s.route.name) \(String(describing: day))"); checked += 1 }
        }
        #expect(checked > 0)
    }
}
