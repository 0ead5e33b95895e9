import Foundation

/// A generated daily series for `cordon history`: a 10 × 10 grid of square cells, 0.01° a
/// side, held by `opposition` (columns 0–4) and `government` (5–9) on the first day. On the
/// change days below, the listed cells change hands; every file rewrites every cell, on odd
/// days with each ring started at another corner, turned the other way, and the cells in
/// reverse order, so only the change days change the ground. One day has no file.
struct HistorySeries {
    static let first = (year: 2024, month: 3, day: 1)
    static let days = 30
    /// Day numbers (from 0) with no snapshot.
    static let missing: Set<Int> = [11]
    /// Day number → cells (row, column) that change hands that day.
    static let changes: [Int: [(Int, Int)]] = [
        4: [(2, 4)],              // opposition loses a cell on its edge
        12: [(5, 5), (5, 6)],     // and takes two back, the day after the missing one
        19: [(8, 8)],             // an opposition pocket deep in government ground
        26: [(8, 8)],             // gone again
    ]

    static func date(_ day: Int) -> String {
        String(format: "2024-03-%02d", first.day + day)
    }

    /// Who holds each cell on `day`.
    static func owners(on day: Int) -> [[String]] {
        var owner = (0..<10).map { _ in (0..<10).map { $0 < 5 ? "opposition" : "government" } }
        for d in 0...day {
            for (r, c) in changes[d] ?? [] { owner[r][c] = owner[r][c] == "opposition" ? "government" : "opposition" }
        }
        return owner
    }

    /// The corners of a cell, counter-clockwise from the south-west, closed.
    static func ring(_ r: Int, _ c: Int) -> [(Double, Double)] {
        let x = 36.0 + Double(c) * 0.01, y = 35.0 + Double(r) * 0.01
        return [(x, y), (x + 0.01, y), (x + 0.01, y + 0.01), (x, y + 0.01), (x, y)]
    }

    /// One day's snapshot as GeoJSON text.
    static func snapshot(_ day: Int) -> String {
        let owner = owners(on: day)
        var cells = (0..<100).map { ($0 / 10, $0 % 10) }
        if day % 2 == 1 { cells.reverse() }
        let features = cells.map { r, c -> String in
            var ring = ring(r, c)
            if day % 2 == 1 {
                // Same outline, drawn from another corner and the other way round.
                ring = Array(ring.dropLast())
                ring = Array(ring[2...] + ring[..<2]).reversed()
                ring.append(ring[0])
            }
            let coords = ring.map { String(format: "[%.2f,%.2f]", $0.0, $0.1) }.joined(separator: ",")
            return #"{"type":"Feature","properties":{"controller":"\#(owner[r][c])","cell":\#(r * 10 + c)},"#
                + #""geometry":{"type":"Polygon","coordinates":[[\#(coords)]]}}"#
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}\n"
    }

    /// Writes `snap-YYYY-MM-DD.geojson` for every day but the missing ones; returns the paths.
    static func write(into folder: URL) throws -> [String] {
        try (0..<days).filter { !missing.contains($0) }.map { day in
            let url = folder.appendingPathComponent("snap-\(date(day)).geojson")
            try snapshot(day).write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }
}
