import Foundation
import NNExplainCore
import NNExplainTestSupport
import Testing

/// The update step and training, against the figures Matt Mazur published in "A Step by Step
/// Backpropagation Example" (2015), copied into the tests below. His weights w1…w8 map to ours as
/// w1 = w_00^1, w2 = w_01^1, w3 = w_10^1, w4 = w_11^1, w5 = w_00^2, w6 = w_01^2, w7 = w_10^2, w8 = w_11^2.
struct UpdateTests {
    static let mazur = ReferenceNetworks.mazur

    /// Mazur's rounding: 9 decimal places, trailing zeros dropped.
    static func printed(_ x: Double) -> String { printed(x, decimals: 9) }

    static func printed(_ x: Double, decimals: Int) -> String {
        var text = String(format: "%.*f", decimals, x)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Whether `x` rounds to `published` at the number of decimals the post printed it with (it
    /// prints some updated weights with 9 decimals and others with 8).
    static func matches(_ x: Double, _ published: String) -> Bool {
        let decimals = published.split(separator: ".").last?.count ?? 0
        return printed(x, decimals: decimals) == published
    }

    @Test func mazurUpdatedWeights() throws {
        let after = try Self.mazur.updateStep().after
        let w = after.layers.map(\.weights)
        #expect([w[1][0][0], w[1][0][1], w[1][1][0], w[1][1][1]].map(Self.printed)
                == ["0.35891648", "0.408666186", "0.51130127", "0.561370121"])
        let published = ["0.149780716", "0.19956143", "0.24975114", "0.29950229"]
        for (x, p) in zip([w[0][0][0], w[0][0][1], w[0][1][0], w[0][1][1]], published) {
            #expect(Self.matches(x, p), "\(x) printed as \(p)")
        }
        #expect(after.layers.map(\.biases) == Self.mazur.layers.map(\.biases), "Mazur's biases never move")
    }

    @Test func updateIsOldMinusLearningRateTimesGradient() throws {
        let network = Network.standard
        let step = try network.updateStep(learningRate: 0.25)
        let gradients = try network.gradients()
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let old = network.layer(l).weights[j][k]
                    #expect(step.after.layer(l).weights[j][k] == old - 0.25 * gradients.layers[l - 1].weights[j][k])
                }
            }
        }
        #expect(step.gradients == gradients)
    }

    @Test func biasesMoveWhenAllowed() throws {
        var network = Self.mazur
        network.updateBiases = true
        let step = try network.updateStep()
        let b = try #require(step.after.layers[1].biases)
        #expect(b[0] == 0.6 - 0.5 * step.gradients.layers[1].biases[0])
    }

    @Test func mazurFirstRoundInBothOrders() throws {
        // With the method the post describes (simultaneous), and the order its figure came from.
        #expect(try Self.mazur.trained(epochs: 1).losses == [0.2983711087600027, 0.29102777369359933])
        #expect(try Self.mazur.trained(epochs: 1, order: .outputFirst).losses[1] == 0.29102792390544197)
        #expect(try Self.printed(Self.mazur.trained(epochs: 1, order: .outputFirst).losses[1]) == "0.291027924")
    }

    @Test func mazurTenThousandRounds() throws {
        let outputFirst = try Self.mazur.trained(epochs: 10_000, order: .outputFirst)
        let outputs = try outputFirst.network.trace(sample: 0).layer(2).a
        #expect(outputs == [0.0159121963260343, 0.9840657344856291])
        #expect(outputs.map(Self.printed) == ["0.015912196", "0.984065734"])
        #expect(outputFirst.losses[10_000] == 3.5084786296312774e-05)

        let simultaneous = try Self.mazur.trained(epochs: 10_000)
        #expect(simultaneous.losses.count == 10_001)
        #expect(simultaneous.losses[10_000] == 3.510187782978859e-05)
        // The post's 0.0000351085 is the simultaneous error after 9,999 rounds.
        // The reference gives this one to within 2 ulps (6e-16 relative) of ours, while the figures
        // after 10,000 rounds agree to the bit, so we hold it to 1e-15 relative.
        #expect(abs(simultaneous.losses[9_999] - 3.510854812251261e-05) <= 1e-15 * 3.510854812251261e-05)
    }

    @Test func outputFirstDiffersOnlyBelowTheOutputLayer() throws {
        let network = Network.standard
        let correct = try network.updateStep(order: .simultaneous)
        let wrong = try network.updateStep(order: .outputFirst)
        #expect(wrong.gradients.layers[network.depth - 1] == correct.gradients.layers[network.depth - 1])
        #expect(wrong.gradients.layers[0] != correct.gradients.layers[0])
    }
}
