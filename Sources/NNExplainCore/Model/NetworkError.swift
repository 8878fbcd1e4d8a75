/// Why a network, or an index into it, cannot be used by an entry point of the library, as a value
/// a caller can switch on (the sentences live in the NNExplain library, `message`). A network read
/// from a file never has a structural problem (``Network/decode(_:)`` refuses those with paths);
/// one built in code may.
public enum NetworkError: Error, Equatable, Sendable {
    /// The network has no layers.
    case noLayers
    /// `inputs` is below 1.
    case inputs(Int)
    /// Layer `layer` has no nodes (no rows of weights).
    case emptyLayer(layer: Int)
    /// Row `row` of layer `layer`'s weights has `count` numbers, not the previous layer's `expected`.
    case rowLength(layer: Int, row: Int, count: Int, expected: Int)
    /// Layer `layer` has `count` biases, not one per node, `expected`.
    case biasCount(layer: Int, count: Int, expected: Int)
    /// The network has no samples.
    case noSamples
    /// A sample's `x` (`held`: of a held-out sample) has `count` numbers, not one per input.
    case sampleInputs(sample: Int, held: Bool, count: Int, expected: Int)
    /// A sample's `y` has `count` numbers, not one per output node.
    case sampleOutputs(sample: Int, held: Bool, count: Int, expected: Int)
    /// Activation, loss and targets do not fit together.
    case pairing(PairingProblem)
    /// Layer `layer` is none of `1…depth`.
    case noSuchLayer(Int, depth: Int)
    /// Node `node` is none of layer `layer`'s `size` nodes.
    case noSuchNode(Int, layer: Int, size: Int)
    /// Sample `sample` is none of the network's `samples`.
    case noSuchSample(Int, samples: Int)
    /// A batch that is no batch of the network.
    case batch(BatchError)
    /// An input of `count` numbers, not one per input of the network, `expected`.
    case inputLength(Int, expected: Int)
}

extension Network {
    /// Checks that the network is one every entry point can compute with: at least one layer of
    /// at least one node and one input, each row of weights one per node of the layer below, at
    /// most one bias per node, at least one sample, every sample's `x` one number per input and `y`
    /// one per output, and activation, loss and targets that fit (``pairingProblem``).
    ///
    /// - Throws: the first ``NetworkError`` in that order.
    public func requireWellFormed() throws(NetworkError) {
        guard !layers.isEmpty else { throw .noLayers }
        guard inputs >= 1 else { throw .inputs(inputs) }
        var below = inputs
        for (i, layer) in layers.enumerated() {
            guard !layer.weights.isEmpty else { throw .emptyLayer(layer: i + 1) }
            for (j, row) in layer.weights.enumerated() where row.count != below {
                throw .rowLength(layer: i + 1, row: j, count: row.count, expected: below)
            }
            if let biases = layer.biases, biases.count != layer.weights.count {
                throw .biasCount(layer: i + 1, count: biases.count, expected: layer.weights.count)
            }
            below = layer.weights.count
        }
        guard !samples.isEmpty else { throw .noSamples }
        for (held, set) in [(false, samples), (true, testSamples)] {
            for (s, sample) in set.enumerated() {
                guard sample.x.count == inputs else { throw .sampleInputs(sample: s, held: held, count: sample.x.count, expected: inputs) }
                guard sample.y.count == below else { throw .sampleOutputs(sample: s, held: held, count: sample.y.count, expected: below) }
            }
        }
        if let problem = pairingProblem { throw .pairing(problem) }
    }

    /// Checks that `l` is a layer with weights, `1…L`.
    ///
    /// - Throws: ``NetworkError/noSuchLayer(_:depth:)``.
    public func requireLayer(_ l: Int) throws(NetworkError) {
        guard l >= 1, l <= depth else { throw .noSuchLayer(l, depth: depth) }
    }

    /// Checks that `w_jk^l` is a weight: `l` in `1…L`, `j` a node of layer `l`, `k` of layer `l-1`.
    ///
    /// - Throws: ``NetworkError/noSuchLayer(_:depth:)`` or ``NetworkError/noSuchNode(_:layer:size:)``.
    public func requireWeight(layer l: Int, j: Int, k: Int) throws(NetworkError) {
        try requireLayer(l)
        guard j >= 0, j < size(ofLayer: l) else { throw .noSuchNode(j, layer: l, size: size(ofLayer: l)) }
        guard k >= 0, k < size(ofLayer: l - 1) else { throw .noSuchNode(k, layer: l - 1, size: size(ofLayer: l - 1)) }
    }

    /// Checks that `s` is a sample, `0..<N`.
    ///
    /// - Throws: ``NetworkError/noSuchSample(_:samples:)``.
    public func requireSample(_ s: Int) throws(NetworkError) {
        guard s >= 0, s < samples.count else { throw .noSuchSample(s, samples: samples.count) }
    }

    /// ``requireWellFormed()`` and then ``requireSample(_:)``.
    ///
    /// - Throws: the ``NetworkError`` of either.
    public func requireWellFormed(sample s: Int) throws(NetworkError) {
        try requireWellFormed()
        try requireSample(s)
    }
}
