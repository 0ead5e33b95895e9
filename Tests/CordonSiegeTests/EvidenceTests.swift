import CordonCore
import CordonGeometry
import CordonSiege
import Testing

/// Conflict events read, placed and counted (docs/design.md#evidence). Every expected count
/// is worked out by hand in the comment beside it.
@Suite struct EvidenceTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func day(_ s: String) -> Day { Day(iso: s)! }

    @Test func csvReaderTakesQuotesNewlinesAndABOM() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"two\nlines\"\r\n\r\n2,\"say \"\"hi\"\"\",\n3\n"
        let t = try CSVTable(bytes: Self.bytes(text), file: "t.csv")
        #expect(t.header == ["a", "b", "c"])  // the BOM is not part of `a`
        #expect(t.rows.count == 3)
        #expect(t.rows[0].fields == ["1", "x, y", "two\nlines"])
        #expect(t.rows[0].line == 2)
        // The record after the quoted line break starts on line 5 (line 4 is blank).
        #expect(t.rows[1].line == 5)
        #expect(t.rows[1].fields == ["2", "say \"hi\"", ""])
        #expect(t.rows[2].fields == ["3", "", ""])  // short row padded
        #expect(throws: CSVError.self) { try CSVTable(bytes: Self.bytes("a\n\"open"), file: "t.csv") }
        #expect(throws: CSVError.self) { try CSVTable(bytes: Self.bytes("a,b\n1,2,3\n"), file: "t.csv") }
    }

    @Test func acledHeaderVariants() throws {
        // ACLED's API (lower case, ISO dates) and its older export (upper case, "13 July 2016").
        let api = """
        event_id_cnty,event_date,event_type,sub_event_type,actor1,latitude,longitude,geo_precision,fatalities,notes
        SYR1,2016-07-13,Explosions/Remote violence,Air/drone strike,"Military Forces of Syria (2000-)",36.2,37.15,1,4,"Strike on a market, 4 killed"
        SYR2,2016-07-14,Battles,Armed clash,X,36.21,37.16,3,0,
        """
        let e = try EventFile.parse(Self.bytes(api), file: "acled.csv")
        #expect(e.layout == .acled)
        #expect(e.events.count == 2)
        #expect(e.events[0].day == Self.day("2016-07-13"))
        #expect(e.types[Int(e.events[0].type)] == "Explosions/Remote violence")
        #expect(e.types[Int(e.events[0].subType)] == "Air/drone strike")
        #expect(e.events[0].fatalities == 4)
        #expect(e.events[0].placed && !e.events[1].placed)  // geo_precision 3 > 2
        #expect(e.imprecise == 1)
        let old = "EVENT_DATE,EVENT_TYPE,LATITUDE,LONGITUDE,FATALITIES\n13 July 2016,Riots,36.2,37.1,0\n3-Aug-2016,Riots,36.2,37.1,2\n"
        let o = try EventFile.parse(Self.bytes(old), file: "old.csv")
        #expect(o.layout == .acled)
        #expect(o.events.map(\.day) == [Self.day("2016-07-13"), Self.day("2016-08-03")])
    }

    @Test func ucdpHeaderVariants() throws {
        let ged = """
        id,year,type_of_violence,date_start,date_end,latitude,longitude,where_prec,best,low,high
        1,2016,1,2016-07-13 00:00:00.000,2016-07-14 00:00:00.000,36.2,37.15,1,12,10,20
        2,2016,3,2016-07-15 00:00:00.000,2016-07-15 00:00:00.000,36.2,37.15,4,3,3,3
        """
        let e = try EventFile.parse(Self.bytes(ged), file: "ged.csv")
        #expect(e.layout == .ucdp)
        #expect(e.events.map(\.day) == [Self.day("2016-07-13"), Self.day("2016-07-15")])
        #expect(e.events.map { e.types[Int($0.type)] } == ["state-based", "one-sided"])
        #expect(e.events.map(\.fatalities) == [12, 3])
        #expect(e.events.map(\.placed) == [true, false])  // where_prec 4 > 2
    }

    @Test func badLinesAreNamedByLineAndColumn() throws {
        func fault(_ text: String) -> String {
            do { _ = try EventFile.parse(Self.bytes(text), file: "e.csv"); return "no error" } catch { return "\(error)" }
        }
        #expect(fault("event_date,latitude,longitude\n2016-07-01,36,37\n")
                == "e.csv: line 1, column `event_type`: missing: a acled event file needs the column `event_type`")
        #expect(fault("event_date,event_type,latitude,longitude\n2016-07-01,Riots,36,37\n2016-13-01,Riots,36,37\n")
                == "e.csv: line 3, column `event_date`: `2016-13-01` is not a date (YYYY-MM-DD, 13 July 2016 or 13-Jul-2016)")
        #expect(fault("event_date,event_type,latitude,longitude\n2016-07-01,Riots,96,37\n")
                == "e.csv: line 2, column `latitude`: `96` is not a number in [-90.0, 90.0]")
        #expect(fault("date_start,type_of_violence,latitude,longitude\n2016-07-01,4,36,37\n")
                == "e.csv: line 2, column `type_of_violence`: `4` is not a UCDP type_of_violence (1, 2 or 3)")
    }

    /// Two pockets sharing the edge x = 1 from 1 to 11 July, a third from 11 July on.
    @Test func pocketCountsPerPeriod() async throws {
        let ctx = try GEOSContext()
        let a = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let b = try ctx.rectangle(Bounds(minX: 1, minY: 0, maxX: 2, maxY: 1))
        let c = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 2, maxY: 1))
        let p1 = Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-11"))
        let p2 = Period(from: Self.day("2016-07-11"), until: nil)
        let text = """
        event_date,event_type,sub_event_type,latitude,longitude,geo_precision,fatalities
        2016-07-02,Battles,Armed clash,0.5,0.5,1,1
        2016-07-03,Battles,Armed clash,0.5,1,1,2
        2016-07-05,Violence against civilians,Attack,0.5,1.5,2,4
        2016-07-05,Battles,,0.5,5,1,8
        2016-06-20,Battles,,0.5,0.5,1,16
        2016-07-04,Battles,,0.5,0.5,3,32
        2016-07-12,Riots,,0,0,1,64
        2016-07-20,Riots,,0.5,1.5,1,128
        2016-08-01,Riots,,0.5,1.5,1,256
        """
        let set = try EventFile.parse(Self.bytes(text), file: "e.csv")
        // The scenario runs 1 July to 31 July (until 1 August): the 20 June and 1 August events fall outside.
        let index = EventIndex(set, window: Period(from: Self.day("2016-07-01"), until: Self.day("2016-08-01")))
        #expect(index.imprecise == 1)       // the geo_precision 3 row
        #expect(index.outsideWindow == 2)   // 20 June, 1 August
        let areas = [EventTally.Area(geometry: a, period: p1, areaKm2: 2), EventTally.Area(geometry: b, period: p1, areaKm2: 4),
                     EventTally.Area(geometry: c, period: p2, areaKm2: 8)]
        let r = try await EventTally.areas(areas, events: index, jobs: 2)
        // A: 2 July (inside) and 3 July (on the shared edge x = 1: the first listed pocket takes it).
        #expect(r[0].events == 2)
        #expect(r[0].fatalities == 3)
        #expect(r[0].byType.map(\.0) == ["Battles"] && r[0].byType.map(\.1) == [2])
        #expect(r[0].bySubType.map(\.0) == ["Battles/Armed clash"] && r[0].bySubType.map(\.1) == [2])
        #expect(r[0].days == 10)                        // 1–10 July
        #expect(r[0].perKm2Day == 2.0 / (2 * 10))       // 2 events / (2 km² × 10 days)
        #expect(r[0].daysSinceEvent == 7)               // 3 July to 10 July
        // B: the 5 July event only (the shared-edge one went to A; x = 5 is off the map).
        #expect(r[1].events == 1 && r[1].fatalities == 4)
        #expect(r[1].daysSinceEvent == 5)               // 5 July to 10 July
        // C, 11–31 July: the corner (0, 0) on 12 July and 20 July.
        #expect(r[2].events == 2 && r[2].fatalities == 192)
        #expect(r[2].days == 21)
        #expect(r[2].daysSinceEvent == 11)              // 20 July to 31 July
        #expect(r[2].byType.map(\.0) == ["Riots"])
    }

    /// Periods that overlap without matching (a pocket unchanged over two map periods, merged):
    /// A holds 1–20 July; its neighbour C until 11 July, then B (the same ground) after.
    @Test func overlappingPeriodsCountEachEventOnce() async throws {
        let ctx = try GEOSContext()
        let west = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let east = try ctx.rectangle(Bounds(minX: 1, minY: 0, maxX: 2, maxY: 1))
        let text = """
        event_date,event_type,latitude,longitude
        2016-07-05,Riots,0.5,0.5
        2016-07-05,Riots,0.5,1.5
        2016-07-15,Riots,0.5,1.5
        2016-07-15,Riots,0.5,1
        2016-07-05,Riots,0.5,1
        """
        let index = EventIndex(try EventFile.parse(Self.bytes(text), file: "e.csv"),
                               window: Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-21")))
        let r = try await EventTally.areas([
            EventTally.Area(geometry: west, period: Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-21")), areaKm2: 1),
            EventTally.Area(geometry: east, period: Period(from: Self.day("2016-07-11"), until: Self.day("2016-07-21")), areaKm2: 1),
            EventTally.Area(geometry: east, period: Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-11")), areaKm2: 1),
        ], events: index, jobs: 2)
        // A: its own event and both on the shared edge x = 1 (listed first); B: 15 July; C: 5 July.
        #expect(r.map(\.events) == [3, 1, 1])
        #expect(r.map(\.days) == [20, 10, 10])
        #expect(r.map(\.daysSinceEvent) == [5, 5, 5])  // 15 July to 20 July; 15 to 20; 5 to 10
    }

    /// The locator agrees with GEOS's prepared `covers` on points off every boundary.
    @Test func locatorAgreesWithGEOS() throws {
        let ctx = try GEOSContext()
        let ring = try ctx.polygon([Coordinate(0, 0), Coordinate(4, 0), Coordinate(4, 4), Coordinate(2, 1.5), Coordinate(0, 4), Coordinate(0, 0)],
                                   holes: [[Coordinate(1, 0.5), Coordinate(3, 0.5), Coordinate(2, 1), Coordinate(1, 0.5)]])
        let square = try ctx.rectangle(Bounds(minX: 5, minY: 0, maxX: 6, maxY: 1))
        let locator = PointLocator([ring, square])
        let prepared = try [PreparedGeometry(ring), PreparedGeometry(square)]
        var scratch: [UInt8] = []
        var state: UInt64 = 7
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let x = Double(state >> 40) / Double(1 << 24) * 7 - 0.5
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let y = Double(state >> 40) / Double(1 << 24) * 5 - 0.5
            let pt = try ctx.point(Coordinate(x, y))
            let expected = try prepared.firstIndex { try $0.covers(pt) }
            #expect(locator.locate(x, y, scratch: &scratch) == expected, "(\(x), \(y))")
        }
        // A lattice at quarter steps: many points on edges, vertices and band limits, which covers counts.
        for i in -2...28 {
            for j in -2...20 {
                let x = Double(i) / 4, y = Double(j) / 4
                let expected = try prepared.firstIndex { try $0.covers(try ctx.point(Coordinate(x, y))) }
                #expect(locator.locate(x, y, scratch: &scratch) == expected, "(\(x), \(y))")
            }
        }
    }

    /// A route along the parallel 36° N from 36.0° E to 36.1° E, fire range 1,500 m. Distances
    /// by pyproj, Geod(ellps='WGS84').inv: (36.05, 36.013) is 1,442 m north of it, (36.05, 36.0136)
    /// 1,509 m; (35.985, 36) is 1,352 m west of its end, (35.9833, 36) 1,506 m.
    @Test func routeEventsInRangeAndEvidenceStatus() throws {
        let ctx = try GEOSContext()
        let line = try ctx.lineString([Coordinate(36.0, 36.0), Coordinate(36.1, 36.0)])
        let route = Route(feature: 0, name: "road", kind: .supply, geometry: line)
        let text = """
        event_date,event_type,latitude,longitude
        2016-07-01,Shelling,36.013,36.05
        2016-07-01,Shelling,36.0136,36.05
        2016-07-02,Shelling,36.0,35.985
        2016-07-02,Shelling,36.0,35.9833
        2016-07-06,Shelling,36.013,36.05
        """
        let set = try EventFile.parse(Self.bytes(text), file: "e.csv")
        let index = EventIndex(set, window: Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-11")))
        let near = RouteEventDays(routes: [route], events: index, range: 1500)
        let all = near.evidence(route: 0, period: nil)
        #expect(all.eventsInRange == 3)     // 1,442 m, 1,352 m and 1,442 m; not 1,509 m or 1,506 m
        #expect(all.eventDays == 3 && all.days == 10)
        #expect(all.eventDayShare == 0.3)
        let first = near.evidence(route: 0, period: Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-03")))
        #expect(first.eventsInRange == 2 && first.eventDays == 2 && first.days == 2)
        // 2 events within 3 days: 2 July (1 + 1), 3 July (1 + 1 over 1–3 July); 4 July sees
        // only 2 July's; 6 July has one alone.
        #expect(near.underFireDays(route: 0, events: 2, days: 3) == [Self.day("2016-07-02"), Self.day("2016-07-03")])
        // The geometric state: open for the whole window, split by the evidence.
        var open = RouteState(route: route, period: Period(from: nil, until: nil), condition: .open, lengthKm: 9)
        open.period = Period(from: nil, until: nil)
        let split = EvidenceStatus(near: near, events: 2, days: 3).apply(to: [open])
        #expect(split.map(\.period) == [Period(from: nil, until: Self.day("2016-07-02")),
                                        Period(from: Self.day("2016-07-02"), until: Self.day("2016-07-04")),
                                        Period(from: Self.day("2016-07-04"), until: nil)])
        #expect(split.map(\.condition) == [.open, .underFire, .open])
        #expect(split[1].evidenceProperties["status_from"] == .string("evidence"))
        #expect(split[0].evidenceProperties["status_from"] == .string("geometry"))
        // A cut route stays cut whatever the events say; geometry wins.
        let cut = RouteState(route: route, period: Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-05")), condition: .cut)
        let judged = EvidenceStatus(near: near, events: 2, days: 3).apply(to: [cut])
        #expect(judged.map(\.condition) == [.cut, .cut, .cut])
        #expect(judged.map(\.period) == [Period(from: Self.day("2016-07-01"), until: Self.day("2016-07-02")),
                                         Period(from: Self.day("2016-07-02"), until: Self.day("2016-07-04")),
                                         Period(from: Self.day("2016-07-04"), until: Self.day("2016-07-05"))])
        #expect(judged[1].evidenceProperties == ["geometric_status": "cut", "evidence_status": "under_fire", "status_from": "geometry"])
        // A single date: judged on that day (3 July under fire, 5 July not).
        let single = RouteState(route: route, condition: .open)
        #expect(EvidenceStatus(near: near, events: 2, days: 3).apply(to: [single], date: Self.day("2016-07-03"))[0].condition == .underFire)
        #expect(EvidenceStatus(near: near, events: 2, days: 3).apply(to: [single], date: Self.day("2016-07-05"))[0].condition == .open)
    }

    /// A point layer read through GDAL, as features: the date from a named field.
    @Test func pointLayerEvents() throws {
        let ctx = try GEOSContext()
        let features = [
            Feature(geometry: try ctx.point(Coordinate(37.1, 36.2)), properties: ["day": "2016-07-13", "event_type": "Riots", "fatalities": 2]),
            Feature(geometry: try ctx.point(Coordinate(37.2, 36.3)), properties: ["day": "13 July 2016", "geo_precision": 3]),
        ]
        let e = try EventFile.events(features: features, file: "e.gpkg", dateField: "day")
        #expect(e.events.map(\.day) == [Self.day("2016-07-13"), Self.day("2016-07-13")])
        #expect(e.events.map { e.types[Int($0.type)] } == ["Riots", "event"])
        #expect(e.events.map(\.fatalities) == [2, 0])
        #expect(e.events.map(\.placed) == [true, false])
        #expect(throws: SiegeInputError(file: "e.gpkg", feature: 0,
                                        "no date in `event_date` or `date` (YYYY-MM-DD, 13 July 2016 or 13-Jul-2016)")) {
            try EventFile.events(features: features, file: "e.gpkg")
        }
    }
}
