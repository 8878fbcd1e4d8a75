/// What ``Network/trained(epochs:learningRate:order:batchSize:shuffleSeed:engine:progress:)`` did.
public struct Training: Sendable, Equatable {
    /// The trained network (on divergence, the network before the step that failed).
    public let network: Network
    /// `losses[i]`, the mean loss over all training samples after `i` epochs.
    public let losses: [Double]
    /// `testLosses[i]`, the mean loss over the held-out samples (``Network/testSamples``) after `i`
    /// epochs, one for each of `losses`; empty when the network has none.
    public let testLosses: [Double]
    /// The first number that stopped being finite, if training stopped early.
    public let divergence: Divergence?

    /// Where training stopped being a computation with numbers.
    public enum Divergence: Sendable, Equatable {
        /// The mean loss after this many epochs, `losses[afterEpochs]`, is not finite.
        case loss(afterEpochs: Int, value: Double)
        /// In epoch `epoch` (counted from 1) the mean loss of a mini-batch, which its step would
        /// have followed, is not finite.
        case batchLoss(epoch: Int, value: Double)
        /// The step of epoch `epoch` (counted from 1) moved this weight or bias to a value that is not finite.
        case parameter(NonFinite, epoch: Int)
        /// The mean loss over the held-out samples after this many epochs, `testLosses[afterEpochs]`,
        /// is not finite, while `losses[afterEpochs]` is: a test sample overflows with these weights.
        case testLoss(afterEpochs: Int, value: Double)
    }
}

extension Network {
    /// The shuffle seed of ``trained(epochs:learningRate:order:batchSize:shuffleSeed:engine:progress:)``
    /// when none is given: 1, as `--seed` defaults to 1.
    public static let defaultShuffleSeed: UInt64 = 1

    /// Gradient descent for `epochs` epochs. `losses[i]` is the mean loss over all samples after `i`
    /// epochs, so `losses[0]` is the loss before training and there are `epochs + 1` of them; with
    /// held-out samples, `testLosses[i]` is theirs, by the same engine and loss. They are only
    /// evaluated: no step ever sees them. `progress` is called after each epoch with the number of
    /// epochs done.
    ///
    /// Full batch (`batchSize` nil or at least the number of samples `N`): each epoch is one step by
    /// the gradient averaged over all samples. Mini-batch (`batchSize` B below N): each epoch draws
    /// a permutation of `0..<N` (``SplitMix64/permutation(of:)``, from one generator seeded with
    /// `shuffleSeed` for the whole run, so epoch 2's order is the generator's next `N − 1` outputs
    /// after epoch 1's), cuts it into batches of B in that order (the last one smaller when B does
    /// not divide N) and takes one step per batch, each by the gradient averaged over its own
    /// samples; after the epoch the loss over all samples is computed again, one more forward pass.
    /// With B ≥ N there is nothing to shuffle for: the one batch is all samples, in their order, so
    /// the run is the full-batch run to the last bit (a shuffled order would only change the order
    /// in which the samples' gradients are added, and with it the last bits).
    ///
    /// Training stops at the first number that is not finite, so that no later epoch hides where it
    /// began (a parameter that is infinite or NaN stays so): then `divergence` says which, `losses`
    /// ends with the last loss computed, and `network` is the network before the step that failed.
    /// A held-out loss that is not finite stops it too (a test loss of infinity is no measurement,
    /// and no later one is lower): `network` is then the one whose test loss it is.
    /// Every pass of the run is made by `engine` (its thread count and kernel change no number)
    /// in one ``Engine/Workspace``. `epochs` below 0 count as 0.
    ///
    /// - Parameters:
    ///   - epochs: passes over the samples.
    ///   - η: the learning rate; nil for ``learningRate``.
    ///   - order: the update order.
    ///   - batchSize: samples per step; nil (or N or more) for full batch.
    ///   - shuffleSeed: the seed of the mini-batch shuffle.
    ///   - engine: the engine every pass runs on (threads; no number depends on it).
    ///   - progress: called after each epoch with the epochs done.
    /// - Returns: the trained network, the losses per epoch, and where training stopped if it diverged.
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``; ``NetworkError/batch(_:)`` with
    ///   ``BatchError/size(_:)`` for a `batchSize` below 1, ``BatchError/outputFirst`` for the
    ///   output-first order with mini-batches (``requireBatches(order:batchSize:miniBatch:)``).
    public func trained(
        epochs: Int, learningRate η: Double? = nil, order: UpdateOrder = .simultaneous,
        batchSize: Int? = nil, shuffleSeed: UInt64 = Network.defaultShuffleSeed, engine: Engine = Engine(),
        progress: ((Int) -> Void)? = nil
    ) throws(NetworkError) -> Training {
        try requireWellFormed()
        do throws(BatchError) { try requireBatches(order: order, batchSize: batchSize) } catch { throw .batch(error) }
        let epochs = max(0, epochs)
        var run = TrainingRun(start: self, learningRate: η ?? learningRate, order: order, engine: engine)
        if let batchSize, batchSize < samples.count {
            run.miniBatch(epochs: epochs, size: batchSize, shuffleSeed: shuffleSeed, progress: progress)
        } else {
            run.fullBatch(epochs: epochs, progress: progress)
        }
        return Training(network: run.network, losses: run.losses, testLosses: run.testLosses, divergence: run.divergence)
    }
}

