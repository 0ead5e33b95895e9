import CordonTestSupport
import Foundation

/// A four-year siege on a small made-up map, for the report's long-siege rules. A city square
/// ([18.38, 18.42] × [43.84, 43.86]) joined to the study area's west edge by a strip along
/// 43.845–43.855 N until 1992-05-02; the army takes the strip then (encircled from the start,
/// 2 May 1992) and leaves its northern half (43.850–43.855) to the city on 1995-09-15, when the
/// Igman road along 43.8525 N reopens under fire. A tunnel corridor is declared open from
/// 1993-07-30, and an airlift (no route) flows from 1992-07-03 until 1995-01-09, suspended
/// from 1994-04-10 until 1994-05-01.
///
/// Every date the report should map follows from these figures by hand: 2 May 1992 (encircled),
/// 3 Jul 1992 (airlift starts), 30 Jul 1993 (tunnel declared open), 10 Apr 1994 (airlift stops),
/// 1 May 1994 (airlift resumes), 9 Jan 1995 (airlift stops),
/// 14 Sep 1995 (last day of the siege), 15 Sep 1995 (siege over, road under fire, road food
/// starts), 29 Feb 1996 (last day).
enum LongSiegeFixture {
    static func write(in folder: URL) throws -> URL {
        func ring(_ points: [(Double, Double)]) -> String {
            "[" + (points + [points[0]]).map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]"
        }
        let outer = [(18.30, 43.80), (18.50, 43.80), (18.50, 43.90), (18.30, 43.90)]
        let square = [(18.38, 43.84), (18.42, 43.84), (18.42, 43.86), (18.38, 43.86)]
        // The army's ground around the city and a strip from the west edge whose south side is `south`.
        func armyAround(strip south: Double) -> [(Double, Double)] {
            [(18.30, 43.80), (18.50, 43.80), (18.50, 43.90), (18.30, 43.90), (18.30, 43.855), (18.38, 43.855),
             (18.38, 43.86), (18.42, 43.86), (18.42, 43.84), (18.38, 43.84), (18.38, south), (18.30, south)]
        }
        func cityWith(strip south: Double) -> [(Double, Double)] {
            [(18.30, south), (18.38, south), (18.38, 43.84), (18.42, 43.84), (18.42, 43.86), (18.38, 43.86),
             (18.38, 43.855), (18.30, 43.855)]
        }
        func feature(_ controller: String, _ people: Int, _ rings: [String], _ dates: String) -> String {
            "{\"type\": \"Feature\", \"properties\": {\"controller\": \"\(controller)\", \"population\": \(people)\(dates)}, "
                + "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [\(rings.joined(separator: ", "))]}}"
        }
        let first = ", \"until\": \"1992-05-02\"", middle = ", \"from\": \"1992-05-02\", \"until\": \"1995-09-15\""
        let last = ", \"from\": \"1995-09-15\""
        let map = [
            feature("city", 100_000, [ring(cityWith(strip: 43.845))], first),
            feature("army", 0, [ring(armyAround(strip: 43.845))], first),
            feature("city", 100_000, [ring(square)], middle),
            feature("army", 0, [ring(outer), ring(square)], middle),
            feature("city", 100_000, [ring(cityWith(strip: 43.850))], last),
            feature("army", 0, [ring(armyAround(strip: 43.850))], last),
        ]
        let routes = [
            "{\"type\": \"Feature\", \"properties\": {\"name\": \"Igman road\", \"kind\": \"supply\"}, "
                + "\"geometry\": {\"type\": \"LineString\", \"coordinates\": [[18.30, 43.8525], [18.40, 43.8525]]}}",
            "{\"type\": \"Feature\", \"properties\": {\"name\": \"tunnel\", \"kind\": \"corridor\", \"capacity_per_day\": 1000, "
                + "\"from\": \"1993-07-30\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[18.40, 43.845], [18.34, 43.83]]}}",
        ]
        let collection = { (features: [String]) in
            "{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]}\n"
        }
        try collection(map).write(to: folder.appendingPathComponent("map.geojson"), atomically: true, encoding: .utf8)
        try collection(routes).write(to: folder.appendingPathComponent("routes.geojson"), atomically: true, encoding: .utf8)
        let scenario = folder.appendingPathComponent("scenario.yaml")
        try """
            name: Long siege
            start: 1992-05-02
            end: 1996-02-29
            map: map.geojson
            routes: routes.geojson
            besieged: city
            focus: [18.40, 43.85]
            fire_range_m: 1500
            supplies:
              - {commodity: food, unit: kg, stock: 3000000, need_per_person_day: 0.333}
            inflows:
              - {name: airlift, commodity: food, per_day: 20000, from: 1992-07-03, until: 1995-01-09, suspended: [{from: 1994-04-10, until: 1994-05-01}]}
              - {commodity: food, per_day: 30000, route: Igman road, under_fire_factor: 0.5}
            evacuation:
              - {per_day: 100, corridor: tunnel}

            """.write(to: scenario, atomically: true, encoding: .utf8)
        return scenario
    }
}
