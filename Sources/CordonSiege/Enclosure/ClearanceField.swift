import CordonGeometry

/// A first guess at a pocket's closure, from a grid (docs/design.md#closure, the field): each
/// cell's distance to hostile ground is measured once, then the cells are let in from the
/// farthest to the nearest, as hostile ground would recede, and at each step of half a cell
/// the test of the search is put to the grid: does the heart of the pocket lie in ground that
/// comes within t of the way out?
///
/// The grid decides nothing on its own: the search takes from it only the probes whose answer
/// is the same over a margin on both sides, and the exact geometry checks both ends of the
/// bracket the search ends with.
struct ClearanceField {
    /// The side of a cell, metres.
    let cell: Double
    /// `shut[l]`: whether the pocket is closed with hostile ground grown to l steps of half a
    /// cell (the cells at least that far from it let in); from the last level on, it is.
    private let shut: [Bool]
    /// `shutBelow[l]`: how many of the levels under l are closed.
    private let shutBelow: [Int]

    /// Cells along the longer side of the field (the zone's box grown by its span on every
    /// side): about 18,000 cells over the zone itself, a few milliseconds to measure.
    static let side = 400.0
    /// The span of a zone below which the grid is not drawn: there closure is at most a few
    /// kilometres, and the exact probes cost less than the grid.
    static let minimumSpan = 20_000.0

    /// Whether hostile ground grown by `d` closes the pocket, when the grid gives the same
    /// answer over a margin on both sides of `d`; nil otherwise. Two cells cover the grid
    /// (distances between centres, ground thinner than a cell traced whole); 1.5 % of d covers
    /// the exact growth (8 segments per quarter circle and the 0.25 % simplification, repeated
    /// along a chain of growths).
    func closes(_ d: Double) -> Bool? {
        guard d.isFinite, d >= 0 else { return nil }
        let step = cell / 2, slack = 2 * cell + 0.015 * d
        // Growth d lets in the cells of level ceil(d / step) and up; the levels from `from`
        // to `to`, both included, cover the margin. From `top` on, every level is closed.
        let top = shut.count
        let from = min(top, Int(max(0, ((d - slack) / step).rounded(.down))))
        let to = min(top, Int(min(Double(top), ((d + slack) / step).rounded(.up))))
        let closed = shutBelow[min(to + 1, top)] - shutBelow[from] + (to == top ? 1 : 0)
        let count = to - from + 1
        if closed == 0 { return false }
        if closed == count { return true }
        return nil
    }

    /// The field of a search's pocket, or nil when the grid cannot tell (no ground, or the
    /// pocket never joins the way out on it).
    init?(_ s: ClosureSearch) throws {
        guard let zb = s.zone.bounds, s.span > 0, !s.ground.isEmpty else { return nil }
        let region = zb.expanded(by: s.span)
        let longer = max(region.maxX - region.minX, region.maxY - region.minY)
        guard let grid = RasterGrid(covering: region, cell: longer / Self.side) else { return nil }
        cell = grid.cell
        func burnt(_ g: Geometry) -> [Bool] {
            var m = [Bool](repeating: false, count: grid.count)
            grid.fill(g, into: &m)
            grid.trace(g, into: &m)
            return m
        }
        let clearance = DistanceTransform.distances(grid, from: burnt(s.ground))
        let zone = burnt(s.zone), pocket = s.zoneIsPocket ? zone : burnt(s.pocket)
        let exits = burnt(try s.wayOut.buffer(s.tolerance + grid.cell / 2, quadrantSegments: 4))
        // Residents count where their cell is the pocket's, as the exact test counts those in the pocket.
        var people = [Double](repeating: 0, count: grid.count)
        for r in s.residents {
            if let i = grid.index(of: r.point), pocket[i] { people[i] += r.people }
        }
        shut = Self.sweep(grid, clearance: clearance, zone: zone, pocket: pocket, exits: exits, people: people)
        guard shut.first == false else { return nil }  // the whole zone let in must be open
        var below = [0]
        for closed in shut { below.append(below[below.count - 1] + (closed ? 1 : 0)) }
        shutBelow = below
    }