/// One training run's state: the network so far, the losses, and the workspace every pass uses.
private struct TrainingRun {
    var network: Network
    let η: Double
    let order: UpdateOrder
    let engine: Engine
    var losses: [Double] = []
    var testLosses: [Double] = []
    var divergence: Training.Divergence?
    let workspace = Engine.Workspace()
    /// The held-out samples as a network of their own, whose weights follow the trained ones.
    private var held: Network?

    init(start: Network, learningRate η: Double, order: UpdateOrder, engine: Engine) {
        network = start
        (self.η, self.order, self.engine) = (η, order, engine)
        if !start.testSamples.isEmpty {
            var held = start
            (held.samples, held.testSamples) = (start.testSamples, [])
            self.held = held
        }
    }

    /// `losses[i]` is the loss of the gradient pass of epoch `i + 1`, which is the loss after `i` epochs.
    mutating func fullBatch(epochs: Int, progress: ((Int) -> Void)?) {
        losses.reserveCapacity(epochs + 1)
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let (after, gradients) = network.stepped(learningRate: η, order: order, engine: engine, in: workspace)
            record(gradients.loss)
            if let failed = lastLossesFailed(afterEpochs: epoch - 1) { return divergence = failed }
            if let bad = after.firstNonFiniteParameter() { return divergence = .parameter(bad, epoch: epoch) }
            network = after
            progress?(epoch)
        }
        record(engine.meanLoss(network, in: workspace))
        divergence = lastLossesFailed(afterEpochs: epochs)
    }

    mutating func miniBatch(epochs: Int, size: Int, shuffleSeed: UInt64, progress: ((Int) -> Void)?) {
        losses.reserveCapacity(epochs + 1)
        let count = network.samples.count
        var generator = SplitMix64(seed: shuffleSeed)
        record(engine.meanLoss(network, in: workspace))
        if let failed = lastLossesFailed(afterEpochs: 0) { return divergence = failed }
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let permutation = generator.permutation(of: count)
            for start in stride(from: 0, to: count, by: size) {
                // The same batch `update --batch` steps with, its samples in the shuffled order.
                let batch = network.part(Array(permutation[start..<min(count, start + size)]))
                let (after, gradients) = batch.stepped(learningRate: η, order: order, engine: engine, in: workspace)
                guard gradients.loss.isFinite else { return divergence = .batchLoss(epoch: epoch, value: gradients.loss) }
                if let bad = after.firstNonFiniteParameter() { return divergence = .parameter(bad, epoch: epoch) }
                network.layers = after.layers
            }
            record(engine.meanLoss(network, in: workspace))
            if let failed = lastLossesFailed(afterEpochs: epoch) { return divergence = failed }
            progress?(epoch)
        }
    }

    /// The divergence the losses just recorded after `epochs` epochs show, if one is not finite:
    /// the training loss first, then the held-out one.
    private func lastLossesFailed(afterEpochs epochs: Int) -> Training.Divergence? {
        if !losses[epochs].isFinite { return .loss(afterEpochs: epochs, value: losses[epochs]) }
        if let test = testLosses.last, !test.isFinite { return .testLoss(afterEpochs: epochs, value: test) }
        return nil
    }

    /// Appends the training loss of the network as it is now, and the held-out samples' loss.
    private mutating func record(_ loss: Double) {
        losses.append(loss)
        guard var held else { return }
        held.layers = network.layers
        testLosses.append(engine.meanLoss(held, in: workspace))
    }
}
