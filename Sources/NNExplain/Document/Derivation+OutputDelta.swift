/// `∂C_s/∂z_j^L` of an output layer that is not the article's chain (``OutputRule``): softmax,
/// whose Jacobian sum is written out summand by summand, and the cross-entropies taken together
/// with their activation, whose `g′` cancels. See docs/notation.md, "Softmax and the cross-entropies".
extension Derivation {
    /// Term 1 of an output weight: `∂C_s/∂z_j^L` in its general form with its numbers, then the
    /// simplification the backward pass computes.
    func outputDeltaBlocks(_ g: OutputDelta) -> [Document.Block] {
        let C = sampleLoss, j = Symbol.Index.number(g.node)
        let lhs = Math.of(deltaSymbol(j))
        let a = Symbol.a(layer: depth, j), z = Symbol.z(layer: depth, j)
        let lossLine: [Document.Inline] = [m(loss.formula(loss: C, depth: depth)), ", so ",
                                           m(Math.of(.partial(C, .a(layer: depth, .letter("i")))) + [.op(.equals)] + outputFormula(letter: "i")), "."]
        guard g.jacobian.isEmpty else { return softmaxBlocks(g, lhs: lhs, lossLine: lossLine) }
        // Sigmoid with binary cross-entropy: the two article terms, and their product a − y.
        var blocks: [Document.Block] = [.line(lhs, deltaFormula(g))]
        if g.dCda.isFinite {
            blocks.append(.nested([
                .equation(lhs: .of(.partial(C, a)), steps: [outputFormula(g.node)] + [outputNumbers(a: g.a, y: g.y, oneMinusA: g.oneMinusA)].compactMap { $0 }
                                                             + [[.number(g.dCda)]], chain: false),
                .equation(lhs: .of(.gPrime(layer: depth, j)), steps: [Activation.sigmoid.derivativeFormula(a: .of(a)) ?? [],
                                                                      [.number(g.gPrime)]], chain: false),
            ]))
        }
        blocks.append(.reason([
            lossLine,
            [m(.partial(C, a)), " is ", m([.parenthesized(simplifiedFormula(g)), .op(.divided)]
                + [.parenthesized(Activation.sigmoid.derivativeFormula(a: .of(a)) ?? [])]),
             " and the sigmoid's slope is ", m(Activation.sigmoid.derivativeFormula(a: .of(a)) ?? []), ": the g′ cancels."],
            ["This is why cross-entropy does not suffer the saturated-sigmoid slowdown of lesson 8: however flat the sigmoid is at ",
             m(z), ", a wrong output still gets a gradient as large as its error."],
        ]))
        if !g.dCda.isFinite {
            blocks.append(.paragraph([m(a), " is so close to \(g.a > 0.5 ? 1 : 0) here that ", m(.partial(C, a)),
                                      " is beyond the largest double (about 1.8e308), so the product above cannot be taken; the stable form ",
                                      m(simplifiedFormula(g)), " was used."]))
        }
        blocks.append(.chain(lhs, [simplifiedFormula(g), simplifiedNumbers(g), [.number(g.value)]]))
        return blocks
    }

