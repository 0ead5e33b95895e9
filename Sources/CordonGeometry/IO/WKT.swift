import CGEOS

/// Reads Well-Known Text with GEOS. Owns its GEOS reader, freed in deinit; like its
/// context, it stays in one task or thread.
public final class WKTReader {
    /// The context the geometries read are made in.
    public let context: GEOSContext
    private let reader: OpaquePointer

    /// A reader making geometries in `context`.
    public init(context: GEOSContext) {
        self.context = context
        reader = GEOSWKTReader_create_r(context.handle)!
    }

    deinit { GEOSWKTReader_destroy_r(context.handle, reader) }

    /// Throws `GeometryError.geos` with GEOS's own text for malformed input.
    public func read(_ text: String) throws -> Geometry {
        try context.make("read WKT") { GEOSWKTReader_read_r($0, reader, text) }
    }
}

/// Writes Well-Known Text, trimmed (no trailing zeros: GEOS 3.11 writes 16 decimals otherwise).
public final class WKTWriter {
    /// The context of the geometries it writes.
    public let context: GEOSContext
    private let writer: OpaquePointer

    /// `precision`: decimal places, or nil for as many as a double needs.
    public init(context: GEOSContext, precision: Int? = nil) {
        self.context = context
        writer = GEOSWKTWriter_create_r(context.handle)!
        GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
        GEOSWKTWriter_setOutputDimension_r(context.handle, writer, 2)
        if let precision { GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(precision)) }
    }

    deinit { GEOSWKTWriter_destroy_r(context.handle, writer) }

    /// `g` as 2-D Well-Known Text, such as `POLYGON ((37.1 36.2, …))`.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func write(_ g: Geometry) throws -> String {
        context.reset()
        // GEOS 3.11.1's trimmed writer formats into a fixed stack buffer that numbers from
        // about 1e140 overflow (stack smashing, found by fuzzing): write those untrimmed.
        // Every coordinate is looked at: a NaN can hide a huge number from the envelope.
        let huge = (try? g.transformed { abs($0.x) < 1e100 && abs($0.y) < 1e100 }) == nil
        if huge { GEOSWKTWriter_setTrim_r(context.handle, writer, 0) }
        defer { if huge { GEOSWKTWriter_setTrim_r(context.handle, writer, 1) } }
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, g.pointer) else {
            throw context.error("write WKT")
        }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }
}

extension Geometry {
    /// Trimmed WKT, e.g. `POINT (37.1 36.2)`.
    public var wkt: String {
        get throws { try WKTWriter(context: context).write(self) }
    }
}
