import NNExplain

/// What the resource estimates need to know of a network: its layer sizes, which layers have
/// biases and how many samples it has. A `--random` network's shape is known before it is made, so
/// a network too big to handle is refused before a byte of it is allocated.
struct NetworkShape: Equatable {
    /// `n` of every layer, the inputs first: `sizes[l]` is layer `l`.
    let sizes: [Int]
    /// Whether layer `l` has biases, at `[l - 1]`.
    let biases: [Bool]
    let samples: Int

    init(sizes: [Int], biases: [Bool], samples: Int) {
        (self.sizes, self.biases, self.samples) = (sizes, biases, samples)
    }

    init(_ network: Network) {
        self.init(sizes: [network.inputs] + network.layers.map(\.size), biases: network.layers.map { $0.biases != nil },
                  samples: network.samples.count)
    }

    /// `L`.
    var depth: Int { sizes.count - 1 }
    /// Every weight `w_jk^l`: `Σ_l n_l · n_(l-1)`.
    var weights: Int { (1...depth).map { sizes[$0] * sizes[$0 - 1] }.reduce(0, +) }
    /// Every weight and every bias that exists (the numbers of one gradient).
    var parameters: Int { weights + (1...depth).filter { biases[$0 - 1] }.map { sizes[$0] }.reduce(0, +) }
    /// The nodes of layers 1…L.
    var nodes: Int { sizes.dropFirst().reduce(0, +) }

    /// The bytes ``Engine/run(_:trace:in:)`` holds at its peak for this network, with the network
    /// itself and the gradients it returns (``Engine/peakBytes(sizes:parameters:samples:arrayOverhead:)``).
    var engineBytes: Int {
        Engine.peakBytes(sizes: sizes, parameters: parameters, samples: samples, arrayOverhead: NetworkShape.arrayOverhead)
    }

    /// The bytes a Swift array of numbers costs beyond its numbers: its header and the allocator's share.
    static let arrayOverhead = 48
}
