import Foundation

/// The Python that runs the yardsticks: `.venv-yardsticks/bin/python3`, which `scripts/setup`
/// fills with Shapely, pyproj, numpy and PyYAML, else `python3` on PATH.
public enum YardstickPython {
    public static let interpreter: URL? = {
        let venv = Repository.root.appendingPathComponent(".venv-yardsticks/bin/python3")
        if FileManager.default.isExecutableFile(atPath: venv.path) { return venv }
        return Command.find("python3")
    }()

    /// The interpreter, when it can import every one of `modules`.
    public static func importing(_ modules: [String]) -> URL? {
        guard let python = interpreter,
              let check = try? Command.run(python, ["-c", "import " + modules.joined(separator: ", ")]),
              check.status == 0 else { return nil }
        return python
    }
}
