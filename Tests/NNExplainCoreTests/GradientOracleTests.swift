// Swift's `_Differentiation` is not in every toolchain: where it is missing, this oracle (and
// only this one) is left out, and the rest of the suite still builds and runs.
#if canImport(_Differentiation)
import Foundation
import NNExplainTestSupport
import Testing
import _Differentiation

import NNExplainCore
import NNExplainCore

/// Proves the engine's gradients against oracles that share no code with it.
///
/// The oracles:
/// - **Automatic differentiation.** `IndependentLoss` below is the network's mean loss written from
///   scratch as one function of a flat parameter vector: its own sigmoid `1/(1+e^(−z))`, tanh, relu,
///   leaky-relu, identity and softmax, its own forward pass and its own losses (the two
///   cross-entropies written from the output layer's `z` with its own identities,
///   `−Σ y ln softmax(z) = (Σ y) · lse(z) − Σ y z` and `−[y ln σ(z) + (1 − y) ln(1 − σ(z))] =
///   softplus(z) − y z`, so a saturated `z = 40` stays finite). It never calls `Activation`,
///   `Loss`, `Trace` or `Gradients`; from a `Network` it takes only the numbers (sizes, weights,
///   biases, samples) and which activation and loss each layer names. Swift's `_Differentiation`
///   differentiates it in reverse mode, so the derivatives come from the compiler's chain rule, not
///   from the engine's hand-written backward pass and not from any `g'` formula.
/// - **Central finite differences** `(C(w+ε) − C(w−ε)) / 2ε` of the same independent loss: no
///   derivative formula at all, only loss evaluations.
/// - **Mazur's published numbers**: in `MazurReferenceTests`, which needs no differentiation.
@Suite("Gradient oracles")
struct GradientOracleTests {

    // MARK: Engine vs. automatic differentiation

