import Foundation
import CordonGeometry
import CordonSupply

/// Hands a value built on one thread to another, whole. Used only for values that the
/// sender never touches again, or that every reader only reads (GEOS geometries whose
/// envelopes are already computed are safe to read, and clone, from many threads).
struct Handover<T>: @unchecked Sendable {
    let value: T
}

/// The enclosure of every period of a map, in parallel: one worker per core, each with its
/// own GEOS and PROJ contexts and its own copy of the map. Then `since` is traced forward.
public enum EnclosureTimeline {
    public static func run(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                           jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [Pocket] {
        let periods = map.periods
        _ = map.bounds  // computes and caches every envelope before threads share the geometries
        let shared = Handover(value: (map, layers))
        let workers = max(1, min(jobs, periods.count))
        let done = Counter()
        let results = try await withThrowingTaskGroup(of: Handover<[(Int, [Pocket])]>.self) { group in
            for w in 0..<workers {
                group.addTask {
                    let (map, layers) = shared.value
                    let analysis = try EnclosureAnalysis(map: map, options: options, layers: layers, context: GEOSContext())
                    var out: [(Int, [Pocket])] = []
                    for k in stride(from: w, to: periods.count, by: workers) {
                        var pockets = try analysis.pockets(on: periods[k].sampleDay)
                        for i in pockets.indices { pockets[i].period = periods[k] }
                        out.append((k, pockets))
                        progress?(done.increment(), periods.count)
                    }
                    return Handover(value: out)
                }
            }
            var all: [[Pocket]] = Array(repeating: [], count: periods.count)
            for try await batch in group { for (k, p) in batch.value { all[k] = p } }
            return all
        }
        return try traceSince(results, periods: periods)
    }

    /// `since`: the first day of the current, unbroken encirclement of the pocket that holds
    /// most of this one's area in the previous period.
    static func traceSince(_ byPeriod: [[Pocket]], periods: [Period]) throws -> [Pocket] {
        var out: [Pocket] = []
        var previous: [Pocket] = []
        for (k, pockets) in byPeriod.enumerated() {
            var current = pockets
            for i in current.indices where current[i].encircled {
                var best: (area: Double, pocket: Pocket)?
                for q in previous {
                    let shared = try current[i].geometry.intersection(q.geometry).planarArea()
                    if shared > 0, shared > (best?.area ?? 0) { best = (shared, q) }
                }
                if let q = best?.pocket, q.encircled {
                    current[i].since = q.since ?? q.period?.from
                } else {
                    current[i].since = periods[k].from
                }
            }
            out += current
            previous = current
        }
        return out
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

