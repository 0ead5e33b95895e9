import CordonCore
import CordonSiege
import Testing

/// Dates in file and layer names, worked out by hand from the names.
@Suite struct DatePatternTests {
    @Test func fieldsAreFoundAnywhereInTheName() throws {
        #expect(try DatePattern("%Y-%m-%d").day(in: "deepstate-map-2024-02-29-v2") == Day(year: 2024, month: 2, day: 29))
        #expect(try DatePattern("day_%Y%m%d").day(in: "day_20230105") == Day(year: 2023, month: 1, day: 5))
        // Day 60 of a leap year is 29 February; of another year, 1 March.
        #expect(try DatePattern("%Y%j").day(in: "A2024060") == Day(year: 2024, month: 2, day: 29))
        #expect(try DatePattern("%Y%j").day(in: "A2023060") == Day(year: 2023, month: 3, day: 1))
        #expect(try DatePattern("%d%b%Y").day(in: "front_07MAR2022") == Day(year: 2022, month: 3, day: 7))
        #expect(try DatePattern("100%%_%Y-%m-%d").day(in: "100%_2022-03-07") == Day(year: 2022, month: 3, day: 7))
    }

    @Test func namesWithoutARealDayHaveNone() throws {
        let p = try DatePattern("%Y-%m-%d")
        #expect(p.day(in: "latest") == nil)
        #expect(p.day(in: "2023-02-29") == nil)
        #expect(try DatePattern("%Y%j").day(in: "2023366") == nil)
        // The leftmost match naming a real day wins.
        #expect(p.day(in: "2023-13-01_2023-12-01") == Day(year: 2023, month: 12, day: 1))
    }

    @Test func patternsThatCannotDateAreRefused() {
        #expect(throws: DatePatternError.self) { try DatePattern("%Y-%m") }
        #expect(throws: DatePatternError.self) { try DatePattern("%Y-%q-%d") }
        #expect(throws: DatePatternError.self) { try DatePattern("%Y-%m-%d%") }
    }
}
