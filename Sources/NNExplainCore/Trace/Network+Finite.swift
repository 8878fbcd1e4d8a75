/// Where a computation first stopped being a number: an overflow to infinity or a NaN.
///
/// A NaN or infinity propagates through every later sum, so an explanation full of `nan` says
/// nothing; naming the first one found tells the user which weight or input to scale down.
public struct NonFinite: Sendable, Equatable {
    /// The quantity, e.g. `z_0^2` as a symbol.
    public let symbol: Symbol
    public let value: Double
    /// The sample whose pass computed it; `nil` for a mean over the samples or a parameter.
    public let sample: Int?
    public let layer: Int
    public let node: Int

    package init(symbol: Symbol, value: Double, sample: Int?, layer: Int, node: Int) {
        (self.symbol, self.value, self.sample, self.layer, self.node) = (symbol, value, sample, layer, node)
    }
}

/// The numbers of one sample's passes a command shows, and so needs finite: a command is refused
/// for what it prints, never for a number it does not use.
public enum FiniteCheck: Sendable, Equatable {
    /// Every `z_j^l` and `a_j^l` (`forward`, `diagram`).
    case activations
    /// Every output's loss term and `C_s` (`forward`).
    case loss
    /// `∂C_s/∂w_jk^l = ∂C_s/∂a_j^l · g_l'(z_j^l) · a_k^(l-1)` and its three factors (`diagram` with a
    /// weight, every sample's row of `step --average`).
    case product(layer: Int, j: Int, k: Int)
    /// The rest of what `step` explains of that product: `z_j^l`, `a_j^l`, the outputs `a^L`, and
    /// `g'(z)` and `∂C_s/∂a` of every node of the layers above `l`.
    case chainRule(layer: Int, j: Int, k: Int)
    /// The whole forward and backward pass: every `z`, `a`, `g'(z)`, loss term, `C_s`, `∂C_s/∂a`,
    /// `∂C_s/∂w_jk^l` and `∂C_s/∂b_j^l` (`walk`).
    case everything

    /// Whether the checks in `checks` cover `z_j^l` (`a` false) or `a_j^l` (`a` true).
    static func forward(_ checks: [FiniteCheck], layer l: Int, node j: Int, a: Bool, depth: Int) -> Bool {
        checks.contains {
            switch $0 {
            case .activations, .everything: return true
            case .loss: return false
            case .product(let pl, _, let k): return a && l == pl - 1 && j == k
            case .chainRule(let cl, let cj, _): return (l == cl && j == cj) || (a && l == depth)
            }
        }
    }

    /// Whether the checks cover `g_l'(z_j^l)` and `∂C_s/∂a_j^l`.
    static func backward(_ checks: [FiniteCheck], layer l: Int, node j: Int) -> Bool {
        checks.contains {
            switch $0 {
            case .everything: return true
            case .activations, .loss: return false
            case .product(let pl, let pj, _): return l == pl && j == pj
            case .chainRule(let cl, let cj, _): return l > cl || (l == cl && j == cj)
            }
        }
    }

    /// Whether the checks cover `∂C_s/∂w_jk^l` (`k` set) or `∂C_s/∂b_j^l`.
    static func gradient(_ checks: [FiniteCheck], layer l: Int, j: Int, k: Int?) -> Bool {
        checks.contains {
            switch $0 {
            case .everything: return true
            case .product(let pl, let pj, let pk): return l == pl && j == pj && k == pk
            case .activations, .loss, .chainRule: return false
            }
        }
    }
}

extension Network {
    /// The first non-finite quantity of the forward and backward passes of all samples
    /// (``FiniteCheck/everything``), found cheaply through the engine: only when its means or one of
    /// its values are not finite are the samples traced one by one. `nil` when every number is finite.
    package func firstNonFinite() -> NonFinite? {
        let result = Engine().run(self)
        let finite = result.allFinite && result.gradients.allFinite
        return finite ? nil : firstNonFinite(samples: samples.indices)
    }

