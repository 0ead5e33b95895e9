import CordonCore
import CordonGeometry
import CordonScenario
import CordonSiege
import CordonSupply
import Testing

/// The bridge from what the map says of a route to what the supply model lets through
/// (docs/design.md#routes): each period's condition holds from its first day, and a route
/// the map does not cover (`unknown`) counts as cut.
@Suite struct SiegeSupplyTests {
    let road: Route

    init() throws {
        let line = try GEOSContext().lineString([Coordinate(37.0, 36.0), Coordinate(37.1, 36.0)])
        road = Route(feature: 0, name: "Castello Road", kind: .supply, geometry: line)
    }

    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func periodsBecomeStatusChanges() {
        let states = [
            RouteState(route: road, period: Period(from: nil, until: day("2016-07-07")), condition: .open),
            RouteState(route: road, period: Period(from: day("2016-07-07"), until: day("2016-07-17")), condition: .underFire),
            RouteState(route: road, period: Period(from: day("2016-07-17"), until: nil), condition: .cut),
        ]
        let access = AccessTimeline(routeStates: states)
        #expect(access.status(of: "Castello Road", on: day("1900-01-01")) == .open)
        #expect(access.status(of: "Castello Road", on: day("2016-07-06")) == .open)
        #expect(access.status(of: "Castello Road", on: day("2016-07-07")) == .underFire)
        #expect(access.status(of: "Castello Road", on: day("2016-07-16")) == .underFire)
        #expect(access.status(of: "Castello Road", on: day("2016-07-17")) == .cut)
    }

    @Test func offTheMapCountsAsCut() {
        let states = [
            RouteState(route: road, period: Period(from: nil, until: day("2016-08-01")), condition: .unknown),
            RouteState(route: road, period: Period(from: day("2016-08-01"), until: nil), condition: .open),
        ]
        let access = AccessTimeline(routeStates: states)
        #expect(access.status(of: "Castello Road", on: day("2016-07-31")) == .cut)
        #expect(access.status(of: "Castello Road", on: day("2016-08-01")) == .open)
    }
}
