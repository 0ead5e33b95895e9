/// Nearest-rank percentiles: the smallest value with at least p % of values at or below it,
/// always one of the values themselves (no interpolation).
public enum NearestRank {
    /// 1-based rank of percentile `p` (0…100) among `count` values: ⌈p·count / 100⌉, at least 1.
    public static func rank(_ p: Int, of count: Int) -> Int { max(1, (p * count + 99) / 100) }

    /// Percentile `p` of `values`; nil when there are none.
    public static func percentile<T: Comparable>(_ p: Int, of values: [T]) -> T? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[rank(p, of: values.count) - 1]
    }

    /// Percentiles 5, 50 and 95 of `values`, reordering them in place (selection, not a full sort).
    static func spread(_ values: UnsafeMutableBufferPointer<Double>) -> (Double, Double, Double) {
        let n = values.count
        let k5 = rank(5, of: n) - 1, k50 = rank(50, of: n) - 1, k95 = rank(95, of: n) - 1
        select(values, k50, lo: 0, hi: n)
        // Left of k50 lies nothing larger, right of it nothing smaller: search each side only.
        if k5 < k50 { select(values, k5, lo: 0, hi: k50) }
        if k95 > k50 { select(values, k95, lo: k50 + 1, hi: n) }
        return (values[k5], values[k50], values[k95])
    }

    /// Puts the k-th smallest of `a[lo..<hi]` at `k`, nothing larger before it and nothing smaller after.
    /// Three-way partitions, because stocks hold long runs of equal values (0 once depleted).
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, lo: Int, hi: Int) {
        var lo = lo, hi = hi
        while hi - lo > 1 {
            let x = a[lo], y = a[(lo + hi) / 2], z = a[hi - 1]
            let pivot = max(min(x, y), min(max(x, y), z))
            var lt = lo, i = lo, gt = hi
            while i < gt {
                let v = a[i]
                if v < pivot { a.swapAt(lt, i); lt += 1; i += 1 }
                else if v > pivot { gt -= 1; a.swapAt(i, gt) }
                else { i += 1 }
            }
            if k < lt { hi = lt } else if k >= gt { lo = gt } else { return }
        }
    }
}
