/// Computes `work(0..<count)` with at most `jobs` items in flight at once, results in index order.
/// A Swift task group spreads the items over the cores; the order of completion never shows.
func inParallel<T: Sendable>(count: Int, jobs: Int, progress: ((Int) -> Void)?,
                             _ work: @escaping @Sendable (Int) -> T) async -> [T] {
    guard count > 0 else { return [] }
    if jobs <= 1 {
        return (0..<count).map { i in
            let result = work(i)
            progress?(i + 1)
            return result
        }
    }
    var results = [T?](repeating: nil, count: count)
    await withTaskGroup(of: (Int, T).self) { group in
        var next = 0
        while next < min(jobs, count) {
            let i = next
            group.addTask { (i, work(i)) }
            next += 1
        }
        var done = 0
        for await (i, value) in group {
            results[i] = value
            done += 1
            progress?(done)
            if next < count {
                let i = next
                group.addTask { (i, work(i)) }
                next += 1
            }
        }
    }
    return results.map { $0! }
}
