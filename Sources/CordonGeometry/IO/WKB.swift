import CGEOS

/// Reads Well-Known Binary, raw or as hex text. Owns its GEOS reader, freed in deinit.
public final class WKBReader {
    /// The context the geometries read are made in.
    public let context: GEOSContext
    private let reader: OpaquePointer

    /// A reader making geometries in `context`.
    public init(context: GEOSContext) {
        self.context = context
        reader = GEOSWKBReader_create_r(context.handle)!
    }

    deinit { GEOSWKBReader_destroy_r(context.handle, reader) }

    /// The geometry encoded in `bytes`, either byte order.
    /// - Throws: ``GeometryError/geos(operation:message:)`` with GEOS's text for malformed input.
    public func read(_ bytes: [UInt8]) throws -> Geometry {
        try bytes.withUnsafeBufferPointer { b in
            try context.make("read WKB") { GEOSWKBReader_read_r($0, reader, b.baseAddress, b.count) }
        }
    }

    /// The geometry encoded in hexadecimal text, as PostGIS prints it.
    /// - Throws: ``GeometryError/geos(operation:message:)`` with GEOS's text for malformed input.
    public func read(hex: String) throws -> Geometry {
        let bytes = Array(hex.utf8)
        return try bytes.withUnsafeBufferPointer { b in
            try context.make("read hex WKB") { GEOSWKBReader_readHEX_r($0, reader, b.baseAddress, b.count) }
        }
    }
}

/// Writes 2-D Well-Known Binary, little-endian unless asked otherwise. Owns its GEOS writer.
public final class WKBWriter {
    /// The context of the geometries it writes.
    public let context: GEOSContext
    private let writer: OpaquePointer

    /// A writer for geometries of `context`; `bigEndian` picks network byte order.
    public init(context: GEOSContext, bigEndian: Bool = false) {
        self.context = context
        writer = GEOSWKBWriter_create_r(context.handle)!
        GEOSWKBWriter_setOutputDimension_r(context.handle, writer, 2)
        GEOSWKBWriter_setByteOrder_r(context.handle, writer, bigEndian ? 0 : 1)
    }

    deinit { GEOSWKBWriter_destroy_r(context.handle, writer) }

    /// `g` as 2-D Well-Known Binary.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func write(_ g: Geometry) throws -> [UInt8] {
        try output("write WKB") { GEOSWKBWriter_write_r($0, writer, g.pointer, $1) }
    }

    /// Upper-case hex, as PostGIS prints it.
    public func writeHex(_ g: Geometry) throws -> String {
        String(decoding: try output("write hex WKB") { GEOSWKBWriter_writeHEX_r($0, writer, g.pointer, $1) }, as: UTF8.self)
    }

    /// Copies a GEOS-allocated buffer into Swift and frees it.
    private func output(_ op: String, _ call: (GEOSContextHandle_t, UnsafeMutablePointer<Int>) -> UnsafeMutablePointer<UInt8>?) throws -> [UInt8] {
        context.reset()
        var size = 0
        guard let p = call(context.handle, &size) else { throw context.error(op) }
        defer { GEOSFree_r(context.handle, p) }
        return Array(UnsafeBufferPointer(start: p, count: size))
    }
}
