/// Activations and a loss to put in place of a network's own, as `--activation`,
/// `--output-activation` and `--loss` do to a network file: nil keeps the network's.
public struct NetworkChanges: Sendable, Equatable {
    /// Every hidden layer's activation (layers 1…L-1).
    public var hidden: Activation?
    /// The output layer's activation (layer L).
    public var output: Activation?
    /// The loss.
    public var loss: Loss?

    public init(hidden: Activation? = nil, output: Activation? = nil, loss: Loss? = nil) {
        (self.hidden, self.output, self.loss) = (hidden, output, loss)
    }

    /// Whether nothing is changed.
    public var isEmpty: Bool { hidden == nil && output == nil && loss == nil }
}

extension Network {
    /// This network with `changes` in place: every hidden layer's activation, the output layer's and
    /// the loss, each where given; the weights, biases, samples and every other setting kept. The
    /// pairings are not checked here (``pairingProblem``): softmax given to hidden layers, or a loss
    /// that does not fit the output activation or the targets, is the caller's to refuse.
    ///
    /// - Parameter changes: what to replace.
    /// - Returns: the changed network.
    public func replacing(_ changes: NetworkChanges) -> Network {
        var changed = self
        for l in changed.layers.indices {
            let isOutput = l == changed.layers.count - 1
            if let g = isOutput ? changes.output : changes.hidden { changed.layers[l].activation = g }
        }
        if let loss = changes.loss { changed.loss = loss }
        return changed
    }
}
