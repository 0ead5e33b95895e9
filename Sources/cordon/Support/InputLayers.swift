import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply

/// Reading the files a siege command is given, with errors that name file and feature.
struct InputLayers {
    let context: GEOSContext

    func features(_ path: String) throws -> [Feature] { try LayerFiles.features(path, context: context) }

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
