import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply

/// A district over a span of days in which who holds it and whether it is besieged stay the same.
public struct DistrictSpan {
    /// The district.
    public let district: District
    /// The controller holding most of its area; nil where the map leaves it blank.
    public let controller: String?
    /// More than half of it lies inside an encircled pocket.
    public let besieged: Bool
    /// The days of the span.
    public let period: Period
}

/// Who holds each district in each period of the map, and whether it is besieged, by the
/// share of its area. Shares are planar in degrees: only compared, never reported, and over a
/// district the scale varies too little to change which side holds more.
struct DistrictStates {
    let spans: [DistrictSpan]

    /// `periods`: the map's periods cut to the scenario's days, in order; `pockets`: the
    /// pockets of those periods.
    init(inputs: ScenarioInputs, periods: [Period], pockets: [Pocket], besieged: String) throws {
        guard let context = inputs.districts.first?.geometry.context else { spans = []; return }
        let map = inputs.map
        var spans: [DistrictSpan] = []
        for district in inputs.districts {
            let area = try district.geometry.planarArea()
            let box = district.geometry.bounds
            var last: DistrictSpan?
            for period in periods {
                let day = period.from
                var held: [String: Double] = [:]
                for i in map.indices(on: day) {
                    let a = map.areas[i]
                    guard let b = a.geometry.bounds, let box, b.intersects(box) else { continue }
                    let shared = try district.geometry.intersection(a.geometry).planarArea()
                    if shared > 0 { held[a.controller, default: 0] += shared }
                }
                let controller = held.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
                var inside = 0.0
                for p in pockets where p.period == period && p.encircled && p.controller == besieged {
                    let g = try p.geometry.copy(into: context)
                    guard let b = g.bounds, let box, b.intersects(box) else { continue }
                    inside += try district.geometry.intersection(g).planarArea()
                }
                let state = DistrictSpan(district: district, controller: controller, besieged: inside > area / 2, period: period)
                if let l = last, l.controller == state.controller, l.besieged == state.besieged, l.period.until == period.from {
                    last = DistrictSpan(district: district, controller: l.controller, besieged: l.besieged,
                                        period: Period(from: l.period.from, until: period.until))
                } else {
                    if let l = last { spans.append(l) }
                    last = state
                }
            }
            if let l = last { spans.append(l) }
        }
        self.spans = spans
    }
}
