#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Computes, for one question, the value each slip would give, by evaluating the formula with that
/// mistake in it from the same trace the key comes from.
struct SlipFinder {
    let network: Network
    let trace: Trace
    let quantity: Quantity
    let key: Double

    var L: Int { network.depth }
    var names: TextRenderer { TextRenderer(naming: LayerNaming(depth: L, relative: false)) }
    func name(_ symbol: Symbol) -> String { names.text(symbol) }
    func candidate(_ slip: Slip, _ value: Double, _ hint: String) -> SlipCandidate { SlipCandidate(slip: slip, value: value, hint: hint) }

    static let roundLate = "your working is right, but rounding the numbers you carried moved the last digits; "
        + "keep four or more digits until the end, then round the answer"

    var candidates: [SlipCandidate] {
        var out = [candidate(.sign, -key, "you have the right size but the wrong sign" + signReason)]
        switch quantity {
        case .z(let l, let j):
            let w = network.layer(l).weights, a = trace.activations(ofLayer: l - 1), b = network.layer(l).bias(j)
            out += neighbours(size: network.size(ofLayer: l), of: j) { .z(layer: l, .number($0)) } valued: { trace.layer(l).z[$0] }
            if w.count == a.count {
                let swapped = a.indices.reduce(0.0) { $0 + w[$1][j] * a[$1] } + b
                out.append(candidate(.wrongIndex, swapped, "you used the weights w_kj for w_jk: node \(j) of layer \(l) takes row \(j) of the table, w_\(j)k, one weight for each node k"))
            }
            if b != 0 { out.append(candidate(.missingTerm, key - b, "you left out the bias \(name(.b(layer: l, .number(j)))): z adds it after the weighted inputs")) }
            for k in a.indices where a.count > 1 {
                out.append(candidate(.missingTerm, key - w[j][k] * a[k], "you left out the term \(name(.w(layer: l, .number(j), .number(k)))) · \(name(.a(layer: l - 1, .number(k)))): the sum runs over every node k of layer \(l - 1)"))
            }
            if l > 1 {
                for d in Exercise.earlyDigits {
                    let rounded = a.map(Rounding(digits: d).rounded)
                    out.append(candidate(.rounding, rounded.indices.reduce(0.0) { $0 + w[j][$1] * rounded[$1] } + b, Self.roundLate))
                }
            }
        case .a(let l, let j):
            out += neighbours(size: network.size(ofLayer: l), of: j) { .a(layer: l, .number($0)) } valued: { trace.activations(ofLayer: l)[$0] }
            if l > 0 {
                let z = trace.layer(l).z[j], g = network.layer(l).activation
                out.append(candidate(.missingTerm, z, "that is \(name(.z(layer: l, .number(j)))), the weighted sum; the activation \(name(.a(layer: l, .number(j)))) is g applied to it"))
                out += Exercise.earlyDigits.map { candidate(.rounding, g.value(Rounding(digits: $0).rounded(z)), Self.roundLate) }
            }
        case .loss:
            let a = trace.layer(L).a, y = trace.target
            if let other = otherLoss {
                out.append(candidate(.factorOfTwo, a.indices.reduce(0.0) { $0 + other.handTerm(a: a[$1], y: y[$1]) }, lossHint(other)))
            }
            for j in a.indices where a.count > 1 {
                out.append(candidate(.missingTerm, key - trace.lossTerms[j], "you left out output node \(j)'s share of the loss: C adds up one term for every output node"))
            }
            out += Exercise.earlyDigits.map { d in
                candidate(.rounding, a.indices.reduce(0.0) { $0 + network.loss.handTerm(a: Rounding(digits: d).rounded(a[$1]), y: y[$1]) }, Self.roundLate)
            }
        case .dCda(let l, let j):
            let a = trace.layer(l).a[j], y = trace.target[j]
            if let other = otherLoss { out.append(candidate(.factorOfTwo, other.derivative(a: a, y: y), lossHint(other))) }
            out += neighbours(size: network.size(ofLayer: l), of: j) { .partial(.loss(.sample(0)), .a(layer: l, .number($0))) }
                valued: { trace.layer(l).dCda[$0] }
            out += Exercise.earlyDigits.map { candidate(.rounding, network.loss.derivative(a: Rounding(digits: $0).rounded(a), y: y), Self.roundLate) }
        case .gPrime(let l, let j):
            let z = trace.layer(l).z[j], a = trace.layer(l).a[j], g = network.layer(l).activation
            out += neighbours(size: network.size(ofLayer: l), of: j) { .gPrime(layer: l, .number($0)) } valued: { trace.layer(l).gPrime[$0] }
            out += slopeFactors(g, a: a).map { candidate(.missingTerm, $0, "you left out a factor of the slope: g'(z) = " + names.text(g.derivativeFormula)) }
            out += Exercise.earlyDigits.map { d in
                let rounding = Rounding(digits: d)
                return candidate(.rounding, Self.handSlope(g, z: rounding.rounded(z), a: rounding.rounded(a)), Self.roundLate)
            }
        case .weightGradient(let l, let j, let k):
            out += gradientSlips(layer: l, j: j, k: k)
        case .updatedWeight(let l, let j, let k):
            let w = network.layer(l).weights[j][k], g = network.uncheckedGradients().layers[l - 1].weights[j][k], η = network.learningRate
            out.append(candidate(.sign, w + η * g, "you added η · ∂C/∂w; gradient descent steps against the gradient, new w = w − η · ∂C/∂w"))
            out.append(candidate(.missingTerm, w - g, "you left out the learning rate: the step is η · ∂C/∂w with η = \(names.number(η))"))
            out.append(candidate(.missingTerm, -η * g, "that is the step −η · ∂C/∂w alone; the new weight is the old weight \(names.number(w)) plus it"))
            if let factor = lossFactor { out.append(candidate(.factorOfTwo, w - η * g * factor, factorHint)) }
            out += Exercise.earlyDigits.map { candidate(.rounding, w - η * Rounding(digits: $0).rounded(g), Self.roundLate) }
        }
        return out
    }

