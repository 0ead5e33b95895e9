import Foundation
// TEMPORARY phase trace (not to be committed).
private let traceStart = Date()
private let traceOn = ProcessInfo.processInfo.environment["CORDON_PHASES"] != nil
public func phase(_ s: String) {
    if traceOn { FileHandle.standardError.write("\(Int(Date().timeIntervalSince(traceStart) * 1000)) ms \(s) [\(Thread.current.name ?? "?")]\n".data(using: .utf8)!) }
}
