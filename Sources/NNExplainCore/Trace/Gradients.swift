/// The gradient of the loss with respect to every weight and bias, averaged over the samples:
///
///     ∂C/∂w_jk^l = (1/N) Σ_s ∂C_s/∂w_jk^l        ∂C/∂b_j^l = (1/N) Σ_s ∂C_s/∂b_j^l
///
/// The sum runs in the engine's fixed order (``Network/sumOverSamples(_:)``) and is then divided by
/// `N` (``Network/mean(sum:count:terms:)``, which also keeps the mean of finite numbers finite when
/// only their sum overflows), exactly as an explanation with `--average` adds it up, so both give
/// the same bits.
public struct Gradients: Sendable, Equatable {
    /// `C = (1/N) Σ_s C_s`.
    public let loss: Double
    /// `layers[i]` holds layer `l = i + 1`.
    public let layers: [Layer]

    public struct Layer: Sendable, Equatable {
        /// `weights[j][k] = ∂C/∂w_jk^l`.
        public let weights: [[Double]]
        /// `biases[j] = ∂C/∂b_j^l`.
        public let biases: [Double]
    }
}

extension Network {
    /// The per-sample traces, in order of `s`.
    ///
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``.
    public func traces() throws(NetworkError) -> [Trace] {
        try requireWellFormed()
        return uncheckedTraces()
    }

    /// ``traces()`` of a network known to be well formed.
    package func uncheckedTraces() -> [Trace] { samples.indices.map { uncheckedTrace(sample: $0) } }

    /// The gradients averaged over all samples, from the batched ``Engine`` on every core.
    ///
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``.
    public func gradients() throws(NetworkError) -> Gradients {
        try requireWellFormed()
        return uncheckedGradients()
    }

    /// ``gradients()`` of a network known to be well formed.
    package func uncheckedGradients() -> Gradients { Engine().run(self).gradients }

    /// `Σ_s values[s]` in the engine's fixed order: in sample order within each block of
    /// ``Engine/blockSize`` samples, then block by block. Explanations that add up per-sample numbers
    /// use it, so they agree with the engine to the last bit.
    package static func sumOverSamples(_ values: [Double]) -> Double { sumOverSamples(values, scaledBy: 1) }

    /// The same sum of `values[s] · scale`; `scale` is 1 or a power of two (``mean(sum:count:terms:)``).
    private static func sumOverSamples(_ values: [Double], scaledBy scale: Double) -> Double {
        var total = 0.0
        for start in stride(from: 0, to: values.count, by: Engine.blockSize) {
            var block = 0.0
            for value in values[start..<min(values.count, start + Engine.blockSize)] { block += value * scale }
            total += block
        }
        return total
    }

    /// `(1/N) Σ_s values[s]`: ``mean(sum:count:terms:)`` of their sum in the fixed order.
    package static func meanOverSamples(_ values: [Double]) -> Double {
        mean(sum: sumOverSamples(values), count: values.count) { values }
    }

    /// The mean of `count` per-sample numbers, `(1/N) Σ_s terms[s]`, whose sum in the fixed order
    /// (``sumOverSamples(_:)``) is `sum`: the one place every mean over the samples is computed (the
    /// engine's gradients and loss, the averaged explanation), so they agree to the last bit.
    ///
    /// Ordinarily it is `sum / N`. Only when that sum overflowed, `terms()` is asked for the numbers
    /// themselves, and they are summed again in the same order, each multiplied by `2^-k` with
    /// `2^k ≥ 2N` (so no partial sum of finite terms can overflow), divided by `N` and multiplied back
    /// by `2^k`. Multiplying by a power of two only shifts the exponent, so each scaled term, each
    /// rounded partial sum and the quotient are the very numbers of the unscaled arithmetic carried
    /// out without an exponent limit (except terms below `2^(k-1022)`, whose last bits fall far below
    /// the last digit of a sum that overflowed): the printed `(1/N)(a + b) = m` stays exact, and the
    /// mean of finite numbers is finite (the mean lies between the smallest and the largest of them;
    /// only a mean that rounds above the largest double is not). A sum that is not finite because a
    /// term is not stays as it is, and so does its mean; so does one whose terms are not at hand
    /// (`terms()` returns all `count` of them, or none).
    package static func mean(sum: Double, count: Int, terms: () -> [Double]) -> Double {
        let n = Double(count)
        guard !sum.isFinite, count > 0 else { return sum / n }
        let values = terms()
        let k = Double.Exponent(count.bitWidth - count.leadingZeroBitCount + 1)
        let scaled = sumOverSamples(values, scaledBy: Double(sign: .plus, exponent: -k, significand: 1))
        guard values.count == count, scaled.isFinite else { return sum / n }
        return scaled / n * Double(sign: .plus, exponent: k, significand: 1)
    }
}
