/// Rationing: when fewer than `belowDays` days of supply are left, hand out only `ration` of full need.
public struct RationRule: Sendable, Equatable {
    public var belowDays: Double
    /// Share of full need handed out, 0…1.
    public var ration: Double

    public init(belowDays: Double, ration: Double) {
        self.belowDays = belowDays
        self.ration = ration
    }
}

/// The rationing policy: the smallest ration among the rules whose threshold lies above the days left.
struct RationPolicy: Sendable {
    // Sorted by threshold; `floor[i]` is the smallest ration among rules i… so one scan answers.
    private let thresholds: [Double]
    private let floor: [Double]

    init(_ rules: [RationRule]) {
        let sorted = rules.sorted { $0.belowDays < $1.belowDays }
        thresholds = sorted.map(\.belowDays)
        var floor = sorted.map(\.ration)
        if floor.count > 1 {
            for i in stride(from: floor.count - 2, through: 0, by: -1) { floor[i] = min(floor[i], floor[i + 1]) }
        }
        self.floor = floor
    }

    @inline(__always)
    func ration(daysLeft: Double) -> Double {
        for i in thresholds.indices where thresholds[i] > daysLeft { return floor[i] }
        return 1
    }
}
