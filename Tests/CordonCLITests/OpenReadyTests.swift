import CordonTestSupport
import Foundation
import Testing

/// The run folder as GIS clients read it (issue 21): a stable `id` on every feature, a
/// `segment` on every route feature, style measures that GDAL types Real in every layer,
/// corridors declared open but cut in their own colour, and a typed timeline.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), .serialized)
struct OpenReadyTests {
    static let layers = ["pockets.geojson", "fronts.geojson", "routes.geojson", "districts.geojson"]

    /// One run of the Aleppo scenario without Monte Carlo, shared by the tests below.
    static let run: URL? = {
        guard CordonTool.url != nil, let folder = try? temporaryFolder("open-ready") else { return nil }
        let out = folder.appendingPathComponent("out")
        let scenario = Repository.aleppo.appendingPathComponent("scenario.yaml").path
        guard let r = try? CordonTool.run(["run", scenario, "-o", out.path, "--runs", "0", "--quiet"]), r.status == 0 else {
            return nil
        }
        return out
    }()

    func features(_ name: String) throws -> [[String: Any]] {
        try readJSON(#require(Self.run).appendingPathComponent(name))["features"] as! [[String: Any]]
    }

    /// The id is rebuilt here from the feature's own properties, by the rule in
    /// docs/design.md#feature-ids, and must be the member and the first property alike.
    @Test func everyFeatureHasAStableIDThatSaysWhatItIs() throws {
        let rule: [String: ([String: Any]) -> String] = [
            "pockets.geojson": { "pocket-\($0["pocket"] as! Int)@\($0["from"] as! String)" },
            "fronts.geojson": { "pocket-\($0["pocket"] as! Int)@\($0["from"] as! String)/across-\($0["across"] as! String)" },
            "routes.geojson": { "\($0["route"] as! String)@\($0["from"] as! String)/\($0["segment"] as! String)" },
            "districts.geojson": { "\($0["name"] as! String)@\($0["from"] as! String)" },
        ]
        for name in Self.layers {
            let all = try features(name)
            let ids = all.compactMap { $0["id"] as? String }
            #expect(ids.count == all.count, "\(name): a feature without a string id member")
            #expect(Set(ids).count == ids.count, "\(name): ids repeat")
            for f in all {
                let p = f["properties"] as! [String: Any]
                #expect(p["id"] as? String == f["id"] as? String, "\(name): property and member differ")
                #expect(f["id"] as? String == rule[name]!(p), "\(name): \(p)")
            }
            // First among the properties, so it is the first column in QGIS's attribute table.
            let text = try String(contentsOf: #require(Self.run).appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("{\"type\":\"Feature\"") {
                #expect(line.contains(",\"properties\":{\"id\":"), "\(name): \(line.prefix(120))")
            }
        }
    }

    @Test func everyRouteFeatureHasASegmentAndItsRoutesStatus() throws {
        let routes = try features("routes.geojson").map { $0["properties"] as! [String: Any] }
        let whole = routes.filter { $0["segment"] as? String == "whole" }
        // One whole feature per route on every day: the six routes of routes.geojson. A route
        // unchanged over several periods is one feature spanning them (docs/design.md#features-written-once).
        let days = Set(whole.compactMap { $0["from"] as? String })
        for day in days {
            let held = whole.filter { ($0["from"] as? String ?? "") <= day && ($0["until"] as? String).map { day < $0 } ?? true }
            #expect(held.count == 6, "\(day)")
        }
        #expect(whole.count < 6 * days.count)
        for p in routes {
            let segment = try #require(p["segment"] as? String, "\(p)")
            #expect(["whole", "hostile", "exposed"].contains(segment))
            let route = whole.first { $0["route"] as? String == p["route"] as? String && $0["from"] as? String == p["from"] as? String }
            #expect(p["status"] as? String != nil && p["status"] as? String == route?["status"] as? String, "\(p)")
        }
        #expect(routes.contains { $0["segment"] as? String == "hostile" })
        #expect(routes.contains { $0["segment"] as? String == "exposed" })
    }

    /// GDAL's own reading of every layer: the style measures and the other fractional fields
    /// are Real, `id` and `segment` String, the dates Date.
    @Test(Reference.needs("ogrinfo (gdal-bin, installed by scripts/setup)", Command.find("ogrinfo") != nil))
    func gdalTypesTheStyleMeasuresRealInEveryLayer() throws {
        let fractional = ["stroke-width", "fill-opacity", "area_km2", "perimeter_km", "hostile_share", "length_km",
                          "hostile_km", "exposed_km", "capacity_per_day", "daily_capacity"]
        for name in Self.layers {
            let types = try Self.ogrTypes(#require(Self.run).appendingPathComponent(name))
            #expect(types["stroke-width"] == "Real", "\(name): \(types)")
            #expect(types["fill-opacity"] == "Real", "\(name): \(types)")
            for field in fractional where types[field] != nil { #expect(types[field] == "Real", "\(name): \(field)") }
            #expect(types["id"] == "String", "\(name)")
            #expect(types["from"] == "Date" && types["until"] == "Date", "\(name)")
        }
        #expect(try Self.ogrTypes(#require(Self.run).appendingPathComponent("routes.geojson"))["segment"] == "String")
    }

    @Test func corridorsDeclaredOpenButCutHaveAColourOfTheirOwn() throws {
        let routes = try features("routes.geojson").map { $0["properties"] as! [String: Any] }
            .filter { $0["segment"] as? String == "whole" }
        let corridors = routes.filter { $0["kind"] as? String == "corridor" }
        let openButCut = corridors.filter { $0["open"] as? Bool == true && $0["status"] as? String == "cut" }
        #expect(!openButCut.isEmpty)
        let colour = try #require(openButCut.first?["stroke"] as? String)
        #expect(openButCut.allSatisfy { $0["stroke"] as? String == colour })
        // Apart from every other colour any layer uses: the open road's green above all.
        var others = Set<String>()
        for name in Self.layers {
            for f in try features(name) {
                let p = f["properties"] as! [String: Any]
                let isOpenButCut = p["kind"] as? String == "corridor" && p["segment"] as? String == "whole"
                    && p["open"] as? Bool == true && p["status"] as? String == "cut"
                if !isOpenButCut { others.formUnion([p["stroke"] as! String, p["fill"] as! String]) }
            }
        }
        #expect(!others.contains(colour), "\(colour) is used for something else too")
        #expect(others.contains("#009E73"))
        // The report's maps draw them so, and its legend says what the colour means.
        let page = try String(contentsOf: #require(Self.run).appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("corridor declared open, cut"))
        #expect(page.components(separatedBy: "stroke=\"\(colour)\"").count > 2, "legend and map both use it")
    }

    /// GDAL reads the types from the sidecar: Date for `date`, Real for the rest, whatever the values.
    @Test(Reference.needs("ogrinfo (gdal-bin, installed by scripts/setup)", Command.find("ogrinfo") != nil))
    func theTimelineIsATypedTable() throws {
        let csv = try #require(Self.run).appendingPathComponent("timeline.csv")
        let header = try String(contentsOf: csv, encoding: .utf8).prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        let sidecar = try String(contentsOf: csv.deletingPathExtension().appendingPathExtension("csvt"), encoding: .utf8)
        #expect(sidecar.hasSuffix("\n") && !sidecar.dropLast().contains("\n"), "one line")
        #expect(sidecar.dropLast().split(separator: ",").count == header.count)
        let types = try Self.ogrTypes(csv)
        #expect(types.count == header.count)
        for column in header { #expect(types[column] == (column == "date" ? "Date" : "Real"), "\(column): \(types[column] ?? "-")") }
    }

    /// `simulate -o FILE.csv` writes FILE.csvt beside it, with types by column name alone: the
    /// same columns get the same types with or without Monte Carlo; `-o -` writes no sidecar.
    @Test func simulateWritesTheTypesBesideItsCSV() throws {
        let folder = try temporaryFolder("csvt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Repository.root.appendingPathComponent("Tests/CordonScenarioTests/Fixtures/aleppo-supply.yaml").path
        for runs in ["0", "20"] {
            let csv = folder.appendingPathComponent("t\(runs).csv")
            let r = try CordonTool.run(["simulate", scenario, "--runs", runs, "--quiet", "-o", csv.path])
            #expect(r.status == 0, "\(r.stderr)")
            let header = try String(contentsOf: csv, encoding: .utf8).prefix { $0 != "\n" }.split(separator: ",")
            let types = try String(contentsOf: folder.appendingPathComponent("t\(runs).csvt"), encoding: .utf8)
                .dropLast().split(separator: ",")
            #expect(types.count == header.count)
            for (column, type) in zip(header, types) {
                #expect(type == (column == "date" ? "\"Date\"" : "\"Real\""), "\(column)")
            }
        }
        let piped = try CordonTool.run(["simulate", scenario, "--runs", "0", "--quiet", "-o", "-"], in: folder)
        #expect(piped.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["t0.csv", "t0.csvt", "t20.csv", "t20.csvt"])
    }

    /// Field name → OGR type, as `ogrinfo -so` lists them.
    static func ogrTypes(_ file: URL) throws -> [String: String] {
        let r = try Command.run(Command.find("ogrinfo")!, ["-ro", "-so", "-al", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        var types: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            // "stroke-width: Real (0.0)", "encircled: Integer(Boolean) (1.0)"
            guard let colon = line.range(of: ": "), line.hasSuffix(")"), !line.hasPrefix(" ") else { continue }
            let name = String(line[..<colon.lowerBound])
            let type = line[colon.upperBound...].prefix { $0 != " " && $0 != "(" }
            if ["Layer name", "Geometry", "Feature Count", "Extent", "Data axis to CRS axis mapping", "FID Column"].contains(name) { continue }
            types[name] = String(type)
        }
        return types
    }
}
