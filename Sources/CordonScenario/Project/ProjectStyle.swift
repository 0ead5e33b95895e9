/// How `cordon.qgz` draws a layer: one symbol whose colours and width come from each feature's
/// simplestyle properties (`fill`, `fill-opacity`, `stroke`, `stroke-width`), the colours the
/// report uses. `stroke-width` is in pixels, as simplestyle means it; QGIS would take millimetres.
enum ProjectStyle {
    /// The fill colour: `fill` at `fill-opacity` (opaque when the feature gives none).
    static let fillColour = "set_color_part(\"fill\", 'alpha', round(255 * coalesce(\"fill-opacity\", 1)))"

    /// A single-symbol renderer for an area or a line layer; a table gets none.
    static func renderer(for kind: ProjectLayer.Kind) -> String {
        let layer: String
        switch kind {
        case .area:
            layer = symbolLayer("SimpleFill", options: [
                ("color", "128,128,128,64"), ("style", "solid"), ("outline_color", "128,128,128,255"),
                ("outline_style", "solid"), ("outline_width", "1"), ("outline_width_unit", "Pixel"),
                ("joinstyle", "round")],
                overrides: [("fillColor", .expression(fillColour)), ("outlineColor", .field("stroke")),
                            ("outlineWidth", .field("stroke-width"))])
        case .line:
            layer = symbolLayer("SimpleLine", options: [
                ("line_color", "128,128,128,255"), ("line_style", "solid"), ("line_width", "1"),
                ("line_width_unit", "Pixel"), ("capstyle", "round"), ("joinstyle", "round")],
                overrides: [("outlineColor", .field("stroke")), ("outlineWidth", .field("stroke-width"))])
        case .table:
            return ""
        }
        return """
                  <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1">
                    <symbols>
                      <symbol type="\(kind == .area ? "fill" : "line")" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
            \(layer)          </symbol>
                    </symbols>
                  </renderer-v2>

            """
    }

    /// Where a data-defined property takes its value.
    enum Source {
        case field(String)
        case expression(String)
    }

    /// One symbol layer: its fixed options (what QGIS draws where a feature lacks the
    /// property) and the data-defined overrides.
    private static func symbolLayer(_ className: String, options: [(String, String)], overrides: [(String, Source)]) -> String {
        let pad = { (n: Int) in String(repeating: " ", count: n) }
        let fixed = options.map { key, value in
            pad(16) + "<Option name=\"\(key)\" type=\"QString\" value=\"\(SVGWriter.escape(value))\"/>\n"
        }.joined()
        let defined = overrides.map { key, source in
            let (kind, value, type) = switch source {
            case .field(let f): ("field", f, 2)
            case .expression(let e): ("expression", e, 3)
            }
            return pad(20) + "<Option name=\"\(key)\" type=\"Map\">\n"
                + pad(22) + "<Option name=\"active\" type=\"bool\" value=\"true\"/>\n"
                + pad(22) + "<Option name=\"\(kind)\" type=\"QString\" value=\"\(SVGWriter.escape(value))\"/>\n"
                + pad(22) + "<Option name=\"type\" type=\"int\" value=\"\(type)\"/>\n"
                + pad(20) + "</Option>\n"
        }.joined()
        return pad(12) + "<layer class=\"\(className)\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
            + pad(14) + "<Option type=\"Map\">\n" + fixed + pad(14) + "</Option>\n"
            + pad(14) + "<data_defined_properties>\n"
            + pad(16) + "<Option type=\"Map\">\n"
            + pad(18) + "<Option name=\"name\" type=\"QString\" value=\"\"/>\n"
            + pad(18) + "<Option name=\"properties\" type=\"Map\">\n" + defined + pad(18) + "</Option>\n"
            + pad(18) + "<Option name=\"type\" type=\"QString\" value=\"collection\"/>\n"
            + pad(16) + "</Option>\n"
            + pad(14) + "</data_defined_properties>\n"
            + pad(12) + "</layer>\n"
    }
}
