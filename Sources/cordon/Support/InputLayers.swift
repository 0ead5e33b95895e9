import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply

/// Reading the files a siege command is given, with errors that name file and feature.
struct InputLayers {
    let context: GEOSContext

    /// The features of a layer file, with a warning for each that repeats an earlier one.
    func features(_ path: String) throws -> [Feature] {
        let list = try LayerFiles.features(path, context: context)
        warn(about: DuplicateFinder.find(list, file: path, context: context))
        return list
    }

    func controlMap(_ path: String, repair: Bool) throws -> ControlMap {
        try ControlMap(file: path, features: features(path), repair: repair) { feature, reason in
            printError("cordon: \(path): feature \(feature): repaired (\(reason))")
        }
    }

    func bases(_ path: String) throws -> [Geometry] { try LayerFiles.bases(features(path), file: path) }

    func population(_ path: String) throws -> [PopulationArea] { try LayerFiles.populationAreas(features(path), file: path) }

    func districts(_ path: String) throws -> [District] { try LayerFiles.districts(features(path), file: path) }
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
