/// Rationing: when fewer than `belowDays` days of supply are left, hand out only `ration` of full need.
public struct RationRule: Sendable, Equatable {
    /// The threshold: the rule applies while fewer than this many days of supply are left.
    public var belowDays: Double
    /// Share of full need handed out, 0…1.
    public var ration: Double

    /// A rule handing out `ration` (0 to 1) of full need while fewer than `belowDays` days of supply are left.
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

    /// The floor of the first rule whose threshold lies above `daysLeft`, found by halving,
    /// so a file with thousands of rules costs no more per day than one with three.
    @inline(__always)
    func ration(daysLeft: Double) -> Double {
        var lo = 0, hi = thresholds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if thresholds[mid] > daysLeft { hi = mid } else { lo = mid + 1 }
        }
        return lo < floor.count ? floor[lo] : 1
    }
}
