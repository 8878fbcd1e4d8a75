/// Which parameters a page explains: every weight and bias of a small network, or the chosen few of
/// a large one. Parameters are named as in the page's links, with the layer as a number:
/// `3-1-2` for `w_12^3`, `b-2-1` for `b_1^2`.
public struct PageSelection: Sendable, Equatable {
    public struct Weight: Sendable, Hashable, Comparable {
        public let layer: Int, j: Int, k: Int
        public init(layer: Int, j: Int, k: Int) { (self.layer, self.j, self.k) = (layer, j, k) }
        /// `w-3-1-2`, the fragment of its link.
        package var key: String { "w-\(layer)-\(j)-\(k)" }
        public static func < (a: Weight, b: Weight) -> Bool { (a.layer, a.j, a.k) < (b.layer, b.j, b.k) }
    }

    public struct Bias: Sendable, Hashable, Comparable {
        public let layer: Int, j: Int
        public init(layer: Int, j: Int) { (self.layer, self.j) = (layer, j) }
        /// `b-2-1`, the fragment of its link.
        package var key: String { "b-\(layer)-\(j)" }
        public static func < (a: Bias, b: Bias) -> Bool { (a.layer, a.j) < (b.layer, b.j) }
    }

    /// In order of layer, then node.
    public let weights: [Weight]
    public let biases: [Bias]

    /// - Parameters:
    ///   - weights: the weights explained, in any order (kept once each, sorted).
    ///   - biases: the biases explained, in any order (kept once each, sorted).
    public init(weights: [Weight], biases: [Bias]) {
        self.weights = Set(weights).sorted()
        self.biases = Set(biases).sorted()
    }

    /// Every weight and every bias the network has.
    ///
    /// - Parameter network: the network.
    /// - Returns: every weight and bias, in order.
    public static func all(_ network: Network) -> PageSelection {
        var weights: [Weight] = [], biases: [Bias] = []
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) { weights.append(Weight(layer: l, j: j, k: k)) }
                if network.layer(l).biases != nil { biases.append(Bias(layer: l, j: j)) }
            }
        }
        return PageSelection(weights: weights, biases: biases)
    }

    /// How many parameters the page explains.
    public var count: Int { weights.count + biases.count }

    /// The most parameters a page explains without being told which: each takes one derivation per
    /// sample and one for the average, so a page of more would be megabytes.
    public static let maxParameters = 2_000

    /// Derivations a page embeds at most: ``maxParameters`` with two samples and the average.
    public static let maxDerivations = maxParameters * 3

    /// Checks that a page of this selection of `network` (or, when `self` is every parameter,
    /// ``all(_:)``) stays within ``maxParameters`` and ``maxDerivations``.
    ///
    /// - Parameters:
    ///   - network: the network the page is of.
    ///   - whole: whether the selection is every parameter, none chosen.
    /// - Throws: ``ResourceError/pageParameters(_:)`` for a whole selection of too many parameters,
    ///   ``ResourceError/pageDerivations(parameters:samples:derivations:)`` for too many derivations,
    ///   ``ResourceError/page(bytes:whole:)`` for a page of more than ``ResourceLimits/pageBytes``.
    public func requireFits(_ network: Network, whole: Bool) throws(ResourceError) {
        if whole, count > PageSelection.maxParameters { throw .pageParameters(count) }
        let derivations = NetworkShape.product(count, NetworkShape.sum(network.samples.count, 1))
        guard derivations <= PageSelection.maxDerivations else {
            throw .pageDerivations(parameters: count, samples: network.samples.count, derivations: derivations)
        }
        var explained: [Int: Int] = [:]
        for layer in weights.map({ $0.layer }) + biases.map({ $0.layer }) { explained[layer, default: 0] += 1 }
        let shape = NetworkShape(network)
        let bytes = OutputSize.pageBytes(shape, explained: explained)
        guard bytes > ResourceLimits.pageBytes else { return }
        throw .page(bytes: bytes, whole: OutputSize.pageBytes(shape, explained: [:]) > ResourceLimits.pageBytes)
    }
}
