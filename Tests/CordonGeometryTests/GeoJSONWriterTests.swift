import CordonCore
import CordonTestSupport
import Foundation
import Testing
@testable import CordonGeometry

@Suite("GeoJSON writer")
struct GeoJSONWriterTests {
    let context: GEOSContext

    init() throws { context = try GEOSContext() }

    /// Golden file: all seven types, a clockwise shell and a counter-clockwise hole fixed,
    /// z dropped, properties kept in order, the CRS member dropped and a bbox added. The expected
    /// bytes are worked out from the written rules by Fixtures/io/make_all_types_expected.py, not
    /// taken from the writer (CordonCLITests.FixtureGeneratorTests runs it again).
    @Test func writesTheGoldenFile() throws {
        let fs = try GeoJSONReader(context: context).read(path: IOFixtures.path("all-types.geojson"))
        let bytes = try GeoJSONWriter().collection(fs)
        let expected = try IOFixtures.bytes("all-types.expected.geojson")
        if bytes != expected {
            try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/all-types.actual.geojson"))
        }
        #expect(bytes == expected, "see /tmp/all-types.actual.geojson")
    }

    @Test func fixesWindingOnOutput() throws {
        // Shell clockwise, hole counter-clockwise: both wrong for RFC 7946.
        let text = #"{"type":"MultiPolygon","coordinates":[[[[0,0],[0,2],[2,2],[2,0],[0,0]],[[0.5,0.5],[1,0.5],[1,1],[0.5,0.5]]],"#
            + #"[[[5,5],[6,5],[6,6],[5,5]]]]}"#
        let g = try #require(try IOFixtures.read(text)[0].geometry)
        let out = try GeoJSONWriter().geometry(g)
        let back = try #require(try IOFixtures.read(out)[0].geometry)
        let p0 = back.part(0), p1 = back.part(1)
        #expect(IOFixtures.signedArea(p0.exteriorRing!.coordinates) == 4)
        #expect(IOFixtures.signedArea(p0.interiorRing(0)!.coordinates) == -0.125)
        #expect(IOFixtures.signedArea(p1.exteriorRing!.coordinates) == 0.5)
        // The ring already counter-clockwise is written as it came.
        #expect(p1.exteriorRing!.coordinates == [Coordinate(5, 5), Coordinate(6, 5), Coordinate(6, 6), Coordinate(5, 5)])
    }

    @Test(arguments: [
        (1.23456789, "1.234568"), (-1.5, "-1.5"), (10, "10"), (0, "0"), (-0.0, "0"), (-0.0000004, "0"),
        (0.0000005, "0.000001"), (-0.0000006, "-0.000001"), (179.9999999, "180"), (36.2, "36.2"),
        (-179.123456, "-179.123456"), (0.1 + 0.2, "0.3"), (500_000.25, "500000.25"), (1e13, "10000000000000"),
    ] as [(Double, String)])
    func formatsCoordinatesAtSixDecimals(_ x: Double, _ text: String) {
        var out = ByteOutput()
        out.append(fixed: x, decimals: 6)
        #expect(String(decoding: out.bytes, as: UTF8.self) == text)
    }

