import CordonGeometry
import Foundation

/// Road nodes bucketed in a grid of lon/lat cells, about four nodes a cell, for the nodes
/// inside a box and the node nearest a point.
struct NodeGrid {
    let nodes: [Coordinate]
    let origin: Coordinate
    let cell: Double
    let columns: Int, rows: Int
    private let start: [Int32], members: [Int32]

    init(_ nodes: [Coordinate]) {
        self.nodes = nodes
        let b = nodes.reduce(Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)) {
            Bounds(minX: min($0.minX, $1.x), minY: min($0.minY, $1.y), maxX: max($0.maxX, $1.x), maxY: max($0.maxY, $1.y))
        }
        origin = Coordinate(b.minX, b.minY)
        let w = max(b.maxX - b.minX, 1e-6), h = max(b.maxY - b.minY, 1e-6)
        cell = max((w * h / Double(max(nodes.count, 1)) * 4).squareRoot(), 1e-6)
        columns = min(Int(w / cell) + 1, 4096)
        rows = min(Int(h / cell) + 1, 4096)
        var count = [Int32](repeating: 0, count: columns * rows + 1)
        var keys = [Int](repeating: 0, count: nodes.count)
        for (i, c) in nodes.enumerated() {
            keys[i] = Self.key(c, origin, cell, columns, rows)
            count[keys[i] + 1] += 1
        }
        for k in 0..<(columns * rows) { count[k + 1] += count[k] }
        var fill = count, members = [Int32](repeating: 0, count: nodes.count)
        for i in nodes.indices { members[Int(fill[keys[i]])] = Int32(i); fill[keys[i]] += 1 }
        start = count
        self.members = members
    }

    private static func key(_ c: Coordinate, _ o: Coordinate, _ cell: Double, _ columns: Int, _ rows: Int) -> Int {
        let col = min(max(Int((c.x - o.x) / cell), 0), columns - 1), row = min(max(Int((c.y - o.y) / cell), 0), rows - 1)
        return row * columns + col
    }

    private func cellRange(_ lo: Double, _ hi: Double, _ o: Double, _ n: Int) -> ClosedRange<Int>? {
        let a = Int(((lo - o) / cell).rounded(.down)), b = Int(((hi - o) / cell).rounded(.down))
        let l = max(a, 0), h = min(b, n - 1)
        return l <= h ? l...h : nil
    }

    /// Nodes whose position lies in `b`, in node order.
    func within(_ b: Bounds) -> [Int32] {
        guard let cols = cellRange(b.minX, b.maxX, origin.x, columns), let rs = cellRange(b.minY, b.maxY, origin.y, rows) else { return [] }
        var out: [Int32] = []
        for r in rs {
            for c in cols {
                let k = r * columns + c
                for i in Int(start[k])..<Int(start[k + 1]) {
                    let p = nodes[Int(members[i])]
                    if p.x >= b.minX && p.x <= b.maxX && p.y >= b.minY && p.y <= b.maxY { out.append(members[i]) }
                }
            }
        }
        return out.sorted()
    }
}
