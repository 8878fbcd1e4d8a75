/// `nnexplain train`, explained from its result: the summary document with its loss curves, why the
/// run stopped early if it did, and the JSON of `--format json`.
public struct TrainingReport: Sendable, JSONRepresentable {
    /// What the run did.
    public let training: Training
    /// The network the run started from.
    public let start: Network
    /// The step size the run used.
    public let learningRate: Double
    /// The order each step's layers were updated in.
    public let order: UpdateOrder
    /// How the epochs took their samples.
    public let batches: Explanation.Batches
    /// The document lists the loss every `every` epochs (and after the last).
    public let every: Int
    /// The network file `start` was read from, if any, which the trained network is written into
    /// (see ``NetworkFile``).
    public let file: JSONValue?

    /// The report of `training`, the run of
    /// ``Network/trained(epochs:learningRate:order:batchSize:shuffleSeed:engine:progress:)`` on
    /// `start` with these settings.
    ///
    /// - Parameters:
    ///   - learningRate: the run's step size; nil for `start`'s own.
    ///   - every: how many epochs apart the document lists the loss; at least 1 is used.
    ///   - file: the parsed network file `start` came from, whose other keys the JSON keeps.
    public init(
        _ training: Training, of start: Network, learningRate: Double? = nil, order: UpdateOrder = .simultaneous,
        batchSize: Int? = nil, shuffleSeed: UInt64 = Network.defaultShuffleSeed, every: Int = 1, file: JSONValue? = nil
    ) {
        (self.training, self.start, self.order, self.file) = (training, start, order, file)
        self.learningRate = learningRate ?? start.learningRate
        batches = Explanation.Batches(samples: start.samples.count, size: batchSize, shuffleSeed: shuffleSeed)
        self.every = max(1, every)
    }

    /// The loss curve: `training.losses` as a ``Sparkline``.
    package var curve: Sparkline { Sparkline(training.losses) }

    /// The held-out samples' loss curve; nil without held-out samples.
    package var testCurve: Sparkline? { training.testLosses.isEmpty ? nil : Sparkline(training.testLosses) }

    /// The summary: the settings, the losses every ``every`` epochs, the curves and where the
    /// losses went (``Explanation/training(losses:testLosses:every:learningRate:order:batches:)``).
    public var document: Document {
        Explanation.training(losses: training.losses, testLosses: training.testLosses, every: every,
                             learningRate: learningRate, order: order, batches: batches)
    }

    /// `train --plot`: the loss curves as an SVG picture, epochs on x and the loss on y.
    /// - Parameters:
    ///   - log: a logarithmic loss axis (`--log`) instead of a linear one from 0.
    ///   - from: the first epoch drawn (`--from`), `0 ..< epochs`; the axes fit what is drawn.
    public func plot(log: Bool = false, from: Int = 0) -> String {
        LossPlot.svg(training.losses, testLosses: training.testLosses, log: log, from: from)
    }

    /// The trained network as its file holds it.
    public var trainedFile: NetworkFile { NetworkFile(training.network, original: file) }

    /// `{"losses": [...], "testLosses": [...], "network": {...}}`: `losses[i]` is the mean loss after
    /// `i` epochs (`losses[0]` before training), `testLosses` (only with held-out samples) the same
    /// over those, and `network` the trained network file (``trainedFile``).
    public func json(naming: LayerNaming) -> JSONValue {
        .object([("losses", .numbers(training.losses))]
            + (training.testLosses.isEmpty ? [] : [("testLosses", .numbers(training.testLosses))])
            + [("network", trainedFile.json)])
    }
}
