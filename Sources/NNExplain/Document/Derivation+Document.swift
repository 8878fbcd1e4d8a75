/// `nnexplain step` as a document: the chain rule, each term with its formula, numbers and value, the
/// hidden-layer sums written out and traced back to the output layer, and a reason beside each step.
extension Derivation {
    public var document: Document {
        let (l, j, k) = (layer, self.j, self.k)
        let C = sampleLoss
        let w = Symbol.w(layer: l, .number(j), .number(k))
        let a = Symbol.a(layer: l, .number(j)), z = Symbol.z(layer: l, .number(j))
        let input = Symbol.a(layer: l - 1, .number(k))
        let gradient = Math.of(.partial(C, w))
        var terms: [Math] = [.of(.partial(C, a)), .of(.partial(a, z)), .of(.partial(z, w))]
        let byDelta: Bool
        if case .outputDelta = first { byDelta = true } else { byDelta = false }
        if byDelta { terms = [.of(.partial(C, z)), .of(.partial(z, w))] }

        var blocks: [Document.Block] = []
        if let average, let batch = average.batch {
            let samples = average.samples.map { $0.sample }
            blocks.append(.title([m(.partial(.loss(.batch), w)), ", averaged over the mini-batch "]
                + Explanation.batchSummary(samples, of: batch.sampleCount)))
        } else if let average {
            let n = average.samples.count
            blocks.append(.title([m(.partial(.loss(.mean), w)), ", averaged over the \(n) sample\(n == 1 ? "" : "s")"]))
        } else {
            blocks.append(.title([m(gradient), ", for sample \(sample)"]))
        }
        blocks.append(.paragraph([
            m(w), " is the weight on the edge from node \(k) of layer ", Document.Inline.layer(l - 1, full: false),
            " to node \(j) of layer ", .layer(l, full: true),
            l == depth ? ", the output layer" : ", a hidden layer", "; this network has ", v("L", depth), ".",
        ]))
        if let average, average.samples.count > 1 {
            let others = average.samples.count - 1
            let rest = others == 1 ? "the other sample follows" : "the other \(others) follow"
            blocks.append(.paragraph(["Sample \(sample) is worked in full first; \(rest) the same steps."]))
        }

        let why: [Document.Inline] = !byDelta
            ? [m(w), " changes ", m(z), ", ", m(z), " changes ", m(a), ", and ", m(a), " changes ", m(C), "; the three rates of change multiply."]
            : slope.activation == .softmax
            ? [m(w), " changes ", m(z), ", and ", m(z), " changes ", m(C), " through every output of the softmax, not through ", m(a),
               " alone; so the article's first two terms, ", m(.partial(C, a)), " · ", m(.partial(a, z)), ", become one, ", m(.partial(C, z)), "."]
            : [m(w), " changes ", m(z), ", and ", m(z), " changes ", m(C), "; with \(loss == .crossEntropy ? "" : "binary ")cross-entropy the article's first two terms, ",
               m(.partial(C, a)), " · ", m(.partial(a, z)), ", are best taken together as ", m(.partial(C, z)), "."]
        blocks += [.gap, .section(heading: ["Chain rule"], blocks: [.line(gradient, Math.joined(terms, by: .times)), .reason([why])])]

        blocks += [.gap, .section(heading: ["Term 1: ", m(terms[0])], blocks: firstTermBlocks())]

        if !byDelta { blocks += [.gap, .section(heading: ["Term 2: ", m(terms[1])], blocks: slopeBlocks)] }

        let inputName: Math = l - 1 == 0 ? inputFormula + [.op(.equals), .symbol(.x(.number(k)))] : inputFormula
        let zFormula: Math = [.symbol(z), .op(.equals), .sum("k"), .symbol(.w(layer: l, .number(j), .letter("k"))),
                              .op(.times), .symbol(.a(layer: l - 1, .letter("k")))]
            + (hasBias ? [.op(.plus), .symbol(.b(layer: l, .number(j)))] : [])
        blocks += [.gap, .section(heading: ["Term \(terms.count): ", m(terms[terms.count - 1])], blocks: [
            .chain(terms[terms.count - 1], [inputName, [.number(self.input)]]),
            .reason([[m(zFormula), "; only the ", v("k", k), " term holds ", m(w), ", and its slope is ", m(input), "."]]),
        ])]

        var result: [Document.Block] = [.chain(gradient, [.product(factors), [.number(value)]])]
        if let average {
            blocks += [.gap, .section(heading: ["Result"], blocks: result)]
            result = Explanation.averageRows(average, layer: l, j: j, k: k) + [direction(average.value, weight: w, loss: .loss(average.loss))]
            blocks += [.gap, .section(heading: [average.batch == nil ? "Average over the samples" : "Average over the batch"], blocks: result)]
        } else {
            blocks += [.gap, .section(heading: ["Result"], blocks: result + [direction(value, weight: w, loss: C)])]
        }
        return Document(blocks)
    }

