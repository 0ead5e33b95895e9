import CordonTestSupport
import Foundation
import Testing

/// `neutral` in a scenario, through `cordon run` to its layers, summary, report and map: on the
/// Castello map the opposition's only neighbour is the government, so with the government
/// neutral there is no hostile ground at all, and every route is open by definition.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct NeutralRunTests {
    func features(_ url: URL) throws -> [[String: Any]] {
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(collection["features"] as? [[String: Any]]).map { $0["properties"] as? [String: Any] ?? [:] }
    }

    @Test func neutralGroundIsDrawnAndLabelledApart() throws {
        let folder = try temporaryFolder("neutral-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        // Districts: the map's last areas, named, so the report's maps fill the government's ground.
        let map = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("map.geojson"))) as? [String: Any])
        let last = try #require(map["features"] as? [[String: Any]]).suffix(2).enumerated().map { i, f -> [String: Any] in
            ["type": "Feature", "properties": ["name": "district \(i)"], "geometry": f["geometry"] as Any]
        }
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": last])
            .write(to: folder.appendingPathComponent("districts.geojson"))
        let text = try String(contentsOf: scenario, encoding: .utf8)
        try (text + "neutral: [government]\ndistricts: districts.geojson\n").write(to: scenario, atomically: true, encoding: .utf8)

        let out = folder.appendingPathComponent("out")
        let r = try CordonTool.run(["run", scenario.path, "-o", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.text)")

        let fronts = try features(out.appendingPathComponent("fronts.geojson"))
        #expect(fronts.contains { $0["across"] as? String == "neutral" })
        #expect(!fronts.contains { $0["across"] as? String == "government" })
        for f in fronts where f["across"] as? String == "neutral" { #expect(f["stroke"] as? String == "#332288") }
        let districts = try features(out.appendingPathComponent("districts.geojson"))
        #expect(districts.contains { $0["controller"] as? String == "government" && $0["fill"] as? String == "#332288" })
        let routes = try features(out.appendingPathComponent("routes.geojson")).filter { $0["segment"] as? String == "whole" }
        #expect(!routes.isEmpty && routes.allSatisfy { $0["status"] as? String == "open" })

        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        #expect((summary["basis"] as? [String: Any])?["neutral"] as? [String] == ["government"])
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("government (neutral)"))
        #expect(report.contains("facing neutral ground"))
        #expect(report.contains("Ground held by government is neutral"))
        let page = try String(contentsOf: out.appendingPathComponent("map.html"), encoding: .utf8)
        #expect(page.contains("front facing neutral ground"))

        // `cordon report` rebuilds the same bytes: the neutral list travels in summary.json.
        let rebuilt = folder.appendingPathComponent("rebuilt.html")
        let again = try CordonTool.run(["report", out.path, "-o", rebuilt.path])
        #expect(again.status == 0, "\(again.text)")
        #expect(try Data(contentsOf: rebuilt) == Data(contentsOf: out.appendingPathComponent("report.html")))
    }
}
