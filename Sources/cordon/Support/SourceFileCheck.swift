import CordonGeometry
import CordonSiege
import CordonSources

/// Any source GDAL reads that is not GeoJSON (GeoPackage, Shapefile, KML/KMZ, CSV, ESRI JSON,
/// PG:...): every layer, or the one named `SOURCE|layername=NAME`, read as the analyses read it;
/// GEOS validity per feature, and for a layer with a `controller` what `enclosure` needs.
struct SourceChecker: FileChecker {
    func accepts(_ path: String) -> Bool { !SourceName(InputLayers.split(path).source).isNativeGeoJSON }

    func check(_ path: String) -> FileCheckResult {
        let (given, layer) = InputLayers.split(path)
        let source = VectorSource(SourceName(given))
        var faults: [String] = [], summaries: [String] = []
        do {
            let context = try GEOSContext()
            for name in try layer.map({ [$0] }) ?? source.layerNames() {
                let read = try source.read(layer: name, context: context)
                let shown = "\(read.source): layer \(name)"
                var entries: [(index: Int, feature: Feature)] = []
                for (i, f) in read.features.enumerated() {
                    if let g = f.geometry, let reason = try g.validityReason() {
                        faults.append("\(shown): feature \(i): invalid geometry: \(reason)")
                    }
                    entries.append((i, f))
                }
                if read.features.contains(where: { $0.properties["controller"] != nil }) {
                    faults += ControlMap.faults(file: shown, features: entries).map(\.description)
                }
                summaries.append(read.summary.replacingOccurrences(of: "\(read.source): ", with: ""))
            }
        } catch {
            faults.append("\(error)")
        }
        return FileCheckResult(faults: faults, summary: summaries.joined(separator: "; "))
    }
}
