/// Builds SVG and HTML text: elements with their attributes in the order given (stable
/// bytes), text escaped, numbers at a fixed tenth of a pixel.
struct SVGWriter {
    private(set) var text = ""

    /// `&`, `<`, `>` and quotes escaped, for text and attribute values alike.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    private static func attributes(_ attrs: [(String, String)]) -> String {
        attrs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    mutating func open(_ tag: String, _ attrs: [(String, String)] = []) {
        text += "<\(tag)\(Self.attributes(attrs))>"
    }

    mutating func close(_ tag: String) { text += "</\(tag)>\n" }

    /// An element with no children: `<path … />`.
    mutating func empty(_ tag: String, _ attrs: [(String, String)]) {
        text += "<\(tag)\(Self.attributes(attrs))/>\n"
    }

    /// An element holding only text.
    mutating func element(_ tag: String, _ attrs: [(String, String)] = [], _ content: String) {
        text += "<\(tag)\(Self.attributes(attrs))>\(Self.escape(content))</\(tag)>\n"
    }

    /// Markup already built (another writer's text).
    mutating func raw(_ markup: String) { text += markup }

    /// Text at (x, y), real text a reader can select and a screen reader can read.
    mutating func label(_ s: String, x: Double, y: Double, _ attrs: [(String, String)] = []) {
        element("text", [("x", ReportNumber.svg(x)), ("y", ReportNumber.svg(y))] + attrs, s)
    }

    /// Opens an `<svg>` figure with `role="img"` and its `<title>` and `<desc>`, labelled by both.
    /// No `xmlns`: inline SVG in HTML needs none, and the page names no address at all.
    mutating func openFigure(id: String, width: Double, height: Double, title: String, description: String,
                             _ attrs: [(String, String)] = []) {
        open("svg", [("viewBox", "0 0 \(ReportNumber.svg(width)) \(ReportNumber.svg(height))"),
                     ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("id", id)] + attrs)
        text += "\n"
        element("title", [("id", "\(id)-title")], title)
        element("desc", [("id", "\(id)-desc")], description)
    }
}

/// SVG path data from points already in pixels: `M x y L x y …`, closed with `Z` for rings.
func pathData(_ points: [(x: Double, y: Double)], closed: Bool) -> String {
    var out = ""
    for (i, p) in points.enumerated() {
        out += (i == 0 ? "M" : i == 1 ? " L" : " ") + ReportNumber.svg(p.x) + " " + ReportNumber.svg(p.y)
    }
    return closed ? out + "Z" : out
}

extension SVGWriter {
    /// A self-contained HTML page up to its open `<body>`: UTF-8, a phone-wide viewport,
    /// `title`, and `css` inline (raw: in HTML a style is raw text, where an escaped quote would
    /// break the CSS; it holds no `<` or `&`).
    mutating func openPage(title: String, css: String) {
        raw("<!DOCTYPE html>\n")
        open("html", [("lang", "en")])
        open("head")
        empty("meta", [("charset", "utf-8")])
        empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        element("title", [], title)
        open("style")
        raw(css)
        close("style")
        close("head")
        open("body")
    }
}
