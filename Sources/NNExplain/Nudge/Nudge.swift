/// What-if: one weight moved by `ε`, the network run again, and every quantity that moves, beside
/// the change the chain rule predicts, `∂quantity/∂w · ε`.
///
/// The loss's prediction is the backward pass's own gradient, `∂C_s/∂w_jk^l = δ_j^l · a_k^(l-1)`
/// from the sample's ``Trace`` (with `--average` their mean, summed and divided as the engine does),
/// times `ε`: the very number `step` explains, softmax and the stable cross-entropy forms included.
/// The other derivatives are exact too, by forward mode through the network (not finite
/// differences): with `ż = ∂z/∂w` and `ȧ = ∂a/∂w`, node `j` of layer `l` has `ż_j^l = a_k^(l-1)` and
/// every other node of layer `l` 0; each layer above has `ż_i^m = Σ_p w_ip^m · ȧ_p^(m-1)`; and
/// `ȧ_i = g'(z_i) · ż_i`, or for a softmax layer, whose every output depends on every `z`, the
/// Jacobian's `ȧ_i = Σ_p a_i(δ_ip − a_p) · ż_p` (``Backpropagation/jacobianEntry(aI:aJ:diagonal:)``,
/// the entry the backward pass uses).
public struct Nudge: Sendable, Equatable {
    public let layer: Int
    public let j: Int
    public let k: Int
    /// `ε`, added to `w_jk^l`.
    public let by: Double
    /// The sample, or `nil` for the mean loss over all samples (then no `z` or `a` is shown).
    public let sample: Int?
    /// `z_j^l`, `a_j^l` (every `a^l` if layer `l` is softmax: each depends on `z_j^l`), then every
    /// `z` and `a` of the layers above, node by node.
    public let quantities: [Change]
    /// `C_s`, or `C` for the mean.
    public let loss: Change
    /// `L`, the network's number of layers (for naming a quantity in an error).
    let depth: Int
    /// `w_jk^l` before the nudge (to tell whether `ε` moved it at all).
    let weight: Double

    /// One quantity before and after the nudge, and the first-order prediction of its change.
    public struct Change: Sendable, Equatable {
        public let symbol: Symbol
        public let before: Double
        public let after: Double
        /// `∂quantity/∂w_jk^l`: by forward mode, or for the loss the backward pass's gradient.
        let derivative: Double
        /// `derivative · ε`.
        public let predicted: Double
        /// `after − before`.
        public var change: Double { after - before }
    }
}

