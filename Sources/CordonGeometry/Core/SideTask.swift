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

    /// Queues `work` for the side threads (one per core, kept for the whole run). Not Dispatch's
    /// pool: Swift's tasks run there, and a task that waits for a side task queued behind it
    /// would wait until the pool grows (on 2 cores, timelines spent a third of their time so).
    /// Work asked from a side thread runs there at once, so no side thread waits for another.
    package init(_ work: @escaping () throws -> Value) {
        if SideThreads.onOne {
            result = Result { try work() }
            done.signal()
            return
        }
        let job = Unchecked(work)
        SideThreads.shared.run {
            self.result = Result { try job.value() }
            self.done.signal()
        }
    }

    /// Waits for the work (once; later calls return at once) and gives its value or its error.
    package func value() throws -> Value {
        wait()
        return try result!.get()
    }

    /// Waits for the work to end, whatever it gave.
    package func wait() {
        if collected { return }
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
/// the next job queued (first in, first out). Threads kept warm keep their allocator's memory.
private final class SideThreads: @unchecked Sendable {
    static let shared = SideThreads(count: max(1, ProcessInfo.processInfo.activeProcessorCount))
    private static let name = "cordon-side"

    /// Whether the calling thread is one of these.
    static var onOne: Bool { Thread.current.name == name }

    private let condition = NSCondition()
    private var queue: [() -> Void] = []
    private var next = 0
    private let count: Int
    private var started = false

    private init(count: Int) { self.count = count }

    func run(_ job: @escaping () -> Void) {
        condition.lock()
        queue.append(job)
        if !started {
            started = true
            for _ in 0..<count {
                let thread = Thread { [unowned self] in self.serve() }
                thread.name = Self.name
                thread.stackSize = 8 << 20  // GEOS recurses on deep overlays; the main thread's size
                thread.start()
            }
        }
        condition.signal()
        condition.unlock()
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
            condition.unlock()
            job()
        }
    }
}
