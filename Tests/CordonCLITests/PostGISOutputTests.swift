import CordonTestSupport
import Foundation
import Testing

/// `-o PG:...` on `run` and `enclosure`, read back through psql: what is written, and that a
/// failed run leaves the database as it was.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), Reference.needs(.postgis))
struct PostGISOutputTests {
    static let map = fixture("siege/castello-map.geojson")

    @Test func runWritesEveryLayerAndTableInSRID4326WithDates() throws {
        let folder = try temporaryFolder("pg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let schema = try PostGIS.freshSchema()
        let dir = folder.appendingPathComponent("dir").path
        for out in [schema.connection, dir] {
            let r = try CordonTool.run(["run", scenario.path, "--quiet", "-o", out])
            #expect(r.status == 0, "\(r.text)")
        }
        let tables = try schema.psql("SELECT table_name FROM information_schema.tables WHERE table_schema = '\(schema.name)' ORDER BY 1")
        #expect(tables == "fronts\npockets\nroutes\nsummary\ntimeline")
        for layer in ["pockets", "fronts", "routes"] {
            let count = try GDALTools.features(dir + "/\(layer).geojson").count
            let row = try schema.psql("SELECT COUNT(*), SUM(ST_IsValid(geom)::int), MIN(ST_SRID(geom)), MAX(ST_SRID(geom)), Find_SRID('\(schema.name)', '\(layer)', 'geom') FROM \(layer)")
            #expect(row == "\(count)|\(count)|4326|4326|4326", "\(layer)")
            let types = try schema.psql("SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = '\(schema.name)' AND table_name = '\(layer)' AND column_name IN ('from', 'until') ORDER BY 1")
            #expect(types == "from:date\nuntil:date", "\(layer)")
            let index = try schema.psql("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '\(schema.name)' AND tablename = '\(layer)' AND indexdef LIKE '%USING gist (geom)%'")
            #expect(index == "1", "\(layer): no spatial index")
        }
        // 2016-07-01 … 2016-09-30: 92 days.
        #expect(try schema.psql("SELECT COUNT(*), MIN(date), MAX(date), pg_typeof(MIN(date)) FROM timeline") == "92|2016-07-01|2016-09-30|date")
        #expect(try schema.psql("SELECT value::jsonb #>> '{}' FROM summary WHERE key = '/siege/besieged'") == "opposition")
    }

    @Test func aSecondRunReplacesTheTables() throws {
        let schema = try PostGIS.freshSchema()
        for _ in 0..<2 {
            let r = try CordonTool.run(["enclosure", Self.map, "--besieged", "opposition", "--timeline", "--quiet", "-o", schema.connection])
            #expect(r.status == 0, "\(r.text)")
        }
        #expect(try schema.psql("SELECT COUNT(*) FROM pockets") == "7")  // castello.expected.json: seven pocket periods
    }

    /// A view named `fronts` makes creating the second table fail inside the transaction:
    /// `pockets`, created before it, must not be there afterwards, and the view is untouched.
    @Test func aRunThatFailsHalfWayLeavesTheDatabaseAsItWas() throws {
        let folder = try temporaryFolder("pg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let schema = try PostGIS.freshSchema()
        _ = try schema.psql("CREATE VIEW fronts AS SELECT 42 AS answer")
        let r = try CordonTool.run(["run", scenario.path, "--quiet", "-o", schema.connection])
        #expect(r.status == 2, "\(r.text)")
        #expect(r.stderr.hasPrefix("cordon: \(schema.connection): table fronts: "), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try schema.psql("SELECT to_regclass('\(schema.name).pockets') IS NULL") == "t")
        #expect(try schema.psql("SELECT table_name FROM information_schema.tables WHERE table_schema = '\(schema.name)'") == "fronts")
        #expect(try schema.psql("SELECT answer FROM fronts") == "42")
    }

    /// A database that cannot be reached: exit 2, one line, the password masked.
    @Test func anUnreachableDatabaseIsOneLineWithThePasswordMasked() throws {
        let folder = try temporaryFolder("pg")
        defer { try? FileManager.default.removeItem(at: folder) }
        for output in ["PG:dbname=cordon host=\(folder.path) user=someone password=hunter2 port=1",
                       "PG:postgresql://someone:hunter2@/cordon?host=\(folder.path)"] {
            let r = try CordonTool.run(["enclosure", Self.map, "--besieged", "opposition", "--timeline", "--quiet", "-o", output])
            #expect(r.status == 2, "\(r.text)")
            #expect(!r.text.contains("hunter2"), "\(r.text)")
            #expect(r.stderr.contains("***") && r.stderr.contains("cannot connect"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
    }
}
