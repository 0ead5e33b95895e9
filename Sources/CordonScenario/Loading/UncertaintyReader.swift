import CordonSupply

/// Reads `uncertainty`: `runs`, `seed` and `vary`, whose keys are dotted paths into the scenario
/// (`population`, `supplies.<commodity>.<field>`, `inflows.<index>.<field>`, `evacuation.<index>.<field>`,
/// `population_changes.<index>.<field>`).
extension Section {
    func uncertainty(for scenario: SupplyScenario) throws -> Uncertainty {
        let vary = try optional("vary")?.entries().map { path, value in
            let parameter = try value.parameter(path, in: scenario)
            return Variation(parameter, try value.section(ScenarioKeys.distributions).distribution())
        }
        let runsField = try required("runs", "the number of Monte Carlo runs")
        let runs = try runsField.count()
        guard runs <= SupplyLimits.maxRuns else { throw runsField.error("must be at most \(SupplyLimits.maxRuns)") }
        return Uncertainty(runs: runs, seed: try optional("seed")?.seed() ?? 0, vary: vary ?? [])
    }

    /// The one distribution a vary entry names, with its parameters checked.
    func distribution() throws -> Distribution {
        guard let (name, value) = try field.entries().first else {
            throw error("give a distribution: \(ScenarioKeys.distributions.joined(separator: ", "))")
        }
        let numbers = try value.list().map { try $0.number() }
        func expect(_ count: Int, _ shape: String) throws {
            guard numbers.count == count else { throw value.error("must be \(shape)") }
        }
        func inOrder(_ shape: String) throws {
            guard zip(numbers, numbers.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw value.error("must be in order \(shape)") }
            guard numbers[0] >= 0 else { throw value.error("must be ≥ 0: every varied value is") }
        }
        let distribution: Distribution
        switch name {
        case "uniform":
            try expect(2, "[a, b]"); try inOrder("a ≤ b")
            distribution = .uniform(numbers[0], numbers[1])
        case "triangular":
            try expect(3, "[a, mode, b]"); try inOrder("a ≤ mode ≤ b")
            distribution = .triangular(numbers[0], numbers[1], numbers[2])
        case "normal":
            try expect(2, "[mean, sd]")
            guard numbers[0] >= 0, numbers[1] >= 0 else { throw value.error("mean and sd must be ≥ 0 (draws are truncated at 0)") }
            distribution = .normal(mean: numbers[0], sd: numbers[1])
        default:
            try expect(2, "[mu, sigma]")
            guard numbers[1] >= 0 else { throw value.error("sigma must be ≥ 0") }
            distribution = .lognormal(mu: numbers[0], sigma: numbers[1])
        }
        // Every draw must stay an amount the model carries, as the values written in the file do.
        guard distribution.largestDraw <= SupplyLimits.maxAmount else {
            throw value.error("can draw more than 1e15, the largest amount the model carries (\(Self.largest(name)))")
        }
        return distribution
    }

    /// How the largest draw of distribution `name` follows from its numbers.
    private static func largest(_ name: String) -> String {
        switch name {
        case "uniform", "triangular": return "its largest draw is b"
        case "normal": return "its largest draw is mean + 8.57 × sd"
        default: return "its largest draw is exp(mu + 8.57 × sigma): lower mu or sigma"
        }
    }
}

extension Field {
    /// The scenario parameter a vary path names.
    func parameter(_ dotted: String, in scenario: SupplyScenario) throws -> Parameter {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let sections = ["population", "supplies", "inflows", "evacuation", "population_changes"]
        guard let section = parts.first, sections.contains(section) else {
            throw error("unknown path, \(Suggestion.hint(for: parts.first ?? "", in: sections))")
        }
        if section == "population" {
            guard parts.count == 1 else { throw error("population has no fields") }
            return .population
        }
        // An inflow's name may hold dots: everything between the section and the field.
        // A supply's price fields have one dot of their own (`supplies.food.price.cap`).
        let priceField = section == "supplies" && parts.count == 4 && parts[2] == "price"
        guard parts.count == 3 || (section == "inflows" && parts.count > 3) || priceField else {
            let item = section == "supplies" ? "commodity" : section == "inflows" ? "index or name" : "index"
            throw error("write \(section).<\(item)>.<field>")
        }
        let (item, name) = priceField ? (parts[1], "price." + parts[3])
            : (parts[1..<(parts.count - 1)].joined(separator: "."), parts[parts.count - 1])
        func field<F: RawRepresentable & CaseIterable>(_: F.Type, _ allowed: [F] = Array(F.allCases)) throws -> F where F.RawValue == String {
            guard let f = F(rawValue: name), allowed.contains(where: { $0.rawValue == name }) else {
                throw error("cannot vary '\(name)', \(Suggestion.hint(for: name, in: allowed.map(\.rawValue)))")
            }
            return f
        }
        func index(_ count: Int) throws -> Int {
            guard count > 0 else { throw error("the scenario has no \(section) to vary") }
            guard let i = Int(item), (0..<count).contains(i) else {
                throw error("no \(section) entry \(item): indices run from 0 to \(count - 1)")
            }
            return i
        }
        switch section {
        case "supplies":
            let names = scenario.supplies.map(\.commodity)
            guard let i = names.firstIndex(of: item) else {
                throw error("no supply '\(item)', \(Suggestion.hint(for: item, in: names))")
            }
            let supplyField = try field(Parameter.SupplyField.self)
            if [.priceElasticity, .priceCap].contains(supplyField), scenario.supplies[i].price == nil {
                throw error("supply '\(item)' has no price index to vary: give it price: {elasticity, cap}")
            }
            return .supply(i, supplyField)
        case "inflows":
            let names = scenario.inflows.map(\.name)
            let i = Int(item) == nil ? try names.firstIndex(of: item).unwrap(or: error(
                "no inflow named '\(item)', \(Suggestion.hint(for: item, in: names))")) : try index(scenario.inflows.count)
            if case .once = scenario.inflows[i].schedule {
                return .inflow(i, try field(Parameter.InflowField.self, [.amount]))
            }
            return .inflow(i, try field(Parameter.InflowField.self, [.perDay, .underFireFactor]))
        case "population_changes":
            let i = try index(scenario.populationChanges.count)
            let rate = Parameter.PopulationChangeField(rawValue: scenario.populationChanges[i].basis.rawValue) ?? .perDay
            return .populationChange(i, try field(Parameter.PopulationChangeField.self, [rate, .maxTotal]))
        default:
            return .evacuation(try index(scenario.evacuation.count), try field(Parameter.EvacuationField.self))
        }
    }
}

private extension Optional {
    func unwrap(or failure: @autoclosure () -> Error) throws -> Wrapped {
        guard let self else { throw failure() }
        return self
    }
}
