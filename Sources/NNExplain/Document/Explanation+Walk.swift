/// `nnexplain walk`: the whole backward pass of one sample as a sequence of pages, one chain-rule
/// term at a time, from the output layer down: for each node its `∂C_s/∂a`, its slope `g'(z)`, and
/// then the gradients of every weight into it.
extension Explanation {
    /// The pages of the walk of sample `s`.
    ///
    /// - Parameters:
    ///   - network: the network.
    ///   - s: the sample whose backward pass is walked.
    /// - Returns: the pages in order, each a document for any renderer.
    /// - Throws: ``NetworkError`` for a network that is not well formed, or a sample that is none of its.
    public static func walk(_ network: Network, sample s: Int) throws(NetworkError) -> [Document] {
        try network.requireWellFormed(sample: s)
        let C = Symbol.loss(.sample(s))
        let trace = network.uncheckedTrace(sample: s)
        // Three pages a node; two at an output layer whose ∂C/∂z is one term (no separate slope).
        let pagesPerOutput = network.outputRule == .chain ? 3 : 2
        let total = network.layers.dropLast().map { $0.size }.reduce(0, +) * 3 + network.size(ofLayer: network.depth) * pagesPerOutput
        var pages: [Document] = [Document([
            .title(["Backward pass for sample \(s), one term at a time (\(total) steps)"]),
            .paragraph([
                "Backpropagation starts at the loss and works down, layer by layer. For each node it finds ",
                anyNodeDCda, ", then the slope ",
                m([.variable("g'"), .bracketed([.variable("z")], .plain)]), " of its activation, then the gradient of every weight into it. ",
                "A hidden node's ", anyNodeDCda, " is a sum over the layer above, whose values an earlier step found.",
            ]),
        ])]
        var n = 0
        for l in stride(from: network.depth, through: 1, by: -1) {
            for j in 0..<network.size(ofLayer: l) {
                let d = network.derivation(layer: l, j: j, k: 0, trace: trace, traceBack: false)
                let a = Symbol.a(layer: l, .number(j)), z = Symbol.z(layer: l, .number(j))
                func page(_ what: [Document.Inline], _ blocks: [Document.Block]) -> Document {
                    n += 1
                    return Document([.title(["Step \(n) of \(total), node \(j) of layer ", .layer(l, full: true), ": "] + what),
                                     .nested(blocks)])
                }
                let byDelta = l == network.depth && pagesPerOutput == 2
                pages.append(page([m(.partial(C, byDelta ? z : a))], d.firstTermBlocks(traceBack: false)))
                if !byDelta { pages.append(page([m(.partial(a, z))], d.slopeBlocks)) }
                let inputs = trace.activations(ofLayer: l - 1)
                // The formula named once, then one row of its numbers per k, and the bias's line.
                let rows: [[Math]] = inputs.indices.map { k in
                    [[.variable("k"), .op(.equals), .integer(k), .op(.colon)]] + (d.factors.dropLast() + [inputs[k]]).map { [.number($0)] }
                        + [[.number(trace.weightGradient(layer: l, j: j, k: k))]]
                }
                let weight = Symbol.w(layer: l, .number(j), .letter("k"))
                let factors: [Math] = (byDelta ? [.of(.partial(C, z))] : [.of(.partial(C, a)), .of(.partial(a, z))])
                    + [.of(.a(layer: l - 1, .letter("k")))]
                var blocks: [Document.Block] = [
                    .paragraph(["Each weight ", m(weight), " gets ", m([.symbol(.partial(C, weight)), .op(.equals)] + Math.joined(factors, by: .times)),
                                ", one row per k:"]),
                    .nested([.table(header: nil, rows: rows, operators: [nil] + Array(repeating: .times, count: factors.count - 1) + [.equals])]),
                ]
                if network.layer(l).biases != nil {
                    blocks += [.paragraph(["The bias gets the same with 1 for the input:"]),
                               .nested([.line(.of(.partial(C, .b(layer: l, .number(j)))), .product(d.factors.dropLast() + [1]),
                                              [.number(trace.biasGradient(layer: l, j: j))])])]
                }
                pages.append(page(["the weights into it"], blocks))
            }
        }
        return pages
    }
}
