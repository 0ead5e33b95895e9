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
    /// The fire tiles of the period before, carried where no change touches them.
    private var tiles: FireTiles?
    /// Fire tiles built, and carried from the period before where no change came within range.
    var tilesBuilt: Int { tilesBefore + (tiles?.built ?? 0) }
    private(set) var tilesCarried = 0
    private var tilesBefore = 0
    /// Routes whose state was kept from the period before, unjudged (tests check the shortcut is taken).
    private(set) var kept = 0
    /// Routes judged.
    private(set) var judged = 0
    /// The last period's pockets, by rank, each with its position in the period before when on
    /// the same ground (for the numbers that follow a pocket's ground).
    private(set) var lastFound: [(pocket: Pocket, sameAs: Int?)] = []

    init(_ analysis: RouteAnalysis) {
        self.analysis = analysis
        pockets = IncrementalEnclosure(analysis.enclosure)
    }

    /// Starts afresh: the next period asked is judged whole.
    func forget() {
        pockets.forget()
        before = []
        tilesBefore = tilesBuilt
        tiles = nil
    }

    /// Every route's state on `day`, in file order.
    func states(on day: Day?) throws -> [RouteState] {
        let found = try pockets.pockets(on: day)
        lastFound = found
        let same = !before.isEmpty && pockets.changed != nil
            && found.enumerated().allSatisfy { $0.element.sameAs == $0.offset }
            && found.count == pockets.previousCount
        let changed = (pockets.changed ?? []).compactMap { analysis.ws.areas[$0].geometry.bounds }
        tilesBefore = tilesBuilt
        let dayTiles = pockets.changed == nil ? analysis.fireTiles(on: day) : tiles?.carried(to: day, changed: changed)
            ?? analysis.fireTiles(on: day)
        tiles = dayTiles
        tilesCarried += dayTiles.carriedIn
        var keeps = 0
        let states = try analysis.states(of: analysis.routes.indices, on: day, pockets: pockets.lastPockets,
                                         tiles: dayTiles, keep: { i in
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
