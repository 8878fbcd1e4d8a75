import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
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
    func atTheKinkTheSlopeIsSaidToBeOneSided(activation: Activation) throws {
        let network = Self.network(activation, x: 2, bias: 2)
        let d = try network.derivation(layer: 1, j: 0, k: 0, sample: 0)
        #expect(d.slope.z == 0)
        let text = Self.text(d)
        // The convention, worked out here: relu takes 0 at z = 0, leaky-relu its leaky slope 0.01, the slopes left of 0.
        let used = activation == .relu ? "0" : "0.01"
        #expect(text.contains("which is not differentiable at z_0^(L-1) = 0: its slope is \(used) for z < 0 and 1 for z > 0. "
            + "This term uses the one-sided slope from the left, \(used)"))
        #expect(!text.contains("so this term is the slope of the activation at"))
        #expect(!text.contains("does not change C"))
        #expect(text.contains("only by the kink convention"))
        let walk = try Explanation.walk(network, sample: 0).map { TextRenderer(naming: LayerNaming(depth: 2)).render($0) }.joined()
        #expect(walk.contains("which is not differentiable at z_0^(L-1) = 0"))
    }

    @Test func aZeroFromADeadReluOrAZeroInputIsNoChange() throws {
        // z = 1·1 − 2 = −1 < 0: the relu is off, and a small change in w keeps it off.
        let dead = try Self.text(Self.network(.relu, x: 1, bias: 2).derivation(layer: 1, j: 0, k: 0, sample: 0))
        #expect(dead.contains("Zero: to first order, a small change in w_00^(L-1) does not change C_0, so gradient descent leaves w_00^(L-1) as it is."))
        #expect(dead.contains("so this term is the slope of the activation at z_0^(L-1) = -1."))
        // Input 0 with a bias of 1: z = 1 > 0 away from the kink, and w multiplies 0.
        let idle = try Self.text(Self.network(.relu, x: 0, bias: -1).derivation(layer: 1, j: 0, k: 0, sample: 0))
        #expect(idle.contains("Zero: the input a_0^(L-2) is 0, so w_00^(L-1) does not change z_0^(L-1) at all, nor C_0"))
    }

    @Test func theSignSentenceIsFirstOrderAndNamesTheLearningRatesSign() throws {
        // x = 3, bias 2: z = 1 > 0, a = 1, C = (3 − 1)², ∂C/∂w_00^(L-1) = 2(3 − 1) · 3 · 1 · 3 = 36 > 0.
        let d = try Self.network(.relu, x: 3, bias: 2).derivation(layer: 1, j: 0, k: 0, sample: 0)
        #expect(d.value == 36)
        #expect(Self.text(d).contains("Positive: to first order, a small increase in w_00^(L-1) increases C_0, so gradient descent, "
            + "which subtracts a positive learning rate times the gradient, makes w_00^(L-1) smaller."))
    }
}

/// `update` for one weight reports the loss before and after the whole step, and says plainly that
/// the step moved every parameter the network updates, not only the weight shown.
struct UpdateLossClaimTests {
    /// One sigmoid node with a bias, two weights, one sample: the step moves both weights and, when
    /// `updateBiases` is true, the bias.
    static func network(updateBiases: Bool) -> Network {
        Network(inputs: 2, layers: [Layer(activation: .sigmoid, weights: [[0.5, -0.3]], biases: [0.1])],
                updateBiases: updateBiases, samples: [Sample(x: [1, 2], y: [1])])
    }

    static func text(_ network: Network) throws -> String {
        try TextRenderer(naming: LayerNaming(depth: 1)).render(Explanation.update(network.updateStep(), layer: 1, j: 0, k: 0))
    }

    @Test(arguments: [true, false]) func theLossAfterIsTheWholeStepsAndSaysSo(updateBiases: Bool) throws {
        let network = Self.network(updateBiases: updateBiases)
        let text = try Self.text(network)
        let moved = updateBiases ? "every weight and every bias" : "every weight"
        #expect(text.contains("The step moves \(moved) of the network, not only w_00^L, so this change in C is the whole step's"))
        #expect(!text.contains("after every weight took its step"))
        // The loss after, in closed form: C = (a − y)², ∂C/∂w_k = 2(a − y)·a(1 − a)·x_k, ∂C/∂b = 2(a − y)·a(1 − a);
        // every weight (and the bias when it is updated) moves by −η times its gradient.
        func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        let x = [1.0, 2.0], w = [0.5, -0.3], b = 0.1, η = network.learningRate
        let a = sigmoid(w[0] * x[0] + w[1] * x[1] + b), δ = 2 * (a - 1) * a * (1 - a)
        let w2 = zip(w, x).map { $0 - η * δ * $1 }, b2 = updateBiases ? b - η * δ : b
        let after = pow(sigmoid(w2[0] * x[0] + w2[1] * x[1] + b2) - 1, 2)
        #expect(text.contains("C = \(TextRenderer(naming: LayerNaming(depth: 1)).number(after)) after it"))
    }
}
