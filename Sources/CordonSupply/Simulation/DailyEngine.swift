/// Receives what happens each day of a run; the full run keeps everything, Monte Carlo only stocks.
protocol DayRecorder {
    mutating func population(day: Int, population: Double, evacuated: Double)
    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay)
    /// The end of the day, after population changes: who is inside, and the running totals.
    mutating func endOfDay(_ day: Int, population: Double, moved: PeopleMoved)
}

extension DayRecorder {
    mutating func endOfDay(_ day: Int, population: Double, moved: PeopleMoved) {}
}

/// Everyone population changes have moved so far.
public struct PeopleMoved: Sendable, Equatable {
    /// Deaths so far.
    public var deaths = 0.0
    /// Arrivals so far.
    public var arrivals = 0.0
    /// Departures so far (evacuation apart).
    public var departures = 0.0

    /// Nobody moved yet.
    public init() {}
}

/// Buffers one worker reuses from run to run, so Monte Carlo runs allocate nothing per day.
/// Between `advance` calls it holds the run's state, so a run can go on from any day.
struct Workspace {
    /// The inflow of each supply on each day of the stretch being run.
    var inflow: [Double] = []
    var stock: [Double] = []
    /// People each evacuation rule has taken so far.
    var taken: [Double] = []
    /// Day index each supply ran out, -1 while it lasts.
    var depleted: [Int] = []
    var population = 0.0
    var evacuated = 0.0
    /// People each population change has moved so far.
    var changed: [Double] = []
    var moved = PeopleMoved()
    /// Whether each supply has a shortfall today (ration cut or stock run out), for `while_short`.
    var short: [Bool] = []
}

extension DayPlan {
    /// Runs the day rules (docs/design.md#the-supply-day) for `scenario`, which must have the
    /// structure this plan was made from (only numbers may differ).
    func run<R: DayRecorder>(_ scenario: SupplyScenario, _ ws: inout Workspace, _ recorder: inout R) {
        begin(scenario, &ws)
        advance(scenario, &ws, days: 0..<days, &recorder)
    }

    /// The first morning: the scenario's stocks and people, nobody evacuated, nothing run out.
    func begin(_ scenario: SupplyScenario, _ ws: inout Workspace) {
        ws.stock = scenario.supplies.map(\.stock)
        ws.depleted = Array(repeating: -1, count: commodities)
        ws.taken = Array(repeating: 0, count: scenario.evacuation.count)
        ws.population = scenario.population
        ws.evacuated = 0
        ws.changed = Array(repeating: 0, count: scenario.populationChanges.count)
        ws.moved = PeopleMoved()
        ws.short = Array(repeating: false, count: commodities)
    }

    /// Runs the days `range` on from the state in `ws`. Running 0..<k and then k..<days gives
    /// the same numbers as one call, since each day sees the same state and the same inflows.
    func advance<R: DayRecorder>(_ scenario: SupplyScenario, _ ws: inout Workspace, days range: Range<Int>,
                                 _ recorder: inout R) {
        fillInflows(scenario, days: range, into: &ws.inflow)
        // Plain number arrays, so the day loop touches no structs holding strings.
        let spoilage = scenario.supplies.map(\.spoilagePerDay)
        let needPerPerson = scenario.supplies.map(\.needPerPersonDay)
        let evacuationPerDay = scenario.evacuation.map(\.perDay)
        let evacuationCap = scenario.evacuation.map(\.maxTotal)
        let monthly = scenario.supplies.map(\.needByMonth)
        let changes = scenario.populationChanges
        let stretch = range.count
        var population = ws.population
        var evacuated = ws.evacuated

        for d in range {
            // Evacuation comes before spoilage and eating: people who leave today do not eat here.
            for r in evacuationDays.indices where evacuationDays[r].contains(d) {
                let take = max(0, min(evacuationPerDay[r], evacuationCap[r] - ws.taken[r], population))
                ws.taken[r] += take
                population -= take
                evacuated += take
            }
            recorder.population(day: d, population: population, evacuated: evacuated)

            for c in 0..<commodities {
                let inflow = ws.inflow[c * stretch + d - range.lowerBound]
                var stock = ws.stock[c] + inflow
                let spoiled = stock * spoilage[c]
                stock -= spoiled
                var factor = 1.0
                if !people.month.isEmpty, let months = monthly[c] { factor = months[people.month[d] - 1] }
                let need = population * needPerPerson[c] * factor
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
                // Short: a shortfall, from a cut ration or an empty stock (the days `shortages` lists).
                ws.short[c] = consumed < need
                recorder.commodity(c, day: d, CommodityDay(
                    stock: stock, ration: ration, daysLeft: daysLeft, inflow: inflow, spoiled: spoiled,
                    consumed: consumed, shortfall: need - consumed, met: met))
            }
            // Population changes close the day: they may hang on today's shortage, and
            // whoever dies or leaves today has eaten today, whoever arrives eats from tomorrow.
            for r in changes.indices where people.changeDays[r].contains(d) {
                if let c = people.whileShort[r], !ws.short[c] { continue }
                let rule = changes[r]
                var take = max(0, min(rule.wanted(population: population), rule.maxTotal - ws.changed[r]))
                if !people.adds[r] { take = min(take, population) }
                ws.changed[r] += take
                switch rule.kind {
                case .deaths: ws.moved.deaths += take; population -= take
                case .departures: ws.moved.departures += take; population -= take
                case .arrivals: ws.moved.arrivals += take; population += take
                }
            }
            if !changes.isEmpty { recorder.endOfDay(d, population: population, moved: ws.moved) }
        }
        ws.population = population
        ws.evacuated = evacuated
    }
}
