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
}
