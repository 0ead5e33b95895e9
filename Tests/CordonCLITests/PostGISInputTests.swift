import CordonTestSupport
import Foundation
import Testing

/// A map a team keeps in PostGIS: loaded by `ogr2ogr` (GDAL's writer, with `from`/`until` as
/// DATE columns), read by `cordon enclosure PG:... --layer control`, gives the same pockets,
/// byte for byte, as the GeoJSON file it came from; and a scenario names the database too.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil),
       Reference.needs("ogr2ogr (Debian gdal-bin)", Command.find("ogr2ogr") != nil), Reference.needs(.postgis))
struct PostGISInputTests {
    static let map = fixture("siege/castello-map.geojson")
    static let routes = fixture("siege/castello-routes.geojson")

    func load(_ file: String, as table: String, into schema: PostGIS.Schema) throws {
        let r = try Command.run(try #require(Command.find("ogr2ogr")),
                                ["-f", "PostgreSQL", schema.connection, file, "-nln", table,
                                 "-lco", "SCHEMA=\(schema.name)", "-lco", "GEOMETRY_NAME=geom"])
        try #require(r.status == 0, "\(r.text)")
    }

    @Test func enclosureFromPostGISMatchesTheGeoJSON() throws {
        let schema = try PostGIS.freshSchema()
        try load(Self.map, as: "control", into: schema)
        try load(Self.routes, as: "roads", into: schema)
        #expect(try schema.psql("SELECT data_type FROM information_schema.columns WHERE table_schema = '\(schema.name)' AND table_name = 'control' AND column_name = 'until'") == "date")
        let fromFile = try CordonTool.run(["enclosure", Self.map, "--besieged", "opposition", "--timeline", "--quiet"])
        let fromDatabase = try CordonTool.run(["enclosure", schema.connection, "--layer", "control",
                                               "--besieged", "opposition", "--timeline", "--quiet"])
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        #expect(fromDatabase.stdout == fromFile.stdout)
        #expect(fromFile.stdout.contains("\"encircled\":true"))
        // Routes from the same database, the layer named as QGIS names it.
        let routesFile = try CordonTool.run(["routes", Self.map, Self.routes, "--besieged", "opposition", "--timeline", "--quiet"])
        let routesDatabase = try CordonTool.run(["routes", schema.connection + "|layername=control", schema.connection + "|layername=roads",
                                                 "--besieged", "opposition", "--timeline", "--quiet"])
        #expect(routesDatabase.status == 0, "\(routesDatabase.stderr)")
        #expect(routesDatabase.stdout == routesFile.stdout)
    }

    /// With several tables and none named, the error lists them; a table that is not there is named.
    @Test func aDatabaseWithSeveralTablesListsThem() throws {
        let schema = try PostGIS.freshSchema()
        try load(Self.map, as: "control", into: schema)
        try load(Self.routes, as: "roads", into: schema)
        let r = try CordonTool.run(["enclosure", schema.connection, "--besieged", "opposition", "--timeline"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("holds 2 layers; name one with --layer (scenario: `layer:`): control, roads"), "\(r.stderr)")
        let missing = try CordonTool.run(["enclosure", schema.connection, "--layer", "fronts", "--besieged", "opposition"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no layer fronts; its layers are: control, roads"), "\(missing.stderr)")
    }

    /// A scenario whose map and routes live in the database, the connection written with a
    /// password: the run works, and the password shows nowhere: not on standard error, not in
    /// `summary.json`, not in the report. (The test cluster trusts local connections, so any
    /// password is let in.)
    @Test func aScenarioReadsTheDatabaseAndNeverShowsThePassword() throws {
        let folder = try temporaryFolder("pg-scenario")
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = try PostGIS.freshSchema()
        try load(Self.map, as: "control", into: schema)
        try load(Self.routes, as: "roads", into: schema)
        let scenario = try SmallRun.scenario(in: folder)
        let connection = schema.connection + " password=hunter2-secret"
        var text = try String(contentsOf: scenario, encoding: .utf8)
        text = text.replacingOccurrences(of: "map: map.geojson", with: "map: {source: \"\(connection)\", layer: control}")
        text = text.replacingOccurrences(of: "routes: routes.geojson", with: "routes: \"\(connection)|layername=roads\"")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let fromDatabase = folder.appendingPathComponent("out-pg"), fromFiles = folder.appendingPathComponent("out-files")
        let r = try CordonTool.run(["run", scenario.path, "-o", fromDatabase.path])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(!r.text.contains("hunter2"))
        for file in ["summary.json", "report.html", "pockets.geojson", "timeline.csv"] {
            let content = try String(contentsOf: fromDatabase.appendingPathComponent(file), encoding: .utf8)
            #expect(!content.contains("hunter2"), "\(file) shows the password")
        }
        #expect(try String(contentsOf: fromDatabase.appendingPathComponent("summary.json"), encoding: .utf8).contains("password=***"))
        // The same layers as from the files themselves.
        let plain = try SmallRun.scenario(in: folder, name: "files")
        try #require(try CordonTool.run(["run", plain.path, "-o", fromFiles.path, "--quiet"]).status == 0)
        for file in ["pockets.geojson", "routes.geojson", "timeline.csv"] {
            #expect(try Data(contentsOf: fromDatabase.appendingPathComponent(file)) == Data(contentsOf: fromFiles.appendingPathComponent(file)), "\(file)")
        }
    }

    /// Results written back into the database the map came from: refused, before any work, when
    /// a table written would be a table read; the map's table is left as it was. Into another
    /// schema of the same database, the same run goes through.
    @Test func anOutputTableNeverReplacesTheInputTable() throws {
        let schema = try PostGIS.freshSchema()
        try load(Self.map, as: "pockets", into: schema)
        for arguments in [["--layer", "pockets"], []] {
            let r = try CordonTool.run(["enclosure", schema.connection] + arguments + ["--besieged", "opposition", "--timeline",
                                                                                      "--quiet", "-o", schema.connection])
            #expect(r.status == 2, "\(r.text)")
            #expect(r.stderr.contains("table pockets: would replace the input"), "\(r.stderr)")
        }
        #expect(try schema.psql("SELECT COUNT(*), COUNT(controller) FROM pockets") == "14|14")
        let elsewhere = try PostGIS.freshSchema()
        let r = try CordonTool.run(["enclosure", schema.connection, "--besieged", "opposition", "--timeline", "--quiet",
                                    "-o", elsewhere.connection])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try elsewhere.psql("SELECT COUNT(*) FROM pockets") == "7")
    }
}
