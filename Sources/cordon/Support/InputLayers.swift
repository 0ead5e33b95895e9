import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply

extension GeoJSONError: BadInput {}
extension SiegeInputError: BadInput {}

/// Reading the files a siege command is given, with errors that name file and feature.
struct InputLayers {
    let context: GEOSContext

    func features(_ path: String) throws -> [Feature] {
        try GeoJSONReader(context: context, maxBytes: GeoJSONReader.heldMaxBytes).read(path: path)
    }

    func controlMap(_ path: String, repair: Bool) throws -> ControlMap {
        try ControlMap(file: path, features: features(path), repair: repair) { feature, reason in
            printError("cordon: \(path): feature \(feature): repaired (\(reason))")
        }
    }

    /// Points or polygons that count as ways out.
    func bases(_ path: String) throws -> [Geometry] {
        try features(path).enumerated().map { i, f in
            guard let g = f.geometry, !g.isEmpty, g.type.isPuntal || g.type.isPolygonal else {
                throw SiegeInputError(file: path, feature: i, "a base must be a Point or Polygon (or Multi-)")
            }
            return g
        }
    }

    /// Polygons with a `population` number.
    func population(_ path: String) throws -> [PopulationArea] {
        try features(path).enumerated().map { i, f in
            guard let g = f.geometry, g.type.isPolygonal else {
                throw SiegeInputError(file: path, feature: i, "a population area must be a Polygon or MultiPolygon")
            }
            guard let p = f.properties["population"]?.numberValue, p.isFinite, p >= 0 else {
                throw SiegeInputError(file: path, feature: i, "`population` must be a number ≥ 0")
            }
            return PopulationArea(geometry: g, population: p)
        }
    }

    /// Polygons named by `name` (or `NAME`).
    func districts(_ path: String) throws -> [District] {
        try features(path).enumerated().map { i, f in
            guard let g = f.geometry, g.type.isPolygonal else {
                throw SiegeInputError(file: path, feature: i, "a district must be a Polygon or MultiPolygon")
            }
            let name = f.properties["name"]?.stringValue ?? f.properties["NAME"]?.stringValue ?? "district \(i)"
            return District(name: name, geometry: g)
        }
    }
}

/// `--date` parsing shared by the siege commands.
func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let d = Day(iso: text) else {
        throw SiegeInputError(file: option, "not an ISO date (YYYY-MM-DD): \(text)")
    }
    return d
}
