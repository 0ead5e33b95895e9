import CordonCore

/// Something that was seen to happen during the siege, with its source: the yardstick a
/// hindcast scores the model against and calibration fits it to.
public struct Observation: Sendable, Equatable {
    /// What was observed.
    public enum What: Sendable, Hashable {
        /// `<commodity>.depleted`: the stock was seen to run out on the date.
        case depleted(String)
        /// `<commodity>.restored`: supplies of it were seen to come back on the date.
        case restored(String)
        /// `siege.start`: the siege was seen to close.
        case siegeStart
        /// `siege.end`: the siege was seen to end.
        case siegeEnd
        /// `population`: people inside on the date (`value`).
        case population
        /// `<commodity>.price_multiple`: its price as a multiple of the price before the siege (`value`).
        case priceMultiple(String)

        /// The commodity it concerns, if any.
        public var commodity: String? {
            switch self {
            case .depleted(let c), .restored(let c), .priceMultiple(let c): return c
            case .siegeStart, .siegeEnd, .population: return nil
            }
        }

        /// Whether the observation carries a number (`value`) as well as a date.
        public var needsValue: Bool {
            switch self {
            case .population, .priceMultiple: return true
            default: return false
            }
        }

        /// As the scenario file spells it: `food.depleted`, `siege.start`, `population`.
        public var spelling: String {
            switch self {
            case .depleted(let c): return "\(c).depleted"
            case .restored(let c): return "\(c).restored"
            case .siegeStart: return "siege.start"
            case .siegeEnd: return "siege.end"
            case .population: return "population"
            case .priceMultiple(let c): return "\(c).price_multiple"
            }
        }

        /// Reads a spelling; nil when it is none of the forms above.
        public init?(spelling: String) {
            switch spelling {
            case "siege.start": self = .siegeStart
            case "siege.end": self = .siegeEnd
            case "population": self = .population
            default:
                guard let dot = spelling.lastIndex(of: "."), dot > spelling.startIndex else { return nil }
                let commodity = String(spelling[..<dot])
                switch spelling[spelling.index(after: dot)...] {
                case "depleted": self = .depleted(commodity)
                case "restored": self = .restored(commodity)
                case "price_multiple": self = .priceMultiple(commodity)
                default: return nil
                }
            }
        }

        /// The suffixes a commodity takes, for messages.
        public static let commodityForms = ["depleted", "restored", "price_multiple"]
    }

    /// The day it was observed.
    public var date: Day
    /// What was observed.
    public var what: What
    /// The number observed, for `population` and `price_multiple`.
    public var value: Double?
    /// Where it comes from: a citation a reader can follow.
    public var source: String
    /// A short note in words ("25 of 37 bakeries working"), optional.
    public var note: String?

    /// An observation.
    public init(date: Day, what: What, value: Double? = nil, source: String, note: String? = nil) {
        self.date = date
        self.what = what
        self.value = value
        self.source = source
        self.note = note
    }
}
