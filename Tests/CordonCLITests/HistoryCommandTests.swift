import CordonTestSupport
import Foundation
import Testing

/// `cordon history` on the generated series of HistorySeries, whose change dates are known by
/// construction; the ground on each date is checked with Shapely against the snapshot files.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct HistoryCommandTests {
    func features(_ url: URL) throws -> [[String: Any]] {
        try #require(try readJSON(url)["features"] as? [[String: Any]])
    }

    func summary(_ stderr: String) throws -> [String: Any] {
        let line = try #require(stderr.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func aDailySeriesBecomesSpansThatChangeOnlyOnTheChangeDays() throws {
        let folder = try temporaryFolder("history")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try HistorySeries.write(into: folder)
        let out = folder.appendingPathComponent("history.geojson")
        let r = try CordonTool.run(["history"] + files.shuffled() + ["-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try summary(r.stderr)
        let changeDates = HistorySeries.changes.keys.sorted().map(HistorySeries.date)
        #expect(s["snapshots"] as? Int == HistorySeries.days - HistorySeries.missing.count)
        #expect(s["changes"] as? Int == changeDates.count)
        #expect(s["missing_days"] as? Int == HistorySeries.missing.count)
        // Each side's ground changes on every change date: one span each to start, one more per change.
        #expect(s["spans"] as? Int == 2 * (1 + changeDates.count))
        #expect(s["first"] as? String == "2024-03-01")
        #expect(s["last"] as? String == "2024-03-30")
        #expect(s["until"] as? String == "2024-03-31")

        let props = try features(out).map { $0["properties"] as? [String: Any] ?? [:] }
        let froms = Set(props.compactMap { $0["from"] as? String })
        let untils = Set(props.compactMap { $0["until"] as? String })
        #expect(froms == Set(["2024-03-01"] + changeDates))
        #expect(untils == Set(changeDates + ["2024-03-31"]))
        // Only the cells that change hands are written again: 100 cells, then one piece per cell
        // gained on each change date (cells gained together and touching make one piece).
        let gainedPieces = 1 + 1 + 1 + 1
        #expect(props.count == 100 + gainedPieces, "\(props.count) features")

        // Independent check: on every date of the month, the pieces held that day, dissolved per
        // controller, are the ground of that day's snapshot (the day before's for the missing day).
        let python = try #require(YardstickPython.importing(["shapely"]))
        let check = try Command.run(python, ["-c", Self.sameGround, out.path, folder.path])
        #expect(check.status == 0, "\(check.text)")
        #expect(check.stdout.contains("30 dates"), "\(check.text)")
    }

    /// `cordon enclosure --date D` finds the same pockets in the history as in the snapshot of D
    /// (the day before's for the missing day): the snapshot file is the independent source.
    @Test func enclosureOnTheHistoryMatchesEnclosureOnTheSnapshot() throws {
        let folder = try temporaryFolder("history-enclosure")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try HistorySeries.write(into: folder)
        let out = folder.appendingPathComponent("history.geojson").path
        let r = try CordonTool.run(["history"] + files + ["-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        for (day, snapshotDay) in [(19, 19), (11, 10), (20, 20), (26, 26), (29, 29)] {
            let date = HistorySeries.date(day)
            let snapshot = folder.appendingPathComponent("snap-\(HistorySeries.date(snapshotDay)).geojson").path
            let a = try CordonTool.run(["enclosure", out, "--besieged", "opposition", "--date", date, "--no-closure"])
            let b = try CordonTool.run(["enclosure", snapshot, "--besieged", "opposition", "--no-closure"])
            #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
            let pockets = { (o: Command.Outcome) throws -> [String] in
                let c = try #require(try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any])
                return try #require(c["features"] as? [[String: Any]]).map {
                    let p = $0["properties"] as? [String: Any] ?? [:]
                    return "\(p["status"] ?? "?") \(String(format: "%.6f", (p["area_km2"] as? Double) ?? -1))"
                }
            }
            let ours = try pockets(a), theirs = try pockets(b)
            #expect(ours == theirs, "\(date)")
            // The pocket of the 20th–26th is there, encircled, only then.
            #expect(ours.contains { $0.hasPrefix("encircled") } == (19...25).contains(day), "\(date): \(ours)")
        }
    }

    /// The same series as layers of one GeoPackage, drawn the way DeepStateMap draws: Polygon Z,
    /// the side only in a `fill` colour: the same history as from the files.
    @Test(Reference.needs("ogr2ogr", Command.find("ogr2ogr") != nil))
    func layersOfOneGeoPackageWithColoursGiveTheSameHistory() throws {
        let folder = try temporaryFolder("history-gpkg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try HistorySeries.write(into: folder)
        let gpkg = folder.appendingPathComponent("series.gpkg").path
        let ogr2ogr = try #require(Command.find("ogr2ogr"))
        for f in files {
            let day = URL(fileURLWithPath: f).deletingPathExtension().lastPathComponent.dropFirst(5)
                .replacingOccurrences(of: "-", with: "")
            let sql = "SELECT CASE controller WHEN 'opposition' THEN '#0f9d58' ELSE '#a52714' END AS fill, geometry FROM \"snap-\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))\""
            let r = try Command.run(ogr2ogr, ["-f", "GPKG", "-update", "-append", gpkg, f, "-nln", "day_\(day)",
                                              "-dialect", "SQLite", "-sql", sql, "-dim", "XYZ"])
            #expect(r.status == 0, "\(r.text)")
        }
        let fromFiles = folder.appendingPathComponent("a.geojson").path, fromLayers = folder.appendingPathComponent("b.geojson").path
        let a = try CordonTool.run(["history"] + files + ["-o", fromFiles])
        let b = try CordonTool.run(["history", gpkg, "--all-layers", "--date-pattern", "day_%Y%m%d",
                                    "--controller-field", "fill", "--values", "#0f9d58=opposition,#a52714=government,#bcaaa4=ignore",
                                    "-o", fromLayers])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        #expect(try summary(a.stderr)["changes"] as? Int == HistorySeries.changes.count)
        // Pieces may start at other corners (the GeoPackage keeps the file's drawing); compare
        // controller, dates and area.
        let key = { (f: [String: Any]) -> String in
            let p = f["properties"] as? [String: Any] ?? [:]
            return "\(p["controller"] ?? "") \(p["from"] ?? "") \(p["until"] ?? "")"
        }
        let fa = try features(URL(fileURLWithPath: fromFiles)).map(key).sorted()
        let fb = try features(URL(fileURLWithPath: fromLayers)).map(key).sorted()
        #expect(fa == fb)
    }

    @Test func theSameSeriesGivesTheSameBytesWhateverTheWorkers() throws {
        let folder = try temporaryFolder("history-bytes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try HistorySeries.write(into: folder)
        let a = folder.appendingPathComponent("a.geojson"), b = folder.appendingPathComponent("b.geojson")
        let ra = try CordonTool.run(["history"] + files + ["--jobs", "1", "-o", a.path])
        let rb = try CordonTool.run(["history"] + files.reversed() + ["--jobs", "3", "-o", b.path])
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr) \(rb.stderr)")
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    /// A last snapshot whose corner cell grows west by 0.000003° (about 0.27 m at 35° N, over
    /// 1.1 km): a change without a tolerance, none with --tolerance-m 1 (and one with 0.2).
    @Test func aThinDifferenceIsNoChangeWithinTheTolerance() throws {
        let folder = try temporaryFolder("history-tolerance")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try HistorySeries.write(into: folder)
        let shifted = folder.appendingPathComponent("snap-2024-03-31.geojson").path
        let cell = "[36.00,35.00],[36.01,35.00],[36.01,35.01],[36.00,35.01],[36.00,35.00]"
        let text = HistorySeries.snapshot(30)
        #expect(text.contains(cell))
        try text.replacingOccurrences(of: cell, with: "[35.999997,35.00],[36.01,35.00],[36.01,35.01],[35.999997,35.01],[35.999997,35.00]")
            .write(toFile: shifted, atomically: true, encoding: .utf8)
        for (tolerance, changes) in [("0", HistorySeries.changes.count + 1), ("1", HistorySeries.changes.count),
                                     ("0.2", HistorySeries.changes.count + 1)] {
            let out = folder.appendingPathComponent("t\(tolerance).geojson")
            let r = try CordonTool.run(["history"] + files + [shifted, "--tolerance-m", tolerance, "-o", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try summary(r.stderr)["changes"] as? Int == changes, "--tolerance-m \(tolerance): \(r.stderr)")
            #expect(try summary(r.stderr)["until"] as? String == "2024-04-01")
        }
    }

    @Test func badSnapshotsAreRefusedInOneLine() throws {
        let folder = try temporaryFolder("history-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try HistorySeries.write(into: folder)
        let out = folder.appendingPathComponent("out.geojson").path
        func refused(_ args: [String], _ words: [String]) throws {
            let r = try CordonTool.run(["history"] + args + ["-o", out])
            #expect(r.status == 2, "\(r.text)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(r.stderr)")
            for w in words { #expect(r.stderr.contains(w), "\(w) not in: \(r.stderr)") }
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // A snapshot that cannot be dated.
        let undated = folder.appendingPathComponent("latest.geojson").path
        try HistorySeries.snapshot(3).write(toFile: undated, atomically: true, encoding: .utf8)
        try refused(files + [undated], ["latest.geojson", "'%Y-%m-%d'", "no date"])
        // Two snapshots of one date.
        let twice = folder.appendingPathComponent("copy-2024-03-05.geojson").path
        try HistorySeries.snapshot(4).write(toFile: twice, atomically: true, encoding: .utf8)
        try refused(files + [twice], ["copy-2024-03-05.geojson", "snap-2024-03-05.geojson", "2024-03-05"])
        // A line where polygons are needed.
        let mixed = folder.appendingPathComponent("mixed-2024-04-01.geojson").path
        let line = #"{"type":"Feature","properties":{"controller":"government"},"geometry":{"type":"LineString","coordinates":[[36,35],[36.1,35.1]]}}"#
        try HistorySeries.snapshot(5).replacingOccurrences(of: "]}\n", with: ",\n" + line + "]}\n")
            .write(toFile: mixed, atomically: true, encoding: .utf8)
        try refused(files + [mixed], ["mixed-2024-04-01.geojson", "feature 100", "LineString", "Polygon"])
        // A pattern that cannot date anything.
        try refused(files + ["--date-pattern", "%Y-%m"], ["date pattern", "%Y-%m"])
    }

    /// For each day of March 2024 from the 1st to the 30th: the history's pieces held that day
    /// against the latest snapshot file on or before it, per controller, by symmetric difference.
    static let sameGround = #"""
if True:  # indented, so no line of it reads as a Swift import
    import glob, json, os, sys
    from shapely import from_geojson, union_all
    hist = json.load(open(sys.argv[1]))["features"]
    files = {os.path.basename(p)[5:15]: p for p in glob.glob(os.path.join(sys.argv[2], "snap-*.geojson"))}
    def ground(features):
        out = {}
        for f in features:
            out.setdefault(f["properties"]["controller"], []).append(from_geojson(json.dumps(f["geometry"])))
        return {k: union_all(v) for k, v in out.items()}
    n = 0
    for d in range(1, 31):
        day = f"2024-03-{d:02d}"
        held = [f for f in hist if f["properties"]["from"] <= day < f["properties"]["until"]]
        latest = max(k for k in files if k <= day)
        ours, theirs = ground(held), ground(json.load(open(files[latest]))["features"])
        if set(ours) != set(theirs):
            sys.exit(f"{day}: controllers {sorted(ours)} against {sorted(theirs)}")
        for k in theirs:
            diff = ours[k].symmetric_difference(theirs[k]).area
            if diff > 1e-12:
                sys.exit(f"{day}: {k} differs from {latest} by {diff} square degrees")
        n += 1
    print(f"{n} dates match")
"""#
}
