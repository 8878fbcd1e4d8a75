import NNExplainCore
import NNExplainTestSupport
import Testing

/// Mini-batches: `C_B = (1/|B|) Σ_(s∈B) C_s` and its gradient. The numbers come from a closed form
/// (one identity node, `C_s = (w·x_s + b − y_s)²`, so `∂C_s/∂w = 2(w·x_s + b − y_s)·x_s` and
/// `∂C_s/∂b = 2(w·x_s + b − y_s)`), worked out here without the engine; the automatic-differentiation
/// and finite-difference oracles of a batch are in `GradientOracleTests`. The rest pins what must be
/// identical: a batch of every sample is the full batch to the last bit, and the explanation, the
/// engine and the step agree on every batch.
struct BatchTests {
    static let (w, b, η) = (0.5, 0.1, 0.25)
    static let xs = [1.0, -2.0, 0.5, 3.0, -1.5, 2.5]
    static let ys = [0.3, 0.2, -0.4, 1.1, 0.0, 0.7]
    static let line = Network(
        inputs: 1, layers: [Layer(activation: .identity, weights: [[w]], biases: [b])], learningRate: η,
        samples: zip(xs, ys).map { Sample(x: [$0], y: [$1]) }, testSamples: [Sample(x: [9], y: [9])])

    /// `w·x_s + b − y_s`, the residual of sample `s`, and from it `C_s`, `∂C_s/∂w` and `∂C_s/∂b`.
    static func residual(_ s: Int) -> Double { w * xs[s] + b - ys[s] }
    static func loss(_ s: Int) -> Double { residual(s) * residual(s) }
    static func dw(_ s: Int) -> Double { 2 * residual(s) * xs[s] }
    static func db(_ s: Int) -> Double { 2 * residual(s) }

    /// Relative 1e-14: the engine's arithmetic and the closed form's round alike but need not be
    /// the same operations.
    static func close(_ a: Double, _ e: Double) -> Bool { isClose(a, e, relative: 1e-14) }

    @Test func theBatchGradientIsTheMeanOfItsSamplesGradients() throws {
        let batch = [4, 1, 2]
        let gw = (Self.dw(4) + Self.dw(1) + Self.dw(2)) / 3
        let gb = (Self.db(4) + Self.db(1) + Self.db(2)) / 3
        let lossB = (Self.loss(4) + Self.loss(1) + Self.loss(2)) / 3
        let gradients = try Self.line.batch(batch).gradients()
        #expect(Self.close(gradients.layers[0].weights[0][0], gw))
        #expect(Self.close(gradients.layers[0].biases[0], gb))
        #expect(Self.close(gradients.loss, lossB))
        let average = try Self.line.averagedDerivation(layer: 1, j: 0, k: 0, batch: batch).average
        #expect(average?.samples.map(\.sample) == batch)
        #expect(Self.close(average?.value ?? .nan, gw))
        let fullMean = (0..<6).map(Self.dw).reduce(0, +) / 6
        #expect(Self.close(average?.batch?.fullValue ?? .nan, fullMean))
        #expect(average?.batch?.sampleCount == 6)
    }

    @Test func aBatchStepMovesByTheBatchGradientAndKeepsEverySample() throws {
        let batch = [4, 1, 2]
        let step = try Self.line.updateStep(batch: batch)
        let gw = (Self.dw(4) + Self.dw(1) + Self.dw(2)) / 3
        #expect(Self.close(step.after.layers[0].weights[0][0], Self.w - Self.η * gw))
        #expect(step.after.samples == Self.line.samples)
        #expect(step.after.testSamples == Self.line.testSamples)
        // The loss over all samples before and after, from the closed form at the old and new parameters.
        func fullLoss(_ w: Double, _ b: Double) -> Double {
            (0..<6).map { let r = w * Self.xs[$0] + b - Self.ys[$0]; return r * r }.reduce(0, +) / 6
        }
        let after = step.after.layers[0]
        #expect(Self.close(step.batch?.lossBefore ?? .nan, fullLoss(Self.w, Self.b)))
        #expect(Self.close(step.batch?.lossAfter ?? .nan, fullLoss(after.weights[0][0], after.biases![0])))
        #expect(step.batch?.samples == batch)
    }

    /// Every reference network, and one of 150 samples (three blocks of the engine): the batch of
    /// every sample in order is the full batch, bit for bit, in the explanation, the engine and the step.
    static let networks = ReferenceNetworks.all.map(\.network)
        + [Network.random(sizes: [3, 4, 2], samples: 150, seed: 11)]

    @Test(arguments: networks.indices)
    func theBatchOfEverySampleIsTheFullBatch(_ index: Int) throws {
        let network = Self.networks[index]
        let all = Array(network.samples.indices)
        #expect(try network.batch(all).gradients() == network.gradients())
        let full = try network.updateStep(), batched = try network.updateStep(batch: all)
        #expect(batched.after == full.after)
        #expect(batched.gradients == full.gradients)
        #expect(batched.lossAfter == full.lossAfter)
        for (l, j, k) in [(1, 0, 0), (network.depth, network.size(ofLayer: network.depth) - 1, network.size(ofLayer: network.depth - 1) - 1)] {
            let average = try network.averagedDerivation(layer: l, j: j, k: k).average
            let batch = try network.averagedDerivation(layer: l, j: j, k: k, batch: all).average
            #expect(batch?.samples == average?.samples)
            #expect(batch?.value == average?.value)
            #expect(batch?.batch?.fullValue == average?.value)
        }
    }
}
