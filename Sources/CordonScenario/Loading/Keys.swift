/// The keys each section of a scenario file may hold. A new key is added here and read where its
/// section is read; anything not listed is an error with a "did you mean".
enum ScenarioKeys {
    static let top = ["name", "start", "end", "population", "supplies", "inflows", "rationing", "evacuation",
                      "population_changes", "uncertainty", "observations"]
        + siege
    /// The keys `cordon run` reads to find the siege on the map (`SiegeReader.swift`).
    static let siege = ["map", "routes", "districts", "roads", "besieged", "allies", "neutral", "snap", "fire_range_m", "walk_m", "focus"]
        + evidence
    /// Evidence beside the model (docs/design.md#evidence): conflict events and market prices.
    static let evidence = ["events", "prices", "max_precision", "evidence_status", "alert_minimum"]
    /// `map:` written as a mapping: which source, which layer, which fields.
    static let mapSource = ["source", "layer", "fields", "values"]
    /// `routes:`, `districts:` and `roads:` written as a mapping.
    static let layerSource = ["source", "layer"]
    /// `map.fields`: the fields that hold what Cordon reads.
    static let mapFields = ["controller", "from", "until", "name", "population"]
    static let supply = ["commodity", "unit", "stock", "need_per_person_day", "spoilage_per_day", "need_by_month",
                         "kcal_per_unit", "price"]
    /// A supply's `price:` index (a model, `PriceReader.swift`).
    static let price = ["elasticity", "cap"]
    static let inflow = ["name", "commodity", "per_day", "route", "corridor", "airport", "from", "until", "suspended",
                         "under_fire_factor", "date", "amount"]
    /// One window of an inflow's `suspended` list.
    static let suspension = ["from", "until"]
    static let rationing = ["below_days", "ration"]
    static let evacuation = ["from", "until", "per_day", "max_total", "corridor"]
    static let populationChange = ["kind", "per_day", "per_10k_day", "from", "until", "max_total", "while_short"]
    static let uncertainty = ["runs", "seed", "vary"]
    static let observation = ["date", "what", "value", "source", "note"]
    static let distributions = ["uniform", "triangular", "normal", "lognormal"]
}

extension ScenarioLoader {
    /// Every key path the loader accepts, spelled as docs/scenario.md lists them: `start`,
    /// `supplies[].stock`, `uncertainty.vary.*.normal`. A tool can offer them for completion;
    /// a test holds the documentation to them.
    public static var keyPaths: [String] {
        ScenarioKeys.top
            + ScenarioKeys.mapSource.map { "map.\($0)" }
            + ScenarioKeys.mapFields.map { "map.fields.\($0)" }
            + ["map.values.*"]
            + ["routes", "districts", "roads"].flatMap { key in ScenarioKeys.layerSource.map { "\(key).\($0)" } }
            + ScenarioKeys.supply.map { "supplies[].\($0)" }
            + ScenarioKeys.price.map { "supplies[].price.\($0)" }
            + ScenarioKeys.inflow.map { "inflows[].\($0)" }
            + ScenarioKeys.suspension.map { "inflows[].suspended[].\($0)" }
            + ScenarioKeys.rationing.map { "rationing[].\($0)" }
            + ScenarioKeys.evacuation.map { "evacuation[].\($0)" }
            + ScenarioKeys.populationChange.map { "population_changes[].\($0)" }
            + ScenarioKeys.uncertainty.map { "uncertainty.\($0)" }
            + ScenarioKeys.observation.map { "observations[].\($0)" }
            + ScenarioKeys.distributions.map { "uncertainty.vary.*.\($0)" }
    }
}
