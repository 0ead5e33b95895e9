import CordonCore
import CordonGeometry

/// A control map: who holds which ground, over time (docs/design.md#control-maps).
public struct ControlMap {
    /// The file the map came from, as the user named it, for messages.
    public let file: String
    /// Every area of every date, in file order.
    public let areas: [ControlArea]

    /// A map from areas built in code; `file` names it in messages.
    public init(file: String, areas: [ControlArea]) {
        self.file = file
        self.areas = areas
    }

    /// Reads the map's features: Polygon/MultiPolygon with `controller`, optional `from`,
    /// `until`, `name`, `population`. Invalid geometry is an error naming GEOS's reason,
    /// unless `repair` is set; `repaired` then lists the features mended.
    ///
    /// - Parameters:
    ///   - file: The map's file name, for messages.
    ///   - features: The features of the file, in order.
    ///   - origins: Each feature's place in its layer, when some were left out on reading (a
    ///     field mapping's `ignore`); messages name that place. Nil: the features' own order.
    ///   - repair: Whether to mend invalid geometry with GEOS MakeValid instead of stopping.
    ///   - repaired: Told the feature index and GEOS's reason for each area mended.
    /// - Throws: ``SiegeInputError`` naming the first faulty feature, or a `GeometryError`.
    public init(file: String, features: [Feature], origins: [Int]? = nil, repair: Bool = false,
                repaired: ((Int, String) -> Void)? = nil) throws {
        self.file = file
        let reasons = repair ? nil : Self.validity(features)
        areas = try features.enumerated().map { i, f in
            let place = origins.flatMap { i < $0.count ? $0[i] : nil } ?? i
            return try Self.area(f, index: place, file: file, geometry: repair ? .repair(repaired) : .require(reasons?[i]))
        }
    }

    /// GEOS's reason why each polygonal feature is invalid (nil when valid), found before the
    /// areas are made, a large map's second half on a side thread in a GEOS context of its own;
    /// each outcome is used (or thrown) when its feature's turn comes, so the first fault is
    /// the same as when checking one feature after another.
    private static func validity(_ features: [Feature]) -> [Result<String?, any Error>?] {
        inHalves(features) { half, ctx -> [Result<String?, any Error>?] in
            half.map { f in
                guard let g = f.geometry, g.type.isPolygonal else { return nil }
                return Result { try (ctx.map(g.viewed) ?? g).validityReason() }
            }
        } ?? features.map { _ in nil }
    }

    /// Every fault in the properties of a control map's features (a missing `controller`, bad
    /// dates, a bad `population`, a feature that is not a polygon), one per faulty feature, for
    /// `cordon validate`. Geometry validity is left to the GeoJSON checks.
    /// - Parameters:
    ///   - file: The map's file name, for messages.
    ///   - features: The features and their index in the file.
    public static func faults(file: String, features: [(index: Int, feature: Feature)]) -> [SiegeInputError] {
        features.compactMap { i, f in
            do {
                _ = try area(f, index: i, file: file, geometry: .unchecked)
                return nil
            } catch let e as SiegeInputError {
                return e
            } catch {
                return SiegeInputError(file: file, feature: i, "\(error)")
            }
        }
    }

    /// What to do about invalid geometry while reading an area.
    private enum GeometryRule {
        /// Valid geometry required; its validity checked already when known.
        case require(Result<String?, any Error>?)
        case repair(((Int, String) -> Void)?)
        case unchecked
    }

    private static func area(_ f: Feature, index i: Int, file: String, geometry rule: GeometryRule) throws -> ControlArea {
        func fail(_ reason: String) -> SiegeInputError { SiegeInputError(file: file, feature: i, reason) }
        guard var g = f.geometry else { throw fail("has no geometry; a control area needs a Polygon or MultiPolygon") }
        guard g.type.isPolygonal else {
            throw fail("is a \(g.type.geoJSONName); a control area must be a Polygon or MultiPolygon")
        }
        guard let controller = f.properties["controller"]?.stringValue, !controller.isEmpty else {
            throw fail("has no `controller` (a string naming who holds the area)")
        }
        switch rule {
        case .unchecked:
            break
        case .require(let known):
            if let reason = try known.map({ try $0.get() }) ?? g.validityReason() {
                throw SiegeInputError(file: file, feature: i, "invalid geometry: \(reason)", repairable: true)
            }
        case .repair(let repaired):
            if let reason = try g.validityReason() {
                g = try g.makeValid()
                let polys = try g.polygons()
                g = polys.count == 1 ? polys[0] : try g.context.collection(.multiPolygon, polys)
                repaired?(i, reason)
            }
        }
        let (from, until) = try FeatureDates.span(of: f, fail)
        var population = 0.0
        if let p = f.properties["population"], !p.isNull {
            guard let v = p.numberValue, v.isFinite, v >= 0 else {
                throw fail("`population` must be a number ≥ 0")
            }
            population = v
        }
        return ControlArea(feature: i, geometry: g, controller: controller, from: from, until: until,
                           name: f.properties["name"]?.stringValue, population: population)
    }

    /// Whether any area has a `from` or an `until`, so the map changes over time.
    public var isDated: Bool { areas.contains { $0.isDated } }

    /// The controllers named in the map, sorted.
    public var controllers: [String] { Array(Set(areas.map(\.controller))).sorted() }

    /// Every date on which the map changes.
    public var changeDates: [Day] {
        Array(Set(areas.flatMap { [$0.from, $0.until].compactMap { $0 } })).sorted()
    }

    /// The periods of `--timeline`.
    public var periods: [Period] { Period.between(changeDates) }

    /// Indices of the areas held on `day` (every area when `day` is nil).
    public func indices(on day: Day?) -> [Int] {
        areas.indices.filter { areas[$0].holds(on: day) }
    }

    /// Checks that every named controller appears in the map.
    ///
    /// - Parameters:
    ///   - names: Controllers the analysis was asked about, such as the besieged side and its allies.
    ///   - role: Words for a name in the message: "the besieged controller".
    /// - Throws: ``SiegeInputError`` for the first name missing, listing the controllers the map does name.
    public func requireControllers(_ names: [String], role: (String) -> String) throws {
        if names.isEmpty { return }  // no allies, no neutral: nothing to look for among every area
        let known = Set(areas.map(\.controller))
        for n in names where !known.contains(n) {
            throw SiegeInputError(file: file, "\(role(n)) `\(n)` never appears; the map's controllers are: \(controllers.joined(separator: ", "))")
        }
    }
}
