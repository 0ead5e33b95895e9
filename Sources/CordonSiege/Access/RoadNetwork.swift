import CordonCore
import CordonGeometry

/// A road network as a graph (docs/design.md#roads): roads noded where they cross or where one
/// ends on another at the same level, joined across levels only where their ends meet; nodes
/// and edges in compact arrays, adjacency in compressed sparse rows.
public final class RoadNetwork {
    /// The file the roads came from, for messages.
    public let file: String
    /// Node positions, lon/lat.
    public let nodes: [Coordinate]
    /// Edge ends, as node indices.
    let edgeFrom: [Int32], edgeTo: [Int32]
    /// Edge shapes, lon/lat, from `edgeFrom` to `edgeTo`: plain coordinates, made into GEOS
    /// lines only where an analysis needs one (``line(_:in:)``), in the context it works in.
    let coordinates: [[Coordinate]]
    /// How many edges the network has.
    public var edgeCount: Int { coordinates.count }
    /// An index over the edges' boxes.
    let grid: EdgeGrid
    /// Which way each edge may be driven: 0 both, 1 from `edgeFrom` to `edgeTo`, -1 the other way.
    let oneway: [Int8]
    /// Geodesic length of each edge in metres.
    public let lengths: [Double]
    /// Seconds to drive each edge.
    public let seconds: [Double]
    /// The road (position in the layer) each edge comes from.
    public let roads: [Int]
    /// Adjacency: node n's incident edges are `adjacentEdges[rowStart[n]..<rowStart[n+1]]`.
    let rowStart: [Int32], adjacentEdges: [Int32]
    /// Classes with no speed of their own, driven at the speed of `road`.
    public let assumedClasses: [String]
    /// The searches' backward steps: node n may be reached by driving edge `inEdges[k]` from
    /// node `inNodes[k]`, for k in `inStart[n]..<inStart[n+1]`, in the order of `adjacentEdges`.
    let inStart: [Int32], inEdges: [Int32], inNodes: [Int32]

