#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `nnexplain train --plot FILE`: the loss curve as an SVG picture, epochs on x, the loss on y,
/// both axes labelled. The y axis is linear from 0, so that a curve's height is its size and a
/// rise reads as large as it is, or with `log` logarithmic with a tick at every power of ten (for a
/// loss that falls over decades). `from` zooms in on the epochs from `from` on, the y axis scaled
/// to the losses shown there (still from 0 on a linear scale): after a steep first fall, a test
/// loss turning up late is seen only so. The polyline has the class `loss`, the axes `axis x` and
/// `axis y`, and the y axis says `data-scale="log"` or `"linear"`, so tests and styles can find
/// them. With test losses a second, dashed polyline of class `test-loss` shares the axes (the
/// scale is chosen from both curves), and a legend (class `legend`) names the two.
package enum LossPlot {
    static let (width, height) = (640.0, 400.0)
    static let (left, right, top, bottom) = (80.0, 40.0, 40.0, 60.0)

    /// The picture of `losses`, where `losses[i]` is the loss after `i` epochs, and of
    /// `testLosses` (the held-out samples' loss after `i` epochs, one for each of `losses`) if any.
    /// - Parameters:
    ///   - log: a logarithmic y axis instead of a linear one from 0.
    ///   - from: the first epoch shown, `0 ..< losses.count - 1` (a larger one shows the last two).
    package static func svg(_ losses: [Double], testLosses: [Double] = [], log: Bool = false, from: Int = 0) -> String {
        let tested = !testLosses.isEmpty
        let last = max(losses.count - 1, 1), first = max(0, min(from, last - 1))
        let epochs = last - first
        let heights = losses.map { Sparkline.scaled($0, log: log) }, testHeights = testLosses.map { Sparkline.scaled($0, log: log) }
        let shown = { (values: [Double]) in values.indices.filter { $0 >= first }.map { values[$0] } }
        let finite = (shown(heights) + shown(testHeights)).filter { $0.isFinite }
        var low = log ? finite.min() ?? 0 : min(0, finite.min() ?? 0), high = finite.max() ?? 1
        if log { (low, high) = (low.rounded(.down), high.rounded(.up)) }
        if high <= low { (low, high) = log ? (low - 0.5, high + 0.5) : (low, low + 1) }
        // On a linear axis the legend's box (the top fifth of the plot) is kept clear of the curves.
        if tested && !log { high = low + (high - low) / 0.78 }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ epoch: Double) -> Double { left + (epoch - Double(first)) / Double(epochs) * plotWidth }
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * plotHeight }
        let step = max(1, (epochs + 1) / 1000)
        let sampled = Array(stride(from: first, to: losses.count, by: step)) + ((losses.count - 1 - first) % step != 0 ? [losses.count - 1] : [])
        func points(_ heights: [Double]) -> String {
            sampled.filter { $0 < heights.count && heights[$0].isFinite }.map { "\(f(x(Double($0)))),\(f(y(heights[$0])))" }.joined(separator: " ")
        }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="14">
            <title>Loss curve</title>
            <desc>The mean loss C\(tested ? " and the test loss" : "") after each \(first == 0 ? "of \(epochs) epochs" : "epoch from \(first) to \(last)") of gradient descent, on a \(log ? "log" : "linear") scale\(log ? "" : " from 0").</desc>
            <rect width="100%" height="100%" fill="white"/>

            """
        out += "<line class=\"axis x\" x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"black\"/>\n"
        out += "<line class=\"axis y\" data-scale=\"\(log ? "log" : "linear")\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\" stroke=\"black\"/>\n"
        for epoch in ticks(Double(first), Double(last)).filter({ $0 == $0.rounded() }) {
            out += "<line class=\"tick x\" x1=\"\(f(x(epoch)))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x(epoch)))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"black\"/>"
            out += "<text class=\"tick x\" x=\"\(f(x(epoch)))\" y=\"\(f(top + plotHeight + 20))\" text-anchor=\"middle\">\(Int(epoch))</text>\n"
        }
        let yTicks = log ? stride(from: low, through: high, by: 1).map { $0 } : ticks(low, high)
        for value in yTicks {
            let label = log ? power(Int(value)) : NumberText.significant(value, precision: 4)
            out += "<line class=\"tick y\" x1=\"\(f(left - 5))\" y1=\"\(f(y(value)))\" x2=\"\(f(left))\" y2=\"\(f(y(value)))\" stroke=\"black\"/>"
            out += "<text class=\"tick y\" data-value=\"\(log ? NumberText.significant(pow(10, value), precision: 9) : label)\" x=\"\(f(left - 8))\" y=\"\(f(y(value) + 5))\" text-anchor=\"end\">\(label)</text>\n"
        }
        out += "<text class=\"label x\" x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 15))\" text-anchor=\"middle\">epoch</text>\n"
        out += "<text class=\"label y\" transform=\"translate(20 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">loss C\(log ? " (log scale)" : "")</text>\n"
        out += "<text class=\"title\" x=\"\(f(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">Loss after each epoch\(first > 0 ? ", from epoch \(first)" : "")</text>\n"
        out += "<polyline class=\"loss\" fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2\" points=\"\(points(heights))\"/>\n"
        if tested {
            out += "<polyline class=\"test-loss\" fill=\"none\" stroke=\"#d55e00\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"\(points(testHeights))\"/>\n"
            out += legend(at: left + plotWidth - 150, top + 10)
        }
        return out + "</svg>\n"
    }

    /// The key to the two lines, in a white box at the top right of the plot: solid blue for the
    /// training loss, dashed orange (Okabe–Ito's colour-blind-safe pair) for the test loss.
    private static func legend(at x: Double, _ y: Double) -> String {
        var out = "<g class=\"legend\">\n<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"140\" height=\"48\" fill=\"white\" stroke=\"#999999\"/>\n"
        for (row, (name, colour, dash)) in [("training loss", "#0072b2", ""), ("test loss", "#d55e00", " stroke-dasharray=\"6 4\"")].enumerated() {
            let lineY = y + 16 + Double(row) * 20
            out += "<line x1=\"\(f(x + 8))\" y1=\"\(f(lineY))\" x2=\"\(f(x + 38))\" y2=\"\(f(lineY))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            out += "<text x=\"\(f(x + 46))\" y=\"\(f(lineY + 5))\">\(name)</text>\n"
        }
        return out + "</g>\n"
    }

    /// About `count` round values from `low` to `high` (`low < high`): multiples of 1, 2 or 5 times a
    /// power of ten, each computed as `k · step` for a whole `k`, so that 0 is exactly 0 rather than
    /// the leftover of repeated additions. A span too narrow for its numbers to have such steps gives
    /// its two ends.
    static func ticks(_ low: Double, _ high: Double, about count: Double = 5) -> [Double] {
        let raw = (high - low) / count, magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let first = (low / step).rounded(.up), last = ((high + step * 1e-9) / step).rounded(.down)
        guard step > 0, first.isFinite, last.isFinite, first <= last, last - first <= 4 * count else { return [low, high] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// `10⁻³`: ten to `exponent`, in superscript digits.
    static func power(_ exponent: Int) -> String {
        let digits: [Character: Character] = ["-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        return "10" + String(String(exponent).map { digits[$0]! })
    }

    private static func f(_ x: Double) -> String { NumberText.significant((x * 100).rounded() / 100, precision: 9) }
}
