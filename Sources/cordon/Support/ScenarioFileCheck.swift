import CordonScenario
import Foundation

/// Scenario files (YAML, or JSON that is not GeoJSON): the scenario and every file it names.
struct ScenarioChecker: FileChecker {
    func accepts(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "yaml" || ext == "yml" { return true }
        guard ext == "json" else { return false }
        // A JSON scenario is a small object with `start` and no GeoJSON `type`.
        // Only a regular file is looked into: reading a FIFO here would wait for a writer.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size < 1 << 20,
              let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["type"] == nil && object["start"] != nil
    }

    func check(_ path: String) -> FileCheckResult {
        let report = ScenarioCheck.run(path)
        return FileCheckResult(faults: report.faults, summary: report.summary, warnings: report.warnings)
    }
}
