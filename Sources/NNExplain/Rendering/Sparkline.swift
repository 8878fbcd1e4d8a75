/// A loss curve in one line of text: block characters from ▁ (lowest) to █ (highest).
package enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `values` sampled down to at most `width` points (evenly, always keeping the first and last)
    /// and scaled between their minimum and maximum.
    package static func text(_ values: [Double], width: Int = 60) -> String {
        guard !values.isEmpty else { return "" }
        let count = min(width, values.count)
        let points = (0..<count).map { i in
            values[count == 1 ? 0 : Int((Double(i) * Double(values.count - 1) / Double(count - 1)).rounded())]
        }
        let low = points.min()!, high = points.max()!
        guard high > low, high.isFinite, low.isFinite else { return String(repeating: levels[0], count: count) }
        return String(points.map { levels[min(levels.count - 1, Int((($0 - low) / (high - low)) * Double(levels.count - 1) + 0.5))] })
    }
}
