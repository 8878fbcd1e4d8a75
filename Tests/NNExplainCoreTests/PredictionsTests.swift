import Foundation
import NNExplainTestSupport
import Testing
import NNExplainCore

/// Predictions, classes and accuracy against closed forms: a one-layer network whose outputs the
/// test computes itself, and whose classes it reads off the weighted sums, not off the outputs the
/// code computed.
@Suite struct PredictionsTests {
    /// One input, three softmax outputs: `z = (x, 0.5, −x)`, so the predicted class is 0 when
    /// `x > 0.5`, 2 when `x < −0.5` and 1 in between, and at `x = 0.5` the first two tie.
    static let softmax = Network(
        inputs: 1, layers: [Layer(activation: .softmax, weights: [[1], [0], [-1]], biases: [0, 0.5, 0])],
        loss: .crossEntropy, samples: zip(inputs, targets).map { Sample(x: [$0], y: one(hot: $1)) })
    static let inputs: [Double] = [2, 0.5, 0, -2, 1, -0.7, 0.1, 3]
    static let targets = [0, 1, 1, 2, 1, 2, 1, 0]

    static func one(hot c: Int) -> [Double] { (0..<3).map { $0 == c ? 1 : 0 } }

    /// The class from z = (x, 0.5, −x) by the stated rule, the lowest index on a tie.
    static func expectedClass(_ x: Double) -> Int {
        let z = [x, 0.5, -x], top = z.max()!
        return z.firstIndex(of: top)!
    }

    @Test func softmaxPredictionsMatchTheClosedForm() throws {
        let p = try Self.softmax.predictions()
        #expect(p.rows.count == 8 && p.classes == 3)
        var right = 0, loss = 0.0
        for (s, x) in Self.inputs.enumerated() {
            let z = [x, 0.5, -x], total = z.map(exp).reduce(0, +)
            for j in 0..<3 { #expect(abs(p.rows[s].output[j] - exp(z[j]) / total) <= 1e-15) }
            #expect(p.rows[s].predicted == Self.expectedClass(x))
            #expect(p.rows[s].target == Self.targets[s])
            if Self.expectedClass(x) == Self.targets[s] { right += 1 }
            loss += log(total) - z[Self.targets[s]]  // −ln a_t = ln Σ e^z − z_t
        }
        // By hand: x = 0.5 ties classes 0 and 1 and is read as 0 (target 1), and x = 1 is class 0 (target 1).
        #expect(right == 6 && p.correct == 6 && p.accuracy == 0.75)
        #expect(abs(p.loss - loss / 8) <= 1e-14)
        #expect(p.rows[1].predicted == 0 && p.rows[1].output[0] == p.rows[1].output[1], "the tie goes to the lowest index")
    }

    @Test func theConfusionMatrixCountsEverySampleOnce() throws {
        let p = try Self.softmax.predictions()
        let c = p.confusion
        #expect(c == [[2, 0, 0], [2, 2, 0], [0, 0, 2]])
        #expect(c.flatMap { $0 }.reduce(0, +) == 8)
        #expect((0..<3).map { c[$0][$0] }.reduce(0, +) == p.correct)
        for t in 0..<3 { #expect(c[t].reduce(0, +) == Self.targets.count { $0 == t }) }
    }

    @Test func oneOutputIsClassOneFromOneHalf() throws {
        #expect(Classification.classOf([0.5]) == 1)
        #expect(Classification.classOf([(0.5 as Double).nextDown]) == 0)
        #expect(Classification.classOf([0.2, 0.7, 0.7]) == 1)
        #expect(Classification.classOf([1, 1, 1]) == 0)
        #expect(Classification.classOf([0, 0, 1]) == 2)
        // a = σ(x): at x = 0 exactly 0.5, class 1.
        let network = Network(inputs: 1, layers: [Layer(activation: .sigmoid, weights: [[1]], biases: [0])],
                              loss: .binaryCrossEntropy, samples: [Sample(x: [0], y: [0.5]), Sample(x: [-0.01], y: [0.49]), Sample(x: [3], y: [0])])
        let p = try network.predictions()
        #expect(p.rows.map(\.predicted) == [1, 0, 1] && p.rows.map(\.target) == [1, 0, 0])
        #expect(p.classes == 2 && p.confusion == [[1, 1], [0, 1]] && p.correct == 2)
        #expect(abs(p.rows[2].output[0] - 1 / (1 + exp(-3))) <= 1e-16)
    }

    @Test func heldOutSamplesArePredictedWithoutTouchingTheTrainingOnes() throws {
        let held = [Sample(x: [-3], y: Self.one(hot: 2)), Sample(x: [0.2], y: Self.one(hot: 0))]
        let p = try Self.softmax.predictions(of: held)
        #expect(p.rows.map(\.predicted) == [2, 1] && p.correct == 1)
        let z = [0.2, 0.5, -0.2]
        #expect(abs(p.loss - ((log(exp(-3) + exp(0.5) + exp(3)) - 3) + (log(z.map(exp).reduce(0, +)) - 0.2)) / 2) <= 1e-14)
    }
}
