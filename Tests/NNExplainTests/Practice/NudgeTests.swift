import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// The nudge: its predictions against the backward pass's gradient, its changes against a second forward pass.
struct NudgeTests {
    static let networks: [Network] = [Network.standard] + (UInt64(1)...6).map {
        Network.random(sizes: [3, 4, 3, 2], samples: 3, seed: $0, activation: $0 % 2 == 0 ? .tanh : .sigmoid)
    }

    @Test(arguments: networks.indices)
    func predictionsAreTheGradientTimesEpsilon(_ n: Int) throws {
        let network = Self.networks[n], ε = 0.01
        let mean = try network.gradients()
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let average = try network.nudge(layer: l, j: j, k: k, by: ε, sample: nil)
                    #expect(abs(average.loss.predicted - mean.layers[l - 1].weights[j][k] * ε) <= 1e-14)
                    let one = try network.nudge(layer: l, j: j, k: k, by: ε, sample: 1)
                    #expect(try abs(one.loss.predicted - network.trace(sample: 1).weightGradient(layer: l, j: j, k: k) * ε) <= 1e-14)
                }
            }
        }
    }

    @Test(arguments: networks.indices)
    func changesAreASecondForwardPassAndPredictionsItsFirstOrder(_ n: Int) throws {
        let network = Self.networks[n]
        let (l, j, k) = (1, 1, 2)
        for ε in [1e-4, 0.5] {
            let nudge = try network.nudge(layer: l, j: j, k: k, by: ε, sample: 0)
            var moved = network
            moved.layers[l - 1].weights[j][k] += ε
            let before = try network.trace(sample: 0), after = try moved.trace(sample: 0)
            #expect(nudge.loss.before == before.loss && nudge.loss.after == after.loss)
            #expect(nudge.quantities.count == 2 * (1 + (2...network.depth).map(network.size(ofLayer:)).reduce(0, +)))
            for q in nudge.quantities {
                guard case .z(let m, .number(let i)) = q.symbol else { continue }
                #expect(q.before == before.layer(m).z[i] && q.after == after.layer(m).z[i])
                // The prediction is the central difference of z by w, times ε.
                var up = network, down = network
                up.layers[l - 1].weights[j][k] += 1e-6
                down.layers[l - 1].weights[j][k] -= 1e-6
                let slope = try (up.trace(sample: 0).layer(m).z[i] - down.trace(sample: 0).layer(m).z[i]) / 2e-6
                #expect(abs(q.predicted - slope * ε) <= 1e-8 * max(1, abs(ε)))
            }
            if ε < 1e-3 { #expect(abs(nudge.loss.change - nudge.loss.predicted) <= ε * ε, "the gap is second order") }
        }
    }

    // MARK: Softmax outputs

    /// Softmax output layers: the issue's network (`--random 2,3,3 --output-activation softmax --loss
    /// cross-entropy`), seeded random ones with cross-entropy, and two with the squared loss (the
    /// Jacobian rule of the backward pass).
    static let softmaxNetworks: [Network] =
        [Network.random(sizes: [2, 3, 3], samples: 10, seed: 1, outputActivation: .softmax, loss: .crossEntropy)]
        + (UInt64(1)...5).map {
            Network.random(sizes: [3, 4, 3, 4], samples: 3, seed: $0, activation: $0 % 2 == 0 ? .tanh : .sigmoid,
                           outputActivation: .softmax, loss: .crossEntropy)
        }
        + (UInt64(6)...7).map { Network.random(sizes: [2, 3, 3], samples: 2, seed: $0, outputActivation: .softmax, loss: .squared) }

    /// The issue's example: `nudge … --layer L --j 1 --k 2 --by 1e-5` predicted −1.05068981e-06 for
    /// C_0, where `step`'s gradient −0.0764242059 times ε is −7.64242059e-07.
    @Test func theIssuesSoftmaxExamplePredictsTheGradientTimesEpsilon() throws {
        let network = Self.softmaxNetworks[0], ε = 1e-5
        let nudge = try network.nudge(layer: 2, j: 1, k: 2, by: ε, sample: 0)
        let gradient = try network.derivation(layer: 2, j: 1, k: 2, sample: 0).value
        #expect(abs(gradient - -0.0764242059) < 1e-10)
        #expect(abs(nudge.loss.predicted - -7.64242059e-07) < 1e-15)
        // Every output moves, and the table lists every one: z_1^L, then a_0^L, a_1^L, a_2^L.
        #expect(nudge.quantities.map(\.symbol) == [.z(layer: 2, .number(1))] + (0..<3).map { .a(layer: 2, .number($0)) })
        #expect(nudge.quantities.filter { $0.symbol != .a(layer: 2, .number(1)) && $0.symbol != .z(layer: 2, .number(1)) }
            .allSatisfy { $0.change != 0 && $0.predicted != 0 })
    }

    /// The prediction of C is the gradient `step` explains (the derivation's value; with --average
    /// the averaged derivation's) times ε, to rounding, for every weight.
    @Test(arguments: softmaxNetworks.indices)
    func softmaxPredictionsOfTheLossAreTheGradientTimesEpsilon(_ n: Int) throws {
        let network = Self.softmaxNetworks[n], ε = 1e-3
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let one = try network.nudge(layer: l, j: j, k: k, by: ε, sample: 1)
                    let step = try network.derivation(layer: l, j: j, k: k, sample: 1).value * ε
                    #expect(abs(one.loss.predicted - step) <= 1e-12 * abs(step), "w_\(j)\(k)^\(l): \(one.loss.predicted) ≠ \(step)")
                    let average = try network.nudge(layer: l, j: j, k: k, by: ε, sample: nil)
                    let mean = try #require(try network.averagedDerivation(layer: l, j: j, k: k).average).value * ε
                    #expect(abs(average.loss.predicted - mean) <= 1e-12 * abs(mean), "w_\(j)\(k)^\(l), averaged")
                }
            }
        }
    }

    /// Every z and a of layer l and above predicted by the nudge, against a central difference
    /// `(q(w + h) − q(w − h)) / 2h` of this file's own forward pass, to 1e-6 relative; and every
    /// softmax output is in the table.
    @Test(arguments: softmaxNetworks.indices)
    func softmaxOutputsMoveAsCentralDifferencesSay(_ n: Int) throws {
        let network = Self.softmaxNetworks[n], ε = 1e-3, h = 1e-5, s = 0
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let nudge = try network.nudge(layer: l, j: j, k: k, by: ε, sample: s)
                    var up = network, down = network
                    up.layers[l - 1].weights[j][k] += h
                    down.layers[l - 1].weights[j][k] -= h
                    let (above, below) = (Self.forward(up, sample: s), Self.forward(down, sample: s))
                    var shown: [Symbol] = []
                    for m in l...network.depth {
                        for i in 0..<network.size(ofLayer: m) {
                            for (symbol, difference) in [(Symbol.z(layer: m, .number(i)), (above.z[m - 1][i] - below.z[m - 1][i]) / (2 * h)),
                                                         (.a(layer: m, .number(i)), (above.a[m - 1][i] - below.a[m - 1][i]) / (2 * h))] {
                                guard let q = nudge.quantities.first(where: { $0.symbol == symbol }) else {
                                    #expect(difference == 0, "\(symbol) moves (\(difference)) but is not in the table of w_\(j)\(k)^\(l)")
                                    continue
                                }
                                shown.append(symbol)
                                let slope = q.predicted / ε
                                #expect(abs(slope - difference) <= 1e-6 * max(abs(difference), 1e-3),
                                        "\(symbol) of w_\(j)\(k)^\(l): predicted slope \(slope), central difference \(difference)")
                            }
                        }
                    }
                    #expect(shown.count == nudge.quantities.count)
                    #expect((0..<network.size(ofLayer: network.depth)).allSatisfy { shown.contains(.a(layer: network.depth, .number($0))) })
                }
            }
        }
    }

    /// Where the text says the gap "shrinks like ε²", it does: a tenth of ε leaves about a
    /// hundredth of the gap between the change of C and its prediction (a first-order error, as the
    /// diagonal-only prediction left, shrinks only about tenfold). Each ratio is at least 60 and at
    /// most 300 (more than 100 only where the second derivative is nearly 0 and the third-order
    /// term shows), and their median over the network is within 5% of 100.
    @Test(arguments: softmaxNetworks.indices)
    func theGapOfASoftmaxNetworkIsSecondOrder(_ n: Int) throws {
        let network = Self.softmaxNetworks[n]
        var ratios: [Double] = []
        for l in 1...network.depth {
            for (j, k) in [(0, 0), (network.size(ofLayer: l) - 1, network.size(ofLayer: l - 1) - 1)] {
                for s in [0, nil] as [Int?] {
                    let gaps = try [1e-2, 1e-3].map { ε in
                        let nudge = try network.nudge(layer: l, j: j, k: k, by: ε, sample: s)
                        #expect(TextRenderer(naming: LayerNaming(depth: network.depth)).render(nudge.document).contains("shrinks like ε²"))
                        return abs(nudge.loss.change - nudge.loss.predicted)
                    }
                    let ratio = gaps[0] / gaps[1]
                    #expect(gaps[1] > 0 && (60...300).contains(ratio), "w_\(j)\(k)^\(l), sample \(String(describing: s)): gaps \(gaps)")
                    ratios.append(ratio)
                }
            }
        }
        let median = ratios.sorted()[ratios.count / 2]
        #expect((95...105).contains(median), "median ratio \(median) of \(ratios)")
    }

    /// `z^l` and `a^l` of every layer of sample `s`, by the forward formula: `z = W a + b`, then the
    /// activation node by node, or softmax over the layer (`e^(z_i − max z) / Σ e^(z_p − max z)`).
    static func forward(_ network: Network, sample s: Int) -> (z: [[Double]], a: [[Double]]) {
        var below = network.samples[s].x, zs: [[Double]] = [], activations: [[Double]] = []
        for layer in network.layers {
            let z = layer.weights.indices.map { i in
                zip(layer.weights[i], below).map { $0 * $1 }.reduce(0, +) + (layer.biases?[i] ?? 0)
            }
            let a: [Double]
            switch layer.activation {
            case .sigmoid: a = z.map { 1 / (1 + Foundation.exp(-$0)) }
            case .tanh: a = z.map { Foundation.tanh($0) }
            case .softmax:
                let top = z.max()!, e = z.map { Foundation.exp($0 - top) }, total = e.reduce(0, +)
                a = e.map { $0 / total }
            default: fatalError("not used here")
            }
            zs.append(z)
            activations.append(a)
            below = a
        }
        return (zs, activations)
    }

    // MARK: Saturated outputs

    /// Sigmoid outputs with binary cross-entropy at z_0^2 ≈ 38.4, where a_0^2 is exactly 1 in double
    /// (ln(1 − a) would be −∞, the loss from z is ≈ 38.4), and z_1^2 ≈ −22.
    static let saturatedBCE = Network(
        inputs: 2,
        layers: [Layer(activation: .sigmoid, weights: [[2, 1], [-1, 0.5]], biases: [0, 0.1]),
                 Layer(activation: .sigmoid, weights: [[32, 20], [-25, 3]], biases: [2, 0])],
        loss: .binaryCrossEntropy, samples: [Sample(x: [1, 0.5], y: [0, 1])])

    /// A softmax output with cross-entropy whose outputs a_1^2 and a_2^2 underflow to exactly 0
    /// (z_0^2 ≈ 840, z_1^2 ≈ −831), though their targets are not 0.
    static let underflowingSoftmax = Network(
        inputs: 2,
        layers: [Layer(activation: .sigmoid, weights: [[2, 1], [-1, 0.5]], biases: [0, 0.1]),
                 Layer(activation: .softmax, weights: [[900, 20], [-900, 3], [0, 1]], biases: [1, 0, 0])],
        loss: .crossEntropy, samples: [Sample(x: [1, 0.5], y: [0.2, 0.5, 0.3])])

    /// Both are explained, not refused: every number finite, the loss the trace's stable one, the
    /// prediction of C the gradient `step` explains times ε, the predicted change of an output that
    /// rounds to 0 or 1 below 1e-15 (its slope is σ(z)σ(−z), a tiny double), and the gap second order.
    @Test(arguments: [saturatedBCE, underflowingSoftmax])
    func saturatedOutputsAreExplained(_ network: Network) throws {
        let t = try network.trace(sample: 0)
        #expect(t.layer(2).z[0] > 36.7 && t.layer(2).a[0] == 1)
        #expect(t.layer(2).a.contains(0) || network.loss == .binaryCrossEntropy)
        for l in 1...2 {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    var gaps: [Double] = []
                    for ε in [1e-2, 1e-3] {
                        let nudge = try network.nudge(layer: l, j: j, k: k, by: ε, sample: 0)
                        #expect(throws: Never.self) { try nudge.requireFinite() }
                        var moved = network
                        moved.layers[l - 1].weights[j][k] += ε
                        #expect(try nudge.loss.before == t.loss && nudge.loss.after == moved.trace(sample: 0).loss && t.loss.isFinite)
                        let step = try network.derivation(layer: l, j: j, k: k, sample: 0).value * ε
                        #expect(abs(nudge.loss.predicted - step) <= 1e-12 * abs(step))
                        for q in nudge.quantities where q.before == 0 || q.before == 1 {
                            // Its slope is the tiny g' = σ(z)σ(−z) (not 0), so the prediction is tiny too.
                            if case .a = q.symbol { #expect(abs(q.predicted) < 1e-15 && q.change == 0, "\(q.symbol)") }
                        }
                        gaps.append(abs(nudge.loss.change - nudge.loss.predicted))
                        #expect(throws: Never.self) { try network.nudge(layer: l, j: j, k: k, by: ε, sample: nil).requireFinite() }
                    }
                    // Where the curvature is the hidden layer's the gap is large enough to see shrink.
                    if l == 1 { #expect((60...160).contains(gaps[0] / gaps[1]), "w_\(j)\(k)^1: gaps \(gaps)") }
                }
            }
        }
    }

    // MARK: What still overflows

    /// A derivative that overflows is named with a cure that works (smaller weights or inputs): no
    /// ε makes ∂z_0^2/∂w_00^1 = w_00^2 · g'(z_0^1) · x_0 finite.
    @Test func anInfiniteDerivativeIsNamedNotBlamedOnEpsilon() throws {
        let network = Network(
            inputs: 1,
            layers: [Layer(activation: .sigmoid, weights: [[0.01]]), Layer(activation: .sigmoid, weights: [[1e307]])],
            samples: [Sample(x: [100], y: [0.5])])
        for ε in [0.01, 1e-12] {
            let nudge = try network.nudge(layer: 1, j: 0, k: 0, by: ε, sample: 0)
            #expect(throws: OverflowError.self) { try nudge.requireFinite() }
            do throws(OverflowError) {
                try nudge.requireFinite()
            } catch {
                guard case .overflowed(let bad, depth: 2, held: false) = error else { Issue.record("\(error)"); return }
                #expect(bad.symbol == .partial(.z(layer: 2, .number(0)), .w(layer: 1, .number(0), .number(0))))
                #expect(error.message(setting: "--by").hasSuffix("is infinite; scale down the weights or inputs that feed it"))
            }
        }
    }

    /// A nudge too large for the numbers (C_0 ≈ 1.69e308 before, ∂C_0/∂w ≈ 2.6e306) is refused with "give a smaller
    /// --by", and a smaller one is explained.
    @Test func anOverflowThatASmallerEpsilonCuresNamesIt() throws {
        let network = Network(inputs: 1, layers: [Layer(activation: .identity, weights: [[130]])],
                              samples: [Sample(x: [1e152], y: [0])])
        #expect(throws: OverflowError.nudged(by: 10)) { try network.nudge(layer: 1, j: 0, k: 0, by: 10, sample: 0).requireFinite() }
        #expect(throws: Never.self) { try network.nudge(layer: 1, j: 0, k: 0, by: 0.01, sample: 0).requireFinite() }
    }

    /// A nudge below the spacing of doubles next to the weight leaves it as it was: that is refused
    /// with the smallest nudge that moves it (it was explained, "the gap" and all, with nothing moved).
    @Test func aNudgeThatDoesNotMoveTheWeightIsRefused() throws {
        let network = Network.standard
        let w = network.layers[2].weights[1][2]
        let still = try network.nudge(layer: 3, j: 1, k: 2, by: 1e-17, sample: 0)
        #expect(w + 1e-17 == w)  // the premise, in the test's own arithmetic
        #expect(throws: NudgeError.unmoved(weight: w, by: 1e-17, smallest: w.ulp)) { try still.requireMoved() }
        let message = NudgeError.unmoved(weight: w, by: 1e-17, smallest: w.ulp).message
        let suggested = try #require(message.components(separatedBy: "at least ").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(suggested >= w.ulp)
        for ε in [suggested, -suggested] {
            let moved = try network.nudge(layer: 3, j: 1, k: 2, by: ε, sample: 0)
            #expect(throws: Never.self) { try moved.requireMoved() }
        }
        let cli = runCLI(["nudge", "--layer", "L", "--j", "1", "--k", "2", "--by", "1e-17"])
        #expect(cli.status == 64 && cli.stderr.contains("does not move the weight"), "\(cli.stderr)")
    }

    /// A change of C too small to register at C's size is rounding, not "what a first-order rule
    /// leaves out". One sigmoid node, x = 20, into a softmax of three with weights (60, 0, 0.5), so
    /// z^2 ≈ (60, 0, 0.5): C_0 = −½ ln a_0 − ½ ln a_1 ≈ 60σ(20)/2 = 29.99999994 (doubles there are
    /// 2⁻⁴⁸ = 3.5527136788e-15 apart), and nudging w_20 by 1e-3 moves C by ∂C/∂z_2 · a^1 · ε =
    /// a_2 σ(20) · 1e-3 ≈ e^−59.5 · 1e-3 = 1.44e-29 (hand arithmetic).
    @Test func aChangeTooSmallForTheLossToRegisterIsNotCalledTheFirstOrderGap() throws {
        let network = Network(inputs: 1, layers: [
            Layer(activation: .sigmoid, weights: [[1]], biases: [0]),
            Layer(activation: .softmax, weights: [[60], [0], [0.5]], biases: [0, 0, 0]),
        ], loss: .crossEntropy, samples: [Sample(x: [20], y: [0.5, 0.5, 0])])
        let nudge = try network.nudge(layer: 2, j: 2, k: 0, by: 1e-3, sample: 0)
        #expect(nudge.loss.change == 0 && nudge.loss.predicted > 1.4e-29 && nudge.loss.predicted < 1.5e-29)
        let text = TextRenderer(naming: LayerNaming(depth: 2, relative: false)).render(nudge.document)
        #expect(!text.contains("first-order rule leaves out"))
        #expect(text.contains("too small for C_0 = 29.9999999 to register in doubles (the doubles next to it are 3.55271368e-15 apart)"))
        // An ordinary nudge keeps the sentence about the gap.
        let ordinary = TextRenderer(naming: LayerNaming(depth: 2, relative: false)).render(try network.nudge(layer: 2, j: 1, k: 0, by: 1e-3, sample: 0).document)
        #expect(ordinary.contains("first-order rule leaves out"))
    }
}
