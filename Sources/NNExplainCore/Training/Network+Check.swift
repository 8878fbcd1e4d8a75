/// A gradient check: every backpropagated gradient beside a central finite difference of the loss.
///
///     numeric = (C(θ + ε) − C(θ − ε)) / 2ε
///     relative error = |backprop − numeric| / max(|backprop|, |numeric|, floor)
///
/// The finite difference needs nothing but forward passes, so it is an independent witness of the
/// chain rule. An entry passes when its relative error is at most the threshold, or when the two
/// differ by less than the finite difference can resolve at all: `noise = 10 · ulp(C) / ε`, the
/// rounding of the two losses divided by the step. The floor (1e-8) keeps two gradients that are
/// both essentially zero from producing a huge relative error.
public struct GradientCheck: Sendable, Equatable {
    public let epsilon: Double
    /// An entry fails when its relative error is above this.
    public let threshold: Double
    /// The smallest difference the finite difference can resolve, `10 · ulp(C) / ε`.
    public let noise: Double
    public let entries: [Entry]

    /// The least denominator of a relative error.
    public static let floor = 1e-8
    /// The finite-difference step ε when none is given.
    public static let defaultEpsilon = 1e-6
    /// The relative error above which an entry fails, when none is given.
    public static let defaultThreshold = 1e-5
    /// How many units in the last place of `C` the finite difference's rounding is taken to be.
    public static let noiseULPs = 10.0

    /// One parameter: `w_jk^l` (`k` set) or `b_j^l` (`k` nil).
    public struct Entry: Sendable, Equatable {
        public let layer: Int
        public let j: Int
        public let k: Int?
        public let backprop: Double
        public let numeric: Double
        public let relativeError: Double
        public let passed: Bool

        /// The entry of one parameter, judged by the rule above: it passes when the relative error
        /// is at most `threshold`, or when the two differ by at most `noise`.
        package init(layer: Int, j: Int, k: Int?, backprop: Double, numeric: Double, threshold: Double, noise: Double) {
            (self.layer, self.j, self.k, self.backprop, self.numeric) = (layer, j, k, backprop, numeric)
            relativeError = abs(backprop - numeric) / max(abs(backprop), abs(numeric), GradientCheck.floor)
            passed = relativeError <= threshold || abs(backprop - numeric) <= noise
        }
    }

    package init(epsilon: Double, threshold: Double, noise: Double, entries: [Entry]) {
        (self.epsilon, self.threshold, self.noise, self.entries) = (epsilon, threshold, noise, entries)
    }

    public var failures: Int { entries.filter { !$0.passed }.count }
    public var largestError: Double { entries.map(\.relativeError).max() ?? 0 }
}

extension Network {
    /// The number of parameters a gradient check perturbs: every weight, and the biases that exist.
    public var checkedParameters: Int {
        layers.map { $0.size * ($0.weights.first?.count ?? 0) + ($0.biases?.count ?? 0) }.reduce(0, +)
    }

    /// Checks every weight gradient, and the bias gradients of the layers that have biases, against a central finite difference with step `ε`.
    /// `progress` is called after each parameter with the number checked so far.
    public func gradientCheck(epsilon ε: Double = GradientCheck.defaultEpsilon, threshold: Double = GradientCheck.defaultThreshold,
                              progress: ((Int) -> Void)? = nil) -> GradientCheck {
        let gradients = self.gradients()
        let noise = GradientCheck.noiseULPs * gradients.loss.ulp / ε
        var entries: [GradientCheck.Entry] = []
        func entry(_ l: Int, _ j: Int, _ k: Int?, backprop: Double, nudge: (inout Network, Double) -> Void) {
            var plus = self, minus = self
            nudge(&plus, ε)
            nudge(&minus, -ε)
            let numeric = (plus.meanLoss() - minus.meanLoss()) / (2 * ε)
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
        return GradientCheck(epsilon: ε, threshold: threshold, noise: noise, entries: entries)
    }
}
