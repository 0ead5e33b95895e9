import CordonCore
import Foundation

/// `map.html`: the run on one interactive map that opens offline. A date slider and play
/// button go over the whole run, the key dates marked on it; each layer shows only what is
/// true on the day shown (`from` ≤ day < `until`), in the layers' own simplestyle colours;
/// a click or keyboard focus on a feature lists its properties. Built from an output folder's
/// files alone, like `report.html`, so `cordon report DIR` rebuilds it byte for byte.
///
/// Plain SVG with a small script of our own, not Leaflet. Leaflet's strengths are tiles and
/// web-map projections, and this page may fetch neither: it would bring about 140 kB of
/// someone else's code (kept in the repository, its licence carried in every page) to draw
/// a few hundred shapes. The report already projects the layers to UTM, where shapes and
/// distances are true, and draws them in SVG; this page reuses that (`MapLayers`,
/// `MapFrame`), so the interactive map and the report's maps agree line for line, the
/// paths are worked out once by Cordon (the same input gives the same bytes), and the
/// script is a few kilobytes that only shows, hides and zooms.
///
/// What a test or another tool can rely on in the page (the DOM contract):
/// - `<svg id="map" data-date="YYYY-MM-DD">`: the day drawn; the attribute is set by the
///   script, and absent until it has run.
/// - Only the day's features are in the SVG, each a `<path class="feature"
///   data-layer="districts|pockets|fronts|routes" data-i="N" data-from data-until>` in its
///   layer's `<g class="layer" data-layer="…">`, drawn in that order (routes on top).
///   `data-i` is the feature's position in the `<script type="application/json"
///   id="map-properties">` array, which holds each feature's properties as in its layer file.
/// - `map.html#YYYY-MM-DD` opens on that day; moving the slider rewrites the hash.
///
///     try InteractiveMap.write(folder: "out")             // out/map.html
public enum InteractiveMap {
    /// The page's name in the output folder.
    public static let fileName = "map.html"

    /// The page for the output folder `folder`.
    ///
    /// - Throws: ``ReportInputError`` when a file of the folder is missing or not what `cordon run` writes.
    public static func html(folder: String) throws -> String {
        let file = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        let summary = try ReportSummary(path: file("summary.json"))
        let layers = try MapLayers(folder: folder, pixelsAcross: MapView.width * 2, uncut: true)
        return MapPage(summary: summary, layers: layers).html
    }

    /// Writes the page atomically to `path` (default: `map.html` in the folder); returns the path.
    ///
    /// - Throws: ``ReportInputError``, or a `FileWriteError`.
    @discardableResult
    public static func write(folder: String, to path: String? = nil) throws -> String {
        let target = path ?? (folder as NSString).appendingPathComponent(fileName)
        try AtomicFile.write(Array(html(folder: folder).utf8), to: target)
        return target
    }
}
