/// One sample's loss as a ``ComputationGraph`` of scalar operations, with the ids of the nodes that
/// hold the network's quantities.
public struct NetworkGraph: Sendable, Equatable {
    /// The graph, after its backward pass: every node's gradient is `∂C_s/∂node`.
    public let graph: ComputationGraph
    /// The sample `s` whose loss `C_s` is the output.
    public let sample: Int
    /// `activations[l][j]` is the id of `a_j^l`, `l = 0 … L` (layer 0 holds the inputs `x_k`).
    public let activations: [[Int]]
    /// `zs[l - 1][j]` is the id of `z_j^l`.
    public let zs: [[Int]]
    /// `weights[l - 1][j][k]` is the id of `w_jk^l`.
    public let weights: [[[Int]]]
    /// `biases[l - 1][j]` is the id of `b_j^l`; nil for a layer without biases.
    public let biases: [[Int]?]

    /// Why a sample's graph cannot be built.
    public enum Failure: Error, Equatable, Sendable {
        /// The network or the sample index is not one to compute with.
        case network(NetworkError)
        /// An operation overflowed (softmax's `e^z` of a large `z`) or is undefined.
        case operation(ComputationGraph.Failure)
    }
}

extension Network {
    /// Sample `s`'s loss `C_s` as a graph of scalar operations, forward and backward by the graph's
    /// own engine (not read off the trace): for each layer, the products `w_jk^l · a_k^(l-1)`, the sum
    /// with the bias that makes `z_j^l`, the activation `a_j^l` (softmax as `e^(z_j)`, their sum and a
    /// division); then the loss, term by term (docs/notation.md): `(a_j − y_j)²` summed (halved
    /// term by term for half-squared), or `−Σ_j y_j ln a_j`, or `−Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]`,
    /// leaving out the terms whose factor `y_j` or `1 − y_j` is 0, as the loss does.
    ///
    /// - Parameter s: the sample.
    /// - Returns: the graph after its backward pass, with the ids of the network's quantities.
    /// - Throws: ``NetworkGraph/Failure/network(_:)`` for a network that is not well formed or a
    ///   sample it does not have; ``NetworkGraph/Failure/operation(_:)`` where a value overflows.
    public func graph(sample s: Int) throws(NetworkGraph.Failure) -> NetworkGraph {
        do throws(NetworkError) {
            try requireWellFormed()
            guard samples.indices.contains(s) else { throw .noSuchSample(s, samples: samples.count) }
        } catch { throw .network(error) }
        do throws(ComputationGraph.Failure) {
            return try uncheckedGraph(sample: s)
        } catch { throw .operation(error) }
    }

    private func uncheckedGraph(sample s: Int) throws(ComputationGraph.Failure) -> NetworkGraph {
        var graph = ComputationGraph()
        let sample = samples[s]
        var activations = [sample.x.indices.map { graph.leaf(sample.x[$0], label: .quantity(.x(.number($0)))) }]
        var zs: [[Int]] = [], weightIds: [[[Int]]] = [], biasIds: [[Int]?] = []
        for (i, layer) in layers.enumerated() {
            let l = i + 1, previous = activations[i]
            var z: [Int] = [], w: [[Int]] = [], b: [Int] = []
            for j in 0..<layer.size {
                var terms: [Int] = [], row: [Int] = []
                for k in previous.indices {
                    let weight = graph.leaf(layer.weights[j][k], label: .quantity(.w(layer: l, .number(j), .number(k))))
                    row.append(weight)
                    terms.append(try graph.append(.multiply, inputs: [weight, previous[k]]))
                }
                if let biases = layer.biases {
                    b.append(graph.leaf(biases[j], label: .quantity(.b(layer: l, .number(j)))))
                    terms.append(b[j])
                }
                w.append(row)
                z.append(try graph.append(.add, inputs: terms, label: .quantity(.z(layer: l, .number(j)))))
            }
            activations.append(try graph.activate(z, by: layer.activation, layer: l))
            zs.append(z)
            weightIds.append(w)
            biasIds.append(layer.biases == nil ? nil : b)
        }
        try graph.appendLoss(loss, outputs: activations[depth], targets: sample.y, sample: s)
        graph.backward()
        return NetworkGraph(graph: graph, sample: s, activations: activations, zs: zs, weights: weightIds, biases: biasIds)
    }
}

extension ComputationGraph {
    /// `a_j^l = g_l(z_j^l)` for every node of layer `l`; softmax as `e^(z_j)`, `Σ_i e^(z_i)` and
    /// the division `e^(z_j) / Σ_i e^(z_i)`.
    mutating func activate(_ z: [Int], by g: Activation, layer l: Int) throws(Failure) -> [Int] {
        let label = { (j: Int) in Label.quantity(.a(layer: l, .number(j))) }
        guard g == .softmax else { return try z.indices.map { j throws(Failure) in try append(.activation(g), inputs: [z[j]], label: label(j)) } }
        let exponentials = try z.map { z throws(Failure) in try append(.exp, inputs: [z]) }
        let total = try append(.add, inputs: exponentials)
        return try z.indices.map { j throws(Failure) in try append(.divide, inputs: [exponentials[j], total], label: label(j)) }
    }

    /// The loss `C_s` of the outputs against the targets, term by term, as the last node.
    mutating func appendLoss(_ loss: Loss, outputs a: [Int], targets y: [Double], sample s: Int) throws(Failure) {
        let C = Label.quantity(.loss(.sample(s)))
        switch loss {
        case .squared, .halfSquared:
            var terms: [Int] = []
            for j in a.indices {
                let square = try append(.power(2), inputs: [try append(.subtract, inputs: [a[j], leaf(y[j], label: .quantity(.y(.number(j))), differentiable: false)])])
                terms.append(loss == .squared ? square : try append(.multiply, inputs: [leaf(0.5, label: .constant, differentiable: false), square]))
            }
            relabel(try sum(terms), as: C)
        case .crossEntropy:
            var terms: [Int] = []
            for j in a.indices where y[j] != 0 {
                terms.append(try append(.multiply, inputs: [leaf(y[j], label: .quantity(.y(.number(j))), differentiable: false), try append(.log, inputs: [a[j]])]))
            }
            try append(.negate, inputs: [try sum(terms)], label: C)
        case .binaryCrossEntropy:
            var terms: [Int] = []
            for j in a.indices {
                var parts: [Int] = []
                if y[j] != 0 { parts.append(try append(.multiply, inputs: [leaf(y[j], label: .quantity(.y(.number(j))), differentiable: false), try append(.log, inputs: [a[j]])])) }
                if y[j] != 1 {
                    let complement = try append(.subtract, inputs: [leaf(1, label: .constant, differentiable: false), a[j]])
                    let factor = leaf(1 - y[j], label: .constant, differentiable: false)
                    parts.append(try append(.multiply, inputs: [factor, try append(.log, inputs: [complement])]))
                }
                terms.append(try sum(parts))
            }
            try append(.negate, inputs: [try sum(terms)], label: C)
        }
    }
}
