/// The properties `cordon measure` adds: geodesic size on WGS84 (see `Geodesic`).
extension Feature {
    /// This feature with `area_km2` and `perimeter_km` (polygons) and `length_km` (lines)
    /// set, after the existing properties; a property of the same name is replaced in place.
    /// Points and null geometries are left as they are.
    public func measured() -> Feature {
        guard let g = geometry else { return self }
        var f = self
        let parts = g.type == .geometryCollection ? g.parts.map(\.type) : [g.type]
        if parts.contains(where: \.isPolygonal) {
            let (area, perimeter) = Geodesic.areaPerimeter(g)
            f.properties["area_km2"] = .number(area / 1e6)
            f.properties["perimeter_km"] = .number(perimeter / 1e3)
        }
        if parts.contains(where: \.isLineal) {
            f.properties["length_km"] = .number(Geodesic.length(g) / 1e3)
        }
        return f
    }
}

/// Measuring a whole file's features at once.
extension Array where Element == Feature {
    /// Measures every feature in place (see `Feature.measured()`). Features that end up with
    /// the same keys share one key array again, which keeps a large file's memory down.
    public mutating func measure() {
        for i in indices {
            self[i] = self[i].measured()
            if i > 0 { self[i].properties.shareKeys(with: self[i - 1].properties) }
        }
    }
}
