// The graph's own reverse-mode engine proven against Swift's `_Differentiation` of the independent
// loss in GradientOracleTests.swift (no code shared with the graph), and against the trace.
#if canImport(_Differentiation)
import NNExplainCore
import NNExplainTestSupport
import Testing

@Suite("Computational graph oracles")
struct GraphOracleTests {
    /// The reference networks whose every gate is defined: in the saturated one an output rounds to 1,
    /// so the gate `ln(1 − a)` meets `ln 0` (refused, see `saturatedOutputIsRefused`).
    static let unsaturated = ReferenceNetworks.all.filter { !$0.name.contains("saturated") }

    @Test("an output rounded to 1 under binary cross-entropy is refused at the gate ln(1 − a), naming it")
    func saturatedOutputIsRefused() throws {
        let saturated = try #require(ReferenceNetworks.all.first { $0.name.contains("saturated") }).network
        #expect(throws: NetworkGraph.Failure.self) { try saturated.graph(sample: 0) }
        do {
            _ = try saturated.graph(sample: 0)
        } catch {
            guard case .operation(.logarithmOfNonPositive(_, let argument)) = error else { Issue.record("refused for another reason: \(error)"); return }
            #expect(argument == 0)
        }
    }

    @Test("every weight's and bias's graph gradient matches AD of the sample's loss", arguments: GraphOracleTests.unsaturated)
    func graphGradientsMatchAutomaticDifferentiation(reference: ReferenceNetwork) throws {
        let network = reference.network
        let oracle = IndependentLoss(network)
        for s in network.samples.indices {
            let expected = adGradient(at: oracle.parameters) { sampleLoss(parameters: $0, shape: oracle, sample: s) }
            let built = try network.graph(sample: s)
            let nodes = built.graph.nodes
            for l in 1...network.depth {
                for j in 0..<network.sizes[l] {
                    for k in 0..<network.sizes[l - 1] {
                        let graph = nodes[built.weights[l - 1][j][k]].gradient
                        let ad = expected[oracle.weightIndex(l, j, k)]
                        #expect(exactlyClose(graph, ad), "\(reference.name) s=\(s) ∂C_s/∂w_\(j)\(k)^\(l): graph \(graph), AD \(ad)")
                    }
                    if let index = oracle.biasIndex(l, j), let biases = built.biases[l - 1] {
                        let graph = nodes[biases[j]].gradient
                        #expect(exactlyClose(graph, expected[index]), "\(reference.name) s=\(s) ∂C_s/∂b_\(j)^\(l): graph \(graph), AD \(expected[index])")
                    }
                }
            }
            #expect(exactlyClose(nodes[built.graph.output].value, sampleLoss(parameters: oracle.parameters, shape: oracle, sample: s)))
        }
    }

    @Test("z and a of every node equal the trace's bit for bit: the same sums in the same order", arguments: GraphOracleTests.unsaturated)
    func forwardValuesEqualTheTrace(reference: ReferenceNetwork) throws {
        let network = reference.network
        for s in network.samples.indices {
            let built = try network.graph(sample: s), trace = try network.trace(sample: s)
            for l in 1...network.depth {
                for j in 0..<network.sizes[l] {
                    #expect(built.graph.nodes[built.zs[l - 1][j]].value == trace.layers[l - 1].z[j])
                    if network.layers[l - 1].activation != .softmax {
                        #expect(built.graph.nodes[built.activations[l][j]].value == trace.layers[l - 1].a[j])
                    }
                }
            }
        }
    }
}
#endif

@Suite("Computational graph")
struct GraphTests {
    @Test("a value used twice gets the sum of both uses' gradients: f = x·x + x at x = 3 gives 2·3 + 1")
    func fanOutAddsUp() throws {
        var graph = ComputationGraph()
        let x = graph.leaf(3, label: .name("x"))
        let square = try graph.append(.multiply, inputs: [x, x])
        try graph.append(.add, inputs: [square, x])
        graph.backward()
        #expect(graph.nodes[graph.output].value == 12)
        #expect(graph.nodes[x].gradient == 7)
        #expect(graph.uses[x].count == 3)
    }

    @Test("max and min route the gradient to the chosen input, half each at a tie")
    func maxRoutes() throws {
        var graph = ComputationGraph()
        let a = graph.leaf(2, label: .name("a")), b = graph.leaf(5, label: .name("b"))
        let larger = try graph.append(.max, inputs: [a, b])
        let tie = try graph.append(.min, inputs: [a, a])
        try graph.append(.add, inputs: [larger, tie])
        graph.backward()
        #expect(graph.nodes[a].gradient == 1)
        #expect(graph.nodes[b].gradient == 1)
    }

    @Test("undefined operations are refused with the node they would have been")
    func undefinedOperations() {
        var graph = ComputationGraph()
        let zero = graph.leaf(0, label: .name("z")), minusOne = graph.leaf(-1, label: .constant), large = graph.leaf(800, label: .constant)
        #expect(throws: ComputationGraph.Failure.logarithmOfNonPositive(node: 3, argument: 0)) { try graph.append(.log, inputs: [zero]) }
        #expect(throws: ComputationGraph.Failure.divisionByZero(node: 3)) { try graph.append(.divide, inputs: [minusOne, zero]) }
        #expect(throws: ComputationGraph.Failure.powerOfNegative(node: 3, base: -1, exponent: 0.5)) { try graph.append(.power(0.5), inputs: [minusOne]) }
        #expect(throws: ComputationGraph.Failure.notFinite(node: 3, operation: .exp)) { try graph.append(.exp, inputs: [large]) }
    }

    @Test("the paths from a weight run through its product, its z and a, and everything above")
    func pathsFromAnOutputWeight() throws {
        let built = try Network.standard.graph(sample: 0)
        let path = built.graph.paths(from: built.weights[built.zs.count - 1][1][2])
        #expect(path.first == built.weights[built.zs.count - 1][1][2])
        #expect(path.last == built.graph.output)
        #expect(path.contains(built.zs.last![1]) && !path.contains(built.zs.last![0]))
    }
}
