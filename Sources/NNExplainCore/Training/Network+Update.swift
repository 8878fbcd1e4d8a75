/// The order in which one gradient-descent step updates the layers.
public enum UpdateOrder: String, CaseIterable, Sendable {
    /// Every gradient from the weights before the step, then every weight moves: the correct order.
    case simultaneous
    /// One forward pass, then from the output layer down each layer is updated as soon as its
    /// gradients are known, so the layer below computes its `∂C/∂a` from weights already moved.
    /// Wrong, but it is how Mazur's published training figures were produced.
    case outputFirst = "output-first"
}

/// One step of gradient descent, `w ← w − η · ∂C/∂w`, and everything needed to explain it.
/// With a mini-batch (``batch``) the gradient is the batch's, `∂C_B/∂w`, and so are the losses.
public struct UpdateStep: Sendable, Equatable {
    public let before: Network
    public let after: Network
    /// The gradient each parameter moved by. For `output-first` these are computed with the layers
    /// above already updated, so they differ from `before.gradients()` below the output layer.
    public let gradients: Gradients
    public let learningRate: Double
    public let order: UpdateOrder
    /// `C` (or `C_B`) at the weights after the step (the loss before it is `gradients.loss`).
    public let lossAfter: Double
    /// The mini-batch the gradient was taken over, with `C` before and after; `nil` for all samples.
    public let batch: Batch?
}

/// What ``Network/trained(epochs:learningRate:order:progress:)`` did.
public struct Training: Sendable, Equatable {
    /// The trained network (on divergence, the network before the step that failed).
    public let network: Network
    /// `losses[i]`, the mean loss after `i` epochs.
    public let losses: [Double]
    /// The first number that stopped being finite, if training stopped early.
    public let divergence: Divergence?

    /// Where training stopped being a computation with numbers.
    public enum Divergence: Sendable, Equatable {
        /// The mean loss after this many epochs, `losses[afterEpochs]`, is not finite.
        case loss(afterEpochs: Int, value: Double)
        /// The step of epoch `epoch` (counted from 1) moved this weight or bias to a value that is not finite.
        case parameter(NonFinite, epoch: Int)
    }
}

extension Network {
    /// `C = (1/N) Σ_s C_s`, from the engine.
    public func meanLoss() -> Double { Engine().meanLoss(self) }

    /// One gradient-descent step with learning rate `η` (the network's own by default), and the
    /// loss after it.
    public func updateStep(learningRate η: Double? = nil, order: UpdateOrder = .simultaneous) -> UpdateStep {
        let η = η ?? learningRate
        let (after, gradients) = stepped(learningRate: η, order: order)
        return UpdateStep(before: self, after: after, gradients: gradients, learningRate: η, order: order,
                          lossAfter: after.meanLoss(), batch: nil)
    }

    /// The network after one step, and the gradients it moved by: `w ← w − η · ∂C/∂w`.
    private func stepped(learningRate η: Double, order: UpdateOrder) -> (Network, Gradients) {
        let gradients = order == .simultaneous ? self.gradients() : outputFirstGradients(learningRate: η)
        var after = self
        for l in 1...depth {
            let g = gradients.layers[l - 1]
            after.layers[l - 1].weights = GradientDescent.step(layers[l - 1].weights, gradients: g.weights, learningRate: η)
            if updateBiases, let biases = layers[l - 1].biases {
                after.layers[l - 1].biases = GradientDescent.step(biases, gradients: g.biases, learningRate: η)
            }
        }
        return (after, gradients)
    }

    /// Full-batch gradient descent for `epochs` steps. `losses[i]` is the mean loss after `i` epochs,
    /// so `losses[0]` is the loss before training and there are `epochs + 1` of them.
    /// `progress` is called after each epoch with the number of epochs done.
    ///
    /// Training stops at the first number that is not finite, so that no later epoch hides where it
    /// began (a parameter that is infinite or NaN stays so): then `divergence` says which, `losses`
    /// ends with the last loss computed, and `network` is the network before the step that failed.
    public func trained(
        epochs: Int, learningRate η: Double? = nil, order: UpdateOrder = .simultaneous,
        progress: ((Int) -> Void)? = nil
    ) -> Training {
        var network = self
        var losses: [Double] = []
        losses.reserveCapacity(epochs + 1)
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let (after, gradients) = network.stepped(learningRate: η ?? learningRate, order: order)
            losses.append(gradients.loss)
            guard gradients.loss.isFinite else {
                return Training(network: network, losses: losses, divergence: .loss(afterEpochs: epoch - 1, value: gradients.loss))
            }
            if let bad = after.firstNonFiniteParameter() {
                return Training(network: network, losses: losses, divergence: .parameter(bad, epoch: epoch))
            }
            network = after
            progress?(epoch)
        }
        losses.append(network.meanLoss())
        let divergence = losses[epochs].isFinite ? nil : Training.Divergence.loss(afterEpochs: epochs, value: losses[epochs])
        return Training(network: network, losses: losses, divergence: divergence)
    }

    /// The gradients of the `output-first` order: one forward pass per sample with the old weights;
    /// then, for `l = L … 1`, layer l's gradients from `∂C_s/∂a^l`, layer l updated at once, and
    /// `∂C_s/∂a^(l-1)` computed through the *updated* weights of layer l.
    private func outputFirstGradients(learningRate η: Double) -> Gradients {
        let traces = self.traces()
        var weights = layers.map(\.weights)
        var dCda = traces.map { $0.layer(depth).dCda }
        var layerGradients: [Gradients.Layer] = []
        for l in stride(from: depth, through: 1, by: -1) {
            let n = size(ofLayer: l), m = size(ofLayer: l - 1)
            // The output layer's δ by its rule (softmax, the cross-entropies), as the trace has it.
            let deltas = traces.indices.map { s in
                l == depth ? traces[s].layer(l).delta
                    : (0..<n).map { j in Backpropagation.delta(dCda: dCda[s][j], gPrime: traces[s].layer(l).gPrime[j]) }
            }
            // Σ_s in the engine's order, block by block, and each mean as the engine takes it.
            var gw = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
            var gb = [Double](repeating: 0, count: n)
            for start in stride(from: 0, to: traces.count, by: Engine.blockSize) {
                var bw = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
                var bb = [Double](repeating: 0, count: n)
                for s in start..<min(traces.count, start + Engine.blockSize) {
                    let input = traces[s].activations(ofLayer: l - 1)
                    for j in 0..<n {
                        for k in 0..<m { bw[j][k] += deltas[s][j] * input[k] }
                        bb[j] += deltas[s][j]
                    }
                }
                for j in 0..<n {
                    for k in 0..<m { gw[j][k] += bw[j][k] }
                    gb[j] += bb[j]
                }
            }
            let count = samples.count
            let g = Gradients.Layer(
                weights: (0..<n).map { j in
                    (0..<m).map { k in
                        Network.mean(sum: gw[j][k], count: count) { traces.indices.map { deltas[$0][j] * traces[$0].activations(ofLayer: l - 1)[k] } }
                    }
                },
                biases: (0..<n).map { j in Network.mean(sum: gb[j], count: count) { deltas.map { $0[j] } } })
            weights[l - 1] = GradientDescent.step(weights[l - 1], gradients: g.weights, learningRate: η)
            dCda = deltas.map { Backpropagation.dCdaBelow(deltas: $0, weights: weights[l - 1], width: m) }
            layerGradients.insert(g, at: 0)
        }
        return Gradients(loss: Network.meanOverSamples(traces.map(\.loss)), layers: layerGradients)
    }
}
