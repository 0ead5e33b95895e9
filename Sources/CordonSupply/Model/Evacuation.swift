import CordonCore

/// People leaving the pocket: up to `perDay` a day on [`from`, `until`), at most `maxTotal` in all.
public struct Evacuation: Sendable, Equatable {
    /// The first day people leave; nil for from the start of the simulation.
    public var from: Day?
    /// The first day nobody leaves any more; nil for until the end.
    public var until: Day?
    /// People leaving each day, while anyone is left and the cap is not reached.
    public var perDay: Double
    /// Cap on everyone this rule ever takes out; infinity when there is none.
    public var maxTotal: Double
    /// The corridor people leave through. A label only in the supply model: the access
    /// timeline gates inflows, and the pipeline that knows corridors decides the rest.
    public var corridor: String?

    /// An evacuation rule.
    /// - Parameters:
    ///   - from: The first day people leave; nil for from the start.
    ///   - until: The first day nobody leaves; nil for until the end.
    ///   - perDay: People a day.
    ///   - maxTotal: The most people this rule takes out in all.
    ///   - corridor: The corridor's name, for the pipeline that knows routes.
    public init(from: Day? = nil, until: Day? = nil, perDay: Double, maxTotal: Double = .infinity, corridor: String? = nil) {
        self.from = from
        self.until = until
        self.perDay = perDay
        self.maxTotal = maxTotal
        self.corridor = corridor
    }
}
