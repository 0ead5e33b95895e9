import CordonCore
import CordonGeometry
@testable import CordonSiege
import Testing

/// WFP price files read, placed and compared (docs/design.md#evidence). Expected values are
/// worked out by hand beside each check.
@Suite struct PriceEvidenceTests {
    static let header = "date,admin1,admin2,market,latitude,longitude,category,commodity,unit,priceflag,pricetype,currency,price,usdprice\n"
    static let hxl = "#date,#adm1+name,#adm2+name,#loc+market+name,#geo+lat,#geo+lon,#item+type,#item+name,#item+unit,#item+price+flag,#item+price+type,#currency,#value,#value+usd\n"

    static func parse(_ rows: String) throws -> PriceSet {
        try PriceFile.parse(Array((header + hxl + rows).utf8), file: "p.csv")
    }

    @Test func hxlRowSkippedAndUnitsNormalised() throws {
        let p = try Self.parse("""
        2016-07-15,A,B,In,0.5,0.5,cereals,Rice,50 KG,actual,Retail,SYP,10000,
        2016-07-15,A,B,In,0.5,0.5,cereals,Rice,KG,actual,Retail,SYP,250,
        2016-07-15,A,B,In,0.5,0.5,oil,Oil,1.5 L,actual,Retail,SYP,900,
        2016-07-15,A,B,In,0.5,0.5,oil,Sugar,400 G,actual,Retail,SYP,100,
        2016-07-15,A,B,In,0.5,0.5,bread,Bread,Bundle,actual,Retail,SYP,100,

        """)
        #expect(p.quotes.count == 5)  // the HXL row is not a quote
        #expect(p.quotes[0].line == 3)  // header 1, HXL 2
        // 10,000 SYP for 50 kg → 200 a kg; 900 for 1.5 l → 600 a litre; 100 for 400 g → 250 a kg.
        #expect(p.quotes.map(\.unit) == ["kg", "kg", "l", "kg", "Bundle"])
        #expect(p.quotes.map(\.price) == [200, 250, 600, 250, 100])
    }

    @Test func badInputNamesLineAndColumn() throws {
        func fault(_ rows: String, header: String = PriceEvidenceTests.header) -> String {
            do { _ = try PriceFile.parse(Array((header + rows).utf8), file: "p.csv"); return "no error" } catch { return "\(error)" }
        }
        #expect(fault("", header: "date,latitude,longitude,commodity,unit,price\n")
                == "p.csv: line 1, column `currency`: missing: a price file needs the column `currency`")
        #expect(fault("July 2016,A,B,M,0.5,0.5,c,Rice,KG,a,R,SYP,1,\n")
                == "p.csv: line 2, column `date`: `July 2016` is not a date (YYYY-MM-DD)")
        #expect(fault("2016-07-15,A,B,M,91,0.5,c,Rice,KG,a,R,SYP,1,\n")
                == "p.csv: line 2, column `latitude`: `91` is not a number in [-90.0, 90.0]")
        // Rice in SYP on line 2 and in USD on line 3, without usdprice: no way to compare them.
        #expect(fault("2016-07-15,A,B,M,0.5,0.5,c,Rice,KG,a,R,SYP,250,\n2016-07-15,A,B,M,0.5,0.5,c,Rice,KG,a,R,USD,1,\n")
                == "p.csv: line 3, column `usdprice`: `Rice` is quoted in SYP (line 2) and USD: give `usdprice` to compare them")
    }

    @Test func aCurrencyMixWithUSDPricesComparesInDollars() throws {
        let p = try Self.parse("2016-07-15,A,B,M,0.5,0.5,c,Rice,KG,a,R,SYP,250,0.5\n2016-07-15,A,B,M,0.5,0.5,c,Rice,KG,a,R,TRY,3,1\n")
        #expect(p.quotes.map(\.currency) == ["USD", "USD"])
        #expect(p.quotes.map(\.price) == [0.5, 1])
    }

    /// A pocket [0,1]² from 1 July until 1 September, a map [0,3]×[0,1] all along. Markets: In
    /// (0.5, 0.5), Out (2, 0.5), Far (10, 10).
    @Test func insideOutsideMediansAndMultiples() throws {
        let ctx = try GEOSContext()
        let pocketGround = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let map = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 3, maxY: 1))
        let pocket = Pocket(index: 0, controller: "besieged", geometry: pocketGround, encircled: true, areaKm2: 1, perimeterKm: 4,
                            hostileShare: 1, population: 0,
                            period: Period(from: Day(iso: "2016-07-01"), until: Day(iso: "2016-09-01")))
        let p = try Self.parse("""
        2016-07-15,A,B,In,0.5,0.5,c,Rice,KG,a,R,SYP,300,
        2016-07-20,A,B,In,0.5,0.5,c,Rice,KG,a,R,SYP,500,
        2016-07-15,A,B,Out,0.5,2,c,Rice,KG,a,R,SYP,100,
        2016-07-15,A,B,Far,10,10,c,Rice,KG,a,R,SYP,1000,
        2016-09-15,A,B,In,0.5,0.5,c,Rice,KG,a,R,SYP,200,
        2016-09-15,A,B,Out,0.5,2,c,Rice,50 KG,a,R,SYP,5000,

        """)
        let c = PriceComparison(prices: p, pockets: [pocket], map: [map])
        #expect(c.placements == ["inside", "inside", "outside", "off the map", "outside", "outside"])
        #expect(c.offMap == 1)
        #expect(c.rows.count == 2)
        // July: inside median of 300 and 500 is 400; outside 100; multiple 4.
        #expect(c.rows[0].month == "2016-07" && c.rows[0].insideMedian == 400 && c.rows[0].outsideMedian == 100)
        #expect(c.rows[0].multiple == 4)
        // September: the pocket is gone, so In is outside too: 200 and 5,000 / 50 = 100 → median 150; no inside.
        #expect(c.rows[1].month == "2016-09" && c.rows[1].insideMedian == nil && c.rows[1].outsideMedian == 150)
        #expect(c.rows[1].multiple == nil)
        #expect(c.csv.split(separator: "\n")[1] == "Rice,kg,SYP,2016-07,400,100,4,2,1")
    }

    /// HDX Signals style: a new 30-day high of at least 100.
    @Test func alertsOnNewThirtyDayHighs() {
        var daily = [Double](repeating: 0, count: 70)
        daily[0] = 60; daily[10] = 50; daily[20] = 10; daily[45] = 120; daily[50] = 5
        let first = Day(iso: "2016-07-01")!
        let alerts = EventAlerts.find(daily: daily, first: first)
        // 30-day sums: day 0 60 (a high, under 100), day 10 110 (alert), day 20 120 (alert), day 30 60
        // (day 0 drops out), day 45 10 + 120 = 130 (days 16–45; alert), day 50 120 + 5 = 125 (days 21–50:
        // day 20 has dropped out; under the high of 130, no alert).
        #expect(alerts.map { $0.day - first } == [10, 20, 45])
        #expect(alerts.map(\.fatalities) == [110, 120, 130])
        #expect(alerts.map(\.previousHigh) == [60, 110, 120])
    }
}
