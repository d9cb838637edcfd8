/// A bar chart drawn as inline SVG: the geometry is computed here, the template only writes
/// numbers and escaped labels.
struct BarChart: Sendable {
    struct Bar: Sendable {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        /// Tooltip: label and value.
        var title: String
        /// Axis label under the bar (empty when there is no room).
        var label: String
        var hasLabel: Bool
        var labelX: Int
        var baseY: Int
    }

    var width: Int
    var height: Int
    var bars: [Bar]
    /// Every bar as one SVG path (numbers only): one template value instead of one per bar.
    var path: String
    /// The bars that carry an axis label.
    var labelled: [Bar]
    /// The largest value, written on the axis.
    var maximum: String
    /// A text alternative for screen readers.
    var summary: String
    var baseline: Int

    /// Bars for `values` (label, value, value as text); every `labelEvery`-th label is written
    /// under the axis.
    init(_ values: [(label: String, value: Int64, text: String)], summary: String, width: Int = 720, height: Int = 200,
         labelEvery: Int? = nil) {
        self.width = width
        self.height = height
        self.summary = summary
        let top = 14
        let bottom = 22
        baseline = height - bottom
        let plot = height - top - bottom
        let largest = max(values.map(\.value).max() ?? 0, 1)
        maximum = values.first(where: { $0.value == largest })?.text ?? "0"
        let count = max(values.count, 1)
        let slot = Double(width - 40) / Double(count)
        let every = labelEvery ?? max(1, Int((Double(count) * 60 / Double(width - 40)).rounded(.up)))
        bars = values.enumerated().map { index, entry in
            let barHeight = entry.value <= 0 ? 0 : max(1, Int(Double(plot) * Double(entry.value) / Double(largest)))
            let x = 36 + Int(Double(index) * slot)
            let barWidth = max(1, Int(slot * 0.8))
            return Bar(x: x, y: top + plot - barHeight, width: barWidth, height: barHeight,
                       title: "\(entry.label): \(entry.text)", label: entry.label, hasLabel: index % every == 0,
                       labelX: x + barWidth / 2, baseY: height - 6)
        }
        path = bars.filter { $0.height > 0 }.map { "M\($0.x) \($0.y)h\($0.width)v\($0.height)h-\($0.width)z" }.joined()
        labelled = bars.filter(\.hasLabel)
    }
}
