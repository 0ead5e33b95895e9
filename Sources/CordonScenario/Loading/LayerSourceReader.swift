import CordonSources

/// A layer as a scenario names it: a path (`map: map.geojson`, or QGIS's `data.gpkg|layername=x`),
/// or a mapping with `source`, `layer`, and for the map `fields` and `values`.
struct LayerSourceKey {
    var path: String
    var layer: String?
    var mapping = FieldMapping()
}

extension Field {
    /// The source this key names; `fieldsAllowed` lets `fields` and `values` be given (the map only).
    func layerSource(fieldsAllowed: Bool) throws -> LayerSourceKey {
        guard case .mapping = node else {
            let text = try string()
            guard !text.isEmpty else { throw error("must name a file or a source") }
            if let bar = text.range(of: "|layername=") {
                return LayerSourceKey(path: String(text[..<bar.lowerBound]), layer: String(text[bar.upperBound...]))
            }
            return LayerSourceKey(path: text)
        }
        let section = try self.section(fieldsAllowed ? ScenarioKeys.mapSource : ScenarioKeys.layerSource)
        let sourceField = try section.required("source", "the file or PG: connection to read")
        let path = try sourceField.string()
        guard !path.isEmpty else { throw sourceField.error("must name a file or a source") }
        var key = LayerSourceKey(path: path, layer: try section.optional("layer")?.string())
        if let fields = section.optional("fields") {
            let f = try fields.section(ScenarioKeys.mapFields)
            key.mapping.controller = try f.optional("controller")?.string()
            key.mapping.from = try f.optional("from")?.string()
            key.mapping.until = try f.optional("until")?.string()
            key.mapping.name = try f.optional("name")?.string()
            key.mapping.population = try f.optional("population")?.string()
        }
        if let values = section.optional("values") {
            key.mapping.values = try values.entries().map { value, target in
                let name = try target.string()
                guard !name.isEmpty else { throw target.error("must name a controller, or ignore") }
                return (value, name == "ignore" ? .ignore : .controller(name))
            }
        }
        return key
    }
}
