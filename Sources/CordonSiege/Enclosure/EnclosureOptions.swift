/// What an enclosure analysis is asked (docs/design.md#pockets).
public struct EnclosureOptions: Sendable {
    /// The controller whose pockets are sought.
    public var besieged: String
    /// Controllers whose ground the besieged may cross.
    public var allies: [String]
    /// Metres: areas closer than this count as joined (morphological closing). 0: no joining.
    public var snap: Double
    /// Whether to search each open pocket's closure distance (the slowest step).
    public var closure: Bool

    public init(besieged: String, allies: [String] = [], snap: Double = 0, closure: Bool = true) {
        self.besieged = besieged
        self.allies = allies
        self.snap = snap
        self.closure = closure
    }

    /// Contact and reach tolerance t = max(S, 1 m).
    public var tolerance: Double { max(snap, 1) }

    public func isPassable(_ controller: String) -> Bool {
        controller == besieged || allies.contains(controller)
    }
}
