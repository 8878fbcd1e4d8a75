#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loss curve in one line of text: block characters from ▁ (lowest) to █ (highest).
package enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Whether a curve of `values` is drawn on a log scale: when all are positive and finite and the
    /// largest is more than two decades (100 times) above the smallest, so a straight fall does not
    /// flatten into the bottom row after the first epochs.
    package static func isLogScaled(_ values: [Double]) -> Bool {
        guard let low = values.min(), let high = values.max(), low > 0, high.isFinite else { return false }
        return high / low > 100
    }

    /// The height a value is drawn at: its logarithm on a log scale, else itself.
    package static func scaled(_ value: Double, log: Bool) -> Double { log ? log10(value) : value }

    /// `values` sampled down to at most `width` points (evenly, always keeping the first and last)
    /// and scaled between their minimum and maximum, logarithmically when ``isLogScaled(_:)``.
    package static func text(_ values: [Double], width: Int = 60) -> String {
        guard !values.isEmpty else { return "" }
        let log = isLogScaled(values)
        let count = min(width, values.count)
        let points = (0..<count).map { i in
            scaled(values[count == 1 ? 0 : Int((Double(i) * Double(values.count - 1) / Double(count - 1)).rounded())], log: log)
        }
        let low = points.min()!, high = points.max()!
        guard high > low, high.isFinite, low.isFinite else { return String(repeating: levels[0], count: count) }
        return String(points.map { levels[min(levels.count - 1, Int((($0 - low) / (high - low)) * Double(levels.count - 1) + 0.5))] })
    }
}
