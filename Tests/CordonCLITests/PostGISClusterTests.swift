import CordonTestSupport
import Foundation
import Testing

/// The throwaway PostgreSQL + PostGIS that tests read and write (`PostGIS`, `scripts/postgis-cluster`):
/// it answers, and a layer loaded by GDAL's own ogr2ogr reads back whole, in WGS84.
@Suite(Reference.needs(.postgis))
struct PostGISClusterTests {
    /// Three features a hand can measure, in degrees: squares of 1 and 2 square degrees and a
    /// right triangle of half a square degree; two held by one side, one by the other.
    static let control = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"controller": "government"},
           "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},
          {"type": "Feature", "properties": {"controller": "opposition"},
           "geometry": {"type": "Polygon", "coordinates": [[[2, 0], [4, 0], [4, 1], [2, 1], [2, 0]]]}},
          {"type": "Feature", "properties": {"controller": "government"},
           "geometry": {"type": "Polygon", "coordinates": [[[5, 0], [6, 0], [5, 1], [5, 0]]]}}
        ]}
        """

    /// Loads `geojson` into the schema as the layer `control`, geometry column `geom`, with ogr2ogr.
    func load(_ geojson: String, into schema: PostGIS.Schema) throws {
        let folder = try temporaryFolder("postgis")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("control.geojson")
        try Data(geojson.utf8).write(to: file)
        let ogr2ogr = try #require(Command.find("ogr2ogr"))
        let result = try Command.run(ogr2ogr, ["-f", "PostgreSQL", schema.connection, file.path,
                                               "-nln", "control", "-lco", "GEOMETRY_NAME=geom"])
        #expect(result.status == 0, "\(result.text)")
    }

    @Test func answersWithPostGIS3() throws {
        #expect(try PostGIS.psql("SELECT postgis_version()").hasPrefix("3."))
        #expect(try PostGIS.psql("SELECT current_database()") == "cordon")
    }

    @Test(Reference.needs("ogr2ogr (gdal-bin, installed by scripts/setup)", Command.find("ogr2ogr") != nil))
    func aLayerLoadedByOgr2ogrReadsBackWholeInWGS84() throws {
        let schema = try PostGIS.freshSchema()
        try load(Self.control, into: schema)
        #expect(try schema.psql("SELECT count(*), min(ST_SRID(geom)), max(ST_SRID(geom)) FROM control") == "3|4326|4326")
        #expect(try schema.psql("SELECT round(sum(ST_Area(geom))::numeric, 9) FROM control") == "3.500000000")
        #expect(try schema.psql("SELECT controller, count(*) FROM control GROUP BY controller ORDER BY controller")
            == "government|2\nopposition|1")
        // Loaded into the test's own schema, not public.
        #expect(try PostGIS.psql("SELECT table_schema FROM information_schema.tables WHERE table_name = 'control' "
            + "AND table_schema = '\(schema.name)'") == schema.name)
    }

    @Test(Reference.needs("ogr2ogr (gdal-bin, installed by scripts/setup)", Command.find("ogr2ogr") != nil))
    func twoSchemasHoldLayersOfTheSameNameApart() throws {
        let first = try PostGIS.freshSchema(), second = try PostGIS.freshSchema()
        #expect(first.name != second.name)
        let one = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"controller": "opposition"},
             "geometry": {"type": "Point", "coordinates": [37.16, 36.2]}}]}
            """
        try load(Self.control, into: first)
        try load(one, into: second)
        #expect(try first.psql("SELECT count(*) FROM control") == "3")
        #expect(try second.psql("SELECT count(*), ST_AsText(min(geom)) FROM control") == "1|POINT(37.16 36.2)")
    }

    /// The script itself, in a folder of this test's own (CI's cluster comes from it too).
    @Test(Reference.needs("PostgreSQL 15 and PostGIS installed (postgresql-15-postgis-3, scripts/setup)",
                          PostGIS.isInstalled))
    func theScriptStartsAClusterOnASocketAndStopsItLeavingNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-pgscript-\(UUID().uuidString.prefix(8))")
        let script = Repository.root.appendingPathComponent("scripts/postgis-cluster").path
        let bash = URL(fileURLWithPath: "/bin/bash")
        let started = try Command.run(bash, [script, "start", folder.path])
        #expect(started.status == 0, "\(started.text)")
        let connection = started.stdout.trimmingCharacters(in: .newlines)
        #expect(connection.hasPrefix("PG:host=\(folder.path) dbname=cordon user=postgres port="), "\(connection)")
        #expect(try PostGIS.psql("SELECT extname FROM pg_extension WHERE extname = 'postgis'", connection: connection) == "postgis")
        // A Unix socket only: no TCP listener.
        #expect(try PostGIS.psql("SHOW listen_addresses", connection: connection) == "")

        let stopped = try Command.run(bash, [script, "stop", folder.path])
        #expect(stopped.status == 0, "\(stopped.text)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(serverProcesses(in: folder.path).isEmpty)
    }

    /// Processes whose command line names `folder` (the server runs as `postgres -D FOLDER/data`).
    func serverProcesses(in folder: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { $0.allSatisfy(\.isNumber) }.compactMap { id in
            guard let bytes = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return nil }
            let line = String(decoding: bytes.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(folder + "/data") ? line : nil
        }
    }
}
