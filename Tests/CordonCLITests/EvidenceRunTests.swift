import CordonTestSupport
import Foundation
import Testing

/// Evidence through the command line (docs/design.md#evidence): bad event and price lines are
/// one line naming file, line and column with exit status 2; the bundled Aleppo case counts its
/// hand-compiled events and prices beside the model.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct EvidenceRunTests {
    static let aleppo = Repository.root.appendingPathComponent("geodata/aleppo-2016")

    @Test func aBadEventLineIsBadInputNamingLineAndColumn() throws {
        let folder = try temporaryFolder("evidence-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("events.csv")
        try "event_date,event_type,latitude,longitude\n2016-07-10,Battles,36.2,37.1\n\"2016-07-11\",Battles,\"36,2\",37.1\n"
            .write(to: events, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("p.geojson")
        let r = try CordonTool.run(["enclosure", Self.aleppo.appendingPathComponent("map.geojson").path, "--besieged", "opposition",
                                    "--timeline", "--no-closure", "--quiet", "--events", events.path, "-o", out.path])
        #expect(r.status == 2)
        #expect(r.stderr == "cordon: \(events.path): line 3, column `latitude`: `36,2` is not a number in [-90.0, 90.0]\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// A pocket unchanged across a change date is one feature only when its counts are unchanged
    /// too: the counts go on each period's pocket before periods are joined. By hand: the
    /// government square is redrawn (same ground) on 15 July, so the opposition square is the same
    /// pocket in both periods; the one event, on 10 July inside it, counts in the first period only.
    @Test func eventsAreCountedPerPeriodBeforeUnchangedPeriodsAreJoined() throws {
        let folder = try temporaryFolder("evidence-spans")
        defer { try? FileManager.default.removeItem(at: folder) }
        func square(_ x: Double, _ controller: String, _ dates: String) -> String {
            "{\"type\":\"Feature\",\"properties\":{\"controller\":\"\(controller)\"\(dates)},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[\(x),36.2],[\(x + 0.1),36.2],[\(x + 0.1),36.3],[\(x),36.3],[\(x),36.2]]]}}"
        }
        let map = "{\"type\":\"FeatureCollection\",\"features\":[" + [
            square(37.1, "opposition", ""), square(37.2, "government", ",\"until\":\"2016-07-15\""),
            square(37.2, "government", ",\"from\":\"2016-07-15\""),
        ].joined(separator: ",") + "]}"
        try map.write(to: folder.appendingPathComponent("map.geojson"), atomically: true, encoding: .utf8)
        try "date,latitude,longitude,type,fatalities\n2016-07-10,36.25,37.15,Shelling,2\n2016-07-20,36.25,37.9,Shelling,0\n"
            .write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let r = try CordonTool.run(["enclosure", "map.geojson", "--besieged", "opposition", "--timeline", "--no-closure", "--quiet",
                                    "--events", "events.csv", "-o", "pockets.geojson"], in: folder)
        #expect(r.status == 0, "\(r.text)")
        let features = try #require(try readJSON(folder.appendingPathComponent("pockets.geojson"))["features"] as? [[String: Any]])
        let props = features.compactMap { $0["properties"] as? [String: Any] }
        #expect(props.count == 2)
        #expect(props.map { $0["events"] as? Double } == [1, 0])
        #expect(props.map { $0["fatalities"] as? Double } == [2, 0])
        #expect(props.last?["from"] as? String == "2016-07-15")
    }

    /// The bundled run, counted by hand from events.csv and prices.csv: 10 events, the 27 April
    /// one before the scenario's 1 July; of the 9 left, rows 04, 07, 09 and 10 have geo_precision 3
    /// (several places or none), so 5 are placed. Of those, ALP-03 (17 July, on the Castello Road
    /// at 37.13 E) lies on ground the government took that day; the other four lie on opposition
    /// ground on their day, as the shapely check below confirms from map.geojson.
    @Test(Reference.needs("shapely in the yardsticks' Python (scripts/setup)", YardstickPython.importing(["shapely"]) != nil))
    func theAleppoRunCountsItsEvidence() throws {
        let folder = try temporaryFolder("evidence-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let r = try CordonTool.run(["run", Self.aleppo.appendingPathComponent("scenario.yaml").path, "-o", out.path, "--runs", "0", "--quiet"])
        #expect(r.status == 0, "\(r.text)")
        let events = try #require(try readJSON(out.appendingPathComponent("events.geojson"))["features"] as? [[String: Any]])
        let props = events.map { $0["properties"] as? [String: Any] ?? [:] }
        #expect(props.count == 9)
        #expect(props.filter { $0["placed"] as? Bool == true }.count == 5)
        let pockets = try #require(try readJSON(out.appendingPathComponent("pockets.geojson"))["features"] as? [[String: Any]])
        let counted = pockets.compactMap { ($0["properties"] as? [String: Any])?["events"] as? Double }.reduce(0, +)

        // The yardstick: each placed event in the scenario's days, against the opposition areas of
        // map.geojson holding on its day (from ≤ day < until), by shapely's covers.
        let python = try #require(YardstickPython.importing(["shapely"]))
        let script = """
        import csv, json, sys, shapely
        from shapely.geometry import shape, Point
        m = json.load(open(sys.argv[1]))
        n = 0
        for row in csv.DictReader(open(sys.argv[2], encoding='utf-8')):
            d = row['event_date']
            if not ('2016-07-01' <= d <= '2016-12-22') or int(row['geo_precision']) > 2: continue
            p = Point(float(row['longitude']), float(row['latitude']))
            if any(f['properties']['controller'] == 'opposition' and f['properties'].get('from', '0') <= d < f['properties'].get('until', '9')
                   and shape(f['geometry']).covers(p) for f in m['features']):
                n += 1
        print(n)
        """
        let check = try Command.run(python, ["-c", script, Self.aleppo.appendingPathComponent("map.geojson").path,
                                             Self.aleppo.appendingPathComponent("events.csv").path])
        #expect(check.status == 0, "\(check.text)")
        #expect(Double(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == counted)
        #expect(counted == 4)

        // prices.csv by hand: staples 100 and 300 in July (median 200); tomatoes 100 and 500 (300);
        // bread in Furqan (west, outside) 200 and 800 (500); the basket 65,169 in October and
        // 232,000 in November; sugar 20 USD a kg. No commodity is quoted on both sides.
        let table = try String(contentsOf: out.appendingPathComponent("prices.csv"), encoding: .utf8)
        #expect(table.split(separator: "\n").map(String.init) == [
            "commodity,unit,currency,month,inside_median,outside_median,multiple,inside_quotes,outside_quotes",
            "Staple foods (index: before 7 July = 100),Index,INDEX,2016-07,200,,,2,0",
            "Tomatoes (index: before 7 July = 100),Index,INDEX,2016-07,300,,,2,0",
            "Bread,Loaf,SYP,2016-08,,500,,0,2",
            "Standard food basket,Basket,SYP,2016-10,65169,,,1,0",
            "Standard food basket,Basket,SYP,2016-11,232000,,,1,0",
            "Sugar,kg,USD,2016-11,20,,,1,0",
        ])
        // No 30-day sum of the focus pocket's deaths reaches 100: the header alone.
        #expect(try String(contentsOf: out.appendingPathComponent("alerts.csv"), encoding: .utf8)
                == "date,fatalities_30_days,previous_high\n")
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("Evidence beside the model"))
        // `cordon report` rebuilds the same page from the folder, evidence included.
        let rebuilt = folder.appendingPathComponent("rebuilt.html")
        #expect(try CordonTool.run(["report", out.path, "-o", rebuilt.path]).status == 0)
        #expect(try Data(contentsOf: rebuilt) == Data(contentsOf: out.appendingPathComponent("report.html")))
    }
}
