import Foundation
import NNExplain
import NNExplainCore
import NNExplainTestSupport
import Testing

/// The graph's numbers and sentences at the edges a red team found: large softmax logits, a loss
/// term left out, an output that rounds close to 1, a saturated sigmoid, the output's fan-out.
@Suite("Graph at the edges")
struct GraphEdgeTests {
    static func text(_ explanation: GraphExplanation, depth: Int) -> String {
        TextRenderer(naming: LayerNaming(depth: depth)).render(explanation.document)
    }

    /// One input x = 1 into a softmax of two nodes with weights 400 and 399.5, y = (0, 1): the sum of
    /// the exponentials is about e^400, whose square overflows a double.
    static let largeLogits = Network(inputs: 1, layers: [Layer(activation: .softmax, weights: [[400], [399.5]])], loss: .crossEntropy,
                                     samples: [Sample(x: [1], y: [0, 1])])

    @Test("large softmax logits: the divide gate's −a/b² does not overflow to 0")
    func largeLogitsKeepTheirGradients() throws {
        // By hand: a_0 = 1/(1 + e^(−0.5)) = 0.6224593312…; ∂C/∂z_0 = a_0 − y_0 = a_0, times x = 1.
        let a0 = 1 / (1 + exp(-0.5))
        let explanation = try GraphExplanation.network(Self.largeLogits, sample: 0, weight: (1, 0, 0))
        #expect(isClose(explanation.graph.nodes[try #require(explanation.weightNode)].gradient, a0, relative: 1e-13))
        let other = try GraphExplanation.network(Self.largeLogits, sample: 0, weight: (1, 1, 0))
        // ∂C/∂z_1 = a_1 − y_1 = (1 − a_0) − 1 = −a_0.
        #expect(isClose(other.graph.nodes[try #require(other.weightNode)].gradient, -a0, relative: 1e-13))
    }

    @Test("a cross-entropy term left out (y_j = 0) leaves a_j on no path of a weight, and the whole walk says why its gradient is 0")
    func aTermLeftOut() throws {
        let explanation = try GraphExplanation.network(Self.largeLogits, sample: 0, weight: (1, 0, 0))
        let a0 = try #require(explanation.graph.nodes.firstIndex { $0.label == .quantity(.a(layer: 1, .number(0))) })
        #expect(!explanation.walked.contains(a0))
        let whole = Self.text(try GraphExplanation.network(Self.largeLogits, sample: 0), depth: 1)
        #expect(whole.contains("∂C_0/∂a_0^L = 0\n"))
        #expect(whole.contains("No gate uses a_0^L, so it does not change the output: its gradient is 0"))
        #expect(!whole.contains("=  ="))
    }

    /// Weight 30, x = 1, y = 0, sigmoid and binary cross-entropy: a = σ(30) is 1 − 9.4e-14, so the
    /// gate 1 − a keeps about 3 digits; the true ∂C/∂w is a − y = 0.99999999999990…
    static let nearOne = Network(inputs: 1, layers: [Layer(activation: .sigmoid, weights: [[30]])], loss: .binaryCrossEntropy,
                                 samples: [Sample(x: [1], y: [0])])

    @Test("an output rounding close to 1 under binary cross-entropy: the text says the graph lost digits, not that it rounded")
    func nearOneIsNotCalledRounding() throws {
        let part = Self.text(try GraphExplanation.network(Self.nearOne, sample: 0, weight: (1, 0, 0)), depth: 1)
        #expect(part.contains("more apart than rounding explains"))
        #expect(!part.contains("units in the last place"))
        let whole = Self.text(try GraphExplanation.network(Self.nearOne, sample: 0), depth: 1)
        #expect(whole.contains("for 1 weight the graph's gradient is further from step's than rounding explains"))
    }

    @Test("a saturated sigmoid's slope is said to come from its input")
    func saturatedSlope() throws {
        let network = Network(inputs: 1, layers: [Layer(activation: .sigmoid, weights: [[40]])], samples: [Sample(x: [1], y: [1])])
        let text = Self.text(try GraphExplanation.network(network, sample: 0), depth: 1)
        #expect(text.contains("Here o is so close to 1 that 1 − o in doubles loses its digits, so the slope is taken from the input"))
        // σ'(40) = σ(40)σ(−40) ≈ e^(−40) = 4.248354e-18, which the walk multiplies in.
        #expect(text.contains("4.24835426e-18"))
    }

    @Test("the output's two loss gates are no sum over i; a hidden node's products are")
    func fanOutClauseOnlyForProducts() throws {
        let network = Network(inputs: 2, layers: [Layer(activation: .sigmoid, weights: [[0.3, -0.2], [0.1, 0.4]]),
                                                  Layer(activation: .sigmoid, weights: [[0.5, -0.6]])],
                              loss: .binaryCrossEntropy, samples: [Sample(x: [0.5, 0.2], y: [0.3])])
        let text = Self.text(try GraphExplanation.network(network, sample: 0, weight: (1, 0, 0)), depth: 2)
        #expect(text.contains("a_0^L feeds 2 gates, so the gradients they pass down add up."))
        #expect(!text.contains("a_0^L feeds 2 gates, so the gradients they pass down add up: this sum"))
    }

    @Test("one unit in the last place is singular")
    func oneUnit() throws {
        var found = false
        for network in ReferenceNetworks.all.map(\.network) + [Self.largeLogits] {
            for l in 1...network.depth {
                for j in 0..<network.sizes[l] {
                    for k in 0..<network.sizes[l - 1] {
                        guard let explanation = try? GraphExplanation.network(network, sample: 0, weight: (l, j, k)) else { continue }
                        let text = Self.text(explanation, depth: network.depth)
                        #expect(!text.contains(" 1 units"))
                        if text.contains(" 1 unit in the last place away") { found = true }
                    }
                }
            }
        }
        #expect(found, "some reference weight is one unit apart")
    }
}
