import CordonGeometry

extension Feature {
    /// The feature with a LineString turned into a one-part MultiLineString, so a layer of
    /// lines has one geometry type and GIS tools open it as one layer, not a mixed one.
    func asMultiLine() throws -> Feature {
        guard let g = geometry, g.type == .lineString else { return self }
        var f = self
        f.geometry = try g.context.collection(.multiLineString, [g])
        return f
    }
}
