import CordonTestSupport
import Foundation
import Testing

/// Imports run one way (see Package.swift and README, Layout). Every `import` line under
/// `Sources/` must follow this table, and every target of Package.swift must declare exactly
/// the modules its files import.
@Suite struct ArchitectureTests {
    /// What each source module may import, besides the platform's own modules.
    static let allowed: [String: Set<String>] = [
        "CordonCore": [],
        "CordonGeometry": ["CordonCore", "CGEOS", "CPROJ"],
        "CordonSupply": ["CordonCore"],
        "CordonSiege": ["CordonCore", "CordonGeometry"],
        "CordonSources": ["CordonCore", "CordonGeometry", "CGDAL"],
        "CordonScenario": ["CordonCore", "CordonGeometry", "CordonSiege", "CordonSupply", "CordonSources", "Yams"],
        "cordon": ["CordonCore", "CordonGeometry", "CordonSiege", "CordonSupply", "CordonSources", "CordonScenario",
                   "ArgumentParser"],
        "CordonFuzz": ["CordonCore", "CordonGeometry", "CordonSiege", "CordonSupply", "CordonScenario"],
    ]
    /// The platform: CordonCore takes only the C library; the others may use Foundation too.
    static let platform: Set<String> = ["Glibc", "Darwin"]
    static let platformWithFoundation: Set<String> = platform.union(["Foundation", "FoundationXML", "Dispatch"])
    static let testing: Set<String> = ["Testing", "XCTest"]

    @Test func everyImportUnderSourcesFollowsTheTable() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        var faults: [String] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
        where !module.hasPrefix("C") || module.hasPrefix("Cordon") {
            guard let allowed = Self.allowed[module] else {
                faults.append("Sources/\(module): a module the import table does not list")
                continue
            }
            let system = module == "CordonCore" ? Self.platform : Self.platformWithFoundation
            for (file, imported) in try Self.imports(under: sources.appendingPathComponent(module)) {
                for name in imported where !allowed.contains(name) && !system.contains(name) {
                    faults.append("Sources/\(module)/\(file): imports \(name), outside the table")
                }
            }
        }
        #expect(faults == [])
    }

    @Test func packageDeclaresTheTable() throws {
        let targets = try Self.packageTargets()
        for (module, allowed) in Self.allowed {
            #expect(targets[module] == allowed, "Package.swift: \(module)")
        }
    }

    @Test func testTargetsDeclareExactlyWhatTheyImport() throws {
        let tests = Repository.root.appendingPathComponent("Tests")
        let targets = try Self.packageTargets()
        for folder in try FileManager.default.contentsOfDirectory(atPath: tests.path).sorted() where folder.hasPrefix("Cordon") {
            let declared = try #require(targets[folder], "Tests/\(folder) is not a target of Package.swift")
            var imported = Set<String>()
            for (_, names) in try Self.imports(under: tests.appendingPathComponent(folder)) { imported.formUnion(names) }
            imported.subtract(Self.platformWithFoundation.union(Self.testing))
            #expect(imported == declared, "Tests/\(folder): imports \(imported.sorted()), declares \(declared.sorted())")
        }
    }

    @Test func nothingImportsTheCommandLine() throws {
        for (_, allowed) in Self.allowed { #expect(!allowed.contains("cordon")) }
        let targets = try Self.packageTargets()
        for (name, deps) in targets { #expect(!deps.contains("cordon"), "\(name) depends on the command line") }
    }

    /// Each Swift file under `folder` (relative path) and the modules it imports.
    static func imports(under folder: URL) throws -> [(String, Set<String>)] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [(String, Set<String>)] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            var names = Set<String>()
            // Swift imports start their line; an indented "import" is inside a string (Python, say).
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@") {
                let words = line.split(separator: " ")
                guard let at = words.firstIndex(of: "import"), words[..<at].allSatisfy({ $0.hasPrefix("@") }),
                      at + 1 < words.count else { continue }
                names.insert(String(words[at + 1].split(separator: ".")[0]))
            }
            out.append((path, names))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Package.swift's targets and the modules each depends on (targets and products by name).
    static func packageTargets() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try Regex(#"\.(?:target|testTarget|executableTarget|systemLibrary)\(\s*name:\s*"(\w+)"([^\)]*(?:\([^\)]*\)[^\)]*)*)\)"#)
        let quoted = try Regex(#"(?:name:\s*)?"(\w+)"(?:,\s*package:\s*"[\w-]+")?"#)
        var out: [String: Set<String>] = [:]
        for match in text.matches(of: target) {
            let name = String(match.output[1].substring ?? "")
            let rest = String(match.output[2].substring ?? "")
            guard let deps = rest.range(of: "dependencies:") else { out[name] = []; continue }
            let list = rest[deps.upperBound...].prefix { $0 != "]" }
            out[name] = Set(list.matches(of: quoted).compactMap { $0.output[1].substring.map(String.init) })
        }
        return out
    }
}
