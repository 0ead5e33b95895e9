import CordonCore
import CordonGeometry
import Foundation
import Testing
@testable import CordonSiege

/// The one-date steps that split their work over two threads give what one thread gives, and
/// fail on the same feature.
@Suite("One date on two threads")
struct OneDateSplitTests {
    let ctx: GEOSContext
    init() throws { ctx = try GEOSContext() }

    /// A 0.01° square whose south-west corner is column i, row j of a grid at (37, 36).
    func cell(_ i: Int, _ j: Int) throws -> Geometry {
        let x = 37 + Double(i) / 100, y = 36 + Double(j) / 100
        return try ctx.polygon([Coordinate(x, y), Coordinate(x + 0.01, y), Coordinate(x + 0.01, y + 0.01),
                                Coordinate(x, y + 0.01), Coordinate(x, y)])
    }

    @Test("hostile_share split over two threads equals one pocket at a time, and the truth")
    func hostileShares() throws {
        // 40 × 40 cells: the besieged hold every fourth cell of every fourth row (100 pockets,
        // the one at the grid's corner among them) and a column of allied cells beside the
        // pockets of column 1; the rest is hostile.
        var areas: [ControlArea] = []
        for j in 0..<40 {
            for i in 0..<40 {
                let controller = i % 4 == 0 && j % 4 == 0 ? "opposition" : i == 1 && j % 4 == 0 ? "kurdish" : "government"
                areas.append(ControlArea(feature: areas.count, geometry: try cell(i, j), controller: controller))
            }
        }
        let ws = try Workspace(map: ControlMap(file: "grid", areas: areas), layers: EnclosureLayers(), context: ctx)
        ws.splitsWork = true
        let hostile = try HostileGround(ws.dissolve(areas.indices.filter { areas[$0].controller == "government" }))
        let besieged = areas.indices.filter { areas[$0].controller == "opposition" }
        let pockets = besieged.map { areas[$0].geometry }
        #expect(try !HostileContact.sharedOut(pockets).isEmpty)  // shared out between two threads
        let split = try HostileContact.shares(ws, of: pockets, facing: hostile, tolerance: 1)
        let one = try pockets.map { try HostileContact.share(ws, of: $0, facing: hostile, tolerance: 1) }
        #expect(split == one)
        for (k, a) in besieged.enumerated() {
            let (i, j) = (a % 40, a / 40)
            // By hand: a cell inside hostile ground faces it all round. A side is 0.01° × 110.95 km
            // = 1.1095 km north to south and 0.01° × 111.32 km × cos 36° = 0.9006 km east to west:
            // 4.0202 km round. The cells of column 0 have the study area's edge to the west and
            // an ally to the east: hostile to the north and south, 1.8012 / 4.0202 = 0.4480; the
            // corner cell (0, 0) to the north only, 0.2240. The 1 m of reach along the other
            // sides' ends is under 0.1 %.
            if i > 0 && j > 0 { #expect(abs(split[k] - 1) < 1e-9, "cell (\(i), \(j)): \(split[k])") }
            if i == 0 && j == 0 { #expect(abs(split[k] - 0.2240) < 2e-3, "corner: \(split[k])") }
            if i == 0 && j > 0 { #expect(abs(split[k] - 0.4480) < 2e-3, "cell (0, \(j)): \(split[k])") }
        }
    }

    /// Features of squares; `invalid` gets a bow-tie ring, `uncontrolled` no controller.
    func features(_ count: Int, invalid: Int? = nil, uncontrolled: Int? = nil) throws -> [Feature] {
        try (0..<count).map { k in
            var g = try cell(k % 100, k / 100)
            if k == invalid {
                let x = 37 + Double(k % 100) / 100, y = 36 + Double(k / 100) / 100
                g = try ctx.polygon([Coordinate(x, y), Coordinate(x + 0.01, y + 0.01), Coordinate(x + 0.01, y),
                                     Coordinate(x, y + 0.01), Coordinate(x, y)])
            }
            let properties: JSONObject = k == uncontrolled ? ["name": "x"] : ["controller": "opposition"]
            return Feature(geometry: g, properties: properties)
        }
    }

    @Test("a large map's validity, checked in two pieces, stops at the first faulty feature in file order")
    func firstFaultInOrder() throws {
        #expect(try ControlMap(file: "m", features: features(5000)).areas.count == 5000)
        #expect {
            try ControlMap(file: "m", features: features(5000, invalid: 4500, uncontrolled: 4700))
        } throws: { e in
            let e = e as? SiegeInputError
            return e?.feature == 4500 && e?.reason.hasPrefix("invalid geometry: Self-intersection") == true
        }
        #expect {
            try ControlMap(file: "m", features: features(5000, invalid: 4500, uncontrolled: 10))
        } throws: { e in
            (e as? SiegeInputError)?.feature == 10
        }
    }
}
