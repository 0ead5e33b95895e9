import CordonCore
import CordonGeometry
import CordonScenario
import CordonSources

/// Where `-o` sends a command's layers, told by its form: a GeoPackage (`FILE.gpkg`) or a
/// PostGIS database (`PG:...`) gets tables; anything else is GeoJSON (a file, or `-`) for
/// `enclosure` and `routes`, a folder for `run`, exactly as before.
enum OutputTarget {
    /// Before any work: refuses an output that is one of the inputs (a GeoPackage given as
    /// both, also as `map.gpkg|layername=control`), or a GeoPackage whose place a folder or a
    /// device holds.
    static func refuseReplacing(inputs: [String], with output: String) throws {
        try OutputChecks.refuseReplacing(inputs: inputs.map { InputLayers.split($0).source }, with: [output])
        if case .geoPackage(let path) = LayerOutput(output) { try AtomicFile.checkRenameable(path) }
    }

    /// Before any work: refuses writing `tables` into a database one of `inputs` reads from the
    /// same table (`-o PG:…` over the map's own table). Each input is a source with the layer it
    /// reads; an unnamed layer of a database is its only table.
    static func refuseReplacingTables(_ tables: [String], inputs: [(source: String, layer: String?)], output: String) throws {
        guard let out = DatabaseAddress(SourceName(output)) else { return }
        let written = Set(tables.map { out.qualified($0).lowercased() })
        for (given, asked) in inputs {
            let (source, named) = InputLayers.split(given)
            let name = SourceName(source)
            guard let address = DatabaseAddress(name), address.server == out.server else { continue }
            let layers = try (asked ?? named).map { [$0] } ?? VectorSource(name).layerNames()
            for layer in layers where written.contains(address.qualified(layer).lowercased()) {
                throw OutputReplacesInputError(output: "\(SourceName(output)) table \(layer)",
                                               input: "\(name)|layername=\(layer)")
            }
        }
    }

    /// Writes one command's features: as table `layer` into a GeoPackage or database, else as GeoJSON.
    static func write(_ features: [Feature], layer: String, to output: String) throws {
        if let target = LayerOutput(output) {
            try LayerSetWriter().write(layers: [OutputLayer(name: layer, features: features)], tables: [], to: target)
        } else {
            try GeoJSONWriter(reals: FractionalFields.names).write(features, to: output)
        }
    }

    /// The summary's last line: the files written to a folder, or the tables written to a
    /// GeoPackage or database (its password masked).
    static func writtenLine(_ written: [String], to output: String) -> String {
        guard let target = LayerOutput(output) else { return ScenarioBrief.files(written, folder: output) }
        return "Tables written to \(target): " + written.joined(separator: ", ") + "."
    }
}

// A database that refuses the connection or a statement, or a value that fits no column.
extension LayerWriteError: BadInput {}
