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

    /// For each day of March 2024 from the 1st to the 30th: the history's pieces held that day
    /// against the latest snapshot file on or before it, per controller, by symmetric difference.
    static let sameGround = #"""
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
