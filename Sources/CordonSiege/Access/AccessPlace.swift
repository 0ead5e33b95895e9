import CordonCore
import CordonGeometry

/// A district or population point whose travel times are measured: from its point (a
/// district's representative point) to the nearest road node. A district as enclosure reads
/// it, or a point.
public typealias AccessPlace = District

extension District {
    /// Districts (polygons) or population points, read as `LayerFiles.districts`
    /// reads districts: named by `name`, counted by `population`.
    ///
    /// - Throws: ``SiegeInputError`` naming the file and feature: neither a polygon nor a
    ///   point, or a `population` that is not a number ≥ 0.
    public static func read(_ features: [Feature], file: String) throws -> [AccessPlace] {
        try LayerFiles.districts(features, file: file, points: true)
    }
}
