import CordonGeometry

/// One continuous range of longitudes for a map that crosses the antimeridian
/// (docs/design.md#metric-work-and-projections). GeoJSON cuts such ground at ±180°; moving the
/// far side by 360° joins the two halves again, so a pocket split at 180° is one pocket.
/// Results go back to −180…180, cut at the antimeridian, only when they are written.
struct Longitudes {
    /// Longitudes below this move 360° east; nil when the map is continuous as it is.
    let cut: Double?

    /// The cut lies in the middle of the widest stretch of longitude that no box reaches,
    /// when that stretch is not already the one across the antimeridian.
    init(spanning boxes: [Bounds]) {
        let spans = boxes.map { ($0.minX, $0.maxX) }.sorted { $0.0 < $1.0 }
        guard var reach = spans.first?.1, let first = spans.first?.0 else { cut = nil; return }
        var widest: (gap: Double, middle: Double)?
        for (lo, hi) in spans.dropFirst() {
            if lo > reach, lo - reach > (widest?.gap ?? 0) { widest = (lo - reach, (lo + reach) / 2) }
            reach = max(reach, hi)
        }
        let acrossAntimeridian = first + 360 - reach
        cut = widest.flatMap { $0.gap > acrossAntimeridian ? $0.middle : nil }
    }

    /// A lon/lat geometry in the continuous range.
    func unwrap(_ g: Geometry) throws -> Geometry {
        guard let cut, let b = g.bounds, b.minX < cut else { return g }
        return try g.transformed { c in
            if c.x < cut { c.x += 360 }
            return true
        }
    }

    /// A geometry of the continuous range back in −180…180: what lies east of 180° moves back
    /// 360° west, as a separate part.
    func wrap(_ g: Geometry) throws -> Geometry {
        guard let b = g.bounds, b.maxX > 180 else { return g }
        let shift = { (g: Geometry) in try g.transformed { $0.x -= 360; return true } }
        if b.minX >= 180 { return try shift(g) }
        let ctx = g.context
        let west = try g.intersection(ctx.rectangle(Bounds(minX: b.minX - 1, minY: b.minY - 1, maxX: 180, maxY: b.maxY + 1)))
        let east = try shift(g.intersection(ctx.rectangle(Bounds(minX: 180, minY: b.minY - 1, maxX: b.maxX + 1, maxY: b.maxY + 1))))
        if g.type.isPolygonal { return try ctx.collection(.multiPolygon, try west.polygons() + east.polygons()) }
        if g.type.isLineal { return try ctx.collection(.multiLineString, try west.lines() + east.lines()) }
        return try ctx.collection(.geometryCollection, [west, east])
    }
}
