import CordonSupply

extension Scenario {
    /// Refuses a scenario whose simulation would not fit within `SupplyLimits` (memory, steps,
    /// runs), before anything is allocated, naming the keys that make it large and what it
    /// would need. The loader calls it; a caller that overrides the runs (`--runs`) calls it again.
    ///
    /// - Parameter override: Monte Carlo runs in place of `uncertainty.runs`; nil keeps the file's.
    /// - Throws: `ScenarioError` naming `uncertainty.runs` (or `--runs`) when the runs make it
    ///   large, else `end`.
    public func checkSize(runs override: Int? = nil) throws {
        let runs = max(0, override ?? supply.uncertainty?.runs ?? 0)
        let size = SimulationSize(supply, runs: runs)
        guard !size.fits else { return }
        let runsKey = override != nil ? "--runs" : "uncertainty.runs"
        if runs > SupplyLimits.maxRuns {
            throw ScenarioError(file: file, path: runsKey, message: "must be at most \(SupplyLimits.maxRuns)")
        }
        // Name the runs when they, rather than the days and supplies, make it large.
        let centralBytes = SimulationSize(supply, runs: 0).bytes
        let byRuns = runs > 0 && (size.bytes > SupplyLimits.maxMemory ? size.bytes - centralBytes > centralBytes : true)
        let what = (runs > 0 ? "\(runs) runs × " : "") + "\(size.days) days (start to end) × "
            + (size.commodities == 1 ? "1 supply" : "\(size.commodities) supplies")
        let message: String
        if size.bytes > SupplyLimits.maxMemory {
            message = "\(what) would need about \(size.memoryText) of memory, more than the limit of "
                + "\(SupplyLimits.maxMemory >> 30) GiB: fewer runs, fewer days or fewer supplies"
        } else {
            message = "\(what) with \(size.rules) inflows and evacuation rules come to \(size.steps) simulated steps, "
                + "more than the limit of \(SupplyLimits.maxSteps): fewer runs, fewer days or fewer supplies"
        }
        throw ScenarioError(file: file, path: byRuns ? runsKey : "end", message: message)
    }
}
