/// Exact Euclidean distance from each cell's centre to the nearest marked cell's centre, in
/// metres, by the separable lower-envelope method of Felzenszwalb and Huttenlocher (2012): one
/// pass along the rows, one along the columns, linear in the number of cells.
public enum DistanceTransform {
    /// Distances over `grid` from the cells where `sources` is true; infinity everywhere when
    /// no cell is marked.
    public static func distances(_ grid: RasterGrid, from sources: [Bool]) -> [Double] {
        precondition(sources.count == grid.count, "mask and grid differ in size")
        let far = Double.infinity
        var d = sources.map { $0 ? 0.0 : far }
        let n = max(grid.columns, grid.rows)
        var line = [Double](repeating: 0, count: n), out = [Double](repeating: 0, count: n)
        var hull = [Int](repeating: 0, count: n), edge = [Double](repeating: 0, count: n + 1)
        // Squared distances in cell units, rows first, then columns of the rows' result.
        for r in 0..<grid.rows {
            let base = r * grid.columns
            for c in 0..<grid.columns { line[c] = d[base + c] }
            envelope(line, grid.columns, &out, &hull, &edge)
            for c in 0..<grid.columns { d[base + c] = out[c] }
        }
        for c in 0..<grid.columns {
            for r in 0..<grid.rows { line[r] = d[r * grid.columns + c] }
            envelope(line, grid.rows, &out, &hull, &edge)
            for r in 0..<grid.rows { d[r * grid.columns + c] = out[r] }
        }
        return d.map { $0.isFinite ? $0.squareRoot() * grid.cell : far }
    }

    /// The 1-D squared distance transform of `f[0..<n]`: min over q of (p − q)² + f(q), from the
    /// lower envelope of the parabolas rooted at the finite samples.
    private static func envelope(_ f: [Double], _ n: Int, _ out: inout [Double], _ hull: inout [Int], _ edge: inout [Double]) {
        var k = -1
        for q in 0..<n where f[q].isFinite {
            var s = -Double.infinity
            while k >= 0 {
                let v = hull[k]
                s = ((f[q] + Double(q * q)) - (f[v] + Double(v * v))) / Double(2 * (q - v))
                if s > edge[k] { break }
                k -= 1
            }
            k += 1
            hull[k] = q
            edge[k] = k == 0 ? -Double.infinity : s
            edge[k + 1] = Double.infinity
        }
        if k < 0 {
            for p in 0..<n { out[p] = .infinity }
            return
        }
        var j = 0
        for p in 0..<n {
            while edge[j + 1] < Double(p) { j += 1 }
            let dp = Double(p - hull[j])
            out[p] = dp * dp + f[hull[j]]
        }
    }
}