    @Test("gradients() matches reverse-mode AD of the independent mean loss", arguments: ReferenceNetworks.all)
    func averagedGradientsMatchAutomaticDifferentiation(reference: ReferenceNetwork) throws {
        let network = reference.network
        let oracle = IndependentLoss(network)
        let p = oracle.parameters
        let expected = adGradient(at: p) { meanLoss(parameters: $0, shape: oracle) }
        let engine = try network.gradients()
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let a = engine.layers[l - 1].weights[j][k]
                    let b = expected[oracle.weightIndex(l, j, k)]
                    #expect(exactlyClose(a, b), "∂C/∂w_\(j)\(k)^\(l): engine \(a), AD \(b)")
                }
                if let index = oracle.biasIndex(l, j) {
                    let a = engine.layers[l - 1].biases[j]
                    let b = expected[index]
                    #expect(exactlyClose(a, b), "∂C/∂b_\(j)^\(l): engine \(a), AD \(b)")
                }
            }
        }
    }

    @Test("gradients().loss equals the independent mean loss", arguments: ReferenceNetworks.all)
    func meanLossMatches(reference: ReferenceNetwork) throws {
        let oracle = IndependentLoss(reference.network)
        let a = try reference.network.gradients().loss
        let b = meanLoss(parameters: oracle.parameters, shape: oracle)
        #expect(exactlyClose(a, b), "C: engine \(a), independent \(b)")
    }

    @Test("each trace's weight and bias gradients match AD of that sample's loss alone", arguments: ReferenceNetworks.all)
    func perSampleGradientsMatchAutomaticDifferentiation(reference: ReferenceNetwork) throws {
        let network = reference.network
        let oracle = IndependentLoss(network)
        for s in network.samples.indices {
            let expected = adGradient(at: oracle.parameters) { sampleLoss(parameters: $0, shape: oracle, sample: s) }
            let trace = try network.trace(sample: s)
            for l in 1...network.depth {
                for j in 0..<network.size(ofLayer: l) {
                    for k in 0..<network.size(ofLayer: l - 1) {
                        let a = trace.weightGradient(layer: l, j: j, k: k)
                        let b = expected[oracle.weightIndex(l, j, k)]
                        #expect(exactlyClose(a, b), "s=\(s) ∂C_s/∂w_\(j)\(k)^\(l): engine \(a), AD \(b)")
                    }
                    if let index = oracle.biasIndex(l, j) {
                        let a = trace.biasGradient(layer: l, j: j)
                        let b = expected[index]
                        #expect(exactlyClose(a, b), "s=\(s) ∂C_s/∂b_\(j)^\(l): engine \(a), AD \(b)")
                    }
                }
            }
        }
    }

    @Test("hidden-layer ∂C_s/∂a_k^l is the in-order sum of its summands and matches AD", arguments: ReferenceNetworks.all)
    func hiddenLayerSums(reference: ReferenceNetwork) throws {
        let network = reference.network
        let oracle = IndependentLoss(network)
        let p = oracle.parameters
        for s in network.samples.indices {
            let trace = try network.trace(sample: s)
            for l in stride(from: 1, to: network.depth, by: 1) {
                // The oracle: the loss as a function of a^l alone, running layers l+1 … L of the
                // independent forward pass, differentiated by AD.
                let activations = propagate(oracle.x[s], from: 0, to: l, parameters: p, shape: oracle)
                let expected = adGradient(at: activations) { a in
                    outputLoss(logits(a, from: l, to: oracle.depth, parameters: p, shape: oracle), target: oracle.y[s], shape: oracle)
                }
                for k in 0..<network.size(ofLayer: l) {
                    var sum = 0.0
                    for i in 0..<network.size(ofLayer: l + 1) {
                        sum += trace.summand(network, layer: l + 1, i: i, k: k)
                    }
                    let engine = trace.layer(l).dCda[k]
                    // Bit for bit: the explanation prints the summands and their sum, so the sum it
                    // shows must be exactly the number the engine used.
                    #expect(engine == sum, "s=\(s) ∂C_s/∂a_\(k)^\(l): engine \(engine), Σ summands \(sum)")
                    #expect(exactlyClose(engine, expected[k]), "s=\(s) ∂C_s/∂a_\(k)^\(l): engine \(engine), AD \(expected[k])")
                }
            }
        }
    }

    // MARK: Engine vs. finite differences

    @Test("gradients() matches central finite differences of the independent mean loss", arguments: ReferenceNetworks.all)
    func averagedGradientsMatchFiniteDifferences(reference: ReferenceNetwork) throws {
        let network = reference.network
        let oracle = IndependentLoss(network)
        let p = oracle.parameters
        let engine = try network.gradients()
        func centralDifference(_ index: Int) -> Double {
            // ε = 2⁻²⁰ ≈ 9.5e-7. The step actually taken is (w+ε) − (w−ε) after rounding, so divide
            // by that rather than by 2ε.
            let epsilon = 0x1p-20
            var plus = p
            var minus = p
            plus[index] += epsilon
            minus[index] -= epsilon
            let cPlus = meanLoss(parameters: plus, shape: oracle)
            let cMinus = meanLoss(parameters: minus, shape: oracle)
            return (cPlus - cMinus) / (plus[index] - minus[index])
        }
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let a = engine.layers[l - 1].weights[j][k]
                    let b = centralDifference(oracle.weightIndex(l, j, k))
                    #expect(finiteDifferenceClose(a, b), "∂C/∂w_\(j)\(k)^\(l): engine \(a), finite difference \(b)")
                }
                if let index = oracle.biasIndex(l, j) {
                    let a = engine.layers[l - 1].biases[j]
                    let b = centralDifference(index)
                    #expect(finiteDifferenceClose(a, b), "∂C/∂b_\(j)^\(l): engine \(a), finite difference \(b)")
                }
            }
        }
    }

    /// The finite-difference oracle is only valid away from the relu kink: a step across `z = 0`
    /// measures neither side's slope. Checked with the independent forward pass.
    @Test("relu and leaky-relu pre-activations stay away from the kink", arguments: ReferenceNetworks.all)
    func reluPreActivationsAwayFromKink(reference: ReferenceNetwork) {
        let oracle = IndependentLoss(reference.network)
        for s in oracle.x.indices {
            let z = preActivations(parameters: oracle.parameters, shape: oracle, sample: s)
            for l in 1...oracle.depth where oracle.g[l - 1] == .relu || oracle.g[l - 1] == .leakyRelu {
                for j in z[l - 1].indices {
                    #expect(abs(z[l - 1][j]) > 1e-3, "s=\(s) z_\(j)^\(l) = \(z[l - 1][j]) is too close to the kink")
                }
            }
        }
    }
}

// MARK: - Tolerances



/// Engine vs. AD: relative 1e-12, or an absolute 1e-15. The floor is for gradients that are exactly
/// or almost zero (a dead relu node; a hidden-layer sum whose summands nearly cancel): there the two
/// computations round in different orders and relative error says nothing. Every gradient these
/// networks have that is not zero is far above 1e-15 (the smallest is ~3e-5), so the floor cannot
/// hide a wrong value.
func exactlyClose(_ a: Double, _ b: Double) -> Bool {
    isClose(a, b, relative: 1e-12, absolute: 1e-15)
}

