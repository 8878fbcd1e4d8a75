import NNExplain
import NNExplainKernels

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

    /// The bytes ``Engine/run(_:trace:)`` holds at its peak for this network, with the network
    /// itself and the gradients it returns, all counted from the engine's own layout
    /// (``PreparedNetwork``, ``Scratch``, ``GradientSum``):
    ///
    /// - the network: every weight, bias and sample number, and a Swift array (about
    ///   ``arrayOverhead`` bytes) per weight row and per sample's `x` and `y`;
    /// - the weights packed twice, `w` (not for layer 1) and its transpose `wT`, each padded to whole
    ///   panels of columns (``Kernels/packedCount(inner:columns:)``);
    /// - per thread a scratch of `64 × inputs + 2 · 64 × widest + 4 · 64 × nodes + 64` numbers and
    ///   the packed activations below the widest layer;
    /// - the sum of the gradients and up to `3 × threads` block buffers (never more than there are
    ///   blocks), each one number per parameter;
    /// - the averaged gradients returned, one number per parameter, an array per weight row.
    var engineBytes: Int {
        let rows = Engine.blockSize, below = sizes.dropLast().map { Kernels.packedCount(inner: rows, columns: $0) }.max() ?? 0
        let blocks = (samples + rows - 1) / rows
        let threads = max(1, min(Engine.defaultThreads, blocks))
        let network = parameters + samples * (sizes[0] + sizes[depth])
        let packed = (1...depth).map { l in
            (l == 1 ? 0 : Kernels.packedCount(inner: sizes[l], columns: sizes[l - 1]))
                + Kernels.packedCount(inner: sizes[l - 1], columns: sizes[l])
        }.reduce(0, +)
        let widest = sizes.dropFirst().max() ?? 0
        let scratch = threads * (rows * sizes[0] + 2 * rows * widest + below + 4 * rows * nodes + rows)
        let sums = parameters * (1 + min(blocks, 3 * threads))
        let returned = parameters
        let arrays = 2 * nodes + 2 * samples
        return 8 * (network + packed + scratch + sums + returned) + NetworkShape.arrayOverhead * arrays
    }

    /// The bytes a Swift array of numbers costs beyond its numbers: its header and the allocator's share.
    static let arrayOverhead = 48
}
