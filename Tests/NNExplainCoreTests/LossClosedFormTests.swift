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
        // z = 40, y = 1: C = ln(1 + e^−40) ≈ 4.248e-18; δ = σ(40) − 1, which rounds to 0.
        let wrong = try Self.network(.sigmoid, .binaryCrossEntropy, biases: [40], y: [0]).trace(sample: 0)
        #expect(wrong.loss == 40 && wrong.delta(layer: 1, j: 0) == 1)
        #expect(wrong.layer(1).dCda[0].isInfinite, "a rounded to 1, so ∂C/∂a is infinite and not used")
        let right = try Self.network(.sigmoid, .binaryCrossEntropy, biases: [40], y: [1]).trace(sample: 0)
        #expect(abs(right.loss - exp(-40)) <= 1e-30)
        #expect(right.delta(layer: 1, j: 0) == 0)
        #expect(Self.network(.sigmoid, .binaryCrossEntropy, biases: [40], y: [0]).firstNonFinite() == nil)
    }
}
