import CordonCore
import CordonGeometry
import CordonSiege
import CordonTestSupport
import Foundation
import Testing

/// The Python yardstick that lives beside the repository (`../shared/bench`), the compare
/// script of `scripts/`, and the plumbing the yardstick tests share: running Python,
/// scratch folders, and running our own library on a map file the way `cordon enclosure` does.
enum Yardstick {
    /// The package root: the nearest folder above this file holding `Package.swift`.
    static let packageRoot = Repository.root
    static let shared = Repository.shared
    static let generator = shared.appendingPathComponent("bench/gen_control_map.py")
    static let reference = shared.appendingPathComponent("bench/reference_enclosure.py")
    static let compareScript = packageRoot.appendingPathComponent("scripts/compare_enclosure.py")

    /// Whether the yardstick can run here: its scripts exist and python3 has Shapely and pyproj.
    static let available: Bool = {
        let files = [generator, reference, compareScript]
        guard files.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else { return false }
        return (try? python(["-c", "import shapely, pyproj"]).status) == 0
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams, for failure messages.
        var text: String { [stdout, stderr].filter { !$0.isEmpty }.joined(separator: "\n") }
    }

    /// Runs `python3 ARGS` from the package root. Standard output goes to `stdoutFile` when
    /// given (maps are megabytes), else it is returned; streams go through files, never pipes.
    static func python(_ arguments: [String], stdoutFile: URL? = nil) throws -> Outcome {
        let fm = FileManager.default
        let stem = fm.temporaryDirectory.appendingPathComponent("cordon-yardstick-py-\(UUID().uuidString)")
        let outURL = stdoutFile ?? stem.appendingPathExtension("out")
        let errURL = stem.appendingPathExtension("err")
        defer {
            if stdoutFile == nil { try? fm.removeItem(at: outURL) }
            try? fm.removeItem(at: errURL)
        }
        guard fm.createFile(atPath: outURL.path, contents: nil), fm.createFile(atPath: errURL.path, contents: nil)
        else { throw YardstickFailure("cannot create \(outURL.path) or \(errURL.path)") }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        guard let python = YardstickPython.interpreter else { throw YardstickFailure("no python3") }
        process.executableURL = python
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = stdoutFile == nil ? try String(contentsOf: outURL, encoding: .utf8) : ""
        return Outcome(status: process.terminationStatus, stdout: stdout,
                       stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// Runs a Python step that must succeed.
    @discardableResult
    static func mustRun(_ arguments: [String], stdoutFile: URL? = nil) throws -> Outcome {
        let outcome = try python(arguments, stdoutFile: stdoutFile)
        guard outcome.status == 0 else {
            throw YardstickFailure("python3 \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.text)")
        }
        return outcome
    }

    /// A fresh folder under the temporary directory; the caller removes it.
    static func scratchFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cordon-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `gen_control_map.py --cells N --seed S > OUT`.
    static func generateMap(cells: Int, seed: Int, into out: URL) throws {
        try mustRun([generator.path, "--cells", "\(cells)", "--seed", "\(seed)"], stdoutFile: out)
    }

    /// `reference_enclosure.py MAP --besieged B [--allies ..] [--date D] [--snap S] -o OUT`.
    static func runReference(map: URL, options: EnclosureOptions, date: String?, out: URL) throws {
        var args = [reference.path, map.path, "--besieged", options.besieged]
        if !options.allies.isEmpty { args += ["--allies", options.allies.joined(separator: ",")] }
        if let date { args += ["--date", date] }
        if options.snap > 0 { args += ["--snap", "\(options.snap)"] }
        try mustRun(args + ["-o", out.path])
    }

    /// Our library on a map file, as `cordon enclosure` runs it, writing the pockets to `out`.
    static func runOurs(map: URL, options: EnclosureOptions, date: String?, out: URL,
                        context ctx: GEOSContext) throws -> [Pocket] {
        let features = try GeoJSONReader(context: ctx).read(path: map.path)
        let controlMap = try ControlMap(file: map.path, features: features)
        let day = try date.map { text -> Day in
            guard let d = Day(iso: text) else { throw YardstickFailure("not a date: \(text)") }
            return d
        }
        let pockets = try EnclosureAnalysis(map: controlMap, options: options, context: ctx).pockets(on: day)
        try GeoJSONWriter().write(pockets.map { $0.feature(date: day) }, to: out.path)
        return pockets
    }

    /// `scripts/compare_enclosure.py REF OURS [extra]`: exit 0, or 1 with one line per mismatch;
    /// its last line is a JSON summary with the worst differences seen.
    static func compare(reference: URL, ours: URL, extra: [String] = []) throws -> Outcome {
        try python([compareScript.path, reference.path, ours.path] + extra)
    }

    /// Asserts in Swift what the compare script also checks, independently of it: the same
    /// number of pockets, and each yardstick pocket's representative point inside exactly one
    /// of ours, with the same encircled flag and the same rank.
    static func expectSameFlags(reference: URL, ours: [Pocket], context ctx: GEOSContext, _ label: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ref = try GeoJSONReader(context: ctx).read(path: reference.path)
        #expect(ref.count == ours.count, "\(label): yardstick \(ref.count) pockets, ours \(ours.count)",
                sourceLocation: sourceLocation)
        #expect(ref.filter { $0.properties["encircled"]?.boolValue == true }.count == ours.filter(\.encircled).count,
                "\(label): a different number of encircled pockets", sourceLocation: sourceLocation)
        let prepared = try ours.map { try PreparedGeometry($0.geometry) }
        for f in ref {
            let rank = Int(f.properties["pocket"]?.numberValue ?? -1)
            guard let g = f.geometry else {
                Issue.record("\(label): yardstick pocket \(rank) has no geometry", sourceLocation: sourceLocation)
                continue
            }
            let point = try g.representativePoint()
            let holders = try ours.indices.filter { try prepared[$0].intersects(point) }
            guard holders.count == 1 else {
                Issue.record("\(label): yardstick pocket \(rank) is held by \(holders.count) of our pockets",
                             sourceLocation: sourceLocation)
                continue
            }
            let mine = ours[holders[0]]
            #expect(mine.encircled == f.properties["encircled"]?.boolValue,
                    "\(label): yardstick pocket \(rank) encircled \(f.properties["encircled"]?.boolValue as Any), ours \(mine.encircled)",
                    sourceLocation: sourceLocation)
            #expect(mine.index == rank, "\(label): yardstick pocket \(rank) is our pocket \(mine.index)",
                    sourceLocation: sourceLocation)
        }
    }
}

struct YardstickFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
