/// Compact, deterministic JSON text: members in their stored order, no spaces,
/// numbers as `ByteOutput.append(number:)` writes them.
extension ByteOutput {
    /// Appends `v` as compact JSON: no spaces, object members in their stored order, numbers as
    /// ``append(number:)`` writes them, so the same value always gives the same bytes.
    public mutating func append(json v: JSONValue) {
        switch v {
        case .null: append("null")
        case let .bool(b): b ? append("true") : append("false")
        case let .number(x): append(number: x)
        case let .string(s): append(jsonString: s)
        case let .array(a):
            append(UInt8(ascii: "["))
            for (i, e) in a.enumerated() {
                if i > 0 { append(UInt8(ascii: ",")) }
                append(json: e)
            }
            append(UInt8(ascii: "]"))
        case let .object(o): append(json: o)
        }
    }

    /// Appends `o` as a compact JSON object, its members in their stored order.
    ///
    /// - Parameters:
    ///   - o: The object.
    ///   - reals: Members whose whole numbers are written with a decimal point (`4.0`), so
    ///     readers that type a field by its text (GDAL, QGIS) take it as Real; see ``FractionalFields``.
    public mutating func append(json o: JSONObject, reals: Set<String> = []) {
        append(UInt8(ascii: "{"))
        for (i, (k, v)) in o.enumerated() {
            if i > 0 { append(UInt8(ascii: ",")) }
            append(jsonString: k)
            append(UInt8(ascii: ":"))
            if case let .number(x) = v, reals.contains(k) {
                append(real: x)
            } else {
                append(json: v)
            }
        }
        append(UInt8(ascii: "}"))
    }

    /// A JSON number that always shows it is not an integer: a whole value gets `.0`.
    public mutating func append(real x: Double) {
        let start = bytes.count
        append(number: x)
        // Only digits and a sign mean a whole number (no `.`, no exponent, not `null`).
        if bytes[start...].allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            append(".0")
        }
    }
}

extension JSONValue {
    /// The value as compact JSON text.
    public var jsonText: String {
        var out = ByteOutput()
        out.append(json: self)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
