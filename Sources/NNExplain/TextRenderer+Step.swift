/// `nnexplain step`: one weight's gradient, term by term, with a reason beside every step.
extension TextRenderer {
    public func render(_ d: Derivation) -> String {
        let (l, j, k) = (d.layer, d.j, d.k)
        let C = Symbol.loss(.sample(d.sample))
        let w = Symbol.w(layer: l, .number(j), .number(k))
        let a = Symbol.a(layer: l, .number(j)), z = Symbol.z(layer: l, .number(j))
        let input = Symbol.a(layer: l - 1, .number(k))
        let gradient = text(.partial(C, w))
        let terms = [text(.partial(C, a)), text(.partial(a, z)), text(.partial(z, w))]
        let kind = l == d.depth ? "the output layer" : "a hidden layer"

        var out: [String] = []
        if let average = d.average {
            let n = average.samples.count
            out.append("\(text(.partial(.loss(.mean), w))), averaged over the \(n) sample\(n == 1 ? "" : "s")")
        } else {
            out.append("\(gradient), for sample \(d.sample)")
        }
        out.append("\(text(w)) is the weight on the edge from node \(k) of layer \(naming.label(l - 1)) "
            + "to node \(j) of layer \(naming.fullName(l)), \(kind); this network has L = \(d.depth).")
        if let average = d.average {
            let others = average.samples.count - 1
            if others > 0 {
                let rest = others == 1 ? "the other sample follows" : "the other \(others) follow"
                out.append("Sample 0 is worked in full first; \(rest) the same steps.")
            }
        }
        out.append("")
        out.append("Chain rule")
        out.append("  \(gradient) = \(terms.joined(separator: " · "))")
        out.append("  Why: \(text(w)) changes \(text(z)), \(text(z)) changes \(text(a)), "
            + "and \(text(a)) changes \(text(C)); the three rates of change multiply.")

        out.append("")
        out.append("Term 1: \(terms[0])")
        out += firstTerm(d, loss: C)

        out.append("")
        out.append("Term 2: \(terms[1])")
        let slopeFormula = "\(text(.gPrime(layer: l, .number(j)))) = \(d.slope.activation.derivativeFormula)"
        out += equation(terms[1], [slopeFormula] + slopeSteps(d.slope, a: text(a), z: text(z)), indent: 2)
        out.append("  Why: \(text(a)) = \(activationName(l))(\(text(z))) with \(activationName(l)) = "
            + "\(d.slope.activation.rawValue), so this term is the slope of the activation at "
            + "\(text(z)) = \(number(d.slope.z)).")

        out.append("")
        out.append("Term 3: \(terms[2])")
        let inputName = l - 1 == 0 ? "\(text(input)) = \(text(.x(.number(k))))" : text(input)
        out += equation(terms[2], [inputName, number(d.input)], indent: 2)
        let bias = d.hasBias ? " + \(text(.b(layer: l, .number(j))))" : ""
        out.append("  Why: \(text(z)) = Σ_k \(text(.w(layer: l, .number(j), .letter("k")))) · "
            + "\(text(.a(layer: l - 1, .letter("k"))))\(bias); only the k = \(k) term holds \(text(w)), "
            + "and its slope is \(text(input)).")

        out.append("")
        out.append("Result")
        out += equation(gradient, [product([d.firstValue, d.slope.value, d.input]), number(d.value)], indent: 2)
        var meaning = (value: d.value, loss: C)
        if let average = d.average {
            out.append("")
            out += averageLines(average, weight: w)
            meaning = (average.value, .loss(.mean))
        }
        out.append("  \(direction(meaning.value, weight: text(w), loss: text(meaning.loss)))")
        return out.joined(separator: "\n") + "\n"
    }

