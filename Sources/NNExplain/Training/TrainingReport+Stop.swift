/// Why a training run stopped early, in the words `nnexplain train` prints.
extension TrainingReport {
    /// The run's ``Training/divergence`` as an error to report; nil when every epoch was taken.
    public var stopped: TrainingStopped? {
        training.divergence.map { TrainingStopped(divergence: $0, depth: start.depth, learningRate: learningRate) }
    }
}

/// A training run that stopped at a number that is not finite: which one, and what to try.
public struct TrainingStopped: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the run stopped.
    public let divergence: Training.Divergence
    /// The depth `L` of the network, which names its layers.
    public let depth: Int
    /// The step size the run used.
    public let learningRate: Double

    /// The error of a run of a network of depth `depth` with step size `learningRate`.
    package init(divergence: Training.Divergence, depth: Int, learningRate: Double) {
        (self.divergence, self.depth, self.learningRate) = (divergence, depth, learningRate)
    }

    /// "training diverged: the loss became NaN after 3 epochs; try a smaller --learning-rate (this
    /// run used 50)", or the like for a batch's loss, a weight or bias, or the test loss.
    public var description: String {
        let rate = "try a smaller --learning-rate (this run used \(learningRate.formatted))"
        switch divergence {
        case .loss(let epochs, let value):
            return "training diverged: the loss became \(value.isNaN ? "NaN" : "infinite") after \(epochs.counting("epoch")); \(rate)"
        case .batchLoss(let epoch, let value):
            return "training diverged: the loss of a batch became \(value.isNaN ? "NaN" : "infinite") in epoch \(epoch); \(rate)"
        case .parameter(let bad, let epoch):
            return "training diverged: \(bad.name(depth: depth)) became \(bad.valueWord) in epoch \(epoch); \(rate)"
        case .testLoss(let epochs, let value):
            return "training stopped: the test loss, over the held-out samples, became \(value.isNaN ? "NaN" : "infinite") after "
                + "\(epochs.counting("epoch")), while the training loss stayed finite; scale down the test samples' inputs, or \(rate)"
        }
    }
}
