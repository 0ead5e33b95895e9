#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Hostile inputs too large to keep in the repository, or that git cannot hold (a FIFO, a link
/// to a device), written at test time by the name a manifest case gives in `generate`.
enum HostileGenerators {
    static let depth = 100_000

    static func write(_ name: String, to url: URL) throws {
        switch name {
        case "nestedArrays": try text(String(repeating: "[", count: depth) + String(repeating: "]", count: depth), url)
        case "nestedObjects":
            try text(String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth), url)
        case "nestedCoordinates":
            try text(#"{"type":"Point","coordinates":"# + String(repeating: "[", count: depth) + "0"
                     + String(repeating: "]", count: depth) + "}", url)
        case "nestedYAMLBlock": try text(String(repeating: "- ", count: depth) + "x\n", url)
        case "nestedYAMLFlow": try text("start: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth), url)
        case "nestedJSONScenario":
            try text(#"{"start": "# + String(repeating: #"{"a": "#, count: depth) + "1" + String(repeating: "}", count: depth + 1), url)
        case "hugeRing": try text(ring(closed: true), url)
        case "hugeRingUnclosed": try text(ring(closed: false), url)
        case "oversizeGeoJSON": try sparse(#"{"type":"FeatureCollection","features":["#, size: 1_100 << 20, url)
        case "oversizeScenario": try sparse("start: 2016-07-01\n", size: 17 << 20, url)
        // Streams that never end: refused before a byte is read, never waited on.
        case "fifo":
            guard mkfifo(url.path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        case "devZero": try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/zero")
        default: fatalError("manifest names an unknown generator: \(name)")
        }
    }

    private static func text(_ s: String, _ url: URL) throws {
        try Data(s.utf8).write(to: url)
    }

    /// A control area whose ring has 200,000 positions on a circle of about 5 km.
    private static func ring(closed: Bool) -> String {
        let n = 200_000
        var parts: [String] = []
        parts.reserveCapacity(n + 1)
        for i in 0..<n {
            let a = Double(i) / Double(n) * 2 * Double.pi
            parts.append("[\(37.15 + 0.05 * cos(a)),\(36.2 + 0.05 * sin(a))]")
        }
        if closed { parts.append(parts[0]) }
        return #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"controller":"opposition"},"#
            + #""geometry":{"type":"Polygon","coordinates":[["# + parts.joined(separator: ",") + "]]}}]}"
    }

    /// A file of `size` bytes that starts with `head` and takes no disk space beyond it.
    private static func sparse(_ head: String, size: UInt64, _ url: URL) throws {
        try text(head, url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: size)
    }
}
