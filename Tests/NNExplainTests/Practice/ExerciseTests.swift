import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// Exercise sheets: hand-friendly numbers, the order of the questions, the same bytes for the same
/// seed, and every answer of the key recomputed without the library's trace.
struct ExerciseTests {
    static let settings: [Exercise.Settings] = [
        .init(), .init(sizes: [3, 2, 2]), .init(sizes: [2, 3, 2, 1]), .init(sizes: [1, 2, 3], activation: .tanh),
        .init(sizes: [2, 2, 2], activation: .identity, loss: .halfSquared), .init(sizes: [4, 3, 2, 2], activation: .leakyRelu),
    ]

    /// A plain forward pass of the test's own: `z` and `a` of layers 1 … L and the loss.
    static func forward(_ network: Network) -> (z: [[Double]], a: [[Double]], loss: Double) {
        var a = [network.samples[0].x], z: [[Double]] = []
        for layer in network.layers {
            let zs = layer.weights.indices.map { j in zip(layer.weights[j], a.last!).map { $0 * $1 }.reduce(0, +) + layer.bias(j) }
            z.append(zs)
            a.append(zs.map { v -> Double in
                switch layer.activation {
                case .sigmoid: return 1 / (1 + exp(-v))
                case .tanh: return tanh(v)
                case .relu: return max(0, v)
                case .leakyRelu: return v > 0 ? v : 0.01 * v
                default: return v
                }
            })
        }
        let squares = zip(a.last!, network.samples[0].y).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        return (z, a, network.loss == .halfSquared ? squares / 2 : squares)
    }

    /// `∂C/∂w_jk^l` by a central difference of the test's own loss.
    static func difference(_ network: Network, _ l: Int, _ j: Int, _ k: Int, ε: Double = 1e-6) -> Double {
        var up = network, down = network
        up.layers[l - 1].weights[j][k] += ε
        down.layers[l - 1].weights[j][k] -= ε
        return (forward(up).loss - forward(down).loss) / (2 * ε)
    }

    @Test(arguments: settings)
    func everyAnswerAgreesWithAnIndependentComputation(_ settings: Exercise.Settings) throws {
        for seed in UInt64(0)..<40 {
            let exercise = try Exercise(seed: seed, settings: settings)
            let network = exercise.network, plain = Self.forward(network)
            for (question, answer) in zip(exercise.questions, exercise.answers) {
                let expected: Double
                switch question.quantity {
                case .z(let l, let j): expected = plain.z[l - 1][j]
                case .a(let l, let j): expected = plain.a[l][j]
                case .loss: expected = plain.loss
                case .dCda(let l, let j):
                    let d = plain.a[l][j] - network.samples[0].y[j]
                    expected = network.loss == .halfSquared ? d : 2 * d
                case .gPrime(let l, let j):
                    var up = network, down = network
                    up.layers[l - 1].biases![j] += 1e-6
                    down.layers[l - 1].biases![j] -= 1e-6
                    expected = (Self.forward(up).a[l][j] - Self.forward(down).a[l][j]) / 2e-6
                case .weightGradient(let l, let j, let k): expected = Self.difference(network, l, j, k)
                case .updatedWeight(let l, let j, let k):
                    expected = network.layer(l).weights[j][k] - Exercise.learningRate * Self.difference(network, l, j, k)
                }
                #expect(abs(answer - expected) <= 1e-8 * max(1, abs(expected)), "seed \(seed), question \(question.id)")
            }
        }
    }

    @Test(arguments: settings)
    func numbersHaveAtMostTwoDecimalsAndQuestionsComeInOrder(_ settings: Exercise.Settings) throws {
        for seed in UInt64(0)..<40 {
            let exercise = try Exercise(seed: seed, settings: settings)
            let sample = exercise.network.samples[0]
            let numbers = exercise.network.layers.flatMap { $0.weights.flatMap { $0 } + ($0.biases ?? []) } + sample.x + sample.y
            #expect(numbers.allSatisfy { abs($0 * 100 - ($0 * 100).rounded()) < 1e-9 })
            #expect(exercise.network.sizes == settings.sizes)
            #expect(exercise.questions.map(\.quantity.kind)
                    == ["z", "a", "loss", "dCda", "gPrime", "a", "weightGradient", "weightGradient", "updatedWeight"])
            #expect(exercise.questions.count >= 6)
        }
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedAnotherSheet() {
        let one = runCLI(["exercise", "--seed", "12", "--sizes", "2,3,2"]), again = runCLI(["exercise", "--seed", "12", "--sizes", "2,3,2"])
        #expect(one.status == 0 && one.stdout == again.stdout)
        // The sheet names the command that prints it, never the one that prints its key.
        #expect(one.stdout.contains("This sheet: nnexplain exercise --seed 12 --sizes 2,3,2.") && !one.stdout.contains("--key"))
        #expect(runCLI(["exercise", "--seed", "13", "--sizes", "2,3,2"]).stdout != one.stdout)
        #expect(!one.stdout.contains("The working") && runCLI(["exercise", "--seed", "12", "--key"]).stdout.contains("The working"))
    }
}

#if canImport(_Differentiation)
import _Differentiation

/// The gradient answers of sigmoid sheets against Swift's automatic differentiation of a loss of the test's own.
struct ExerciseDifferentiationTests {
    @Test func gradientAnswersMatchAutomaticDifferentiation() throws {
        for seed in UInt64(0)..<30 {
            let exercise = try Exercise(seed: seed)
            let network = exercise.network
            for (question, answer) in zip(exercise.questions, exercise.answers) {
                guard case .weightGradient(let l, let j, let k) = question.quantity else { continue }
                let w = network.layer(l).weights[j][k]
                let g = gradient(at: w) { v in lossWithWeight(network, l, j, k, v) }
                #expect(abs(g - answer) <= 1e-12 * max(1, abs(g)), "seed \(seed), question \(question.id)")
            }
        }
    }
}

/// A 2-layer-or-more sigmoid network's squared loss with `w_jk^l` replaced by `v`.
@differentiable(reverse, wrt: v)
private func lossWithWeight(_ network: Network, _ l: Int, _ j: Int, _ k: Int, _ v: Double) -> Double {
    var a: [Double] = withoutDerivative(at: network.samples[0].x)
    for m in 1...withoutDerivative(at: network.depth) {
        let layer = withoutDerivative(at: network.layers[m - 1])
        var next: [Double] = []
        for i in 0..<layer.weights.count {
            var z = layer.bias(i)
            for p in 0..<layer.weights[i].count {
                z += (m == l && i == j && p == k ? v : layer.weights[i][p]) * a[p]
            }
            next.append(1 / (1 + exp(-z)))
        }
        a = next
    }
    var sum = 0.0
    let y = withoutDerivative(at: network.samples[0].y)
    for n in 0..<y.count { sum += (a[n] - y[n]) * (a[n] - y[n]) }
    return sum
}
#endif
