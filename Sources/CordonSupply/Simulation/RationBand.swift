/// How much of full need people actually got on a day, in bands from best to worst.
public enum RationBand: Int, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    /// At least all of need.
    case full
    /// At least 80 %.
    case reduced
    /// At least 50 %.
    case crisis
    /// At least 20 %.
    case emergency
    /// Below 20 %.
    case catastrophe

    /// The band of a day on which `met` (0 to 1) of full need was handed out.
    public init(met: Double) {
        if met >= 1 { self = .full }
        else if met >= 0.8 { self = .reduced }
        else if met >= 0.5 { self = .crisis }
        else if met >= 0.2 { self = .emergency }
        else { self = .catastrophe }
    }

    /// Bands worse than full: the ones whose first date a run reports.
    public static let shortages: [RationBand] = [.reduced, .crisis, .emergency, .catastrophe]

    /// The band's name as `summary.json` writes it: "full", "reduced" and so on.
    public var description: String {
        switch self {
        case .full: return "full"
        case .reduced: return "reduced"
        case .crisis: return "crisis"
        case .emergency: return "emergency"
        case .catastrophe: return "catastrophe"
        }
    }

    /// Whether `a` is a better band than `b`.
    public static func < (a: RationBand, b: RationBand) -> Bool { a.rawValue < b.rawValue }
}