    /// Nodes and edges noded from `lines` (docs/design.md#roads).
    ///
    /// - Parameters:
    ///   - lines: The roads, from ``RoadLine/read(_:file:)``.
    ///   - speeds: Speeds per class.
    ///   - file: The roads' file, for messages.
    ///   - ctx: The GEOS context for noding roads that overlap along a stretch (GEOS's union);
    ///     the network keeps no GEOS object.
    /// - Throws: A `GeometryError`, or ``SiegeInputError`` when the graph would exceed 2³¹ nodes.
    public init(lines: [RoadLine], speeds: RoadSpeeds, file: String, context ctx: GEOSContext) throws {
        self.file = file
        var pieces: [(coords: [Coordinate], road: Int)] = []  // road: index into lines
        let levels = Set(lines.map(\.level)).sorted()
        let lineCoords = lines.map(\.geometry.coordinates)
        for level in levels {
            let members = lines.indices.filter { lines[$0].level == level }
            // Noded in Swift, unless roads overlap along a stretch: GEOS's union then merges them.
            if let noded = SegmentNoder.node(members.map { lineCoords[$0] }) {
                pieces += noded.map { ($0.coords, members[$0.road]) }
                continue
            }
            // The union clones its parts: only lines from another context need a copy first.
            let noded = try ctx.union(members.map { lines[$0].geometry.context === ctx ? lines[$0].geometry
                                                                                      : try lines[$0].geometry.copy(into: ctx) }).lines()
            let tree = try STRtree(members.map { lines[$0].geometry }, context: ctx)
            for piece in noded {
                var c = piece.coordinates
                guard c.count >= 2 else { continue }
                // The road a piece lies on: the first in file order within a nanodegree of the
                // middle of its first segment (where two roads overlap, the first one's class).
                let mid = Coordinate((c[0].x + c[1].x) / 2, (c[0].y + c[1].y) / 2)
                let box = Bounds(minX: mid.x - 1e-9, minY: mid.y - 1e-9, maxX: mid.x + 1e-9, maxY: mid.y + 1e-9)
                let candidates = try tree.query(box).sorted()
                let road = members[candidates.first { Polyline.distanceSquared(mid, to: lineCoords[members[$0]]) < 1e-18 }
                                   ?? candidates.first ?? 0]
                // The noder may turn a piece round: a one-way road's pieces keep its direction.
                let along = lineCoords[road], (s, _) = Polyline.locate(mid, in: along)
                let dx = along[s + 1].x - along[s].x, dy = along[s + 1].y - along[s].y
                if (c[1].x - c[0].x) * dx + (c[1].y - c[0].y) * dy < 0 { c.reverse() }
                pieces.append((c, road))
            }
        }
        if levels.count > 1 { pieces = try Self.splitAtOtherLevelsEnds(pieces, lines: lines, context: ctx) }

        var index = NodeIndex(capacity: pieces.count / 2 + 1)
        var nodes: [Coordinate] = []
        // A road's pieces follow each other: one begins where the one before it ended.
        var lastEnd: (at: Coordinate, node: Int32)?
        func node(_ c: Coordinate) -> Int32 {
            if let last = lastEnd, last.at == c { return last.node }  // == holds for ±0 as NodeKey does
            let n = index.node(NodeKey(c), next: Int32(nodes.count))
            if n == nodes.count { nodes.append(c) }
            return n
        }
        // Each road's speed and direction, once per road rather than once per piece.
        var assumed = Set<String>()
        let fallback = speeds.byClass[RoadSpeeds.fallbackClass] ?? 30
        let kmhOf = lines.map { speeds.kmh(roadClass: $0.roadClass, maxspeed: $0.maxspeed) }
        let onewayOf = lines.map(\.oneway), featureOf = lines.map(\.feature)
        var from: [Int32] = [], to: [Int32] = [], lengths: [Double] = []
        var seconds: [Double] = [], roads: [Int] = [], coordinates: [[Coordinate]] = [], oneway: [Int8] = []
        from.reserveCapacity(pieces.count); to.reserveCapacity(pieces.count); lengths.reserveCapacity(pieces.count)
        seconds.reserveCapacity(pieces.count); roads.reserveCapacity(pieces.count)
        coordinates.reserveCapacity(pieces.count); oneway.reserveCapacity(pieces.count)
        // Geodesic lengths, the costliest part, on two threads from a few thousand pieces on.
        let shared = Unchecked(pieces)
        let measured = try inHalves(count: pieces.count) { r in shared.value[r].map { Geodesic.stepsLength($0.coords) } }
        for ((coords, road), length) in zip(pieces, measured) {
            guard length > 0 else { continue }
            guard nodes.count < Int(Int32.max) - 2 else {
                throw SiegeInputError(file: file, "the network has more than \(Int32.max - 2) nodes")
            }
            let start = node(coords[0]), end = node(coords[coords.count - 1])
            lastEnd = (coords[coords.count - 1], end)
            from.append(start)
            to.append(end)
            coordinates.append(coords)
            oneway.append(onewayOf[road])
            lengths.append(length)
            if kmhOf[road] == nil { assumed.insert(lines[road].roadClass) }
            seconds.append(length / ((kmhOf[road] ?? fallback) / 3.6))
            roads.append(featureOf[road])
        }
        if coordinates.isEmpty { throw SiegeInputError(file: file, "the road network is empty: every line has length 0") }
        // Compressed sparse rows: count, prefix-sum, fill.
        var start = [Int32](repeating: 0, count: nodes.count + 1)
        for e in from.indices { start[Int(from[e]) + 1] += 1; start[Int(to[e]) + 1] += 1 }
        for n in 0..<nodes.count { start[n + 1] += start[n] }
        var fill = start, adjacent = [Int32](repeating: 0, count: Int(start[nodes.count]))
        for e in from.indices {
            adjacent[Int(fill[Int(from[e])])] = Int32(e); fill[Int(from[e])] += 1
            adjacent[Int(fill[Int(to[e])])] = Int32(e); fill[Int(to[e])] += 1
        }
        self.nodes = nodes
        edgeFrom = from
        edgeTo = to
        self.coordinates = coordinates
        grid = EdgeGrid(coordinates)
        self.oneway = oneway
        self.lengths = lengths
        self.seconds = seconds
        self.roads = roads
        rowStart = start
        adjacentEdges = adjacent
        assumedClasses = assumed.sorted()
        (inStart, inEdges, inNodes) = Self.drivenInto(start: start, adjacent: adjacent, from: from, to: to, oneway: oneway)
    }

