import CGEOS

/// A bulk-loaded R-tree over geometries' envelopes; queries return item indices, as in
/// Shapely's `STRtree.query`. GEOS builds the tree on the first query, so the initializer
/// runs one to build it before the tree is used (never share a tree across threads anyway).
public final class STRtree {
    /// The indexed geometries; query results are indices into this array.
    public let items: [Geometry]
    let context: GEOSContext
    let pointer: OpaquePointer

    /// Builds the index.
    /// - Parameters:
    ///   - items: The geometries to index; empty ones are never found.
    ///   - context: The context that made `items`.
    ///   - nodeCapacity: Entries per tree node (at least 2); the default suits most maps.
    /// - Throws: ``GeometryError/geos(operation:message:)`` when GEOS cannot build the tree.
    public init(_ items: [Geometry], context: GEOSContext, nodeCapacity: Int = 10) throws {
        self.items = items
        self.context = context
        context.reset()
        guard let t = GEOSSTRtree_create_r(context.handle, max(nodeCapacity, 2)) else { throw context.error("STRtree create") }
        pointer = t
        for (i, g) in items.enumerated() where !g.isEmpty {
            // The item is the index itself, stored in the pointer value (offset by one: never NULL).
            GEOSSTRtree_insert_r(context.handle, t, g.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
        let probe = try context.point(Coordinate(0, 0))
        _ = queryIndices(envelopeOf: probe)
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, pointer) }

    /// Indices of items whose envelope intersects `geometry`'s envelope, ascending.
    public func queryIndices(envelopeOf geometry: Geometry) -> [Int] {
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { fp in
            GEOSSTRtree_query_r(context.handle, pointer, geometry.pointer, { item, user in
                let list = user!.assumingMemoryBound(to: [Int].self)
                list.pointee.append(Int(bitPattern: item) - 1)
            }, fp)
        }
        found.sort()
        return found
    }

    /// Indices of items whose envelope intersects the rectangle.
    public func query(_ b: Bounds) throws -> [Int] {
        try queryIndices(envelopeOf: context.rectangle(b))
    }

    /// Indices of items that satisfy `predicate(item)` among envelope candidates of `geometry`.
    public func query(_ geometry: Geometry, where predicate: (Geometry) throws -> Bool) rethrows -> [Int] {
        try queryIndices(envelopeOf: geometry).filter { try predicate(items[$0]) }
    }
}
