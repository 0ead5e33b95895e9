import Foundation

/// The `cordon` executable that `swift build` leaves beside the test bundle, run as a user would.
enum CordonTool {
    static let url: URL? = {
        let url = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("cordon")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Outcome {
        try Command.run(url!, arguments, in: folder)
    }
}

/// Any program, its output collected.
enum Command {
    static func run(_ program: URL, _ arguments: [String], in folder: URL? = nil) throws -> CordonTool.Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        // Standard error goes to a file, so a full pipe can never stall the program.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe(), err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let stderr = try Data(contentsOf: errFile)
        return CordonTool.Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                  stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A program on PATH, if installed.
    static func find(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}

/// The repository checkout these tests belong to, and its bundled scenario.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let aleppo = root.appendingPathComponent("geodata/aleppo-2016")
}

/// A fresh folder under the system's temporary folder, removed by the caller.
func temporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A JSON file as Foundation objects.
func readJSON(_ url: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
}
