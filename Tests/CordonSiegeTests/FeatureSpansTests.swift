import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// Features written once per change: on every day, the features that hold are the same before
/// and after joining (what QGIS's temporal controller shows, `from` ≤ day < `until`).
@Suite struct FeatureSpansTests {
    let ctx: GEOSContext
    init() throws { ctx = try GEOSContext() }

    /// What a feature shows, without its id and dates.
    func shown(_ f: Feature) throws -> String {
        var p = f.properties
        for k in ["id", "from", "until"] { p[k] = nil }
        return try GeoJSONWriter().feature(Feature(geometry: f.geometry, properties: p))
    }

    func holds(_ f: Feature, on day: Day) -> Bool {
        let from = f.properties["from"]?.stringValue.flatMap(Day.init(iso:))
        let until = f.properties["until"]?.stringValue.flatMap(Day.init(iso:))
        return Period(from: from, until: until).contains(day)
    }

    /// Every day on which some feature starts or ends, and the day before the first.
    func days(_ features: [Feature]) -> [Day] {
        let all = Set(features.flatMap { f in ["from", "until"].compactMap { f.properties[$0]?.stringValue.flatMap(Day.init(iso:)) } })
        guard let first = all.min() else { return [] }
        return [first - 1] + all.sorted()
    }

    func expectSameOnEveryDay(_ before: [Feature], _ after: [Feature]) throws {
        for day in days(before) {
            let a = try before.filter { holds($0, on: day) }.map(shown).sorted()
            let b = try after.filter { holds($0, on: day) }.map(shown).sorted()
            #expect(a == b, "\(day)")
        }
    }

    func square(_ x: Double) throws -> Geometry {
        try ctx.rectangle(Bounds(minX: x, minY: 0, maxX: x + 1, maxY: 1))
    }

    func feature(_ g: Geometry, _ status: String, _ from: String?, _ until: String?, id: String) -> Feature {
        var p: JSONObject = ["status": .string(status)]
        if let from { p["from"] = .string(from) }
        if let until { p["until"] = .string(until) }
        return Feature(geometry: g, properties: p).identified(id)
    }

    /// Worked by hand: A open until 3 Jan, the same A from 3 to 9 Jan and from 9 Jan on: one
    /// feature with no dates at all; B encircled, then open: two; C changes shape: two.
    @Test func unchangedRunsAreJoinedAndChangesAreNot() throws {
        let a = try square(0), b = try square(2), c = try square(4), c2 = try square(4.5)
        let input = [
            feature(a, "open", nil, "2016-01-03", id: "a@-"), feature(b, "encircled", nil, "2016-01-03", id: "b@-"),
            feature(c, "open", nil, "2016-01-03", id: "c@-"),
            feature(a, "open", "2016-01-03", "2016-01-09", id: "a@3"), feature(b, "open", "2016-01-03", "2016-01-09", id: "b@3"),
            feature(c2, "open", "2016-01-03", "2016-01-09", id: "c@3"),
            feature(try square(0), "open", "2016-01-09", nil, id: "a@9"),  // the same vertices, another object
        ]
        let out = try FeatureSpans.merged(input)
        #expect(out.map { $0.id?.stringValue ?? "" } == ["a@-", "b@-", "c@-", "b@3", "c@3"])
        #expect(out[0].properties["from"] == nil && out[0].properties["until"] == nil)
        #expect(out[1].properties["until"] == .string("2016-01-03") && out[3].properties["until"] == .string("2016-01-09"))
        try expectSameOnEveryDay(input, out)
    }

    /// Properties are the same for joining exactly when their JSON text (without id, from and
    /// until) is the same Swift string, as when the texts were written and compared: 0 and -0
    /// alike, a number that is not finite as null, é as one code point or as e and an accent
    /// alike (canonically equivalent), key order kept.
    @Test func propertiesAreComparedAsTheirText() throws {
        let values: [JSONValue] = [.null, .number(0), .number(-0.0), .number(.nan), .number(.infinity), .number(1),
                                   .number(1.0000000000000002), .string("é"), .string("e\u{301}"), .string("1"),
                                   .bool(true), .array([.number(-0.0), .null]), .array([.number(0), .number(.nan)]),
                                   .object(["a": .number(1), "b": .null]), .object(["b": .null, "a": .number(1)])]
        var objects: [JSONObject] = []
        for v in values {
            objects.append(["x": v])
            objects.append(["id": .string("p"), "x": v, "until": .string("2016-01-03")])
            objects.append(["x": v, "y": .number(2)])
            objects.append(["y": .number(2), "from": .string("2016-01-01"), "x": v])
        }
        func text(_ o: JSONObject) -> String {
            var o = o
            for k in ["id", "from", "until"] { o[k] = nil }
            return JSONValue.object(o).jsonText
        }
        var same = 0
        for a in objects {
            for b in objects {
                #expect((Shown(a) == Shown(b)) == (text(a) == text(b)), "\(text(a)) \(text(b))")
                if Shown(a) == Shown(b) {
                    #expect(Shown(a).hashValue == Shown(b).hashValue)
                    if a != b { same += 1 }
                }
            }
        }
        #expect(same > objects.count)  // many pairs alike in text but not as values
    }

    /// A pocket timeline from a generated history (as IncrementalTimelineTests makes): the
    /// pockets far from the day's changes keep their features.
    @Test func aPocketTimelineShowsTheSamePocketsOnEveryDay() async throws {
        let t = IncrementalTimelineTests(ctx: ctx)
        let grid = IncrementalTimelineTests.Grid(w: 16, h: 12)
        let map = try t.history(grid, start: t.startingOwners(grid), days: t.days(grid, seed: 3, random: 4))
        let pockets = try await EnclosureTimeline.run(map: map, options: EnclosureOptions(besieged: "opposition", neutral: ["un"]),
                                                      jobs: 2)
        let before = pockets.map { $0.feature() }
        let after = try FeatureSpans.merged(before)
        #expect(after.count < before.count)
        try expectSameOnEveryDay(before, after)
    }
}
