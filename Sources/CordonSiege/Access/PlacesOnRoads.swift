import CordonCore
import CordonGeometry

/// Districts or population points met with a road network: each place's point (a district's
/// representative point) and where it meets the road nearest it. It needs the roads alone, not
/// the map, so `cordon access` finds it while another thread reads the map.
public struct PlacesOnRoads: @unchecked Sendable {
    /// The places, in the order given.
    public let places: [AccessPlace]
    /// Each place's point, lon/lat.
    let points: [Coordinate]
    /// Where each place meets the road nearest it.
    let roads: [RoadAttachment]

    /// `places` met with the roads of `network`.
    /// - Throws: A `GeometryError` for a place without a point.
    public init(_ places: [AccessPlace], network: RoadNetwork) throws {
        self.places = places
        let points = try places.map { p in
            try (p.geometry.type == .point ? p.geometry : p.geometry.representativePoint()).coordinates[0]
        }
        self.points = points
        let grid = network.grid
        // Without GEOS, on two threads from a few thousand places on.
        roads = try inHalves(count: points.count) { r in
            try points[r].map { try RoadAttachment.nearest($0, index: grid, network: network) }
        }
    }
}
