/// `nnexplain walk`: the whole backward pass of one sample as a sequence of pages, one chain-rule
/// term at a time, from the output layer down: for each node its `∂C_s/∂a`, its slope `g'(z)`, and
/// then the gradients of every weight into it.
extension Explanation {
    public static func walk(_ network: Network, sample s: Int) -> [Document] {
        let C = Symbol.loss(.sample(s))
        let trace = network.trace(sample: s)
        // Three pages a node; two at an output layer whose ∂C/∂z is one term (no separate slope).
        let pagesPerOutput = network.outputRule == .chain ? 3 : 2
        let total = network.layers.dropLast().map(\.size).reduce(0, +) * 3 + network.size(ofLayer: network.depth) * pagesPerOutput
        var pages: [Document] = [Document([
            .title(["Backward pass for sample \(s), one term at a time (\(total) steps)"]),
            .paragraph([
                "Backpropagation starts at the loss and works down, layer by layer. For each node it finds ",
                anyNodeDCda, ", then the slope ",
                m([.notation(text: "g'(z)", latex: "g'(z)")]), " of its activation, then the gradient of every weight into it. ",
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
                var rows: [[Math]] = inputs.indices.map { k in
                    [.of(.partial(C, .w(layer: l, .number(j), .number(k)))), .product(d.factors.dropLast() + [inputs[k]]),
                     [.number(trace.weightGradient(layer: l, j: j, k: k))]]
                }
                if network.layer(l).biases != nil {
                    rows.append([.of(.partial(C, .b(layer: l, .number(j)))), .product(d.factors.dropLast() + [1]),
                                 [.number(trace.biasGradient(layer: l, j: j))]])
                }
                pages.append(page(["the weights into it"], [
                    .paragraph(["Each weight ", m(.w(layer: l, .number(j), .letter("k"))), " gets ",
                                m(Math.joined((byDelta ? [.of(.partial(C, z))] : [.of(.partial(C, a)), .of(.partial(a, z))])
                                    + [.of(.a(layer: l - 1, .letter("k")))], by: .times)),
                                network.layer(l).biases != nil ? ", and the bias the same with 1 for the input:" : ":"]),
                    .nested([.table(header: nil, rows: rows, operators: [.equals, .equals])]),
                ]))
            }
        }
        return pages
    }
}
