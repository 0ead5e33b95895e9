import CordonCore
import CordonGeometry
import CordonSupply
import Foundation

/// One feature of an output layer as the maps draw it: its properties, its days, and its
/// outline in UTM metres, clipped to the map's frame and simplified for display only.
struct MapItem {
    var properties: JSONObject
    var from: Day?
    /// Exclusive.
    var until: Day?
    /// Rings of a polygon or parts of a line, in UTM metres.
    var parts: [[Coordinate]]
    /// Pockets only: whether a visible part of the pocket lies outside the districts layer,
    /// where the map has no controller to draw.
    var beyondDistricts = false

    func holds(on day: Day) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day < $0 } ?? true)
    }

    func string(_ key: String) -> String? { properties[key]?.stringValue }
    func number(_ key: String) -> Double? { properties[key]?.numberValue }
    func bool(_ key: String) -> Bool? { properties[key]?.boolValue }

    /// A route itself rather than one of its stretches: `segment` `whole`, or none in a folder
    /// written before routes carried one.
    var isWholeRoute: Bool { (string("segment") ?? "whole") == "whole" }
}

/// The four map layers of an output folder in UTM (the zone of the districts' centre, so shapes
/// and distances on the maps are true), cut to one frame around the siege. A run without
/// districts has no districts layer: the frame and zone then come from the other layers.
struct MapLayers {
    var districts: [MapItem] = [], pockets: [MapItem] = [], fronts: [MapItem] = [], routes: [MapItem] = []
    /// The safest road out of each pocket, per period, when the run had roads (`access_paths.geojson`).
    var roadPaths: [MapItem] = []
    /// Whether the folder has a districts layer (a scenario without districts writes none).
    var hasDistricts = true
    /// What the maps show, in UTM metres.
    var extent: Bounds
    /// Grid north to true north at the frame's centre, degrees clockwise.
    var northAngle: Double
    /// The UTM zone's EPSG code, for the captions.
    var epsg: Int

    /// The map spans the routes and the besieged pocket at its encircled widest, with a margin,
    /// rather than the whole study area, whose countryside would shrink the city to a dot.
    /// `uncut`: every feature kept whole, none cut to the frame or dropped (for a map that can
    /// zoom out), simplified at `pixelsAcross` over the frame.
    init(folder: String, pixelsAcross: Double, uncut: Bool = false) throws {
        let context = try GEOSContext()
        let reader = GeoJSONReader(context: context)
        let path = { (name: String) in folder.hasSuffix("/") ? folder + name : folder + "/" + name }
        let hasDistricts = FileManager.default.fileExists(atPath: path("districts.geojson"))
        self.hasDistricts = hasDistricts
        let raw = try ["districts", "pockets", "fronts", "routes"].map { name in
            if name == "districts" && !hasDistricts { return [Feature]() }
            do { return try reader.read(path: path(name + ".geojson")) } catch {
                throw ReportInputError(path(name + ".geojson"), "\(error)")
            }
        }
        let union = { (boxes: [Bounds]) in boxes.reduce(nil) { (a: Bounds?, b) in a.map { $0.union(b) } ?? b } }
        // The districts cover the study area; without them, whatever the other layers hold.
        let lonLat = union(raw[0].compactMap { $0.geometry?.bounds }) ?? union(raw.joined().compactMap { $0.geometry?.bounds })
        guard let lonLat else { throw ReportInputError(folder, "nothing to draw: the layers hold no geometry") }
        let projection = try Projection.toUTM(around: lonLat.center)
        epsg = Projection.utmEPSG(for: lonLat.center)
        let projected = try raw.map { features in try features.map { f in (f, try f.geometry.map(projection.apply)) } }

        let siegeShapes = projected[3].compactMap(\.1)
            + projected[1].filter { $0.0.properties["focus"]?.boolValue == true && $0.0.properties["encircled"]?.boolValue == true }
                .compactMap(\.1)
        let focus = siegeShapes.compactMap(\.bounds).reduce(nil) { (a: Bounds?, b) in a.map { $0.union(b) } ?? b }
        let whole = union(projected[0].compactMap(\.1?.bounds)) ?? union(projected.joined().compactMap(\.1?.bounds))
        guard let whole else { throw ReportInputError(folder, "nothing to draw: the layers hold no geometry") }
        // Districts cover the study area, so the view stays inside them. Without them the layers
        // end at the pockets themselves: a margin beyond them keeps an edge pocket from touching the frame.
        let margin = 0.1 * max(whole.maxX - whole.minX, whole.maxY - whole.minY)
        extent = Self.framed(focus ?? whole, within: hasDistricts ? whole : whole.expanded(by: margin))

        let centre = try projection.inverse().apply(extent.center)
        let north = try projection.apply(Coordinate(centre.x, centre.y + 0.01))
        northAngle = atan2(north.x - extent.center.x, north.y - extent.center.y) * 180 / Double.pi

        // Half a pixel: finer detail than that cannot be seen, and every vertex costs bytes.
        let tolerance = (extent.maxX - extent.minX) / pixelsAcross / 2
        let cut = Bounds(minX: extent.minX - 500, minY: extent.minY - 500, maxX: extent.maxX + 500, maxY: extent.maxY + 500)
        // The ground the districts cover, to tell where a pocket runs beyond them.
        let covered = hasDistricts && !uncut ? try? context.union(projected[0].compactMap(\.1)) : nil
        let items = try projected.enumerated().map { n, layer in
            try layer.compactMap { feature, geometry in
                try geometry.flatMap {
                    try Self.item(feature, $0, cut: uncut ? nil : cut, tolerance: tolerance, covered: n == 1 ? covered : nil)
                }
            }
        }
        districts = items[0]
        pockets = items[1]
        fronts = items[2]
        routes = items[3]
        // Road access is optional: a run without `roads:` writes no paths.
        if FileManager.default.fileExists(atPath: path("access_paths.geojson")) {
            let paths: [Feature]
            do { paths = try reader.read(path: path("access_paths.geojson")) } catch {
                throw ReportInputError(path("access_paths.geojson"), "\(error)")
            }
            roadPaths = try paths.filter { $0.properties["kind"]?.stringValue == "safest" }.compactMap { f in
                try f.geometry.flatMap { try Self.item(f, projection.apply($0), cut: uncut ? nil : cut, tolerance: tolerance, covered: nil) }
            }
        }
    }

