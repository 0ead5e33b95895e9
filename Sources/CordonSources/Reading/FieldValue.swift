import CGDAL
import CordonCore

/// An OGR field's value as a JSON value, the way GeoJSON properties carry it: numbers, strings,
/// Booleans, lists as arrays; a Date as `YYYY-MM-DD` and a DateTime at midnight as its date, so
/// `from`/`until` read the same from a GeoPackage DATE column as from GeoJSON text.
enum FieldValue {
    static func json(_ feature: OGRFeatureH, _ i: Int32, _ definition: OGRFieldDefnH) -> JSONValue? {
        guard OGR_F_IsFieldSet(feature, i) != 0 else { return nil }
        guard OGR_F_IsFieldNull(feature, i) == 0 else { return .null }
        let type = OGR_Fld_GetType(definition)
        switch type {
        case OFTInteger:
            let v = OGR_F_GetFieldAsInteger(feature, i)
            return OGR_Fld_GetSubType(definition) == OFSTBoolean ? .bool(v != 0) : .number(Double(v))
        case OFTInteger64:
            return .number(Double(OGR_F_GetFieldAsInteger64(feature, i)))
        case OFTReal:
            return .number(OGR_F_GetFieldAsDouble(feature, i))
        case OFTDate, OFTDateTime:
            return date(feature, i, withTime: type == OFTDateTime)
        case OFTIntegerList, OFTInteger64List, OFTRealList:
            var count: Int32 = 0
            guard let p = OGR_F_GetFieldAsDoubleList(feature, i, &count) else { return .array([]) }
            return .array(UnsafeBufferPointer(start: p, count: Int(max(0, count))).map { .number($0) })
        case OFTStringList:
            guard let list = OGR_F_GetFieldAsStringList(feature, i) else { return .array([]) }
            var out: [JSONValue] = [], k = 0
            while let s = list[k] { out.append(.string(String(cString: s))); k += 1 }
            return .array(out)
        default:
            return OGR_F_GetFieldAsString(feature, i).map { .string(String(cString: $0)) } ?? .null
        }
    }

    private static func date(_ feature: OGRFeatureH, _ i: Int32, withTime: Bool) -> JSONValue {
        var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, h: Int32 = 0, min: Int32 = 0, tz: Int32 = 0
        var s: Float = 0
        guard OGR_F_GetFieldAsDateTimeEx(feature, i, &y, &m, &d, &h, &min, &s, &tz) != 0 else { return .null }
        let day = pad(Int(y), 4) + "-" + pad(Int(m), 2) + "-" + pad(Int(d), 2)
        if !withTime || (h == 0 && min == 0 && s == 0) { return .string(day) }
        let whole = Int(s.rounded(.down))
        return .string(day + "T" + pad(Int(h), 2) + ":" + pad(Int(min), 2) + ":" + pad(whole, 2))
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
