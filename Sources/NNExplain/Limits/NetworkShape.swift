/// What the resource estimates need to know of a network: its layer sizes, which layers have
/// biases and how many samples it has. A `--random` network's shape is known before it is made, so
/// a network too big to handle is refused before a byte of it is allocated.
public struct NetworkShape: Equatable, Sendable {
    /// `n` of every layer, the inputs first: `sizes[l]` is layer `l`.
    public let sizes: [Int]
    /// Whether layer `l` has biases, at `[l - 1]`.
    public let biases: [Bool]
    public let samples: Int

    /// The shape of a network of these layer `sizes` (inputs first; at least two, each at least
    /// 1; a size below 1 counts as 1), with biases where `biases` says (missing ones count as
    /// none) and `samples` samples (at least 0).
    public init(sizes: [Int], biases: [Bool], samples: Int) {
        let sizes = sizes.count < 2 ? sizes + Array(repeating: 1, count: 2 - sizes.count) : sizes
        self.sizes = sizes.map { max(1, $0) }
        self.biases = (0..<(sizes.count - 1)).map { biases.indices.contains($0) && biases[$0] }
        self.samples = max(0, samples)
    }

    /// The shape of `network`.
    public init(_ network: Network) {
        self.init(sizes: [network.inputs] + network.layers.map { $0.size }, biases: network.layers.map { $0.biases != nil },
                  samples: network.samples.count)
    }

    /// `L`.
    package var depth: Int { sizes.count - 1 }
    /// Every weight `w_jk^l`: `Σ_l n_l · n_(l-1)`.
    package var weights: Int { (1...depth).map { NetworkShape.product(sizes[$0], sizes[$0 - 1]) }.reduce(0, NetworkShape.sum) }
    /// Every weight and every bias that exists (the numbers of one gradient).
    package var parameters: Int { (1...depth).filter { biases[$0 - 1] }.map { sizes[$0] }.reduce(weights, NetworkShape.sum) }
    /// The work of one forward pass of one input, in multiply-adds: one per weight, and
    /// ``layerWork`` for each layer's own cost (its arrays, its activation), which dominates in deep
    /// narrow networks (7,000 layers of one node).
    package var forwardWork: Int { NetworkShape.sum(weights, NetworkShape.product(depth, NetworkShape.layerWork)) }
    /// A layer's cost in a forward pass besides its weights, in multiply-adds: measured ~100.
    package static let layerWork = 100
    /// The nodes of layers 1…L.
    package var nodes: Int { sizes.dropFirst().reduce(0, NetworkShape.sum) }

    /// The nodes of one sample's computational graph (``Network/graph(sample:)``), at most: the
    /// inputs; per weight its leaf and its product; per node of layers 1…L its bias, its sum and its
    /// activation, and for softmax an exponential; the sum of softmax's exponentials; per output
    /// node at most seven of the loss's gates and constants; and the loss's last two.
    package var graphNodes: Int {
        let perNode = NetworkShape.product(nodes, 4), outputs = NetworkShape.product(sizes[depth], 7)
        return [sizes[0], NetworkShape.product(weights, 2), perNode, outputs, 3].reduce(0, NetworkShape.sum)
    }

    /// The bytes ``Engine/run(_:trace:in:)`` holds at its peak for this network, with the network
    /// itself and the gradients it returns (``Engine/peakBytes(sizes:parameters:samples:arrayOverhead:)``).
    package var engineBytes: Int {
        // A shape far past every bound is said to be so before a product can overflow an Int.
        let widest = Double(sizes.max() ?? 0), rough = Double(parameters) * (Double(samples) + 64)
            + (Double(samples) + 1) * (Double(nodes) + Double(sizes[0]) + 64) * 64 + Double(sizes.count) * widest * 64
        guard rough < 1e17 else { return .max }
        return Engine.peakBytes(sizes: sizes, parameters: parameters, samples: samples, arrayOverhead: NetworkShape.arrayOverhead)
    }

    /// The bytes a Swift array of numbers costs beyond its numbers: its header and the allocator's share.
    package static let arrayOverhead = 48

    /// `a · b`, or `Int.max` when that overflows: an estimate past every bound.
    package static func product(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : result
    }

    /// `a + b`, or `Int.max` when that overflows.
    package static func sum(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : result
    }
}
