// Beside GradientOracleTests, whose independent loss and tolerances it uses; left out with them
// where `_Differentiation` is missing.
#if canImport(_Differentiation)
import NNExplainTestSupport
import Testing
import _Differentiation

import NNExplainCore
import NNExplainCore

/// Mini-batches against the oracles of ``GradientOracleTests``: reverse-mode AD and central finite
/// differences of the independent batch loss, which shares no code with the engine.
@Suite("Gradient oracles of a mini-batch")
struct BatchOracleTests {
    /// The batch of every sample but the first, the last first (a single sample when there are
    /// two): `∂C_B/∂w` from the engine on ``Network/batch(_:)`` and from the explanation, against
    /// reverse-mode AD and central differences of the independent `C_B = (1/|B|) Σ_(s∈B) C_s`.
    @Test("a mini-batch's gradients match AD and finite differences of the independent batch mean loss",
          arguments: ReferenceNetworks.all.filter { $0.network.samples.count >= 2 })
    func batchGradientsMatchBothOracles(reference: ReferenceNetwork) throws {
        let network = reference.network
        let batch = Array(network.samples.indices.dropFirst().reversed())
        let oracle = IndependentLoss(network)
        let p = oracle.parameters
        let expected = adGradient(at: p) { batchMeanLoss(parameters: $0, shape: oracle, batch: batch) }
        let engine = try network.batch(batch).gradients()
        #expect(exactlyClose(engine.loss, batchMeanLoss(parameters: p, shape: oracle, batch: batch)))
        func centralDifference(_ index: Int) -> Double {
            let epsilon = 0x1p-20
            var plus = p, minus = p
            plus[index] += epsilon
            minus[index] -= epsilon
            return (batchMeanLoss(parameters: plus, shape: oracle, batch: batch) - batchMeanLoss(parameters: minus, shape: oracle, batch: batch))
                / (plus[index] - minus[index])
        }
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let index = oracle.weightIndex(l, j, k)
                    let a = engine.layers[l - 1].weights[j][k], explained = try network.averagedDerivation(layer: l, j: j, k: k, batch: batch).explainedValue
                    #expect(exactlyClose(a, expected[index]), "∂C_B/∂w_\(j)\(k)^\(l): engine \(a), AD \(expected[index])")
                    #expect(explained == a, "∂C_B/∂w_\(j)\(k)^\(l): explanation \(explained), engine \(a)")
                    let fd = centralDifference(index)
                    #expect(finiteDifferenceClose(a, fd), "∂C_B/∂w_\(j)\(k)^\(l): engine \(a), finite difference \(fd)")
                }
                if let index = oracle.biasIndex(l, j) {
                    #expect(exactlyClose(engine.layers[l - 1].biases[j], expected[index]), "∂C_B/∂b_\(j)^\(l)")
                }
            }
        }
    }
}

/// `C_B = (1/|B|) Σ_(s∈B) C_s` as a function of every weight and bias.
@differentiable(reverse, wrt: parameters)
private func batchMeanLoss(parameters: [Double], shape: IndependentLoss, batch: [Int]) -> Double {
    var total = 0.0
    for s in withoutDerivative(at: batch) {
        total += sampleLoss(parameters: parameters, shape: shape, sample: s)
    }
    return total / withoutDerivative(at: Double(batch.count))
}
#endif
