#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loss curve small enough for a line of prose: each point's height, from 0 (lowest) to
/// ``levels`` − 1 (highest). Renderers draw it; text as block characters from ▁ to █.
public struct Sparkline: Sendable, Equatable {
    /// How many heights a point can have.
    package static let levels = 8

    /// Each point's height, `0..<levels`, in the order of the values.
    public let heights: [Int]
    /// Whether the heights are on a log scale (``isLogScaled(_:)``).
    public let logScale: Bool

    /// `values` sampled down to at most `width` points (evenly, always keeping the first and last)
    /// and scaled between their minimum and maximum, logarithmically when ``isLogScaled(_:)``. A
    /// flat curve, or one with a value that is not finite, lies at height 0; no values, no points.
    package init(_ values: [Double], width: Int = 60) {
        logScale = Sparkline.isLogScaled(values)
        guard !values.isEmpty, width > 0 else {
            heights = []
            return
        }
        let log = logScale
        let count = min(width, values.count)
        let points = (0..<count).map { i in
            Sparkline.scaled(values[count == 1 ? 0 : Int((Double(i) * Double(values.count - 1) / Double(count - 1)).rounded())], log: log)
        }
        let low = points.min()!, high = points.max()!
        guard high > low, high.isFinite, low.isFinite else {
            heights = Array(repeating: 0, count: count)
            return
        }
        let top = Sparkline.levels - 1
        heights = points.map { min(top, Int((($0 - low) / (high - low)) * Double(top) + 0.5)) }
    }

    /// Whether a curve of `values` is drawn on a log scale: when all are positive and finite and the
    /// largest is more than two decades (100 times) above the smallest, so a straight fall does not
    /// flatten into the bottom row after the first epochs.
    package static func isLogScaled(_ values: [Double]) -> Bool {
        guard let low = values.min(), let high = values.max(), low > 0, high.isFinite else { return false }
        return high / low > 100
    }

    /// The height a value is drawn at: its logarithm on a log scale, else itself.
    package static func scaled(_ value: Double, log: Bool) -> Double { log ? log10(value) : value }
}
