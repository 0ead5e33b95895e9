// swift-tools-version:6.0
import PackageDescription

// Imports run one way (Tests/ArchitectureTests checks every `import` line against this graph):
//
//   CordonCore  ←  CordonGeometry (+ CGEOS, CPROJ)  ←  CordonSiege  ←┐
//        ↑                   ↑                                       │
//        │                   └── CordonSources (+ CGDAL)  ←──────────┤
//        │                                                           CordonScenario  ←  cordon
//        └──────────  CordonSupply  ←────────────────────────────────┘
//
// CordonSources reads and writes every other vector format through GDAL/OGR (GeoPackage,
// Shapefile, KML, CSV, PostGIS, ...); the analyses never see GDAL.
// CordonCore is pure Swift and the C library. CordonSiege never sees the supply model and
// CordonSupply never sees geometry; CordonScenario joins them. Linux (glibc) is the platform
// built and tested; see README, Platforms.
let package = Package(
    name: "Cordon",
    products: [
        .executable(name: "cordon", targets: ["cordon"]),
        .library(name: "CordonCore", targets: ["CordonCore"]),
        .library(name: "CordonGeometry", targets: ["CordonGeometry"]),
        .library(name: "CordonSiege", targets: ["CordonSiege"]),
        .library(name: "CordonSupply", targets: ["CordonSupply"]),
        .library(name: "CordonSources", targets: ["CordonSources"]),
        .library(name: "CordonScenario", targets: ["CordonScenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // GDAL's C API, loaded on first use rather than linked (Sources/CGDAL/loader.c).
        .target(name: "CGDAL", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "CordonCore"),
        .target(name: "CordonGeometry", dependencies: ["CordonCore", "CGEOS", "CPROJ"]),
        .target(name: "CordonSupply", dependencies: ["CordonCore"]),
        .target(name: "CordonSources", dependencies: ["CordonCore", "CordonGeometry", "CGDAL"]),
        .target(name: "CordonSiege", dependencies: ["CordonCore", "CordonGeometry"]),
        .target(name: "CordonScenario", dependencies: [
            "CordonCore", "CordonGeometry", "CordonSiege", "CordonSupply", "CordonSources",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "cordon", dependencies: [
            "CordonCore", "CordonGeometry", "CordonSiege", "CordonSupply", "CordonSources", "CordonScenario",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzz harness (scripts/fuzz); built plainly it replays saved inputs.
        .executableTarget(name: "CordonFuzz", dependencies: [
            "CordonCore", "CordonGeometry", "CordonSiege", "CordonSupply", "CordonScenario",
        ]),
        // Helpers the test targets share: running programs, the checkout, the yardsticks' Python,
        // a throwaway PostGIS.
        .target(name: "CordonTestSupport", path: "Tests/CordonTestSupport"),
        .testTarget(name: "CordonCoreTests", dependencies: ["CordonCore"]),
        .testTarget(name: "CordonGeometryTests", dependencies: ["CordonCore", "CordonGeometry", "CordonTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CordonSiegeTests", dependencies: ["CordonCore", "CordonGeometry", "CordonSiege", "CordonTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CordonSupplyTests", dependencies: ["CordonCore", "CordonSupply"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CordonScenarioTests", dependencies: [
            "CordonCore", "CordonGeometry", "CordonSiege", "CordonSupply", "CordonSources", "CordonScenario",
            "CordonTestSupport",
        ], resources: [.copy("Fixtures")]),
        // Everything that runs the built `cordon` binary, and the checks on the package itself.
        .testTarget(name: "CordonCLITests", dependencies: ["CordonTestSupport"], resources: [.copy("Fixtures")]),
    ]
)
