import ArgumentParser
import CordonCore
import CordonGeometry

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Add geodesic area, perimeter and length to every feature of a GeoJSON file.",
        discussion: """
        Writes the same features, in the same order and with their own
        properties, plus:
          area_km2, perimeter_km   Polygon and MultiPolygon: holes are taken
                                   from the area; the perimeter counts the
                                   exterior rings, as pyproj does
          length_km                LineString and MultiLineString
        Points and features without geometry are written unchanged. A property
        that already has one of these names is replaced where it stands.

        Measures are geodesic on the WGS84 ellipsoid (Karney's algorithms in
        PROJ's geodesic.h), not planar degrees: they hold at any latitude and
        for any size. Coordinates are written at 6 decimals (about 0.1 m).

        Invalid geometry (a self-intersecting ring, say) gives a wrong area, so
        it stops the run with GEOS's reason, unless --repair mends it (GEOS
        MakeValid) and says which features were mended. `cordon validate`
        lists every fault at once.

        Examples:
          cordon measure neighbourhoods.geojson -o measured.geojson
          cordon measure routes.geojson | jq '.features[].properties.length_km'
          cordon measure map.geojson --repair -o map-measured.geojson

        A one-line summary goes to standard error.
        """)

    @Argument(help: "A GeoJSON file (FeatureCollection, Feature or geometry); - for standard input.")
    var file: String

    @Option(name: .shortAndLong, help: "Output GeoJSON file; - (the default) for standard output.")
    var output: String = "-"

    @Flag(help: "Mend invalid geometry (GEOS MakeValid) instead of stopping, and say which features were mended.")
    var repair = false

    func run() throws {
        try reporting {
            try OutputChecks.refuseReplacing(inputs: [file], with: [output])
            let context = try GEOSContext()
            var count = 0, polygons = 0, lines = 0
            // Streamed: each feature is read, measured and written before the next is read.
            try GeoJSONWriter().stream(to: output) { add in
                try GeoJSONReader(context: context).forEach(path: file) { feature, index in
                    var f = feature
                    try checkValidity(&f, index: index)
                    f = f.measured()
                    polygons += f.properties["area_km2"] == nil ? 0 : 1
                    lines += f.properties["length_km"] == nil ? 0 : 1
                    count += 1
                    try add(f)
                }
            }
            printError("cordon: \(file): measured \(count) feature\(count == 1 ? "" : "s"): "
                       + "\(polygons) with an area, \(lines) with a length")
        }
    }

    /// Invalid geometry stops the run, or is mended with --repair.
    private func checkValidity(_ feature: inout Feature, index: Int) throws {
        guard let g = feature.geometry, let reason = try g.validityReason() else { return }
        guard repair else {
            throw GeoJSONError(kind: .geometry, file: file, feature: index,
                               reason: "invalid geometry: \(reason) (--repair mends it)")
        }
        feature.geometry = try g.makeValid()
        printError("cordon: \(file): feature \(index): repaired (\(reason))")
    }
}
