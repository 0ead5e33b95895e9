import CordonCore
import CordonGeometry
import Foundation

/// `report.html`: one self-contained page (inline SVG and CSS, nothing fetched) with the
/// basis, maps at the key dates, charts against time and tables. Built from an output folder's
/// files alone, so `cordon report DIR` rebuilds what `cordon run` wrote, byte for byte.
///
///     try ScenarioReport.write(folder: "out")            // out/report.html
public enum ScenarioReport {
    /// The page's name in the output folder.
    public static let fileName = "report.html"

    /// The page for the output folder `folder`.
    ///
    /// - Throws: ``ReportInputError`` when a file of the folder is missing or not what `cordon run` writes.
    public static func html(folder: String) throws -> String {
        let file = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        let summary = try ReportSummary(path: file("summary.json"))
        let timeline = try TimelineTable(path: file("timeline.csv"))
        let layers = try MapLayers(folder: folder, pixelsAcross: MapPanel.width)
        var page = ReportPage(summary: summary, timeline: timeline, layers: layers)
        page.sensitivity = try ReportSensitivity(folder: folder, years: summary.years)
        page.record = try ReportRecord(folder: folder, years: summary.years)
        page.evidence = try ReportEvidence(folder: folder, timeline: timeline, summary: summary).html
        return page.html
    }

    /// Writes the page atomically to `path` (default: `report.html` in the folder); returns the path.
    ///
    /// - Throws: ``ReportInputError``, or a `FileWriteError`.
    @discardableResult
    public static func write(folder: String, to path: String? = nil) throws -> String {
        let target = path ?? (folder as NSString).appendingPathComponent(fileName)
        try AtomicFile.write(Array(html(folder: folder).utf8), to: target)
        return target
    }
}
