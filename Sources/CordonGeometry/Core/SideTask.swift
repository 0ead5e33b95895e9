import CordonCore
import Dispatch
import Foundation

/// Work started on a second thread while the caller goes on with its own share, collected once
/// (one-date steps use the machine's second core this way). The work must touch nothing the
/// caller touches meanwhile: it makes its geometry in a GEOS context of its own and reads only
/// what the caller leaves alone until `value()` returns.
package final class SideTask<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?
    private var collected = false
    private let job: SideThreads.Job

    /// Queues `work` for the side threads (one per core, kept for the whole run). Not Dispatch's
    /// pool: Swift's tasks run there, and a task that waits for a side task queued behind it
    /// would wait until the pool grows (on 2 cores, timelines spent a third of their time so).
    /// Whoever waits for work no side thread has taken yet takes it and runs it itself, so a
    /// side thread waiting for work it queued (work within work) never waits for a free thread.
    package init(_ work: @escaping () throws -> Value) {
        let body = Unchecked(work)
        job = SideThreads.Job()
        job.body = { [self] in
            result = Result { try body.value() }
            done.signal()
        }
        SideThreads.shared.run(job)
    }

    /// Waits for the work (once; later calls return at once) and gives its value or its error.
    package func value() throws -> Value {
        wait()
        return try result!.get()
    }

    /// Waits for the work to end, whatever it gave; runs it here if no side thread has taken it.
    package func wait() {
        if collected { return }
        if SideThreads.shared.take(job) { job.runOnce() }
        done.wait()
        collected = true
    }

    /// Runs `body(k)` for k in 0..<count, the pieces after the first on other threads, and gives
    /// the values in order of k (so the outcome never depends on which thread ends first). The
    /// first error in that order is thrown, after every piece has ended.
    package static func pieces(_ count: Int, _ body: @escaping (Int) throws -> Value) throws -> [Value] {
        if count <= 1 { return try (0..<count).map(body) }
        let others = (1..<count).map { k in SideTask { try body(k) } }
        let first = Result { try body(0) }
        for task in others { task.wait() }
        return try [first.get()] + others.map { try $0.value() }
    }
}

/// `body` over `0..<count` whole, or, from `minimum` on, over its two halves, the second on a
/// side thread (for work on plain values: no GEOS context is given); the values joined in
/// order. The first error in that order is thrown, after both halves have ended.
package func inHalves<Element>(count: Int, minimum: Int = 4096,
                               _ body: @escaping (Range<Int>) throws -> [Element]) throws -> [Element] {
    let pieces = count >= minimum ? 2 : 1
    let size = (count + pieces - 1) / pieces
    let parts = try SideTask<[Element]>.pieces(pieces) { k in try body((k * size)..<min(count, (k + 1) * size)) }
    // Appended whole, not through a joined sequence: this generic function is not specialised,
    // and a joined sequence's iterator looks up its type's metadata for every element.
    var out: [Element] = []
    out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { out.append(contentsOf: part) }
    return out
}

/// `body` over `items` whole, or, from `minimum` items on, over two halves, the second on a side
/// thread given a GEOS context of its own (the caller's half gets nil: it works in its own);
/// the values joined in item order. Nil when a side context could not be made or `body` threw.
package func inHalves<Item, Element>(_ items: [Item], minimum: Int = 4096,
                                     _ body: @escaping (ArraySlice<Item>, GEOSContext?) throws -> [Element]) -> [Element]? {
    let shared = Unchecked(items)
    return try? inHalves(count: items.count, minimum: minimum) { r in
        try body(shared.value[r], r.lowerBound == 0 ? nil : try GEOSContext())
    }
}

/// The threads side tasks run on: one per core, started when first asked and kept, each taking
/// the next job queued (first in, first out) that no one has taken yet. Threads kept warm keep
/// their allocator's memory.
private final class SideThreads: @unchecked Sendable {
    static let shared = SideThreads(count: max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// Work for the side threads, taken once: by a side thread or by whoever waits for it.
    final class Job: @unchecked Sendable {
        var body: (() -> Void)?
        fileprivate var taken = false  // under the pool's lock

        /// Runs the body and lets it go (it holds its task until then).
        func runOnce() {
            let b = body
            body = nil
            b?()
        }
    }

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var next = 0
    private let count: Int
    private var started = false

    private init(count: Int) { self.count = count }

    func run(_ job: Job) {
        condition.lock()
        queue.append(job)
        if !started {
            started = true
            for _ in 0..<count {
                let thread = Thread { [unowned self] in self.serve() }
                thread.name = "cordon-side"
                thread.stackSize = 8 << 20  // GEOS recurses on deep overlays; the main thread's size
                thread.start()
            }
        }
        condition.signal()
        condition.unlock()
    }

    /// Takes `job` for the caller to run, unless a side thread (or another caller) has it.
    func take(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if job.taken { return false }
        job.taken = true
        return true
    }

    private func serve() {
        while true {
            condition.lock()
            while next == queue.count { condition.wait() }
            let job = queue[next]
            next += 1
            if next == queue.count {
                queue.removeAll(keepingCapacity: true)
                next = 0
            }
            let mine = !job.taken
            job.taken = true
            condition.unlock()
            if mine { job.runOnce() }
        }
    }
}
