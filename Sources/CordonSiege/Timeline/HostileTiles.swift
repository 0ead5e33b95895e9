import CordonGeometry

/// A timeline's hostile ground, dissolved tile by tile and kept from period to period: the
/// areas are grouped once into tiles of the map (by the middle of each area's box), and a
/// tile is dissolved again only when the hostile areas asked of it change. Fronts move in a
/// few tiles a day, so most of a day's hostile ground is the day before's.
///
/// The tiles' dissolves are then dissolved together: they share the areas' own edges along
/// tile borders, so this second dissolve walks a few tile outlines, not every area, and gives
/// the same ground as one dissolve of every area (whole polygons: growing ground whose parts
/// meet along edges costs far more).
final class HostileTiles {
    private let ws: Workspace
    /// The tile of each area.
    private let tileOf: [Int]
    /// By tile: the hostile areas last asked of it, sorted, and their dissolve's polygons.
    private var kept: [Int: (areas: [Int], parts: [Geometry])] = [:]
    /// Tiles dissolved since the timeline began (statistics and tests).
    private(set) var dissolved = 0

    /// About this many areas per tile: enough for a dissolve to pay for itself, few enough
    /// that a day's changes touch a small share of the map.
    static let areasPerTile = 64

    init(_ ws: Workspace) {
        self.ws = ws
        let middles = ws.areas.map { a in a.geometry.bounds.map { ($0.center.x, $0.center.y) } ?? (0, 0) }
        let side = max(1, Int(Double(ws.areas.count / Self.areasPerTile).squareRoot().rounded(.up)))
        let xs = middles.map(\.0), ys = middles.map(\.1)
        let (x0, x1) = (xs.min() ?? 0, xs.max() ?? 0), (y0, y1) = (ys.min() ?? 0, ys.max() ?? 0)
        func slot(_ v: Double, _ lo: Double, _ hi: Double) -> Int {
            hi > lo ? min(side - 1, Int((v - lo) / (hi - lo) * Double(side))) : 0
        }
        tileOf = middles.map { slot($0.0, x0, x1) * side + slot($0.1, y0, y1) }
    }

    /// The hostile ground of `areas` (indices of hostile areas held, sorted): the polygons of
    /// each tile's dissolve, tiles in order.
    func ground(_ areas: [Int]) throws -> HostileGround {
        var byTile: [Int: [Int]] = [:]
        for i in areas { byTile[tileOf[i], default: []].append(i) }
        var parts: [Geometry] = []
        for tile in byTile.keys.sorted() {
            let ids = byTile[tile]!
            if let k = kept[tile], k.areas == ids {
                parts += k.parts
                continue
            }
            let made = try polygons(of: ws.dissolve(ids))
            dissolved += 1
            kept[tile] = (ids, made)
            parts += made
        }
        // Tiles not asked this period keep what they had: a later period may ask for them again.
        return try HostileGround(parts.count == 1 ? parts[0] : ws.ctx.dissolve(parts))
    }
}
