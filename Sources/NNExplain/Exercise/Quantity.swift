/// One number a question asks for, named by its kind and indices as docs/notation.md names it.
public enum Quantity: Sendable, Hashable {
    /// `z_j^l`, the weighted sum of node `j` of layer `l ≥ 1`.
    case z(layer: Int, j: Int)
    /// `a_j^l`, the activation of node `j` of layer `l` (`l = 0` is the input).
    case a(layer: Int, j: Int)
    /// `C_s`, the loss of the sample.
    case loss
    /// `∂C_s/∂a_j^l`.
    case dCda(layer: Int, j: Int)
    /// `g_l'(z_j^l)`.
    case gPrime(layer: Int, j: Int)
    /// `∂C_s/∂w_jk^l`.
    case weightGradient(layer: Int, j: Int, k: Int)
    /// `w_jk^l` after one step of gradient descent with the network's learning rate.
    case updatedWeight(layer: Int, j: Int, k: Int)

    /// The name JSON gives the kind: `z`, `a`, `loss`, `dCda`, `gPrime`, `weightGradient`, `updatedWeight`.
    package var kind: String {
        switch self {
        case .z: return "z"
        case .a: return "a"
        case .loss: return "loss"
        case .dCda: return "dCda"
        case .gPrime: return "gPrime"
        case .weightGradient: return "weightGradient"
        case .updatedWeight: return "updatedWeight"
        }
    }

    /// The layer, `j` and `k` where they apply.
    package var indices: (layer: Int?, j: Int?, k: Int?) {
        switch self {
        case .z(let l, let j), .a(let l, let j), .dCda(let l, let j), .gPrime(let l, let j): return (l, j, nil)
        case .loss: return (nil, nil, nil)
        case .weightGradient(let l, let j, let k), .updatedWeight(let l, let j, let k): return (l, j, k)
        }
    }

    /// The quantity as a symbol of sample `s`; the updated weight is the weight's own symbol.
    /// With `lettered`, the node index `j` (and `k`) is written as its letter, for a question whose
    /// nodes differ from sheet to sheet: `∂C_0/∂w_jk^2`.
    package func symbol(sample s: Int, lettered: Bool = false) -> Symbol {
        let C = Symbol.loss(.sample(s))
        func j(_ n: Int) -> Symbol.Index { lettered ? .letter("j") : .number(n) }
        func k(_ n: Int) -> Symbol.Index { lettered ? .letter("k") : .number(n) }
        switch self {
        case .z(let l, let n): return .z(layer: l, j(n))
        case .a(let l, let n): return .a(layer: l, j(n))
        case .loss: return C
        case .dCda(let l, let n): return .partial(C, .a(layer: l, j(n)))
        case .gPrime(let l, let n): return .gPrime(layer: l, j(n))
        case .weightGradient(let l, let n, let m): return .partial(C, .w(layer: l, j(n), k(m)))
        case .updatedWeight(let l, let n, let m): return .w(layer: l, j(n), k(m))
        }
    }

    /// The quantity as the sheet writes it before its answer: the symbol, `new w_jk^l` for the
    /// updated weight; `lettered` as for ``symbol(sample:lettered:)``.
    package func math(sample s: Int, lettered: Bool = false) -> Math {
        if case .updatedWeight = self { return [.word("new "), .symbol(symbol(sample: s, lettered: lettered))] }
        return .of(symbol(sample: s, lettered: lettered))
    }

    /// The value in `network` for the sample of `trace`, read from the trace the explanations show
    /// and, for the updated weight, from one simultaneous step of gradient descent on that sample.
    package func value(in network: Network, trace t: Trace) -> Double {
        switch self {
        case .z(let l, let j): return t.layer(l).z[j]
        case .a(let l, let j): return t.activations(ofLayer: l)[j]
        case .loss: return t.loss
        case .dCda(let l, let j): return t.layer(l).dCda[j]
        case .gPrime(let l, let j): return t.layer(l).gPrime[j]
        case .weightGradient(let l, let j, let k): return t.weightGradient(layer: l, j: j, k: k)
        case .updatedWeight(let l, let j, let k): return network.uncheckedUpdateStep().after.layer(l).weights[j][k]
        }
    }
}
