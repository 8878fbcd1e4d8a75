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
        case .outputDelta(let delta): return deltaFormula(delta)
        }
    }

    /// `∂C_s/∂z_i^L` of output node `i`.
    func deltaSymbol(_ node: Symbol.Index) -> Symbol { .partial(sampleLoss, .z(layer: depth, node)) }

    /// `∂C_s/∂z_j^L` in its general form: `Σ_i ∂C_s/∂a_i^L · ∂a_i^L/∂z_j^L` for softmax (the index
    /// named `index`), `∂C_s/∂a_j^L · g_L'(z_j^L)` otherwise.
    func deltaFormula(_ d: OutputDelta, index: String = "i") -> Math {
        let j = Symbol.Index.number(d.node)
        guard d.jacobian.isEmpty else {
            let i = Symbol.Index.letter(index)
            return [.sum(index), .symbol(.partial(sampleLoss, .a(layer: depth, i))), .op(.times),
                    .symbol(.partial(.a(layer: depth, i), .z(layer: depth, j)))]
        }
        return [.symbol(.partial(sampleLoss, .a(layer: depth, j))), .op(.times), .symbol(.gPrime(layer: depth, j))]
    }

    /// The simplified `∂C_s/∂z_j^L` of a stable-form rule, for formulas or numbers: `a_j · Σ_i y_i − y_j`
    /// (softmax with cross-entropy; `targets` is `Σ_i y_i`), `a_j − y_j` (sigmoid with binary
    /// cross-entropy, `targets` nil) or `−y_j · (1 − a_j)` (sigmoid with cross-entropy: `oneMinusA` is
    /// `1 − a_j`, as a formula or as the number `σ(−z_j)` the pass used).
    static func simplified(a: Math, targets: Math?, y: Math, oneMinusA: Math? = nil) -> Math {
        if let oneMinusA { return [Derivation.negative] + y.asOperand + [.op(.times)] + oneMinusA.asOperand }
        return (targets.map { a + [.op(.times)] + $0.asOperand } ?? a) + [.op(.minus)] + y.asOperand
    }

    /// The number the pass used, `stable`, where `naive` (the same quantity worked out from the shown
    /// output, e.g. `1 − a` or `ln a`) differs from it by more than a billionth of it: then the
    /// printed arithmetic shows that number, not a formula of an output that rounded to 0 or 1
    /// (`1 − 1` for `σ(−37) = 8.5e-17`). `nil` where the formula of the shown numbers is true.
    static func shown(_ stable: Double, naive: Double) -> Math? {
        abs(stable - naive) <= 1e-9 * abs(stable) ? nil : [.number(stable)]
    }

    /// `∂C_s/∂a_j^L` with the numbers in, `1 − a` as ``shown(_:naive:)`` gives it; `nil` where a
    /// cross-entropy's quotient would read `0 / 0`: an output that rounded to 0 with `y = 0` (`−y/a`),
    /// or to 1 with `y = 1` (`(1 − y)/(1 − a)`), whose term is 0 although its divisor, below the
    /// smallest double, shows as 0 (σ(−800) = 3.6e-348).
    func outputNumbers(a: Double, y: Double, oneMinusA: Double) -> Math? {
        let zeroOverZero = (loss == .crossEntropy || loss == .binaryCrossEntropy) && a == 0 && y == 0
            || loss == .binaryCrossEntropy && oneMinusA == 0 && y == 1
        return zeroOverZero ? nil : loss.derivative(a: [.number(a)], y: [.number(y)], oneMinusA: Derivation.shown(oneMinusA, naive: 1 - a))
    }

    /// `1 − a` as a formula, e.g. `(1 − a_j^L)`.
    static func oneMinus(_ a: Math) -> Math { [.parenthesized([.number(1), .op(.minus)] + a.asOperand)] }

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

    /// The factors of a summand of `s`, with its index as a letter: three, or `∂C_s/∂z_i^L · w_ik^L`.
    func sumFactors(_ s: NodeSum) -> [Math] {
        let i = Symbol.Index.letter(s.index), upper = s.layer + 1
        let weight = Math.of(.w(layer: upper, i, .number(s.node)))
        if s.throughDelta { return [.of(deltaSymbol(i)), weight] }
        return [.of(.partial(sampleLoss, .a(layer: upper, i))), .of(.gPrime(layer: upper, i)), weight]
    }

    /// The factors of one sample's product in an average, `∂C_s/∂a_j^l · g_l'(z_j^l) · a_k^(l-1)` or
    /// `∂C_s/∂z_j^L · a_k^(L-1)` (``Average/throughDelta``), with the sample as the letter s: the rows
    /// of the average give their numbers under this one formula, so no row repeats the symbols.
    static func sampleProductFactors(layer l: Int, j: Int, k: Int, throughDelta: Bool) -> [Math] {
        let C = Symbol.loss(.anySample), node = Symbol.Index.number(j)
        let input = Math.of(.a(layer: l - 1, .number(k)))
        if throughDelta { return [.of(.partial(C, .z(layer: l, node))), input] }
        return [.of(.partial(C, .a(layer: l, node))), .of(.gPrime(layer: l, node)), input]
    }
}
