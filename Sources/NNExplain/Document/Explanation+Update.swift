/// Documents for `update` (and the rule `train` shares).
extension Explanation {
    static let rule: Document.Inline = m([.notation(
        text: "new weight = old weight − (learning rate × gradient)",
        latex: "\\text{new weight} = \\text{old weight} - (\\text{learning rate} \\times \\text{gradient})")])

    /// Why an update step goes against the gradient.
    private static let stepReason: Document.Block = .reason([[
        "the gradient points where ", m(.loss(.mean)), " grows fastest, so a step against it that is small enough lowers ",
        m(.loss(.mean)), " (unless the gradient is 0); the learning rate sets how long the step is.",
    ]])

    /// What the `output-first` order is, and why it is wrong.
    static let outputFirstNote: Document.Block = .paragraph([
        "Note: this is the output-first order, and it is wrong. Each layer's weights are moved as soon as ",
        "their gradients are known, and the layer below then computes its ", anyNodeDCda, " through the weights that ",
        "already moved, so the hidden-layer gradients are not the gradient of ", m(.loss(.mean)), " at any one point (the ",
        "output layer's are the same in both orders). It is here because Mazur's published training ",
        "figures came from this order.",
    ])

    /// `nnexplain update --layer … --j … --k …`: one weight's step, with every number. In the
    /// simultaneous order the gradient is the average over the samples of the network before the
    /// step, shown sample by sample; in the output-first order it is not the gradient at any one
    /// point, so it is shown as the step used it, with the note why.
    public static func update(_ step: UpdateStep, layer l: Int, j: Int, k: Int) -> Document {
        let w = Symbol.w(layer: l, .number(j), .number(k))
        let gradient = Symbol.partial(.loss(.mean), w)
        let old = step.before.layer(l).weights[j][k], new = step.after.layer(l).weights[j][k]
        let g = step.gradients.layers[l - 1].weights[j][k], η = step.learningRate
        var blocks: [Document.Block] = [
            .title(["Update of ", m(w), ": one step of gradient descent with learning rate ", m([.symbol(.learningRate), .op(.equals), .number(η)])]),
            .paragraph(["The article's rule: ", rule, "."]),
        ]
        let gradientBlocks: [Document.Block]
        switch step.order {
        case .simultaneous:
            gradientBlocks = averageRows(step.before.averagedGradient(layer: l, j: j, k: k), weight: w) + [.paragraph([
                "Each product is one sample's chain rule; the step command with ", .code("--average"), " works out every ",
                "term of sample \(Derivation.sampleInFull) in full.",
            ])]
        case .outputFirst:
            gradientBlocks = [.line(.of(gradient), [.number(g)]), outputFirstNote]
        }
        blocks += [.gap, .section(heading: ["The gradient"], blocks: gradientBlocks)]
        blocks += [.gap, .section(heading: ["The step"], blocks: [
            .chain([.word("new "), .symbol(w)], [
                [.symbol(w), .op(.minus), .symbol(.learningRate), .op(.times), .symbol(gradient)],
                [.number(old), .op(.minus), .number(η), .op(.times), .operand(g)],
                [.number(new)],
            ]),
            stepReason,
            .paragraph(["The loss over all samples: ",
                        m([.symbol(.loss(.mean)), .op(.equals), .number(step.gradients.loss)]), " before the step, ",
                        m([.symbol(.loss(.mean)), .op(.equals), .number(step.lossAfter)]), " after it. The step moves every weight",
                        step.before.hasBiases && step.before.updateBiases ? " and every bias" : "",
                        " of the network, not only ", m(w), ", so this change in ", m(.loss(.mean)),
                        " is the whole step's, not ", m(w), "'s alone."]),
        ])]
        return Document(blocks)
    }

    /// `nnexplain update` without indices: every weight and bias, old → new.
    public static func update(_ step: UpdateStep) -> Document {
        let network = step.before
        var blocks: [Document.Block] = [
            .title(["One step of gradient descent with learning rate ", m([.symbol(.learningRate), .op(.equals), .number(step.learningRate)]),
                    ", \(step.order.rawValue) order"]),
            .paragraph(["Every weight follows the article's rule, ", rule,
                        !network.hasBiases ? "." : network.updateBiases ? ", and so does every bias."
                            : "; the biases stay fixed (updateBiases is false)."]),
        ]
        if step.order == .outputFirst { blocks.append(outputFirstNote) }
        for l in 1...network.depth {
            let before = network.layer(l), after = step.after.layer(l)
            let biases = before.biases != nil
            let header: [Math] = [[]] + (0..<network.size(ofLayer: l - 1)).map { [.word("k = \($0)")] }
                + (biases ? [.of(.b(layer: l, .letter("j")))] : [])
            let rows: [[Math]] = (0..<before.size).map { j in
                [[.word("j = \(j)")]]
                    + (0..<before.weights[j].count).map { k in [.number(before.weights[j][k]), .op(.becomes), .number(after.weights[j][k])] }
                    + (biases ? [[.number(before.bias(j)), .op(.becomes), .number(after.bias(j))]] : [])
            }
            let columns: [Document.Inline] = biases ? ["; the last column holds ", m(.b(layer: l, .letter("j")))] : []
            blocks += [.gap, .section(
                heading: ["Layer ", .layer(l, full: true), ": row j, column k holds ", m(.w(layer: l, .letter("j"), .letter("k"))),
                          " old → new"] + columns,
                blocks: [.table(header: header, rows: rows,
                                operators: Array(repeating: nil, count: header.count - 2) + (biases ? [.bar] : []))])]
        }
        blocks += [.gap, .paragraph(["Loss before the step: ", m([.symbol(.loss(.mean)), .op(.equals), .number(step.gradients.loss)]),
                                     "; after it: ", m([.symbol(.loss(.mean)), .op(.equals), .number(step.lossAfter)]), "."])]
        return Document(blocks)
    }

    /// The rows of an average: one product per sample, then their mean. Each row's label is math
    /// (`s = 0`), not a word: MathML renderers squeeze a word in a table cell down to its first letter.
    static func averageRows(_ average: Derivation.Average, weight w: Symbol) -> [Document.Block] {
        let mean = Math.of(.partial(.loss(.mean), w))
        return [
            .line(mean, [.mean("s"), .symbol(.partial(.loss(.anySample), w))]),
            .reason([["C is the mean of the per-sample losses ", m(.loss(.anySample)),
                      ", and the derivative of a mean is the mean of the derivatives."]]),
            .nested([.table(header: nil, rows: average.samples.map { p in
                [[.notation(text: "s = \(p.sample):", latex: "s = \(p.sample){:}")], .of(.partial(.loss(.sample(p.sample)), w))]
                    + p.factors.map { [.number($0)] } + [[.number(p.value)]]
            }, operators: [nil, .equals] + Array(repeating: .times, count: (average.samples.first?.factors.count ?? 1) - 1) + [.equals])]),
            .chain(mean, average.samples.count == 1 ? [[.number(average.value)]]
                : [[.over(.sum(average.samples.map(\.value)), average.samples.count)], [.number(average.value)]]),
        ]
    }
}