    /// Why the sign is what it is, for the quantity asked.
    private var signReason: String {
        switch quantity {
        case .dCda: return ": the derivative of (a − y)² is 2(a − y), the output minus the target"
        case .weightGradient: return ": multiply the three terms with their signs"
        case .z: return ": add up every product w · a with its sign, then the bias"
        default: return ""
        }
    }

    /// The other node `n` of the same layer in place of `j`, for each `n`: "you used a_2 instead of a_1".
    private func neighbours(size: Int, of j: Int, _ symbol: (Int) -> Symbol, valued value: (Int) -> Double) -> [SlipCandidate] {
        (0..<size).filter { $0 != j }.map { n in
            candidate(.wrongIndex, value(n), "you used \(name(symbol(n))) instead of \(name(symbol(j))): the question is about node \(j), not node \(n)")
        }
    }

    /// `g'(z)` as a student works it out by hand from a rounded `a`: the sigmoid's `a(1 − a)` and tanh's
    /// `1 − a²` as written (the engine takes a saturated node's from `z`).
    private static func handSlope(_ g: Activation, z: Double, a: Double) -> Double {
        switch g {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        default: return g.derivative(z: z, a: a)
        }
    }

    /// The squared loss for the half-squared one and back; `nil` for a loss without a factor-of-two twin.
    private var otherLoss: Loss? {
        switch network.loss {
        case .squared: return .halfSquared
        case .halfSquared: return .squared
        default: return nil
        }
    }

    /// What a gradient becomes with the other loss: half of it, or twice it.
    var lossFactor: Double? { otherLoss.map { $0 == .halfSquared ? 0.5 : 2 } }

    private func lossHint(_ other: Loss) -> String {
        "you used the \(other.rawValue) loss, " + names.text(other.formula(loss: .loss(.sample(0)), depth: L))
            + "; this sheet's loss is \(network.loss.rawValue), " + names.text(network.loss.formula(loss: .loss(.sample(0)), depth: L))
    }

    var factorHint: String {
        otherLoss.map(lossHint) ?? ""
    }

    /// The factors of a slope that can be left out: `a` and `1 − a` of the sigmoid's `a(1 − a)`, `a²` of tanh's `1 − a²`.
    private func slopeFactors(_ g: Activation, a: Double) -> [Double] {
        switch g {
        case .sigmoid: return [a, 1 - a]
        case .tanh: return [a * a]
        default: return []
        }
    }
}
