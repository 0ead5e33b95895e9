import CordonCore
import CordonGeometry

/// A district or population point whose travel times are measured: from its point (a
/// district's representative point) to the nearest road node.
public struct AccessPlace {
    /// The name, or `district N`.
    public var name: String
    /// As read: a polygon (a district) or a point, lon/lat.
    public var geometry: Geometry
    /// Residents, when known.
    public var population: Double?

    /// A place from its parts.
    public init(name: String, geometry: Geometry, population: Double?) {
        self.name = name
        self.geometry = geometry
        self.population = population
    }

    /// Districts (polygons) or population points, read as `LayerFiles.districts`
    /// reads districts: named by `name`, counted by `population`.
    ///
    /// - Throws: ``SiegeInputError`` naming the file and feature: neither a polygon nor a
    ///   point, or a `population` that is not a number ≥ 0.
    public static func read(_ features: [Feature], file: String) throws -> [AccessPlace] {
        try LayerFiles.districts(features, file: file, points: true).map {
            AccessPlace(name: $0.name, geometry: $0.geometry, population: $0.population)
        }
    }
}
