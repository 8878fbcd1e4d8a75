import Foundation
import NNExplainTestSupport
import Testing
import NNExplainCore

/// The new losses against closed forms worked by hand, including the saturated sigmoid at z = 40.
@Suite struct LossClosedFormTests {
    /// One output layer with identity-free inputs: `z^1 = b^1` exactly (all weights 0).
    static func network(_ activation: Activation, _ loss: Loss, biases: [Double], y: [Double]) -> Network {
        Network(inputs: 1, layers: [Layer(activation: activation, weights: biases.map { _ in [0] }, biases: biases)],
                loss: loss, samples: [Sample(x: [1], y: y)])
    }

    @Test func softmaxCrossEntropyOfQuarterAndThreeQuarters() throws {
        // z = (0, ln 3): a = (1/4, 3/4); with y = (0, 1), C = −ln(3/4) and δ = a − y = (1/4, −1/4).
        let t = try Self.network(.softmax, .crossEntropy, biases: [0, log(3)], y: [0, 1]).trace(sample: 0)
        #expect(abs(t.layer(1).a[0] - 0.25) <= 1e-15 && abs(t.layer(1).a[1] - 0.75) <= 1e-15)
        #expect(abs(t.loss - -log(0.75)) <= 1e-15)
        #expect(abs(t.delta(layer: 1, j: 0) - 0.25) <= 1e-15 && abs(t.delta(layer: 1, j: 1) + 0.25) <= 1e-15)
    }

    @Test func unnormalisedTargetsUseTheGeneralForm() throws {
        // z = (0, 0): a = (1/2, 1/2); y = (2, 1): C = 3 ln 2, δ_j = a_j · 3 − y_j = (−1/2, 1/2).
        let t = try Self.network(.softmax, .crossEntropy, biases: [0, 0], y: [2, 1]).trace(sample: 0)
        #expect(abs(t.loss - 3 * log(2)) <= 1e-15)
        #expect(t.delta(layer: 1, j: 0) == -0.5 && t.delta(layer: 1, j: 1) == 0.5)
    }

    @Test func softmaxSquaredIsTheJacobianSum() throws {
        // z = (0, 0), y = (1, 0): ∂C/∂a = (−1, 1); δ_0 = −1 · ¼ + 1 · (−¼) = −½, δ_1 = ½.
        let t = try Self.network(.softmax, .squared, biases: [0, 0], y: [1, 0]).trace(sample: 0)
        #expect(t.loss == 0.5)
        #expect(t.delta(layer: 1, j: 0) == -0.5 && t.delta(layer: 1, j: 1) == 0.5)
    }

    @Test func saturatedSigmoidWithBinaryCrossEntropyStaysFinite() throws {
        // z = 40, y = 0: C = ln(1 + e^40) = 40 + ln(1 + e^−40), which rounds to 40; δ = σ(40) − 0 = 1.
        // ∂C/∂a = 1/(1 − σ(40)) = 1 + e^40 = 2.35385266837019986e17 and g' = σ(40)σ(−40) =
        // 4.24835425529158896e-18 (mpmath, 40 digits): both doubles, though a rounded to 1.
        let wrong = try Self.network(.sigmoid, .binaryCrossEntropy, biases: [40], y: [0]).trace(sample: 0)
        #expect(wrong.loss == 40 && wrong.delta(layer: 1, j: 0) == 1)
        #expect(isClose(wrong.layer(1).dCda[0], 2.35385266837019986e17, relative: 1e-14))
        #expect(isClose(wrong.layer(1).gPrime[0], 4.24835425529158896e-18, relative: 1e-14))
        // z = 40, y = 1: C = ln(1 + e^−40) ≈ 4.248e-18; δ = σ(40) − 1 = −σ(−40) = −4.24835425529158898e-18.
        let right = try Self.network(.sigmoid, .binaryCrossEntropy, biases: [40], y: [1]).trace(sample: 0)
        #expect(abs(right.loss - exp(-40)) <= 1e-30)
        #expect(isClose(right.delta(layer: 1, j: 0), -4.24835425529158898e-18, relative: 1e-14))
        #expect(Self.network(.sigmoid, .binaryCrossEntropy, biases: [40], y: [0]).firstNonFinite() == nil)
    }

