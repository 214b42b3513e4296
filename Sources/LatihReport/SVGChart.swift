import LatihMarkdown

/// Bar charts as inline SVG, drawn from the numbers of the table beside them (which is
/// what screen readers read: the chart's figure is hidden from them). Every text is
/// escaped, so the SVG can go into the page unescaped.
enum SVGChart {
    static let colours = ["#0d2b4a", "#2f7d4f", "#a34700"]

    /// Horizontal bars: one group per row, one bar per series, with a legend.
    static func bars(_ rows: [(label: String, values: [Double])], series: [String]) -> String {
        let labelWidth = 150.0, barArea = 250.0, barHeight = 14.0, gap = 10.0
        let maxValue = max(1, rows.flatMap(\.values).max() ?? 1)
        let groupHeight = Double(series.count) * barHeight + gap
        let legendHeight = series.count > 1 ? 24.0 : 0
        let height = legendHeight + Double(rows.count) * groupHeight + 4
        let width = labelWidth + barArea + 60
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"100%\" class=\"chart\" focusable=\"false\">"
        if series.count > 1 {
            var x = labelWidth
            for (i, name) in series.enumerated() {
                s += "<rect x=\"\(n(x))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colours[i % colours.count])\"/>"
                s += "<text x=\"\(n(x + 16))\" y=\"14\" font-size=\"12\">\(HTML.escape(name))</text>"
                x += 24 + Double(name.count) * 7
            }
        }
        for (r, row) in rows.enumerated() {
            let top = legendHeight + Double(r) * groupHeight
            let label = row.label.count > 22 ? String(row.label.prefix(21)) + "…" : row.label
            s += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(top + groupHeight / 2 + 2))\" font-size=\"12\" text-anchor=\"end\">\(HTML.escape(label))</text>"
            for (i, v) in row.values.enumerated() {
                let y = top + Double(i) * barHeight
                let w = max(v > 0 ? 1 : 0, v / maxValue * barArea)
                s += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(barHeight - 2))\" fill=\"\(colours[i % colours.count])\"/>"
                s += "<text x=\"\(n(labelWidth + w + 4))\" y=\"\(n(y + barHeight - 4))\" font-size=\"11\">\(HTML.escape(number(v)))</text>"
            }
        }
        return s + "</svg>"
    }

    static func n(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10) }
}
