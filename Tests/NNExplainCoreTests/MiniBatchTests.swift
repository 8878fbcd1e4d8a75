import Foundation
import NNExplainTestSupport
import Testing
import NNExplainCore

/// Mini-batch training (`trained(…, batchSize:)`), the shuffle behind it and the held-out losses,
/// against numbers the tests compute themselves: SplitMix64 and Fisher–Yates from their
/// definitions, and a 2-2-1 sigmoid network's gradients in closed form.
@Suite struct MiniBatchTests {
    /// SplitMix64 from its published definition (Steele, Lea and Flood 2014): the tests' own
    /// ``SeededGenerator``, written from that definition and not from the code under test.
    struct ReferenceSplitMix {
        var generator: SeededGenerator
        init(state: UInt64) { generator = SeededGenerator(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        /// ⌊u · bound / 2⁶⁴⌋ in 128-bit arithmetic.
        mutating func index(below bound: Int) -> Int { Int((UInt128(next()) * UInt128(bound)) >> 64) }
        /// Fisher–Yates: for i = count − 1 down to 1, swap i with a uniform j in 0…i.
        mutating func permutation(_ count: Int) -> [Int] {
            var order = Array(0..<count)
            var i = count - 1
            while i >= 1 {
                let j = index(below: i + 1)
                (order[i], order[j]) = (order[j], order[i])
                i -= 1
            }
            return order
        }
    }

    @Test func theShuffleIsFisherYatesDrivenBySplitMix64() {
        // The first output of SplitMix64 seeded with 0 is published: 0xE220A8397B1DCDAF.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        for (seed, count) in [(UInt64(1), 10), (7, 1), (42, 2), (3, 1497)] {
            var ours = SplitMix64(seed: seed), reference = ReferenceSplitMix(state: seed)
            for _ in 0..<3 {
                let permutation = ours.permutation(of: count)
                #expect(permutation == reference.permutation(count))
                #expect(permutation.sorted() == Array(0..<count))
            }
        }
        var five = SplitMix64(seed: 5)
        #expect(five.permutation(of: 10) != Array(0..<10))
    }

    /// A 2-2-1 sigmoid network with the squared loss, five samples and two held out.
    static let tiny = Network(
        inputs: 2,
        layers: [Layer(activation: .sigmoid, weights: [[0.3, -0.6], [0.8, 0.1]], biases: [0.05, -0.2]),
                 Layer(activation: .sigmoid, weights: [[-0.7, 0.9]], biases: [0.15])],
        loss: .squared, learningRate: 0.8,
        samples: [Sample(x: [0, 0], y: [0]), Sample(x: [0, 1], y: [1]), Sample(x: [1, 0], y: [1]),
                  Sample(x: [1, 1], y: [0]), Sample(x: [0.5, 0.25], y: [1])],
        testSamples: [Sample(x: [0.2, 0.9], y: [1]), Sample(x: [0.9, 0.8], y: [0])])

    /// The parameters of `tiny` as plain numbers, and their forward pass and gradient by hand.
    struct Tiny {
        var w1: [[Double]], b1: [Double], w2: [Double], b2: Double

        init(_ network: Network) {
            (w1, b1) = (network.layers[0].weights, network.layers[0].biases!)
            (w2, b2) = (network.layers[1].weights[0], network.layers[1].biases![0])
        }

