import Foundation

/// A map and an event file whose alerts are worked out by hand. The opposition holds the square
/// 37.1–37.2 E until 11 July, then also 37.2–37.3 E (taken from the government); the government
/// keeps 37.3–37.4 E. One pocket, `pocket` 0, holding [37.15, 36.25]. Deaths by hand, 30-day sums
/// over the days d-29…d:
///   1 Jul  60 in the square          → 60 (under 100: no alert)
///   5 Jul  30 in the square          → 90 (no alert)
///   8 Jul 500 at 37.25 E: government ground that day, in no pocket
///  12 Jul  20 at 37.25 E, now the pocket's → 110: alert (previous high 90)
///  25 Jul   5 in the square          → 115: alert (previous high 110)
///   5 Aug  80 in the square          → 20 + 5 + 80 = 105: under 115, no alert
public enum AlertFixture {
    /// Writes `map.geojson` and `events.csv` into `folder`.
    /// A scenario over the fixture's map and events (July and August 2016, the focus in the
    /// pocket), with `alert_minimum` when given.
    public static func scenario(alertMinimum: String? = nil) -> String {
        """
        start: 2016-07-01
        end: 2016-08-31
        map: map.geojson
        besieged: opposition
        focus: [37.15, 36.25]
        events: events.csv
        \(alertMinimum.map { "alert_minimum: \($0)" } ?? "")
        supplies:
          - {commodity: food, unit: kg, stock: 1000, need_per_person_day: 0.5}

        """
    }

    public static func write(in folder: URL) throws {
        func square(_ x0: Double, _ x1: Double, _ controller: String, _ dates: String) -> String {
            "{\"type\":\"Feature\",\"properties\":{\"controller\":\"\(controller)\"\(dates)},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[\(x0),36.2],[\(x1),36.2],[\(x1),36.3],[\(x0),36.3],[\(x0),36.2]]]}}"
        }
        let map = "{\"type\":\"FeatureCollection\",\"features\":[" + [
            square(37.1, 37.2, "opposition", ""), square(37.2, 37.3, "government", ",\"until\":\"2016-07-11\""),
            square(37.2, 37.3, "opposition", ",\"from\":\"2016-07-11\""), square(37.3, 37.4, "government", ""),
        ].joined(separator: ",") + "]}"
        try map.write(to: folder.appendingPathComponent("map.geojson"), atomically: true, encoding: .utf8)
        try """
        date,latitude,longitude,type,fatalities
        2016-07-01,36.25,37.15,Shelling,60
        2016-07-05,36.25,37.15,Shelling,30
        2016-07-08,36.25,37.25,Shelling,500
        2016-07-12,36.25,37.25,Shelling,20
        2016-07-25,36.25,37.15,Shelling,5
        2016-08-05,36.25,37.15,Shelling,80

        """.write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
    }
}
