import CordonCore
import CordonGeometry

/// A district or population point whose travel times are measured: from its point (a
/// district's representative point) to the nearest road node.
public struct AccessPlace {
    /// The name, or `place N`.
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

    /// Districts (polygons) or population points, named by `name` and counted by `population`.
    ///
    /// - Throws: ``SiegeInputError`` naming the file and feature: neither a polygon nor a
    ///   point, or a `population` that is not a number ≥ 0.
    public static func read(_ features: [Feature], file: String) throws -> [AccessPlace] {
        try features.enumerated().map { i, f in
            guard let g = f.geometry, !g.isEmpty, g.type.isPolygonal || g.type == .point else {
                throw SiegeInputError(file: file, feature: i, "a district must be a Polygon or MultiPolygon, a population point a Point")
            }
            var population: Double?
            if let p = f.properties["population"], !p.isNull {
                guard let v = p.numberValue, v.isFinite, v >= 0 else {
                    throw SiegeInputError(file: file, feature: i, "`population` must be a number ≥ 0")
                }
                population = v
            }
            let name = LayerFiles.nameKeys.lazy.compactMap { f.properties[$0]?.stringValue }.first ?? "place \(i)"
            return AccessPlace(name: name, geometry: g, population: population)
        }
    }
}