    /// Term 2: `g_l'(z_j^l)`, its formula, the numbers substituted and why it is there.
    var slopeBlocks: [Document.Block] {
        let (l, j) = (layer, self.j)
        let a = Symbol.a(layer: l, .number(j)), z = Symbol.z(layer: l, .number(j))
        var slopeSteps: [Math] = [slopeFormula]
        switch slope.substitution {
        case .value(let value, let oneMinusA):
            // A saturated tanh's slope is sech² z, which 1 − (a)² of the shown a would not give: no numbers then.
            let numbers = slope.activation == .tanh && Derivation.shown(slope.value, naive: 1 - value * value) != nil ? nil
                : slope.activation.derivativeFormula(a: [.number(value)], oneMinusA: Derivation.shown(oneMinusA, naive: 1 - value))
            slopeSteps += [slope.activation.derivativeFormula(a: .of(a)) ?? []] + (numbers.map { [$0] } ?? []) + [[.number(slope.value)]]
        case .branch(let zValue, let positive, let value):
            slopeSteps.append([.number(value), .word(", since "), .symbol(z), .op(.equals), .number(zValue),
                               .op(positive ? .greater : .lessOrEqual), .number(0)])
        case .constant(let value):
            slopeSteps.append([.number(value)])
        }
        let definition: [Document.Inline] = [m([.symbol(a), .op(.equals), .activation(l), .parenthesized(.of(z))]), " with ",
                                             m([.activation(l)]), " = \(slope.activation.rawValue)"]
        var blocks: [Document.Block] = [.chain(.of(.partial(a, z)), slopeSteps)]
        if slope.isAtKink {
            let (left, right) = slope.sideSlopes
            let side = slope.value == left ? "left" : "right"
            blocks.append(.reason([definition + [
                ", which is not differentiable at ", m([.symbol(z), .op(.equals), .number(0)]), ": its slope is ",
                m([.number(left)]), " for ", m([.variable("z"), .op(.less), .integer(0)]), " and ", m([.number(right)]), " for ", m([.variable("z"), .op(.greater), .integer(0)]), ". This term uses the one-sided slope from the \(side), ",
                m([.number(slope.value)]), ", the convention PyTorch follows too.",
            ]]))
        } else {
            blocks.append(.reason([definition + [", so this term is the slope of the activation at ",
                                                 m([.symbol(z), .op(.equals), .number(slope.z)]), "."]]))
        }
        if slope.activation.isSaturated(z: slope.z, derivative: slope.value) {
            blocks.append(.paragraph([
                "Note: the \(slope.activation.rawValue) is saturated here: ", m(z), " is far from 0, so its slope is ",
                "almost 0 and every gradient through this node nearly vanishes. That is the vanishing-gradient ",
                "problem, a lesson rather than a bug.",
            ]))
        }
        return blocks
    }

