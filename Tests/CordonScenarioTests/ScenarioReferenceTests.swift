import CordonScenario
import CordonTestSupport
import Foundation
import Testing

/// docs/scenario.md is the reference of every scenario key: its tables must list exactly the
/// keys the loader accepts, no more, no fewer, each once.
@Suite struct ScenarioReferenceTests {
    /// The first cell of every table row under a `| key | type | unit | default | meaning |` header.
    static func documentedKeys() throws -> [String] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("docs/scenario.md"), encoding: .utf8)
        var keys: [String] = []
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("|"), cells.count > 2 else { inTable = false; continue }
            if cells[1] == "key" { inTable = true; continue }
            guard inTable, !cells[1].hasPrefix("---") else { continue }
            keys.append(cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
        }
        return keys
    }

    @Test func everyKeyTheLoaderAcceptsIsDocumentedOnce() throws {
        let documented = try Self.documentedKeys()
        let accepted = ScenarioLoader.keyPaths
        #expect(documented.count > 40)
        #expect(Set(accepted).subtracting(documented).sorted() == [], "accepted by the loader, missing from docs/scenario.md")
        #expect(Set(documented).subtracting(accepted).sorted() == [], "in docs/scenario.md, refused by the loader")
        let repeated = Dictionary(grouping: documented, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated == [], "listed more than once in docs/scenario.md")
    }

    /// The loader really refuses what is not in its list: a key one letter off is an error.
    @Test func theLoaderRefusesAKeyOutsideTheTables() {
        #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse(ScenarioText.valid + "fire_range: 10\n", file: "s.yaml", for: .run)
        }
    }
}
