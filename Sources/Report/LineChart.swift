import Foundation

/// A small hand-written SVG line chart: one line per series over the nights, gaps where a night has no value.
struct LineChart {
    struct Series {
        var name: String
        var values: [Double?]
        var color: String
    }

    var title: String
    var xLabels: [String]
    var series: [Series]
    var width = 560.0
    var height = 200.0

    private let left = 44.0, right = 12.0, top = 26.0, bottom = 40.0

    var svg: String {
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let step = tickStep(values.max() ?? 1)
        let ticks = max(1, Int(((values.max() ?? 1) / step).rounded(.up)))
        let high = step * Double(ticks)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xStep = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        func x(_ index: Int) -> Double { left + (xLabels.count > 1 ? Double(index) * xStep : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + plotHeight - (high > 0 ? value / high * plotHeight : 0) }

        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(Markup.escape(title))\">")
        parts.append("<title>\(Markup.escape(title))</title>")
        parts.append("<text x=\"\(n(left))\" y=\"14\" class=\"chart-title\">\(Markup.escape(title))</text>")
        for tick in 0...ticks {
            let value = step * Double(tick)
            parts.append("<line x1=\"\(n(left))\" y1=\"\(n(y(value)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(value)))\" class=\"grid\"/>")
            parts.append("<text x=\"\(n(left - 4))\" y=\"\(n(y(value) + 4))\" class=\"axis\" text-anchor=\"end\">\(Markup.escape(Wording.figure(value)))</text>")
        }
        let labelEvery = max(1, Int((Double(xLabels.count) / 10).rounded(.up)))
        for (index, label) in xLabels.enumerated() where index % labelEvery == 0 || index == xLabels.count - 1 {
            parts.append("<text x=\"\(n(x(index)))\" y=\"\(n(height - bottom + 16))\" class=\"axis\" text-anchor=\"middle\">\(Markup.escape(label))</text>")
        }
        for (number, line) in series.enumerated() {
            for segment in segments(line.values) where segment.count > 1 {
                let points = segment.map { "\(n(x($0))),\(n(y(line.values[$0]!)))" }.joined(separator: " ")
                parts.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"/>")
            }
            // A dot per night, so a night on its own (between gaps) still shows.
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                parts.append("<circle cx=\"\(n(x(index)))\" cy=\"\(n(y(value)))\" r=\"2.5\" fill=\"\(line.color)\"/>")
            }
            let legendX = left + Double(number) * 150
            parts.append("<rect x=\"\(n(legendX))\" y=\"\(n(height - 14))\" width=\"10\" height=\"10\" fill=\"\(line.color)\"/>")
            parts.append("<text x=\"\(n(legendX + 14))\" y=\"\(n(height - 5))\" class=\"axis\">\(Markup.escape(line.name))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Runs of consecutive nights that have a value.
    private func segments(_ values: [Double?]) -> [[Int]] {
        var result: [[Int]] = [], current: [Int] = []
        for (index, value) in values.enumerated() {
            if value != nil { current.append(index) } else if !current.isEmpty { result.append(current); current = [] }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// A round grid step (1, 2 or 5 × 10ⁿ) giving at most five steps up to the highest value.
    private func tickStep(_ highest: Double) -> Double {
        guard highest > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(highest / 5)))
        for factor in [1.0, 2, 5, 10] where highest / (factor * magnitude) <= 5 { return factor * magnitude }
        return 10 * magnitude
    }

    private func n(_ value: Double) -> String { String(format: "%.1f", value) }
}
