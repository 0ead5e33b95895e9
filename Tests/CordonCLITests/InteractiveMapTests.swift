import CordonTestSupport
import Foundation
import Testing

/// `map.html` as a browser shows it. Headless Chromium opens the demo's page at a date given in
/// its URL; the features the page leaves in its SVG are checked against `cordon enclosure` and
/// `cordon routes` run on the demo's inputs (pockets, routes) and against the layer files
/// filtered here by `from`/`until` (districts, fronts): neither check goes through the page.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), .serialized)
struct InteractiveMapTests {
    static let browser = Reference.Requirement("chromium, to render map.html (Debian package chromium; scripts/setup installs it)") {
        Browser.chromium != nil
    }
    static let python = Reference.Requirement("python3, to read the screenshot's pixels") { Command.find("python3") != nil }

    /// One demo run shared by the tests below.
    static let folder: URL? = {
        guard CordonTool.url != nil, let root = try? temporaryFolder("map") else { return nil }
        let out = root.appendingPathComponent("out")
        guard let run = try? CordonTool.run(["demo", "-o", out.path, "--quiet"], in: Repository.root), run.status == 0 else { return nil }
        return out
    }()

    func page() throws -> URL { try #require(Self.folder).appendingPathComponent("map.html") }

    // Before the siege, encircled, the day it reopened (a day features change on, where `until`
    // is exclusive) and the last day, when the pocket is gone (geodata/aleppo-2016/README.md).
    @Test(Reference.needs(browser), arguments: ["2016-07-05", "2016-07-20", "2016-08-06", "2016-12-22"])
    func theFeaturesDrawnOnADateAreWhatTheCommandLineGives(date: String) throws {
        // The demo scenario's settings: snap 0, fire range 1500 m, no allies.
        try Self.check(folder: try #require(Self.folder), date: date, map: Repository.aleppo.appendingPathComponent("map.geojson"),
                       routes: Repository.aleppo.appendingPathComponent("routes.geojson"),
                       settings: ["--besieged", "opposition", "--snap", "0"], fireRange: "1500")
    }

    @Test(Reference.needs(browser), arguments: ["2016-07-10", "2016-08-01"])
    func aRunWithoutDistrictsDrawsItsPocketsAndRoutes(date: String) throws {
        let folder = try temporaryFolder("map-small")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try CordonTool.run(["run", scenario.path, "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.text)")
        try Self.check(folder: out, date: date, map: folder.appendingPathComponent("map.geojson"),
                       routes: folder.appendingPathComponent("routes.geojson"), settings: ["--besieged", "opposition"], fireRange: nil)
    }

    /// Renders `folder/map.html#date` and compares what it draws with the layer files filtered
    /// by `from`/`until` (districts, fronts) and with `cordon enclosure` and `cordon routes` on
    /// the run's inputs `map` and `routes` (pockets, routes).
    static func check(folder: URL, date: String, map: URL, routes: URL, settings: [String], fireRange: String?) throws {
        let run = try Browser.run(folder.appendingPathComponent("map.html"), hash: date, ["--dump-dom"])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let drawn = try DrawnMap(dom: run.stdout)
        #expect(drawn.date == date)

        for layer in ["districts", "fronts"] {
            let file = folder.appendingPathComponent("\(layer).geojson")
            let expected = FileManager.default.fileExists(atPath: file.path) ? try features(file).filter { holds($0, on: date) } : []
            #expect(drawn.properties(layer).count == expected.count, "\(layer) on \(date)")
        }

        let work = try temporaryFolder("map-cli")
        defer { try? FileManager.default.removeItem(at: work) }
        let pocketsFile = work.appendingPathComponent("pockets.geojson"), routesFile = work.appendingPathComponent("routes.geojson")
        let enclosure = try CordonTool.run(["enclosure", map.path] + settings + ["--date", date, "-o", pocketsFile.path])
        #expect(enclosure.status == 0, "\(enclosure.stderr)")
        let routeRun = try CordonTool.run(["routes", map.path, routes.path] + settings + (fireRange.map { ["--fire-range", $0] } ?? [])
                                          + ["--date", date, "-o", routesFile.path])
        #expect(routeRun.status == 0, "\(routeRun.stderr)")

        let pocket = { (p: [String: Any]) in
            "\(p["status"] ?? "?") \(String(format: "%.3f", p["area_km2"] as? Double ?? -1)) km² \(p["population"] ?? "?")"
        }
        let expectedPockets = try features(pocketsFile).map(pocket).sorted()
        #expect(!expectedPockets.isEmpty)
        #expect(drawn.properties("pockets").map(pocket).sorted() == expectedPockets, "pockets on \(date)")

        let route = { (p: [String: Any]) in
            "\(p["route"] ?? "?") \(p["segment"] as? String ?? "whole") \(p["status"] as? String ?? "-")"
        }
        let expectedRoutes = try features(routesFile).map(route).sorted()
        #expect(expectedRoutes.count >= 2)
        #expect(drawn.properties("routes").map(route).sorted() == expectedRoutes, "routes on \(date)")
    }

    @Test(Reference.needs(browser))
    func withoutADateItOpensOnTheFirstDayAndAPageNotRunYetDrawsNothing() throws {
        let run = try Browser.run(try page(), hash: nil, ["--dump-dom"])
        let drawn = try DrawnMap(dom: run.stdout)
        #expect(drawn.date == "2016-07-01")
        #expect(drawn.properties("pockets").count > 0)
        // The file itself: every feature of every period, hidden until the script picks the day's.
        let source = try DrawnMap(dom: String(contentsOf: try page(), encoding: .utf8))
        #expect(source.date == nil)
        #expect(source.properties("districts").count == (try Self.features(try #require(Self.folder).appendingPathComponent("districts.geojson")).count))
    }

    /// The slider, the hash, a key-date button and a popup, driven by a script added to a copy of
    /// the page, which writes what it saw into the DOM.
    @Test(Reference.needs(browser))
    func theSliderWritesTheHashTheHashMovesTheDateAndFocusOpensThePopup() throws {
        let copy = try temporaryFolder("map-probe")
        defer { try? FileManager.default.removeItem(at: copy) }
        let probe = """
            <script>
            (function () {
              var out = [], svg = document.getElementById("map"), slider = document.getElementById("day");
              slider.value = "30"; slider.dispatchEvent(new Event("input"));
              out.push("slider " + location.hash + " " + svg.getAttribute("data-date"));
              document.querySelector('.key-dates button[data-day="2016-09-04"]').click();
              out.push("button " + location.hash + " " + svg.getAttribute("data-date"));
              var pocket = document.querySelector('path.feature[data-layer="pockets"]');
              pocket.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
              var popup = document.getElementById("popup");
              out.push("popup " + popup.hidden + " " + (popup.textContent.indexOf("area_km2") >= 0) + " "
                + getComputedStyle(popup).maxHeight + " " + getComputedStyle(popup).overflowY);
              location.hash = "#2016-10-01";
              setTimeout(function () {
                out.push("hash " + svg.getAttribute("data-date"));
                document.body.setAttribute("data-probe", out.join("|"));
              }, 50);
            })();
            </script>
            """
        let html = try String(contentsOf: try page(), encoding: .utf8).replacingOccurrences(of: "</body>", with: probe + "</body>")
        let target = copy.appendingPathComponent("map.html")
        try html.write(to: target, atomically: true, encoding: .utf8)
        let run = try Browser.run(target, hash: "2016-07-20", ["--dump-dom"])
        let seen = try #require(run.stdout.firstMatch(of: try Regex(#"data-probe="([^"]*)""#))?.output[1].substring)
        #expect(seen.split(separator: "|").map(String.init) == [
            "slider #2016-07-31 2016-07-31", "button #2016-09-04 2016-09-04", "popup false true 260px auto", "hash 2016-10-01",
        ])
    }

