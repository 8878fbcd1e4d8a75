/// What-if: one weight moved by `ε`, the network run again, and every quantity that moves, beside
/// the change the chain rule predicts, `∂quantity/∂w · ε`.
///
/// The derivatives are exact, by forward mode through the network (not finite differences): with
/// `ż = ∂z/∂w` and `ȧ = ∂a/∂w`, node `j` of layer `l` has `ż_j^l = a_k^(l-1)` and every other node
/// of layer `l` 0; each layer above has `ż_i^m = Σ_p w_ip^m · ȧ_p^(m-1)`; and `ȧ = g'(z) · ż`.
/// The loss's is `Σ_j ∂C_s/∂a_j^L · ȧ_j^L`, which is the backward pass's gradient by another road.
public struct Nudge: Sendable, Equatable {
    public let layer: Int
    public let j: Int
    public let k: Int
    /// `ε`, added to `w_jk^l`.
    public let by: Double
    /// The sample, or `nil` for the mean loss over all samples (then no `z` or `a` is shown).
    public let sample: Int?
    /// `z_j^l`, `a_j^l`, then every `z` and `a` of the layers above, node by node.
    public let quantities: [Change]
    /// `C_s`, or `C` for the mean.
    public let loss: Change

    /// One quantity before and after the nudge, and the first-order prediction of its change.
    public struct Change: Sendable, Equatable {
        public let symbol: Symbol
        public let before: Double
        public let after: Double
        /// `derivative · ε`.
        public let predicted: Double
        /// `after − before`.
        public var change: Double { after - before }
    }
}

extension Network {
    /// Moves `w_jk^l` by `ε` and records what moves, for sample `s` or (`nil`) the mean loss.
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
        var lossBefore: [Double] = [], lossAfter: [Double] = [], lossSlope: [Double] = []
        for sample in indices {
            let before = uncheckedTrace(sample: sample), after = moved.uncheckedTrace(sample: sample)
            let (zDot, aDot) = tangents(before, layer: l, j: j, k: k)
            lossBefore.append(before.loss)
            lossAfter.append(after.loss)
            lossSlope.append(before.layer(depth).dCda.indices.reduce(0.0) { $0 + before.layer(depth).dCda[$1] * aDot[depth - 1][$1] })
            guard s != nil else { continue }
            for m in l...depth {
                for i in 0..<size(ofLayer: m) where m > l || i == j {
                    quantities.append(Nudge.Change(symbol: .z(layer: m, .number(i)), before: before.layer(m).z[i], after: after.layer(m).z[i],
                                                   predicted: zDot[m - 1][i] * ε))
                    quantities.append(Nudge.Change(symbol: .a(layer: m, .number(i)), before: before.layer(m).a[i], after: after.layer(m).a[i],
                                                   predicted: aDot[m - 1][i] * ε))
                }
            }
        }
        let loss = Nudge.Change(
            symbol: .loss(s.map { .sample($0) } ?? .mean), before: Network.meanOverSamples(lossBefore),
            after: Network.meanOverSamples(lossAfter), predicted: Network.meanOverSamples(lossSlope) * ε)
        return Nudge(layer: l, j: j, k: k, by: ε, sample: s, quantities: quantities, loss: loss)
    }

    /// `∂z/∂w_jk^l` and `∂a/∂w_jk^l` of every node of layers 1 … L (index `m - 1` for layer `m`), by forward mode.
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
            aDot.append((0..<size).map { t.layer(m).gPrime[$0] * z[$0] })
        }
        return (zDot, aDot)
    }
}
