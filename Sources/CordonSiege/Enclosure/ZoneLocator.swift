import CordonGeometry

/// Finds the zone holding a pocket, by a point inside the pocket. A zone is often huge and holds
/// many pockets: the zones are indexed once, when first asked, and each is prepared once, so a
/// point is located through the index instead of a full relate.
final class ZoneLocator {
    private let zones: [Geometry]
    private let ctx: GEOSContext
    private var tree: STRtree?
    private var prepared: [Int: PreparedGeometry] = [:]

    init(_ zones: [Geometry], context: GEOSContext) {
        self.zones = zones
        ctx = context
    }

    /// The index of the zone holding `pocket` (lon/lat); nil when none does.
    func zone(holding pocket: Geometry) throws -> Int? {
        try zone(holdingPoint: pocket.representativePoint())
    }

    /// The index of the zone holding `point` (lon/lat); nil when none does.
    func zone(holdingPoint point: Geometry) throws -> Int? {
        let index = try tree ?? STRtree(zones, context: ctx)
        tree = index
        return try index.queryIndices(envelopeOf: point).first { z in
            let p = try prepared[z] ?? PreparedGeometry(zones[z])
            prepared[z] = p
            return try p.intersects(point)
        }
    }
}
