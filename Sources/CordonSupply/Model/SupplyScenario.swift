import CordonCore

/// Everything the supply simulation needs: dates, people, stocks, inflows, rationing, evacuation
/// and what is uncertain about them. No geometry: routes appear only by name.
public struct SupplyScenario: Sendable, Equatable {
    /// The scenario's name, for people reading the output.
    public var name: String
    /// First simulated day.
    public var start: Day
    /// Last simulated day, inclusive.
    public var end: Day
    /// People inside on the first morning.
    public var population: Double
    /// The commodities held inside, in output order.
    public var supplies: [Supply]
    /// What comes in, in file order.
    public var inflows: [Inflow]
    /// The rationing rules; with none, everyone gets full need while stocks last.
    public var rationing: [RationRule]
    /// People leaving the pocket, in file order.
    public var evacuation: [Evacuation]
    /// Deaths, arrivals and departures other than evacuation, in file order.
    public var populationChanges: [PopulationChange] = []
    /// What Monte Carlo varies, and how many runs; nil for the central run alone.
    public var uncertainty: Uncertainty?
    /// What was observed to happen, with sources, for `hindcast` and `calibrate`.
    public var observations: [Observation] = []

    /// A scenario for the supply simulation.
    /// - Parameters:
    ///   - name: A name for the output.
    ///   - start: The first simulated day.
    ///   - end: The last simulated day, included.
    ///   - population: People inside on the first morning.
    ///   - supplies: The commodities held inside.
    ///   - inflows: What comes in.
    ///   - rationing: When rations are cut.
    ///   - evacuation: Who leaves, and when.
    ///   - populationChanges: Deaths, arrivals and departures.
    ///   - uncertainty: What Monte Carlo varies.
    public init(name: String = "", start: Day, end: Day, population: Double, supplies: [Supply],
                inflows: [Inflow] = [], rationing: [RationRule] = [], evacuation: [Evacuation] = [],
                populationChanges: [PopulationChange] = [], uncertainty: Uncertainty? = nil) {
        self.name = name
        self.start = start
        self.end = end
        self.population = population
        self.supplies = supplies
        self.inflows = inflows
        self.rationing = rationing
        self.evacuation = evacuation
        self.populationChanges = populationChanges
        self.uncertainty = uncertainty
    }

    /// Number of simulated days, `start` and `end` included.
    public var dayCount: Int { max(0, end - start + 1) }

    /// Routes named by inflows, chains included: the access timeline must know each of them.
    public var routes: [String] { Array(Set(inflows.flatMap(\.routes))).sorted() }

    /// Routes, corridors and airports named by inflows, each once, in file order.
    public var passages: [Passage] {
        var seen = Set<Passage>()
        return inflows.flatMap(\.allPassages).filter { seen.insert($0).inserted }
    }

    /// The position of `commodity` among ``supplies``, or nil when the scenario has no such supply.
    public func supplyIndex(of commodity: String) -> Int? { supplies.firstIndex { $0.commodity == commodity } }
}
