import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PostgreSQL database with PostGIS for tests that read or write it, as a GDAL connection string.
///
/// `$CORDON_PG` when set (`.ci/run` starts one cluster for the whole run and sets it); otherwise
/// this test process starts its own throwaway cluster on first use (`scripts/postgis-cluster`, in
/// a temporary folder, on a Unix socket only) and stops it when the process exits, or, should the
/// process crash, soon after. Tests running at once each take a schema of their own
/// (``freshSchema()``); the schemas go with the cluster. Mark such tests `Reference.needs(.postgis)`.
public enum PostGIS {
    /// A connection failed, a statement failed, or the cluster did not start.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A schema of one test's own, in the shared database.
    public struct Schema: Sendable {
        /// Its name: lower-case letters, digits and `_`, so SQL needs no quotes around it.
        public let name: String
        /// The database's connection string with `schemas=NAME`: GDAL lists only this schema's
        /// tables and makes new layers in it, with unqualified layer names.
        public let connection: String

        /// ``PostGIS/psql(_:schema:)`` with this schema first on the search path.
        public func psql(_ sql: String) throws -> String {
            try PostGIS.psql(sql, schema: name)
        }
    }

    /// Where Debian puts PostgreSQL 15's programs (`pg_config --bindir` may be another version's).
    static let binaries = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin")

    /// `$CORDON_PG`, when set and not empty.
    static let given: String? = {
        guard let value = ProcessInfo.processInfo.environment["CORDON_PG"], !value.isEmpty else { return nil }
        return value.hasPrefix("PG:") ? value : "PG:" + value
    }()

    static let psqlProgram: URL? = {
        let debian = binaries.appendingPathComponent("psql")
        return FileManager.default.isExecutableFile(atPath: debian.path) ? debian : Command.find("psql")
    }()

    /// Whether this machine can start a cluster: PostgreSQL 15 and PostGIS for it installed,
    /// and, under root, the `postgres` user to run the server as.
    public static var isInstalled: Bool {
        let fm = FileManager.default
        return ["initdb", "pg_ctl", "postgres", "psql"].allSatisfy {
            fm.isExecutableFile(atPath: binaries.appendingPathComponent($0).path)
        } && fm.fileExists(atPath: "/usr/share/postgresql/15/extension/postgis.control")
            && (getuid() != 0 || getpwnam("postgres") != nil)
    }

    /// Whether tests can have a database: `$CORDON_PG` and psql, or a cluster of their own.
    public static var isAvailable: Bool {
        given != nil ? psqlProgram != nil : isInstalled
    }

    /// The connection string of the database `cordon`, which has PostGIS:
    /// `PG:host=FOLDER dbname=cordon user=postgres port=N`. Starts this process's cluster on first use.
    public static func connection() throws -> String {
        if let given { return given }
        return try ownCluster.get().connection
    }

    /// Runs `sql` through psql in the database (`schema` first on the search path, when given)
    /// and returns what it prints: rows one a line, columns joined by `|`, no header, the
    /// last newline dropped. Throws when a statement fails. `connection` names another database
    /// than ``connection()``'s.
    @discardableResult
    public static func psql(_ sql: String, schema: String? = nil, connection: String? = nil) throws -> String {
        guard let psqlProgram else { throw Failure(description: "psql is not installed (postgresql-15; scripts/setup)") }
        var environment = try libpqEnvironment(connection ?? Self.connection())
        if let schema { environment["PGOPTIONS"] = "-c search_path=\(schema),public" }
        let result = try Command.run(psqlProgram, ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                     environment: environment)
        guard result.status == 0 else {
            throw Failure(description: "psql failed (status \(result.status)) on \(sql): \(result.stderr)")
        }
        var out = result.stdout
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// A new, empty schema for one test, so that tests running at once never meet.
    public static func freshSchema() throws -> Schema {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try psql("CREATE SCHEMA \(name)")
        return Schema(name: name, connection: try connection() + " schemas=\(name)")
    }

    // MARK: This process's own cluster

    struct Cluster: Sendable {
        let folder: String
        let connection: String
    }

    static let script = Repository.root.appendingPathComponent("scripts/postgis-cluster").path

    /// Started once, by the first test that asks; a failure to start is every asker's failure.
    static let ownCluster: Result<Cluster, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cordon-pg-\(getpid())-\(UUID().uuidString.prefix(8))").path
        // --watch: the script stops the cluster itself should this process die without exiting.
        let result = try Command.run(URL(fileURLWithPath: "/bin/bash"),
                                     [script, "start", folder, "--watch", String(getpid())])
        guard result.status == 0, result.stdout.hasPrefix("PG:") else {
            throw Failure(description: "scripts/postgis-cluster could not start a cluster: \(result.text)")
        }
        atexit { PostGIS.stopOwnCluster() }
        return Cluster(folder: folder, connection: result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// At exit, when Foundation's Process may no longer be safe to use: posix_spawn and wait.
    static func stopOwnCluster() {
        guard case .success(let cluster) = ownCluster else { return }
        let arguments = ["/bin/bash", script, "stop", cluster.folder]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/bash", nil, nil, argv, environ) == 0 else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    // MARK: Connection strings

    /// libpq's environment variables for the settings of a `PG:` connection string; GDAL's own
    /// options (`schemas=`, `active_schema=`, ...) are left out. Values may be single-quoted.
    static func libpqEnvironment(_ connection: String) throws -> [String: String] {
        let names = ["host": "PGHOST", "hostaddr": "PGHOSTADDR", "port": "PGPORT", "dbname": "PGDATABASE",
                     "user": "PGUSER", "password": "PGPASSWORD", "sslmode": "PGSSLMODE", "service": "PGSERVICE",
                     "connect_timeout": "PGCONNECT_TIMEOUT"]
        var environment: [String: String] = [:]
        for (key, value) in try settings(connection) {
            if let name = names[key] { environment[name] = value }
        }
        return environment
    }

    /// The `key=value` pairs of a connection string, in order. Errors never quote the string:
    /// it may hold a password.
    static func settings(_ connection: String) throws -> [(String, String)] {
        var rest = Substring(connection.hasPrefix("PG:") ? String(connection.dropFirst(3)) : connection)
        var pairs: [(String, String)] = []
        func skipSpaces() { rest = rest.drop { $0 == " " || $0 == "\t" } }
        skipSpaces()
        while !rest.isEmpty {
            let key = rest.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
            rest = rest.dropFirst(key.count)
            skipSpaces()
            guard !key.isEmpty, rest.first == "=" else {
                throw Failure(description: "not a key=value connection string, at \"\(key)\"")
            }
            rest = rest.dropFirst()
            skipSpaces()
            var value = ""
            let quoted = rest.first == "'"
            if quoted { rest = rest.dropFirst() }
            while let c = rest.first, quoted ? c != "'" : (c != " " && c != "\t") {
                rest = rest.dropFirst()
                if c == "\\", let next = rest.first {
                    value.append(next)
                    rest = rest.dropFirst()
                } else {
                    value.append(c)
                }
            }
            if quoted {
                guard rest.first == "'" else { throw Failure(description: "a quote left open in the connection string") }
                rest = rest.dropFirst()
            }
            pairs.append((String(key), value))
            skipSpaces()
        }
        return pairs
    }
}

extension Reference.Requirement {
    /// PostgreSQL with PostGIS: `$CORDON_PG`, or PostgreSQL 15 and PostGIS installed to start a cluster.
    public static let postgis = Reference.Requirement(
        "PostgreSQL 15 with PostGIS (postgresql-15-postgis-3, installed by scripts/setup), or CORDON_PG"
    ) { PostGIS.isAvailable }
}
