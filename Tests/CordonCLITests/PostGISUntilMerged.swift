import CordonTestSupport
import Foundation

// A stand-in for CordonTestSupport's `PostGIS` (branch pg) with the same API for what these
// tests use, until that branch is merged: then this file goes and the suites' trait becomes
// `Reference.needs(.postgis)`. It takes the database from `$CORDON_PG` only.
enum PostGIS {
    struct Failure: Error, CustomStringConvertible { let description: String }

    struct Schema: Sendable {
        let name: String
        let connection: String
        func psql(_ sql: String) throws -> String { try PostGIS.psql(sql, schema: name) }
    }

    static var isAvailable: Bool {
        !(ProcessInfo.processInfo.environment["CORDON_PG"] ?? "").isEmpty && Command.find("psql") != nil
    }

    static func connection() throws -> String {
        guard let pg = ProcessInfo.processInfo.environment["CORDON_PG"], !pg.isEmpty else { throw Failure(description: "CORDON_PG is not set") }
        return pg
    }

    static func psql(_ sql: String, schema: String? = nil) throws -> String {
        let libpq = try connection().dropFirst(3).split(separator: " ").filter { !$0.hasPrefix("schemas=") && !$0.hasPrefix("active_schema=") }
        var env = ProcessInfo.processInfo.environment
        if let schema { env["PGOPTIONS"] = "-c search_path=\(schema),public" }
        let p = Process()
        p.executableURL = Command.find("psql")
        p.arguments = ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", libpq.joined(separator: " "), "-c", sql]
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failure(description: "psql: \(errText)") }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    static func freshSchema() throws -> Schema {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        _ = try psql("CREATE SCHEMA \(name)")
        return Schema(name: String(name), connection: try connection() + " schemas=\(name)")
    }
}
