import CordonTestSupport
import Foundation
import Testing

/// `cordon run --snapshots`: per-date layers holding only what is true that day, checked
/// against `cordon enclosure --date` and `cordon routes --date` on the same inputs.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), .serialized)
struct SnapshotFileTests {
    /// Before the siege with the Castello Road under fire, encircled, and the second siege.
    static let days = ["2016-07-10", "2016-07-20", "2016-09-10"]
    static let layers = ["pockets", "fronts", "routes", "districts"]
    static let scenario = Repository.aleppo.appendingPathComponent("scenario.yaml").path

    static let run: URL? = {
        guard CordonTool.url != nil, let folder = try? temporaryFolder("snapshots") else { return nil }
        let out = folder.appendingPathComponent("out")
        guard let r = try? CordonTool.run(["run", scenario, "-o", out.path, "--runs", "0", "--quiet",
                                           "--snapshots", days.joined(separator: ",")]), r.status == 0 else { return nil }
        return out
    }()

    func collection(_ name: String) throws -> [String: Any] {
        try readJSON(#require(Self.run).appendingPathComponent(name))
    }

    func properties(_ collection: [String: Any]) -> [[String: Any]] {
        (collection["features"] as! [[String: Any]]).map { $0["properties"] as! [String: Any] }
    }

    @Test func eachDayIsOneMapWithNothingStacked() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: #require(Self.run).path)
        for day in Self.days {
            for layer in Self.layers {
                let name = "\(layer)-\(day).geojson"
                #expect(files.contains(name))
                let c = try collection(name)
                #expect(RFC7946.faults(c) == [], "\(name)")
                let features = c["features"] as! [[String: Any]]
                #expect(!features.isEmpty, "\(name)")
                for p in properties(c) {
                    #expect(p["date"] as? String == day, "\(name)")
                    #expect(p["from"] == nil && p["until"] == nil, "\(name): \(p)")
                }
                // No two periods of one thing: every id once.
                let ids = features.map { $0["id"] as! String }
                #expect(Set(ids).count == ids.count, "\(name)")
                // Exactly the full layer's features whose span holds the day, with their ids; in the
                // order the one-date commands write (countsAreThoseOfTheSingleDateCommands), which
                // is not the full layer's once unchanged features are written once.
                let full = (try collection("\(layer).geojson")["features"] as! [[String: Any]]).filter {
                    let p = $0["properties"] as! [String: Any]
                    return (p["from"] as! String) <= day && day < (p["until"] as! String)
                }
                #expect(ids.sorted() == full.map { $0["id"] as! String }.sorted(), "\(name)")
            }
        }
    }

    /// The counts `cordon enclosure` and `cordon routes` give for the day on the scenario's
    /// inputs and settings (snap 0, no allies, fire range 1500 m, walk 3000 m), a separate path.
    @Test func countsAreThoseOfTheSingleDateCommands() throws {
        let map = Repository.aleppo.appendingPathComponent("map.geojson").path
        let routes = Repository.aleppo.appendingPathComponent("routes.geojson").path
        for day in Self.days {
            let e = try CordonTool.run(["enclosure", map, "--besieged", "opposition", "--date", day, "--no-closure", "--quiet"])
            #expect(e.status == 0, "\(e.stderr)")
            let pockets = try properties(JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as! [String: Any])
            let ours = try properties(collection("pockets-\(day).geojson"))
            #expect(ours.count == pockets.count, "\(day)")
            // The same pockets in the same order (by area); their numbers are the timeline's, which
            // follow the ground (docs/design.md#pocket-numbers), not the day's ranks.
            #expect(ours.map { $0["area_km2"] as! Double } == pockets.map { $0["area_km2"] as! Double }, "\(day)")
            #expect(ours.map { $0["status"] as! String } == pockets.map { $0["status"] as! String }, "\(day)")

            let r = try CordonTool.run(["routes", map, routes, "--besieged", "opposition", "--date", day,
                                        "--fire-range", "1500", "--walk", "3000", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let states = try properties(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])
            let mine = try properties(collection("routes-\(day).geojson"))
            #expect(mine.count == states.count, "\(day)")
            let key = { (p: [String: Any]) in "\(p["route"]!) \(p["segment"]!) \(p["status"]!)" }
            #expect(mine.map(key) == states.map(key), "\(day)")
        }
    }

    @Test func aDateOutsideTheRunIsNamedAndNothingChanges() throws {
        let out = try #require(Self.run)
        let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let bytes = try Data(contentsOf: out.appendingPathComponent("pockets-2016-07-20.geojson"))
        let r = try CordonTool.run(["run", Self.scenario, "-o", out.path, "--runs", "0", "--quiet",
                                    "--snapshots", "2016-07-20,2017-01-05"])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("2017-01-05") && r.stderr.contains("outside the run"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
        #expect(try Data(contentsOf: out.appendingPathComponent("pockets-2016-07-20.geojson")) == bytes)

        let bad = try CordonTool.run(["run", Self.scenario, "-o", out.path, "--quiet", "--snapshots", "20 July"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("20 July"), "\(bad.stderr)")
    }

    /// `key` writes the report's map dates: the first and last day and the siege's dates, read
    /// here from summary.json. A later run without --snapshots takes the dated files away with
    /// the rest of the set, which it owns.
    @Test func keyDatesThenNoneReplaceTheSet() throws {
        let folder = try temporaryFolder("snapshots-key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let r = try CordonTool.run(["run", Self.scenario, "-o", out.path, "--runs", "0", "--quiet", "--snapshots", "key"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try readJSON(out.appendingPathComponent("summary.json"))
        let supplies = summary["supplies"] as! [String: Any], siege = summary["siege"] as! [String: Any]
        var expected: Set<String> = [supplies["start"] as! String, supplies["end"] as! String]
        for span in siege["encircled"] as! [[String: String]] { expected.insert(span["from"]!) }
        let dated = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("pockets-") }
        let days = Set(dated.map { String($0.dropFirst("pockets-".count).prefix(10)) })
        #expect(expected.isSubset(of: days), "\(days)")

        let again = try CordonTool.run(["run", Self.scenario, "-o", out.path, "--runs", "0", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy { !$0.contains("-2016-") })
    }
}