extension Network {
    /// Moves `w_jk^l` by `ε` and records what moves, for sample `s` or (`nil`) the mean loss.
    ///
    /// The loss before and after is each run's `C_s` as the trace computes it, from `z` in stable
    /// form (``OutputLayer``), and its prediction the trace's gradient, which a stable output layer
    /// takes from `δ^L`: so a saturated output (a sigmoid rounded to 1, a softmax output rounded to
    /// 0) is explained with finite numbers, where `Σ_j ∂C_s/∂a_j^L · ȧ_j^L` would multiply an
    /// infinite `∂C_s/∂a_j^L` by a zero `ȧ_j^L`.
    ///
    /// - Parameters:
    ///   - l: the weight's layer, `1…L`.
    ///   - j: its node in layer `l`.
    ///   - k: its node in layer `l-1`.
    ///   - ε: how far the weight moves; ``Nudge/requireFinite()`` then says whether every number stayed finite.
    ///   - s: the sample whose loss is followed, or nil for the mean loss over all samples.
    /// - Returns: each quantity the weight moves, before and after, with the first-order prediction.
    /// - Throws: ``NetworkError`` for a network that is not well formed, or a weight or sample
    ///   that is none of its.
    public func nudge(layer l: Int, j: Int, k: Int, by ε: Double, sample s: Int?) throws(NetworkError) -> Nudge {
        try requireWellFormed()
        try requireWeight(layer: l, j: j, k: k)
        if let s { try requireSample(s) }
        var moved = self
        moved.layers[l - 1].weights[j][k] += ε
        let indices = s.map { [$0] } ?? Array(samples.indices)
        var quantities: [Nudge.Change] = []
        var lossBefore: [Double] = [], lossAfter: [Double] = [], gradients: [Double] = []
        for sample in indices {
            let before = uncheckedTrace(sample: sample), after = moved.uncheckedTrace(sample: sample)
            lossBefore.append(before.loss)
            lossAfter.append(after.loss)
            gradients.append(before.weightGradient(layer: l, j: j, k: k))
            guard s != nil else { continue }
            let (zDot, aDot) = tangents(before, layer: l, j: j, k: k)
            func change(_ symbol: Symbol, _ value: (Trace.LayerTrace) -> Double, _ derivative: Double, layer m: Int) -> Nudge.Change {
                Nudge.Change(symbol: symbol, before: value(before.layer(m)), after: value(after.layer(m)),
                             derivative: derivative, predicted: derivative * ε)
            }
            // Layer l: z_j^l, then a_j^l, or every a^l of a softmax layer (each depends on z_j^l).
            quantities.append(change(.z(layer: l, .number(j)), { $0.z[j] }, zDot[l - 1][j], layer: l))
            for i in 0..<size(ofLayer: l) where i == j || !layers[l - 1].activation.isElementwise {
                quantities.append(change(.a(layer: l, .number(i)), { $0.a[i] }, aDot[l - 1][i], layer: l))
            }
            for m in (l + 1)..<(depth + 1) {
                for i in 0..<size(ofLayer: m) {
                    quantities.append(change(.z(layer: m, .number(i)), { $0.z[i] }, zDot[m - 1][i], layer: m))
                    quantities.append(change(.a(layer: m, .number(i)), { $0.a[i] }, aDot[m - 1][i], layer: m))
                }
            }
        }
        let gradient = Network.meanOverSamples(gradients)
        let loss = Nudge.Change(
            symbol: .loss(s.map { .sample($0) } ?? .mean), before: Network.meanOverSamples(lossBefore),
            after: Network.meanOverSamples(lossAfter), derivative: gradient, predicted: gradient * ε)
        return Nudge(layer: l, j: j, k: k, by: ε, sample: s, quantities: quantities, loss: loss, depth: depth,
                     weight: layers[l - 1].weights[j][k])
    }

    /// `∂z/∂w_jk^l` and `∂a/∂w_jk^l` of every node of layers 1 … L (index `m - 1` for layer `m`), by
    /// forward mode: `ȧ = g'(z) · ż` node by node, or through softmax's whole Jacobian.
    private func tangents(_ t: Trace, layer l: Int, j: Int, k: Int) -> (z: [[Double]], a: [[Double]]) {
        var zDot: [[Double]] = [], aDot: [[Double]] = []
        for m in 1...depth {
            let size = size(ofLayer: m)
            var z = [Double](repeating: 0, count: size)
            if m == l {
                z[j] = t.activations(ofLayer: l - 1)[k]
            } else if m > l {
                let weights = layers[m - 1].weights, below = aDot[m - 2]
                for i in 0..<size { z[i] = below.indices.reduce(0.0) { $0 + weights[i][$1] * below[$1] } }
            }
            zDot.append(z)
            let layer = t.layer(m)
            if layers[m - 1].activation.isElementwise {
                aDot.append((0..<size).map { layer.gPrime[$0] * z[$0] })
            } else {
                // ȧ_i = Σ_p ∂a_i/∂z_p · ż_p, summed in order of p.
                aDot.append((0..<size).map { i in
                    (0..<size).reduce(0.0) { $0 + Backpropagation.jacobianEntry(aI: layer.a[i], aJ: layer.a[$1], diagonal: i == $1) * z[$1] }
                })
            }
        }
        return (zDot, aDot)
    }
}
