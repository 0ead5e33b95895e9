import CordonCore
import CordonGeometry
import Foundation

/// Where the properties Cordon reads come from when a source names them otherwise: the
/// controller, `from`, `until`, `name` and `population` may each come from another field, and
/// the controller may be derived from a field's values (`fill` → `#a52714: occupied`).
///
/// Mapping copies the value under Cordon's name and leaves the source's own field as it was.
/// A value of the controller field that no entry maps is an error listing the values found,
/// unless it is mapped to ``ControllerValue/ignore``, which leaves the feature out.
public struct FieldMapping: Sendable, Equatable {
    /// What a value of the controller field stands for.
    public enum ControllerValue: Sendable, Equatable {
        /// Held by this controller.
        case controller(String)
        /// Not part of the map: the feature is left out.
        case ignore
    }

    /// The field holding the controller; nil reads `controller`.
    public var controller: String?
    /// Values of the controller field and what each stands for, in the order given; empty takes
    /// the field's values as controller names.
    public var values: [(String, ControllerValue)]
    /// The field holding the first day held; nil reads `from`.
    public var from: String?
    /// The field holding the first day no longer held; nil reads `until`.
    public var until: String?
    /// The field holding the area's name; nil reads `name`.
    public var name: String?
    /// The field holding the residents; nil reads `population`.
    public var population: String?

    /// A mapping from values; every field left nil reads Cordon's own name.
    public init(controller: String? = nil, values: [(String, ControllerValue)] = [], from: String? = nil,
                until: String? = nil, name: String? = nil, population: String? = nil) {
        self.controller = controller
        self.values = values
        self.from = from
        self.until = until
        self.name = name
        self.population = population
    }

    /// Whether the mapping changes nothing.
    public var isEmpty: Bool {
        controller == nil && values.isEmpty && from == nil && until == nil && name == nil && population == nil
    }

    public static func == (a: FieldMapping, b: FieldMapping) -> Bool {
        a.controller == b.controller && a.values.elementsEqual(b.values, by: { $0.0 == $1.0 && $0.1 == $1.1 })
            && a.from == b.from && a.until == b.until && a.name == b.name && a.population == b.population
    }

    /// The layer's features with Cordon's properties filled from the mapped fields, and the index
    /// each kept feature had in the layer (features mapped to `ignore` are left out).
    ///
    /// - Throws: ``SourceError`` for a mapped field the layer lacks (listing its fields), or for
    ///   controller values no entry maps (listing them, with how many features hold each).
    public func apply(to layer: SourceLayer) throws -> (features: [Feature], origins: [Int]) {
        guard !isEmpty else { return (layer.features, Array(layer.features.indices)) }
        try requireFields(in: layer)
        let lookup = Dictionary(values.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        var unmapped: [String: Int] = [:], unmappedOrder: [String] = []
        var features: [Feature] = [], origins: [Int] = []
        features.reserveCapacity(layer.features.count)
        for (i, original) in layer.features.enumerated() {
            var f = original
            if let field = controller ?? (values.isEmpty ? nil : "controller") {
                let text = Self.text(f.properties[field])
                if !values.isEmpty {
                    switch text.flatMap({ lookup[$0] }) {
                    case .controller(let c)?: f.properties["controller"] = .string(c)
                    case .ignore?: continue
                    case nil:
                        let key = text ?? "null"
                        if unmapped[key] == nil { unmappedOrder.append(key) }
                        unmapped[key, default: 0] += 1
                        continue
                    }
                } else {
                    f.properties["controller"] = text.map(JSONValue.string) ?? .null
                }
            }
            copy(from, to: "from", in: &f, asDate: true)
            copy(until, to: "until", in: &f, asDate: true)
            copy(name, to: "name", in: &f, asDate: false)
            if let population {
                let v = f.properties[population] ?? .null
                if case .string(let s) = v, let n = Double(Self.trimmed(s)) { f.properties["population"] = .number(n) } else {
                    f.properties["population"] = v
                }
            }
            features.append(f)
            origins.append(i)
        }
        if !unmapped.isEmpty {
            let field = controller ?? "controller"
            let found = unmappedOrder.prefix(20).map { "\($0) (\(unmapped[$0] ?? 0))" }.joined(separator: ", ")
            let more = unmappedOrder.count > 20 ? ", … (\(unmappedOrder.count) values in all)" : ""
            throw SourceError(source: layer.source, layer: layer.name,
                              "values of `\(field)` that no mapping names: \(found)\(more); map each to a controller or to ignore")
        }
        return (features, origins)
    }

    private func requireFields(in layer: SourceLayer) throws {
        for (role, field) in [("controller", controller), ("from", from), ("until", until), ("name", name),
                              ("population", population)] {
            guard let field, !layer.fields.contains(field) else { continue }
            let known = layer.fields.isEmpty ? "it has no fields" : "its fields are: \(layer.fields.joined(separator: ", "))"
            throw SourceError(source: layer.source, layer: layer.name, "no field `\(field)` for the \(role); \(known)")
        }
    }

    private func copy(_ field: String?, to key: String, in f: inout Feature, asDate: Bool) {
        guard let field else { return }
        let v = f.properties[field] ?? .null
        if asDate, case .string(let s) = v { f.properties[key] = .string(Self.day(s)) } else { f.properties[key] = v }
    }

    /// A field's value as the text a mapping matches: strings as they are, whole numbers without
    /// a decimal point, nil for null or absent.
    static func text(_ v: JSONValue?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : JSONValue.number(n).jsonText
        case .bool(let b)?: return b ? "true" : "false"
        default: return nil
        }
    }

    private static func trimmed(_ s: String) -> String {
        String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// `2016-07-20T00:00:00Z`, `2016-07-20 00:00:00` and `2016/07/20` read as the day they start; anything else
    /// is left for the date check to name.
    static func day(_ s: String) -> String {
        // GDAL writes dates as 2016/07/20 when a format has no date type (KML, CSV).
        let s = s.count >= 10 && s.utf8.count >= 10 && Array(s.utf8)[4] == UInt8(ascii: "/") && Array(s.utf8)[7] == UInt8(ascii: "/")
            ? String(s.prefix(10)).replacingOccurrences(of: "/", with: "-") + s.dropFirst(10) : s
        guard s.count > 10, Day(iso: String(s.prefix(10))) != nil else { return s }
        let rest = s.dropFirst(11).filter { $0 != "Z" }
        return rest.allSatisfy { $0 == "0" || $0 == ":" || $0 == "." } ? String(s.prefix(10)) : s
    }
}
