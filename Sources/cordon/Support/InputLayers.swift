import CordonCore
import CordonGeometry
import CordonSiege
import CordonSources
import CordonSupply

/// Reading the sources a siege command is given, with errors that name source, layer and feature.
///
/// Any source names a layer the way QGIS does: `data.gpkg|layername=routes`. The map's layer may
/// also come from `--layer`.
struct InputLayers {
    let context: GEOSContext

    /// The features of a layer, with a warning for each that repeats an earlier one, and a line on
    /// what reading did when it did more than read GeoJSON (reprojected, dropped Z/M).
    func layer(_ given: String, layer asked: String? = nil, mapping: FieldMapping = FieldMapping()) throws
        -> (layer: SourceLayer, features: [Feature], origins: [Int]) {
        let (source, named) = Self.split(given)
        let read = try VectorSource(SourceName(source)).read(layer: asked ?? named, context: context)
        if read.driver != "GeoJSON" || read.reprojectedFrom != nil || read.droppedDimensions > 0 {
            printError("cordon: \(read.summary)")
        }
        let (features, origins) = try mapping.apply(to: read)
        warn(about: DuplicateFinder.find(features, file: read.source.description, context: context))
        return (read, features, origins)
    }

    func features(_ given: String) throws -> [Feature] { try layer(given).features }

    func controlMap(_ given: String, layer asked: String?, mapping: FieldMapping, repair: Bool) throws -> ControlMap {
        let (read, features, origins) = try layer(given, layer: asked, mapping: mapping)
        ProcessSetup.keepUntilExit(features)  // the map holds their geometry; their properties die with the process
        let file = read.source.description
        return try ControlMap(file: file, features: features, origins: origins, repair: repair) { feature, reason in
            printError("cordon: \(file): feature \(feature): repaired (\(reason))")
        }
    }

    func bases(_ given: String) throws -> [Geometry] { try LayerFiles.bases(features(given), file: Self.shown(given)) }

    func population(_ given: String) throws -> [PopulationArea] {
        try LayerFiles.populationAreas(features(given), file: Self.shown(given))
    }

    func districts(_ given: String) throws -> [District] { try LayerFiles.districts(features(given), file: Self.shown(given)) }

    /// `data.gpkg|layername=routes` → (`data.gpkg`, `routes`), as QGIS names a layer of a source.
    static func split(_ given: String) -> (source: String, layer: String?) {
        guard let bar = given.range(of: "|layername=") else { return (given, nil) }
        return (String(given[..<bar.lowerBound]), String(given[bar.upperBound...]))
    }

    /// How messages name a source: its password masked.
    static func shown(_ given: String) -> String { SourceName(given).description }
}

/// `--date` parsing shared by the siege commands.
func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let d = Day(iso: text) else {
        throw SiegeInputError(file: option, "not an ISO date (YYYY-MM-DD): \(text)")
    }
    return d
}

/// One line on standard error per duplicate feature, the first ten of them, then how many more:
/// a map copied into itself should not bury the rest of what the command says.
func warn(about duplicates: [DuplicateFeature]) {
    for d in duplicates.prefix(10) { printError("cordon: \(d)") }
    if let first = duplicates.first, duplicates.count > 10 {
        printError("cordon: \(first.file): warning: \(duplicates.count - 10) more features repeat earlier ones")
    }
}
