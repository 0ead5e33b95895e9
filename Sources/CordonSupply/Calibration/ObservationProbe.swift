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
    /// Supplies in the scenario.
    let commodities: Int
    /// Run-outs and restorations to read: the observation, the supply, the observed day index.
    let depleted: [(o: Int, c: Int, day: Int)]
    let restored: [(o: Int, c: Int, day: Int)]
    /// Price multiples to read: the observation, the supply, the day index.
    let prices: [(o: Int, c: Int, day: Int)]
    let population: [(o: Int, day: Int)]

    init(_ scenario: SupplyScenario) {
        var depleted: [(Int, Int, Int)] = [], restored: [(Int, Int, Int)] = [], prices: [(Int, Int, Int)] = [],
            population: [(Int, Int)] = []
        for (o, observation) in scenario.observations.enumerated() where scenario.models(observation) {
            let day = observation.date - scenario.start
            switch observation.what {
            case .depleted(let name): if let c = scenario.supplyIndex(of: name) { depleted.append((o, c, day)) }
            case .restored(let name): if let c = scenario.supplyIndex(of: name) { restored.append((o, c, day)) }
            case .priceMultiple(let name): if let c = scenario.supplyIndex(of: name) { prices.append((o, c, day)) }
            case .population: population.append((o, day))
            case .siegeStart, .siegeEnd: break
            }
        }
        count = scenario.observations.count
        commodities = scenario.supplies.count
        self.depleted = depleted
        self.restored = restored
        self.prices = prices
        self.population = population
    }

    /// Numbers one run's ``ObservationRecorder`` keeps: for each supply its day-0 days of supply,
    /// whether it is short and its last stock; then each observation's outcome so far.
    var width: Int { 3 * commodities + count }

    /// Sets `state` (``width`` numbers) to a run's first morning: nothing seen, every run-out and
    /// restoration asked for not yet happened (infinity), everything else not modelled (NaN).
    func start(_ state: UnsafeMutablePointer<Double>) {
        let n = commodities
        for c in 0..<n {
            state[c] = .nan
            state[n + c] = 0
            state[2 * n + c] = .infinity
        }
        for o in 0..<count { state[3 * n + o] = .nan }
        for p in depleted { state[3 * n + p.o] = .infinity }
        for p in restored { state[3 * n + p.o] = .infinity }
    }

    /// The outcomes in a run's `state`, copied to `out[0..<count]`.
    func outcomes(_ state: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        out.update(from: state + 3 * commodities, count: count)
    }
}

/// Records, in one run, what the probe asks: the run-out (its stock reaching 0 after a day with
/// some) and the restoration (the first day without a shortfall after one with it) of each supply
/// nearest the day observed, the price index and the people inside on the observed days.
///
/// Everything it knows is in `state` (``ObservationProbe/width`` numbers, set by
/// ``ObservationProbe/start(_:)``), so a run taken a stretch of days at a time (Monte Carlo)
/// goes on where it stopped, with the same outcomes as one taken whole.
struct ObservationRecorder: DayRecorder {
    let probe: ObservationProbe
    let priceModels: [PriceModel?]
    let state: UnsafeMutablePointer<Double>

    init(probe: ObservationProbe, scenario: SupplyScenario, state: UnsafeMutablePointer<Double>) {
        self.probe = probe
        priceModels = scenario.supplies.map(\.price)
        self.state = state
    }

    private var outcome: UnsafeMutablePointer<Double> { state + 3 * probe.commodities }

    mutating func population(day: Int, population: Double, evacuated: Double) {
        for p in probe.population where p.day == day { outcome[p.o] = population }
    }

    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        let n = probe.commodities
        if day == 0 { state[c] = record.daysLeft }
        // As the engine's depletion day, for the first run-out; a refilled stock can run out again.
        if record.stock == 0, state[2 * n + c] > 0 {
            for p in probe.depleted where p.c == c { nearer(day, p.o, to: p.day) }
        }
        state[2 * n + c] = record.stock
        // As `SupplyRun.restorations`: the first day without a shortfall after one with it.
        if record.shortfall > 0 {
            state[n + c] = 1
        } else if state[n + c] != 0 {
            state[n + c] = 0
            for p in probe.restored where p.c == c { nearer(day, p.o, to: p.day) }
        }
        for p in probe.prices where p.c == c && p.day == day {
            if let model = priceModels[c] { outcome[p.o] = model.multiple(daysLeft: record.daysLeft, atStart: state[c]) }
        }
    }

    mutating func endOfDay(_ day: Int, population: Double, moved: PeopleMoved) {
        // The timeline's population is the end of the day's, after deaths, arrivals and departures.
        for p in probe.population where p.day == day { outcome[p.o] = population }
    }

    /// Keeps `day` as observation `o`'s outcome when it is nearer the day `observed` than the
    /// one kept (the earlier on a tie; infinity, none yet, is farther than any). A dated
    /// observation is compared with the episode it most likely describes, so a second run-out
    /// is not scored against the first.
    private func nearer(_ day: Int, _ o: Int, to observed: Int) {
        if abs(Double(day - observed)) < abs(outcome[o] - Double(observed)) { outcome[o] = Double(day) }
    }
}
