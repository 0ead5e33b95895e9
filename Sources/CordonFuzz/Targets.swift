/// The inputs the fuzzer drives, chosen by name (`CORDON_FUZZ_TARGET` or the replay's first argument).
enum FuzzTarget: String, CaseIterable {
    case geojson, scenario, wkt

    /// Runs one input. Every error it may throw is expected; only a crash, a hang,
    /// a leak or a sanitizer report counts as a finding.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .geojson: GeoJSONTarget.run(bytes)
        case .scenario: ScenarioTarget.run(bytes)
        case .wkt: WKTTarget.run(bytes)
        }
    }
}
