import CGDAL

/// From a layer's coordinate system to WGS84 lon/lat (longitude first, whatever the EPSG axis
/// order). A layer with no coordinate system is taken as lon/lat only when its coordinates are
/// degrees; otherwise reading stops with an error that says so.
struct Reprojection {
    let source: SourceName
    let layerName: String
    /// What the layer was in, when it was not already WGS84 lon/lat.
    let reprojectedFrom: String?
    private let transform: OGRCoordinateTransformationH?
    private let hasCRS: Bool

    init(layer: OGRLayerH, source: SourceName, layerName: String) throws {
        self.source = source
        self.layerName = layerName
        guard let declared = OGR_L_GetSpatialRef(layer) else {
            hasCRS = false
            transform = nil
            reprojectedFrom = nil
            return
        }
        hasCRS = true
        guard let from = OSRClone(declared), let wgs84 = OSRNewSpatialReference(nil) else {
            throw SourceError(source: source, layer: layerName, "cannot read its coordinate system")
        }
        defer { OSRDestroySpatialReference(from); OSRDestroySpatialReference(wgs84) }
        OSRSetWellKnownGeogCS(wgs84, "WGS84")
        OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER)
        OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER)
        // Lon/lat on WGS84 under any name (an ESRI .prj's GCS_WGS_1984, say) needs no transform.
        if OSRIsSame(from, wgs84) != 0 || (OSRIsGeographic(from) != 0 && OSRIsSameGeogCS(from, wgs84) != 0) {
            transform = nil
            reprojectedFrom = nil
            return
        }
        guard let t = OCTNewCoordinateTransformation(from, wgs84) else {
            throw SourceError(source: source, layer: layerName,
                              "cannot transform its coordinate system (\(Self.name(of: from))) to WGS84")
        }
        transform = t
        reprojectedFrom = Self.name(of: from)
    }

    func close() { if let transform { OCTDestroyCoordinateTransformation(transform) } }

    /// Moves `g` into lon/lat in place, or checks that it already is.
    func toLonLat(_ g: OGRGeometryH, feature: Int, messages: GDALCalls.Messages) throws {
        if let transform {
            guard OGR_G_Transform(g, transform) == OGRERR_NONE else {
                throw SourceError(source: source, layer: layerName, feature: feature,
                                  "cannot reproject to WGS84: \(messages.reason("coordinates outside the coordinate system's area"))")
            }
        }
        var e = OGREnvelope()
        OGR_G_GetEnvelope(g, &e)
        guard OGR_G_IsEmpty(g) != 0 || (e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90) else {
            let reason = hasCRS
                ? "lies outside longitude ±180 and latitude ±90 after reprojection"
                : "the layer has no coordinate system and its coordinates are not degrees (x \(e.MinX)…\(e.MaxX), y \(e.MinY)…\(e.MaxY)): give it one, e.g. ogr2ogr -a_srs EPSG:3857"
            throw SourceError(source: source, layer: layerName, feature: feature, reason)
        }
    }

    /// `EPSG:3857`, or the system's own name when it has no authority code.
    private static func name(of srs: OGRSpatialReferenceH) -> String {
        if let authority = OSRGetAuthorityName(srs, nil), let code = OSRGetAuthorityCode(srs, nil) {
            return String(cString: authority) + ":" + String(cString: code)
        }
        return OSRGetName(srs).map { String(cString: $0) } ?? "an unnamed coordinate system"
    }
}
