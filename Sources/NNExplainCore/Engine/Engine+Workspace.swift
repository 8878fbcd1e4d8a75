extension Engine {
    /// The memory the engine's runs work in, kept from one run to the next: the packed weights
    /// (``PackedWeights``), one ``Scratch`` per thread and the gradient sums (``GradientSum``).
    ///
    /// A run allocates them the first time and every later run of a network of the same layer
    /// sizes reuses them (a network of other sizes replaces them). Memory that is allocated afresh
    /// for each run is also mapped afresh: the operating system hands over every page of it
    /// again, zeroed, about 950 page faults for a 784-128-64-10 pass over 1000 samples, and a pass
    /// over one mini-batch would allocate more than it computes. So training keeps one workspace
    /// for all its passes; a single run (``Engine/run(_:trace:in:)`` without one) makes its own.
    ///
    /// The numbers do not depend on it: every pass writes each number of its memory before it
    /// reads it, and a sum starts at zero. One run at a time: runs on several threads at once
    /// need a workspace each.
    package final class Workspace: @unchecked Sendable {
        /// The layer sizes `inputs, n_1, …, n_L` the memory is laid out for.
        private var sizes: [Int] = []
        private var weights: PackedWeights?
        private var scratches: [Scratch] = []
        private var sum: GradientSum?
        private let lock = EngineLock()

        package init() {}

        /// `network` packed for the batched loops, in this workspace's weight memory.
        func prepare(_ network: Network) -> PreparedNetwork {
            if network.sizes != sizes {
                (sizes, weights, scratches, sum) = (network.sizes, nil, [], nil)
            }
            let weights = weights ?? PackedWeights(network)
            self.weights = weights
            return PreparedNetwork(network, packedInto: weights)
        }

        /// The scratch of thread `slot` (0, 1, …, fewer than the run's threads), made at first use.
        /// The threads of a run ask at once, each for its own slot.
        func scratch(_ slot: Int, for network: PreparedNetwork) -> Scratch {
            lock.wait()
            defer { lock.signal() }
            while scratches.count <= slot { scratches.append(Scratch(network)) }
            return scratches[slot]
        }

        /// The gradient sum, emptied, for a run on `threads` threads.
        func gradientSum(parameters: Int, threads: Int) -> GradientSum {
            let sum = sum ?? GradientSum(parameters: parameters, threads: threads)
            sum.reset(threads: threads)
            self.sum = sum
            return sum
        }
    }
}

/// Every layer's weights in the two packed layouts of ``PreparedLayer``, in one allocation that a
/// ``Engine/Workspace`` keeps: `w` (`n × m`, not for layer 1) and `wT` (`m × n`), each padded to
/// whole panels (``Kernels/packedCount(inner:columns:)``), one layer after another.
final class PackedWeights: @unchecked Sendable {
    /// Where layer index `l`'s `w` and `wT` start.
    let w: [UnsafeMutablePointer<Double>]
    let wT: [UnsafeMutablePointer<Double>]
    private let memory: UnsafeMutablePointer<Double>

    init(_ network: Network) {
        let shapes = network.layers.enumerated().map { index, layer in
            let n = layer.size, m = layer.weights.first?.count ?? 0
            return (w: index == 0 ? 0 : Kernels.packedCount(inner: n, columns: m), wT: Kernels.packedCount(inner: m, columns: n))
        }
        let total = shapes.map { $0.w + $0.wT }.reduce(0, +)
        // Zeroed once: the padding columns stay 0, and packing writes every other number.
        memory = .allocate(capacity: max(1, total))
        memory.initialize(repeating: 0, count: max(1, total))
        var next = memory, w: [UnsafeMutablePointer<Double>] = [], wT: [UnsafeMutablePointer<Double>] = []
        for shape in shapes {
            w.append(next)
            wT.append(next + shape.w)
            next += shape.w + shape.wT
        }
        (self.w, self.wT) = (w, wT)
    }

    deinit { memory.deallocate() }
}
