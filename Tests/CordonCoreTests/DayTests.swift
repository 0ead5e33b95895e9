import CordonCore
import Testing

/// A date from its ISO text; tests use only valid ones.
private func day(_ iso: String) -> Day { Day(iso: iso)! }

@Suite struct DayTests {
    @Test func ordinalsMatchPythonDatetime() {
        // Values from Python: (date(y, m, d) - date(1970, 1, 1)).days
        #expect(day("1970-01-01").ordinal == 0)
        #expect(day("2016-07-17").ordinal == 16999)
        #expect(day("1600-03-01").ordinal == -135080)
        #expect(day("0001-01-01").ordinal == -719162)
    }

    @Test func roundTripsEveryDayOverFourCenturies() {
        for ordinal in -150_000...60_000 {
            let d = Day(ordinal: ordinal)
            #expect(Day(iso: d.description)?.ordinal == ordinal)
        }
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(Day(iso: "2016-02-29") != nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "1900-02-29") == nil)
        #expect(Day(iso: "2015-02-29") == nil)
        #expect(day("2016-03-01") - day("2016-02-28") == 2)
    }

    @Test func rejectsAnythingButIsoDates() {
        for text in ["2016-7-17", "17/07/2016", "2016-07-17T00:00", "2016-13-01", "2016-04-31", "", "abcd-ef-gh"] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test func arithmeticCrossesMonthAndYearEnds() {
        #expect((day("2016-07-17") + 19).description == "2016-08-05")
        #expect((day("2016-12-31") + 1).description == "2017-01-01")
        #expect((day("2016-03-01") - 1).description == "2016-02-29")
    }
}