    /// The first non-finite number the `checks` cover, searched sample by sample in the order the
    /// engine computes them: `z`, `a` and `g'(z)` layer by layer, the loss, then `∂C/∂a` from the
    /// output layer down, then every `∂C_s/∂w_jk^l` and `∂C_s/∂b_j^l` (a product of finite numbers
    /// can still overflow).
    package func firstNonFinite(samples chosen: some Sequence<Int>, checks: [FiniteCheck] = [.everything]) -> NonFinite? {
        for s in chosen {
            let t = uncheckedTrace(sample: s)
            func found(_ symbol: Symbol, _ value: Double, layer: Int, node: Int) -> NonFinite? {
                value.isFinite ? nil : NonFinite(symbol: symbol, value: value, sample: s, layer: layer, node: node)
            }
            for l in 1...depth {
                let layer = t.layer(l)
                for j in layer.z.indices {
                    let node = Symbol.Index.number(j)
                    if FiniteCheck.forward(checks, layer: l, node: j, a: false, depth: depth),
                       let bad = found(.z(layer: l, node), layer.z[j], layer: l, node: j) { return bad }
                    if FiniteCheck.forward(checks, layer: l, node: j, a: true, depth: depth),
                       let bad = found(.a(layer: l, node), layer.a[j], layer: l, node: j) { return bad }
                    if FiniteCheck.backward(checks, layer: l, node: j),
                       let bad = found(.gPrime(layer: l, node), layer.gPrime[j], layer: l, node: j) { return bad }
                }
            }
            if checks.contains(.loss) || checks.contains(.everything) {
                for j in t.lossTerms.indices {
                    if let bad = found(.loss(.sample(s)), t.lossTerms[j], layer: depth, node: j) { return bad }
                }
                if let bad = found(.loss(.sample(s)), t.loss, layer: depth, node: 0) { return bad }
            }
            for l in stride(from: depth, through: 1, by: -1) {
                // A stable-form output layer goes on with δ = ∂C_s/∂z, not with ∂C_s/∂a, which may be
                // infinite there (an output rounded to 0 or 1) and is then not shown as a number.
                let byDelta = l == depth && outputRule.isStableForm
                for j in 0..<size(ofLayer: l) where FiniteCheck.backward(checks, layer: l, node: j) {
                    let node = Symbol.Index.number(j)
                    let (symbol, value) = byDelta ? (Symbol.z(layer: l, node), t.layer(l).delta[j]) : (.a(layer: l, node), t.layer(l).dCda[j])
                    if let bad = found(.partial(.loss(.sample(s)), symbol), value, layer: l, node: j) { return bad }
                }
            }
            for l in stride(from: depth, through: 1, by: -1) {
                for j in 0..<size(ofLayer: l) {
                    if FiniteCheck.gradient(checks, layer: l, j: j, k: nil),
                       let bad = found(.partial(.loss(.sample(s)), .b(layer: l, .number(j))), t.biasGradient(layer: l, j: j),
                                       layer: l, node: j) { return bad }
                    for k in 0..<size(ofLayer: l - 1) where FiniteCheck.gradient(checks, layer: l, j: j, k: k) {
                        if let bad = found(.partial(.loss(.sample(s)), .w(layer: l, .number(j), .number(k))),
                                           t.weightGradient(layer: l, j: j, k: k), layer: l, node: j) { return bad }
                    }
                }
            }
        }
        return nil
    }

    /// The first weight or bias that is not finite, layer by layer from `l = 1`, weights before biases.
    package func firstNonFiniteParameter() -> NonFinite? {
        for l in 1...depth {
            let layer = self.layer(l)
            for (j, row) in layer.weights.enumerated() {
                for (k, w) in row.enumerated() where !w.isFinite {
                    return NonFinite(symbol: .w(layer: l, .number(j), .number(k)), value: w, sample: nil, layer: l, node: j)
                }
            }
            for (j, b) in (layer.biases ?? []).enumerated() where !b.isFinite {
                return NonFinite(symbol: .b(layer: l, .number(j)), value: b, sample: nil, layer: l, node: j)
            }
        }
        return nil
    }
}

extension Gradients {
    /// Whether the loss and every gradient are finite.
    package var allFinite: Bool {
        loss.isFinite && layers.allSatisfy { $0.biases.allSatisfy { $0.isFinite } && $0.weights.allSatisfy { $0.allSatisfy { $0.isFinite } } }
    }

    /// The first of `C` and the means `∂C/∂w_jk^l`, `∂C/∂b_j^l` (layer by layer from `l = 1`) that
    /// is not finite, for when no single sample's number is to blame.
    package var firstNonFinite: NonFinite? {
        if !loss.isFinite { return NonFinite(symbol: .loss(.mean), value: loss, sample: nil, layer: layers.count, node: 0) }
        for (i, layer) in layers.enumerated() {
            for (j, row) in layer.weights.enumerated() {
                for (k, g) in row.enumerated() where !g.isFinite {
                    return NonFinite(symbol: .partial(.loss(.mean), .w(layer: i + 1, .number(j), .number(k))), value: g,
                                     sample: nil, layer: i + 1, node: j)
                }
            }
            for (j, g) in layer.biases.enumerated() where !g.isFinite {
                return NonFinite(symbol: .partial(.loss(.mean), .b(layer: i + 1, .number(j))), value: g, sample: nil, layer: i + 1, node: j)
            }
        }
        return nil
    }
}
