import CordonTestSupport
import Foundation
import Testing

/// The report of a siege over several calendar years (LongSiegeFixture): years on every date,
/// time-axis labels that never overlap, and a map at every change of the siege or the supply.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), .serialized)
struct LongSiegeReportTests {
    static let folder: URL? = {
        guard CordonTool.url != nil, let root = try? temporaryFolder("long-siege"),
              let scenario = try? LongSiegeFixture.write(in: root),
              let run = try? CordonTool.run(["run", scenario.path, "-o", "out", "--quiet"], in: root), run.status == 0
        else { return nil }
        return root.appendingPathComponent("out")
    }()

    /// The Aleppo demo, one calendar year, for the same checks.
    static let aleppo: URL? = {
        guard CordonTool.url != nil, let root = try? temporaryFolder("long-siege-aleppo") else { return nil }
        let out = root.appendingPathComponent("out")
        guard let run = try? CordonTool.run(["demo", "-o", out.path, "--quiet"], in: Repository.root), run.status == 0 else { return nil }
        return out
    }()

    static func report(_ folder: URL?) throws -> String {
        try String(contentsOf: #require(folder).appendingPathComponent("report.html"), encoding: .utf8)
    }

    /// Every match of `pattern`'s first group in `text`.
    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func aMapAtEveryDateTheSiegeOrTheSupplyChanges() throws {
        let html = try Self.report(Self.folder)
        let dates = try Self.matches("class=\"map\" data-date=\"([0-9-]+)\"", in: html)
        // By hand from the fixture's map, routes and inflows (see LongSiegeFixture).
        #expect(dates == ["1992-05-02", "1992-07-03", "1993-07-30", "1994-04-10", "1994-05-01", "1995-01-09", "1995-09-14", "1995-09-15", "1996-02-29"])
        #expect(html.contains("Map, 30 Jul 1993: declared open: tunnel"))
        #expect(html.contains("Map, 15 Sep 1995: siege over · Igman road under fire · now flowing: food by Igman road"))
        #expect(html.contains("Map, 9 Jan 1995: stopped: airlift"))
        #expect(html.contains("Map, 1 May 1994: flowing again: airlift"))
    }

    @Test func everyDateCarriesItsYearOverSeveralYearsAndOnlyThen() throws {
        let months = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
        let html = try Self.report(Self.folder)
        // A day and a month not followed by a year, anywhere on the page.
        let bare = try Self.matches("(\\b\\d{1,2} \(months))(?! \\d{4})", in: html)
        #expect(bare.isEmpty, "dates without a year: \(bare.prefix(5))")
        #expect(html.contains("2 May 1992 – 14 Sep 1995"))
        #expect(html.contains("30 Jul 1993: declared open: tunnel"))  // a chart mark, naming the corridor
        // Within one year the charts' marks keep the short form.
        let aleppo = try Self.report(Self.aleppo)
        #expect(aleppo.contains("28 Jul: declared open: Bustan al-Qasr corridor, Layramoun corridor, Seif al-Dawla corridor and Sheikh Said corridor"))
    }

    /// Tick labels as drawn: text, middle x. Each chart's labels in order.
    static func tickLabels(_ html: String) throws -> [[(label: String, x: Double)]] {
        ReportTests.figures(html).filter { $0.contains("class=\"chart\"") }.map { svg in
            let xs = (try? matches("<text x=\"([0-9.]+)\"[^>]*class=\"small tick\"", in: svg)) ?? []
            let labels = (try? matches("class=\"small tick\">([^<]*)<", in: svg)) ?? []
            return zip(labels, xs.compactMap(Double.init)).map { ($0, $1) }
        }
    }

    /// Label boxes from the font size (11 px, the report's CSS for `.small`) and 0.62 em a
    /// character, a little above Arial's and Liberation Sans's widest digits and capitals.
    @Test(arguments: ["long", "aleppo"])
    func timeAxisLabelsNeverOverlapAndStayOnTheChart(_ which: String) throws {
        let html = try Self.report(which == "long" ? Self.folder : Self.aleppo)
        #expect(html.contains("svg .small { font-size: 11px; }"))
        let charts = try Self.tickLabels(html)
        #expect(charts.count >= 4)
        for ticks in charts {
            #expect(ticks.count >= 4)
            let boxes = ticks.map { (from: $0.x - Double($0.label.count) * 11 * 0.62 / 2, to: $0.x + Double($0.label.count) * 11 * 0.62 / 2) }
            for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.to < b.from, "\(ticks)") }
            #expect(boxes.allSatisfy { $0.from >= 0 && $0.to <= 1100 })
        }
        let labels = try #require(charts.first).map(\.label)
        if which == "long" {
            // 46 months over 1,000 px: monthly and two-monthly labels would touch, quarters fit.
            #expect(labels.prefix(5) == ["Jul 1992", "Oct", "Jan 1993", "Apr", "Jul"])
        } else {
            #expect(labels == ["Jul 2016", "Aug", "Sep", "Oct", "Nov", "Dec"])
        }
    }

    /// The same in Chromium: every tick and mark label's box as laid out, none overlapping
    /// another and none past the chart's edges.
    @Test(Reference.needs("chromium", Command.find("chromium") != nil), arguments: ["long", "aleppo"])
    func chromiumLaysOutChartLabelsWithoutOverlap(_ which: String) throws {
        let folder = try #require(which == "long" ? Self.folder : Self.aleppo)
        let script = """
            <script>
            var out = [];
            document.querySelectorAll("svg.chart").forEach(function (svg) {
              var boxes = [].map.call(svg.querySelectorAll("text.tick, g.marks text"), function (t) {
                var b = t.getBBox(); return [b.x, b.y, b.width, b.height, t.textContent];
              });
              out.push({width: svg.viewBox.baseVal.width, boxes: boxes});
            });
            var pre = document.createElement("pre"); pre.id = "measured"; pre.textContent = JSON.stringify(out);
            document.body.appendChild(pre);
            </script>
            """
        let page = try Self.report(folder).replacingOccurrences(of: "</body>", with: script + "</body>")
        let measured = folder.appendingPathComponent("measure.html")
        try page.write(to: measured, atomically: true, encoding: .utf8)
        let run = try Command.run(#require(Command.find("chromium")),
                                  ["--headless", "--disable-gpu", "--no-sandbox", "--dump-dom", measured.absoluteString])
        let json = try #require(try Self.matches("<pre id=\"measured\">([^<]*)</pre>", in: run.stdout).first, "\(run.stderr.suffix(500))")
            .replacingOccurrences(of: "&amp;", with: "&")
        let charts = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(charts.count >= 4)
        for chart in charts {
            let width = try #require(chart["width"] as? Double)
            let boxes = try #require(chart["boxes"] as? [[Any]]).compactMap { b -> (x: Double, y: Double, w: Double, h: Double, text: String)? in
                guard b.count == 5, let x = b[0] as? Double, let y = b[1] as? Double, let w = b[2] as? Double,
                      let h = b[3] as? Double, let text = b[4] as? String else { return nil }
                return (x, y, w, h, text)
            }
            #expect(boxes.count >= 5)
            for (i, a) in boxes.enumerated() {
                #expect(a.x >= 0 && a.x + a.w <= width, "\(a.text) runs off the chart")
                for b in boxes[(i + 1)...] {
                    let apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
                    #expect(apart, "'\(a.text)' overlaps '\(b.text)'")
                }
            }
        }
    }
}
