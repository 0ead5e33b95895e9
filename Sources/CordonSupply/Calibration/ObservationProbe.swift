import CordonCore

extension Observation {
    /// Whether the observation is a date to hit (`depleted`, `restored`, `siege.*`) rather than a
    /// number (`population`, `price_multiple`).
    public var isDated: Bool { !what.needsValue }

    /// What a run's outcome is compared with: the day index (0 = `start`) of a date, or the value.
    public func target(start: Day) -> Double { isDated ? Double(date - start) : (value ?? 0) }
}

/// Where each observation looks in a run: which supply, which day. Built once per scenario;
/// every run then fills one number per observation.
struct ObservationProbe: Sendable {
    let count: Int
    /// Run-outs and restorations to read: the observation, the supply, the observed day index.
    let depleted: [(o: Int, c: Int, day: Int)]
    let restored: [(o: Int, c: Int, day: Int)]
    /// Price multiples to read: the observation, the supply, the day index.
    let prices: [(o: Int, c: Int, day: Int)]
    let population: [(o: Int, day: Int)]

    init(_ scenario: SupplyScenario) {
        var depleted: [(Int, Int, Int)] = [], restored: [(Int, Int, Int)] = [], prices: [(Int, Int, Int)] = [],
            population: [(Int, Int)] = []
        for (o, observation) in scenario.observations.enumerated() {
            let day = observation.date - scenario.start
            switch observation.what {
            case .depleted(let name): if let c = scenario.supplyIndex(of: name) { depleted.append((o, c, day)) }
            case .restored(let name): if let c = scenario.supplyIndex(of: name) { restored.append((o, c, day)) }
            case .priceMultiple(let name):
                // Without a price index the model says nothing about prices.
                if let c = scenario.supplyIndex(of: name), scenario.supplies[c].price != nil { prices.append((o, c, day)) }
            case .population: population.append((o, day))
            case .siegeStart, .siegeEnd: break   // inputs of the scenario, not outcomes of the supply model
            }
        }
        count = scenario.observations.count
        self.depleted = depleted
        self.restored = restored
        self.prices = prices
        self.population = population
    }
}

/// Records, in one run, what the probe asks: every day each supply runs out (its stock reaching 0
/// after a day with some) and is restored (the first day without a shortfall after one with it),
/// the price index and the people inside on the observed days.
struct ObservationRecorder: DayRecorder {
    let probe: ObservationProbe
    let priceModels: [PriceModel?]
    /// Day-0 days of supply of each supply, D0 of the price index.
    var atStart: [Double]
    var short: [Bool]
    var lastStock: [Double]
    var runOuts: [[Int]]
    var restorations: [[Int]]
    var values: [Double]

    init(probe: ObservationProbe, scenario: SupplyScenario) {
        self.probe = probe
        priceModels = scenario.supplies.map(\.price)
        let n = scenario.supplies.count
        atStart = Array(repeating: .nan, count: n)
        short = Array(repeating: false, count: n)
        lastStock = Array(repeating: .infinity, count: n)
        runOuts = Array(repeating: [], count: n)
        restorations = Array(repeating: [], count: n)
        values = Array(repeating: .nan, count: probe.count)
    }

    mutating func population(day: Int, population: Double, evacuated: Double) {
        for p in probe.population where p.day == day { values[p.o] = population }
    }

    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        if day == 0 { atStart[c] = record.daysLeft }
        // As the engine's depletion day, for the first run-out; a refilled stock can run out again.
        if record.stock == 0, lastStock[c] > 0 { runOuts[c].append(day) }
        lastStock[c] = record.stock
        // As `SupplyRun.restorations`: the first day without a shortfall after one with it.
        if record.shortfall > 0 {
            short[c] = true
        } else if short[c] {
            short[c] = false
            restorations[c].append(day)
        }
        for p in probe.prices where p.c == c && p.day == day {
            if let model = priceModels[c] { values[p.o] = model.multiple(daysLeft: record.daysLeft, atStart: atStart[c]) }
        }
    }

    mutating func endOfDay(_ day: Int, population: Double, moved: PeopleMoved) {
        // The timeline's population is the end of the day's, after deaths, arrivals and departures.
        for p in probe.population where p.day == day { values[p.o] = population }
    }
}

extension ObservationRecorder {
    /// The day among `days` nearest to `observed` (the earlier on a tie), as a Double; infinity
    /// when there is none. A dated observation is compared with the episode it most likely
    /// describes, so a second run-out is not scored against the first.
    static func nearest(_ days: [Int], to observed: Int) -> Double {
        guard var best = days.first else { return .infinity }
        for d in days.dropFirst() where abs(d - observed) < abs(best - observed) { best = d }
        return Double(best)
    }
}
