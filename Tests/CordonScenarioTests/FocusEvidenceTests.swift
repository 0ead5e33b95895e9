import CordonCore
import CordonScenario
import CordonSiege
import CordonTestSupport
import Foundation
import Testing

/// The focus pocket's evidence in a run (docs/design.md#evidence): its events month by month and
/// its alerts come from the same count as every pocket's, so they add up to the focus pockets'
/// own counts. The map and events are `AlertFixture`'s, worked out by hand there.
@Suite struct FocusEvidenceTests {
    @Test func theFocusMonthsAndAlertsAreThePocketsOwnCount() async throws {
        let folder = try temporaryFolder("focus-evidence")
        defer { try? FileManager.default.removeItem(at: folder) }
        try AlertFixture.write(in: folder)
        let file = folder.appendingPathComponent("scenario.yaml")
        try AlertFixture.scenario().write(to: file, atomically: true, encoding: .utf8)
        for jobs in [1, 2] {
            let result = try await ScenarioPipeline.run(file.path, options: .init(jobs: jobs, runs: 0))
            let evidence = try #require(result.evidence)
            // July: 60, 30, 20 (37.25 E, the pocket's from 11 July) and 5; the 500 of 8 July fell on
            // government ground. August: 80.
            #expect(evidence.focusMonths.map(\.month) == ["2016-07", "2016-08"])
            #expect(evidence.focusMonths.map(\.events) == [4, 1])
            #expect(evidence.focusMonths.map(\.fatalities) == [115, 80])
            #expect(evidence.alerts.map(\.day.description) == ["2016-07-12", "2016-07-25"])
            #expect(evidence.alerts.map(\.fatalities) == [110, 115])
            #expect(evidence.alerts.map(\.previousHigh) == [90, 110])
            // Each month's events are among the focus pockets' own, each counted once.
            let focus = result.siege.focusPockets.map { f in
                result.pockets.firstIndex { $0.period == f.period && $0.index == f.index }!
            }
            #expect(focus.map { evidence.pockets[$0].events }.reduce(0, +) == 5)
            #expect(focus.map { evidence.pockets[$0].fatalities }.reduce(0, +) == 195)
        }
    }
}
