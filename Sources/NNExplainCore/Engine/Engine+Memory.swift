/// How much memory a run of the engine takes, from its own layout, so a command can refuse a
/// network too big to handle before a byte of it is allocated.
extension Engine {
    /// The bytes ``run(_:trace:in:)`` holds at its peak for a network of these layer sizes (inputs
    /// first), with `parameters` weights and biases and `samples` samples, counting the network
    /// itself and the gradients it returns, all from the engine's own layout (``PreparedNetwork``,
    /// ``Scratch``, ``GradientSum``):
    ///
    /// - the network: every weight, bias and sample number, and a Swift array (about
    ///   `arrayOverhead` bytes) per weight row and per sample's `x` and `y`;
    /// - the weights packed twice, `w` (not for layer 1) and its transpose `wT`, each padded to whole
    ///   panels of columns (``Kernels/packedCount(inner:columns:)``);
    /// - per thread a scratch of `64 × inputs + 2 · 64 × widest + 4 · 64 × nodes + 64` numbers and
    ///   the packed activations below the widest layer;
    /// - the sum of the gradients and up to `3 × threads` block buffers (never more than there are
    ///   blocks), each one number per parameter;
    /// - the averaged gradients returned, one number per parameter, an array per weight row.
    package static func peakBytes(sizes: [Int], parameters: Int, samples: Int, arrayOverhead: Int,
                                  threads: Int = Engine.defaultThreads) -> Int {
        let depth = sizes.count - 1, nodes = sizes.dropFirst().reduce(0, +)
        let rows = blockSize, below = sizes.dropLast().map { Kernels.packedCount(inner: rows, columns: $0) }.max() ?? 0
        let blocks = (samples + rows - 1) / rows
        let threads = max(1, min(threads, blocks))
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
        return 8 * (network + packed + scratch + sums + returned) + arrayOverhead * arrays
    }
}
