import CordonCore
import CordonGeometry
import Foundation

/// `cordon.qgz`: a QGIS project (3.22 and later) beside a run's files, so that opening it shows
/// the siege ready to animate with nothing set by hand: every map layer filtered by its own
/// `from`/`until`, drawn in the report's colours, the Temporal Controller's range over the run,
/// the view on the layers, and `timeline.csv` as a typed table. Paths are relative, so the
/// folder can be moved or sent whole.
///
/// Built, like the report, from the folder's own files, so `cordon report DIR` rewrites the
/// same bytes; QGIS is not needed to make it. The `.qgz` is a zip holding one `cordon.qgs`.
///
///     try QGISProject.write(folder: "out")            // out/cordon.qgz
public enum QGISProject {
    /// The project's name in the output folder.
    public static let fileName = "cordon.qgz"

    /// The project file's name inside the zip.
    static let entryName = "cordon.qgs"

    /// The project XML (`.qgs`) for the output folder `folder`.
    ///
    /// - Throws: ``ReportInputError`` when a file of the folder is missing or not what `cordon run` writes.
    public static func xml(folder: String) throws -> String {
        let file = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        let summary = try ReportSummary(path: file("summary.json"))
        let layers = ProjectLayer.all(districts: FileManager.default.fileExists(atPath: file("districts.geojson")))
        let frame = ProjectFrame(around: try bounds(of: layers.filter { $0.kind != .table }, in: folder))
        return document(title: summary.name, layers: layers, frame: frame,
                        controller: ProjectTime.controller(start: summary.start, end: summary.end),
                        time: ProjectTime.settings(start: summary.start, end: summary.end))
    }

    /// The project zipped, as QGIS saves a `.qgz`.
    ///
    /// - Throws: as ``xml(folder:)``.
    public static func bytes(folder: String) throws -> [UInt8] {
        StoredZip.archive([(entryName, Array(try xml(folder: folder).utf8))])
    }

    /// Writes the project atomically into `folder`, beside the files it opens; returns its path.
    ///
    /// - Throws: ``ReportInputError``, or a `FileWriteError`.
    @discardableResult
    public static func write(folder: String) throws -> String {
        let target = (folder as NSString).appendingPathComponent(fileName)
        try AtomicFile.write(try bytes(folder: folder), to: target)
        return target
    }

    /// The box around every feature of the map layers, in degrees.
    static func bounds(of layers: [ProjectLayer], in folder: String) throws -> Bounds {
        let reader = GeoJSONReader(context: try GEOSContext())
        var all: Bounds?
        for layer in layers {
            let path = (folder as NSString).appendingPathComponent(layer.file)
            let features: [Feature]
            do { features = try reader.read(path: path) } catch {
                throw ReportInputError(path, "\(error)")
            }
            for b in features.compactMap({ $0.geometry?.bounds }) { all = all.map { $0.union(b) } ?? b }
        }
        guard let all else { throw ReportInputError(folder, "nothing to show: the layers hold no geometry") }
        return all
    }

    /// The template filled in. QGIS 3.22 reads `projectCrs` only when the `ProjectionsEnabled`
    /// property says so (a leftover of its old on-the-fly switch). The layers panel lists the layers top down, the reverse of the
    /// order they are drawn in: routes on top, districts at the bottom, the timeline last.
    static func document(title: String, layers: [ProjectLayer], frame: ProjectFrame, controller: String, time: String) -> String {
        let t = SVGWriter.escape(title)
        return """
            <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
            <qgis projectname="\(t)" version="3.22.0-Białowieża">
              <homePath path=""/>
              <title>\(t)</title>
            \(ProjectFrame.projectCRS)  <layer-tree-group>
            \(layers.filter { $0.kind != .table }.reversed().map(\.treeEntry).joined())\(layers.filter { $0.kind == .table }.map(\.treeEntry).joined())  </layer-tree-group>
              <projectlayers>
            \(layers.map(\.mapLayer).joined())  </projectlayers>
              <properties>
                <Paths>
                  <Absolute type="bool">false</Absolute>
                </Paths>
                <SpatialRefSys>
                  <ProjectionsEnabled type="int">1</ProjectionsEnabled>
                </SpatialRefSys>
            \(controller)  </properties>
            \(frame.views)\(time)</qgis>

            """
    }
}
