import CordonCore
import CordonGeometry

/// The simplestyle-spec properties (`stroke`, `stroke-width`, `fill`, `fill-opacity`) that GitHub,
/// geojson.io and many web maps read to colour features.
struct Simplestyle {
    var stroke: String
    var strokeWidth: Double
    var fill: String?
    var fillOpacity: Double?

    /// A line: no fill.
    static func line(_ colour: String, width: Double) -> Simplestyle {
        Simplestyle(stroke: colour, strokeWidth: width)
    }

    /// An area outlined and filled in one colour.
    static func area(_ colour: String, opacity: Double, width: Double = 1) -> Simplestyle {
        Simplestyle(stroke: colour, strokeWidth: width, fill: colour, fillOpacity: opacity)
    }

    /// Adds the style after a feature's own properties. Lines get a fill too, so that every
    /// layer has the four keys; map tools ignore it on lines.
    func apply(to properties: inout JSONObject) {
        properties["stroke"] = .string(stroke)
        properties["stroke-width"] = .number(strokeWidth)
        properties["fill"] = .string(fill ?? stroke)
        properties["fill-opacity"] = .number(fillOpacity ?? 0)
    }
}
