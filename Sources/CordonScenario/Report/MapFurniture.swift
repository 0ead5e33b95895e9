import CordonCore
import Foundation

/// The scale bar and north arrow every map carries.
enum MapFurniture {
    /// A bar of a round length (1, 2 or 5 × 10ⁿ m) near a fifth of the map's width, in its
    /// lower-left corner, in two halves so the length can be read off.
    static func scaleBar(_ frame: MapFrame, into svg: inout SVGWriter) {
        let target = frame.width / 5 / frame.scale
        let magnitude = pow(10, floor(log10(target)))
        let metres = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let length = metres * frame.scale
        let x = frame.left + 12, y = frame.top + frame.height - 16
        svg.open("g", [("class", "scale-bar")])
        svg.empty("rect", [("x", ReportNumber.svg(x - 4)), ("y", ReportNumber.svg(y - 16)), ("width", ReportNumber.svg(length + 40)),
                           ("height", "26"), ("fill", "#ffffff"), ("fill-opacity", "0.8")])
        svg.empty("rect", [("x", ReportNumber.svg(x)), ("y", ReportNumber.svg(y)), ("width", ReportNumber.svg(length / 2)),
                           ("height", "5"), ("fill", "#000000")])
        svg.empty("rect", [("x", ReportNumber.svg(x + length / 2)), ("y", ReportNumber.svg(y)), ("width", ReportNumber.svg(length / 2)),
                           ("height", "5"), ("fill", "#ffffff"), ("stroke", "#000000"), ("stroke-width", "1")])
        let text = metres >= 1000 ? "\(NumberText.grouped(metres / 1000, places: 1)) km" : "\(NumberText.grouped(metres)) m"
        svg.label("0", x: x, y: y - 4, [("class", "small"), ("text-anchor", "middle")])
        svg.label(text, x: x + length, y: y - 4, [("class", "small"), ("text-anchor", "middle")])
        svg.close("g")
    }

    /// An arrow pointing to true north (turned from grid north by the UTM convergence), with an N.
    static func northArrow(_ frame: MapFrame, angle: Double, into svg: inout SVGWriter) {
        let cx = frame.left + frame.width - 24, cy = frame.top + 34
        svg.open("g", [("class", "north-arrow"),
                       ("transform", "translate(\(ReportNumber.svg(cx)) \(ReportNumber.svg(cy))) rotate(\(ReportNumber.svg(angle)))")])
        svg.empty("circle", [("r", "17"), ("fill", "#ffffff"), ("fill-opacity", "0.8")])
        svg.empty("path", [("d", "M0 -14 L6 8 L0 3 L-6 8Z"), ("fill", "#000000")])
        svg.label("N", x: 0, y: -17, [("class", "small strong"), ("text-anchor", "middle")])
        svg.close("g")
    }
}
