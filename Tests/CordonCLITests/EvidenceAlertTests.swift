import CordonTestSupport
import Foundation
import Testing

/// `cordon enclosure --timeline --events` writes the alert layer (docs/design.md#evidence)
/// beside the pockets; the days are worked out by hand.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct EvidenceAlertTests {
    /// The opposition holds the square 37.1–37.2 E until 11 July, then also 37.2–37.3 E (taken
    /// from the government); the government keeps 37.3–37.4 E. One pocket, `pocket` 0. Deaths
    /// by hand, 30-day sums over the days d-29…d:
    ///   1 Jul  60 in the square          → 60 (under 100: no alert)
    ///   5 Jul  30 in the square          → 90 (no alert)
    ///   8 Jul 500 at 37.25 E: government ground that day, in no pocket
    ///  12 Jul  20 at 37.25 E, now the pocket's → 110: alert (previous high 90)
    ///  25 Jul   5 in the square          → 115: alert (previous high 110)
    ///   5 Aug  80 in the square          → 20 + 5 + 80 = 105: under 115, no alert
    @Test func enclosureWritesAlertsBesideThePockets() throws {
        let folder = try temporaryFolder("evidence-alerts")
        defer { try? FileManager.default.removeItem(at: folder) }
        try AlertFixture.write(in: folder)
        func alerts(_ extra: [String]) throws -> [[String: Any]] {
            let r = try CordonTool.run(["enclosure", "map.geojson", "--besieged", "opposition", "--timeline", "--no-closure", "--quiet",
                                        "--events", "events.csv", "-o", "pockets.geojson"] + extra, in: folder)
            #expect(r.status == 0, "\(r.text)")
            let features = try #require(try readJSON(folder.appendingPathComponent("pockets-alerts.geojson"))["features"] as? [[String: Any]])
            return features.compactMap { $0["properties"] as? [String: Any] }
        }
        let found = try alerts([])
        #expect(found.map { $0["date"] as? String } == ["2016-07-12", "2016-07-25"])
        #expect(found.map { $0["fatalities_30_days"] as? Double } == [110, 115])
        #expect(found.map { $0["previous_high"] as? Double } == [90, 110])
        #expect(found.map { $0["pocket"] as? Double } == [0, 0])
        #expect(found.map { $0["alert_minimum"] as? Double } == [100, 100])
        // With a minimum of 112, 12 July's 110 is a high but no alert; 25 July's 115 is one.
        let fewer = try alerts(["--alert-minimum", "112"])
        #expect(fewer.map { $0["date"] as? String } == ["2016-07-25"])
        #expect(fewer.map { $0["previous_high"] as? Double } == [110])
        // The pockets file beside it still has the counts: 90 deaths before 11 July, 105 after.
        let pockets = try #require(try readJSON(folder.appendingPathComponent("pockets.geojson"))["features"] as? [[String: Any]])
        #expect(pockets.compactMap { ($0["properties"] as? [String: Any])?["fatalities"] as? Double } == [90, 105])
        // Alerts need a series: without --timeline the minimum is refused as bad usage (status 2).
        let single = try CordonTool.run(["enclosure", "map.geojson", "--besieged", "opposition", "--date", "2016-07-20", "--no-closure",
                                         "--quiet", "--events", "events.csv", "--alert-minimum", "5", "-o", "one.geojson"], in: folder)
        #expect(single.status == 2)
        #expect(single.stderr.contains("--alert-minimum goes with --events and --timeline"), "\(single.text)")
    }

    /// A GeoPackage gets the same alerts as a table `alerts` beside `pockets`, read back by GDAL's ogrinfo.
    @Test(Reference.needs("ogrinfo", GDALTools.ogrinfo != nil))
    func enclosureWritesAlertsAsATableOfAGeoPackage() throws {
        let folder = try temporaryFolder("evidence-alerts-gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        try AlertFixture.write(in: folder)
        let r = try CordonTool.run(["enclosure", "map.geojson", "--besieged", "opposition", "--timeline", "--no-closure", "--quiet",
                                    "--events", "events.csv", "-o", "out.gpkg"], in: folder)
        #expect(r.status == 0, "\(r.text)")
        let gpkg = folder.appendingPathComponent("out.gpkg").path
        #expect(try GDALTools.ogrinfo(["-so", gpkg, "pockets"]).contains("Feature Count: 2"))
        let dates = try GDALTools.column(gpkg, sql: "SELECT \"date\" FROM alerts ORDER BY \"date\"", "date")
        #expect(dates.map { $0.replacingOccurrences(of: "/", with: "-") } == ["2016-07-12", "2016-07-25"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out-alerts.geojson").path))
    }

    /// `cordon run` on the same map and events writes every pocket's alerts as `alerts.geojson`,
    /// the same days by hand, and `alert_minimum` moves them as `--alert-minimum` does.
    @Test func runWritesEveryPocketsAlerts() throws {
        let folder = try temporaryFolder("evidence-alerts-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        try AlertFixture.write(in: folder)
        func alerts(_ minimum: String?) throws -> [[String: Any]] {
            try AlertFixture.scenario(alertMinimum: minimum).write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out")
            let r = try CordonTool.run(["run", "scenario.yaml", "-o", out.path, "--quiet"], in: folder)
            #expect(r.status == 0, "\(r.text)")
            let features = try #require(try readJSON(out.appendingPathComponent("alerts.geojson"))["features"] as? [[String: Any]])
            return features.compactMap { $0["properties"] as? [String: Any] }
        }
        let found = try alerts(nil)
        #expect(found.map { $0["date"] as? String } == ["2016-07-12", "2016-07-25"])
        #expect(found.map { $0["fatalities_30_days"] as? Double } == [110, 115])
        // alerts.csv: the focus pocket's alerts, the same days and sums as its series in alerts.geojson.
        #expect(try String(contentsOf: folder.appendingPathComponent("out/alerts.csv"), encoding: .utf8)
                == "date,fatalities_30_days,previous_high\n2016-07-12,110,90\n2016-07-25,115,110\n")
        #expect(try alerts("112").map { $0["date"] as? String } == ["2016-07-25"])
    }
}
