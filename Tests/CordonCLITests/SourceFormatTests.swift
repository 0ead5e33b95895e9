import CordonTestSupport
import Foundation
import Testing

/// Every kind of source people hold their maps in, made from the Castello fixture map by
/// `ogr2ogr` (GDAL's own writer, not ours), read by `cordon enclosure --timeline`, and held to
/// the same yardstick figures as the GeoJSON map (castello.expected.json, from the Shapely
/// yardstick; see SiegeCommandTests).
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil),
       Reference.needs("ogr2ogr (Debian gdal-bin)", Command.find("ogr2ogr") != nil))
struct SourceFormatTests {
    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/siege")
    var map: String { fixtures.appendingPathComponent("castello-map.geojson").path }

    /// Runs ogr2ogr; a failure stops the test with GDAL's words.
    func ogr2ogr(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try Command.run(try #require(Command.find("ogr2ogr")), arguments)
        try #require(r.status == 0, "ogr2ogr \(arguments.joined(separator: " ")): \(r.text)", sourceLocation: sourceLocation)
    }

    /// The pockets of `enclosure --timeline` on `source`, checked against the yardstick rows.
    func expectYardstickPockets(_ source: String, _ extra: [String] = [], areaTolerance: Double = 1e-6,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CordonTool.run(["enclosure", source, "--besieged", "opposition", "--timeline", "--quiet"] + extra)
        try #require(r.status == 0, "\(source): \(r.stderr)", sourceLocation: sourceLocation)
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let ours = try #require(collection["features"] as? [[String: Any]]).map { $0["properties"] as? [String: Any] ?? [:] }
        let expected = try #require(try readJSON(fixtures.appendingPathComponent("castello.expected.json"))["pockets"] as? [[String: Any]])
        func span(_ p: [String: Any]) -> String { "\(p["from"] as? String ?? "-")…\(p["until"] as? String ?? "-")" }
        #expect(ours.map(span) == expected.map(span), "\(source)", sourceLocation: sourceLocation)
        for (p, e) in zip(ours, expected) {
            #expect(p["status"] as? String == e["status"] as? String, "\(source) \(span(e))", sourceLocation: sourceLocation)
            #expect(p["since"] as? String == e["since"] as? String, "\(source) \(span(e))", sourceLocation: sourceLocation)
            #expect(p["population"] as? Double == e["population"] as? Double, "\(source) \(span(e))", sourceLocation: sourceLocation)
            let a = try #require(p["area_km2"] as? Double), b = try #require(e["area_km2"] as? Double)
            #expect(abs(a - b) <= areaTolerance * max(1, b), "\(source) \(span(e)): area \(a) against \(b)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [("GPKG", "gpkg"), ("ESRI Shapefile", "shp"), ("FlatGeobuf", "fgb"), ("GML", "gml")])
    func aFileGDALWritesGivesTheYardstickPockets(driver: String, ext: String) throws {
        let folder = try temporaryFolder("source-\(ext)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("castello.\(ext)").path
        try ogr2ogr(["-f", driver, file, map])
        try expectYardstickPockets(file)
    }

    /// CSV with a WKT column; GDAL writes its dates as 2016/07/07 and reads them back as dates.
    @Test func csvWithAWKTColumn() throws {
        let folder = try temporaryFolder("source-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("castello.csv").path
        try ogr2ogr(["-f", "CSV", file, map, "-lco", "GEOMETRY=AS_WKT"])
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("WKT,"))
        try expectYardstickPockets(file)
    }

    /// A GeoPackage in EPSG:3857 with Z values: reprojected to WGS84, Z dropped, and the summary
    /// line says both. Web Mercator round trips lose nothing measurable (1e-9 relative).
    @Test func aProjectedSourceWithZIsReprojectedAndSaysSo() throws {
        let folder = try temporaryFolder("source-3857")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("castello-3857.gpkg").path
        try ogr2ogr(["-f", "GPKG", file, map, "-t_srs", "EPSG:3857", "-dim", "XYZ", "-nln", "control"])
        try expectYardstickPockets(file, areaTolerance: 1e-8)
        let r = try CordonTool.run(["enclosure", file, "--besieged", "opposition", "--timeline", "--quiet", "-o", "/dev/null"])
        #expect(r.stderr.contains("14 features from layer control (GPKG; reprojected from EPSG:3857; Z/M dropped from 14)"), "\(r.stderr)")
    }

    /// ESRI JSON as an ArcGIS feature service pages it, in Web Mercator (wkid 102100): written by
    /// hand from GDAL's own reprojection of the map, since GDAL has no ESRI JSON writer.
    @Test func esriJSONInWebMercator() throws {
        let folder = try temporaryFolder("source-esri")
        defer { try? FileManager.default.removeItem(at: folder) }
        let projected = folder.appendingPathComponent("castello-3857.geojson").path
        try ogr2ogr(["-f", "GeoJSON", projected, map, "-t_srs", "EPSG:3857", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=6"])
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: projected))) as? [String: Any])
        var features: [[String: Any]] = []
        for f in try #require(collection["features"] as? [[String: Any]]) {
            let geometry = try #require(f["geometry"] as? [String: Any])
            let rings: [Any]
            switch geometry["type"] as? String {
            case "Polygon": rings = try #require(geometry["coordinates"] as? [Any])
            case "MultiPolygon": rings = try #require(geometry["coordinates"] as? [[Any]]).flatMap { $0 }
            default: Issue.record("unexpected geometry"); return
            }
            features.append(["attributes": f["properties"] ?? [:], "geometry": ["rings": rings]])
        }
        // The keys in the order an ArcGIS server writes them: the ESRI ones before `features`.
        let fields = #"[{"name":"controller","type":"esriFieldTypeString"},{"name":"population","type":"esriFieldTypeDouble"},"#
            + #"{"name":"from","type":"esriFieldTypeString"},{"name":"until","type":"esriFieldTypeString"}]"#
        let header = #"{"displayFieldName":"controller","geometryType":"esriGeometryPolygon","#
            + #""spatialReference":{"wkid":102100,"latestWkid":3857},"fields":"# + fields + #","features":"#
        let body = String(decoding: try JSONSerialization.data(withJSONObject: features, options: [.sortedKeys]), as: UTF8.self)
        let file = folder.appendingPathComponent("query.json")
        try (header + body + "}").write(to: file, atomically: true, encoding: .utf8)
        try expectYardstickPockets(file.path, areaTolerance: 1e-6)
    }

    /// KMZ as Google Earth keeps time: a TimeSpan (begin/end), mapped onto from/until.
    @Test func kmzWithTimeSpans() throws {
        let folder = try temporaryFolder("source-kmz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("castello.kmz").path
        try ogr2ogr(["-f", "LIBKML", file, map, "-sql",
                     #"SELECT controller, population, "from" AS begin, "until" AS "end" FROM "castello-map""#])
        try expectYardstickPockets(file, ["--from-field", "begin", "--until-field", "end"])
    }

    /// KML whose side is only a colour, as front-line maps encode it: the controller comes from
    /// `fill` through --values, and a colour mapped to `ignore` leaves its features out.
    @Test func kmlWithTheSideInAColourField() throws {
        let folder = try temporaryFolder("source-kml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("castello.kml").path
        try ogr2ogr(["-f", "LIBKML", file, map, "-dialect", "SQLite", "-sql", """
            SELECT CASE controller WHEN 'opposition' THEN '#a52714' WHEN 'government' THEN '#0f9d58' ELSE controller END AS fill,
                   population, "from" AS begin, "until" AS "end", geometry FROM "castello-map"
            UNION ALL SELECT '#bcaaa4', 0, NULL, NULL, ST_Buffer(MakePoint(37.0, 36.0, 4326), 0.001)
            """])
        let values = ["--controller-field", "fill", "--values", "#a52714=opposition,#0f9d58=government",
                      "--from-field", "begin", "--until-field", "end"]
        // The unknown colour is an error that lists it, with how many features hold it.
        let refused = try CordonTool.run(["enclosure", file, "--besieged", "opposition", "--timeline"] + values)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("values of `fill` that no mapping names: #bcaaa4 (1)"), "\(refused.stderr)")
        try expectYardstickPockets(file, values + ["--values", "#bcaaa4=ignore"])
    }

    /// Points in a CSV with longitude and latitude columns, as ways out (`--bases`): a strip
    /// inside the pocket encircled on 5 August makes it open (the way out is inside it), and the
    /// same point in GeoJSON gives the same bytes.
    @Test func csvLonLatPointsAsBases() throws {
        let folder = try temporaryFolder("source-lonlat")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("bases.csv")
        try "name,lat,lon\nairstrip,36.22,37.20\n".write(to: csv, atomically: true, encoding: .utf8)
        let geojson = folder.appendingPathComponent("bases.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"airstrip"},"geometry":{"type":"Point","coordinates":[37.2,36.22]}}]}"#
            .write(to: geojson, atomically: true, encoding: .utf8)
        let run = { (bases: [String]) in
            try CordonTool.run(["enclosure", self.map, "--besieged", "opposition", "--date", "2016-08-05"] + bases)
        }
        let fromCSV = try run(["--bases", csv.path]), fromGeoJSON = try run(["--bases", geojson.path]), none = try run([])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromCSV.stdout == fromGeoJSON.stdout)
        #expect(none.stdout.contains("\"status\":\"encircled\""))
        #expect(fromCSV.stdout.contains("\"status\":\"open\""), "the CSV point was not taken as a way out")
    }
}

/// OCHA's Syrian governorates (../shared, COD-AB) as a Shapefile, the way HDX hands boundaries
/// out: districts are named by `ADM1_EN` when they have no `name`.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil),
       Reference.needs("ogr2ogr (Debian gdal-bin)", Command.find("ogr2ogr") != nil),
       Reference.needs("../shared/geodata", FileManager.default.fileExists(
           atPath: Repository.shared.appendingPathComponent("geodata/syria_adm1_governorates_ocha_simplified.geojson").path)))
struct HDXBoundaryTests {
    @Test func governoratesFromAShapefileAreNamedByADM1EN() throws {
        let folder = try temporaryFolder("hdx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let geojson = Repository.shared.appendingPathComponent("geodata/syria_adm1_governorates_ocha_simplified.geojson")
        let shapefile = folder.appendingPathComponent("syr_admbnda_adm1.shp").path
        let r = try Command.run(try #require(Command.find("ogr2ogr")), ["-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shapefile, geojson.path])
        try #require(r.status == 0, "\(r.text)")
        let map = folder.appendingPathComponent("syria.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"controller":"opposition"},"geometry":{"type":"Polygon","coordinates":[[[35,32],[43,32],[43,38],[35,38],[35,32]]]}}]}"#
            .write(to: map, atomically: true, encoding: .utf8)
        let run = try CordonTool.run(["enclosure", map.path, "--besieged", "opposition", "--districts", shapefile])
        try #require(run.status == 0, "\(run.stderr)")
        let pockets = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let listed = try #require((pockets["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])["districts"] as? [String]
        let official = try #require(try readJSON(geojson)["features"] as? [[String: Any]])
            .compactMap { ($0["properties"] as? [String: Any])?["ADM1_EN"] as? String }
        #expect(official.count == 14)
        #expect(Set(try #require(listed)) == Set(official))
    }
}

/// The bundled Aleppo case read from one GeoPackage that GDAL made of its three layers, named in
/// the scenario both ways (`{source, layer}` and QGIS's `|layername=`), gives the same layers and
/// timeline, byte for byte, as from its GeoJSON files.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil),
       Reference.needs("ogr2ogr (Debian gdal-bin)", Command.find("ogr2ogr") != nil))
struct GeoPackageScenarioTests {
    @Test func aleppoFromAGeoPackageGivesTheSameOutputs() throws {
        let folder = try temporaryFolder("aleppo-gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("aleppo.gpkg").path
        let ogr = try #require(Command.find("ogr2ogr"))
        for (i, layer) in ["map", "routes", "districts"].enumerated() {
            let source = Repository.aleppo.appendingPathComponent("\(layer).geojson").path
            let r = try Command.run(ogr, ["-f", "GPKG"] + (i > 0 ? ["-update"] : []) + [package, source, "-nln", layer])
            try #require(r.status == 0, "\(r.text)")
        }
        var scenario = try String(contentsOf: Repository.aleppo.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        for (old, new) in [("map: map.geojson", "map: {source: aleppo.gpkg, layer: map}"),
                           ("routes: routes.geojson", "routes: aleppo.gpkg|layername=routes"),
                           ("districts: districts.geojson", "districts:\n  source: aleppo.gpkg\n  layer: districts"),
                           ("roads: roads.geojson", "roads: " + Repository.aleppo.appendingPathComponent("roads.geojson").path),
                           ("events: events.csv", "events: " + Repository.aleppo.appendingPathComponent("events.csv").path),
                           ("prices: prices.csv", "prices: " + Repository.aleppo.appendingPathComponent("prices.csv").path)] {
            try #require(scenario.contains(old))
            scenario = scenario.replacingOccurrences(of: old, with: new)
        }
        let copy = folder.appendingPathComponent("scenario.yaml")
        try scenario.write(to: copy, atomically: true, encoding: .utf8)
        let fromJSON = folder.appendingPathComponent("from-geojson"), fromPackage = folder.appendingPathComponent("from-gpkg")
        for (file, out) in [(Repository.aleppo.appendingPathComponent("scenario.yaml"), fromJSON), (copy, fromPackage)] {
            let r = try CordonTool.run(["run", file.path, "-o", out.path, "--runs", "20", "--quiet"])
            try #require(r.status == 0, "\(r.stderr)")
        }
        for name in ["pockets.geojson", "fronts.geojson", "routes.geojson", "districts.geojson", "timeline.csv"] {
            let a = try Data(contentsOf: fromJSON.appendingPathComponent(name))
            let b = try Data(contentsOf: fromPackage.appendingPathComponent(name))
            #expect(a == b, "\(name) differs")
            #expect(a.count > 100)
        }
        let summary = try String(contentsOf: fromPackage.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains(#""map": "aleppo.gpkg|layername=map""#))
    }
}

/// What goes wrong with other people's sources: one line naming the source, layer, feature or
/// field, and the reason; exit status 2.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil),
       Reference.needs("ogr2ogr (Debian gdal-bin)", Command.find("ogr2ogr") != nil))
struct SourceErrorTests {
    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/siege")
    var map: String { fixtures.appendingPathComponent("castello-map.geojson").path }
    var routes: String { fixtures.appendingPathComponent("castello-routes.geojson").path }

    func twoLayerPackage(_ folder: URL) throws -> String {
        let file = folder.appendingPathComponent("castello.gpkg").path
        let ogr = try #require(Command.find("ogr2ogr"))
        #expect(try Command.run(ogr, ["-f", "GPKG", file, map, "-nln", "control"]).status == 0)
        #expect(try Command.run(ogr, ["-f", "GPKG", "-update", file, routes, "-nln", "routes"]).status == 0)
        return file
    }

    func refused(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try CordonTool.run(arguments)
        #expect(r.status == 2, "\(r.text)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n").filter { !$0.contains("features from layer") }
        #expect(lines.count == 1, "one line: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stderr
    }

    @Test func severalLayersAndNoneNamedListsThem() throws {
        let folder = try temporaryFolder("source-layers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try twoLayerPackage(folder)
        let e = try refused(["enclosure", file, "--besieged", "opposition", "--timeline"])
        #expect(e.contains("holds 2 layers; name one with --layer (scenario: `layer:`): control, routes"), "\(e)")
        let missing = try refused(["enclosure", file, "--layer", "front", "--besieged", "opposition", "--timeline"])
        #expect(missing.contains("no layer front; its layers are: control, routes"), "\(missing)")
        // The QGIS form names the layer too, for inputs that have no --layer of their own.
        let ok = try CordonTool.run(["routes", file + "|layername=control", file + "|layername=routes",
                                     "--besieged", "opposition", "--date", "2016-08-05"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func aMissingFieldListsTheFields() throws {
        let e = try refused(["enclosure", map, "--controller-field", "side", "--besieged", "opposition", "--timeline"])
        #expect(e.contains("no field `side` for the controller; its fields are: controller, population, until, from"), "\(e)")
    }

    /// A layer with no coordinate system whose coordinates are metres, not degrees.
    @Test func noCoordinateSystemAndNotDegrees() throws {
        let folder = try temporaryFolder("source-nocrs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("metres.csv")
        try "WKT,controller\n\"POLYGON ((4130000 4330000,4140000 4330000,4140000 4340000,4130000 4330000))\",opposition\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let e = try refused(["enclosure", file.path, "--besieged", "opposition"])
        #expect(e.contains("metres.csv: layer metres: feature 0: the layer has no coordinate system and its coordinates are not degrees"), "\(e)")
    }

    /// A point among the polygons of a map.
    @Test func aPointWherePolygonsAreNeeded() throws {
        let folder = try temporaryFolder("source-mixed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mixed.csv")
        try "WKT,controller\n\"POLYGON ((37 36,37.1 36,37.1 36.1,37 36))\",opposition\n\"POINT (37.2 36.2)\",government\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let e = try refused(["enclosure", file.path, "--besieged", "opposition"])
        #expect(e.contains("mixed.csv: feature 1: is a Point; a control area must be a Polygon or MultiPolygon"), "\(e)")
    }

    /// A KMZ whose directory says it unpacks to 3 GiB: refused from the directory alone,
    /// before anything is inflated. The sizes in its headers are set by hand.
    @Test func aKMZThatUnpacksBeyondTheLimit() throws {
        let folder = try temporaryFolder("source-bomb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bomb.kmz")
        try ZipWithDeclaredSize.write(to: file, name: "doc.kml", content: Array("<kml/>".utf8), declaredSize: 3 << 30)
        let e = try refused(["enclosure", file.path, "--besieged", "opposition"])
        #expect(e.contains("bomb.kmz: unpacks to more than the limit of 1024 MiB"), "\(e)")
    }

    /// An unreachable database: the password never shows.
    @Test func anUnreachableDatabaseMasksThePassword() throws {
        let folder = try temporaryFolder("source-pg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let e = try refused(["enclosure", "PG:host=\(folder.path) port=1 dbname=nowhere user=analyst password=s3cret-word",
                             "--besieged", "opposition"])
        #expect(e.contains("password=***"), "\(e)")
        #expect(e.contains("cannot connect"), "\(e)")
        #expect(!e.contains("s3cret-word"))
        let uri = try refused(["enclosure", "PG:postgresql://analyst:s3cret-word@localhost:1/nowhere", "--besieged", "opposition"])
        #expect(!uri.contains("s3cret-word") && uri.contains("analyst:***@"), "\(uri)")
    }

    /// Features mapped to `ignore` are left out, and a later fault still names the feature's own
    /// place in the layer.
    @Test func ignoredFeaturesKeepTheOthersPlaces() throws {
        let folder = try temporaryFolder("source-ignore")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fills.csv")
        try """
            WKT,fill,from
            "POLYGON ((37 36,37.1 36,37.1 36.1,37 36))",#bcaaa4,
            "POLYGON ((37.2 36,37.3 36,37.3 36.1,37.2 36))",#a52714,not a date
            """.write(to: file, atomically: true, encoding: .utf8)
        let e = try refused(["enclosure", file.path, "--controller-field", "fill",
                             "--values", "#a52714=occupied", "--values", "#bcaaa4=ignore", "--besieged", "occupied"])
        #expect(e.contains("fills.csv: feature 1: `from` must be an ISO date"), "\(e)")
    }
}

/// A zip archive of one stored (uncompressed) file whose headers declare another unpacked size,
/// the shape of a zip bomb, written byte by byte (PKWARE APPNOTE 4.3.7 and 4.3.12).
enum ZipWithDeclaredSize {
    static func write(to url: URL, name: String, content: [UInt8], declaredSize: UInt32) throws {
        var out: [UInt8] = []
        func u16(_ v: UInt16) { out += [UInt8(v & 0xff), UInt8(v >> 8)] }
        func u32(_ v: UInt32) { for i in 0..<4 { out.append(UInt8((v >> (8 * UInt32(i))) & 0xff)) } }
        let nameBytes = Array(name.utf8), crc = crc32(content)
        func header(central: Bool) {
            u32(central ? 0x0201_4b50 : 0x0403_4b50)
            if central { u16(20) }
            u16(20); u16(0); u16(0); u16(0); u16(0x21)
            u32(crc); u32(UInt32(content.count)); u32(declaredSize)
            u16(UInt16(nameBytes.count)); u16(0)
            if central { u16(0); u16(0); u16(0); u32(0); u32(0) }
            out += nameBytes
        }
        header(central: false)
        out += content
        let directoryStart = out.count
        header(central: true)
        let directorySize = out.count - directoryStart
        u32(0x0605_4b50); u16(0); u16(0); u16(1); u16(1)
        u32(UInt32(directorySize)); u32(UInt32(directoryStart)); u16(0)
        try Data(out).write(to: url)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0xedb8_8320 : c >> 1 }
        }
        return ~c
    }
}
