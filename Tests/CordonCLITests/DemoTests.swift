import CordonTestSupport
import Foundation
import Testing

/// `cordon demo` end to end, through the built executable, into a temporary folder.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), .serialized)
struct DemoTests {
    static let layers = ["pockets.geojson", "fronts.geojson", "routes.geojson", "districts.geojson"]

    /// One demo run shared by the tests below (it takes a moment), and a second with other
    /// settings of --jobs for the byte comparison.
    static let runs: (first: URL, second: URL, stdout: String)? = {
        guard CordonTool.url != nil, let first = try? temporaryFolder("demo"), let second = try? temporaryFolder("demo") else {
            return nil
        }
        // Run from a folder without the scenario, so the demo must find it from the executable.
        guard let a = try? CordonTool.run(["demo", "-o", first.appendingPathComponent("out").path, "--jobs", "1"], in: second),
              let b = try? CordonTool.run(["demo", "-o", second.appendingPathComponent("out").path, "--jobs", "2", "--quiet"],
                                          in: Repository.root),
              a.status == 0, b.status == 0 else { return nil }
        return (first.appendingPathComponent("out"), second.appendingPathComponent("out"), a.stdout)
    }()

    func output() throws -> URL { try #require(Self.runs).first }

    func layer(_ name: String) throws -> [[String: Any]] {
        try readJSON(output().appendingPathComponent(name))["features"] as! [[String: Any]]
    }

    @Test func writesEveryFileAndSaysWhatItFound() throws {
        let runs = try #require(Self.runs)
        let files = try FileManager.default.contentsOfDirectory(atPath: runs.first.path).sorted()
        // The bundled case names its hand-compiled evidence (events.geojson, alerts.csv, alerts.geojson, prices.csv,
        // prices.json), its roads (the access_ layers) and its observations (hindcast.json).
        #expect(files == ["access_paths.geojson", "access_places.geojson", "access_pockets.geojson", "access_roads.geojson",
                          "alerts.csv", "alerts.geojson", "cordon.qgz", "districts.geojson", "events.geojson", "fronts.geojson", "hindcast.json", "map.html",
                          "pockets.geojson", "prices.csv", "prices.json", "report.html", "routes.geojson",
                          "sensitivity.csv", "sensitivity.json", "summary.json", "timeline.csv", "timeline.csvt"])
        // The roads alone give the days reporting gives for the Castello stretch's fall (17 July)
        // and the Ramouseh breach (6 August – 4 September 2016; README, "Dates: the control map").
        #expect(runs.stdout.contains("last safe road out lost on 2016-07-17; a safe road out again from 2016-08-06; "
                                     + "last safe road out lost on 2016-09-04."))
        let text = runs.stdout
        #expect(text.contains("model estimates"))
        #expect(text.contains("from 2016-07-17 until 2016-08-06"))
        #expect(text.contains("from 2016-09-04 until 2016-12-22"))
        #expect(text.contains("Castello Road: under fire from 2016-07-07, cut from 2016-07-17."))
        #expect(text.contains("13 November 2016"))
        #expect(text.contains("P5 2016-"))
        #expect(text.contains("Files written to"))
        // The report's "What moves the answer": a tornado chart for when food runs out, and Sobol indices.
        let page = try String(contentsOf: runs.first.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("<h2>What moves the answer</h2>"))
        #expect(page.contains("When food runs out (one input at a time)"))
        #expect(page.contains("Sobol indices: when food runs out"))
    }

    /// The tornado chart draws what sensitivity.json holds: the food bars are its rows that move
    /// the food date, widest swing |high − low| first, at most 12, each read back from the chart's
    /// description ("label (basis): low to high; ...").
    @Test func theFoodTornadoDrawsSensitivityJSONWidestFirst() throws {
        let json = try readJSON(output().appendingPathComponent("sensitivity.json"))
        let rows = try #require(json["one_at_a_time"] as? [[String: Any]])
        let swings = rows.compactMap { r -> (String, Double)? in
            guard let label = r["label"] as? String, let basis = r["basis"] as? String,
                  let pair = (r["answers"] as? [String: [Double]])?["food.depleted_day"], pair.count == 2 else { return nil }
            return ("\(label) (\(basis == "range" ? "range" : "±20 %"))", abs(pair[1] - pair[0]))
        }
        let expected = swings.enumerated().filter { $0.element.1 > 0 }
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .prefix(12).map(\.element.0)
        let page = try String(contentsOf: output().appendingPathComponent("report.html"), encoding: .utf8)
        let tornado = try #require(ReportTests.figures(page).first { $0.contains("id=\"tornado-0\"") })
        let desc = try #require(tornado.components(separatedBy: "<desc id=\"tornado-0-desc\">").last?.components(separatedBy: "</desc>").first)
        let drawn = desc.components(separatedBy: ". ").dropFirst().joined(separator: ". ").components(separatedBy: "; ")
            .map { $0.components(separatedBy: "): ").first.map { $0 + ")" } ?? $0 }
        #expect(drawn == expected.map { $0.replacingOccurrences(of: "&", with: "&amp;") })
        #expect(expected.count >= 5)
    }

    @Test func everyLayerIsRFC7946WithTimesAndColours() throws {
        for name in Self.layers {
            let collection = try readJSON(output().appendingPathComponent(name))
            #expect(RFC7946.faults(collection) == [], "\(name)")
            let features = collection["features"] as! [[String: Any]]
            #expect(!features.isEmpty, "\(name)")
            for feature in features {
                let p = feature["properties"] as! [String: Any]
                for key in ["from", "until", "stroke", "stroke-width", "fill", "fill-opacity"] {
                    #expect(p[key] != nil, "\(name): \(key) missing in \(p)")
                }
            }
        }
    }

    @Test(Reference.needs("ogrinfo (gdal-bin, installed by scripts/setup)", Command.find("ogrinfo") != nil))
    func ogrinfoOpensEveryLayerWithoutWarnings() throws {
        for name in Self.layers {
            let result = try Command.run(Command.find("ogrinfo")!, ["-ro", "-al", "-so", try output().appendingPathComponent(name).path])
            #expect(result.status == 0, "\(name)")
            #expect(result.stderr.isEmpty, "\(name): \(result.stderr)")
            #expect(!result.stdout.localizedCaseInsensitiveContains("warning"), "\(name)")
            #expect(result.stdout.contains("Feature Count"), "\(name)")
        }
    }

    @Test func theSiegeIsTheFocusPocketsEncircledPeriods() throws {
        let siege = try readJSON(output().appendingPathComponent("summary.json"))["siege"] as! [String: Any]
        #expect(siege["besieged"] as? String == "opposition")
        #expect(siege["focus"] as? [Double] == [37.139, 36.178])
        let spans = siege["encircled"] as! [[String: String]]
        #expect(spans == [["from": "2016-07-17", "until": "2016-08-06"], ["from": "2016-09-04", "until": "2016-12-22"]])
        // Inside on 17 July: the eastern districts, which lie whole inside the pocket, so areal
        // weighting must give exactly their summed figures from the map.
        let population = try #require(siege["population"] as? Double)
        // Within the east's range (geodata/aleppo-2016/README.md, Populations): OCHA's counts afterwards
        // (36,000 evacuated + 90,500 still in the city, 4 Jan 2017) to the UN's estimate of 275,000.
        #expect((126_500...275_000).contains(population))
        #expect(population == (try Self.mapPopulation(controller: "opposition", on: "2016-07-17", named: "East Aleppo")))
        // At start (1 July, open) the pocket also holds Bani Zeid and Layramoun.
        #expect(siege["population_at_start"] as? Double == population + 3000)
    }

    @Test func theCastelloRoadComesUnderFireThenIsCut() throws {
        let castello = try layer("routes.geojson").map { $0["properties"] as! [String: Any] }
            .filter { $0["route"] as? String == "Castello Road" && $0["segment"] as? String == "whole" }
        func status(on day: String) -> String? {
            castello.first { ($0["from"] as! String) <= day && day < ($0["until"] as! String) }?["status"] as? String
        }
        #expect(status(on: "2016-07-01") == "open")
        #expect(status(on: "2016-07-06") == "open")
        #expect(status(on: "2016-07-07") == "under_fire")
        #expect(status(on: "2016-07-16") == "under_fire")
        #expect(status(on: "2016-07-17") == "cut")
        #expect(status(on: "2016-12-22") == "cut")
        let routes = try readJSON(output().appendingPathComponent("summary.json"))["routes"] as! [String: [[String: Any]]]
        #expect(routes["Castello Road"]?.map { $0["status"] as! String } == ["open", "under_fire", "cut"])
        #expect(routes["Castello Road"]?.map { $0["from"] as! String } == ["2016-07-01", "2016-07-07", "2016-07-17"])
    }

    @Test func fourCorridorsDeclaredOpenFrom28July() throws {
        let corridors = try layer("routes.geojson").map { $0["properties"] as! [String: Any] }
            .filter { $0["kind"] as? String == "corridor" && $0["segment"] as? String == "whole" }
        #expect(Set(corridors.map { $0["route"] as! String }).count == 4)
        for c in corridors {
            #expect(c["open"] as? Bool == ((c["from"] as! String) >= "2016-07-28"), "\(c)")
        }
    }

    /// The fronts of a period go once round the focus pocket: their lengths add up to its
    /// perimeter, which the enclosure measures on its own.
    @Test func frontsGoOnceRoundTheFocusPocket() throws {
        let pockets = try layer("pockets.geojson").map { $0["properties"] as! [String: Any] }.filter { $0["focus"] as? Bool == true }
        let fronts = try layer("fronts.geojson").map { $0["properties"] as! [String: Any] }
        // 20 periods of the map (draw.py --check lists them), less the last (the focus is government
        // ground), less one: on 27 July the map changes elsewhere and the focus pocket keeps the same
        // outline and measures, so one feature spans 17 July to 6 August (docs/design.md#features-written-once).
        // Was 16 periods: four new dates the record gives (README, "Dates"): the outskirts north of the
        // east fall in October (al-Uwayjah and the Jandoul roundabout on 8 Oct, the hills by Hanano on
        // 13 Oct), and the east of the Citadel over 30 Nov - 5 Dec (Ma'asaraniya 30 Nov, Tariq al-Bab 3 Dec).
        #expect(pockets.count == 18)
        for pocket in pockets {
            let from = pocket["from"] as! String
            // The fronts holding on the pocket's first day: a front unchanged over several periods
            // is one feature spanning them (docs/design.md#features-written-once).
            let mine = fronts.filter { f in
                (f["from"] as? String ?? "") <= from && (f["until"] as? String).map { from < $0 } ?? true
            }
            let total = mine.reduce(0) { $0 + ($1["length_km"] as! Double) }
            let perimeter = pocket["perimeter_km"] as! Double
            #expect(abs(total - perimeter) < 0.01, "\(from): fronts \(total) km, perimeter \(perimeter) km")
            let across = Set(mine.map { $0["across"] as! String })
            #expect(across.isSubset(of: ["government", "kurdish", "edge", "gap", "opposition"]))
            #expect(across.contains("edge") == !(pocket["encircled"] as! Bool), "\(from): only an open pocket reaches the edge")
        }
    }

    @Test func districtsChangeHandsOnTheMapsDates() throws {
        // Masaken Hanano, named "Hanano" in the CSR neighbourhood file the districts come from.
        let hanano = try layer("districts.geojson").map { $0["properties"] as! [String: Any] }
            .filter { $0["name"] as? String == "Hanano" }
        func state(on day: String) -> (String?, Bool?) {
            let p = hanano.first { ($0["from"] as! String) <= day && day < ($0["until"] as! String) }
            return (p?["controller"] as? String, p?["besieged"] as? Bool)
        }
        #expect(state(on: "2016-07-01") == ("opposition", false))
        #expect(state(on: "2016-07-20") == ("opposition", true))
        #expect(state(on: "2016-08-10") == ("opposition", false))
        #expect(state(on: "2016-11-25") == ("opposition", true))
        #expect(state(on: "2016-11-26") == ("government", false))
    }

    @Test func oneControllerHasOneColourInEveryLayer() throws {
        var colours: [String: Set<String>] = [:]
        for feature in try layer("districts.geojson") + layer("pockets.geojson") {
            let p = feature["properties"] as! [String: Any]
            if let c = p["controller"] as? String { colours[c, default: []].insert(p["fill"] as! String) }
        }
        for feature in try layer("fronts.geojson") {
            let p = feature["properties"] as! [String: Any]
            colours[p["across"] as! String, default: []].insert(p["stroke"] as! String)
        }
        for (controller, set) in colours { #expect(set.count == 1, "\(controller): \(set)") }
        let used = ["opposition", "government", "kurdish"].compactMap { colours[$0]?.first }
        #expect(Set(used).count == 3)
    }

    @Test func twoRunsWriteTheSameBytes() throws {
        let runs = try #require(Self.runs)
        // hindcast.json comes from parallel seeded runs too; the evidence and road layers from parallel counting and routing.
        for name in Self.layers + ["summary.json", "timeline.csv", "timeline.csvt", "sensitivity.csv", "sensitivity.json", "report.html",
                                   "hindcast.json", "events.geojson", "alerts.csv", "alerts.geojson", "access_paths.geojson",
                                   "access_pockets.geojson", "access_roads.geojson", "access_places.geojson"] {
            let a = try Data(contentsOf: runs.first.appendingPathComponent(name))
            let b = try Data(contentsOf: runs.second.appendingPathComponent(name))
            #expect(a == b, "\(name)")
        }
    }

    /// The summed `population` of the map's features held by `controller` on `day` whose name
    /// starts with `prefix`, read straight from the file.
    static func mapPopulation(controller: String, on day: String, named prefix: String) throws -> Double {
        let map = try readJSON(Repository.aleppo.appendingPathComponent("map.geojson"))
        return (map["features"] as! [[String: Any]]).reduce(0) { sum, f in
            let p = f["properties"] as! [String: Any]
            let held = (p["from"] as? String ?? "") <= day && day < (p["until"] as? String ?? "9999")
            guard held, p["controller"] as? String == controller, (p["name"] as? String ?? "").hasPrefix(prefix) else { return sum }
            return sum + (p["population"] as! Double)
        }
    }
}
