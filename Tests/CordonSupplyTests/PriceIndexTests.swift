import CordonCore
import CordonSupply
import Testing

/// The price index (a model) against hand calculations of min(cap, max(1, (D0 / D)^elasticity)).
@Suite struct PriceIndexTests {
    @Test func theMultipleFollowsTheFormWrittenInTheDesign() {
        let model = PriceModel(elasticity: 2, cap: 5)
        // (20 / 10)^2 = 4, under the cap.
        #expect(model.multiple(daysLeft: 10, atStart: 20) == 4)
        // (20 / 5)^2 = 16, capped at 5; nothing left: the cap.
        #expect(model.multiple(daysLeft: 5, atStart: 20) == 5)
        #expect(model.multiple(daysLeft: 0, atStart: 20) == 5)
        // Better off than at the start, or nothing needed: the price before the siege.
        #expect(model.multiple(daysLeft: 25, atStart: 20) == 1)
        #expect(model.multiple(daysLeft: .infinity, atStart: 20) == 1)
        // Elasticity 0.5: √(20 / 5) = 2.
        #expect(PriceModel(elasticity: 0.5, cap: 10).multiple(daysLeft: 5, atStart: 20) == 2)
    }

    @Test func theTimelineCarriesThePriceIndexOfSuppliesWithAPrice() throws {
        // 1,000,000 kg for 50,000 people at 1 kg: before eating on day d the stock is
        // 1,000,000 − 50,000·d, so D = 20 − d and D0 = 20. Elasticity 1, cap 10:
        // day 10: 20/10 = 2; day 15: 20/5 = 4; day 19: 20/1 = 20, capped at 10; day 20: stock 0, the cap.
        var scenario = flourScenario()
        scenario.supplies[0].price = PriceModel(elasticity: 1, cap: 10)
        let run = try scenario.simulate()
        let lines = run.timelineCSV().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(lines[0].firstIndex(of: "flour_price_index"))
        #expect(lines[0].last == "flour_price_index")
        #expect(lines[1 + 0][column] == "1")
        #expect(lines[1 + 10][column] == "2")
        #expect(lines[1 + 15][column] == "4")
        #expect(lines[1 + 19][column] == "10")
        #expect(lines[1 + 20][column] == "10")
        #expect(run.timelineCSVT().split(separator: ",").count == lines[0].count)
        // Without a price, no column.
        #expect(!(try flourScenario().simulate().timelineCSV().contains("price_index")))
    }
}