    @Test func sigmoidCrossEntropyFarBelowZeroIsFinite() throws {
        // z = −799.5, y = 0.7: a = σ(−799.5) underflows to 0, but C = −0.7 ln σ(−799.5) = 559.65 and
        // δ = −y(1 − a) = −0.7 σ(799.5) = −0.7 (mpmath); ∂C/∂a = −0.7 e^799.5 is beyond a double.
        let network = Self.network(.sigmoid, .crossEntropy, biases: [-799.5], y: [0.7])
        #expect(network.firstNonFinite() == nil)
        let t = try network.trace(sample: 0)
        #expect(isClose(t.loss, 559.65, relative: 1e-15))
        #expect(t.delta(layer: 1, j: 0) == -0.7)
        // An ordinary output: δ = −y(1 − σ(z)) at z = 0 is −0.35.
        #expect(try Self.network(.sigmoid, .crossEntropy, biases: [0], y: [0.7]).trace(sample: 0).delta(layer: 1, j: 0) == -0.35)
    }

    @Test func saturatedSoftmaxSlopeIsItsTinyValue() throws {
        // z = (0, 37.5): a_1 = σ(37.5) rounds to 1, but ∂a_1/∂z_1 = a_1 a_0 = σ(37.5)σ(−37.5) =
        // 5.17555500580186800e-17 (mpmath); a_1(1 − a_1) of the rounded a_1 would be 0.
        let t = try Self.network(.softmax, .squared, biases: [0, 37.5], y: [0, 1]).trace(sample: 0)
        #expect(t.layer(1).a[1] == 1)
        #expect(isClose(t.layer(1).gPrime[1], 5.17555500580186800e-17, relative: 1e-14))
        #expect(isClose(t.layer(1).gPrime[0], 5.17555500580186800e-17, relative: 1e-14))
    }

    @Test func saturatedSoftmaxCrossEntropyDeltaIsNotRoundedAway() throws {
        // z = (0, 37.5), y = (0, 1): δ = a − y = (σ(−37.5), −σ(−37.5)) = ±5.17555500580186827e-17 (mpmath),
        // though a_1 rounded to 1 and a_1 − 1 would be 0.
        let t = try Self.network(.softmax, .crossEntropy, biases: [0, 37.5], y: [0, 1]).trace(sample: 0)
        #expect(isClose(t.delta(layer: 1, j: 1), -5.17555500580186827e-17, relative: 1e-14))
        #expect(isClose(t.delta(layer: 1, j: 0), 5.17555500580186827e-17, relative: 1e-14))
        // C = −ln a_1 = ln(1 + e^−37.5) = 5.17555500580186840e-17 (mpmath), not z_1 − ln Σ e^z = 0.
        #expect(isClose(t.loss, 5.17555500580186840e-17, relative: 1e-14))
    }

    @Test func saturatedTanhSlopeIsSechSquared() throws {
        // z = 20: tanh 20 rounds to 1, but g' = sech² 20 = 1.69934170211663558e-17 (mpmath), not 0.
        let t = try Self.network(.tanh, .squared, biases: [20], y: [1]).trace(sample: 0)
        #expect(t.layer(1).a[0] == 1)
        #expect(isClose(t.layer(1).gPrime[0], 1.69934170211663558e-17, relative: 1e-14))
        // An ordinary one keeps 1 − a²: tanh 0.5 = 0.46211715726000974, 1 − a² = 0.7864477329659274.
        let ordinary = try Self.network(.tanh, .squared, biases: [0.5], y: [1]).trace(sample: 0)
        #expect(ordinary.layer(1).gPrime[0] == 1 - ordinary.layer(1).a[0] * ordinary.layer(1).a[0])
    }

    @Test func aSaturatedSquaredErrorIsNotRoundedAway() throws {
        // Sigmoid, squared, z = 40, y = 1: a rounds to 1, but a − y = −σ(−40), so (mpmath, 60 digits)
        // C = σ(−40)² = 1.80485138784541516e-35, ∂C/∂a = −8.49670851058312228e-18 and
        // ∂C/∂z = −3.60970277569080664e-35, not 0.
        let t = try Self.network(.sigmoid, .squared, biases: [40], y: [1]).trace(sample: 0)
        #expect(isClose(t.loss, 1.80485138784541516e-35, relative: 1e-14))
        #expect(isClose(t.layer(1).dCda[0], -8.49670851058317795e-18, relative: 1e-14))
        #expect(isClose(t.delta(layer: 1, j: 0), -3.60970277569083030e-35, relative: 1e-14))
    }
}