    /// `b` with a tenth of its size added on every side, at most to the edge of `whole`.
    private static func framed(_ b: Bounds, within whole: Bounds) -> Bounds {
        let dx = (b.maxX - b.minX) * 0.1, dy = (b.maxY - b.minY) * 0.1
        return Bounds(minX: max(b.minX - dx, whole.minX), minY: max(b.minY - dy, whole.minY),
                      maxX: min(b.maxX + dx, whole.maxX), maxY: min(b.maxY + dy, whole.maxY))
    }

    /// `covered`: for a pocket, the districts' ground; the item is `beyondDistricts` when more
    /// than a sliver of it in view (half a percent, and a hectare) lies outside.
    /// `cut` nil: the item whole, and unsimplified should simplifying leave nothing of it.
    private static func item(_ f: Feature, _ g: Geometry, cut: Bounds?, tolerance: Double, covered: Geometry?) throws -> MapItem? {
        let clipped = try cut.map { try g.clip(to: $0) } ?? g
        var shown = try clipped.simplify(tolerance: tolerance)
        if shown.isEmpty && cut == nil { shown = clipped }
        guard !shown.isEmpty else { return nil }
        // An overlay GEOS refuses (on invalid input) leaves the flag off rather than the report unwritten.
        let beyond = covered.flatMap { covered in
            try? clipped.planarArea() > 0 && clipped.difference(covered).planarArea() > max(0.005 * clipped.planarArea(), 10_000)
        } ?? false
        var parts: [[Coordinate]] = []
        for part in shown.parts {
            if part.type == .polygon {
                if let shell = part.exteriorRing { parts.append(shell.coordinates) }
                for i in 0..<part.interiorRingCount { parts.append(part.interiorRing(i)!.coordinates) }
            } else if part.type.isLineal {
                parts.append(part.coordinates)
            }
        }
        parts = parts.filter { $0.count >= 2 }
        guard !parts.isEmpty else { return nil }
        let day = { (key: String) in f.properties[key]?.stringValue.flatMap(Day.init(iso:)) }
        return MapItem(properties: f.properties, from: day("from"), until: day("until"), parts: parts, beyondDistricts: beyond)
    }
}
