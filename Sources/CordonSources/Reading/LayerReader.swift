import CGDAL
import CordonCore
import CordonGeometry

/// Reads one OGR layer into features: reprojected to WGS84 lon/lat, curves made linear, Z and M
/// dropped (and counted), collections of one kind made Multi-, fields as JSON values.
struct LayerReader {
    let source: SourceName
    let layerName: String
    let layer: OGRLayerH
    let limits: SourceLimits
    let context: GEOSContext

    init(source: SourceName, layerName: String, layer: OGRLayerH, limits: SourceLimits, context: GEOSContext) {
        self.source = source
        self.layerName = layerName
        self.layer = layer
        self.limits = limits
        self.context = context
    }

    func fail(_ feature: Int?, _ reason: String) -> SourceError {
        SourceError(source: source, layer: layerName, feature: feature, reason)
    }

    mutating func read(_ messages: GDALCalls.Messages) throws -> SourceLayer {
        let definition = OGR_L_GetLayerDefn(layer)
        let fieldCount = definition.map { Int(OGR_FD_GetFieldCount($0)) } ?? 0
        let fieldDefinitions = (0..<fieldCount).compactMap { OGR_FD_GetFieldDefn(definition, Int32($0)) }
        let fieldNames = fieldDefinitions.map { String(cString: OGR_Fld_GetNameRef($0)) }
        let crs = try Reprojection(layer: layer, source: source, layerName: layerName)
        defer { crs.close() }

        let wkb = WKBReader(context: context)
        var features: [Feature] = [], dropped = 0, geometryBytes = 0, index = 0
        var buffer = [UInt8]()
        OGR_L_ResetReading(layer)
        while let f = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(f); index += 1 }
            guard index < limits.features else {
                throw fail(nil, "holds more than the limit of \(limits.features) features")
            }
            var properties = JSONObject()
            for (i, d) in fieldDefinitions.enumerated() {
                if let v = FieldValue.json(f, Int32(i), d) { properties[fieldNames[i]] = v }
            }
            let fid = OGR_F_GetFID(f)
            var geometry: Geometry?
            if let g = OGR_F_GetGeometryRef(f) {
                if OGR_G_Is3D(g) != 0 || OGR_G_IsMeasured(g) != 0 { dropped += 1 }
                try crs.toLonLat(g, feature: index, messages: messages)
                guard let flat = Self.linearTwoD(g) else { throw fail(index, messages.reason("cannot make the geometry linear")) }
                defer { if flat != g { OGR_G_DestroyGeometry(flat) } }
                let size = Int(OGR_G_WkbSize(flat))
                geometryBytes += size
                if geometryBytes > limits.geometryBytes {
                    throw fail(nil, "holds more geometry than the limit of \(limits.geometryBytes >> 20) MiB")
                }
                buffer = [UInt8](repeating: 0, count: size)
                let err = buffer.withUnsafeMutableBufferPointer { OGR_G_ExportToIsoWkb(flat, wkbNDR, $0.baseAddress) }
                guard err == OGRERR_NONE else { throw fail(index, "cannot export the geometry") }
                do {
                    geometry = try wkb.read(buffer)
                } catch {
                    throw fail(index, "unreadable geometry: \(error)")
                }
            }
            features.append(Feature(geometry: geometry, properties: properties,
                                    id: fid == OGRNullFID ? nil : .number(Double(fid))))
        }
        if let last = messages.errors.last {
            throw fail(nil, "stopped reading at feature \(index): \(GDALCalls.Messages.oneLine(last))")
        }
        return SourceLayer(source: source, name: layerName, features: features, driver: "",
                           reprojectedFrom: crs.reprojectedFrom, droppedDimensions: dropped, fields: fieldNames)
    }

    /// A 2-D, linear copy of `g` (or `g` itself when it is already so), with a collection whose
    /// parts are all polygons, lines or points made the matching Multi- type, as KML writes them.
    private static func linearTwoD(_ g: OGRGeometryH) -> OGRGeometryH? {
        var out = g
        if OGR_G_HasCurveGeometry(g, 0) != 0 {
            guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else { return nil }
            out = linear
        } else if OGR_G_Is3D(g) != 0 || OGR_G_IsMeasured(g) != 0 || isCollection(g) {
            guard let copy = OGR_G_Clone(g) else { return nil }
            out = copy
        }
        if out != g {
            OGR_G_FlattenTo2D(out)
            OGR_G_SetMeasured(out, 0)
            if isCollection(out), let target = uniformMulti(out) {
                out = OGR_G_ForceTo(out, target, nil)
            }
        }
        return out
    }

    private static func isCollection(_ g: OGRGeometryH) -> Bool {
        OGR_GT_Flatten(OGR_G_GetGeometryType(g)) == wkbGeometryCollection
    }

    private static func uniformMulti(_ g: OGRGeometryH) -> OGRwkbGeometryType? {
        var kinds = Set<UInt32>()
        for i in 0..<OGR_G_GetGeometryCount(g) {
            guard let part = OGR_G_GetGeometryRef(g, i) else { continue }
            switch OGR_GT_Flatten(OGR_G_GetGeometryType(part)) {
            case wkbPolygon, wkbMultiPolygon: kinds.insert(wkbMultiPolygon.rawValue)
            case wkbLineString, wkbMultiLineString: kinds.insert(wkbMultiLineString.rawValue)
            case wkbPoint, wkbMultiPoint: kinds.insert(wkbMultiPoint.rawValue)
            default: return nil
            }
        }
        guard kinds.count == 1, let only = kinds.first else { return nil }
        return OGRwkbGeometryType(rawValue: only)
    }
}
