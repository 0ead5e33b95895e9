import CordonCore
import CordonGeometry

/// One stretch of a pocket's boundary and what lies across it (docs/design.md#fronts).
public struct Front {
    /// What lies across a stretch of boundary.
    public enum Across: Hashable, Sendable, CustomStringConvertible {
        /// Ground held by this controller (another pocket of the besieged side included).
        case controller(String)
        /// Ground held by a neutral party (docs/design.md#neutral-ground), every neutral controller together.
        case neutral
        /// The edge of the study area: the map says nothing beyond it.
        case edge
        /// A gap in the map, wider than the tolerance: nobody's ground.
        case gap

        /// The name written in the `across` property: the controller's name, "neutral", "edge" or "gap".
        public var description: String {
            switch self {
            case .controller(let name): return name
            case .neutral: return "neutral"
            case .edge: return "edge"
            case .gap: return "gap"
            }
        }
    }

    /// What lies across this stretch.
    public var across: Across
    /// Lines, lon/lat.
    public var geometry: Geometry
    /// Geodesic length.
    public var lengthKm: Double
}

extension Front {
    /// The front as a GeoJSON feature: `across` and `length_km` (6 decimals, about a millimetre).
    public func feature() -> Feature {
        Feature(geometry: geometry, properties: ["across": .string(across.description),
                                                 "length_km": .number(NumberText.rounded(lengthKm, places: 6))])
    }
}
