/// What a network predicts for a set of samples, and how often it is right.
///
/// A network's outputs name a class: with one output node, class 1 when `a_0^L ≥ 0.5` and class 0
/// otherwise (a sigmoid output read as the probability of class 1); with several, the index of the
/// largest `a_j^L`, the lowest such index when several are equally large. A target names its class
/// the same way, `y_0 ≥ 0.5` or the index of the largest `y_j` (for one-hot targets, the one 1).
/// A prediction is right when the two classes are the same; the accuracy is the share of right ones.
public struct Predictions: Sendable, Equatable {
    /// One row per sample, in the order of the samples.
    public let rows: [Row]
    /// `C = (1/N) Σ_s C_s` over these samples, summed in the engine's order, so it is the very
    /// number the engine gives for a network with these samples.
    public let loss: Double
    /// The number of classes: 2 for one output node, otherwise the number of output nodes.
    public let classes: Int

    /// One sample's outputs and classes.
    public struct Row: Sendable, Equatable {
        /// `a^L`, the output layer's activations.
        public let output: [Double]
        public let predicted: Int
        public let target: Int
        public var correct: Bool { predicted == target }
    }

    /// How many predictions are right.
    public var correct: Int { rows.count(where: { $0.correct }) }

    /// `correct / rows.count`, the share of right predictions.
    public var accuracy: Double { Double(correct) / Double(rows.count) }

    /// `confusion[t][p]`: how many samples of target class `t` were predicted as class `p`. Every
    /// row sums to the samples of that class, the whole to the samples, the diagonal to ``correct``.
    public var confusion: [[Int]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for row in rows { counts[row.target][row.predicted] += 1 }
        return counts
    }
}

extension Network {
    /// The predictions of this network for `samples` (its training samples when nil): each sample's
    /// forward pass, as ``trace(sample:)`` computes it, its output's class and its target's, and the
    /// mean loss over them. `samples` must fit the network (as a network file's `"test"` does), and
    /// their outputs must be numbers: callers check first, with NNExplain's
    /// `requireFinite(samples:checks:)` (or `requireFiniteTestSamples()` for the held-out ones).
    ///
    /// - Parameter samples: samples of this network's shape; nil for its training samples.
    /// - Returns: each sample's output and predicted and target classes, and the mean loss.
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``, of this network and then of it
    ///   with `samples` as its samples (when there are any).
    public func predictions(of samples: [Sample]? = nil) throws(NetworkError) -> Predictions {
        try requireWellFormed()
        if let samples, !samples.isEmpty {
            var network = self
            network.samples = samples
            try network.requireWellFormed()
        }
        return uncheckedPredictions(of: samples)
    }

    /// ``predictions(of:)`` of a well-formed network and samples of its shape.
    package func uncheckedPredictions(of samples: [Sample]? = nil) -> Predictions {
        var network = self
        if let samples { network.samples = samples }
        let traces = network.samples.indices.map { network.uncheckedTrace(sample: $0) }
        let rows = traces.map { t in
            Predictions.Row(output: t.layer(depth).a, predicted: Predictions.classOf(t.layer(depth).a), target: Predictions.classOf(t.target))
        }
        return Predictions(rows: rows, loss: Network.meanOverSamples(traces.map { $0.loss }), classes: max(2, size(ofLayer: depth)))
    }
}

extension Predictions {
    /// ``Classification/classOf(_:)``, for outputs and targets already checked to hold no NaN; a
    /// NaN (which the callers' check rules out) would count as class 0.
    static func classOf(_ values: [Double]) -> Int { Classification.classOf(values) ?? 0 }
}
