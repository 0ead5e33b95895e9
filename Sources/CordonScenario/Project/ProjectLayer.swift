/// One layer of `cordon.qgz`: a file of the run folder by its path relative to the project,
/// how QGIS draws it and, for the map layers, its days.
struct ProjectLayer {
    enum Kind {
        /// Polygons: pockets, districts.
        case area
        /// Lines: fronts, routes.
        case line
        /// A table without geometry: the timeline.
        case table
    }

    /// The layer's name in QGIS, the file's name without its extension.
    let name: String
    let kind: Kind

    /// The map layers of a run from the bottom of the drawing up (routes on top, districts at
    /// the bottom), then the timeline. A run without districts has no districts layer.
    static func all(districts: Bool) -> [ProjectLayer] {
        (districts ? [ProjectLayer(name: "districts", kind: .area)] : [])
            + [ProjectLayer(name: "pockets", kind: .area), ProjectLayer(name: "fronts", kind: .line),
               ProjectLayer(name: "routes", kind: .line), ProjectLayer(name: "timeline", kind: .table)]
    }

    /// The file in the run folder.
    var file: String { name + (kind == .table ? ".csv" : ".geojson") }

    /// Unique in the project and the same in every run.
    var id: String { "cordon_" + name }

    /// The data source as QGIS's `ogr` provider takes it, relative to the project. The timeline
    /// asks GDAL to type its columns from their values when no `timeline.csvt` says the types.
    var source: String {
        "./" + file + (kind == .table ? "|option:AUTODETECT_TYPE=YES" : "")
    }

    /// Its entry in the layers panel, ticked so that it is drawn.
    var treeEntry: String {
        let n = SVGWriter.escape(name), s = SVGWriter.escape(source)
        return """
                <layer-tree-layer id="\(id)" name="\(n)" source="\(s)" providerKey="ogr" checked="Qt::Checked" expanded="1"/>

            """
    }

    /// Its `<maplayer>`: source, CRS, days and style; the table has neither CRS nor style.
    var mapLayer: String {
        let geometry = switch kind {
        case .area: "Polygon"
        case .line: "Line"
        case .table: "No geometry"
        }
        let drawn = kind == .table ? "" : ProjectFrame.layerCRS + ProjectTime.layerDays + ProjectStyle.renderer(for: kind)
        return """
                <maplayer type="vector" geometry="\(geometry)" hasScaleBasedVisibilityFlag="0" readOnly="0">
                  <id>\(id)</id>
                  <datasource>\(SVGWriter.escape(source))</datasource>
                  <layername>\(SVGWriter.escape(name))</layername>
                  <provider encoding="UTF-8">ogr</provider>
            \(drawn)      <blendMode>0</blendMode>
                  <featureBlendMode>0</featureBlendMode>
                  <layerOpacity>1</layerOpacity>
                </maplayer>

            """
    }
}
