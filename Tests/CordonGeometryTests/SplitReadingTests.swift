import CordonCore
import Foundation
import Testing
@testable import CordonGeometry

/// A large "features" array is read in two pieces, the second on a side thread from a guessed
/// start (`DocumentParser.startSidePiece`). Every feature must come out as the generator wrote
/// it and as the one-piece reading (`check`, which never splits) reads it, whether the guess
/// holds or falls inside a string, and a fault in the second half must be the one-piece fault.
@Suite("GeoJSON reader, two pieces")
struct SplitReadingTests {
    /// Feature i: a square at (i mod 100, i / 100) hundredths of a degree east and north of
    /// (36, 35), a third ordinate on every seventh, `n` = i and a name; every 50th has its keys
    /// in another order, every 97th a nested object, every 89th an escaped key.
    /// `unclosed`: a feature whose ring does not end where it starts.
    /// `trailer`: a foreign member written after each feature's geometry (readers skip it).
    static func collection(count: Int, unclosed: Int? = nil, trailer: String? = nil) -> String {
        var out = #"{"type":"FeatureCollection","features":["#
        for i in 0..<count {
            let x = 36 + Double(i % 100) / 100, y = 35 + Double(i / 100) / 100
            let z = i % 7 == 0 ? ",5" : ""
            let ring = [(x, y), (x + 0.01, y), (x + 0.01, y + 0.01), (x, y + 0.01), (x, i == unclosed ? y + 0.005 : y)]
                .map { "[\($0.0),\($0.1)\(z)]" }.joined(separator: ",")
            var props = #""n":\#(i),"name":"cell","controller":"opposition""#
            if i % 50 == 0 { props = #""controller":"opposition","n":\#(i),"name":"cell""# }
            if i % 97 == 0 { props += #","extra":{"a":[1,2,{"b":null}]}"# }
            if i % 89 == 0 { props += #","k\u0065y":true"# }
            out += (i == 0 ? "\n" : ",\n") + #"{"type":"Feature","id":\#(i),"properties":{\#(props)},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}\#(trailer.map { ",\"note\":\($0)" } ?? "")}"#
        }
        return out + "\n]}\n"
    }

    /// Reads `text` as `GeoJSONReader.read` does, telling whether the side thread's piece was taken.
    static func read(_ text: String, context: GEOSContext) throws -> (features: [Feature], dropped: Int, split: Bool) {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw in
            var p = DocumentParser(raw, context: context, maxDepth: 256, checkRange: true, collectFaults: false)
            p.splitting = true
            p.document()
            if let f = p.faults.first { throw f.fault }
            return (p.features, p.featuresWithDroppedOrdinates, p.sidePieceTaken)
        }
    }

    static func check(_ read: [Feature], against text: String, count: Int, context: GEOSContext) throws {
        let whole = GeoJSONReader(context: try GEOSContext()).check(Array(text.utf8))
        #expect(whole.isValid && whole.entries.count == count)
        #expect(read.count == count)
        let wkb = WKBWriter(context: context)
        for (i, f) in read.enumerated() {
            let one = whole.entries[i].feature
            #expect(f.properties == one.properties && f.id == one.id)
            #expect(f.properties["n"] == .number(Double(i)) && f.id == .number(Double(i)))
            #expect(f.geometry!.context === context)  // owned by the reader's context, whichever thread made it
            #expect(try wkb.write(f.geometry!) == (try wkb.write(one.geometry!.copy(into: context))))
            let x = 36 + Double(i % 100) / 100, y = 35 + Double(i / 100) / 100
            #expect(f.geometry!.exteriorRing!.coordinates.first == Coordinate(x, y))
        }
    }

    @Test func aLargeArrayReadsTheSameInTwoPieces() throws {
        let count = 6000
        let text = Self.collection(count: count)
        #expect(text.utf8.count > DocumentParser.splitBytes)
        let context = try GEOSContext()
        let r = try Self.read(text, context: context)
        #expect(r.split)
        #expect(r.dropped == (0..<count).filter { $0 % 7 == 0 }.count)
        try Self.check(r.features, against: text, count: count, context: context)
        // The reader's own entry point takes the same path.
        let viaReader = try GeoJSONReader(context: context).read(Array(text.utf8))
        #expect(viaReader.map(\.properties) == r.features.map(\.properties))
    }

    @Test func aGuessInsideAStringIsDroppedAndReadInOnePiece() throws {
        // Every feature ends with a 2,000-byte string whose last bytes are `},{`: the middle of
        // the file falls inside one, the first candidate past it is that `},{`, the side
        // thread's reading is dropped, and the main reader goes on alone.
        let count = 1000
        let text = Self.collection(count: count, trailer: "\"" + String(repeating: "a", count: 2000) + #"},{\"y""#)
        #expect(text.utf8.count > DocumentParser.splitBytes)
        let context = try GEOSContext()
        let r = try Self.read(text, context: context)
        #expect(!r.split)
        try Self.check(r.features, against: text, count: count, context: context)
    }

    @Test func aFaultInTheSecondHalfIsTheOnePieceFault() throws {
        let count = 6000
        let text = Self.collection(count: count, unclosed: 5000)
        let whole = GeoJSONReader(context: try GEOSContext()).check(Array(text.utf8))
        let expected = try #require(whole.faults.first)
        #expect(expected.feature == 5000)
        do {
            _ = try GeoJSONReader(context: try GEOSContext()).read(Array(text.utf8), file: "test.geojson")
            Issue.record("read a faulty file")
        } catch let e as GeoJSONError {
            #expect(e.feature == 5000 && e.line == expected.line && e.column == expected.column && e.reason == expected.reason)
        }
    }
}
