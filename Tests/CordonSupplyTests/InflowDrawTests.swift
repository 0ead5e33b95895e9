import CordonCore
import CordonSupply
import Testing

/// One Monte Carlo draw per inflow per run, whatever its suspensions; and rules that deliver
/// nothing are named.
@Suite struct InflowDrawTests {
    /// Nobody eats, so a run's stock is what came in: 4 days before the suspension, 14 by the
    /// end (1–4 and 11–20 January). With one draw d per run, every run holds 4d on the 4th and
    /// 14d on the 20th, so every percentile keeps the ratio 14 / 4; two draws (the suspension as
    /// two separate inflows, the old workaround) would not.
    @Test func aSuspendedInflowDrawsOncePerRun() async throws {
        let start = Day(iso: "2020-01-01")!
        var s = SupplyScenario(start: start, end: start + 19, population: 0,
                               supplies: [Supply(commodity: "food", unit: "kg", stock: 0, needPerPersonDay: 1)])
        s.inflows = [Inflow(name: "airlift", commodity: "food",
                            schedule: .daily(perDay: 100, route: nil, from: nil, until: nil, underFireFactor: 0),
                            suspended: [Period(from: start + 4, until: start + 10)])]
        s.uncertainty = Uncertainty(runs: 400, seed: 3, vary: [Variation(.inflow(0, .perDay), .uniform(50, 150))])
        let mc = try await s.monteCarlo(jobs: 2)
        let before = mc.stock[0][3], after = mc.stock[0][19]
        for (a, b) in [(before.p5, after.p5), (before.p50, after.p50), (before.p95, after.p95)] {
            #expect(abs(b / a - 3.5) < 1e-12)
        }
        #expect(before.p5 < before.p95)  // the draw did vary
        #expect(try s.simulate().inflows == [InflowDelivery(name: "airlift", commodity: "food", delivered: 1400, daysFlowing: 14)])
    }

    @Test func rulesThatDeliverNothingAreNamed() throws {
        let start = Day(iso: "2020-01-01")!
        var s = SupplyScenario(start: start, end: start + 9, population: 100,
                               supplies: [Supply(commodity: "food", unit: "kg", stock: 0, needPerPersonDay: 1)])
        s.inflows = [.daily("food", perDay: 0), .daily("food", perDay: 5),
                     Inflow(name: "stopped", commodity: "food",
                            schedule: .daily(perDay: 5, route: nil, from: start + 2, until: nil, underFireFactor: 0),
                            suspended: [Period(from: start, until: nil)])]
        s.evacuation = [Evacuation(perDay: 10, maxTotal: 0), Evacuation(from: start + 20, perDay: 10), Evacuation(perDay: 1)]
        #expect(try s.idleRules() == [
            "inflows[0] 'food inflow' brings in nothing between 2020-01-01 and 2020-01-10: its per_day is 0",
            "inflows[2] 'stopped' brings in nothing between 2020-01-01 and 2020-01-10: it is suspended on every day it would flow",
            "evacuation[0] takes nobody between 2020-01-01 and 2020-01-10: its max_total is 0",
            "evacuation[1] takes nobody between 2020-01-01 and 2020-01-10: its from/until hold no day of the scenario",
        ])
    }
}
