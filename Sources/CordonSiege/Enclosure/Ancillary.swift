import CordonGeometry

/// A population layer feature: residents spread evenly over its area.
public struct PopulationArea {
    /// The area, a polygon or multipolygon in lon/lat.
    public let geometry: Geometry
    /// Residents living in the area.
    public let population: Double
    /// An area of `population` residents spread evenly over `geometry` (lon/lat).
    public init(geometry: Geometry, population: Double) {
        self.geometry = geometry
        self.population = population
    }
}

/// A named district (neighbourhood, camp, quarter) to list inside pockets.
public struct District {
    /// The district's name, as listed in a pocket's `districts`.
    public let name: String
    /// Lon/lat polygon or multipolygon; for road access (``AccessPlace``) a point may stand for one.
    public let geometry: Geometry
    /// Residents, when the districts file gives `population`.
    public let population: Double?

    /// A district named `name` covering `geometry` (lon/lat), with its residents when known.
    public init(name: String, geometry: Geometry, population: Double? = nil) {
        self.name = name
        self.geometry = geometry
        self.population = population
    }
}

/// Layers that come with a map: ways out, population, districts. All lon/lat.
public struct EnclosureLayers {
    /// Points or polygons that count as the way out instead of the study area's edge.
    public var bases: [Geometry]?
    /// Residents, instead of the map features' `population`.
    public var population: [PopulationArea]?
    /// Named districts to list inside pockets.
    public var districts: [District]?

    /// The layers to use; nil leaves a layer out.
    public init(bases: [Geometry]? = nil, population: [PopulationArea]? = nil, districts: [District]? = nil) {
        self.bases = bases
        self.population = population
        self.districts = districts
    }

    /// The same layers, cloned into another context (for a worker).
    func copy(into ctx: GEOSContext) throws -> EnclosureLayers {
        EnclosureLayers(
            bases: try bases?.map { try $0.copy(into: ctx) },
            population: try population?.map { PopulationArea(geometry: try $0.geometry.copy(into: ctx), population: $0.population) },
            districts: try districts?.map {
                District(name: $0.name, geometry: try $0.geometry.copy(into: ctx), population: $0.population)
            })
    }
}
