import CordonTestSupport
import Foundation

/// The `cordon` executable that `swift build` leaves beside the test bundle, run as a user would.
enum CordonTool {
    static let url: URL? = {
        let url = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("cordon")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Command.Outcome {
        try Command.run(url!, arguments, in: folder)
    }
}

/// A JSON file as Foundation objects.
func readJSON(_ url: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
}
