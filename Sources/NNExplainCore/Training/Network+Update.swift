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

extension Network {
    /// `C = (1/N) Σ_s C_s`, from the engine.
    ///
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``.
    public func meanLoss() throws(NetworkError) -> Double {
        try requireWellFormed()
        return uncheckedMeanLoss()
    }

    /// ``meanLoss()`` of a network known to be well formed.
    package func uncheckedMeanLoss() -> Double { Engine().meanLoss(self) }

    /// One gradient-descent step with learning rate `η` (the network's own by default), and the
    /// loss after it.
    ///
    /// - Parameters:
    ///   - η: the learning rate; nil for ``learningRate``.
    ///   - order: whether every layer steps with the gradients of the weights before the step, or the
    ///     output layer first (Mazur's order).
    /// - Returns: the network before and after, the gradients used and the loss after.
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``.
    public func updateStep(learningRate η: Double? = nil, order: UpdateOrder = .simultaneous) throws(NetworkError) -> UpdateStep {
        try requireWellFormed()
        return uncheckedUpdateStep(learningRate: η, order: order)
    }

    /// ``updateStep(learningRate:order:)`` of a network known to be well formed.
    package func uncheckedUpdateStep(learningRate η: Double? = nil, order: UpdateOrder = .simultaneous) -> UpdateStep {
        let η = η ?? learningRate
        let (after, gradients) = stepped(learningRate: η, order: order)
        return UpdateStep(before: self, after: after, gradients: gradients, learningRate: η, order: order,
                          lossAfter: after.uncheckedMeanLoss(), batch: nil)
    }

    /// The network after one step, and the gradients it moved by: `w ← w − η · ∂C/∂w`, the
    /// gradients from `engine` working in `workspace` (a fresh one by default).
    func stepped(learningRate η: Double, order: UpdateOrder, engine: Engine = Engine(),
                 in workspace: Engine.Workspace = Engine.Workspace()) -> (Network, Gradients) {
        let gradients = order == .simultaneous ? engine.run(self, in: workspace).gradients : outputFirstGradients(learningRate: η)
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

    /// The gradients of the `output-first` order: one forward pass per sample with the old weights;
    /// then, for `l = L … 1`, layer l's gradients from `∂C_s/∂a^l`, layer l updated at once, and
    /// `∂C_s/∂a^(l-1)` computed through the *updated* weights of layer l.
    private func outputFirstGradients(learningRate η: Double) -> Gradients {
        let traces = self.uncheckedTraces()
        var weights = layers.map { $0.weights }
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
        return Gradients(loss: Network.meanOverSamples(traces.map { $0.loss }), layers: layerGradients)
    }
}
