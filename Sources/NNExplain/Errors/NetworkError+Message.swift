extension NetworkError: ExplainedError {
    /// The one sentence: what is wrong with the network or the index, and what would do.
    public var message: String {
        func sample(_ s: Int, _ held: Bool) -> String { "\(held ? "test sample" : "sample") \(s)" }
        switch self {
        case .noLayers: return "the network has no layers; give it at least one"
        case .inputs(let n): return "the network has \(n) inputs; it needs at least 1"
        case .emptyLayer(let l): return "layer \(l) has no nodes; every layer needs at least one row of weights"
        case .rowLength(let l, let j, let n, let expected):
            return "row \(j) of layer \(l)'s weights has \(n.counting("number")), but the layer below has \(expected.counting("node"))"
        case .biasCount(let l, let n, let expected):
            return "layer \(l) has \(n) \(n == 1 ? "bias" : "biases"), but \(expected.counting("node")); it needs one bias per node"
        case .noSamples: return "the network has no samples; give it at least one"
        case .sampleInputs(let s, let held, let n, let expected):
            return "x of \(sample(s, held)) has \(n.counting("number")), but the network has \(expected.counting("input"))"
        case .sampleOutputs(let s, let held, let n, let expected):
            return "y of \(sample(s, held)) has \(n.counting("number")), but the output layer has \(expected.counting("node"))"
        case .pairing(let problem): return problem.rule
        case .noSuchLayer(let l, let depth):
            return "there is no layer \(l) with weights: the network's are 1…\(depth) (L = \(depth))"
        case .noSuchNode(let j, let l, let size):
            return "there is no node \(j) in layer \(l): it has \(size.counting("node")), \(size == 1 ? "0" : "0…\(size - 1)")"
        case .noSuchSample(let s, let n):
            return "there is no sample \(s): \(BatchError.valid(n))"
        case .batch(let error): return error.message
        case .inputLength(let n, let expected):
            return "the input has \(n.counting("number")), but the network has \(expected.counting("input"))"
        }
    }
}
