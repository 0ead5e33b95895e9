/// Receives what happens each day of a run; the full run keeps everything, Monte Carlo only stocks.
protocol DayRecorder {
    mutating func population(day: Int, population: Double, evacuated: Double)
    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay)
}

/// Buffers one worker reuses from run to run, so Monte Carlo runs allocate nothing per day.
struct Workspace {
    var inflow: [Double] = []
    var stock: [Double] = []
    var taken: [Double] = []
    /// Day index each supply ran out, -1 while it lasts.
    var depleted: [Int] = []
}

extension DayPlan {
    /// Runs the day rules (docs/design.md#the-supply-day) for `scenario`, which must have the
    /// structure this plan was made from (only numbers may differ).
    func run<R: DayRecorder>(_ scenario: SupplyScenario, _ ws: inout Workspace, _ recorder: inout R) {
        fillInflows(scenario, into: &ws.inflow)
        // Plain number arrays, so the day loop touches no structs holding strings.
        let spoilage = scenario.supplies.map(\.spoilagePerDay)
        let needPerPerson = scenario.supplies.map(\.needPerPersonDay)
        let evacuationPerDay = scenario.evacuation.map(\.perDay)
        let evacuationCap = scenario.evacuation.map(\.maxTotal)
        ws.stock = scenario.supplies.map(\.stock)
        ws.depleted = Array(repeating: -1, count: commodities)
        ws.taken = Array(repeating: 0, count: evacuationPerDay.count)
        var population = scenario.population
        var evacuated = 0.0

        for d in 0..<days {
            // Evacuation comes before spoilage and eating: people who leave today do not eat here.
            for r in evacuationDays.indices where evacuationDays[r].contains(d) {
                let take = max(0, min(evacuationPerDay[r], evacuationCap[r] - ws.taken[r], population))
                ws.taken[r] += take
                population -= take
                evacuated += take
            }
            recorder.population(day: d, population: population, evacuated: evacuated)

            for c in 0..<commodities {
                let inflow = ws.inflow[c * days + d]
                var stock = ws.stock[c] + inflow
                let spoiled = stock * spoilage[c]
                stock -= spoiled
                let need = population * needPerPerson[c]
                let daysLeft = need > 0 ? stock / need : .infinity
                let ration = policy.ration(daysLeft: daysLeft)
                let wanted = need * ration
                let consumed: Double, met: Double
                if wanted <= stock {
                    // The ration itself, not wanted/need, so a 0.8 ration is exactly in the 0.8 band.
                    consumed = wanted
                    met = need > 0 ? ration : 1
                } else {
                    consumed = stock
                    met = stock / need
                }
                stock -= consumed
                ws.stock[c] = stock
                if stock == 0, ws.depleted[c] < 0 { ws.depleted[c] = d }
                recorder.commodity(c, day: d, CommodityDay(
                    stock: stock, ration: ration, daysLeft: daysLeft, inflow: inflow, spoiled: spoiled,
                    consumed: consumed, shortfall: need - consumed, met: met))
            }
        }
    }
}
