import CordonGeometry
import CordonSiege
import CordonTestSupport
import Foundation
import Testing

/// On synthetic maps from `gen_control_map.py`, our pockets match those of
/// `reference_enclosure.py` (Shapely 2 + pyproj): same count, same encircled flags, every yardstick
/// pocket's representative point inside one of ours, area within 1e-6 relative, hostile share within
/// 0.001, population within 0.5 % (the tolerances of `scripts/compare_enclosure.py`).
/// Runs only where `../shared/bench` and a python3 with Shapely and pyproj are at hand.
@Suite(Reference.needs("the Python yardstick: ../shared/bench and shapely, pyproj (scripts/setup)", Yardstick.available))
struct YardstickTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var cells: Int
        var seed: Int
        var allies: [String] = []
        var testDescription: String {
            "\(cells) cells, seed \(seed)" + (allies.isEmpty ? "" : ", allies \(allies.joined(separator: ","))")
        }
    }

    /// The factions of the generated maps are opposition (besieged), government and sdf. Seed 2
    /// with sdf allied turns two of its four encircled pockets open, so the flags must follow.
    static let cases = [
        Case(cells: 2000, seed: 1),
        Case(cells: 2000, seed: 2),
        Case(cells: 20_000, seed: 3),
        Case(cells: 2000, seed: 2, allies: ["sdf"]),
    ]

    @Test("pockets match the yardstick", arguments: cases)
    func matchesTheYardstick(_ c: Case) throws {
        let folder = try Yardstick.scratchFolder("yardstick-\(c.cells)-\(c.seed)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let map = folder.appendingPathComponent("map.geojson")
        let ref = folder.appendingPathComponent("reference.geojson")
        let ours = folder.appendingPathComponent("cordon.geojson")
        try Yardstick.generateMap(cells: c.cells, seed: c.seed, into: map)

        // The yardstick computes no closure distance: skip ours, the slowest step.
        let options = EnclosureOptions(besieged: "opposition", allies: c.allies, closure: false)
        try Yardstick.runReference(map: map, options: options, date: nil, out: ref)
        let ctx = try GEOSContext()
        let pockets = try Yardstick.runOurs(map: map, options: options, date: nil, out: ours, context: ctx)

        let comparison = try Yardstick.compare(reference: ref, ours: ours)
        #expect(comparison.status == 0, "compare_enclosure.py on \(c.testDescription):\n\(comparison.text)")
        try Yardstick.expectSameFlags(reference: ref, ours: pockets, context: ctx, c.testDescription)
        // A map that carved no pocket, or encircled none, would make the comparison hollow.
        #expect(pockets.count >= 3)
        #expect(pockets.contains { $0.encircled })
    }
}
