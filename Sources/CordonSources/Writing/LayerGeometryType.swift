import CGDAL
import CordonGeometry

/// A layer's declared geometry type: the single type when all features share one; polygons
/// mixed with multipolygons (and likewise lines, points) as the Multi- type, each single one
/// promoted, because QGIS splits a layer of mixed types into one sublayer per type; any
/// other mixture (or no geometry at all) the generic type.
struct LayerGeometryType {
    let ogrType: OGRwkbGeometryType

    init(_ geometries: [Geometry]) {
        let kinds = Set(geometries.map(\.type))
        if kinds.count == 1, let only = kinds.first, let single = Self.ogr[only] {
            ogrType = single
        } else if !kinds.isEmpty, kinds.allSatisfy(\.isPolygonal) {
            ogrType = wkbMultiPolygon
        } else if !kinds.isEmpty, kinds.allSatisfy({ $0 == .lineString || $0 == .multiLineString }) {
            ogrType = wkbMultiLineString
        } else if !kinds.isEmpty, kinds.allSatisfy(\.isPuntal) {
            ogrType = wkbMultiPoint
        } else {
            ogrType = wkbUnknown
        }
    }

    /// `g` in the layer's type (a Polygon made a MultiPolygon of one when the layer is Multi-).
    func conform(_ g: OGRGeometryH) -> OGRGeometryH {
        switch (ogrType, OGR_GT_Flatten(OGR_G_GetGeometryType(g))) {
        case (wkbMultiPolygon, wkbPolygon): return OGR_G_ForceToMultiPolygon(g)
        case (wkbMultiLineString, wkbLineString): return OGR_G_ForceToMultiLineString(g)
        case (wkbMultiPoint, wkbPoint): return OGR_G_ForceToMultiPoint(g)
        default: return g
        }
    }

    private static let ogr: [GeometryType: OGRwkbGeometryType] = [
        .point: wkbPoint, .lineString: wkbLineString, .polygon: wkbPolygon, .multiPoint: wkbMultiPoint,
        .multiLineString: wkbMultiLineString, .multiPolygon: wkbMultiPolygon, .geometryCollection: wkbGeometryCollection,
    ]
}
