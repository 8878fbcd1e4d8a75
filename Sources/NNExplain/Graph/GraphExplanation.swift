/// The explanation of a computational graph (``ComputationGraph``): the forward values of its nodes,
/// then the backward pass one node at a time in reverse topological order, each node's gradient as
/// the sum over the gates that use it of their gradient times their local gradient, naming each
/// gate's rule. Built for one sample's loss (``network(_:sample:weight:)``) or for an expression.
public struct GraphExplanation: Sendable {
    /// The graph, after its backward pass.
    public let graph: ComputationGraph
    /// The ids of the nodes shown, in order: all of them, or a weight's paths with the nodes they read.
    public let shown: [Int]
    /// The ids whose gradients the backward pass walks: all nodes with a gradient, or a weight's paths.
    public let walked: [Int]
    /// The leaves named in an expression (the names given values), in order.
    var givenNames: [Int] {
        graph.nodes.indices.filter { id in
            guard case .name = graph.nodes[id].label else { return false }
            return graph.nodes[id].operation == .leaf
        }
    }

    /// What the graph computes and which value it ends in.
    public let subject: Subject
    /// For a whole network's graph: how many weights' gradients are further from the trace's (step's)
    /// than rounding explains (relatively more than 1e-12), where the gate-by-gate arithmetic loses
    /// digits; 0 otherwise.
    public let inaccurateWeights: Int

    /// What the graph is of.
    public enum Subject: Sendable, Equatable {
        /// Sample `sample`'s loss of a network; with `weight`, only the part on that weight's paths,
        /// and the value `step` computes for it beside the graph's.
        case network(sample: Int, samples: Int, weight: Weight?)
        /// An expression as typed.
        case expression(String)
    }

    /// A weight `w_jk^l` whose paths the explanation follows, with the graph's node for it and the
    /// gradient `step` prints (from the trace).
    public struct Weight: Sendable, Equatable {
        public let layer: Int, j: Int, k: Int
        /// The graph's node for the weight.
        public let node: Int
        /// `∂C_s/∂w_jk^l` as the trace computes it, which `step` prints.
        public let stepGradient: Double
    }

    /// An explanation of `graph`, every node shown and walked (an expression's).
    /// - Parameters:
    ///   - graph: a graph after ``ComputationGraph/backward()``.
    ///   - subject: what it computes.
    public init(graph: ComputationGraph, subject: Subject) {
        self.init(graph: graph, shown: nil, walked: nil, subject: subject)
    }

    /// `shown` nil: every node; `walked` nil: every node with a gradient (a whole graph).
    private init(graph: ComputationGraph, shown: [Int]?, walked: [Int]?, subject: Subject, inaccurateWeights: Int = 0) {
        self.graph = graph
        self.shown = shown ?? Array(graph.nodes.indices)
        self.walked = walked ?? graph.nodes.indices.filter { graph.nodes[$0].differentiable }
        self.subject = subject
        self.inaccurateWeights = inaccurateWeights
    }

    /// Whether the graph's `a` and the trace's `b` differ by more than rounding: relatively by more than 1e-12.
    static func apart(_ a: Double, _ b: Double) -> Bool { abs(a - b) > 1e-12 * max(abs(a), abs(b)) }

    /// Sample `s`'s loss as a graph (``Network/graph(sample:)``); with `weight`, the part of it on the
    /// paths from `w_jk^l` to the loss, shown with the nodes those gates read.
    /// - Throws: ``NetworkGraph/Failure``: a network or sample that is not one to compute with, or an
    ///   operation that overflows or is undefined (an output rounded to 0 or 1 under a logarithm).
    public static func network(_ network: Network, sample s: Int, weight: (layer: Int, j: Int, k: Int)? = nil) throws(NetworkGraph.Failure) -> GraphExplanation {
        let built = try network.graph(sample: s)
        let graph = built.graph
        guard let weight else {
            let trace = network.uncheckedTrace(sample: s)
            var inaccurate = 0
            for (i, layer) in built.weights.enumerated() {
                for (j, row) in layer.enumerated() {
                    for (k, id) in row.enumerated() where apart(graph.nodes[id].gradient, trace.weightGradient(layer: i + 1, j: j, k: k)) { inaccurate += 1 }
                }
            }
            return GraphExplanation(graph: graph, shown: nil, walked: nil, subject: .network(sample: s, samples: network.samples.count, weight: nil),
                                    inaccurateWeights: inaccurate)
        }
        do throws(NetworkError) { try network.requireWeight(layer: weight.layer, j: weight.j, k: weight.k) } catch { throw .network(error) }
        let node = built.weights[weight.layer - 1][weight.j][weight.k]
        let paths = graph.paths(from: node)
        var shown = Set(paths + [node])
        for id in paths { shown.formUnion(graph.nodes[id].inputs) }
        let step = network.uncheckedTrace(sample: s).weightGradient(layer: weight.layer, j: weight.j, k: weight.k)
        return GraphExplanation(
            graph: graph, shown: shown.sorted(), walked: paths,
            subject: .network(sample: s, samples: network.samples.count,
                              weight: Weight(layer: weight.layer, j: weight.j, k: weight.k, node: node, stepGradient: step)))
    }

    /// The output's name: `C_s` for a network, `f` for an expression (`g`, `F`, then `output`
    /// where the expression itself uses `f`, and so on).
    var outputName: Math {
        guard case .expression = subject else { return graph.name(graph.output) }
        // A result defined by name (`…; g = f/2 + 10/f; g`) is called by that name.
        if case .name = graph.nodes[graph.output].label, graph.nodes[graph.output].operation != .leaf { return graph.name(graph.output) }
        let used = graph.nodes.compactMap { node -> String? in if case .name(let name) = node.label { return name } else { return nil } }
        return [.variable(["f", "g", "F", "output"].first { !used.contains($0) } ?? "output")]
    }
}

extension GraphExplanation {
    /// The picture's title: what the graph computes and, for one weight's part, from which weight.
    package func pictureTitle(naming: LayerNaming) -> String {
        let text = TextRenderer(naming: naming)
        func named(_ symbol: Symbol) -> String { Diagram.unicode(Diagram.Name(symbol, text)) }
        switch subject {
        case .network(let s, _, let weight?):
            return "The computational graph of \(named(.loss(.sample(s)))), sample \(s): the paths from "
                + named(.w(layer: weight.layer, .number(weight.j), .number(weight.k)))
        case .network(let s, _, nil): return "The computational graph of \(named(.loss(.sample(s)))), sample \(s)"
        case .expression(let typed): return "The computational graph of f = \(typed)"
        }
    }
}

extension GraphExplanation {
    /// The node of the weight whose part is explained, if one is.
    public var weightNode: Int? {
        if case .network(_, _, let weight?) = subject { return weight.node }
        return nil
    }
}
