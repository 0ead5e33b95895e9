/// Nearest-rank percentiles: the smallest value with at least p % of values at or below it,
/// always one of the values themselves (no interpolation).
public enum NearestRank {
    /// 1-based rank of percentile `p` (0…100) among `count` values: ⌈p·count / 100⌉, at least 1.
    public static func rank(_ p: Int, of count: Int) -> Int { max(1, (p * count + 99) / 100) }

    /// Percentile `p` of `values`; nil when there are none.
    ///
    /// - Parameters:
    ///   - p: The percentile, 0 to 100.
    ///   - values: The values, in any order.
    public static func percentile<T: Comparable>(_ p: Int, of values: [T]) -> T? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[rank(p, of: values.count) - 1]
    }

    /// Percentiles 5, 50 and 95 of `values`, NaN (not modelled) left out; NaN each when none is left.
    static func spread(of values: [Double]) -> (p5: Double, p50: Double, p95: Double) {
        var kept = values.filter { !$0.isNaN }
        return kept.withUnsafeMutableBufferPointer { spread($0) }
    }

    /// Percentiles 5, 50 and 95 of `values`, reordering them in place (selection, not a full sort).
    static func spread(_ values: UnsafeMutableBufferPointer<Double>) -> (Double, Double, Double) {
        let n = values.count
        guard n > 0 else { return (.nan, .nan, .nan) }
        let k5 = rank(5, of: n) - 1, k50 = rank(50, of: n) - 1, k95 = rank(95, of: n) - 1
        select(values, k50, lo: 0, hi: n)
        // Left of k50 lies nothing larger, right of it nothing smaller: search each side only.
        if k5 < k50 { select(values, k5, lo: 0, hi: k50) }
        if k95 > k50 { select(values, k95, lo: k50 + 1, hi: n) }
        return (values[k5], values[k50], values[k95])
    }

    /// Puts the k-th smallest of `a[lo..<hi]` at `k`, nothing larger before it and nothing smaller after.
    /// Hoare's partition (as in Wirth's FIND): scans stop on values equal to the pivot, so the long
    /// runs of equal stocks (all 0 once depleted) still split in half.
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, lo: Int, hi: Int) {
        var lo = lo, hi = hi - 1
        while lo < hi {
            let x = a[lo], y = a[(lo + hi) / 2], z = a[hi]
            let pivot = max(min(x, y), min(max(x, y), z))
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now a[lo...j] ≤ pivot, a[i...hi] ≥ pivot, and anything between equals it.
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}
