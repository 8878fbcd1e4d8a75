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
    /// - Throws: ``OverflowError/nudged(by:)`` when one is not finite.
    public func requireFinite() throws(OverflowError) {
        let numbers = (quantities + [loss]).flatMap { [$0.before, $0.after, $0.change, $0.predicted] }
        guard numbers.allSatisfy(\.isFinite) else { throw .nudged(by: by) }
    }
}
