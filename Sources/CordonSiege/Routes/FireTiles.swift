import CordonCore
import CordonGeometry
import Foundation

/// Hostile ground, and the ground within the fire range of it, on one date, cut into tiles of
/// longitude and latitude, computed once each when a route first crosses them, each in a
/// plane centred on the tile (docs/design.md#routes). Many routes then share one dissolve and
/// one buffer per tile. Exact: hostile ground within the range of a point in a tile lies
/// within the tile grown by the range, so each tile's fire zone is built from that window.
/// The zones come back to lon/lat, where routes are cut, so a route along a tile's border
/// belongs to the tiles on both sides, and pieces of neighbouring tiles meet exactly.
final class FireTiles {
    struct Tile {
        /// Lon/lat.
        let bounds: Bounds
        let frame: Frame
        /// Hostile ground in the tile's window (the tile grown by the range), in the tile's
        /// plane; nil when none.
        let near: Geometry?
        /// Hostile ground and ground under fire, clipped to the tile, lon/lat.
        let hostile: Geometry?
        let underFire: Geometry?
    }

    private struct Key: Hashable { let row: Int, column: Int }

    let ws: Workspace
    let range: Double
    /// The tiles' side in metres (at most): 4 × the range, from 2 km up to 100 km, so a
    /// window stays within about 350 km of its tile's central meridian.
    let size: Double
    let day: Day?
    let isHostile: (Int) -> Bool
    private let rowHeight: Double
    private var cache: [Key: Tile] = [:]

    init(_ ws: Workspace, range: Double, on day: Day?, isHostile: @escaping (Int) -> Bool) {
        self.ws = ws
        self.range = range
        self.day = day
        self.isHostile = isHostile
        size = min(max(4 * range, 2000), 100_000)
        rowHeight = size / 111_700  // a degree of latitude is at most 111.7 km
    }

    /// The tiles of another day, keeping those built here whose window meets no box of
    /// `changed` (lon/lat): a tile is built from the hostile areas whose boxes meet its window,
    /// so when none of those came or went it is the same (incremental timelines).
    func carried(to day: Day?, changed: [Bounds]) -> FireTiles {
        let next = FireTiles(ws, range: range, on: day, isHostile: isHostile)
        for (key, tile) in cache {
            let window = self.window(of: tile.bounds)
            if !changed.contains(where: { $0.intersects(window) }) { next.cache[key] = tile }
        }
        next.carriedIn = next.cache.count
        return next
    }

    /// Tiles built so far, and tiles carried in from another day.
    private(set) var built = 0, carriedIn = 0

    /// The tiles a lon/lat line passes through or runs along.
    func tiles(crossing line: Geometry) throws -> [Tile] {
        guard let b = line.bounds else { return [] }
        let prepared = try PreparedGeometry(line)
        var out: [Tile] = []
        // From the tile whose border the line's low edge lies on, if it does: such a line runs
        // along both tiles (the test below drops tiles it does not meet).
        for row in Int((b.minY / rowHeight).rounded(.up)) - 1...Int((b.maxY / rowHeight).rounded(.down)) {
            let width = columnWidth(row)
            for column in Int((b.minX / width).rounded(.up)) - 1...Int((b.maxX / width).rounded(.down)) {
                let key = Key(row: row, column: column)
                let tileBounds = bounds(of: key)
                guard try prepared.intersects(ws.ctx.rectangle(tileBounds)) else { continue }
                out.append(try cache[key] ?? build(key, tileBounds))
            }
        }
        return out
    }

    /// Degrees of longitude per tile in a row: a whole number of tiles around the globe, each
    /// at most `size` wide at the row's latitude nearest the equator.
    private func columnWidth(_ row: Int) -> Double {
        let lo = Double(row) * rowHeight, hi = lo + rowHeight
        let equatorward = lo <= 0 && hi >= 0 ? 0 : min(abs(lo), abs(hi))
        let around = 360 * 111_320 * cos(min(equatorward, 89.9) * .pi / 180)
        return 360 / max((around / size).rounded(.up), 1)
    }

    private func bounds(of key: Key) -> Bounds {
        let width = columnWidth(key.row)
        return Bounds(minX: Double(key.column) * width, minY: Double(key.row) * rowHeight,
                      maxX: Double(key.column + 1) * width, maxY: Double(key.row + 1) * rowHeight)
    }

    /// Where the hostile areas a tile is built from lie: carrying a tile rests on this window too.
    private func window(of tile: Bounds) -> Bounds { tile.grown(metres: range + 10) }

    private func build(_ key: Key, _ tile: Bounds) throws -> Tile {
        let frame = try ws.frames.frame(centredOn: tile.center)
        let window = self.window(of: tile)
        // Dissolve whole areas, then clip once: areas clipped one by one would no longer share
        // their cut edges exactly, and the fast coverage union would refuse them.
        let ids = try ws.areas(near: window, on: day).filter(isHostile)
        var built = Tile(bounds: tile, frame: frame, near: nil, hostile: nil, underFire: nil)
        let near = try ids.isEmpty ? nil : ws.dissolve(ids).cut(to: window)
        if let near, !near.isEmpty {
            let nearM = try frame.metres(near)
            let fire = try frame.lonLat(try nearM.buffer(range, quadrantSegments: 32))
            built = Tile(bounds: tile, frame: frame, near: nearM, hostile: try near.cut(to: tile),
                         underFire: try fire.cut(to: tile))
        }
        cache[key] = built
        self.built += 1
        return built
    }
}
