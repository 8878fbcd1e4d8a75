import NNExplainCore
import NNExplainCore
import NNExplainTestSupport
import Testing

/// A mean of finite numbers is finite even when their sum overflows, and every way the tool takes a
/// mean over the samples (engine, explanation, output-first step) agrees on it. Expected values come
/// from the closed form: for `C_s = (w·x_s − y_s)²` with the identity, `∂C_s/∂w = 2(w·x_s − y_s)·x_s`.
struct MeanTests {
    /// Two samples with `∂C_s/∂w` near 1e308: their sum is `inf`, their mean is not.
    static let large = network(samples: [(1e154, 5e153), (1e154, 4e153)])

    /// One identity node with weight 1, no bias, and the samples `(x, y)`.
    static func network(samples: [(x: Double, y: Double)]) -> Network {
        Network(inputs: 1, layers: [Layer(activation: .identity, weights: [[1]])],
                samples: samples.map { Sample(x: [$0.x], y: [$0.y]) })
    }

    /// `∂C_s/∂w` of `large`, worked out by hand: `2(1 · x − y) · 1 · x`.
    static let products = [2 * (1e154 - 5e153) * 1e154, 2 * (1e154 - 4e153) * 1e154]
    /// Their mean, from halves (halving a double is exact, so this is the rounded true mean).
    static let mean = products[0] / 2 + products[1] / 2

    @Test func theMeanOfTwoNumbersNear1e308IsTheirMean() {
        #expect(!(Self.products[0] + Self.products[1]).isFinite, "the premise: the plain sum overflows")
        #expect(Network.meanOverSamples(Self.products) == Self.mean)
        #expect(Network.meanOverSamples([.greatestFiniteMagnitude, .greatestFiniteMagnitude]) == .greatestFiniteMagnitude)
    }

    @Test func aTermThatIsNotFiniteStaysInTheMean() {
        #expect(Network.meanOverSamples([1e308, .infinity]) == .infinity)
        #expect(Network.meanOverSamples([1, .nan]).isNaN)
    }

    @Test func ordinaryMeansKeepTheirBits() {
        let values = (0..<200).map { Double($0) * 0.37 - 20.1 }
        #expect(Network.meanOverSamples(values) == Network.sumOverSamples(values) / 200)
    }

    @Test func theEngineAveragesGradientsWhoseSumOverflows() throws {
        for threads in [1, 2] {
            let gradients = Engine(threads: threads).run(Self.large).gradients
            #expect(gradients.layers[0].weights[0][0] == Self.mean, "\(threads) threads")
            #expect(gradients.allFinite)
        }
        #expect(try Self.large.averagedDerivation(layer: 1, j: 0, k: 0).explainedValue == Self.mean)
        #expect(try Self.large.updateStep(order: .outputFirst).gradients.layers[0].weights[0][0] == Self.mean)
    }

    /// 130 samples, over three blocks, each with `C_s = 2^1020` and `∂C_s/∂w = 2^1021`: every
    /// partial sum is exact, so the means are exactly those powers of two, although the sums overflow.
    @Test func meansOverManyBlocksAreExact() throws {
        let x = Double(sign: .plus, exponent: 510, significand: 1)
        let network = Self.network(samples: Array(repeating: (x, 0), count: 130))
        let expectedLoss = Double(sign: .plus, exponent: 1020, significand: 1)
        let expectedGradient = Double(sign: .plus, exponent: 1021, significand: 1)
        for threads in [1, 3] {
            let gradients = Engine(threads: threads).run(network).gradients
            #expect(gradients.loss == expectedLoss)
            #expect(gradients.layers[0].weights[0][0] == expectedGradient)
            #expect(Engine(threads: threads).meanLoss(network) == expectedLoss)
        }
        #expect(try network.updateStep(order: .outputFirst).gradients.loss == expectedLoss)
    }
}
