/// Everything one forward and one backward pass computes for one training sample.
///
/// Per layer and node it records `z`, `a`, `g'(z)`, `∂C_s/∂a` and `δ = ∂C_s/∂z`. The per-weight quantities
/// (`∂z/∂w = a_k^(l-1)`, the product of the three chain-rule terms) and the summands of the hidden-layer
/// sums are derived on demand by the methods below, from the same stored numbers and in the same
/// order as the backward pass used them, so memory grows with nodes, not weights, and an explanation
/// always reproduces the engine's numbers bit for bit.
///
/// A client reads the stored arrays (`layers[l - 1].delta[j]`, `input`); the index conveniences
/// (`layer(_:)`, `activations(ofLayer:)`, `delta(layer:j:)`, the gradients of one weight or bias)
/// are the package's own, so an index out of range is Swift's array trap on the client's read.
public struct Trace: Sendable, Equatable {
    /// The index `s` of the sample, as in `C_s`.
    public let sample: Int
    /// `x = a^0`.
    public let input: [Double]
    /// `y`.
    public let target: [Double]
    /// `layers[i]` holds layer `l = i + 1`.
    public let layers: [LayerTrace]
    /// `lossTerms[j]` is output node j's share of `C_s`, e.g. `(a_j^L − y_j)²` or `−y_j ln a_j^L`.
    public let lossTerms: [Double]
    /// `C_s`, the sum of `lossTerms` in order of `j`.
    public let loss: Double

    /// The values of one layer `l ≥ 1`, indexed by node `j`.
    public struct LayerTrace: Sendable, Equatable {
        /// `z_j^l = Σ_k w_jk^l · a_k^(l-1) + b_j^l`.
        public let z: [Double]
        /// `a_j^l = g_l(z_j^l)`.
        public let a: [Double]
        /// `g_l'(z_j^l) = ∂a_j^l/∂z_j^l` (for softmax the diagonal of its Jacobian).
        public let gPrime: [Double]
        /// `∂C_s/∂a_j^l`. At the output layer of a stable-form rule it may be infinite (an output
        /// rounded to 0 or 1), and `delta` does not use it.
        public let dCda: [Double]
        /// `δ_j^l = ∂C_s/∂z_j^l`: at the output layer by the network's ``OutputRule``, below it
        /// `∂C_s/∂a_j^l · g_l'(z_j^l)`.
        public let delta: [Double]
    }

    /// The trace of layer `l = 1 … L`.
    package func layer(_ l: Int) -> LayerTrace { layers[l - 1] }

    /// `a^l` for `l = 0 … L` (`a^0` is the input `x`).
    @inlinable
    package func activations(ofLayer l: Int) -> [Double] { l == 0 ? input : layers[l - 1].a }

    /// `∂C_s/∂z_j^l`, Nielsen's `δ_j^l`, for every layer: `∂C_s/∂a_j^l · g_l'(z_j^l)` below the
    /// output layer, and there by the network's ``OutputRule`` (the Jacobian sum for softmax).
    @inlinable
    package func delta(layer l: Int, j: Int) -> Double { layers[l - 1].delta[j] }

    /// One summand of the hidden-layer sum
    /// `∂C_s/∂a_k^(l-1) = Σ_i ∂C_s/∂a_i^l · g_l'(z_i^l) · w_ik^l`: the one for node `i` of layer `l`.
    @inlinable
    package func summand(_ network: Network, layer l: Int, i: Int, k: Int) -> Double {
        Backpropagation.summand(delta: delta(layer: l, j: i), weight: network.layers[l - 1].weights[i][k])
    }

    /// `∂C_s/∂w_jk^l = δ_j^l · a_k^(l-1)`, where `δ_j^l = ∂C_s/∂a_j^l · g_l'(z_j^l)` was multiplied first.
    @inlinable
    package func weightGradient(layer l: Int, j: Int, k: Int) -> Double {
        delta(layer: l, j: j) * activations(ofLayer: l - 1)[k]
    }

    /// `∂C_s/∂b_j^l = δ_j^l · 1`.
    @inlinable
    package func biasGradient(layer l: Int, j: Int) -> Double { delta(layer: l, j: j) }
}

extension Network {
    /// Runs the forward and backward pass for sample `s` and records every quantity.
    ///
    /// Forward, for `l = 1 … L`: `z_j^l = Σ_k w_jk^l · a_k^(l-1) + b_j^l`, summed in order of `k`
    /// (the bias last), then `a_j^l = g_l(z_j^l)` (softmax over the whole layer) and `g_l'(z_j^l)`.
    /// Backward: the loss, `∂C_s/∂a_j^L` and `δ_j^L` from ``OutputLayer``, then for `l = L … 2`
    /// every `∂C_s/∂a_k^(l-1) = Σ_i summand(l, i, k)`, summed in order of `i` starting from 0, and
    /// `δ^(l-1)` from it.
    ///
    /// - Parameter s: a sample of this network.
    /// - Returns: every `z`, `a`, `g'(z)`, `∂C_s/∂a` and `δ` of that sample, and its loss.
    /// - Throws: the ``NetworkError`` of ``requireWellFormed(sample:)``.
    public func trace(sample s: Int) throws(NetworkError) -> Trace {
        try requireWellFormed(sample: s)
        return uncheckedTrace(sample: s)
    }

    /// ``trace(sample:)`` of a well-formed network and one of its samples (anything else traps).
    package func uncheckedTrace(sample s: Int) -> Trace {
        let sample = samples[s]
        // Forward: zs[i], activations[i] and gPrimes[i] hold layer l = i + 1 (Nielsen's names).
        var zs: [[Double]] = [], activations: [[Double]] = [], gPrimes: [[Double]] = []
        var previous = sample.x
        for layer in layers {
            let (z, a) = layer.forward(previous)
            let gPrime = layer.slopes(z: z, a: a)
            zs.append(z)
            activations.append(a)
            gPrimes.append(gPrime)
            previous = a
        }

        let n = size(ofLayer: depth)
        var lossTerms = [Double](repeating: 0, count: n), outputDCda = lossTerms, outputDelta = lossTerms
        let total = OutputLayer.backward(
            rule: outputRule, activation: layers[depth - 1].activation, loss: loss, n: n,
            z: zs[depth - 1], a: activations[depth - 1], gPrime: gPrimes[depth - 1], y: sample.y,
            terms: &lossTerms, dCda: &outputDCda, delta: &outputDelta)
        // dCdas[i] and deltas[i] hold layer l = i + 1, filled from the output layer down.
        var dCdas = [[Double]](repeating: [], count: depth), deltas = dCdas
        dCdas[depth - 1] = outputDCda
        deltas[depth - 1] = outputDelta
        for l in stride(from: depth, to: 1, by: -1) {
            dCdas[l - 2] = Backpropagation.dCdaBelow(deltas: deltas[l - 1], weights: layers[l - 1].weights, width: size(ofLayer: l - 1))
            deltas[l - 2] = dCdas[l - 2].indices.map { Backpropagation.delta(dCda: dCdas[l - 2][$0], gPrime: gPrimes[l - 2][$0]) }
        }
        let layerTraces = (0..<depth).map { i in
            Trace.LayerTrace(z: zs[i], a: activations[i], gPrime: gPrimes[i], dCda: dCdas[i], delta: deltas[i])
        }
        return Trace(
            sample: s, input: sample.x, target: sample.y, layers: layerTraces,
            lossTerms: lossTerms, loss: total)
    }
}
