import CordonCore
import CordonGeometry
import Foundation

/// A conflict event of `events.geojson` as the report's maps draw it (docs/design.md#evidence).
struct MapEvent {
    var day: Day
    /// UTM metres.
    var at: Coordinate
    var fatalities: Double
    var type: String
    /// Whether it was precise enough to be placed; the maps draw only these.
    var placed: Bool

    /// The placed events of `path` inside `extent`; none when the run wrote no events layer.
    static func read(_ path: String, reader: GeoJSONReader, projection: Projection, within extent: Bounds) throws -> [MapEvent] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let features: [Feature]
        do { features = try reader.read(path: path) } catch { throw ReportInputError(path, "\(error)") }
        return try features.compactMap { f in
            guard let g = f.geometry, g.type == .point, f.properties["placed"]?.boolValue == true,
                  let day = f.properties["date"]?.stringValue.flatMap(Day.init(iso:)) else { return nil }
            guard let c = try projection.apply(g).coordinates.first,
                  c.x >= extent.minX, c.x <= extent.maxX, c.y >= extent.minY, c.y <= extent.maxY else { return nil }
            return MapEvent(day: day, at: c, fatalities: f.properties["fatalities"]?.numberValue ?? 0,
                            type: f.properties["event_type"]?.stringValue ?? "event", placed: true)
        }
    }
}