/// Engine vs. finite difference: relative 1e-6, or an absolute 1e-9. The floor is the finite
/// difference's own rounding noise: `C` is O(0.1–1) and is computed to a few ulps (~1e-16), and that
/// error is divided by 2ε ≈ 2e-6, so a difference quotient carries ~1e-10 of absolute noise whatever
/// the true gradient is (1.5e-10 at most, measured). For gradients below ~1e-4 that noise can exceed
/// 1e-6 relative.
func finiteDifferenceClose(_ a: Double, _ b: Double) -> Bool {
    isClose(a, b, relative: 1e-6, absolute: 1e-9)
}

/// `gradient(at:of:)` as a plain `[Double]`. A zero tangent of an array may come back empty.
func adGradient(at x: [Double], of f: @differentiable(reverse) ([Double]) -> Double) -> [Double] {
    let g = gradient(at: x, of: f).base
    return g.isEmpty ? [Double](repeating: 0, count: x.count) : g
}

// MARK: - The independent loss

/// A network reduced to plain numbers for the independent loss. Parameters are flattened layer by
/// layer, `l = 1 … L`: the weights row by row (`w_jk^l` at `weightOffset[l-1] + j·n_(l-1) + k`), then
/// the biases if the layer has any.
struct IndependentLoss {
    /// The activations, as the test's own enum: only *which* function a layer names comes from the
    /// engine, never how it is computed.
    enum G { case sigmoid, tanh, relu, leakyRelu, identity, softmax }
    /// The loss, as the test's own enum.
    enum C { case squared, halfSquared, crossEntropy, binaryCrossEntropy }

    let sizes: [Int]
    let g: [G]
    let hasBias: [Bool]
    let cost: C
    let x: [[Double]]
    let y: [[Double]]
    let weightOffset: [Int]
    let biasOffset: [Int]
    let parameters: [Double]

    var depth: Int { g.count }

    init(_ network: Network) {
        sizes = [network.inputs] + network.layers.map { $0.weights.count }
        g = network.layers.map {
            switch $0.activation {
            case .sigmoid: .sigmoid
            case .tanh: .tanh
            case .relu: .relu
            case .leakyRelu: .leakyRelu
            case .identity: .identity
            case .softmax: .softmax
            }
        }
        hasBias = network.layers.map { $0.biases != nil }
        cost = switch network.loss {
        case .squared: .squared
        case .halfSquared: .halfSquared
        case .crossEntropy: .crossEntropy
        case .binaryCrossEntropy: .binaryCrossEntropy
        }
        x = network.samples.map(\.x)
        y = network.samples.map(\.y)
        var flat: [Double] = []
        var wOffsets: [Int] = []
        var bOffsets: [Int] = []
        for layer in network.layers {
            wOffsets.append(flat.count)
            for row in layer.weights { flat += row }
            bOffsets.append(flat.count)
            if let biases = layer.biases { flat += biases }
        }
        weightOffset = wOffsets
        biasOffset = bOffsets
        parameters = flat
    }

    func weightIndex(_ l: Int, _ j: Int, _ k: Int) -> Int { weightOffset[l - 1] + j * sizes[l - 1] + k }

    func biasIndex(_ l: Int, _ j: Int) -> Int? { hasBias[l - 1] ? biasOffset[l - 1] + j : nil }
}

@differentiable(reverse, wrt: z)
private func activate(_ z: Double, _ g: IndependentLoss.G) -> Double {
    switch g {
    case .sigmoid: return 1 / (1 + exp(-z))
    case .tanh: return tanh(z)
    case .relu: return z > 0 ? z : 0 * z
    case .leakyRelu: return z > 0 ? z : 0.01 * z
    case .identity: return z
    case .softmax: fatalError("softmax is a function of the whole layer: see activateLayer")
    }
}

/// `g` applied to a whole layer's `z`: softmax as `e^(z_j − m) / Σ_i e^(z_i − m)` (m the largest
/// z, held constant, which changes nothing but the rounding), else node by node.
@differentiable(reverse, wrt: z)
private func activateLayer(_ z: [Double], _ g: IndependentLoss.G) -> [Double] {
    var out: [Double] = []
    let n = withoutDerivative(at: z.count)
    if g == .softmax {
        let m = withoutDerivative(at: z).max() ?? 0
        var total = 0.0
        for i in 0..<n { total += exp(z[i] - m) }
        for j in 0..<n { out.append(exp(z[j] - m) / total) }
    } else {
        for j in 0..<n { out.append(activate(z[j], g)) }
    }
    return out
}