    /// For each level l, with the cells at least l steps of half a cell from hostile ground let
    /// in, whether the pocket is closed: gone, or its heart (its piece with the most residents,
    /// then the most cells, among pieces of at least 0.1 % of the largest's cells) in no piece
    /// of the zone that holds a cell of the way out.
    /// Union–find over the cells, let in from the farthest level down.
    private static func sweep(_ grid: RasterGrid, clearance: [Double], zone: [Bool], pocket: [Bool],
                              exits: [Bool], people: [Double]) -> [Bool] {
        let step = grid.cell / 2
        var levels = 0
        for i in 0..<grid.count where zone[i] && clearance[i].isFinite { levels = max(levels, Int(clearance[i] / step) + 1) }
        guard levels > 0 else { return [] }
        var shut = [Bool](repeating: true, count: levels)
        // Cells by level, highest first.
        var start = [Int](repeating: 0, count: levels)
        for i in 0..<grid.count where zone[i] && clearance[i].isFinite { start[Int(clearance[i] / step)] += 1 }
        var total = 0
        for l in stride(from: levels - 1, through: 0, by: -1) { let n = start[l]; start[l] = total; total += n }
        var order = [Int32](repeating: 0, count: total)
        var fill = start
        for i in 0..<grid.count where zone[i] && clearance[i].isFinite {
            let l = Int(clearance[i] / step)
            order[fill[l]] = Int32(i)
            fill[l] += 1
        }

        // The zone's pieces know whether they hold a cell of the way out; the pocket's, their
        // residents and cells.
        var zones = Pieces(count: grid.count, exit: exits)
        var pieces = Pieces(count: grid.count, people: people)
        var best: Int32 = -1, largest: Int32 = -1
        let w = grid.columns, n = grid.count
        for l in stride(from: levels - 1, through: 0, by: -1) {
            for k in start[l]..<(l > 0 ? start[l - 1] : total) {
                let i = Int(order[k])
                zones.letIn(i)
                let own = pocket[i]
                if own { pieces.letIn(i) }
                let c = i % w
                for side in 0..<4 {
                    let j = side == 0 ? (c > 0 ? i - 1 : -1) : side == 1 ? (c < w - 1 ? i + 1 : -1) : side == 2 ? i - w : i + w
                    guard j >= 0, j < n, zones.isIn(j) else { continue }
                    zones.join(i, j)
                    if own, pocket[j] { pieces.join(i, j) }
                }
                if own {
                    let r = pieces.root(i)
                    if best >= 0 { best = pieces.root(Int(best)) }
                    if largest >= 0 { largest = pieces.root(Int(largest)) }
                    if r != best && (best < 0 || pieces.outweighs(r, best)) { best = r }
                    if largest < 0 || pieces.cells[Int(r)] > pieces.cells[Int(largest)] { largest = r }
                }
            }
            if best >= 0 {
                best = pieces.root(Int(best))
                largest = pieces.root(Int(largest))
                // A sliver never stands for the pocket: the largest piece does instead.
                let heart = Int(pieces.cells[Int(best)]) * 1000 >= Int(pieces.cells[Int(largest)]) ? best : largest
                shut[l] = !zones.exit[Int(zones.root(Int(heart)))]
            }
        }
        return shut
    }
}

/// Union–find over a grid's cells as they are let in, each piece with what the sweep weighs:
/// the zone's pieces whether they hold a cell of the way out, the pocket's their residents and cells.
private struct Pieces {
    var parent: [Int32]  // -1: not let in yet
    var exit: [Bool] = []
    var people: [Double] = []
    var cells: [Int32] = []

    init(count: Int, exit: [Bool]) {
        parent = [Int32](repeating: -1, count: count)
        self.exit = exit
    }

    init(count: Int, people: [Double]) {
        parent = [Int32](repeating: -1, count: count)
        self.people = people
        cells = [Int32](repeating: 1, count: count)
    }

    func isIn(_ i: Int) -> Bool { parent[i] >= 0 }

    mutating func letIn(_ i: Int) { parent[i] = Int32(i) }

    mutating func root(_ i: Int) -> Int32 {
        var r = Int32(i)
        while parent[Int(r)] != r { r = parent[Int(r)] }
        var k = Int32(i)
        while parent[Int(k)] != r { let next = parent[Int(k)]; parent[Int(k)] = r; k = next }
        return r
    }

    mutating func join(_ i: Int, _ j: Int) {
        let a = root(i), b = root(j)
        if a == b { return }
        let (keep, gone) = (Int(min(a, b)), Int(max(a, b)))
        parent[gone] = Int32(keep)
        if !exit.isEmpty { exit[keep] = exit[keep] || exit[gone] }
        if !people.isEmpty {
            people[keep] += people[gone]
            cells[keep] += cells[gone]
        }
    }

    /// Whether piece `a` holds more residents than `b`, or as many and more cells.
    func outweighs(_ a: Int32, _ b: Int32) -> Bool {
        (people[Int(a)], cells[Int(a)]) > (people[Int(b)], cells[Int(b)])
    }
}
