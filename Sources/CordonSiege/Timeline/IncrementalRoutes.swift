import CordonCore
import CordonGeometry

/// Route states of consecutive periods, each judged from the one before
/// (docs/design.md#incremental-timelines): the pockets come from the period before, and a route
/// keeps its state when the pockets stand on the same ground, in the same order, and no changed
/// area lies where its state looks (`RouteAnalysis.watch`); a corridor's declared opening is
/// read for every period.
final class IncrementalRoutes {
    let analysis: RouteAnalysis
    private let pockets: IncrementalEnclosure
    private var before: [RouteState] = []
    /// Routes whose state was kept from the period before, unjudged (tests check the shortcut is taken).
    private(set) var kept = 0
    /// Routes judged.
    private(set) var judged = 0

    init(_ analysis: RouteAnalysis) {
        self.analysis = analysis
        pockets = IncrementalEnclosure(analysis.enclosure)
    }

    /// Starts afresh: the next period asked is judged whole.
    func forget() {
        pockets.forget()
        before = []
    }

    /// Every route's state on `day`, in file order.
    func states(on day: Day?) throws -> [RouteState] {
        let found = try pockets.pockets(on: day)
        let same = !before.isEmpty && pockets.changed != nil
            && found.enumerated().allSatisfy { $0.element.sameAs == $0.offset }
            && found.count == pockets.previousCount
        let changed = (pockets.changed ?? []).compactMap { analysis.ws.areas[$0].geometry.bounds }
        var keeps = 0
        let states = try analysis.states(of: analysis.routes.indices, on: day, pockets: pockets.lastPockets, keep: { i in
            guard same, let box = analysis.watch(of: i, before[i]),
                  !changed.contains(where: { $0.intersects(box) }) else { return nil }
            keeps += 1
            return before[i]
        })
        kept += keeps
        judged += states.count - keeps
        before = states
        return states
    }
}
