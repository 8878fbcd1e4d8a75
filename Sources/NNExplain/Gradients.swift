/// The gradient of the loss with respect to every weight and bias, averaged over the samples:
///
///     ∂C/∂w_jk^l = (1/N) Σ_s ∂C_s/∂w_jk^l        ∂C/∂b_j^l = (1/N) Σ_s ∂C_s/∂b_j^l
///
/// The sum runs over `s = 0 … N-1` in order and is then divided by `N`, exactly as an explanation
/// with `--average` writes it, so both give the same bits.
public struct Gradients: Sendable, Equatable {
    /// `C = (1/N) Σ_s C_s`.
    public var loss: Double
    /// `layers[i]` holds layer `l = i + 1`.
    public var layers: [Layer]

    public struct Layer: Sendable, Equatable {
        /// `weights[j][k] = ∂C/∂w_jk^l`.
        public var weights: [[Double]]
        /// `biases[j] = ∂C/∂b_j^l`.
        public var biases: [Double]
    }
}

extension Network {
    /// The per-sample traces, in order of `s`.
    public func traces() -> [Trace] { samples.indices.map { trace(sample: $0) } }

    /// The gradients averaged over all samples (one trace at a time, so memory stays per sample).
    public func gradients() -> Gradients {
        var result = Gradients(
            loss: 0,
            layers: layers.map {
                Gradients.Layer(
                    weights: $0.weights.map { [Double](repeating: 0, count: $0.count) },
                    biases: [Double](repeating: 0, count: $0.size))
            })
        for s in samples.indices {
            let t = trace(sample: s)
            result.loss += t.loss
            for l in 1...depth {
                for j in 0..<size(ofLayer: l) {
                    for k in 0..<size(ofLayer: l - 1) {
                        result.layers[l - 1].weights[j][k] += t.weightGradient(layer: l, j: j, k: k)
                    }
                    result.layers[l - 1].biases[j] += t.biasGradient(layer: l, j: j)
                }
            }
        }
        let n = Double(samples.count)
        result.loss /= n
        for l in result.layers.indices {
            result.layers[l].weights = result.layers[l].weights.map { $0.map { $0 / n } }
            result.layers[l].biases = result.layers[l].biases.map { $0 / n }
        }
        return result
    }
}