    /// Per node, the edges that may be driven into it and the node each is driven from (as
    /// `other` and `drivable` find them), kept in adjacency order so that ties resolve as before.
    private static func drivenInto(start: [Int32], adjacent: [Int32], from: [Int32], to: [Int32], oneway: [Int8])
        -> ([Int32], [Int32], [Int32]) {
        var inStart = [Int32](repeating: 0, count: start.count), inEdges: [Int32] = [], inNodes: [Int32] = []
        inEdges.reserveCapacity(adjacent.count)
        inNodes.reserveCapacity(adjacent.count)
        for n in 0..<(start.count - 1) {
            let u = Int32(n)
            for k in Int(start[n])..<Int(start[n + 1]) {
                let e = Int(adjacent[k])
                let v = from[e] == u ? to[e] : from[e]
                let o = oneway[e]
                guard o == 0 || (o > 0 ? from[e] == v : to[e] == v) else { continue }
                inEdges.append(Int32(e))
                inNodes.append(v)
            }
            inStart[n + 1] = Int32(inEdges.count)
        }
        return (inStart, inEdges, inNodes)
    }

    /// The other end of edge `e` from node `n`.
    @inline(__always) func other(_ e: Int, _ n: Int32) -> Int32 { edgeFrom[e] == n ? edgeTo[e] : edgeFrom[e] }

    /// Whether edge `e` may be driven from its end `n` to its other end.
    @inline(__always) func drivable(_ e: Int, from n: Int32) -> Bool {
        let o = oneway[e]
        return o == 0 || (o > 0 ? edgeFrom[e] == n : edgeTo[e] == n)
    }

    /// Seconds to drive `metres` of edge `e`, at its speed.
    @inline(__always) func seconds(along e: Int, metres: Double) -> Double {
        lengths[e] > 0 ? seconds[e] * metres / lengths[e] : 0
    }

    /// Bounds of every edge, lon/lat.
    public var bounds: Bounds? { coordinates.isEmpty ? nil : grid.extent }

    /// Edge `e` as a GEOS line in `ctx`.
    public func line(_ e: Int, in ctx: GEOSContext) throws -> Geometry { try ctx.lineString(coordinates[e]) }

    /// The shapes of `edges` (ascending), each edge joined to the next when that one continues
    /// it along the same road (as the road was noded, end to start): a road's stretch cut for a
    /// kilometre is one line, not dozens of edges.
    func stretches(_ edges: [Int]) -> [[Coordinate]] {
        var out: [[Coordinate]] = [], last = -1
        for e in edges {
            if last >= 0, e == last + 1, roads[e] == roads[last], edgeFrom[e] == edgeTo[last] {
                out[out.count - 1] += coordinates[e].dropFirst()
            } else {
                out.append(coordinates[e])
            }
            last = e
        }
        return out
    }

