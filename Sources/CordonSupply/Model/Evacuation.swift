import CordonCore

/// People leaving the pocket: up to `perDay` a day on [`from`, `until`), at most `maxTotal` in all.
public struct Evacuation: Sendable, Equatable {
    public var from: Day?
    public var until: Day?
    public var perDay: Double
    /// Cap on everyone this rule ever takes out; infinity when there is none.
    public var maxTotal: Double
    /// The corridor people leave through. A label only in the supply model: the access
    /// timeline gates inflows, and the pipeline that knows corridors decides the rest.
    public var corridor: String?

    public init(from: Day? = nil, until: Day? = nil, perDay: Double, maxTotal: Double = .infinity, corridor: String? = nil) {
        self.from = from
        self.until = until
        self.perDay = perDay
        self.maxTotal = maxTotal
        self.corridor = corridor
    }
}
