/// The stable `id` of an output feature: the same feature gets the same id in every run of the
/// same inputs, and the id says what the feature is (docs/design.md#outputs):
/// `NAME@DAY/PART`, such as `pocket-0@2016-07-17` or `Castello Road@2016-07-17/whole`.
public enum FeatureID {
    /// The id of `name` over `period` (or on `date`), optionally one `part` of it.
    ///
    /// - Parameters:
    ///   - name: What the feature is: `pocket-3`, a route's or district's name, a controller.
    ///   - period: The period it holds for; it is named by its first day, or `first` for a
    ///     period that began before the map's first change date. Nil adds no day.
    ///   - date: The day asked for, on single-date answers; it takes the place of the period.
    ///   - part: A part of the feature (a route's `whole` or stretch, a front's side); nil for none.
    /// - Returns: `name`, then `@` and the day, then `/` and the part, each only when given.
    public static func make(_ name: String, period: Period?, date: Day? = nil, part: String? = nil) -> String {
        var id = name
        if let date {
            id += "@" + date.description
        } else if let period {
            id += "@" + (period.from?.description ?? "first")
        }
        if let part { id += "/" + part }
        return id
    }
}

/// Properties Cordon writes that are measures with a fraction by nature (lengths, areas,
/// shares, capacities, the simplestyle width and opacity). Writers put them out with a decimal
/// point even when whole (`4.0`, `0.0`), so GDAL and QGIS type them Real in every layer and
/// every run, whatever one run's values are. Counts rounded to whole people or metres
/// (`population`, `closure_m`, `min_distance_m`, `reach_population`) are not among them.
public enum FractionalFields {
    /// The property names.
    public static let names: Set<String> = [
        "area_km2", "perimeter_km", "hostile_share", "length_km", "hostile_km", "exposed_km",
        "capacity_per_day", "daily_capacity", "stroke-width", "fill-opacity",
        "minutes", "reopen_cut_km", "minutes_to_corridor", "km_to_corridor", "minutes_to_way_out", "km_to_way_out",
    ]
}
