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

    /// Refuses Monte Carlo runs whose outcomes of the scenario's observations would not fit
    /// (`SupplyScenario.outcomeBytes(runs:kept:)`), before any map work: `cordon run` and
    /// `cordon hindcast` keep every run's outcome of every observation.
    ///
    /// - Parameters:
    ///   - override: Runs in place of `uncertainty.runs` (`--runs`); nil keeps the file's.
    ///   - kept: Numbers each run keeps beside its outcomes.
    ///   - advice: What to do instead, ending the message.
    /// - Throws: `ScenarioError` naming `--runs` or `uncertainty.runs`.
    public func checkOutcomes(runs override: Int? = nil, kept: Int, advice: String = "fewer runs or fewer observations") throws {
        guard !supply.observations.isEmpty else { return }
        do {
            try supply.checkOutcomes(runs: max(0, override ?? supply.uncertainty?.runs ?? 0), kept: kept)
        } catch let e as SupplyError {
            throw ScenarioError(file: file, path: override != nil ? "--runs" : "uncertainty.runs", message: "\(e): \(advice)")
        }
    }

    /// Refuses a sensitivity analysis of `samples` Sobol rows (`SensitivityOptions`) that
    /// would pass `SupplyLimits`, before any map work: samples × (ranges + 2) runs past the
    /// Monte Carlo limit, or all its runs (`SupplyScenario.sensitivityRuns`) too large for the scenario.
    ///
    /// - Parameters:
    ///   - samples: The Sobol base sample.
    ///   - spread: The one-at-a-time spread.
    ///   - key: The option that gave `samples` (`--samples`, `--sensitivity-samples`), named in the message.
    /// - Throws: `ScenarioError` naming `key`.
    public func checkSensitivity(samples: Int, spread: Double, key: String) throws {
        let ranges = supply.uncertainty?.vary.count ?? 0
        // Without ranges there is no Sobol sample, only the runs one at a time.
        let oneAtATime = supply.sensitivityRuns(SensitivityOptions(spread: spread, samples: 0, seed: 0))
        let (sobol, overflow) = samples.multipliedReportingOverflow(by: ranges + 2)
        if ranges > 0, overflow || sobol > SupplyLimits.maxRuns - oneAtATime {
            throw ScenarioError(file: file, path: "", message: "\(key) \(samples) with \(ranges) uncertainty ranges makes "
                + "\(samples) × \(ranges + 2) runs and \(oneAtATime) one at a time, more than the limit of "
                + "\(SupplyLimits.maxRuns): give \(key) at most \(max(0, SupplyLimits.maxRuns - oneAtATime) / (ranges + 2))")
        }
        let total = supply.sensitivityRuns(SensitivityOptions(spread: spread, samples: samples, seed: 0))
        if let excess = SimulationSize(supply, runs: total).excess {
            throw ScenarioError(file: file, path: "", message: "\(key) \(samples): the sensitivity analysis makes \(total) runs, "
                + "and \(excess): fewer samples")
        }
    }
}
