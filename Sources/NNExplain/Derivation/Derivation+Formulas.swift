/// The formulas of a derivation, each built once here and written by every renderer: the step
/// document shows them with their numbers, the JSON renderer writes them as the `formula` strings.
extension Derivation {
    /// `C_s`, the loss of the sample worked in full.
    var sampleLoss: Symbol { .loss(.sample(sample)) }

    /// Term 1's formula: `2(a_j^L − y_j)` at the output layer, or the sum over layer `l+1`,
    /// `Σ_i ∂C_s/∂a_i^(l+1) · g_(l+1)'(z_i^(l+1)) · w_ij^(l+1)`.
    var firstFormula: Math {
        switch first {
        case .output(let gradient): return outputFormula(gradient.node)
        case .hidden(let sum, _, _): return sumFormula(sum)
        }
    }

    /// Term 2's formula: `g_l'(z_j^l) = ` the activation's derivative, e.g. `g(z)(1 − g(z))`.
    var slopeFormula: Math {
        Math.of(.gPrime(layer: layer, .number(j))) + [.op(.equals)] + slope.activation.derivativeFormula
    }

    /// Term 3's formula: `a_k^(l-1)`, the input on the weight's edge.
    var inputFormula: Math { .of(.a(layer: layer - 1, .number(k))) }

    /// `∂C_s/∂a_j^L` of output node `j` from the loss: `2(a_j^L − y_j)` (or `a_j^L − y_j`).
    func outputFormula(_ node: Int) -> Math {
        loss.derivative(a: .of(.a(layer: depth, .number(node))), y: .of(.y(.number(node))))
    }

    /// `∂C_s/∂a_k^l = Σ_i ∂C_s/∂a_i^(l+1) · g_(l+1)'(z_i^(l+1)) · w_ik^(l+1)`: the right-hand side.
    func sumFormula(_ s: NodeSum) -> Math {
        [.sum(s.index)] + Math.joined(sumFactors(s), by: .times)
    }

    /// The three factors of a summand of `s`, with its index as a letter.
    func sumFactors(_ s: NodeSum) -> [Math] {
        let i = Symbol.Index.letter(s.index), upper = s.layer + 1
        return [.of(.partial(sampleLoss, .a(layer: upper, i))), .of(.gPrime(layer: upper, i)),
                .of(.w(layer: upper, i, .number(s.node)))]
    }
}
