import CordonCore
import CordonGeometry

/// Hostile ground, and the ground within the fire range of it, on one date, cut into square
/// tiles (UTM metres) computed once each, when a route first crosses them. Many routes then
/// share one dissolve and one buffer per tile instead of each buffering its own neighbourhood.
/// Exact: hostile ground within the range of a point in a tile lies within the tile grown by
/// the range, so each tile's fire zone is built from that window alone.
final class FireTiles {
    struct Tile {
        let bounds: Bounds
        /// Hostile ground in the tile's window (the tile grown by the range); nil when none.
        let near: Geometry?
        /// Hostile ground and ground under fire, clipped to the tile.
        let hostile: Geometry?
        let underFire: Geometry?
    }

    private struct Key: Hashable { let x: Int, y: Int }

    let ws: Workspace
    let range: Double
    let size: Double
    let day: Day?
    let isHostile: (Int) -> Bool
    private var cache: [Key: Tile] = [:]

    init(_ ws: Workspace, range: Double, on day: Day?, isHostile: @escaping (Int) -> Bool) {
        self.ws = ws
        self.range = range
        self.day = day
        self.isHostile = isHostile
        size = max(4 * range, 2000)
    }

    /// The tiles a line (metres) passes through.
    func tiles(crossing line: Geometry) throws -> [Tile] {
        guard let b = line.bounds else { return [] }
        let prepared = try PreparedGeometry(line)
        var out: [Tile] = []
        for x in Int((b.minX / size).rounded(.down))...Int((b.maxX / size).rounded(.down)) {
            for y in Int((b.minY / size).rounded(.down))...Int((b.maxY / size).rounded(.down)) {
                let key = Key(x: x, y: y)
                let tileBounds = bounds(of: key)
                guard try prepared.intersects(ws.ctx.rectangle(tileBounds)) else { continue }
                out.append(try cache[key] ?? build(key, tileBounds))
            }
        }
        return out
    }

    private func bounds(of key: Key) -> Bounds {
        Bounds(minX: Double(key.x) * size, minY: Double(key.y) * size,
               maxX: Double(key.x + 1) * size, maxY: Double(key.y + 1) * size)
    }

    private func build(_ key: Key, _ tile: Bounds) throws -> Tile {
        let window = tile.expanded(by: range + 10)
        let lonLat = try ws.toLonLat.apply(ws.ctx.rectangle(window)).bounds!.expanded(by: ws.degrees(spanning: 10))
        // Dissolve whole areas, then clip once: areas clipped one by one would no longer share
        // their cut edges exactly, and the fast coverage union would refuse them.
        let areas = try ws.areas(near: lonLat, on: day).filter(isHostile).map { try ws.projected($0) }
        var built = Tile(bounds: tile, near: nil, hostile: nil, underFire: nil)
        let near = try areas.isEmpty ? nil : ws.ctx.dissolve(areas).clip(to: window)
        if let near, !near.isEmpty {
            built = Tile(bounds: tile, near: near, hostile: try near.clip(to: tile),
                         underFire: try near.buffer(range, quadrantSegments: 32).clip(to: tile))
        }
        cache[key] = built
        return built
    }
}
