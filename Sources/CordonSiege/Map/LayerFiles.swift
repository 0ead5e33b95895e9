import CordonCore
import CordonGeometry

/// Reading the layers that come with a control map, the same way for the command line and for
/// scenarios: ways out (bases), residents (population areas) and named districts. Every fault
/// names the file and the feature (counted from 0).
public enum LayerFiles {
    /// The features of a layer file that an analysis keeps in memory whole (a map, routes,
    /// districts): files over `GeoJSONReader.heldMaxBytes` are refused before reading.
    ///
    /// - Throws: A `GeoJSONError` naming the file.
    public static func features(_ path: String, context: GEOSContext) throws -> [Feature] {
        try GeoJSONReader(context: context, maxBytes: GeoJSONReader.heldMaxBytes).read(path: path)
    }

    /// Points or polygons (or their Multi- forms) that count as ways out of a pocket instead of
    /// the study area's edge (docs/design.md#encirclement).
    ///
    /// - Parameters:
    ///   - features: The layer's features, lon/lat.
    ///   - file: The layer's file name, for messages.
    /// - Throws: ``SiegeInputError`` for a feature that is neither polygonal nor a point.
    public static func bases(_ features: [Feature], file: String) throws -> [Geometry] {
        try features.enumerated().map { i, f in
            guard let g = f.geometry, !g.isEmpty, g.type.isPuntal || g.type.isPolygonal else {
                throw SiegeInputError(file: file, feature: i, "a base must be a Point or Polygon (or Multi-)")
            }
            return g
        }
    }

    /// Polygons with a `population` number ≥ 0: residents spread evenly over each area
    /// (docs/design.md#population).
    ///
    /// - Parameters:
    ///   - features: The layer's features, lon/lat.
    ///   - file: The layer's file name, for messages.
    /// - Throws: ``SiegeInputError`` for a feature that is not a polygon or lacks a valid `population`.
    public static func populationAreas(_ features: [Feature], file: String) throws -> [PopulationArea] {
        try features.enumerated().map { i, f in
            guard let g = f.geometry, g.type.isPolygonal else {
                throw SiegeInputError(file: file, feature: i, "a population area must be a Polygon or MultiPolygon")
            }
            guard let p = f.properties["population"]?.numberValue, p.isFinite, p >= 0 else {
                throw SiegeInputError(file: file, feature: i, "`population` must be a number ≥ 0")
            }
            return PopulationArea(geometry: g, population: p)
        }
    }

    /// Where a district's name is looked for, in order: OCHA's common operational datasets (the
    /// boundaries HDX publishes) name each level's units in English as `ADMn_EN`.
    static let nameKeys = ["name", "NAME", "ADM4_EN", "ADM3_EN", "ADM2_EN", "ADM1_EN"]

    /// Polygons named by `name` (or `NAME`, or the finest `ADM4_EN`…`ADM1_EN` of an OCHA/HDX
    /// boundary file; else "district N"),
    /// with an optional `population` ≥ 0.
    ///
    /// - Parameters:
    ///   - features: The layer's features, lon/lat.
    ///   - file: The layer's file name, for messages.
    ///   - points: Whether population points (Points) are taken too, as `cordon access` takes them.
    /// - Throws: ``SiegeInputError`` for a feature that is not a polygon (or point) or has a bad `population`.
    public static func districts(_ features: [Feature], file: String, points: Bool = false) throws -> [District] {
        try features.enumerated().map { i, f in
            guard let g = f.geometry, g.type.isPolygonal || (points && g.type == .point), !points || !g.isEmpty else {
                throw SiegeInputError(file: file, feature: i, points ? "a district must be a Polygon or MultiPolygon, a population point a Point"
                                                                     : "a district must be a Polygon or MultiPolygon")
            }
            var population: Double?
            if let p = f.properties["population"], !p.isNull {
                guard let v = p.numberValue, v.isFinite, v >= 0 else {
                    throw SiegeInputError(file: file, feature: i, "`population` must be a number ≥ 0")
                }
                population = v
            }
            let name = Self.nameKeys.lazy.compactMap { f.properties[$0]?.stringValue }.first ?? "district \(i)"
            return District(name: name, geometry: g, population: population)
        }
    }
}
