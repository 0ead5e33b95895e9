import CordonCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error, only when it is a terminal and not `--quiet`.
struct Progress: Sendable {
    let enabled: Bool
    let label: String

    init(_ label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && isatty(2) == 1
    }

    func report(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30, filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        StandardError.write("\r\(label) [\(bar)] \(done)/\(total)\(done == total ? "\n" : "")")
    }
}
