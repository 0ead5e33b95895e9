import CordonTestSupport
import Foundation

/// A scenario for `cordon run` that takes a fraction of a second: the Castello fixture map and
/// routes copied beside the scenario as `map.geojson` and `routes.geojson` (the names a run
/// writes, so `-o` at the scenario's own folder would replace them), a focus inside the
/// opposition's ground, one commodity and no Monte Carlo.
enum SmallRun {
    /// Writes `scenario.yaml` (or `NAME.yaml`), `map.geojson` and `routes.geojson` into
    /// `folder`; returns the scenario. `stock` sets the food stock, so two runs can differ.
    @discardableResult
    static func scenario(in folder: URL, stock: Int = 100_000, name: String = "small") throws -> URL {
        for file in ["map", "routes"] {
            let target = folder.appendingPathComponent(file + ".geojson")
            if !FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.copyItem(atPath: fixture("siege/castello-\(file).geojson"), toPath: target.path)
            }
        }
        let text = """
            name: \(name)
            start: 2016-07-01
            end: 2016-09-30
            map: map.geojson
            routes: routes.geojson
            besieged: opposition
            focus: [37.16, 36.21]
            supplies:
              - {commodity: food, unit: kg, stock: \(stock), need_per_person_day: 0.33}
            inflows:
              - {commodity: food, per_day: 10000, route: Castello Road}

            """
        let url = folder.appendingPathComponent(name == "small" ? "scenario.yaml" : "\(name).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Every file under `folder` (hidden ones too) and its bytes, for before-and-after checks.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let path as String in walker {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            out[path] = isFolder.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: url)
        }
        return out
    }

    /// Names in `folder` that a writer leaves only while writing: temporary files, spools,
    /// staging folders and kept-aside previous files.
    static func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".tmp") || $0.hasSuffix(".spool") || $0.hasSuffix(".old") || $0.contains(".cordon-")
        }
    }

    /// Whether this test process runs under ThreadSanitizer (scripts/check-sanitizers builds the
    /// `cordon` it runs alike). TSan's runtime starts by writing a 512 KiB file
    /// (/tmp/tsan.rodata.PID) that it maps over its shadow; under a smaller `ulimit -f` the write
    /// comes up short and the first read of the map past its end is a SIGBUS, before `main`.
    static let underThreadSanitizer = dlsym(nil, "__tsan_init") != nil

    /// `cordon` with its standard output sent to `redirect` (`>/dev/full`, `>&-`) and a
    /// file-size limit in 512-byte blocks if given, through /bin/sh.
    static func cordon(_ arguments: [String], stdout redirect: String? = nil, fileSizeLimit: Int? = nil,
                       in folder: URL? = nil) throws -> Command.Outcome {
        let limit = fileSizeLimit.map { "ulimit -f \($0); " } ?? ""
        let script = limit + "exec \"$0\" \"$@\"" + (redirect.map { " " + $0 } ?? "")
        return try Command.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script, CordonTool.url!.path] + arguments, in: folder)
    }
}
