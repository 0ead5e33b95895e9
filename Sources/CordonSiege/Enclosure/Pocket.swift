import CordonCore
import CordonGeometry

/// A connected part of the besieged side's ground on one date, and what the model says of it.
public struct Pocket {
    /// Rank by descending geodesic area, from 0. On a timeline, the number that follows its
    /// ground from period to period (docs/design.md#pocket-numbers).
    public var index: Int
    /// The besieged controller whose ground it is.
    public var controller: String
    /// Lon/lat.
    public var geometry: Geometry
    /// True when its zone (with the allies' ground) comes no closer than t to the way out.
    public var encircled: Bool
    /// Geodesic area on WGS84 in km², holes subtracted.
    public var areaKm2: Double
    /// Geodesic length of the exterior rings in km; holes do not count.
    public var perimeterKm: Double
    /// Share of the boundary within t of hostile ground.
    public var hostileShare: Double
    /// Residents inside by areal weighting.
    public var population: Double
    /// Metres of hostile advance that would encircle or overrun it; 0 when encircled,
    /// nil when not computed or when no hostile ground can close it.
    public var closureM: Double?
    /// Districts more than half inside, when districts were given.
    public var districts: [String]?
    /// First day of the current, unbroken encirclement (timeline only); nil when open or
    /// encircled since before the map begins.
    public var since: Day?
    /// The period in which this holds (timeline), or the date asked.
    public var period: Period?

    /// "encircled" or "open", as the `status` property writes it.
    public var status: String { encircled ? "encircled" : "open" }
}