    /// Term 1: from the loss at the output layer, or the sum over the layer above, traced back to the
    /// output layer unless `traceBack` is false (the walk has shown those layers already).
    func firstTermBlocks(traceBack showTraceBack: Bool = true) -> [Document.Block] {
        let C = sampleLoss
        switch first {
        case .outputDelta(let delta):
            return outputDeltaBlocks(delta)
        case .output(let gradient):
            let half: [Document.Inline] = loss == .halfSquared ? [" (the ½ cancels the 2 of the square)"] : []
            return [
                .chain(.of(.partial(C, .a(layer: depth, .number(gradient.node)))), outputSteps(gradient)),
                .reason([[m(loss.formula(loss: C, depth: depth)), "; only the ", v("j", gradient.node), " term holds ",
                          m(.a(layer: depth, .number(gradient.node)))] + half
                         + [", and the target ", m(.y(.number(gradient.node))), " is a constant."]]),
            ]
        case .hidden(let sum, let traceBack, let outputs):
            var blocks = nodeSumBlocks(sum)
            blocks.insert(.reason([
                [m(.a(layer: layer, .number(j))), " feeds every node ", v(sum.index), " of layer ", Document.Inline.layer(layer + 1, full: false),
                 ", and each of them moves ", m(C), ", so their effects add up."],
                ["(", v(sum.index), " runs over the \(sum.summands.count) node\(sum.summands.count == 1 ? "" : "s") of layer ",
                 .layer(layer + 1, full: false), "; it is not ", v("j"), ", the node of layer ", .layer(layer, full: false),
                 " whose ", anyNodeDCda, " this is.)"],
            ]), at: 1)
            guard showTraceBack else { return blocks }
            var letter = sum.index
            for sums in traceBack {
                blocks += [.gap, .paragraph([
                    "Each ", m(.partial(C, .a(layer: sums[0].layer, .letter(letter)))),
                    " above is a sum of the same kind, one layer closer to the output (index ", v(sums[0].index), "):",
                ])]
                blocks.append(.nested(sums.flatMap { nodeSumBlocks($0) }))
                letter = sums[0].index
            }
            let lossLines: [Document.Block] = outputs.map { g in
                .equation(lhs: .of(.partial(C, .a(layer: depth, .number(g.node)))), steps: outputSteps(g), chain: false)
            }
            guard let rule = outputDeltas.first?.rule else {
                blocks += [.gap, .paragraph([
                    "Each ", m(.partial(C, .a(layer: depth, .letter(letter)))), " comes from the loss, ",
                    m(loss.formula(loss: C, depth: depth)), ":",
                ])]
                return blocks + [.nested(lossLines)]
            }
            let zi = Symbol.z(layer: depth, .letter(letter))
            let ai = Math.of(.a(layer: depth, .letter(letter)))
            let general = Derivation.simplified(a: ai, targets: rule == .softmaxCrossEntropy ? [.sum("p"), .symbol(.y(.letter("p")))] : nil,
                                                y: .of(.y(.letter(letter))), oneMinusA: rule == .sigmoidCrossEntropy ? Derivation.oneMinus(ai) : nil)
            let form: [Document.Inline] = switch rule {
            case .jacobian: [" is softmax's Jacobian sum over the output nodes (index ", v("p"), "), from ", m(loss.formula(loss: C, depth: depth)),
                             "; it needs the ", m(.partial(C, .a(layer: depth, .letter("p")))), " listed after it:"]
            case .softmaxCrossEntropy: [" of softmax with cross-entropy is the collapsed Jacobian sum, ", m(general), ":"]
            default: [" of a sigmoid with \(loss == .crossEntropy ? "" : "binary ")cross-entropy is ", m(general), ", the g′ cancelled:"]
            }
            blocks += [.gap, .paragraph(["Each ", m(.partial(C, zi))] + form)]
            return blocks + [.nested(outputDeltaLines() + (rule == .jacobian ? lossLines : []))]
        }
    }

