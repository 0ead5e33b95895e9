import CordonCore
import CordonSupply
import Testing

@Suite struct AccessTimelineTests {
    @Test func aStatusHoldsUntilTheNextChange() {
        // Castello Road, 2016: under fire from 7 July, cut from 17 July; Ramouseh open 6 August to 4 September.
        var access = AccessTimeline()
        access.set("castello", .underFire, from: day("2016-07-07"))
        access.set("castello", .cut, from: day("2016-07-17"))
        access.set("ramouseh", .open, from: day("2016-08-06"))
        access.set("ramouseh", .cut, from: day("2016-09-04"))
        #expect(access.status(of: "castello", on: day("2016-07-01")) == .cut)  // before anything is known
        #expect(access.status(of: "castello", on: day("2016-07-16")) == .underFire)
        #expect(access.status(of: "castello", on: day("2016-12-01")) == .cut)
        #expect(access.status(of: "ramouseh", on: day("2016-09-03")) == .open)
        #expect(access.status(of: "ramouseh", on: day("2016-09-04")) == .cut)
        #expect(access.routes == ["castello", "ramouseh"])
        #expect(!access.knows("bustan-al-qasr"))
    }

    @Test func dailyListsAndChangesDescribeTheSameTimeline() {
        let daily = AccessTimeline(start: siegeStart, statuses: ["r": [.open, .open, .underFire, .underFire, .cut]])
        var changes = AccessTimeline()
        changes.set("r", .cut, from: siegeStart + 4)
        changes.set("r", .open, from: siegeStart)
        changes.set("r", .underFire, from: siegeStart + 2)
        #expect(daily == changes)
        #expect(RouteStatus(rawValue: "under_fire") == .underFire)
    }
}
