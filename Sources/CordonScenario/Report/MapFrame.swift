import CordonGeometry

/// Where a map sits in its SVG: UTM metres to pixels, north up along the grid, one scale for
/// both axes (so the UTM shapes stay true).
struct MapFrame {
    let extent: Bounds
    /// The map's box in the SVG, pixels.
    let left: Double, top: Double, width: Double, height: Double

    init(extent: Bounds, left: Double, top: Double, width: Double) {
        self.extent = extent
        self.left = left
        self.top = top
        self.width = width
        height = width * (extent.maxY - extent.minY) / (extent.maxX - extent.minX)
    }

    /// Pixels per metre.
    var scale: Double { width / (extent.maxX - extent.minX) }

    func pixel(_ c: Coordinate) -> (x: Double, y: Double) {
        (left + (c.x - extent.minX) * scale, top + (extent.maxY - c.y) * scale)
    }

    /// Path data for every part of an item: rings closed, lines open.
    func path(_ item: MapItem, closed: Bool) -> String {
        item.parts.map { part in pathData(part.map(pixel), closed: closed) }.joined(separator: " ")
    }
}
