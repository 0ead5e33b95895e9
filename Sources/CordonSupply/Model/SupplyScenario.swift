import CordonCore

/// Everything the supply simulation needs: dates, people, stocks, inflows, rationing, evacuation
/// and what is uncertain about them. No geometry: routes appear only by name.
public struct SupplyScenario: Sendable, Equatable {
    public var name: String
    /// First simulated day.
    public var start: Day
    /// Last simulated day, inclusive.
    public var end: Day
    /// People inside on the first morning.
    public var population: Double
    public var supplies: [Supply]
    public var inflows: [Inflow]
    public var rationing: [RationRule]
    public var evacuation: [Evacuation]
    public var uncertainty: Uncertainty?

    public init(name: String = "", start: Day, end: Day, population: Double, supplies: [Supply],
                inflows: [Inflow] = [], rationing: [RationRule] = [], evacuation: [Evacuation] = [],
                uncertainty: Uncertainty? = nil) {
        self.name = name
        self.start = start
        self.end = end
        self.population = population
        self.supplies = supplies
        self.inflows = inflows
        self.rationing = rationing
        self.evacuation = evacuation
        self.uncertainty = uncertainty
    }

    /// Number of simulated days, `start` and `end` included.
    public var dayCount: Int { max(0, end - start + 1) }

    /// Routes named by inflows: the access timeline must know each of them.
    public var routes: [String] { Array(Set(inflows.compactMap(\.route))).sorted() }

    public func supplyIndex(of commodity: String) -> Int? { supplies.firstIndex { $0.commodity == commodity } }
}
