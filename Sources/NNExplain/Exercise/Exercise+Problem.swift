extension Exercise {
    /// Why settings make no sheet, as a value a caller can switch on.
    public enum Problem: Error, Equatable, Sendable {
        /// `count` layer sizes, outside ``Settings/layerCounts``.
        case layerCount(Int)
        /// A layer of `size` nodes, outside ``Settings/nodesPerLayer``.
        case nodes(Int)
        /// The activation, which every layer of a sheet has, does not fit the loss.
        case pairing(PairingProblem)
    }
}

extension Exercise.Settings {
    /// Checks the settings make a sheet.
    ///
    /// - Throws: the first ``Exercise/Problem``: the layer count, then each size, then the pairing.
    public func validate() throws(Exercise.Problem) {
        guard Self.layerCounts.contains(sizes.count) else { throw .layerCount(sizes.count) }
        if let size = sizes.first(where: { !Self.nodesPerLayer.contains($0) }) { throw .nodes(size) }
        // Every layer has the activation, so softmax (for the output layer only) never fits.
        let layers = (1..<sizes.count).map { l in
            Layer(activation: activation, weights: Array(repeating: Array(repeating: 0, count: sizes[l - 1]), count: sizes[l]))
        }
        let network = Network(inputs: sizes[0], layers: layers, loss: loss, samples: [Sample(x: [], y: [])])
        if let problem = network.pairingProblem { throw .pairing(problem) }
    }
}

extension Exercise.Problem: ExplainedError {
    public var message: String {
        switch self {
        case .layerCount(let n):
            return "a sheet has \(Exercise.Settings.layerCounts.lowerBound) to \(Exercise.Settings.layerCounts.upperBound) "
                + "layer sizes, not \(n)"
        case .nodes(let n):
            return "a sheet's layers have \(Exercise.Settings.nodesPerLayer.lowerBound) to "
                + "\(Exercise.Settings.nodesPerLayer.upperBound) nodes, not \(n)"
        case .pairing(let problem):
            return "every layer of a sheet has the one activation: \(problem.rule)"
        }
    }
}