    /// `2(a_j^L − y_j)`, `2(0.5 − 1)`, `-1`: the output-layer term as formula, numbers and value.
    private func outputSteps(_ g: OutputGradient) -> [Math] {
        [outputFormula(g.node)] + [outputNumbers(a: g.a, y: g.y, oneMinusA: g.oneMinusA)].compactMap { $0 } + [[.number(g.value)]]
    }

    /// A hidden-layer sum: its formula, one row per summand with its three factors, and the total.
    private func nodeSumBlocks(_ s: NodeSum) -> [Document.Block] {
        let lhs = Math.of(.partial(sampleLoss, .a(layer: s.layer, .number(s.node))))
        let factors = sumFactors(s)
        return [
            .line(lhs, sumFormula(s)),
            .nested([.table(
                header: [[.word(s.index)]] + factors + [[.word("summand")]],
                rows: s.summands.map { [[.word(String($0.i))]] + $0.factors.map { [.number($0)] } + [[.number($0.value)]] },
                operators: [nil] + Array(repeating: .times, count: factors.count - 1) + [.equals])]),
            .chain(lhs, s.summands.count == 1 ? [[.number(s.value)]] : [.sum(s.summands.map { $0.value }), [.number(s.value)]]),
        ]
    }

    /// What the sign of a gradient tells gradient descent, to first order, and why a zero is zero.
    /// On a kink the rate is one-sided, and the sentence says so instead.
    private func direction(_ value: Double, weight w: Symbol, loss: Symbol) -> Document.Block {
        let a = Symbol.a(layer: layer - 1, .number(k)), z = Symbol.z(layer: layer, .number(j))
        let descent: [Document.Inline] = value > 0 ? ["gradient descent, which subtracts a positive learning rate times the gradient, makes ", m(w), " smaller."]
            : value < 0 ? ["gradient descent, which subtracts a positive learning rate times the gradient, makes ", m(w), " larger."]
            : ["gradient descent leaves ", m(w), " as it is."]
        let sign = value > 0 ? "Positive" : value < 0 ? "Negative" : "Zero"
        let text: [Document.Inline]
        if !value.isFinite {
            text = ["Not a number a direction can be read from: the gradient is \(value)."]
        } else if average == nil && value == 0 && input == 0 {
            text = ["Zero: the input ", m(a), " is 0, so ", m(w), " does not change ", m(z), " at all, nor ", m(loss), "; "] + descent
        } else if !kinks.isEmpty {
            let own = kinks.contains { $0.sample == sample && $0.layer == layer && $0.node == j }
            let n = kinks.count
            let place: [Document.Inline] = own && n == 1 ? [m(z), " sits exactly on the kink at 0 (see Term 2)"]
                : ["\(n) node\(n == 1 ? "" : "s") on this gradient's path\(own ? ", this one among them," : "")",
                   " \(n == 1 ? "sits" : "sit") exactly on the kink ", v("z", 0), " of \(n == 1 ? "its" : "their") activation"]
            text = ["\(sign) only by the kink convention: "] + place
                + [", where there is no derivative and a one-sided slope is used, so a small change in ", m(w),
                   " one way can change ", m(loss), " at another rate than this. Still, "] + descent
        } else if value == 0 && average == nil && factors.allSatisfy({ $0 != 0 }) {
            text = ["Zero after rounding: the three terms are not 0 but their product is too small for a double, so the ",
                    "true gradient is tiny rather than 0; "] + descent
        } else if value > 0 {
            text = ["Positive: to first order, a small increase in ", m(w), " increases ", m(loss), ", so "] + descent
        } else if value < 0 {
            text = ["Negative: to first order, a small increase in ", m(w), " decreases ", m(loss), ", so "] + descent
        } else {
            text = ["Zero: to first order, a small change in ", m(w), " does not change ", m(loss), ", so "] + descent
        }
        return .paragraph(text)
    }
}
