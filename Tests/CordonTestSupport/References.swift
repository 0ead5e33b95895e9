import Foundation
import Testing

/// Tests that check Cordon against something outside the Swift code: the Python yardsticks, the
/// real files in `../shared`, GDAL's `ogrinfo`, PostGIS, the built `cordon` binary.
///
/// Where the reference is missing, the test does not run and says so on standard output with
/// the reason. Under `CORDON_REQUIRE_REFERENCES=1` (CI sets it) a missing reference fails the
/// test instead, so an independent check can never silently not happen.
public struct Reference: TestTrait, SuiteTrait, TestScoping {
    let available: @Sendable () -> Bool
    let what: String

    /// `available` is evaluated once per test, when it is about to run.
    public static func needs(_ what: String, _ available: @autoclosure @escaping @Sendable () -> Bool) -> Reference {
        Reference(available: available, what: what)
    }

    /// Whether CI asked for every reference to be present.
    public static let required = ProcessInfo.processInfo.environment["CORDON_REQUIRE_REFERENCES"] == "1"

    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws {
        guard !test.isSuite, !available() else {
            try await function()
            return
        }
        if Self.required {
            Issue.record("missing reference: \(what) (CORDON_REQUIRE_REFERENCES=1 forbids skipping)")
        } else {
            print("↷ Test \(test.name) skipped: \(what)")
        }
    }
}

extension Reference {
    /// A reference that several tests need, named once: `Reference.needs(.postgis)`.
    public struct Requirement: Sendable {
        let what: String
        let available: @Sendable () -> Bool

        /// `what` names the reference and where it comes from, for the skip message.
        public init(_ what: String, _ available: @escaping @Sendable () -> Bool) {
            self.what = what
            self.available = available
        }
    }

    /// Runs the test only where `requirement` is met (see the type's description).
    public static func needs(_ requirement: Requirement) -> Reference {
        Reference(available: requirement.available, what: requirement.what)
    }
}
