import CordonSupply

extension Scenario {
    /// Refuses a scenario whose simulation would not fit within `SupplyLimits` (memory, steps,
    /// runs), before anything is allocated, naming the keys that make it large and what it
    /// would need. The loader calls it; a caller that overrides the runs (`--runs`) calls it again.
    ///
    /// - Parameters:
    ///   - override: Monte Carlo runs in place of `uncertainty.runs`; nil keeps the file's.
    ///   - keptPerRun: Numbers each run keeps beside its simulation (`SimulationSize.keptPerRun`).
    /// - Throws: `ScenarioError` naming `uncertainty.runs` (or `--runs`) when the runs make it
    ///   large, else `end`.
    public func checkSize(runs override: Int? = nil, keptPerRun: Int = 0) throws {
        let runs = max(0, override ?? supply.uncertainty?.runs ?? 0)
        let size = SimulationSize(supply, runs: runs, keptPerRun: keptPerRun)
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
        let observed = size.keptPerRun > 0 && runs > 0
        let message: String
        if size.bytes > SupplyLimits.maxMemory {
            let kept = observed ? ", with \(size.keptPerRun) numbers kept per run for the observations," : ""
            message = "\(what)\(kept) would need about \(size.memoryText) of memory, more than the limit of "
                + "\(SupplyLimits.maxMemory >> 30) GiB: fewer runs, fewer days"
                + (observed ? ", fewer supplies or fewer observations" : " or fewer supplies")
        } else {
            message = "\(what) with \(size.rules) inflows and evacuation rules come to \(size.steps) simulated steps, "
                + "more than the limit of \(SupplyLimits.maxSteps): fewer runs, fewer days or fewer supplies"
        }
        throw ScenarioError(file: file, path: byRuns ? runsKey : "end", message: message)
    }

    /// Every limit a `cordon run` of this scenario must keep, checked before its input files are
    /// read: the simulation (``checkSize(runs:keptPerRun:)``), every run's outcomes of the
    /// observations (``checkOutcomes(runs:kept:advice:)``), both together, since the one-pass Monte
    /// Carlo holds them at once (`ObservationModel.checkMonteCarlo(_:runs:)`), and the sensitivity
    /// analysis (``checkSensitivity(samples:spread:key:)``).
    ///
    /// - Parameters:
    ///   - override: Monte Carlo runs in place of `uncertainty.runs` (`--runs`); nil keeps the file's.
    ///   - sensitivitySamples: The Sobol base sample of `--sensitivity-samples`; nil for no sensitivity analysis.
    ///   - spread: The one-at-a-time spread of the sensitivity analysis.
    /// - Throws: `ScenarioError` naming the key or option at fault.
    public func checkRun(runs override: Int?, sensitivitySamples: Int?, spread: Double) throws {
        let kept = ObservationModel.keptInMonteCarlo(supply)
        // Apart first, so the message names the simulation or the outcomes when one alone is too large.
        try checkSize(runs: override)
        try checkOutcomes(runs: override, kept: kept)
        if !supply.observations.isEmpty {
            try checkSize(runs: override, keptPerRun: kept + supply.observations.count)
        }
        if let samples = sensitivitySamples {
            try checkSensitivity(samples: samples, spread: spread, key: "--sensitivity-samples")
        }
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
        // Saturates at Int.max, so an absurd sample still compares. Without ranges there is no
        // Sobol sample, only the runs one at a time, and the size check below speaks for them.
        let total = supply.sensitivityRuns(SensitivityOptions(spread: spread, samples: samples, seed: 0))
        if ranges > 0, total > SupplyLimits.maxRuns {
            let oneAtATime = supply.sensitivityRuns(SensitivityOptions(spread: spread, samples: 0, seed: 0))
            throw ScenarioError(file: file, path: "", message: "\(key) \(samples) with \(ranges) uncertainty ranges makes "
                + "\(samples) × \(ranges + 2) runs and \(oneAtATime) one at a time, more than the limit of "
                + "\(SupplyLimits.maxRuns): give \(key) at most \(max(0, SupplyLimits.maxRuns - oneAtATime) / (ranges + 2))")
        }
        if let excess = SimulationSize(supply, runs: total).excess {
            throw ScenarioError(file: file, path: "", message: "\(key) \(samples): the sensitivity analysis makes \(total) runs, "
                + "and \(excess): fewer samples")
        }
    }
}
