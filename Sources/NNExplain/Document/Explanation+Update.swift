/// Documents for `update` (and the rule `train` shares).
extension Explanation {
    static let rule: Document.Inline = m([.word("new weight"), .op(.equals), .word("old weight"), .op(.minus),
                                          .bracketed([.word("learning rate"), .op(.cross), .word("gradient")], .plain)])

    /// Why an update step goes against the gradient of the loss `C` (or a batch's `C_B`).
    private static func stepReason(_ C: Symbol) -> Document.Block {
        .reason([[
            "the gradient points where ", m(C), " grows fastest, so a step against it that is small enough lowers ",
            m(C), " (unless the gradient is 0); the learning rate sets how long the step is.",
        ]])
    }

    /// The loss the step's gradient is taken of: `C`, or `C_B` for a mini-batch.
    private static func steppedLoss(_ step: UpdateStep) -> Symbol { .loss(step.batch == nil ? .mean : .batch) }

    /// `C_B` before and after the step, then `C` before and after it: what a mini-batch step did to
    /// the loss it follows and to the loss over all samples.
    private static func batchLosses(_ step: UpdateStep, _ batch: UpdateStep.Batch) -> [Document.Inline] {
        let CB = Symbol.loss(.batch), C = Symbol.loss(.mean)
        return ["The batch's loss: ", m([.symbol(CB), .op(.equals), .number(step.gradients.loss)]), " before the step, ",
                m([.symbol(CB), .op(.equals), .number(step.lossAfter)]), " after it. The loss over all \(step.before.samples.count) samples: ",
                m([.symbol(C), .op(.equals), .number(batch.lossBefore)]), " before, ",
                m([.symbol(C), .op(.equals), .number(batch.lossAfter)]), " after."]
    }

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
    ///
    /// - Parameters:
    ///   - step: the step (``Network/updateStep(learningRate:order:)``, or with a batch).
    ///   - l: the weight's layer, `1…L`.
    ///   - j: its node in layer `l`.
    ///   - k: its node in layer `l-1`.
    /// - Returns: the document, for any renderer.
    /// - Throws: ``NetworkError`` when `w_jk^l` is no weight of the step's network.
    public static func update(_ step: UpdateStep, layer l: Int, j: Int, k: Int) throws(NetworkError) -> Document {
        try step.before.requireWeight(layer: l, j: j, k: k)
        return updated(step, layer: l, j: j, k: k)
    }

