import Foundation
import NNExplain
import NNExplainCLI
import Testing

/// The sentences about a slope and a gradient's sign are true for the network at hand: at a kink
/// they say the slope is one-sided, and a zero is called "no change" only where it is one.
struct ClaimTests {
    /// `x → relu or leaky-relu (w = 1, b = −b) → identity (w = 3)`, one sample `x`, target 1: with
    /// `x = b` the hidden node sits at z = 1·b − b = 0 exactly.
    static func network(_ activation: Activation, x: Double, bias: Double) -> Network {
        Network(inputs: 1, layers: [
            Layer(activation: activation, weights: [[1]], biases: [-bias]),
            Layer(activation: .identity, weights: [[3]]),
        ], samples: [Sample(x: [x], y: [1])])
    }

    static func text(_ d: Derivation) -> String { TextRenderer(naming: LayerNaming(depth: 2)).render(d.document) }

    @Test(arguments: [Activation.relu, .leakyRelu])
    func atTheKinkTheSlopeIsSaidToBeOneSided(activation: Activation) {
        let network = Self.network(activation, x: 2, bias: 2)
        let d = network.derivation(layer: 1, j: 0, k: 0, sample: 0)
        #expect(d.slope.z == 0)
        let text = Self.text(d)
        // The convention, worked out here: relu takes 0 at z = 0, leaky-relu its leaky slope 0.01, the slopes left of 0.
        let used = activation == .relu ? "0" : "0.01"
        #expect(text.contains("which is not differentiable at z_0^(L-1) = 0: its slope is \(used) for z < 0 and 1 for z > 0. "
            + "This term uses the one-sided slope from the left, \(used)"))
        #expect(!text.contains("so this term is the slope of the activation at"))
        #expect(!text.contains("does not change C"))
        #expect(text.contains("only by the kink convention"))
        let walk = Explanation.walk(network, sample: 0).map { TextRenderer(naming: LayerNaming(depth: 2)).render($0) }.joined()
        #expect(walk.contains("which is not differentiable at z_0^(L-1) = 0"))
    }

    @Test func aZeroFromADeadReluOrAZeroInputIsNoChange() {
        // z = 1·1 − 2 = −1 < 0: the relu is off, and a small change in w keeps it off.
        let dead = Self.text(Self.network(.relu, x: 1, bias: 2).derivation(layer: 1, j: 0, k: 0, sample: 0))
        #expect(dead.contains("Zero: to first order, a small change in w_00^(L-1) does not change C_0, so gradient descent leaves w_00^(L-1) as it is."))
        #expect(dead.contains("so this term is the slope of the activation at z_0^(L-1) = -1."))
        // Input 0 with a bias of 1: z = 1 > 0 away from the kink, and w multiplies 0.
        let idle = Self.text(Self.network(.relu, x: 0, bias: -1).derivation(layer: 1, j: 0, k: 0, sample: 0))
        #expect(idle.contains("Zero: the input a_0^(L-2) is 0, so w_00^(L-1) does not change z_0^(L-1) at all, nor C_0"))
    }

    @Test func theSignSentenceIsFirstOrderAndNamesTheLearningRatesSign() {
        // x = 3, bias 2: z = 1 > 0, a = 1, C = (3 − 1)², ∂C/∂w_00^(L-1) = 2(3 − 1) · 3 · 1 · 3 = 36 > 0.
        let d = Self.network(.relu, x: 3, bias: 2).derivation(layer: 1, j: 0, k: 0, sample: 0)
        #expect(d.value == 36)
        #expect(Self.text(d).contains("Positive: to first order, a small increase in w_00^(L-1) increases C_0, so gradient descent, "
            + "which subtracts a positive learning rate times the gradient, makes w_00^(L-1) smaller."))
    }
}