        static func σ(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

        func forward(_ x: [Double]) -> (a1: [Double], a2: Double) {
            let a1 = (0..<2).map { j in Tiny.σ(w1[j][0] * x[0] + w1[j][1] * x[1] + b1[j]) }
            return (a1, Tiny.σ(w2[0] * a1[0] + w2[1] * a1[1] + b2))
        }

        /// `(1/n) Σ_s (a_s − y_s)²`.
        func loss(_ samples: [Sample]) -> Double {
            samples.map { let a = forward($0.x).a2; return (a - $0.y[0]) * (a - $0.y[0]) }.reduce(0, +) / Double(samples.count)
        }

        /// One step by the gradient of the mean loss over `batch`, written out by the chain rule:
        /// δ² = 2(a² − y) a²(1 − a²), δ¹_j = δ² w²_j a¹_j(1 − a¹_j).
        mutating func step(_ batch: [Sample], η: Double) {
            var gw1 = [[0.0, 0.0], [0.0, 0.0]], gb1 = [0.0, 0.0], gw2 = [0.0, 0.0], gb2 = 0.0
            for s in batch {
                let (a1, a2) = forward(s.x)
                let d2 = 2 * (a2 - s.y[0]) * a2 * (1 - a2)
                gb2 += d2
                for j in 0..<2 {
                    gw2[j] += d2 * a1[j]
                    let d1 = d2 * w2[j] * a1[j] * (1 - a1[j])
                    gb1[j] += d1
                    for k in 0..<2 { gw1[j][k] += d1 * s.x[k] }
                }
            }
            let n = Double(batch.count)
            for j in 0..<2 {
                w2[j] -= η * gw2[j] / n
                b1[j] -= η * gb1[j] / n
                for k in 0..<2 { w1[j][k] -= η * gw1[j][k] / n }
            }
            b2 -= η * gb2 / n
        }

        func isClose(to network: Network) -> Bool {
            let other = Tiny(network)
            let pairs = zip(w1.joined() + b1 + w2 + [b2], other.w1.joined() + other.b1 + other.w2 + [other.b2])
            return pairs.allSatisfy { NNExplainTestSupport.isClose($0, $1, relative: 1e-12, absolute: 1e-12) }
        }
    }

    @Test func aMiniBatchEpochStepsOncePerBatchOfTheShuffledSamples() throws {
        let epochs = 3, size = 2
        let training = try Self.tiny.trained(epochs: epochs, batchSize: size, shuffleSeed: 9)
        var reference = Tiny(Self.tiny), generator = ReferenceSplitMix(state: 9)
        let all = Self.tiny.samples
        func close(_ a: Double, _ b: Double) -> Bool { isClose(a, b, relative: 1e-12, absolute: 1e-12) }
        #expect(training.losses.count == epochs + 1 && training.testLosses.count == epochs + 1)
        #expect(close(training.losses[0], reference.loss(all)))
        #expect(close(training.testLosses[0], reference.loss(Self.tiny.testSamples)))
        for epoch in 1...epochs {
            let order = generator.permutation(all.count)
            // Batches of 2, 2 and the last of 1.
            for start in stride(from: 0, to: all.count, by: size) {
                reference.step(order[start..<min(all.count, start + size)].map { all[$0] }, η: 0.8)
            }
            #expect(close(training.losses[epoch], reference.loss(all)))
            #expect(close(training.testLosses[epoch], reference.loss(Self.tiny.testSamples)))
        }
        #expect(reference.isClose(to: training.network))
        #expect(training.divergence == nil)
        // Another seed takes other batches, and so ends elsewhere.
        #expect(try Self.tiny.trained(epochs: epochs, batchSize: size, shuffleSeed: 10).network != training.network)
    }

    @Test func aBatchOfAllTheSamplesIsFullBatchToTheLastBit() throws {
        let network = Network.random(sizes: [3, 5, 2], samples: 150, seed: 4)
        let full = try network.trained(epochs: 6)
        for size in [150, 151, 10_000] {
            #expect(try network.trained(epochs: 6, batchSize: size, shuffleSeed: 77) == full)
        }
        #expect(try Self.tiny.trained(epochs: 4, batchSize: 5) == Self.tiny.trained(epochs: 4))
        // And the full-batch run is the chain of single steps.
        var stepped = network
        for _ in 0..<6 { stepped = try stepped.updateStep().after }
        #expect(full.network == stepped)
    }

    @Test func batchedTrainingGivesTheSameBitsOnEveryThreadCountAndKernel() throws {
        // Batches of 150 are three blocks of the engine, so the threads share each step.
        let network = Network.random(sizes: [4, 7, 3], samples: 400, seed: 2, outputActivation: .softmax, loss: .crossEntropy)
        let one = try network.trained(epochs: 3, batchSize: 150, engine: Engine(threads: 1))
        for variant in Engine.Variant.allCases where variant.isAvailable {
            for threads in [2, 3] {
                #expect(try network.trained(epochs: 3, batchSize: 150, engine: Engine(threads: threads, variant: variant)) == one)
            }
        }
    }