    /// Softmax: `Σ_i ∂C_s/∂a_i^L · a_i^L(δ_ij − a_j^L)`, one row per summand, the diagonal named;
    /// then, with cross-entropy, the collapse to `a_j^L · Σ_i y_i − y_j`.
    private func softmaxBlocks(_ g: OutputDelta, lhs: Math, lossLine: [Document.Inline]) -> [Document.Block] {
        let C = sampleLoss, j = Symbol.Index.number(g.node), i = Symbol.Index.letter("i")
        let aj = Symbol.a(layer: depth, j)
        let entry = Math([.symbol(.a(layer: depth, i)), .parenthesized([.kronecker("i", "\(g.node)"),
                                                                        .op(.minus), .symbol(aj)])])
        var blocks: [Document.Block] = [
            .line(lhs, deltaFormula(g), [.sum("i"), .symbol(.partial(C, .a(layer: depth, i))), .op(.times)] + entry),
            .reason([
                ["Softmax makes every ", m(.a(layer: depth, i)), " depend on ", m(.z(layer: depth, j)),
                 " (they share the denominator), so ", m(.z(layer: depth, j)), " reaches ", m(C), " through every output node, and their effects add up."],
                [m(Math.of(.partial(.a(layer: depth, i), .z(layer: depth, j))) + [.op(.equals)] + entry), ", where ",
                 m([.kronecker("i", "\(g.node)")]), " is 1 for ", v("i", g.node), " and 0 otherwise (Kronecker's δ, not Nielsen's)."],
                lossLine,
            ]),
        ]
        if g.partialsAreFinite {
            let header: [Math] = [[.word("i")], .of(.partial(C, .a(layer: depth, i))), .of(.partial(.a(layer: depth, i), .z(layer: depth, j))),
                                  [.word("summand")]]
            blocks.append(.nested([.table(header: header, rows: g.jacobian.map { t in
                [[.word(t.i == g.node ? "\(t.i) (i = j)" : String(t.i))], [.number(t.dCda)], [.number(t.entry)], [.number(t.value)]]
            }, operators: [nil, .times, .equals])]))
            let diagonal = g.jacobian[g.node]
            blocks.append(.reason([[
                "The diagonal summand, ", v("i", g.node), ", is the only one whose ", m(.partial(.a(layer: depth, i), .z(layer: depth, j))),
                " is ", m([.symbol(aj), .parenthesized([.number(1), .op(.minus), .symbol(aj)])]), " = ", m([.number(diagonal.entry)]),
                ", never negative: raising ", m(.z(layer: depth, j)), " raises ", m(aj), " and lowers every other output, whose entries are ",
                m([Derivation.negative, .symbol(.a(layer: depth, i)), .op(.times), .symbol(aj)]), ".",
            ]]))
            let sum: [Math] = g.jacobian.count == 1 ? [] : [.sum(g.jacobian.map { $0.value })]
            if g.rule == .jacobian { return blocks + [.chain(lhs, sum + [[.number(g.value)]])] }
            blocks.append(.chain(lhs, sum + [[.number(g.jacobian.map { $0.value }.reduce(0, +))]]))
        } else {
            blocks.append(.paragraph([
                "An output is so close to 0 here that its ", m(.partial(C, .a(layer: depth, i))),
                " = −y_i / a_i is beyond the largest double (about 1.8e308), so the summands cannot be taken one by one; the stable form below was used.",
            ]))
        }
        blocks.append(.reason([[
            "With cross-entropy, ", m(.partial(C, .a(layer: depth, i))), " · ", m(.a(layer: depth, i)), " = ", m([Derivation.negative, .symbol(.y(i))]),
            ", so the summands are ", m([Derivation.negative, .symbol(.y(i)), .parenthesized([.kronecker("i", "\(g.node)"), .op(.minus), .symbol(aj)])]),
            " and the sum collapses to ", m(simplifiedFormula(g)), ", which needs no division by an output. The backward pass computes this form; ",
            "it is the sum above up to rounding.",
        ]]))
        blocks.append(.chain(lhs, [simplifiedFormula(g), simplifiedNumbers(g), [.number(g.value)]]))
        let shortcut = m(Derivation.simplified(a: .of(aj), targets: nil, y: .of(.y(j))))
        let aMinusY = m([.variable("a"), .op(.minus), .variable("y")])
        if g.targetSum == 1 && g.targetsSumExactlyToOne {
            blocks.append(.paragraph(["The targets sum to exactly 1, so this is ", shortcut, ", the well-known ", aMinusY, "."]))
        } else if g.targetSum == 1 {
            blocks.append(.paragraph([
                "The targets sum to 1 in doubles, so this is ", shortcut, ", the well-known ", aMinusY, ".",
            ]))
        } else if abs(g.targetSum - 1) <= Derivation.sumRounding {
            blocks.append(.paragraph([
                "The targets sum to 1 up to the rounding of their sum in doubles (", m([.word(g.targetSum.formatted)]), "), so this is ",
                shortcut, ", the well-known ", aMinusY, ", up to that rounding.",
            ]))
        } else {
            blocks.append(.paragraph([
                "The targets sum to ", m([.word(g.targetSum.formatted)]), ", not 1, so the shortcut ",
                shortcut, " would be wrong here; the general form above is the gradient.",
            ]))
        }
        return blocks
    }

