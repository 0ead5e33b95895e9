import CordonCore
import CordonSupply

/// The scenario's assumptions as sentences: people, stocks, needs, inflows, rationing,
/// evacuation, the siege rules and what Monte Carlo varies. Written at run time, when the
/// scenario is at hand, and kept in `summary.json` for later rebuilds.
struct ReportAssumptions {
    let result: ScenarioResult

    init(_ result: ScenarioResult) { self.result = result }

    private var model: SupplyScenario { result.model }
    private func n(_ x: Double, _ places: Int = 0) -> String { NumberText.grouped(x, places: places) }

    var lines: [String] {
        [people] + model.supplies.map(stock) + model.inflows.map(inflow) + [rationing].compactMap { $0 }
            + model.evacuation.map(evacuation) + model.populationChanges.map(populationChange)
            + [siegeRules] + [monteCarlo].compactMap { $0 }
    }

    private var people: String {
        let source = result.scenario.population == nil
            ? "the map's population figures, weighted by the area inside the pocket"
            : "the scenario's own figure"
        return "People inside on \(model.start): \(n(model.population)), from \(source)."
    }

    private func stock(_ s: Supply) -> String {
        var line = "\(s.commodity.capitalized): \(n(s.stock)) \(s.unit) in stock on \(model.start); "
            + "each person needs \(n(s.needPerPersonDay, 3)) \(s.unit) a day"
        if s.spoilagePerDay > 0 { line += "; \(ReportNumber.percent(s.spoilagePerDay, places: 2)) of the stock is lost each day" }
        if let months = s.needByMonth {
            line += ", times \(months.map { n($0, 2) }.joined(separator: ", ")) from January to December"
        }
        if let kcal = s.kcalPerUnit { line += "; \(n(kcal)) kcal per \(s.unit)" }
        return line + "."
    }

    private func inflow(_ i: Inflow) -> String {
        let unit = model.supplies.first { $0.commodity == i.commodity }?.unit ?? ""
        let name = i.name.prefix(1).uppercased() + i.name.dropFirst()
        switch i.schedule {
        case .once(let date, let amount):
            return "\(name): \(n(amount)) \(unit) of \(i.commodity) arrive on \(date)."
        case .daily(let perDay, _, let from, let until, let factor):
            var line = "\(name): \(n(perDay)) \(unit) of \(i.commodity) a day"
            let routes = i.routes
            if !routes.isEmpty {
                line += (routes.count == 1 ? " by the \(routes[0]) while it is open, "
                         : " along " + routes.joined(separator: ", then ") + " while every one is open, ")
                    + (factor > 0 ? "\(ReportNumber.percent(factor)) of that while under fire" : "nothing while under fire")
                    + ", nothing while cut"
            }
            for passage in i.passages {
                switch passage {
                case .route: continue
                case .corridor(let corridor):
                    line += ", through the \(corridor) on the days it is declared open while its entry is held"
                case .airport(let lon, let lat):
                    line += ", while the airport at \(lon) E, \(lat) N is held by the besieged side, an ally or a neutral party"
                }
            }
            if let from { line += ", from \(from)" }
            if let until { line += ", until \(until)" }
            if !i.suspended.isEmpty {
                line += "; suspended " + i.suspended.map { s in
                    "from \(s.from.map(\.description) ?? model.start.description)" + (s.until.map { " until \($0)" } ?? " to the end")
                }.joined(separator: ", ")
            }
            return line + "."
        }
    }

    private var rationing: String? {
        guard !model.rationing.isEmpty else { return nil }
        let steps = model.rationing.sorted { $0.belowDays > $1.belowDays }
            .map { "\(ReportNumber.percent($0.ration)) of need below \(n($0.belowDays, 1)) days of supply" }
        return "Rations: " + steps.joined(separator: ", ") + "."
    }

    private func evacuation(_ e: Evacuation) -> String {
        var line = "Evacuation: \(n(e.perDay)) people a day"
        if let from = e.from { line += " from \(from)" }
        if let until = e.until { line += " until \(until)" }
        if let corridor = e.corridor { line += " through the \(corridor) while it is declared open" }
        if e.maxTotal.isFinite { line += ", at most \(n(e.maxTotal)) in all" }
        return line + "."
    }

    private func populationChange(_ p: PopulationChange) -> String {
        var line = "\(p.kind.rawValue.capitalized): \(n(p.rate, 2)) "
            + (p.basis == .people ? "people a day" : "a day per 10,000 people inside")
        if let from = p.from { line += " from \(from)" }
        if let until = p.until { line += " until \(until)" }
        if let short = p.whileShort { line += " on the days \(short) is rationed or runs out" }
        if p.maxTotal.isFinite { line += ", at most \(n(p.maxTotal)) in all" }
        return line + "."
    }

    private var siegeRules: String {
        let s = result.scenario.siege!
        var line = "A route within \(n(s.fireRange)) m of hostile ground is under fire; one that crosses it is cut. "
            + "People walk up to \(n(s.walk)) m to a corridor's entry."
        if s.snap > 0 { line += " Areas are joined across gaps narrower than \(n(s.snap, 1)) m." }
        if !s.neutral.isEmpty {
            line += " Ground held by \(s.neutral.joined(separator: ", ")) is neutral: not hostile, "
                + (s.neutral.allSatisfy(s.allies.contains) ? "and passable as an ally's." : "and not a way out.")
        }
        return line
    }

    private var monteCarlo: String? {
        guard let mc = result.monteCarlo, let u = model.uncertainty else { return nil }
        let varied = u.vary.map { "\(name($0.parameter)) (\(describe($0.distribution)))" }
        return "Monte Carlo: \(n(Double(mc.runs))) runs, seed \(mc.seed)"
            + (varied.isEmpty ? "." : ", varying " + varied.joined(separator: "; ") + ".")
    }

    /// "food stock" rather than "supplies.0.stock".
    private func name(_ p: Parameter) -> String {
        switch p {
        case .population: return "population"
        case .supply(let i, let f):
            return "\(model.supplies[i].commodity) \(f.rawValue.replacingOccurrences(of: "_", with: " "))"
        case .inflow(let i, let f):
            return "\(model.inflows[i].name): \(f.rawValue.replacingOccurrences(of: "_", with: " "))"
        case .evacuation(let i, let f):
            return "evacuation rule \(i): \(f.rawValue.replacingOccurrences(of: "_", with: " "))"
        case .populationChange(let i, let f):
            return "\(model.populationChanges[i].kind.rawValue) rule \(i): \(f.rawValue.replacingOccurrences(of: "_", with: " "))"
        }
    }

    private func describe(_ d: Distribution) -> String {
        switch d {
        case .uniform(let a, let b): return "uniform \(n(a, 3))–\(n(b, 3))"
        case .triangular(let a, let c, let b): return "triangular \(n(a, 3)), \(n(c, 3)), \(n(b, 3))"
        case .normal(let mean, let sd): return "normal, mean \(n(mean, 3)), sd \(n(sd, 3))"
        case .lognormal(let mu, let sigma): return "lognormal, μ \(n(mu, 3)), σ \(n(sigma, 3))"
        }
    }
}
