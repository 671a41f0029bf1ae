import Foundation

/// Draws the score history as an SVG line chart on the server (no script needed).
public enum ScoreChart {
    /// One point of the chart: a label for screen readers and a score out of 20.
    public struct Point: Sendable {
        public var label: String
        public var score: Double

        public init(label: String, score: Double) {
            self.label = label
            self.score = score
        }
    }

    /// The SVG markup; every text inside is escaped.
    public static func svg(_ points: [Point], width: Int = 640, height: Int = 260) -> String {
        let left = 40.0
        let right = 16.0
        let top = 16.0
        let bottom = 28.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        func x(_ index: Int) -> Double {
            points.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ score: Double) -> Double { top + plotHeight * (1 - min(max(score, 0), 20) / 20) }

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" role="img" \
            aria-label="Évolution des notes sur 20">
            """
        for tick in stride(from: 0, through: 20, by: 5) {
            let ty = y(Double(tick))
            svg += "<line x1=\"\(left)\" y1=\"\(ty)\" x2=\"\(Double(width) - right)\" y2=\"\(ty)\" stroke=\"#d5dae3\"/>"
            svg +=
                "<text x=\"\(left - 8)\" y=\"\(ty + 4)\" text-anchor=\"end\" font-size=\"12\" "
                + "fill=\"#535c6e\">\(tick)</text>"
        }
        let passY = y(10)
        svg +=
            "<line x1=\"\(left)\" y1=\"\(passY)\" x2=\"\(Double(width) - right)\" y2=\"\(passY)\" "
            + "stroke=\"#1e6b3a\" stroke-dasharray=\"4 4\"/>"
        if points.count > 1 {
            let path = points.enumerated().map { "\(format(x($0.offset))),\(format(y($0.element.score)))" }
            svg +=
                "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2.5\" "
                + "points=\"\(path.joined(separator: " "))\"/>"
        }
        for (index, point) in points.enumerated() {
            let title = QuestionHTML.escape("\(point.label) : \(FrenchFormat.decimal(point.score))/20")
            svg += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(point.score)))\" r=\"4.5\" fill=\"#1f5fa8\">"
            svg += "<title>\(title)</title></circle>"
        }
        svg += "</svg>"
        return svg
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
