import CGEOS

/// The seven geometry types of GeoJSON, numbered as GEOS numbers them.
public enum GeometryType: Int32, Sendable {
    /// A single position.
    case point = 0
    /// A line of two points or more.
    case lineString = 1
    /// A closed ring, GEOS's own type; GeoJSON writes it as a LineString.
    case linearRing = 2
    /// A polygon: one exterior ring and optional holes.
    case polygon = 3
    /// A collection of points.
    case multiPoint = 4
    /// A collection of lines.
    case multiLineString = 5
    /// A collection of polygons.
    case multiPolygon = 6
    /// A collection of geometries of any types.
    case geometryCollection = 7

    /// The GeoJSON `type` member: "Polygon", "MultiLineString" and so on.
    public var geoJSONName: String {
        switch self {
        case .point: return "Point"
        case .lineString, .linearRing: return "LineString"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    /// Whether the type is Polygon or MultiPolygon: what a control area or a pocket must be.
    public var isPolygonal: Bool { self == .polygon || self == .multiPolygon }
    /// Whether the type is a line or lines: what a route must be.
    public var isLineal: Bool { self == .lineString || self == .linearRing || self == .multiLineString }
    /// Whether the type is Point or MultiPoint.
    public var isPuntal: Bool { self == .point || self == .multiPoint }
}

/// A GEOS geometry. It owns exactly one GEOS pointer and destroys it once, in
/// `deinit`; a part borrowed from a collection keeps its parent alive instead.
public final class Geometry {
    let pointer: OpaquePointer
    /// The context that made the geometry; every operation on it runs there.
    public let context: GEOSContext
    /// The collection this part belongs to, when the pointer is borrowed.
    private let parent: Geometry?

    /// Takes ownership of a pointer GEOS handed over.
    init(owning pointer: OpaquePointer, context: GEOSContext) {
        self.pointer = pointer
        self.context = context
        self.parent = nil
    }

    private init(borrowing pointer: OpaquePointer, of parent: Geometry, context: GEOSContext? = nil) {
        self.pointer = pointer
        self.context = context ?? parent.context
        self.parent = parent
    }

    /// The same geometry, borrowed, with its operations run in `other`: for reading it on a
    /// side thread while its own context works elsewhere. Results are made in `other`. The
    /// geometry must not change, nor be read by its own thread in a way that fills GEOS's
    /// lazily kept envelopes, while the view is in use.
    package func viewed(in other: GEOSContext) -> Geometry {
        Geometry(borrowing: pointer, of: self, context: other)
    }

    deinit {
        if parent == nil { GEOSGeom_destroy_r(context.handle, pointer) }
    }

    var h: GEOSContextHandle_t { context.handle }

    /// The geometry's type as GEOS reports it.
    public var type: GeometryType {
        GeometryType(rawValue: GEOSGeomTypeId_r(h, pointer)) ?? .geometryCollection
    }

    /// Whether the geometry has no points at all.
    public var isEmpty: Bool { GEOSisEmpty_r(h, pointer) == 1 }

    /// Number of parts of a collection; 1 for a single geometry.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(h, pointer)) }

    /// Part `i` of a collection, borrowed (its parent stays alive while it lives).
    public func part(_ i: Int) -> Geometry {
        precondition(i >= 0 && i < partCount, "part index out of range")
        let p = GEOSGetGeometryN_r(h, pointer, Int32(i))!
        return Geometry(borrowing: p, of: self)
    }

    /// The parts of a collection (or the geometry itself), borrowed.
    public var parts: [Geometry] {
        let n = partCount
        if n == 1 && !type.isCollection { return [self] }
        return (0..<n).map(part)
    }

    /// How many positions the geometry has, over all its parts and rings.
    package var coordinateCount: Int { max(0, Int(GEOSGetNumCoordinates_r(h, pointer))) }

    /// An independent deep copy.
    public func clone() throws -> Geometry {
        try context.make("clone") { GEOSGeom_clone_r($0, pointer) }
    }

    /// The same geometry owned by another context (for handing work to another worker).
    public func copy(into other: GEOSContext) throws -> Geometry {
        try other.make("clone") { GEOSGeom_clone_r($0, pointer) }
    }

    /// Exterior ring of a polygon, borrowed.
    public var exteriorRing: Geometry? {
        guard type == .polygon, let r = GEOSGetExteriorRing_r(h, pointer) else { return nil }
        return Geometry(borrowing: r, of: self)
    }

    /// Number of holes of a polygon; 0 for anything else.
    public var interiorRingCount: Int { type == .polygon ? Int(GEOSGetNumInteriorRings_r(h, pointer)) : 0 }

    /// Interior ring `i` of a polygon, borrowed.
    public func interiorRing(_ i: Int) -> Geometry? {
        guard i >= 0 && i < interiorRingCount, let r = GEOSGetInteriorRingN_r(h, pointer, Int32(i)) else { return nil }
        return Geometry(borrowing: r, of: self)
    }

    /// Coordinates of a point, line or ring as (x, y) pairs.
    public var coordinates: [Coordinate] {
        guard let seq = GEOSGeom_getCoordSeq_r(h, pointer) else { return [] }
        var n: UInt32 = 0
        GEOSCoordSeq_getSize_r(h, seq, &n)
        if n == 0 { return [] }
        var out = [Coordinate](repeating: Coordinate(0, 0), count: Int(n))
        out.withUnsafeMutableBytes { buf in
            _ = GEOSCoordSeq_copyToBuffer_r(h, seq, buf.baseAddress!.assumingMemoryBound(to: Double.self), 0, 0)
        }
        return out
    }

    /// Bounding box (minX, minY, maxX, maxY); nil for an empty geometry.
    public var bounds: Bounds? {
        if isEmpty { return nil }
        var b = Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        // One call for the four (the box is asked for often: indexes, clips, windows).
        guard GEOSGeom_getExtent_r(h, pointer, &b.minX, &b.minY, &b.maxX, &b.maxY) == 1 else { return nil }
        return b
    }
}

extension GeometryType {
    /// Whether the type is one of the four collections.
    public var isCollection: Bool { rawValue >= 4 }
}

/// One x, y pair (lon, lat in degrees, or easting, northing in metres). Laid out as two doubles.
public struct Coordinate: Equatable, Hashable, Sendable {
    /// Longitude in degrees, or easting in metres.
    public var x: Double
    /// Latitude in degrees, or northing in metres.
    public var y: Double
    /// A coordinate from x then y: longitude before latitude, as GeoJSON writes them.
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned box, in degrees for lon/lat or metres in a projected CRS.
public struct Bounds: Equatable, Sendable {
    /// The west edge: least longitude or easting.
    public var minX: Double
    /// The south edge: least latitude or northing.
    public var minY: Double
    /// The east edge: greatest longitude or easting.
    public var maxX: Double
    /// The north edge: greatest latitude or northing.
    public var maxY: Double
    /// A box from its four edges; `minX` ≤ `maxX` and `minY` ≤ `maxY`.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    /// The middle of the box, for instance to centre a projection on.
    public var center: Coordinate { Coordinate((minX + maxX) / 2, (minY + maxY) / 2) }
    /// The smallest box holding both boxes.
    public func union(_ o: Bounds) -> Bounds {
        Bounds(minX: Swift.min(minX, o.minX), minY: Swift.min(minY, o.minY),
               maxX: Swift.max(maxX, o.maxX), maxY: Swift.max(maxY, o.maxY))
    }
    /// The box grown by `d` on every side (shrunk when negative), in the box's units.
    public func expanded(by d: Double) -> Bounds {
        Bounds(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }
    /// Whether the boxes overlap or touch.
    public func intersects(_ o: Bounds) -> Bool {
        minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY
    }
}
