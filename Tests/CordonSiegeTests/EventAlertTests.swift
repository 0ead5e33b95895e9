import CordonCore
import CordonGeometry
import CordonSiege
import Testing

/// Alerts on a timeline's pockets (docs/design.md#evidence) and event files read in pieces.
/// Every expected value is worked out by hand in the comment beside it.
@Suite struct EventAlertTests {
    static func day(_ s: String) -> Day { Day(iso: s)! }

    /// Pocket 0 is the square x 0–1 until 11 July, then x 0–2; pocket 1 is x 5–6 throughout.
    /// Deaths by hand, 30-day sums over the days d-29…d:
    ///   1 Jul  60 in pocket 0            → 60  (a high, under 100: no alert)
    ///   5 Jul  30 in pocket 0            → 90  (no alert)
    ///   8 Jul 500 at x 1.5: pocket 0 does not reach it yet; no pocket does
    ///  12 Jul  20 at x 1.5, pocket 0 now → 110 ≥ 100 and above 90: alert
    ///  20 Jul 150 in pocket 1            → 150: alert (its first high)
    ///  25 Jul   5 in pocket 0            → 115 above 110: alert
    ///   5 Aug  80 in pocket 0            → 20 + 5 + 80 = 105 (1 Jul and 5 Jul have left the 30 days): under 115, no alert
    @Test func alertsFireOnTheHandComputedDays() async throws {
        let ctx = try GEOSContext()
        let small = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let large = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 2, maxY: 1))
        let other = try ctx.rectangle(Bounds(minX: 5, minY: 0, maxX: 6, maxY: 1))
        let split = Self.day("2016-07-11")
        let periods = [Period(from: nil, until: split), Period(from: split, until: nil), nil]
        let areas = zip([small, large, other], periods).map { EventTally.Area(geometry: $0, period: $1, areaKm2: 1) }
        let text = """
        date,latitude,longitude,fatalities
        2016-07-01,0.5,0.5,60
        2016-07-05,0.5,0.5,30
        2016-07-08,0.5,1.5,500
        2016-07-12,0.5,1.5,20
        2016-07-20,0.5,5.5,150
        2016-07-25,0.5,0.5,5
        2016-08-05,0.5,0.5,80
        """
        let index = EventIndex(try EventFile.parse(Array(text.utf8), file: "e.csv"),
                               window: Period(from: Self.day("2016-07-01"), until: Self.day("2016-09-01")))
        let counted = try await EventTally.counted(areas, events: index, jobs: 2, daily: true)
        let alerts = EventAlerts.find(series: [0, 0, 1], periods: periods, daily: counted.daily, events: index)
        #expect(alerts.map(\.pocket) == [0, 0, 1])
        #expect(alerts.map(\.alert.day) == [Self.day("2016-07-12"), Self.day("2016-07-25"), Self.day("2016-07-20")])
        #expect(alerts.map(\.alert.fatalities) == [110, 115, 150])
        #expect(alerts.map(\.alert.previousHigh) == [90, 110, 0])
        #expect(alerts.map(\.area) == [1, 1, 2])  // pocket 0's ground from 11 July on
        // A minimum of 120: only pocket 1's 150.
        #expect(EventAlerts.find(series: [0, 0, 1], periods: periods, daily: counted.daily, events: index, minimum: 120)
                    .map(\.alert.day) == [Self.day("2016-07-20")])
        // The counts beside them are the same as without the daily series.
        #expect(try await EventTally.areas(areas, events: index, jobs: 1) == counted.evidence)
        #expect(counted.evidence.map(\.fatalities) == [90, 105, 150])
    }

    /// An event file read in any number of pieces gives the same events, types and lines as one
    /// piece; the types are numbered in the order they first appear in the file.
    @Test func eventFilesReadInPiecesAreTheSame() throws {
        var text = "event_date,event_type,sub_event_type,latitude,longitude,geo_precision,fatalities,notes\r\n"
        let kinds = [("Battles", "Armed clash"), ("Riots", ""), ("\"Explosions, remote\"", "Air/drone strike"), ("Protests", "\"Peaceful\r\nprotest\"")]
        for i in 0..<60 {
            let kind = i < 30 ? kinds[i % 2] : kinds[i % 4]
            text += "2016-07-\(10 + i % 20),\(kind.0),\(kind.1),36.\(i),37.\(i),\(1 + i % 3),\(i),\"note \(i), with a comma\"\r\n"
        }
        let one = try EventFile.parse(Array(text.utf8), file: "e.csv", pieces: 1)
        #expect(one.events.count == 60)
        // Rows 0-29 use Battles/Armed clash and Riots only; the other two types appear from row 30 on.
        #expect(one.types.prefix(3) == ["Battles", "Armed clash", "Riots"])
        #expect(Set(one.types) == ["Battles", "Armed clash", "Riots", "Explosions, remote", "Air/drone strike", "Protests", "Peaceful\r\nprotest"])
        #expect(one.events[5].lat == 36.5 && one.events[5].lon == 37.5 && one.events[5].fatalities == 5)
        // Rows 0-30 take one line each (the header is line 1); row 31 is a protest over two lines.
        #expect(one.events[31].line == 33 && one.events[32].line == 35)
        #expect(one.events.map(\.placed) == (0..<60).map { 1 + $0 % 3 <= 2 })
        for pieces in [2, 3, 5, 8, 13, 40] {
            let many = try EventFile.parse(Array(text.utf8), file: "e.csv", pieces: pieces)
            #expect(many.types == one.types, "pieces: \(pieces)")
            #expect(many.events == one.events, "pieces: \(pieces)")
        }
    }
}
