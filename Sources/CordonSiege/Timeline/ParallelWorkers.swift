import CordonCore
import Foundation

/// Evaluates independent items (periods, or shares of the routes) in parallel: one worker
/// per core, each built in its own task with its own GEOS and PROJ contexts, taking the next
/// item none has taken yet (items differ in cost: a worker that ends early takes more).
/// Results come back in item order, whatever the number of workers and whoever took each.
enum ParallelWorkers {
    static func run<Worker, Result>(
        count: Int, jobs: Int, progress: (@Sendable (Int, Int) -> Void)?,
        make: @escaping @Sendable () throws -> Worker,
        work: @escaping @Sendable (Worker, Int) throws -> Result
    ) async throws -> [Result] {
        let workers = max(1, min(jobs, count))
        let done = Counter(), taken = Counter()
        return try await withThrowingTaskGroup(of: Unchecked<[(Int, Result)]>.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    let worker = try make()
                    var out: [(Int, Result)] = []
                    while true {
                        let k = taken.increment() - 1
                        guard k < count else { break }
                        out.append((k, try work(worker, k)))
                        progress?(done.increment(), count)
                    }
                    return Unchecked(out)
                }
            }
            var all = [Result?](repeating: nil, count: count)
            for try await batch in group { for (k, r) in batch.value { all[k] = r } }
            return all.map { $0! }
        }
    }
}

/// A thread-safe tally for progress reports.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