    /// Term 1: from the loss at the output layer, or the sum over the layer above and its trace back.
    private func firstTerm(_ d: Derivation, loss C: Symbol) -> [String] {
        switch d.first {
        case .output(let gradient):
            var out = equation(
                text(.partial(C, .a(layer: d.depth, .number(gradient.node)))),
                outputSteps(gradient, d: d), indent: 2)
            let half = d.loss == .halfSquared ? " (the ½ cancels the 2 of the square)" : ""
            out.append("  Why: \(d.loss.formula(loss: text(C))); only the j = \(gradient.node) term holds "
                + "\(text(.a(layer: d.depth, .number(gradient.node))))\(half), and the target "
                + "\(text(.y(.number(gradient.node)))) is a constant.")
            return out
        case .hidden(let sum, let traceBack, let outputs):
            var out = nodeSumLines(sum, loss: C, indent: 2)
            let upper = naming.label(d.layer + 1)
            out.insert(
                contentsOf: [
                    "  Why: \(text(.a(layer: d.layer, .number(d.j)))) feeds every node \(sum.index) of layer "
                        + "\(upper), and each of them moves \(text(C)), so their effects add up.",
                    "       (\(sum.index) runs over the \(sum.summands.count) nodes of layer \(upper); "
                        + "j = \(d.j) still names the node we asked about.)",
                ], at: 1)
            var letter = sum.index
            for sums in traceBack {
                out.append("")
                out.append("  Each \(text(.partial(C, .a(layer: sums[0].layer, .letter(letter))))) above is a sum "
                    + "of the same kind, one layer closer to the output (index \(sums[0].index)):")
                for s in sums { out += nodeSumLines(s, loss: C, indent: 4) }
                letter = sums[0].index
            }
            out.append("")
            out.append("  Each \(text(.partial(C, .a(layer: d.depth, .letter(letter))))) comes from the loss, "
                + "\(d.loss.formula(loss: text(C))):")
            for g in outputs {
                let lhs = text(.partial(C, .a(layer: d.depth, .number(g.node))))
                out.append("    \(lhs) = " + outputSteps(g, d: d).joined(separator: " = "))
            }
            return out
        }
    }

    /// `2(a_j^L − y_j)`, `2(0.5 − 1)`, `-1`: the output-layer term as formula, numbers and value.
    private func outputSteps(_ g: Derivation.OutputGradient, d: Derivation) -> [String] {
        let j = Symbol.Index.number(g.node)
        return [
            d.loss.derivativeFormula(a: text(.a(layer: d.depth, j)), y: text(.y(j))),
            d.loss.derivativeFormula(a: number(g.a), y: operand(g.y)),
            number(g.value),
        ]
    }

    /// A hidden-layer sum: its formula, one row per summand with its three factors, and the total.
    private func nodeSumLines(_ s: Derivation.NodeSum, loss C: Symbol, indent: Int) -> [String] {
        let i = Symbol.Index.letter(s.index), upper = s.layer + 1
        let lhs = text(.partial(C, .a(layer: s.layer, .number(s.node))))
        let factors = [
            text(.partial(C, .a(layer: upper, i))), text(.gPrime(layer: upper, i)),
            text(.w(layer: upper, i, .number(s.node))),
        ]
        var out = [String(repeating: " ", count: indent) + "\(lhs) = Σ_\(s.index) " + factors.joined(separator: " · ")]
        let header = [s.index] + factors + ["summand"]
        let rows = s.summands.map { [String($0.i), number($0.dCda), number($0.gPrime), number($0.weight), number($0.value)] }
        out += table(header: header, rows: rows, indent: indent + 2, separators: ["   ", " · ", " · ", " = "])
        out += equation(lhs, [sum(s.summands.map(\.value)), number(s.value)], indent: indent)
        return out
    }

    /// The numbers substituted into `g'(z)`, then its value.
    private func slopeSteps(_ slope: Derivation.ActivationSlope, a: String, z: String) -> [String] {
        switch slope.substitution {
        case .value(let value):
            let formula = { (a: String) in slope.activation.derivativeFormula(a: a) ?? "" }
            return [formula(a), formula(number(value)), number(slope.value)]
        case .branch(let zValue, let positive, let value):
            let test = positive ? "> 0" : "≤ 0"
            return ["\(number(value)), since \(z) = \(number(zValue)) \(test)"]
        case .constant(let value):
            return [number(value)]
        }
    }

    /// The per-sample products and their mean.
    private func averageLines(_ average: Derivation.Average, weight w: Symbol) -> [String] {
        let mean = text(.partial(.loss(.mean), w))
        var out = ["Average over the samples"]
        out.append("  \(mean) = (1/N) Σ_s \(text(.partial(.loss(.anySample), w)))")
        out.append("  Why: C is the mean of the per-sample losses C_s, and the derivative of a mean is the mean "
            + "of the derivatives.")
        let rows = average.samples.map { p in
            ["s = \(p.sample):", text(.partial(.loss(.sample(p.sample)), w)), "=", product([p.dCda, p.gPrime, p.input]),
             "=", number(p.value)]
        }
        out += table(header: nil, rows: rows, indent: 4, separators: [" ", " ", " ", " ", " "])
        let n = average.samples.count
        out += equation(mean, ["(\(sum(average.samples.map(\.value)))) / \(n)", number(average.value)], indent: 2)
        return out
    }

    /// What the sign of a gradient tells gradient descent.
    private func direction(_ value: Double, weight: String, loss: String) -> String {
        if value > 0 {
            return "Positive: increasing \(weight) would increase \(loss), so gradient descent makes \(weight) smaller."
        } else if value < 0 {
            return "Negative: increasing \(weight) would decrease \(loss), so gradient descent makes \(weight) larger."
        }
        return "Zero: a small change in \(weight) does not change \(loss), so gradient descent leaves it as it is."
    }
}