    /// How far from 1 a sum of targets that are meant to sum to 1 may land by rounding alone: four units
    /// in the last place of 1 (0.2 + 0.7 + 0.1 is 0.9999999999999999 in doubles).
    static let sumRounding = 4 * (1.0).ulp

    /// A leading minus sign, written against what follows.
    static let negative = Math.Piece.op(.negative)

    /// `a_j^L · Σ_i y_i − y_j`, `a_j^L − y_j` or `−y_j (1 − a_j^L)` as a formula.
    func simplifiedFormula(_ g: OutputDelta) -> Math {
        let j = Symbol.Index.number(g.node), a = Math.of(.a(layer: depth, j))
        return Derivation.simplified(a: a, targets: g.rule == .softmaxCrossEntropy ? [.sum("i"), .symbol(.y(.letter("i")))] : nil,
                                     y: .of(.y(j)), oneMinusA: g.rule == .sigmoidCrossEntropy ? Derivation.oneMinus(a) : nil)
    }

    /// The same with the numbers in; `1 − a_j^L` as the number the pass used, `σ(−z_j^L)`, where the
    /// shown `a_j^L` would not give it (``Derivation/shown(_:naive:)``): then binary cross-entropy's
    /// `a − y` is worked as `(1 − y) − (1 − a)` and softmax's `a · Σ_i y_i − y` as
    /// `(Σ_i y_i − y) − Σ_i y_i · (1 − a)`, as the pass does.
    func simplifiedNumbers(_ g: OutputDelta) -> Math {
        if g.rule == .sigmoidBinaryCrossEntropy, let c = Derivation.shown(g.oneMinusA, naive: 1 - g.a) {
            return Derivation.oneMinus([.number(g.y)]) + [.op(.minus)] + c.asOperand
        }
        if g.rule == .softmaxCrossEntropy, let c = Derivation.shown(g.oneMinusA, naive: 1 - g.a) {
            return [.parenthesized([.number(g.targetSum), .op(.minus), .number(g.y)]), .op(.minus), .number(g.targetSum), .op(.times)] + c.asOperand
        }
        return Derivation.simplified(a: [.number(g.a)], targets: g.rule == .softmaxCrossEntropy ? [.number(g.targetSum)] : nil, y: [.number(g.y)],
                              oneMinusA: g.rule != .sigmoidCrossEntropy ? nil
                                  : Derivation.shown(g.oneMinusA, naive: 1 - g.a) ?? Derivation.oneMinus([.number(g.a)]))
    }

    /// `∂C_s/∂a_i^L` from the loss with the index as a letter.
    private func outputFormula(letter: String) -> Math {
        loss.derivative(a: .of(.a(layer: depth, .letter(letter))), y: .of(.y(.letter(letter))))
    }

    /// Every output node's `∂C_s/∂z_i^L`, one line each, for the end of a hidden weight's sums.
    func outputDeltaLines() -> [Document.Block] {
        outputDeltas.map { g in
            let lhs = Math.of(deltaSymbol(.number(g.node)))
            if g.rule == .jacobian {
                return .equation(lhs: lhs, steps: [deltaFormula(g, index: "p"), .sum(g.jacobian.map { $0.value }), [.number(g.value)]], chain: false)
            }
            return .equation(lhs: lhs, steps: [simplifiedFormula(g), simplifiedNumbers(g), [.number(g.value)]], chain: false)
        }
    }
}
