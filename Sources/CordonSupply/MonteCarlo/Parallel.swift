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

/// Runs `0..<count` in blocks of `block` consecutive runs, `jobs` blocks at once, each block on
/// a day engine workspace of its own (reused from run to run within it); results in block order.
/// Sensitivity and calibration runs share it, so a run depends on its index alone whatever `jobs` is.
func inBlocks<T: Sendable>(count: Int, block: Int, jobs: Int,
                           _ work: @escaping @Sendable (Range<Int>, inout Workspace) -> T) async -> [T] {
    let count = max(0, count)
    let blocks = (count + block - 1) / block
    return await inParallel(count: blocks, jobs: jobs, progress: nil) { b in
        var ws = Workspace()
        return work(b * block..<min(count, (b + 1) * block), &ws)
    }
}
