import ArgumentParser
import CordonCore
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check input files and say exactly what is wrong with them.",
        discussion: """
        For each file, prints `FILE: ok (N features)` when nothing is wrong;
        otherwise one line per fault, naming the file, the feature (`feature 3`;
        the first is 0), the line and column where it can, and the reason.
        Reading goes on past a faulty feature, so one run lists them all;
        broken JSON stops that file where it breaks.

        Any other source GDAL reads (GeoPackage, Shapefile, KML/KMZ, CSV, ESRI JSON,
        PG:...) is read as the analyses read it, every layer (or the one named
        'SOURCE|layername=NAME'), with GEOS validity per feature and, for a layer
        with a `controller`, what `enclosure` needs of each feature.

        A scenario (YAML, or JSON with `start`) is read as `cordon run` reads it, with
        every file it names. A GeoJSON file with a `controller` on any feature is a
        control map: every feature must also be a polygon with a `controller`, ISO
        `from`/`until` in order and a `population` ≥ 0. Features that appear twice
        are listed as warnings.

        GeoJSON faults found:
          - broken JSON, or JSON that is not GeoJSON
          - unknown geometry types and wrong `type` members
          - rings not closed or with fewer than 4 positions; lines with
            fewer than 2
          - coordinates that are not numbers, not finite, or out of range
            (longitude -180 to 180, latitude -90 to 90)
          - nesting deeper than 256 levels; files over 1 GiB
          - geometry GEOS finds invalid (self-intersections, holes outside
            their shell, ...), with GEOS's own reason

        Exit status: 0 when every file is valid, 2 otherwise.

        Examples:
          cordon validate map.geojson routes.geojson
          cordon validate geodata/*.geojson || echo "fix these first"
          cordon validate fronts.gpkg 'fronts.gpkg|layername=control'
        """)

    @Argument(help: "Files to check: map layers (GeoJSON or any GDAL source), scenario files; - for standard input (GeoJSON).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to check") }
    }

    func run() throws {
        try reporting {
            var faulty = false
            for path in files {
                let result = FileCheckers.checker(for: path).check(path)
                faulty = faulty || !result.faults.isEmpty
                // Warnings (duplicate features) do not fail a file; they come before its verdict.
                let lines = result.warnings + (result.faults.isEmpty ? ["\(path): ok (\(result.summary))"] : result.faults)
                // write(2), not print: a full or closed standard output fails the command (exit 1)
                // rather than losing the verdict.
                try StandardOutput.write(lines.joined(separator: "\n") + "\n")
            }
            if faulty { throw ExitCode(2) }
        }
    }
}
