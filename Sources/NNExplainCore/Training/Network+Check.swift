/// A gradient check: every backpropagated gradient beside a central finite difference of the loss.
///
///     numeric = (C(θ + ε) − C(θ − ε)) / 2ε
///     relative error = |backprop − numeric| / max(|backprop|, |numeric|, floor)
///
/// The finite difference needs nothing but forward passes, so it is an independent witness of the
/// chain rule. An entry passes by its relative error when that is at most the threshold; otherwise
/// it passes by the noise rule when the two differ by at most `noise = 10 · ulp(C) / ε`, the
/// rounding of the two losses divided by the step, a difference this ε cannot resolve. The floor
/// (1e-8) keeps two gradients that are both essentially zero from producing a huge relative error.
///
/// The noise allowance grows as ε shrinks, so a check with a tiny ε would pass anything by the
/// noise rule. ``resolvesGradients`` says whether ε is large enough for the check to mean something:
/// whether the allowance is at most the threshold times the largest gradient.
public struct GradientCheck: Sendable, Equatable {
    public let epsilon: Double
    /// An entry fails when its relative error is above this and its difference above ``noise``.
    public let threshold: Double
    /// The noise allowance, `10 · ulp(C) / ε`: a difference the finite difference cannot resolve.
    public let noise: Double
    /// `ulp(C)` of the mean loss the finite differences perturb.
    public let lossULP: Double
    public let entries: [Entry]

    /// The least denominator of a relative error.
    package static let floor = 1e-8
    /// The finite-difference step ε when none is given.
    public static let defaultEpsilon = 1e-6
    /// The relative error above which an entry fails, when none is given.
    public static let defaultThreshold = 1e-5
    /// How many units in the last place of `C` the finite difference's rounding is taken to be.
    package static let noiseULPs = 10.0

    /// Which rule let an entry pass.
    public enum Rule: String, Sendable, Equatable {
        /// Its relative error is at most the threshold.
        case relative
        /// Its relative error is above the threshold, but its difference is at most the noise allowance.
        case noise
    }

    /// One parameter: `w_jk^l` (`k` set) or `b_j^l` (`k` nil).
    public struct Entry: Sendable, Equatable {
        public let layer: Int
        public let j: Int
        public let k: Int?
        public let backprop: Double
        public let numeric: Double
        public let relativeError: Double
        /// The rule it passed by, the relative error first; nil when it failed.
        public let passedBy: Rule?

        /// The entry of one parameter, judged by the rules above.
        package init(layer: Int, j: Int, k: Int?, backprop: Double, numeric: Double, threshold: Double, noise: Double) {
            (self.layer, self.j, self.k, self.backprop, self.numeric) = (layer, j, k, backprop, numeric)
            let difference = abs(backprop - numeric)
            relativeError = difference / max(abs(backprop), abs(numeric), GradientCheck.floor)
            passedBy = relativeError <= threshold ? .relative : difference <= noise ? .noise : nil
        }

        public var passed: Bool { passedBy != nil }
        /// `|backprop − numeric|`.
        public var difference: Double { abs(backprop - numeric) }
    }

    package init(epsilon: Double, threshold: Double, lossULP: Double, entries: [Entry]) {
        (self.epsilon, self.threshold, self.lossULP, self.entries) = (epsilon, threshold, lossULP, entries)
        noise = GradientCheck.noise(lossULP: lossULP, epsilon: epsilon)
    }

    /// `10 · ulp(C) / ε`, the one place the noise allowance is computed.
    static func noise(lossULP: Double, epsilon ε: Double) -> Double { noiseULPs * lossULP / ε }

    public var failures: Int { entries.filter { !$0.passed }.count }
    public var largestError: Double { entries.map { $0.relativeError }.max() ?? 0 }
    /// The entries that passed by the rule given.
    package func passed(by rule: Rule) -> [Entry] { entries.filter { $0.passedBy == rule } }
    /// The largest `|backprop|`: the scale the check must resolve.
    package var largestGradient: Double { entries.map { abs($0.backprop) }.max() ?? 0 }

    /// The least ε whose noise allowance is at most the threshold times the largest gradient,
    /// `10 · ulp(C) / (threshold · largest |backprop|)`; nil when every gradient is 0 (nothing to resolve).
    package var smallestUsefulEpsilon: Double? {
        largestGradient > 0 ? GradientCheck.noiseULPs * lossULP / (threshold * largestGradient) : nil
    }

    /// Whether ε can resolve the gradients: below ``smallestUsefulEpsilon`` the noise allowance
    /// exceeds the threshold times the largest gradient, so the noise rule would pass gradients
    /// that differ from their finite differences by more than the threshold allows.
    package var resolvesGradients: Bool { smallestUsefulEpsilon.map { epsilon >= $0 } ?? true }
}

extension Network {
    /// The number of parameters a gradient check perturbs: every weight, and the biases that exist.
    package var checkedParameters: Int {
        layers.map { $0.size * ($0.weights.first?.count ?? 0) + ($0.biases?.count ?? 0) }.reduce(0, +)
    }

    /// Checks every weight gradient, and the bias gradients of the layers that have biases, against a central finite difference with step `ε`.
    /// `progress` is called after each parameter with the number checked so far.
    ///
    /// - Parameters:
    ///   - ε: the finite difference's step.
    ///   - threshold: the relative error an entry may have and pass.
    ///   - progress: called with the number of parameters checked so far.
    /// - Returns: one entry per parameter, and the rules each passed by.
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``.
    public func gradientCheck(epsilon ε: Double = GradientCheck.defaultEpsilon, threshold: Double = GradientCheck.defaultThreshold,
                              progress: ((Int) -> Void)? = nil) throws(NetworkError) -> GradientCheck {
        try requireWellFormed()
        let gradients = self.uncheckedGradients()
        let noise = GradientCheck.noise(lossULP: gradients.loss.ulp, epsilon: ε)
        var entries: [GradientCheck.Entry] = []
        func entry(_ l: Int, _ j: Int, _ k: Int?, backprop: Double, nudge: (inout Network, Double) -> Void) {
            var plus = self, minus = self
            nudge(&plus, ε)
            nudge(&minus, -ε)
            let numeric = (plus.uncheckedMeanLoss() - minus.uncheckedMeanLoss()) / (2 * ε)
            entries.append(.init(layer: l, j: j, k: k, backprop: backprop, numeric: numeric, threshold: threshold, noise: noise))
            progress?(entries.count)
        }
        for l in 1...depth {
            for j in 0..<size(ofLayer: l) {
                for k in 0..<size(ofLayer: l - 1) {
                    entry(l, j, k, backprop: gradients.layers[l - 1].weights[j][k]) { $0.layers[l - 1].weights[j][k] += $1 }
                }
            }
            guard layers[l - 1].biases != nil else { continue }
            for j in 0..<size(ofLayer: l) {
                entry(l, j, nil, backprop: gradients.layers[l - 1].biases[j]) { network, delta in
                    network.layers[l - 1].biases?[j] += delta
                }
            }
        }
        return GradientCheck(epsilon: ε, threshold: threshold, lossULP: gradients.loss.ulp, entries: entries)
    }
}
