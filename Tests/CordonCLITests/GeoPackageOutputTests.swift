import CordonTestSupport
import Foundation
import Testing

/// `-o FILE.gpkg` on `enclosure`, `routes` and `run`, read back with GDAL's own `ogrinfo` (and
/// its SQLite dialect, SpatiaLite's ST_IsValid), never with Cordon's reader.
@Suite(Reference.needs("the cordon executable and ogrinfo", CordonTool.url != nil && GDALTools.ogrinfo != nil))
struct GeoPackageOutputTests {
    static let map = fixture("siege/castello-map.geojson")
    static let routes = fixture("siege/castello-routes.geojson")

    @Test func enclosureWritesOneTypedLayerWithTheGeoJSONsFeatures() throws {
        let folder = try temporaryFolder("gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("out.gpkg").path, json = folder.appendingPathComponent("out.geojson").path
        for out in [gpkg, json] {
            let r = try CordonTool.run(["enclosure", Self.map, "--besieged", "opposition", "--timeline", "--quiet", "-o", out])
            #expect(r.status == 0, "\(r.text)")
        }
        let features = try GDALTools.features(json)
        let info = try GDALTools.ogrinfo(["-so", gpkg, "pockets"])
        #expect(info.contains("Layer name: pockets"))
        #expect(info.contains("Feature Count: \(features.count)"), "\(info)")
        #expect(features.count == 7)  // castello.expected.json: seven pocket periods
        for field in ["from: Date", "until: Date", "since: Date", "encircled: Integer(Boolean)", "pocket: Integer64",
                      "area_km2: Real", "controller: String", "Geometry Column = geom"] {
            #expect(info.contains(field), "\(field) missing in\n\(info)")
        }
        try expectGeometryColumn(gpkg, table: "pockets", count: features.count)
        // The dates are the GeoJSON's, as DATE values: sorted by SQL, not by text.
        let dates = try GDALTools.column(gpkg, sql: "SELECT \"from\" FROM pockets WHERE \"from\" IS NOT NULL ORDER BY \"from\"", "from")
        let fromJSON = features.compactMap { $0["from"] as? String }.sorted()
        #expect(dates.map { $0.replacingOccurrences(of: "/", with: "-") } == fromJSON)  // ogrinfo prints 2016/07/07
    }

    @Test func routesWriteTheSameFeaturesAsTheGeoJSON() throws {
        let folder = try temporaryFolder("gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("r.gpkg").path, json = folder.appendingPathComponent("r.geojson").path
        for out in [gpkg, json] {
            let r = try CordonTool.run(["routes", Self.map, Self.routes, "--besieged", "opposition", "--timeline", "--quiet", "-o", out])
            #expect(r.status == 0, "\(r.text)")
        }
        let count = try GDALTools.features(json).count
        #expect(try GDALTools.ogrinfo(["-so", gpkg, "routes"]).contains("Feature Count: \(count)"))
        try expectGeometryColumn(gpkg, table: "routes", count: count)
    }

    @Test func runWritesEveryLayerAndTheTimelineAndSummaryTables() throws {
        let folder = try temporaryFolder("gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let gpkg = folder.appendingPathComponent("run.gpkg").path, dir = folder.appendingPathComponent("dir").path
        for out in [gpkg, dir] {
            let r = try CordonTool.run(["run", scenario.path, "--quiet", "-o", out])
            #expect(r.status == 0, "\(r.text)")
        }
        let list = try GDALTools.ogrinfo(["-q", gpkg])
        for (i, table) in ["pockets", "fronts", "routes", "timeline", "summary"].enumerated() {
            #expect(list.contains("\(i + 1): \(table)"), "\(list)")
        }
        for layer in ["pockets", "fronts", "routes"] {
            let count = try GDALTools.features(dir + "/\(layer).geojson").count
            try expectGeometryColumn(gpkg, table: layer, count: count)
        }
        // timeline.csv: a row a day, 2016-07-01 to 2016-09-30 is 92 days; `date` typed Date.
        let timeline = try GDALTools.ogrinfo(["-so", gpkg, "timeline"])
        #expect(timeline.contains("Feature Count: 92") && timeline.contains("date: Date") && timeline.contains("food_stock: Real"), "\(timeline)")
        let csvRows = try String(contentsOfFile: dir + "/timeline.csv", encoding: .utf8).split(separator: "\n").count - 1
        #expect(csvRows == 92)
        // summary: the scenario's own words, as JSON text under JSON Pointers.
        let besieged = try GDALTools.column(gpkg, sql: "SELECT value FROM summary WHERE key = '/siege/besieged'", "value")
        #expect(besieged == ["\"opposition\""])
        let start = try GDALTools.column(gpkg, sql: "SELECT value FROM summary WHERE key = '/supplies/start'", "value")
        #expect(start == ["\"2016-07-01\""])
    }

    @Test func theSameRunGivesTheSameBytes() throws {
        let folder = try temporaryFolder("gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.gpkg").path, b = folder.appendingPathComponent("b.gpkg").path
        for out in [a, b] {
            #expect(try CordonTool.run(["enclosure", Self.map, "--besieged", "opposition", "--timeline", "--quiet", "-o", out]).status == 0)
        }
        #expect(FileManager.default.contentsEqual(atPath: a, andPath: b))
    }

    /// Bad input found after the map is read, then a disk that refuses the file half way:
    /// the GeoPackage there before is left byte for byte, with nothing beside it.
    @Test(.disabled(if: SmallRun.underThreadSanitizer, "ThreadSanitizer cannot start under a small ulimit -f"))
    func aFailedRunLeavesTheExistingGeoPackageByteForByte() throws {
        let folder = try temporaryFolder("gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("out.gpkg").path
        #expect(try CordonTool.run(["enclosure", Self.map, "--besieged", "opposition", "--timeline", "--quiet", "-o", gpkg]).status == 0)
        let before = try SmallRun.snapshot(folder)

        // The Castello map is dated: without --date or --timeline it is refused once read.
        let bad = try CordonTool.run(["enclosure", Self.map, "--besieged", "opposition", "--quiet", "-o", gpkg])
        #expect(bad.status == 2, "\(bad.text)")
        #expect(try SmallRun.snapshot(folder) == before)

        // 16 KiB: GDAL's file grows past it while writing the layer.
        let full = try SmallRun.cordon(["routes", Self.map, Self.routes, "--besieged", "opposition", "--timeline", "--quiet",
                                        "-o", gpkg], fileSizeLimit: 16)
        #expect(full.status == 1, "\(full.text)")
        #expect(full.stderr.hasPrefix("cordon: cannot write \(gpkg): "), "\(full.stderr)")
        #expect(!full.stderr.contains(".tmp"), "\(full.stderr)")
        #expect(try SmallRun.snapshot(folder) == before)
        #expect(try SmallRun.temporaries(in: folder).isEmpty)
    }

    @Test func aGeoPackageGivenAsInputAndOutputIsRefused() throws {
        let folder = try temporaryFolder("gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("map.gpkg").path
        let made = try Command.run(try #require(Command.find("ogr2ogr")), ["-f", "GPKG", gpkg, Self.map])
        #expect(made.status == 0, "\(made.text)")
        let before = try Data(contentsOf: URL(fileURLWithPath: gpkg))
        let r = try CordonTool.run(["enclosure", gpkg, "--besieged", "opposition", "--timeline", "--quiet", "-o", gpkg])
        #expect(r.status == 2)
        #expect(r.stderr == "cordon: \(gpkg): would replace the input \(gpkg); choose another output\n", "\(r.stderr)")
        let named = try CordonTool.run(["enclosure", gpkg + "|layername=castello-map", "--besieged", "opposition", "--timeline",
                                        "--quiet", "-o", gpkg])
        #expect(named.status == 2)
        #expect(named.stderr.contains("would replace the input \(gpkg);"), "\(named.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: gpkg)) == before)
    }

    /// `geom` in SRID 4326 with an R-tree, every geometry valid by SpatiaLite, as many as expected.
    func expectGeometryColumn(_ gpkg: String, table: String, count: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let columns = try GDALTools.row(gpkg, sql: "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = '\(table)'")
        #expect(columns == ["column_name": "geom", "srs_id": "4326"], sourceLocation: sourceLocation)
        let index = try GDALTools.row(gpkg, sql: "SELECT COUNT(*) AS n FROM gpkg_extensions WHERE table_name = '\(table)' AND extension_name = 'gpkg_rtree_index'")
        #expect(index["n"] == "1", "\(table): no spatial index", sourceLocation: sourceLocation)
        let valid = try GDALTools.row(gpkg, dialect: "SQLite",
                                      sql: "SELECT COUNT(*) AS n, SUM(ST_IsValid(geom)) AS valid, MIN(ST_SRID(geom)) AS srid FROM \"\(table)\"")
        #expect(valid == ["n": "\(count)", "valid": "\(count)", "srid": "4326"], "\(table)", sourceLocation: sourceLocation)
    }
}

/// GDAL's command-line programs, as an independent reader of what Cordon wrote.
enum GDALTools {
    static let ogrinfo: URL? = Command.find("ogrinfo")

    static func ogrinfo(_ arguments: [String]) throws -> String {
        let r = try Command.run(try #require(ogrinfo), arguments)
        guard r.status == 0 else { throw Failure(description: "ogrinfo \(arguments): \(r.text)") }
        return r.stdout
    }

    /// The first row of `sql`, field name to value as ogrinfo prints them.
    static func row(_ file: String, dialect: String? = nil, sql: String) throws -> [String: String] {
        try rows(file, dialect: dialect, sql: sql).first ?? [:]
    }

    /// One column of every row of `sql`.
    static func column(_ file: String, sql: String, _ name: String) throws -> [String] {
        try rows(file, sql: sql).compactMap { $0[name] }
    }

    /// Rows of `ogrinfo -sql`: lines `  name (Type) = value` under each `OGRFeature`.
    static func rows(_ file: String, dialect: String? = nil, sql: String) throws -> [[String: String]] {
        let text = try ogrinfo(["-q", file, "-sql", sql] + (dialect.map { ["-dialect", $0] } ?? []))
        var out: [[String: String]] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("OGRFeature") { out.append([:]); continue }
            guard !out.isEmpty, let eq = line.range(of: " = "), let paren = line.range(of: " (") else { continue }
            let name = line[..<paren.lowerBound].trimmingCharacters(in: .whitespaces)
            out[out.count - 1][name] = String(line[eq.upperBound...])
        }
        return out
    }

    /// A GeoJSON file's features' properties.
    static func features(_ path: String) throws -> [[String: Any]] {
        let json = try readJSON(URL(fileURLWithPath: path))
        return (json["features"] as? [[String: Any]] ?? []).map { $0["properties"] as? [String: Any] ?? [:] }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }
}