    /// ``update(_:layer:j:k:)`` of a weight known to be one.
    static func updated(_ step: UpdateStep, layer l: Int, j: Int, k: Int) -> Document {
        let w = Symbol.w(layer: l, .number(j), .number(k))
        let C = steppedLoss(step)
        let gradient = Symbol.partial(C, w)
        let old = step.before.layer(l).weights[j][k], new = step.after.layer(l).weights[j][k]
        let g = step.gradients.layers[l - 1].weights[j][k], η = step.learningRate
        let rate = m([.symbol(.learningRate), .op(.equals), .number(η)])
        var blocks: [Document.Block]
        if let batch = step.batch {
            blocks = [
                .title(["Update of ", m(w), ": one step of \(batchDescent(batchSize: batch.samples.count, of: step.before.samples.count)) on "]
                    + batchSummary(batch.samples, of: step.before.samples.count) + [", with learning rate ", rate]),
                .paragraph(["The article's rule, ", rule, ", with the gradient of the batch's loss ", m(C), "."]),
            ]
        } else {
            blocks = [
                .title(["Update of ", m(w), ": one step of gradient descent with learning rate ", rate]),
                .paragraph(["The article's rule: ", rule, "."]),
            ]
        }
        let gradientBlocks: [Document.Block]
        switch step.order {
        case .simultaneous:
            let option = step.batch.map { batchOption($0.samples) } ?? "--average"
            gradientBlocks = averageRows(step.before.averagedGradient(layer: l, j: j, k: k, batch: step.batch?.samples), layer: l, j: j, k: k)
                + [.paragraph([
                    "Each product is one sample's chain rule; the step command with ", .code(option), " works out every ",
                    "term of sample \(step.batch?.samples.first ?? Derivation.sampleInFull) in full.",
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
            stepReason(C),
            .paragraph((step.batch.map { batchLosses(step, $0) } ?? [
                "The loss over all samples: ", m([.symbol(C), .op(.equals), .number(step.gradients.loss)]), " before the step, ",
                m([.symbol(C), .op(.equals), .number(step.lossAfter)]), " after it.",
            ]) + [" The step moves every weight", step.before.hasBiases && step.before.updateBiases ? " and every bias" : "",
                  " of the network, not only ", m(w), ", so "]
                + (step.batch == nil ? ["this change in ", m(C), " is"] : ["these changes in ", m(C), " and ", m(.loss(.mean)), " are"])
                + [" the whole step's, not ", m(w), "'s alone."]),
        ] + (step.batch.map { [batchStepNote(batchSize: $0.samples.count, of: step.before.samples.count)] } ?? []))]
        return Document(blocks)
    }

    /// `nnexplain update` without indices: every weight and bias, old → new.
    ///
    /// - Parameter step: the step (``Network/updateStep(learningRate:order:)``, or with a batch).
    /// - Returns: the document, for any renderer.
    public static func update(_ step: UpdateStep) -> Document {
        let network = step.before
        let rate = m([.symbol(.learningRate), .op(.equals), .number(step.learningRate)])
        let biases: Document.Inline = !network.hasBiases ? "." : network.updateBiases ? ", and so does every bias."
            : "; the biases stay fixed (updateBiases is false)."
        var blocks: [Document.Block]
        if let batch = step.batch {
            blocks = [
                .title(["One step of \(batchDescent(batchSize: batch.samples.count, of: network.samples.count)) on "]
                    + batchSummary(batch.samples, of: network.samples.count)
                    + [", with learning rate ", rate, ", \(step.order.rawValue) order"]),
                .paragraph(["Every weight follows the article's rule, ", rule, ", with the gradient of the batch's loss, ",
                            m([.partial([.variable("C", sub: "B")], [.variable("w")], slashed: true), .op(.equals), .batchMean("s"),
                               .partial([.variable("C", sub: "s")], [.variable("w")], slashed: true)]),
                            biases]),
                batchStepNote(batchSize: batch.samples.count, of: network.samples.count),
            ]
        } else {
            blocks = [
                .title(["One step of gradient descent with learning rate ", rate, ", \(step.order.rawValue) order"]),
                .paragraph(["Every weight follows the article's rule, ", rule, biases]),
            ]
        }
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
                heading: ["Layer ", .layer(l, full: true), ": "] + rowColumn("j", "k") + [" holds ", m(.w(layer: l, .letter("j"), .letter("k"))),
                          " old → new"] + columns,
                blocks: [.table(header: header, rows: rows,
                                operators: Array(repeating: nil, count: header.count - 2) + (biases ? [.bar] : []))])]
        }
        let C = steppedLoss(step)
        blocks += [.gap, .paragraph(step.batch.map { batchLosses(step, $0) } ?? [
            "Loss before the step: ", m([.symbol(C), .op(.equals), .number(step.gradients.loss)]),
            "; after it: ", m([.symbol(C), .op(.equals), .number(step.lossAfter)]), ".",
        ])]
        return Document(blocks)
    }

    /// The rows of an average: the per-sample chain rule written once with the letter s, then one row
    /// of its numbers per sample, then their mean (over all samples, or a mini-batch's). Rows hold
    /// only the numbers, so a table of deep layers' weights fits a terminal of 80 columns. Each row's
    /// label is math (`s = 0`), not a word: MathML renderers squeeze a word in a table cell down to
    /// its first letter.
    static func averageRows(_ average: Derivation.Average, layer l: Int, j: Int, k: Int) -> [Document.Block] {
        let w = Symbol.w(layer: l, .number(j), .number(k))
        let mean = Math.of(.partial(.loss(average.loss), w)), perSample = Math.of(.partial(.loss(.anySample), w))
        let factors = Derivation.sampleProductFactors(layer: l, j: j, k: k, throughDelta: average.throughDelta)
        let why: [Document.Inline] = average.batch == nil ? [m(.loss(.mean)), " is the mean of the per-sample losses ", m(.loss(.anySample))]
            : [m([.symbol(.loss(.batch)), .op(.equals), .batchMean("s"), .symbol(.loss(.anySample))]),
               " is the mean of the losses of the batch's samples"]
        let note: [Document.Block] = average.batch.map {
            [batchNote(batchSize: average.samples.count, of: $0.sampleCount, fullValue: $0.fullValue, parameter: w)]
        } ?? []
        return [
            .line(mean, [average.batch == nil ? .mean("s") : .batchMean("s")] + perSample),
            .reason([why + [", and the derivative of a mean is the mean of the derivatives."]]),
            .line(perSample, Math.joined(factors, by: .times)),
            .nested([.table(header: nil, rows: average.samples.map { p in
                [[.variable("s"), .op(.equals), .integer(p.sample), .op(.colon)]] + p.factors.map { [.number($0)] } + [[.number(p.value)]]
            }, operators: [nil] + Array(repeating: .times, count: factors.count - 1) + [.equals])]),
            .chain(mean, average.samples.count == 1 ? [[.number(average.value)]]
                : [[.over(.sum(average.samples.map { $0.value }), average.samples.count)], [.number(average.value)]]),
        ] + note
    }
}