/// `ln(1 + e^x)`, without overflow.
@differentiable(reverse)
private func softplus(_ x: Double) -> Double {
    x > 0 ? x + log(1 + exp(-x)) : log(1 + exp(x))
}

/// `z` of layer `to`, running layers `from+1 … to` on the activations `a` of layer `from`
/// (layers below `to` activated, layer `to` not).
@differentiable(reverse, wrt: (a, parameters))
private func logits(
    _ a: [Double], from: Int, to: Int, parameters: [Double], shape: IndependentLoss
) -> [Double] {
    var current = a
    var z: [Double] = []
    for l in stride(from: from + 1, through: to, by: 1) {
        if l > from + 1 { current = activateLayer(z, shape.g[l - 2]) }
        let n = shape.sizes[l - 1]
        let w = shape.weightOffset[l - 1]
        z = []
        for j in 0..<shape.sizes[l] {
            var sum = 0.0
            for k in 0..<n {
                sum += parameters[w + j * n + k] * current[k]
            }
            if shape.hasBias[l - 1] {
                sum += parameters[shape.biasOffset[l - 1] + j]
            }
            z.append(sum)
        }
    }
    return z
}

/// Runs layers `from+1 … to` on the activations `a` of layer `from`.
@differentiable(reverse, wrt: (a, parameters))
private func propagate(
    _ a: [Double], from: Int, to: Int, parameters: [Double], shape: IndependentLoss
) -> [Double] {
    activateLayer(logits(a, from: from, to: to, parameters: parameters, shape: shape), shape.g[to - 1])
}

/// The sample's loss from the output layer's `z`: `Σ_j (a_j − y_j)²` (halved for half-squared),
/// or a cross-entropy by the identities above.
@differentiable(reverse, wrt: z)
private func outputLoss(_ z: [Double], target y: [Double], shape: IndependentLoss) -> Double {
    let g = shape.g[shape.depth - 1]
    var sum = 0.0
    switch shape.cost {
    case .squared, .halfSquared:
        let output = activateLayer(z, g)
        for j in 0..<y.count {
            let d = output[j] - y[j]
            sum += d * d
        }
        return shape.cost == .halfSquared ? sum / 2 : sum
    case .crossEntropy where g == .softmax:
        let m = withoutDerivative(at: z).max() ?? 0
        var total = 0.0
        for i in 0..<withoutDerivative(at: z.count) { total += exp(z[i] - m) }
        let lse = m + log(total)
        for j in 0..<y.count { sum += y[j] * (lse - z[j]) }
        return sum
    case .crossEntropy:
        // −y ln σ(z) = y · softplus(−z); only sigmoid outputs reach here.
        precondition(g == .sigmoid)
        for j in 0..<y.count { sum += y[j] * softplus(-z[j]) }
        return sum
    case .binaryCrossEntropy:
        precondition(g == .sigmoid)
        for j in 0..<y.count { sum += softplus(z[j]) - y[j] * z[j] }
        return sum
    }
}

/// `C_s` as a function of every weight and bias.
@differentiable(reverse, wrt: parameters)
func sampleLoss(parameters: [Double], shape: IndependentLoss, sample s: Int) -> Double {
    let z = logits(shape.x[s], from: 0, to: shape.depth, parameters: parameters, shape: shape)
    return outputLoss(z, target: shape.y[s], shape: shape)
}

/// `C = (1/N) Σ_s C_s` as a function of every weight and bias.
@differentiable(reverse, wrt: parameters)
private func meanLoss(parameters: [Double], shape: IndependentLoss) -> Double {
    var total = 0.0
    for s in 0..<shape.x.count {
        total += sampleLoss(parameters: parameters, shape: shape, sample: s)
    }
    return total / withoutDerivative(at: Double(shape.x.count))
}

/// Every `z_j^l` of sample `s`, plainly computed (for the kink check).
private func preActivations(parameters: [Double], shape: IndependentLoss, sample s: Int) -> [[Double]] {
    var result: [[Double]] = []
    var current = shape.x[s]
    for l in 1...shape.depth {
        let z = (0..<shape.sizes[l]).map { j in
            var sum = 0.0
            for k in 0..<shape.sizes[l - 1] {
                sum += parameters[shape.weightIndex(l, j, k)] * current[k]
            }
            if let b = shape.biasIndex(l, j) { sum += parameters[b] }
            return sum
        }
        result.append(z)
        current = activateLayer(z, shape.g[l - 1])
    }
    return result
}
#endif
