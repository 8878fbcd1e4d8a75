/// The checks made after a step or a nudge is computed, before it is explained: a number that is
/// not finite is refused, with the setting to make smaller.
extension UpdateStep {
    /// Checks the network after the step, its loss after the step, and after a batch step the loss
    /// over all samples.
    ///
    /// - Throws: ``OverflowError/step(_:learningRate:)`` naming the first that is not finite.
    public func requireFinite() throws(OverflowError) {
        if let bad = after.firstNonFiniteParameter() {
            throw .step(.parameter(bad, depth: after.depth), learningRate: learningRate)
        }
        if !lossAfter.isFinite { throw .step(.loss(lossAfter, batch: batch != nil), learningRate: learningRate) }
        if let batch, !batch.lossAfter.isFinite { throw .step(.fullLoss(batch.lossAfter), learningRate: learningRate) }
    }
}

extension Nudge {
    /// Checks every quantity the nudge shows, before and after, its change and its prediction.
    ///
    /// - Throws: ``OverflowError/overflowed(_:depth:held:)`` naming a derivative `∂q/∂w` that is
    ///   not finite, which no ε cures (the weights or inputs that feed it must be smaller); else
    ///   ``OverflowError/nudged(by:)`` when a number is not finite only because ε is too large
    ///   (every derivative is finite, so a small enough ε keeps after, change and prediction finite).
    public func requireFinite() throws(OverflowError) {
        let w = Symbol.w(layer: layer, .number(self.j), .number(k))
        for q in quantities + [loss] where !q.derivative.isFinite {
            var (m, i) = (layer, self.j)
            if case .z(let l, .number(let j)) = q.symbol { (m, i) = (l, j) }
            if case .a(let l, .number(let j)) = q.symbol { (m, i) = (l, j) }
            let bad = NonFinite(symbol: .partial(q.symbol, w), value: q.derivative, sample: sample, layer: m, node: i)
            throw .overflowed(bad, depth: depth, held: false)
        }
        let numbers = (quantities + [loss]).flatMap { [$0.before, $0.after, $0.change, $0.predicted] }
        guard numbers.allSatisfy({ $0.isFinite }) else { throw .nudged(by: by) }
    }
}
