extension VectorisedLayer {
    /// The layer's two matrix nodes forward, then backward: `∂C_s/∂a^l` from above, `δ^l`, and from
    /// it `∂C_s/∂W^l`, `∂C_s/∂b^l` and `∂C_s/∂a^(l-1)`, each with its shape and its link to the scalar gates.
    public var document: Document {
        let l = layer, n = z.count, fanIn = previous.count, C = Symbol.loss(.sample(sample))
        let W = Symbol.array(.weights, layer: l), b = Symbol.array(.biases, layer: l), below = Symbol.array(.activations, layer: l - 1)
        let zs = Symbol.array(.sums, layer: l), A = Symbol.array(.activations, layer: l), d = Symbol.array(.delta, layer: l)
        func column(_ x: [Double]) -> Math.Piece { .matrix(x.map { [$0] }) }
        func partial(_ of: Symbol) -> Math { .of(.partial(C, of)) }
        let affine: Math = [.symbol(W), .op(.matrixProduct), .symbol(below)] + (biases == nil ? [] : [.op(.plus), .symbol(b)])
        let forward: [Document.Block] = [
            .paragraph(biases == nil
                ? ["The layer's first node reads ", m(W), " (\(n)×\(fanIn)) and ", m(below), " (\(fanIn)×1); the layer has no biases."]
                : ["The layer's first node reads ", m(W), " (\(n)×\(fanIn)), ", m(below), " (\(fanIn)×1) and ", m(b), " (\(n)×1)."]),
            .line(.of(zs), affine),
            .line(.of(zs), [.matrix(weights), .op(.matrixProduct), column(previous)] + (biases.map { [.op(.plus), column($0)] } ?? []), [column(z)]),
            .reason([["Row ", v("j"), " of the product is ", m([.variable("z", sub: "j", sup: "l"), .op(.equals), .sum("k"), .variable("w", sub: "jk", sup: "l"),
                      .op(.times), .variable("a", sub: "k", sup: "l-1")] + (biases == nil ? [] : [.op(.plus), .variable("b", sub: "j", sup: "l")])),
                      ": the scalar graph's \(n * fanIn) multiply gates and \(n) add gates in one node, \(n)×\(fanIn) times \(fanIn)×1 giving \(n)×1."]]),
            .line(.of(A), [.activation(l), .parenthesized(.of(zs))], [column(a)]),
            .reason([[activation == .softmax ? "Softmax's exponentials, their sum and the divisions, as one node; \(n)×1."
                        : "\(activation.rawValue) applied to each entry: the scalar graph's \(n) activation gates in one node; \(n)×1."]]),
        ]
        var backward: [Document.Block] = [
            .line(partial(A), [column(activationGradients)]),
            .reason([["From the layers above and the loss (the scalar graph's gradients of ", m(.a(layer: l, .letter("j"))), "); \(n)×1."]]),
        ]
        if let slopes {
            backward.append(.line(.of(d), partial(zs), [.symbol(.partial(C, A)), .op(.hadamard), .symbol(.gPrimeArray(layer: l, batch: false))]))
            backward.append(.line(.of(d), [column(activationGradients), .op(.hadamard), column(slopes)], [column(delta)]))
            backward.append(.reason([["The activation node passes its gradient down entry by entry, each times its own slope: ",
                                      "the \(n) activation gates at once (⊙ multiplies entry by entry)."]]))
        } else {
            backward.append(.line(.of(d), partial(zs), [column(delta)]))
            backward.append(.reason([["Each output of softmax depends on every ", m(.z(layer: l, .letter("j"))),
                                      ", so the gradients pass through its exponentials, sum and divisions (the Jacobian's transpose times ",
                                      m(partial(A)), ", as matrix writes it); \(n)×1."]]))
        }
        backward += [
            .line(partial(W), [.symbol(d), .op(.matrixProduct), .symbol(.transpose(below))]),
            .line(partial(W), [column(delta), .op(.matrixProduct), .matrix([previous])], [.matrix(weightGradients)]),
            .reason([["An outer product, \(n)×1 times 1×\(fanIn) giving \(n)×\(fanIn): entry ", v("j"), ", ", v("k"), " is ",
                      m([.variable("δ", sub: "j"), .op(.times), .variable("a", sub: "k")]),
                      ", what each multiply gate gives its weight, the upstream gradient times the other input."]]),
        ]
        if biases != nil {
            backward += [.line(partial(b), [.symbol(d)], [column(delta)]),
                         .reason([["The add gates copy ", m(d), " to the biases unchanged."]])]
        }
        backward += [
            .line(partial(below), [.symbol(.transpose(W)), .op(.matrixProduct), .symbol(d)]),
            .line(partial(below), [.matrix(previous.indices.map { k in weights.map { $0[k] } }), .op(.matrixProduct), column(delta)], [column(previousGradients)]),
            .reason([[m(.transpose(W)), " (\(fanIn)×\(n)) times ", m(d), " (\(n)×1) gives \(fanIn)×1: row ", v("k"), " is ",
                      m([.sum("i"), .variable("w", sub: "ik", sup: "l"), .op(.times), .variable("δ", sub: "i")]),
                      ", the gradients each ", m(.a(layer: l - 1, .letter("k"))), " gets from the \(n) gates it feeds, added up"]
                     + (l > 1 ? [": the sum over ", v("i"), " of step, for the whole layer in one product."]
                        : [". These are the gradients by the inputs, which no weight's gradient needs: step stops at the first layer."])]),
        ]
        return Document([
            .title(["Layer ", .layer(l, full: true), " of the graph of ", m(.of(C)), " as matrices: ", m(.of(zs)), " = ", m(affine), " and ",
                    m(.of(A)), " = ", m([.activation(l), .parenthesized(.of(zs))])]),
            .paragraph(["The same numbers as the scalar graph, a layer at a time: two nodes whose values are vectors and matrices. ",
                        "nnexplain matrix writes these products for every layer (BP1 to BP4)."]),
            .gap, .section(heading: ["Forward"], blocks: forward),
            .gap, .section(heading: ["Backward"], blocks: backward),
        ])
    }
}
