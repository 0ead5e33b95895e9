import CordonGeometry

/// Whether a difference between two drawings of a controller's ground is a change: with a
/// tolerance of 0, any area at all; otherwise something of it survives an inward buffer by
/// half the tolerance in a local plane, that is it is thicker than the tolerance somewhere.
final class Thickness {
    let tolerance: Double
    private lazy var frames = Frames()

    init(tolerance: Double) { self.tolerance = tolerance }

    func isThick(_ polygons: [Geometry]) throws -> Bool {
        if tolerance <= 0 { return !polygons.isEmpty }
        for g in polygons {
            guard let b = g.bounds else { continue }
            let strips = try frames.cover(b, margin: tolerance)
            for (f, _, window) in strips {
                let piece = strips.count == 1 ? g : try g.cut(to: window)
                if piece.isEmpty { continue }
                if !(try f.metres(piece).buffer(-tolerance / 2).isEmpty) { return true }
            }
        }
        return false
    }
}
