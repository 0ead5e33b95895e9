import ArgumentParser
import CordonSources

/// Options that say which layer of the map's source to read and which of its fields hold what
/// Cordon reads, for maps drawn in other schemas (docs/scenario.md#sources).
struct FieldMappingOptions: ParsableArguments {
    @Option(help: "The map's layer, for a source with several (a GeoPackage, a database, a KML).")
    var layer: String?
    @Option(name: .customLong("controller-field"), help: "The field holding who holds each area (default: controller).")
    var controllerField: String?
    @Option(name: .customLong("values"), parsing: .singleValue,
            help: "What the controller field's values stand for: VALUE=CONTROLLER, comma-separated or repeated; CONTROLLER `ignore` leaves those features out.")
    var values: [String] = []
    @Option(name: .customLong("from-field"), help: "The field holding the first day held (default: from).")
    var fromField: String?
    @Option(name: .customLong("until-field"), help: "The field holding the first day no longer held (default: until).")
    var untilField: String?
    @Option(name: .customLong("name-field"), help: "The field holding each area's name (default: name).")
    var nameField: String?
    @Option(name: .customLong("population-field"), help: "The field holding residents (default: population).")
    var populationField: String?

    /// The mapping asked for; `--values` entries split at their first `=`.
    func mapping() throws -> FieldMapping {
        var pairs: [(String, FieldMapping.ControllerValue)] = []
        for entry in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: true) }) {
            guard let eq = entry.firstIndex(of: "=") else {
                throw ValidationError("--values entry '\(entry)' is not VALUE=CONTROLLER")
            }
            let value = String(entry[..<eq]), target = String(entry[entry.index(after: eq)...])
            guard !target.isEmpty else { throw ValidationError("--values entry '\(entry)' names no controller") }
            if pairs.contains(where: { $0.0 == value }) { throw ValidationError("--values maps '\(value)' twice") }
            pairs.append((value, target == "ignore" ? .ignore : .controller(target)))
        }
        return FieldMapping(controller: controllerField, values: pairs, from: fromField, until: untilField,
                            name: nameField, population: populationField)
    }
}
