// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Cordon",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cordon", targets: ["cordon"]),
        .library(name: "CordonGeometry", targets: ["CordonGeometry"]),
        .library(name: "CordonSiege", targets: ["CordonSiege"]),
        .library(name: "CordonSupply", targets: ["CordonSupply"]),
        .library(name: "CordonScenario", targets: ["CordonScenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .target(name: "CordonGeometry", dependencies: ["CGEOS", "CPROJ"]),
        // CordonSiege takes `Day` and `RouteStatus` from CordonSupply, the vocabulary of the access timeline it hands on.
        .target(name: "CordonSiege", dependencies: ["CordonGeometry", "CordonSupply"]),
        .target(name: "CordonSupply"),
        .target(name: "CordonScenario", dependencies: [
            "CordonGeometry", "CordonSiege", "CordonSupply",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "cordon", dependencies: [
            "CordonGeometry", "CordonSiege", "CordonSupply", "CordonScenario",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzz harness (scripts/fuzz); built plainly it replays saved inputs.
        .executableTarget(name: "CordonFuzz", dependencies: ["CordonGeometry", "CordonSiege", "CordonScenario"]),
        .testTarget(name: "CordonGeometryTests", dependencies: ["CordonGeometry"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CordonSiegeTests", dependencies: ["CordonSiege", "CordonGeometry"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CordonSupplyTests", dependencies: ["CordonSupply", "CordonScenario"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CordonScenarioTests", dependencies: ["CordonScenario"],
                    resources: [.copy("Fixtures")]),
    ]
)