    @Test(Reference.needs(browser), Reference.needs(python))
    func theScreenshotIsAMapAndChangesWithTheDate() throws {
        let shots = try temporaryFolder("map-shots")
        defer { try? FileManager.default.removeItem(at: shots) }
        var pictures: [Data] = []
        for date in ["2016-07-05", "2016-07-20"] {
            let png = shots.appendingPathComponent("\(date).png")
            let run = try Browser.run(try page(), hash: date, ["--screenshot=\(png.path)", "--window-size=1200,900"])
            #expect(run.status == 0, "\(run.stderr.suffix(2000))")
            let colours = try Command.run(try #require(Command.find("python3")), ["-c", Self.countColours, png.path])
            #expect(colours.status == 0, "\(colours.stderr)")
            // A blank or unstyled page has a handful; the map's fills, lines and their edges give hundreds.
            #expect(Int(colours.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 50, "\(date): \(colours.stdout)")
            pictures.append(try Data(contentsOf: png))
        }
        #expect(pictures[0] != pictures[1])
    }

    @Test(Reference.needs(browser))
    func nothingIsRequestedFromTheNetwork() throws {
        let html = try String(contentsOf: try page(), encoding: .utf8)
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("@font-face"))
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("url(") && !html.contains("fetch("))
        // What Chromium's network log says the page asked for, and a page that does fetch, to
        // show the log would say so.
        let control = try temporaryFolder("map-control")
        defer { try? FileManager.default.removeItem(at: control) }
        let fetching = control.appendingPathComponent("fetching.html")
        try #"<!DOCTYPE html><html><body><img src="http://example.invalid/tile.png" alt=""></body></html>"#
            .write(to: fetching, atomically: true, encoding: .utf8)
        #expect(try Browser.requests(of: fetching, in: control) == ["http://example.invalid/tile.png"])
        #expect(try Browser.requests(of: try page(), in: control).isEmpty)
    }

    @Test func theReportLinksToTheMapAndReportRebuildsItByteForByte() throws {
        let folder = try #require(Self.folder)
        let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("Interactive map: <a href=\"map.html\">map.html</a>"))
        let written = try Data(contentsOf: try page())
        #expect(written.count < 2_000_000)
        try FileManager.default.removeItem(at: try page())
        let run = try CordonTool.run(["report", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: try page()) == written)
    }

    // MARK: - Reading the layers and the page

    static func features(_ file: URL) throws -> [[String: Any]] {
        let json = try readJSON(file)
        return (json["features"] as? [[String: Any]] ?? []).map { $0["properties"] as? [String: Any] ?? [:] }
    }

    /// `from` ≤ date < `until`, a missing end open; ISO dates compare as text.
    static func holds(_ p: [String: Any], on date: String) -> Bool {
        (p["from"] as? String).map { $0 <= date } ?? true && (p["until"] as? String).map { date < $0 } ?? true
    }

    /// Prints how many distinct colours an 8-bit RGB or RGBA PNG holds (the standard library
    /// only: zlib and the five PNG row filters).
    static let countColours = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        pos, idat = 8, b""
        while pos < len(data):
            n, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + n]
            pos += 12 + n
            if kind == b"IHDR":
                w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            elif kind == b"IDAT":
                idat += body
        assert depth == 8 and interlace == 0 and ctype in (2, 6), (depth, ctype, interlace)
        bpp = 3 if ctype == 2 else 4
        raw, stride = zlib.decompress(idat), w * bpp
        prev, colours, i = bytearray(stride), set(), 0
        for y in range(h):
            f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
            i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            colours.update(bytes(line[k:k + 3]) for k in range(0, stride, bpp))
            prev = line
        print(len(colours))
        """#
}

/// Headless Chromium with a profile of its own, a proxy that refuses everything and no host
/// name resolvable, so nothing the page might ask for could be fetched.
enum Browser {
    static let chromium = Command.find("chromium") ?? Command.find("chromium-browser")

    static func run(_ page: URL, hash: String?, _ arguments: [String]) throws -> Command.Outcome {
        let profile = try temporaryFolder("chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let timeout = try #require(Command.find("timeout"))
        let browser = try #require(chromium)
        return try Command.run(timeout, ["120", browser.path, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                         "--user-data-dir=\(profile.path)", "--proxy-server=127.0.0.1:9",
                                         "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000"]
                               + arguments + [page.absoluteString + (hash.map { "#" + $0 } ?? "")])
    }

    /// The addresses `page` asked the network for, from Chromium's net log. Chromium's own
    /// background requests (updates, time) are left out: they are not made for a page, which
    /// the log tells by their isolation key, not `file://`.
    static func requests(of page: URL, in folder: URL) throws -> [String] {
        let log = folder.appendingPathComponent("netlog-\(UUID().uuidString).json")
        let run = try self.run(page, hash: nil, ["--dump-dom", "--log-net-log=\(log.path)"])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let json = try readJSON(log)
        let types = json["constants"].flatMap { ($0 as? [String: Any])?["logEventTypes"] as? [String: Int] } ?? [:]
        let start = try #require(types["URL_REQUEST_START_JOB"])
        var urls: [String] = []
        for event in json["events"] as? [[String: Any]] ?? [] where event["type"] as? Int == start {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String,
                  (params["network_isolation_key"] as? String)?.contains("file://") == true, !url.hasPrefix("file:") else { continue }
            urls.append(url)
        }
        return urls
    }
}

/// The features a page's SVG holds, read from its markup: the date on the root and each
/// `path.feature`'s layer and properties (looked up by `data-i` in the page's JSON).
struct DrawnMap {
    var date: String?
    var features: [(layer: String, properties: [String: Any])] = []

    init(dom: String) throws {
        let root = try #require(dom.firstMatch(of: try Regex(#"<svg id="map"[^>]*>"#)))
        date = Self.attribute("data-date", in: String(root.output[0].substring ?? ""))
        let json = try #require(dom.firstMatch(of: try Regex(#"<script type="application/json" id="map-properties">([^<]*)</script>"#)))
        let properties = try #require(try JSONSerialization.jsonObject(with: Data(String(json.output[1].substring ?? "").utf8)) as? [[String: Any]])
        for tag in dom.matches(of: try Regex(#"<path class="feature"[^>]*>"#)) {
            let text = String(tag.output[0].substring ?? "")
            let layer = try #require(Self.attribute("data-layer", in: text))
            let index = try #require(Self.attribute("data-i", in: text).flatMap { Int($0) })
            try #require(properties.indices.contains(index))
            features.append((layer, properties[index]))
        }
    }

    func properties(_ layer: String) -> [[String: Any]] { features.filter { $0.layer == layer }.map(\.properties) }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return tag[range.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}
