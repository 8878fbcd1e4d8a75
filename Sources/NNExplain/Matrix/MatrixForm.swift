/// The backward pass as vectors and matrices (docs/notation.md, "The matrix form"), for one sample
/// or for all of them as the rows of a batch. It computes nothing: every entry is read from the
/// per-sample ``Trace`` the index form explains, and every mean over the samples comes from
/// ``Network/meanOverSamples(_:)``, the mean ``Network/gradients()`` uses, so the matrix form agrees
/// with `step` and `gradients` to the last bit.
public struct MatrixForm: Sendable, Equatable {
    /// Which samples the numbers belong to.
    public enum Scope: Sendable, Equatable {
        /// One sample `s`: the vectors of `C_s`.
        case sample(Int)
        /// Every sample as one row of the batch matrices; gradients are means over the samples.
        case average(count: Int)
    }

    public let scope: Scope
    /// The layers shown, in the order backpropagation computes them: the output layer first.
    public let layers: [LayerForm]

    /// One layer `l ≥ 1`. The per-sample arrays have one row per sample of the scope (one row for
    /// `.sample`) and one column per node `j` of layer `l` (per node `k` of layer `l-1` for
    /// `previousActivations`).
    public struct LayerForm: Sendable, Equatable {
        public let layer: Int
        /// How `δ^l` follows from `∂C_s/∂a^l`.
        public let rule: DeltaRule
        /// Row s: `∂C_s/∂a^l`; for the output layer `∇_a C_s`, for a hidden one `(W^(l+1))^T δ^(l+1)`.
        public let dCda: [[Double]]
        /// Row s: `g_l'(z^l)`.
        public let gPrime: [[Double]]
        /// Row s: `a^l`.
        public let activations: [[Double]]
        /// Row s: `δ^l = ∂C_s/∂z^l` (``Trace/delta(layer:j:)``).
        public let delta: [[Double]]
        /// Row s: `δ^(l+1)`, which a hidden layer's `δ^l` is computed from; empty for the output layer.
        public let deltaAbove: [[Double]]
        /// Row s: `a^(l-1)`.
        public let previousActivations: [[Double]]
        /// `weightGradient[j][k]`: `∂C_s/∂w_jk^l` of the one sample, or the mean `∂C/∂w_jk^l`.
        public let weightGradient: [[Double]]
        /// `biasGradient[j]`: `∂C_s/∂b_j^l = δ_j^l`, or the mean `∂C/∂b_j^l`.
        public let biasGradient: [Double]
    }

    /// How a layer's `δ^l` follows from `∂C_s/∂a^l`.
    public enum DeltaRule: Sendable, Equatable {
        /// `δ^l = ∂C_s/∂a^l ⊙ g_l'(z^l)`: each `a_j^l` depends on `z_j^l` alone (BP1, BP2).
        case elementwise
        /// `δ^L = J^T ∇_a C_s` with the Jacobian `J_ij = ∂a_i^L/∂z_j^L`: every `a_i^L` depends on
        /// every `z_j^L` (a softmax output).
        case jacobian

        /// The rule of a layer with this activation.
        package static func of(_ activation: Activation) -> DeltaRule {
            switch activation {
            case .sigmoid, .tanh, .relu, .leakyRelu, .identity: return .elementwise
            case .softmax: return .jacobian
            }
        }
    }
}

extension Network {
    /// The matrix form of sample `s`, for `layers` (every layer when nil), output layer first.
    ///
    /// - Parameters:
    ///   - s: a sample of the network.
    ///   - chosen: the layers to show, each of `1…L`; nil for every layer.
    /// - Returns: the vectors and matrices of each chosen layer for that sample.
    /// - Throws: ``NetworkError`` for a network that is not well formed, a sample or a chosen
    ///   layer (each of `1…L`) that is none of its.
    public func matrixForm(sample s: Int, layers chosen: [Int]? = nil) throws(NetworkError) -> MatrixForm {
        try requireWellFormed(sample: s)
        for l in chosen ?? [] { try requireLayer(l) }
        let t = uncheckedTrace(sample: s)
        return MatrixForm(scope: .sample(s), layers: backwardOrder(chosen).map { l in
            layerForm(l, traces: [t],
                      weightGradient: { j, k in t.weightGradient(layer: l, j: j, k: k) },
                      biasGradient: { j in t.biasGradient(layer: l, j: j) })
        })
    }

    /// The batch form over every sample: the per-sample rows of each trace, and gradients that are
    /// the means ``gradients()`` computes, added in the same order.
    ///
    /// - Parameter chosen: the layers to show, each of `1…L`; nil for every layer.
    /// - Returns: the matrices of each chosen layer over all samples, with the mean gradients.
    /// - Throws: ``NetworkError`` for a network that is not well formed, or a chosen layer that is none of its.
    public func averagedMatrixForm(layers chosen: [Int]? = nil) throws(NetworkError) -> MatrixForm {
        try requireWellFormed()
        for l in chosen ?? [] { try requireLayer(l) }
        let all = uncheckedTraces()
        return MatrixForm(scope: .average(count: all.count), layers: backwardOrder(chosen).map { l in
            layerForm(l, traces: all,
                      weightGradient: { j, k in Network.meanOverSamples(all.map { $0.weightGradient(layer: l, j: j, k: k) }) },
                      biasGradient: { j in Network.meanOverSamples(all.map { $0.biasGradient(layer: l, j: j) }) })
        })
    }

    /// `chosen`, or every layer, from the output layer down.
    private func backwardOrder(_ chosen: [Int]?) -> [Int] {
        (chosen ?? Array(1...depth)).sorted(by: >)
    }

    private func layerForm(_ l: Int, traces: [Trace], weightGradient: (Int, Int) -> Double,
                           biasGradient: (Int) -> Double) -> MatrixForm.LayerForm {
        let n = size(ofLayer: l), m = size(ofLayer: l - 1)
        return MatrixForm.LayerForm(
            layer: l, rule: .of(layer(l).activation),
            dCda: traces.map { $0.layer(l).dCda },
            gPrime: traces.map { $0.layer(l).gPrime },
            activations: traces.map { $0.layer(l).a },
            delta: traces.map { t in (0..<n).map { t.delta(layer: l, j: $0) } },
            deltaAbove: l == depth ? [] : traces.map { t in (0..<size(ofLayer: l + 1)).map { t.delta(layer: l + 1, j: $0) } },
            previousActivations: traces.map { $0.activations(ofLayer: l - 1) },
            weightGradient: (0..<n).map { j in (0..<m).map { k in weightGradient(j, k) } },
            biasGradient: (0..<n).map(biasGradient))
    }
}
