import Testing
@testable import CordonGeometry

@Suite("WKT and WKB")
struct WKTWKBTests {
    let context: GEOSContext

    init() throws { context = try GEOSContext() }

    @Test(arguments: [
        "POINT (1 2)", "LINESTRING (0 0, 1 1, 2 0.5)", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", "POLYGON EMPTY",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))", "POINT (37.123456789 -36.5)",
    ])
    func wktRoundTripsTrimmed(_ text: String) throws {
        let g = try WKTReader(context: context).read(text)
        #expect(try WKTWriter(context: context).write(g) == text)
        #expect(try g.wkt == text)
    }

    @Test func wktPrecisionRounds() throws {
        let g = try WKTReader(context: context).read("POINT (1.23456789 2)")
        #expect(try WKTWriter(context: context, precision: 3).write(g) == "POINT (1.235 2)")
    }

    /// Found by fuzzing: GEOS 3.11.1's trimmed writer smashed its stack on numbers ≥ about 1e140.
    @Test(arguments: ["POINT (1e300 0)", "LINESTRING (0 1, -3.1e231 -3.1e231)", "POINT (1 inf)"])
    func hugeNumbersWriteWithoutCrashing(_ text: String) throws {
        let g = try WKTReader(context: context).read(text)
        let back = try WKTReader(context: context).read(try g.wkt)
        #expect(back.bounds == g.bounds)
    }

    @Test func hugeNumbersFromWKBWriteWithoutCrashing() throws {
        // The fuzzer's own input: a collection of a point and a line with a denormal and -3.1e231.
        let hex = "010700000002000000010100000000000000000000000000000000000000010200000002000000"
            + "000000000000000000000000ba00000000000000000000f03f000000000000f03f"
        let g = try WKBReader(context: context).read(hex: hex)
        #expect(try g.wkt.hasPrefix("GEOMETRYCOLLECTION"))
    }

    @Test func hugeNumberBehindANaNWritesWithoutCrashing() throws {
        // The second find: (0 NaN, 1 -3.1e231) after a point; the NaN hid -3.1e231 from the envelope.
        let hex = "010700000002000000010100000000000000000000000000000000000000010200000002000000"
            + "0000000000000000000000f7ffffffffffffff000000f03f00000060000000f03f"
        let g = try WKBReader(context: context).read(hex: hex)
        // Untrimmed, -3.1e231 is written out in full: 232 digits.
        #expect(try g.wkt.hasPrefix("GEOMETRYCOLLECTION") && g.wkt.count > 232)
    }

    @Test func wktKeepsTwoDimensions() throws {
        let g = try WKTReader(context: context).read("POINT Z (1 2 3)")
        #expect(try g.wkt == "POINT (1 2)")
    }

    @Test(arguments: ["POINT (1", "POLYGON ((0 0, 1 0, 1 1))", "CIRCLE (1 2)", ""])
    func badWKTIsAnErrorWithGEOSText(_ text: String) throws {
        do {
            _ = try WKTReader(context: context).read(text)
            Issue.record("read \(text)")
        } catch let GeometryError.geos(op, message) {
            #expect(op == "read WKT")
            #expect(!message.isEmpty && message != "no message from GEOS")
        }
    }

    /// POINT (1 2) in little-endian WKB: byte order 1, type 1, then x and y as doubles.
    @Test func wkbMatchesTheSpecification() throws {
        let g = try context.point(Coordinate(1, 2))
        let hex = "0101000000000000000000F03F0000000000000040"
        #expect(try WKBWriter(context: context).writeHex(g) == hex)
        #expect(try WKBWriter(context: context, bigEndian: true).writeHex(g) == "00000000013FF00000000000004000000000000000")
        let bytes = try WKBWriter(context: context).write(g)
        #expect(bytes.count == 21 && bytes[0] == 1 && bytes[1] == 1)
        #expect(try WKBReader(context: context).read(bytes).coordinates == [Coordinate(1, 2)])
        #expect(try WKBReader(context: context).read(hex: hex).coordinates == [Coordinate(1, 2)])
    }

    @Test func wkbRoundTripsHolesAndParts() throws {
        let g = try WKTReader(context: context).read("MULTIPOLYGON (((0 0, 4 0, 4 4, 0 0), (1 0.5, 3 2.5, 3 0.5, 1 0.5)), ((5 5, 6 5, 6 6, 5 5)))")
        let back = try WKBReader(context: context).read(try WKBWriter(context: context).write(g))
        #expect(try back.wkt == g.wkt)
        #expect(try back.equalsExact(g))
    }

    @Test(arguments: [[UInt8](), [1, 1, 0, 0], [9, 9, 9, 9, 9]])
    func badWKBIsAnError(_ bytes: [UInt8]) throws {
        #expect(throws: GeometryError.self) { try WKBReader(context: context).read(bytes) }
    }

    @Test func badHexIsAnError() throws {
        #expect(throws: GeometryError.self) { try WKBReader(context: context).read(hex: "01010000ZZ") }
    }
}
