/// The checks made before a computation is explained: every number an explanation shows must be
/// finite, and the first that is not is named (``OverflowError``). A command checks exactly the
/// numbers it shows, never one it does not use.
extension Network {
    /// Checks the numbers the `checks` cover of the passes of the samples `chosen` (indices that
    /// are no sample are passed over).
    ///
    /// - Parameters:
    ///   - chosen: indices of the samples whose passes are checked.
    ///   - checks: which numbers of each pass (``FiniteCheck``): activations, losses, one weight's product or chain rule, or everything.
    /// - Throws: ``OverflowError/network(_:)`` for a network that is not well formed;
    ///   ``OverflowError/overflowed(_:depth:held:)`` naming the first number that is not finite.
    public func requireFinite(samples chosen: [Int], checks: [FiniteCheck]) throws(OverflowError) {
        try requireWellFormedForCheck()
        try requireFinite(samples: chosen, checks: checks, held: false)
    }

    /// Checks the outputs and losses of the held-out samples (``testSamples``): what a prediction
    /// shows of them and a training run's test loss. A sample is named as a test sample.
    ///
    /// - Throws: ``OverflowError/network(_:)`` for a network that is not well formed;
    ///   ``OverflowError/overflowed(_:depth:held:)`` naming the first number that is not finite.
    public func requireFiniteTestSamples() throws(OverflowError) {
        try requireWellFormedForCheck()
        guard !testSamples.isEmpty else { return }
        var held = self
        (held.samples, held.testSamples) = (testSamples, [])
        try held.requireFinite(samples: Array(held.samples.indices), checks: [.activations, .loss], held: true)
    }

    /// Checks the mean loss and the mean gradients (given as `gradients`, or computed), over all
    /// samples or over the samples of `batch`.
    ///
    /// - Parameters:
    ///   - gradients: the gradients to check, as ``gradients()`` (of the `batch`) computed them; nil to compute them.
    ///   - batch: the samples the means are over; nil for all samples.
    /// - Throws: ``OverflowError/network(_:)`` for a network that is not well formed;
    ///   ``OverflowError/overflowed(_:depth:held:)`` naming the first sample's number to
    ///   blame, a sample named by its own number, or else the mean itself; a `batch` that is no
    ///   batch of this network (``requireBatch(_:)``) is checked as all samples.
    public func requireFinite(gradients: Gradients? = nil, batch: [Int]? = nil) throws(OverflowError) {
        try requireWellFormedForCheck()
        let part = batch.flatMap { try? self.batch($0) }  // nil for no batch, or one that is none of this network's
        let batch = part == nil ? nil : batch
        let gradients = gradients ?? (part ?? self).uncheckedGradients()
        guard !gradients.allFinite else { return }
        let bad = firstNonFinite(samples: batch ?? Array(samples.indices)) ?? gradients.firstNonFinite
        if let bad { throw .overflowed(bad, depth: depth, held: false) }
    }

    /// Checks `value`, the mean `∂C/∂w_jk^l` an explanation shows.
    ///
    /// - Parameters:
    ///   - value: the mean gradient, as ``averagedDerivation(layer:j:k:batch:)`` gives it.
    ///   - l: the weight's layer.
    ///   - j: its node in layer `l`.
    ///   - k: its node in layer `l-1`.
    /// - Throws: ``OverflowError/overflowed(_:depth:held:)`` naming the mean when it is not finite.
    public func requireFinite(mean value: Double, ofWeight l: Int, j: Int, k: Int) throws(OverflowError) {
        guard !value.isFinite else { return }
        let symbol = Symbol.partial(.loss(.mean), .w(layer: l, .number(j), .number(k)))
        throw .overflowed(NonFinite(symbol: symbol, value: value, sample: nil, layer: l, node: j), depth: depth, held: false)
    }

    /// ``requireWellFormed()``, its error an ``OverflowError/network(_:)``: a check computes passes.
    private func requireWellFormedForCheck() throws(OverflowError) {
        do throws(NetworkError) { try requireWellFormed() } catch { throw .network(error) }
    }

    private func requireFinite(samples chosen: [Int], checks: [FiniteCheck], held: Bool) throws(OverflowError) {
        if let bad = firstNonFinite(samples: chosen.filter(samples.indices.contains), checks: checks) {
            throw .overflowed(bad, depth: depth, held: held)
        }
    }
}
