import CordonCore
import CordonSupply

/// A date from its ISO text; tests use only valid ones.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// Eastern Aleppo's encirclement date, the start of most analytic cases.
let siegeStart = day("2016-07-17")

/// One food supply of 1,000,000 kg for 50,000 people at 1 kg each: 50,000 kg a day, 20 days' worth.
func flourScenario(days: Int = 60) -> SupplyScenario {
    SupplyScenario(name: "flour", start: siegeStart, end: siegeStart + (days - 1), population: 50_000,
                   supplies: [Supply(commodity: "flour", unit: "kg", stock: 1_000_000, needPerPersonDay: 1)])
}
