/// The gradient of the loss with respect to every weight and bias, averaged over the samples:
///
///     ∂C/∂w_jk^l = (1/N) Σ_s ∂C_s/∂w_jk^l        ∂C/∂b_j^l = (1/N) Σ_s ∂C_s/∂b_j^l
///
/// The sum runs in the engine's fixed order (``Network/sumOverSamples(_:)``) and is then divided by
/// `N`, exactly as an explanation with `--average` adds it up, so both give the same bits.
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
    public func traces() -> [Trace] { samples.indices.map { trace(sample: $0) } }

    /// The gradients averaged over all samples, from the batched ``Engine`` on every core.
    public func gradients() -> Gradients { Engine().run(self).gradients }

    /// `Σ_s values[s]` in the engine's fixed order: in sample order within each block of
    /// ``Engine/blockSize`` samples, then block by block. Explanations that add up per-sample numbers
    /// use it, so they agree with the engine to the last bit.
    package static func sumOverSamples(_ values: [Double]) -> Double {
        var total = 0.0
        for start in stride(from: 0, to: values.count, by: Engine.blockSize) {
            var block = 0.0
            for value in values[start..<min(values.count, start + Engine.blockSize)] { block += value }
            total += block
        }
        return total
    }
}
