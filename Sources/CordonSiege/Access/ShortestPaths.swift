/// Dijkstra over a ``RoadNetwork`` with a lexicographic cost: a whole-number first cost (such as
/// millimetres exposed to fire), then seconds (docs/design.md#roads). Whole millimetres add up
/// exactly, so two paths tie on the first cost only when they truly do, and the order of the
/// additions never changes the answer.
///
/// It runs backwards, from where people are going (the way out, a corridor's entry) to every
/// node: an edge is taken from node u back to node v only when it may be driven from v to u,
/// so on one-way roads each node's cost is that of driving forward from it to its start.
struct ShortestPaths {
    /// Per node: the best first cost (Int64.max when unreached), seconds and metres along it.
    var first: [Int64]
    var seconds: [Double]
    var metres: [Double]
    /// Per node: the edge it was reached by (-1 for a start or unreached).
    var via: [Int32]
    /// Per node: the start it was reached from.
    var start: [Int32]

    /// A start: a node reached at a cost before any edge (a way out partway along an edge).
    struct Start { var node: Int32; var first: Int64; var seconds: Double; var metres: Double; var tag: Int32 }

    /// Runs from every start at once. `weight(e)` is an edge's first cost, nil when it may not be used.
    init(_ net: RoadNetwork, starts: [Start], weight: (Int) -> Int64?) {
        let n = net.nodes.count
        var first = [Int64](repeating: .max, count: n)
        var seconds = [Double](repeating: .infinity, count: n)
        var metres = [Double](repeating: .infinity, count: n)
        var via = [Int32](repeating: -1, count: n)
        var start = [Int32](repeating: -1, count: n)
        var heap = Heap()
        for s in starts where Self.better(s.first, s.seconds, than: first[Int(s.node)], seconds[Int(s.node)]) {
            let k = Int(s.node)
            first[k] = s.first; seconds[k] = s.seconds; metres[k] = s.metres; start[k] = s.tag; via[k] = -1
            heap.push(.init(first: s.first, seconds: s.seconds, node: s.node))
        }
        // Each edge's cost once (Int64.min: not usable), and the graph as flat arrays.
        let weights = (0..<net.edgeCount).map { weight($0) ?? .min }
        let inStart = net.inStart, inEdges = net.inEdges, inNodes = net.inNodes
        let edgeSeconds = net.seconds, lengths = net.lengths
        while let top = heap.pop() {
            let u = Int(top.node)
            if top.first != first[u] || top.seconds != seconds[u] { continue }  // a stale entry
            let mu = metres[u], su = start[u]
            for k in Int(inStart[u])..<Int(inStart[u + 1]) {
                let e = Int(inEdges[k])
                let w = weights[e]
                if w == .min { continue }
                let v = Int(inNodes[k])
                let f = top.first &+ w, s = top.seconds + edgeSeconds[e]
                if Self.better(f, s, than: first[v], seconds[v]) {
                    first[v] = f; seconds[v] = s; metres[v] = mu + lengths[e]
                    via[v] = Int32(e); start[v] = su
                    heap.push(.init(first: f, seconds: s, node: Int32(v)))
                }
            }
        }
        self.first = first
        self.seconds = seconds
        self.metres = metres
        self.via = via
        self.start = start
    }

    @inline(__always) static func better(_ f: Int64, _ s: Double, than g: Int64, _ t: Double) -> Bool {
        f < g || (f == g && s < t)
    }

    func reached(_ n: Int) -> Bool { first[n] != .max }

    /// The edges from node `n` back to its start, in that order.
    func edges(from n: Int, in net: RoadNetwork) -> [Int] {
        var out: [Int] = []
        var node = Int32(n)
        while via[Int(node)] >= 0 {
            let e = Int(via[Int(node)])
            out.append(e)
            node = net.other(e, node)
        }
        return out
    }

    /// A binary min-heap on (first, seconds), ties by node so the order never depends on insertion.
    struct Heap {
        struct Entry { var first: Int64; var seconds: Double; var node: Int32 }
        private var items: [Entry] = []
        @inline(__always) private static func less(_ a: Entry, _ b: Entry) -> Bool {
            a.first != b.first ? a.first < b.first : a.seconds != b.seconds ? a.seconds < b.seconds : a.node < b.node
        }
        // Holes moved down and up through the buffer (no swaps, no uniqueness checks per step).
        mutating func push(_ x: Entry) {
            items.append(x)
            items.withUnsafeMutableBufferPointer { h in
                var i = h.count - 1
                while i > 0 {
                    let p = (i - 1) / 2
                    if !Self.less(x, h[p]) { break }
                    h[i] = h[p]
                    i = p
                }
                h[i] = x
            }
        }
        mutating func pop() -> Entry? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if items.isEmpty { return top }
            items.withUnsafeMutableBufferPointer { h in
                let n = h.count
                var i = 0
                while true {
                    let l = 2 * i + 1
                    if l >= n { break }
                    let m = l + 1 < n && Self.less(h[l + 1], h[l]) ? l + 1 : l
                    if !Self.less(h[m], last) { break }
                    h[i] = h[m]
                    i = m
                }
                h[i] = last
            }
            return top
        }
    }
}
