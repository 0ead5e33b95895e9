import CordonCore
import CordonGeometry

/// Areal weighting: residents of an area count inside a pocket in proportion to the share
/// of the area's surface inside it, by geodesic area (the overlay is made in lon/lat, so no
/// projection is needed). Whole areas inside count fully without overlay.
struct AreaWeighting {
    let ws: Workspace

    init(_ ws: Workspace) { self.ws = ws }

    /// Residents inside `pocket` (lon/lat) on `day`.
    func population(inside pocket: Geometry, on day: Day?) throws -> Double {
        guard let b = pocket.bounds else { return 0 }
        let prepared = try PreparedGeometry(pocket)
        var total = 0.0
        if let layer = ws.layers.population {
            for area in layer where area.population > 0 {
                guard let ab = area.geometry.bounds, ab.intersects(b) else { continue }
                total += try share(area.geometry, { Geodesic.area(area.geometry) }, prepared) * area.population
            }
            return total
        }
        for i in try ws.areas(near: b, on: day) where ws.areas[i].population > 0 {
            total += try share(ws.areas[i].geometry, { ws.geodesicArea(i) }, prepared) * ws.areas[i].population
        }
        return total
    }

    /// Residents of each pocket when the pockets are unions of the given areas (no snap): each
    /// part of an area lies whole in one pocket, found by a point inside it, and brings the
    /// area's residents in proportion to its surface.
    func residents(of areas: [Int], in pockets: [Geometry]) throws -> [Double] {
        var totals = [Double](repeating: 0, count: pockets.count)
        let tree = try STRtree(pockets, context: ws.ctx)
        let prepared = try pockets.map { try PreparedGeometry($0) }
        func pocket(holding part: Geometry) throws -> Int? {
            let point = try part.representativePoint()
            return try tree.queryIndices(envelopeOf: point).first { try prepared[$0].intersects(point) }
        }
        for i in areas where ws.areas[i].population > 0 {
            let area = ws.areas[i]
            let parts = area.geometry.parts
            if parts.count == 1 {
                if let k = try pocket(holding: area.geometry) { totals[k] += area.population }
                continue
            }
            let sizes = parts.map { Geodesic.area($0) }
            let whole = sizes.reduce(0, +)
            guard whole > 0 else { continue }
            for (part, size) in zip(parts, sizes) {
                if let k = try pocket(holding: part) { totals[k] += area.population * size / whole }
            }
        }
        return totals
    }

    /// Names of districts whose area lies more than half inside the pocket (lon/lat).
    func districts(_ districts: [District], inside pocket: Geometry) throws -> [String] {
        guard let b = pocket.bounds else { return [] }
        let prepared = try PreparedGeometry(pocket)
        return try districts.filter { d in
            guard let db = d.geometry.bounds, db.intersects(b) else { return false }
            return try share(d.geometry, { Geodesic.area(d.geometry) }, prepared) > 0.5
        }.map(\.name)
    }

    /// Share (0…1) of `area` inside the pocket, by geodesic area.
    private func share(_ area: Geometry, _ whole: () -> Double, _ pocket: PreparedGeometry) throws -> Double {
        guard try pocket.intersects(area) else { return 0 }
        if try pocket.contains(area) { return 1 }
        let size = whole()
        guard size > 0 else { return 0 }
        return min(Geodesic.area(try area.intersection(pocket.geometry)) / size, 1)
    }
}
