import CordonTestSupport
import Foundation
import Testing

/// `cordon` loads GDAL only when a run reads or writes through it (docs/design.md#gdal-loaded-on-demand):
/// the dynamic loader's own account (glibc's LD_DEBUG=files) shows whether libgdal was opened.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct GDALOnDemandTests {
    let map = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/siege/castello-map.geojson").path

    /// Standard error of `cordon arguments` with the loader telling which libraries it opens.
    func loaderLog(_ arguments: [String]) throws -> (status: Int32, log: String) {
        let r = try Command.run(CordonTool.url!, arguments, environment: ["LD_DEBUG": "files"])
        return (r.status, r.stderr)
    }

    @Test func geoJSONInAndOutNeverLoadsGDAL() throws {
        let (status, log) = try loaderLog(["enclosure", map, "--besieged", "opposition", "--timeline", "--quiet"])
        #expect(status == 0, "\(log.suffix(400))")
        #expect(log.contains("libgeos_c"), "the loader's log should name the libraries it opens")
        #expect(!log.contains("libgdal"), "GeoJSON alone should not load GDAL")
    }

    @Test func aGeoPackageLoadsGDALAndReadsTheSamePockets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("pockets.gpkg").path
        let (status, log) = try loaderLog(["enclosure", map, "--besieged", "opposition", "--timeline", "--quiet", "-o", gpkg])
        #expect(status == 0, "\(log.suffix(400))")
        #expect(log.contains("libgdal"), "writing a GeoPackage goes through GDAL")
        let back = try CordonTool.run(["validate", gpkg])
        #expect(back.status == 0, "\(back.stderr)")
    }

    @Test func versionNamesGDALsRelease() throws {
        let r = try CordonTool.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"GDAL [0-9]+\.[0-9]+"#, options: .regularExpression) != nil, "\(r.stdout)")
    }
}
