/// One layer of a sample's graph as two matrix-valued nodes, `z^l = W^l a^(l-1) + b^l` and
/// `a^l = g_l(z^l)`, with their shapes: the graph of scalar gates seen a layer at a time, as
/// `nnexplain matrix` writes it. Every number is gathered from the scalar graph's nodes (values and
/// gradients); nothing is computed again.
public struct VectorisedLayer: Sendable {
    /// The layer `l`.
    public let layer: Int
    /// The sample `s`.
    public let sample: Int
    /// The layer's activation `g_l`.
    public let activation: Activation
    /// `W^l`, n×m, and `∂C_s/∂W^l`.
    public let weights: [[Double]], weightGradients: [[Double]]
    /// `a^(l-1)`, m, and `∂C_s/∂a^(l-1)`.
    public let previous: [Double], previousGradients: [Double]
    /// `b^l`, n, or nil for a layer without biases.
    public let biases: [Double]?
    /// `z^l` and `δ^l = ∂C_s/∂z^l`, n each.
    public let z: [Double], delta: [Double]
    /// `a^l` and `∂C_s/∂a^l`, n each.
    public let a: [Double], activationGradients: [Double]
    /// `g_l'(z^l)`, the activation gate's local gradients; nil for softmax, whose gates are not one per node.
    public let slopes: [Double]?

    /// Layer `l` of sample `s`'s graph (``Network/graph(sample:)``), vectorised.
    /// - Throws: ``NetworkGraph/Failure``, as ``GraphExplanation/network(_:sample:weight:)``.
    public init(_ network: Network, sample s: Int, layer l: Int) throws(NetworkGraph.Failure) {
        let built = try network.graph(sample: s)
        do throws(NetworkError) { try network.requireLayer(l) } catch { throw .network(error) }
        let nodes = built.graph.nodes
        func values(_ ids: [Int]) -> [Double] { ids.map { nodes[$0].value } }
        func gradients(_ ids: [Int]) -> [Double] { ids.map { nodes[$0].gradient } }
        layer = l
        sample = s
        activation = network.layers[l - 1].activation
        weights = built.weights[l - 1].map(values)
        weightGradients = built.weights[l - 1].map(gradients)
        previous = values(built.activations[l - 1])
        previousGradients = gradients(built.activations[l - 1])
        biases = built.biases[l - 1].map(values)
        z = values(built.zs[l - 1])
        delta = gradients(built.zs[l - 1])
        a = values(built.activations[l])
        activationGradients = gradients(built.activations[l])
        slopes = activation == .softmax ? nil : built.activations[l].map { nodes[$0].locals[0] }
    }
}
