/// What an enclosure analysis is asked (docs/design.md#pockets).
public struct EnclosureOptions: Sendable {
    /// The controller whose pockets are sought.
    public var besieged: String
    /// Controllers whose ground the besieged may cross.
    public var allies: [String]
    /// Controllers whose ground is neither a way out nor hostile (docs/design.md#neutral-ground).
    public var neutral: [String]
    /// Metres: areas closer than this count as joined (morphological closing). 0: no joining.
    public var snap: Double
    /// Whether to search each open pocket's closure distance (the slowest step).
    public var closure: Bool

    /// The question of an enclosure analysis.
    /// - Parameters:
    ///   - besieged: The controller whose pockets are sought, as the map names it.
    ///   - allies: Controllers whose ground the besieged side may cross.
    ///   - neutral: Controllers whose ground is not hostile but not passable either, unless
    ///     also listed in `allies`.
    ///   - snap: Metres; gaps narrower than this are closed (0 to 10,000).
    ///   - closure: Whether to search how far hostile ground must advance to close each open pocket.
    public init(besieged: String, allies: [String] = [], neutral: [String] = [], snap: Double = 0,
                closure: Bool = true) {
        self.besieged = besieged
        self.allies = allies
        self.neutral = neutral
        self.snap = snap
        self.closure = closure
    }

    /// Contact and reach tolerance t = max(S, 1 m).
    public var tolerance: Double { max(snap, 1) }

    /// Whether the besieged side may cross ground held by `controller`: its own or an ally's.
    public func isPassable(_ controller: String) -> Bool {
        controller == besieged || allies.contains(controller)
    }

    /// Whether ground held by `controller` is neutral: listed in `neutral` and not besieged.
    public func isNeutral(_ controller: String) -> Bool {
        controller != besieged && neutral.contains(controller)
    }

    /// Whether ground held by `controller` is hostile: neither passable nor neutral.
    public func isHostile(_ controller: String) -> Bool {
        !isPassable(controller) && !neutral.contains(controller)
    }
}
