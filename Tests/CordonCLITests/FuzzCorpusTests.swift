import CordonTestSupport
import Foundation
import Testing

/// The fuzz harness, built plainly beside `cordon`, replays the seed corpus of each target
/// (Tests/Fuzz/corpus), which keeps every input the fuzzer once crashed on: none may crash now.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    static let corpus = Repository.root.appendingPathComponent("Tests/Fuzz/corpus")

    @Test(arguments: ["geojson", "scenario", "wkt"])
    func theSeedsReplayWithoutACrash(_ target: String) throws {
        let harness = try #require(CordonTool.url?.deletingLastPathComponent().appendingPathComponent("CordonFuzz"))
        let folder = Self.corpus.appendingPathComponent(target)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(seeds.count >= 10)
        let r = try Command.run(harness, [target] + seeds.map { folder.appendingPathComponent($0).path })
        #expect(r.status == 0, "\(r.stderr.suffix(2000))")
    }
}
