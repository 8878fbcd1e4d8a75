/// A small seeded generator of our own, so that `--random … --seed S` gives the same network on every
/// machine and with every Swift version (the standard library's generators promise no such thing).
///
/// SplitMix64 (Steele, Lea and Flood, 2014): the state advances by the constant 0x9E3779B97F4A7C15
/// and each output is a mix of it. `nextUnit()` takes the top 53 bits as a double in [0, 1).
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1), from the top 53 bits.
    package mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A double uniform in [−bound, bound).
    package mutating func nextSymmetric(_ bound: Double) -> Double { (2 * nextUnit() - 1) * bound }
}

extension Network {
    /// A random network for experiments and benchmarks, the same for the same arguments everywhere.
    ///
    /// Drawn in this order from one ``SplitMix64`` seeded with `seed`: for each layer l = 1 … L, its
    /// weights row by row, uniform in ±1/√(fan-in) where fan-in is the size of layer l-1, then its
    /// biases, uniform in ±0.1; then for each sample its inputs `x` and its targets `y`, uniform
    /// in [0, 1). Every hidden layer uses `activation`, the output layer `outputActivation` (the
    /// same as the hidden layers' when nil); the learning rate is 0.1. The pairings are not checked
    /// here (``pairingProblem``): the targets always fit, the activations and loss may not. A size
    /// below 1 counts as 1, missing sizes (fewer than two) as 1, and `samples` below 0 as 0, so
    /// every call makes a network (one without samples is refused by ``requireWellFormed()``).
    ///
    /// - Parameters:
    ///   - sizes: the layer sizes, inputs first.
    ///   - samples: the number of training samples.
    ///   - seed: the generator's seed.
    ///   - activation: the hidden layers' activation.
    ///   - outputActivation: the output layer's, or nil for `activation`.
    ///   - loss: the network's loss.
    /// - Returns: the network; check it with ``requireWellFormed()`` before use.
    public static func random(sizes: [Int], samples: Int, seed: UInt64, activation: Activation = .sigmoid,
                              outputActivation: Activation? = nil, loss: Loss = .squared) -> Network {
        let sizes = (sizes + Array(repeating: 1, count: max(0, 2 - sizes.count))).map { max(1, $0) }
        let samples = max(0, samples)
        var generator = SplitMix64(seed: seed)
        var layers: [Layer] = []
        for l in 1..<sizes.count {
            let bound = 1 / Double(sizes[l - 1]).squareRoot()
            let weights = (0..<sizes[l]).map { _ in (0..<sizes[l - 1]).map { _ in generator.nextSymmetric(bound) } }
            let biases = (0..<sizes[l]).map { _ in generator.nextSymmetric(0.1) }
            let g = l == sizes.count - 1 ? outputActivation ?? activation : activation
            layers.append(Layer(activation: g, weights: weights, biases: biases))
        }
        let data = (0..<samples).map { _ in
            Sample(x: (0..<sizes[0]).map { _ in generator.nextUnit() }, y: (0..<sizes[sizes.count - 1]).map { _ in generator.nextUnit() })
        }
        return Network(inputs: sizes[0], layers: layers, loss: loss, learningRate: 0.1, samples: data)
    }
}