    /// A road that ends on another level's road (a bridge's end on the street below it) splits
    /// that road there, so the two meet; roads that only cross at different levels do not.
    private static func splitAtOtherLevelsEnds(_ pieces: [(coords: [Coordinate], road: Int)], lines: [RoadLine],
                                               context ctx: GEOSContext) throws -> [(coords: [Coordinate], road: Int)] {
        var ends: [(Coordinate, Int)] = []  // end, level
        for l in lines { let c = l.geometry.coordinates; ends += [(c[0], l.level), (c[c.count - 1], l.level)] }
        var out = pieces
        var splits: [Int: [Coordinate]] = [:]
        let tree = try STRtree(try pieces.map { try ctx.lineString($0.coords) }, context: ctx)
        for (p, level) in ends {
            let box = Bounds(minX: p.x - 1e-9, minY: p.y - 1e-9, maxX: p.x + 1e-9, maxY: p.y + 1e-9)
            for k in try tree.query(box) where lines[pieces[k].road].level != level {
                let c = pieces[k].coords
                if NodeKey(c[0]) == NodeKey(p) || NodeKey(c[c.count - 1]) == NodeKey(p) { continue }
                if Self.segment(of: c, holding: p) != nil { splits[k, default: []].append(p) }
            }
        }
        for k in splits.keys.sorted().reversed() {
            var rest = pieces[k].coords
            var parts: [[Coordinate]] = []
            // Split at each point, nearest the start first.
            let points = splits[k]!.sorted { a, b in
                (Self.segment(of: rest, holding: a) ?? 0) < (Self.segment(of: rest, holding: b) ?? 0)
            }
            for p in points {
                guard let s = Self.segment(of: rest, holding: p) else { continue }
                let head = Array(rest[0...s]) + [p], tail = [p] + Array(rest[(s + 1)...])
                if head.count >= 2 && Geodesic.stepsLength(head) > 0 { parts.append(head) }
                rest = tail
            }
            parts.append(rest)
            out.remove(at: k)
            out.insert(contentsOf: parts.map { ($0, pieces[k].road) }, at: k)
        }
        return out
    }

    /// The segment (from its first vertex) that `p` lies on, within a nanodegree.
    private static func segment(of c: [Coordinate], holding p: Coordinate) -> Int? {
        let (s, q) = Polyline.locate(p, in: c)
        return (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y) < 1e-18 ? s : nil
    }
}

/// A coordinate as an exact key: nodes are where noded pieces share a vertex exactly.
struct NodeKey: Hashable {
    let x: UInt64, y: UInt64
    init(_ c: Coordinate) {
        x = (c.x == 0 ? 0 : c.x).bitPattern  // -0 and 0 are one place
        y = (c.y == 0 ? 0 : c.y).bitPattern
    }
}

/// Node numbers by exact position, open addressing with a multiplicative hash: a network's
/// every edge end is looked up once, and a Dictionary's hashing and growth were two fifths of
/// building a 200,000-edge network.
struct NodeIndex {
    private var keys: [NodeKey]
    private var numbers: [Int32]  // -1: empty slot
    private var mask: Int
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = [NodeKey](repeating: NodeKey(Coordinate(0, 0)), count: size)
        numbers = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of the node at `key`, or `next` (then recorded) when it has none yet.
    mutating func node(_ key: NodeKey, next: Int32) -> Int32 {
        if 2 * (count + 1) > numbers.count { grow() }
        var i = Self.slot(key) & mask
        while numbers[i] >= 0 {
            if keys[i] == key { return numbers[i] }
            i = (i + 1) & mask
        }
        keys[i] = key
        numbers[i] = next
        count += 1
        return next
    }

    /// Drawn once per process and mixed into every slot, so no file can be made to collide on
    /// purpose (numbers follow the order of first sight, so no output depends on it).
    private static let key = UInt64(truncatingIfNeeded: Hasher().finalize()) | 1

    private static func slot(_ k: NodeKey) -> Int {
        var h = k.x &* 0x9E37_79B9_7F4A_7C15 ^ (k.y &+ 0x632B_E59B_D9B4_E019) &* key
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    private mutating func grow() {
        let old = zip(keys, numbers).filter { $0.1 >= 0 }
        keys = [NodeKey](repeating: NodeKey(Coordinate(0, 0)), count: 2 * numbers.count)
        numbers = [Int32](repeating: -1, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (k, n) in old { _ = node(k, next: n) }
    }
}