    @Test(arguments: [
        (1.0, "1"), (-2.0, "-2"), (-0.0, "0"), (0.1, "0.1"), (1e21, "1e+21"), (1.5e-7, "1.5e-07"),
        (9007199254740991, "9007199254740991"), (9007199254740992, "9007199254740992"), (1e16, "1e+16"),
        (.nan, "null"), (.infinity, "null"), (123.456, "123.456"),
    ] as [(Double, String)])
    func formatsJSONNumbers(_ x: Double, _ text: String) {
        var out = ByteOutput()
        out.append(number: x)
        #expect(String(decoding: out.bytes, as: UTF8.self) == text)
        if x.isFinite { #expect(Double(text) == x) }
    }

    @Test func serializesJSONValues() {
        let v: JSONValue = ["b": 1, "a": [true, false, nil, "x\"\\\n\u{1}é"], "c": ["z": 2.5]]
        #expect(v.jsonText == #"{"b":1,"a":[true,false,null,"x\"\\\n\u0001é"],"c":{"z":2.5}}"#)
    }

    /// Properties named as reals always show a decimal point, so GDAL types them Real; the
    /// others, and numbers that already have one, are written as before.
    @Test func realPropertiesKeepADecimalPoint() throws {
        let p: JSONObject = ["stroke-width": 4, "fill-opacity": 0, "w": -0.0, "x": 0.25, "n": 4, "big": 1e300, "s": "4"]
        let f = Feature(geometry: nil, properties: p, id: "a@1")
        let text = try GeoJSONWriter(reals: ["stroke-width", "fill-opacity", "w", "x", "big", "s"]).feature(f)
        #expect(text == #"{"type":"Feature","id":"a@1","properties":{"stroke-width":4.0,"fill-opacity":0.0,"w":0.0,"x":0.25,"#
                + #""n":4,"big":1e+300,"s":"4"},"geometry":null}"#)
        #expect(try GeoJSONWriter().feature(f).contains(#""stroke-width":4,"#))
    }

    /// An id goes in as the member and as the first property, replacing an older `id` property.
    @Test func anIdentifiedFeatureCarriesItsIdTwice() throws {
        let f = Feature(geometry: nil, properties: ["a": 1, "id": "old"]).identified("pocket-0@2016-07-17")
        #expect(try GeoJSONWriter().feature(f)
                == #"{"type":"Feature","id":"pocket-0@2016-07-17","properties":{"id":"pocket-0@2016-07-17","a":1},"geometry":null}"#)
    }

    /// read → write → read gives the same geometry at 6 decimals, and writing again gives the same bytes.
    @Test func roundTripsAtSixDecimals() throws {
        let text = #"{"type":"Feature","id":3,"properties":{"k":"v"},"geometry":{"type":"Polygon","coordinates":"#
            + #"[[[37.12345678,36.00000049],[37.2,36.1],[37.2,36.0],[37.12345678,36.00000049]]]}}"#
        let first = try IOFixtures.read(text)
        let once = try GeoJSONWriter().collection(first)
        let second = try GeoJSONReader(context: context).read(once)
        let twice = try GeoJSONWriter().collection(second)
        #expect(once == twice)
        let a = first[0].geometry!.exteriorRing!.coordinates, b = second[0].geometry!.exteriorRing!.coordinates
        #expect(a.count == b.count)
        for (p, q) in zip(a, b.reversed()) {  // the clockwise input came back counter-clockwise
            #expect(abs(p.x - q.x) <= 5e-7 && abs(p.y - q.y) <= 5e-7)
        }
        #expect(b[0] == Coordinate(37.123457, 36.0))
        #expect(second[0].id == 3 && second[0].properties["k"] == "v")
    }

    static let neighbourhoods = Repository.shared.appendingPathComponent("geodata/aleppo_neighbourhoods_csr.geojson").path

    @Test(Reference.needs("../shared/geodata/aleppo_neighbourhoods_csr.geojson",
                          FileManager.default.fileExists(atPath: neighbourhoods)))
    func roundTripsTheAleppoNeighbourhoods() throws {
        let path = Self.neighbourhoods
        let fs = try GeoJSONReader(context: context).read(path: path)
        let once = try GeoJSONWriter().collection(fs)
        let again = try GeoJSONReader(context: context).read(once)
        #expect(again.count == fs.count)
        for (f, g) in zip(fs, again) {
            #expect(try f.geometry!.normalized().equalsExact(g.geometry!.normalized(), tolerance: 5e-7))
            #expect(f.properties == g.properties)
        }
        #expect(try GeoJSONWriter().collection(again) == once)
    }

    /// Streaming (read one, write one) gives the same bytes as reading and writing whole.
    @Test func streamingGivesTheSameBytes() throws {
        let dir = try IOFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = IOFixtures.path("all-types.geojson")
        var indices: [Int] = []
        try GeoJSONWriter().stream(to: dir + "/out.geojson") { add in
            try GeoJSONReader(context: context).forEach(path: input) { f, i in indices.append(i); try add(f) }
        }
        #expect(indices == Array(0..<9))
        #expect(try IOFixtures.bytes("all-types.expected.geojson") == [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/out.geojson"))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.geojson"])
    }

    /// A collection large enough to be encoded in blocks on the side threads (three blocks and a
    /// part) gives the bytes of the one-thread stream: the same separators, in the same order.
    @Test func aLargeCollectionWrittenInBlocksGivesTheStreamsBytes() throws {
        let dir = try IOFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var base: [Feature] = []
        try GeoJSONReader(context: context).forEach(path: IOFixtures.path("all-types.geojson")) { f, _ in base.append(f) }
        let count = 3 * GeoJSONWriter.block + 7
        let features = (0..<count).map { i in
            var f = base[i % base.count]
            f.properties["n"] = .number(Double(i))
            return f
        }
        try GeoJSONWriter().write(features, to: dir + "/blocks.geojson")
        try GeoJSONWriter().stream(to: dir + "/stream.geojson") { add in for f in features { try add(f) } }
        let blocks = try Data(contentsOf: URL(fileURLWithPath: dir + "/blocks.geojson"))
        #expect(blocks == (try Data(contentsOf: URL(fileURLWithPath: dir + "/stream.geojson"))))
        #expect(String(decoding: blocks, as: UTF8.self).components(separatedBy: "\n{\"type\":\"Feature\"").count == count + 1)
    }

    @Test func aFailedStreamLeavesNoFile() throws {
        let dir = try IOFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: GeoJSONError.self) {
            try GeoJSONWriter().stream(to: dir + "/out.geojson") { add in
                try GeoJSONReader(context: context).forEach(path: IOFixtures.path("faults.geojson")) { f, _ in try add(f) }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func isDeterministic() throws {
        let fs = try GeoJSONReader(context: context).read(path: IOFixtures.path("all-types.geojson"))
        #expect(try GeoJSONWriter().collection(fs) == GeoJSONWriter().collection(fs))
    }

    @Test func writesAnEmptyCollectionWithoutBbox() throws {
        #expect(String(decoding: try GeoJSONWriter().collection([]), as: UTF8.self)
                == "{\"type\":\"FeatureCollection\",\"features\":[]}\n")
    }

    @Test func refusesNonFiniteCoordinates() throws {
        let g = try context.point(Coordinate(.infinity, 1))
        #expect(throws: GeometryError.self) { try GeoJSONWriter().geometry(g) }
    }

    /// Positions are written in batches of 512 straight into memory; each must read as
    /// `append(fixed:)` writes its numbers, a value too large for six fixed decimals in full
    /// (its batch falls back number by number), and a NaN anywhere must still refuse.
    @Test func aLongLineWritesEachPositionAsItsNumbers() throws {
        var coords = (0..<1100).map { Coordinate(Double($0) * 0.1234567 - 60, -Double($0) / 7) }
        coords[700] = Coordinate(2.5e13, -0.0000004)
        let text = try GeoJSONWriter().geometry(try context.lineString(coords))
        var expected = ByteOutput()
        expected.append("{\"type\":\"LineString\",\"coordinates\":[")
        for (k, c) in coords.enumerated() {
            expected.append(k > 0 ? ",[" : "[")
            expected.append(fixed: c.x, decimals: 6)
            expected.append(UInt8(ascii: ","))
            expected.append(fixed: c.y, decimals: 6)
            expected.append(UInt8(ascii: "]"))
        }
        expected.append("]}")
        #expect(text == String(decoding: expected.bytes, as: UTF8.self))
        #expect(text.contains("[25000000000000,0]"))  // beyond the fixed form: in full
        coords[1030] = Coordinate(1, .nan)
        #expect(throws: GeometryError.self) { try GeoJSONWriter().geometry(try context.lineString(coords)) }
    }
}

@Suite("Atomic file")
struct AtomicFileTests {
    @Test func writesAndLeavesNoTemporaryFile() throws {
        let dir = try IOFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.geojson"
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write(Array("second".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.geojson"])
    }

    @Test func aFailedWriteLeavesTheOldFileAlone() throws {
        struct Boom: Error {}
        let dir = try IOFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.geojson"
        try AtomicFile.write(Array("old".utf8), to: path)
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: path) { out in
                out.append(contentsOf: [UInt8](repeating: 65, count: 3 << 20))  // several flushed chunks
                try out.flushIfLarge()
                throw Boom()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.geojson"])
        // And a new target is never created.
        #expect(throws: Boom.self) { try AtomicFile.write(to: dir + "/new.geojson") { _ in throw Boom() } }
        #expect(!FileManager.default.fileExists(atPath: dir + "/new.geojson"))
    }

    /// A target that is not a regular file is written in place, never replaced by a renamed
    /// temporary file: a named pipe gets the bytes and is still a pipe, with nothing left beside
    /// it, and /dev/null is still a character device.
    @Test func writesStraightToDevices() throws {
        let dir = try IOFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pipe = dir + "/pipe"
        try #require(mkfifo(pipe, 0o600) == 0)
        // A reader that does not wait, so the writer's open finds it and the bytes sit in the pipe.
        let reader = open(pipe, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write(Array("through the pipe".utf8), to: pipe)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count == 16 && String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "through the pipe")
        var st = stat()
        #expect(stat(pipe, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "the pipe was replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["pipe"])

        try AtomicFile.write(Array("x".utf8), to: "/dev/null")
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR, "/dev/null was replaced")
    }

    @Test func reportsAMissingFolder() throws {
        #expect(throws: FileWriteError.self) { try AtomicFile.write([1], to: "/no/such/folder/x.geojson") }
    }
}
