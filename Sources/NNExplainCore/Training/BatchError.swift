/// Why a mini-batch, or a training run's batches, cannot be used, as a value a caller can switch
/// on. The sentences live in the NNExplain library (`message`).
public enum BatchError: Error, Equatable, Sendable {
    /// The batch holds no sample.
    case empty
    /// `sample` is no sample of a network of `samples` samples (negative, or `samples` or more).
    case noSuchSample(Int, samples: Int)
    /// `sample` is in the batch twice.
    case repeated(Int)
    /// A batch size below 1.
    case size(Int)
    /// Mini-batches (a batch, or a batch size below the number of samples) with the output-first
    /// order, which exists only to reproduce Mazur's full-batch figures.
    case outputFirst
}

extension Network {
    /// Checks that `indices` is a batch of this network: at least one index, each a sample
    /// (in `samples.indices`), none twice.
    ///
    /// - Parameter indices: the sample indices of the batch.
    /// - Throws: ``BatchError/empty``, ``BatchError/noSuchSample(_:samples:)`` for the first index
    ///   that is no sample, ``BatchError/repeated(_:)`` for the first index given twice.
    public func requireBatch(_ indices: [Int]) throws(BatchError) {
        guard !indices.isEmpty else { throw .empty }
        var check = BatchCheck(samples: samples.count)
        for s in indices { try check.add(s) }
    }

    /// Checks that a run or a step with `order` may use batches of `batchSize` (`nil`: all samples)
    /// — or, with `miniBatch`, one given batch.
    ///
    /// - Parameters:
    ///   - order: the update order of the run or step.
    ///   - batchSize: the samples per step; nil for all samples.
    ///   - miniBatch: whether a step is given one batch of its own.
    /// - Throws: ``BatchError/size(_:)`` for a size below 1; ``BatchError/outputFirst`` for the
    ///   output-first order with a mini-batch (a size below the number of samples, or `miniBatch`).
    public func requireBatches(order: UpdateOrder, batchSize: Int? = nil, miniBatch: Bool = false) throws(BatchError) {
        if let batchSize, batchSize < 1 { throw .size(batchSize) }
        let mini = miniBatch || batchSize.map { $0 < samples.count } ?? false
        if mini, order == .outputFirst { throw .outputFirst }
    }
}

/// A batch checked one sample at a time, as it is read: each a sample of `samples`, none twice.
package struct BatchCheck: Sendable {
    /// How many samples the network has.
    package let samples: Int
    private var seen = Set<Int>()

    package init(samples: Int) { self.samples = samples }

    /// Checks that `s` is a sample (in `0..<samples`).
    ///
    /// - Throws: ``BatchError/noSuchSample(_:samples:)``.
    package func requireSample(_ s: Int) throws(BatchError) {
        guard s >= 0, s < samples else { throw .noSuchSample(s, samples: samples) }
    }

    /// Checks `s` with ``requireSample(_:)`` and that it was not added before, then adds it.
    ///
    /// - Throws: ``BatchError/noSuchSample(_:samples:)`` or ``BatchError/repeated(_:)``.
    package mutating func add(_ s: Int) throws(BatchError) {
        try requireSample(s)
        guard seen.insert(s).inserted else { throw .repeated(s) }
    }
}