    @Test func heldOutSamplesAreNeverTrainedOn() throws {
        var without = Self.tiny
        without.testSamples = []
        for size: Int? in [nil, 2] {
            let with = try Self.tiny.trained(epochs: 5, batchSize: size)
            let plain = try without.trained(epochs: 5, batchSize: size)
            #expect(with.network.layers == plain.network.layers)
            #expect(with.losses == plain.losses)
            #expect(plain.testLosses.isEmpty && with.testLosses.count == with.losses.count)
        }
        // Full batch: the test loss after i epochs is the reference network's after i steps.
        var reference = Tiny(Self.tiny)
        let full = try Self.tiny.trained(epochs: 3)
        for epoch in 0...3 {
            #expect(abs(full.testLosses[epoch] - reference.loss(Self.tiny.testSamples)) <= 1e-12)
            reference.step(Self.tiny.samples, η: 0.8)
        }
    }

    @Test func aBatchWhoseLossIsNotFiniteStopsTraining() throws {
        // z = w·x with w = 1e-160: both losses finite at first, (1e100)² = 1e200 the larger. Seed 0's
        // first output has its top bit set, so j = 1 and sample 0 goes first: its step moves w to
        // 1e-160 − 1 · 2(1e-160 − 1e100) = 2e100, and then sample 1's loss, (2e100 · 1e150)², is infinite.
        let network = Network(inputs: 1, layers: [Layer(activation: .identity, weights: [[1e-160]])], loss: .squared,
                              learningRate: 1, samples: [Sample(x: [1], y: [1e100]), Sample(x: [1e150], y: [0])])
        let training = try network.trained(epochs: 3, batchSize: 1, shuffleSeed: 0)
        #expect(training.divergence == .batchLoss(epoch: 1, value: .infinity))
        let (first, second) = (1e-160 * 1 - 1e100, 1e-160 * 1e150)
        #expect(training.losses == [(first * first + second * second) / 2])
        #expect(training.network.layers[0].weights == [[2e100]])
    }

    @Test func aHeldOutLossThatIsNotFiniteStopsTraining() throws {
        // z = w·x, C = (w·x − y)², η = 0.1, w = 1: the training samples (x 1, y 100) give
        // ∂C/∂w = 2(w − 100), so one step moves w to 1 − 0.1 · 2(1 − 100) = 20.8. The test sample
        // x = 1e153, y = 0 has the loss (w · 1e153)²: 1e306 before, (2.08e154)² > 1.8e308 after.
        let start = Network(inputs: 1, layers: [Layer(activation: .identity, weights: [[1]])], loss: .squared, learningRate: 0.1,
                            samples: [Sample(x: [1], y: [100])], testSamples: [Sample(x: [1e153], y: [0])])
        let full = try start.trained(epochs: 3)
        let w1 = 1 - 0.1 * (2 * (1 - 100.0))
        #expect(full.divergence == .testLoss(afterEpochs: 1, value: .infinity))
        #expect(full.losses == [99 * 99, (w1 - 100) * (w1 - 100)])
        #expect(full.testLosses == [1e306, .infinity])
        #expect(full.network.layers[0].weights == [[w1]])

        // Mini-batch, two such samples in batches of 1: two steps in epoch 1, the same test loss after it.
        var twice = start
        twice.samples = [Sample(x: [1], y: [100]), Sample(x: [1], y: [100])]
        let batched = try twice.trained(epochs: 3, batchSize: 1)
        let w2 = w1 - 0.1 * (2 * (w1 - 100))
        #expect(batched.divergence == .testLoss(afterEpochs: 1, value: .infinity))
        #expect(batched.testLosses == [1e306, .infinity])
        #expect(batched.network.layers[0].weights == [[w2]])
    }
}
