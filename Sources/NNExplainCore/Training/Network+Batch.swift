/// Mini-batches: gradients and steps over some of the samples instead of all of them.
///
/// A batch `B` is a list of distinct sample indices. Its loss is the mean over its samples,
///
///     C_B = (1/|B|) Σ_{s∈B} C_s        so        ∂C_B/∂w_jk^l = (1/|B|) Σ_{s∈B} ∂C_s/∂w_jk^l,
///
/// and a batch of every sample is the full batch, `C_B = C`. Each is computed on the network that
/// holds only the batch's samples (``Network/batch(_:)``), by the very engine, sum and mean
/// (``Network/mean(sum:count:terms:)``) that average over all samples, so the batch `0, 1, …, N-1`
/// gives the full-batch numbers to the last bit.
extension Network {
    /// This network with only the samples `indices`, in that order, the held-out samples kept: its
    /// ``gradients()`` are `∂C_B/∂w`, its ``meanLoss()`` is `C_B`.
    ///
    /// - Parameter indices: distinct indices of samples, at least one.
    /// - Throws: the ``BatchError`` of ``requireBatch(_:)``.
    public func batch(_ indices: [Int]) throws(BatchError) -> Network {
        try requireBatch(indices)
        return part(indices)
    }

    /// ``batch(_:)`` of indices known to be a batch.
    func part(_ indices: [Int]) -> Network {
        var part = self
        part.samples = indices.map { samples[$0] }
        return part
    }

    /// One gradient-descent step with the gradient of the batch `indices`, `w ← w − η · ∂C_B/∂w`:
    /// the step of ``updateStep(learningRate:order:)`` taken on ``batch(_:)``, its result put back
    /// into this network with all its samples. The step's `gradients` and `lossAfter` are the
    /// batch's (`∂C_B/∂w`, `C_B` before and after), and ``UpdateStep/batch`` holds `C` before and after.
    ///
    /// - Parameters:
    ///   - η: the learning rate; nil for ``learningRate``.
    ///   - order: the update order (only `.simultaneous` with a batch).
    ///   - indices: distinct sample indices, at least one.
    /// - Returns: the step, its ``UpdateStep/after`` holding all samples.
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``; ``NetworkError/batch(_:)`` with the
    ///   ``BatchError`` of ``requireBatch(_:)``, or ``BatchError/outputFirst`` for the output-first
    ///   order (there for Mazur's full-batch figures only).
    public func updateStep(learningRate η: Double? = nil, order: UpdateOrder = .simultaneous, batch indices: [Int])
        throws(NetworkError) -> UpdateStep
    {
        try requireWellFormed()
        let part: Network
        do throws(BatchError) {
            try requireBatches(order: order, miniBatch: true)
            part = try batch(indices)
        } catch { throw .batch(error) }
        let step = part.uncheckedUpdateStep(learningRate: η, order: order)
        var after = self
        after.layers = step.after.layers
        let losses = UpdateStep.Batch(samples: indices, lossBefore: uncheckedMeanLoss(), lossAfter: after.uncheckedMeanLoss())
        return UpdateStep(before: self, after: after, gradients: step.gradients, learningRate: step.learningRate,
                          order: order, lossAfter: step.lossAfter, batch: losses)
    }
}

extension UpdateStep {
    /// A step taken with a mini-batch's gradient: the batch, and the loss over all samples, `C`,
    /// before and after the step (the step's own losses are the batch's, `C_B`).
    public struct Batch: Sendable, Equatable {
        public let samples: [Int]
        public let lossBefore: Double
        public let lossAfter: Double
    }
}
