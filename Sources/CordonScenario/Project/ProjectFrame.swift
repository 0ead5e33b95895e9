import CordonCore
import CordonGeometry
import Foundation

/// Where `cordon.qgz` looks. The layers stay in WGS84 longitude and latitude (EPSG:4326); the
/// map is drawn in Web Mercator (EPSG:3857), conformal, so that shapes look as they are (in
/// degrees, a city at 36° N comes out a quarter too wide) and as on any web map. The view
/// opens on every layer's features with a margin.
struct ProjectFrame {
    /// What the map shows when the project opens, in Web Mercator metres.
    let extent: Bounds

    /// The view around `bounds` (degrees): a twentieth of its size added on every side, at
    /// least a kilometre, so a single point still gets a view.
    init(around bounds: Bounds) {
        let sw = Self.mercator(lon: bounds.minX, lat: bounds.minY), ne = Self.mercator(lon: bounds.maxX, lat: bounds.maxY)
        let dx = max((ne.x - sw.x) / 20, 1000), dy = max((ne.y - sw.y) / 20, 1000)
        extent = Bounds(minX: sw.x - dx, minY: sw.y - dy, maxX: ne.x + dx, maxY: ne.y + dy)
    }

    /// Spherical Mercator on the WGS84 semi-major axis, as EPSG:3857 defines it; latitudes
    /// beyond ±85.06° (where the map ends) are held at its edge.
    static func mercator(lon: Double, lat: Double) -> (x: Double, y: Double) {
        let a = 6_378_137.0, limit = 85.051_128_78
        let phi = min(max(lat, -limit), limit) * Double.pi / 180
        return (a * lon * Double.pi / 180, a * log(tan(Double.pi / 4 + phi / 2)))
    }

    /// A CRS as QGIS names it. QGIS finds a built-in CRS by `authid` (its own `srsid` below
    /// 100000 says it is built in) and needs no WKT.
    struct CRS {
        let srsid: Int, epsg: Int
        let proj4: String, description: String, projection: String
        let geographic: Bool

        static let wgs84 = CRS(srsid: 3452, epsg: 4326, proj4: "+proj=longlat +datum=WGS84 +no_defs",
                               description: "WGS 84", projection: "longlat", geographic: true)
        static let webMercator = CRS(
            srsid: 3857, epsg: 3857,
            proj4: "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs",
            description: "WGS 84 / Pseudo-Mercator", projection: "merc", geographic: false)

        /// Its `<spatialrefsys>`, each line indented by `indent` spaces.
        func xml(indent: Int) -> String {
            let pad = String(repeating: " ", count: indent)
            return [
                "<spatialrefsys>",
                "  <proj4>\(proj4)</proj4>",
                "  <srsid>\(srsid)</srsid>",
                "  <srid>\(epsg)</srid>",
                "  <authid>EPSG:\(epsg)</authid>",
                "  <description>\(description)</description>",
                "  <projectionacronym>\(projection)</projectionacronym>",
                "  <ellipsoidacronym>EPSG:7030</ellipsoidacronym>",
                "  <geographicflag>\(geographic)</geographicflag>",
                "</spatialrefsys>",
            ].map { pad + $0 + "\n" }.joined()
        }
    }

    /// The project's CRS, the one the map is drawn in.
    static let projectCRS = "  <projectCrs>\n" + CRS.webMercator.xml(indent: 4) + "  </projectCrs>\n"

    /// A map layer's CRS, the one its GeoJSON is in.
    static let layerCRS = "      <srs>\n" + CRS.wgs84.xml(indent: 8) + "      </srs>\n"

    /// Metres to the centimetre.
    private static func metres(_ x: Double) -> String { NumberText.fixed(x, places: 2) }

    /// The main map window's view when the project opens, and the same as the project's
    /// default view (`QgsProjectViewSettings`), for other clients of the project.
    var views: String {
        let (x0, y0, x1, y1) = (Self.metres(extent.minX), Self.metres(extent.minY), Self.metres(extent.maxX), Self.metres(extent.maxY))
        return """
              <mapcanvas name="theMapCanvas" annotationsVisible="1">
                <units>meters</units>
                <extent>
                  <xmin>\(x0)</xmin>
                  <ymin>\(y0)</ymin>
                  <xmax>\(x1)</xmax>
                  <ymax>\(y1)</ymax>
                </extent>
                <rotation>0</rotation>
                <destinationsrs>
            \(CRS.webMercator.xml(indent: 6))    </destinationsrs>
                <rendermaptile>0</rendermaptile>
              </mapcanvas>
              <ProjectViewSettings UseProjectScales="0" rotation="0">
                <Scales/>
                <DefaultViewExtent xmin="\(x0)" ymin="\(y0)" xmax="\(x1)" ymax="\(y1)">
            \(CRS.webMercator.xml(indent: 6))    </DefaultViewExtent>
              </ProjectViewSettings>

            """
    }
}
