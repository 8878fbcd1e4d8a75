/// The gradients of one layer in matrix form (BP4 and BP3), and the dictionary to other notations.
extension MatrixWriter {
    /// BP4: `∂C_s/∂W^l = δ^l (a^(l-1))^T`, an outer product; in the batch `(1/N) (Δ^l)^T A^(l-1)`.
    func weightGradient(_ f: MatrixForm.LayerForm) -> [Document.Block] {
        let l = f.layer, n = network.size(ofLayer: l), width = network.size(ofLayer: l - 1)
        let lhs: Symbol = .partial(gradientLoss, .array(.weights, layer: l))
        let j = Symbol.Index.letter("j"), k = Symbol.Index.letter("k")
        let entry = m(.partial(gradientLoss, .w(layer: l, j, k)))
        if batch {
            let D: Symbol = .array(.batchDelta, layer: l), A: Symbol = .array(.batchActivations, layer: l - 1)
            return [
                .paragraph(["BP4 for the batch, the gradient of every weight of layer ", layer(l), ", averaged over the samples:"]),
                .line(.of(lhs), [oneOverN, .op(.matrixProduct), .symbol(.transpose(D)), .op(.matrixProduct), .symbol(A)],
                      [oneOverCount, .op(.matrixProduct), .matrix(MatrixWriter.transposed(f.delta)), .op(.matrixProduct), .matrix(f.previousActivations)],
                      [.matrix(f.weightGradient)]),
                .reason([
                    [m(.transpose(D)), " is \(n)×\(count) (", letterShape("n", "N"), ") and ", m(A), " is \(count)×\(width) (", letterShape("N", "m"),
                     "), so the product is \(n)×\(width), the shape of ", m(.array(.weights, layer: l)), ": "] + rowColumn("j", "k")
                    + [" adds ", m(.delta(layer: l, j)), " · ", m(.a(layer: l - 1, k)), " over the samples, and ",
                       m([.integer(1), .op(.slash), .variable("N")]), " makes it the mean ", entry, "."],
                ]),
                numpy("dW[\(l)] = Delta[\(l)].T @ A[\(l - 1)] / N"),
            ]
        }
        let d: Symbol = .array(.delta, layer: l), a: Symbol = .transpose(.array(.activations, layer: l - 1))
        return [
            .paragraph(["BP4, the gradient of every weight of layer ", layer(l), ":"]),
            .line(.of(lhs), [.symbol(d), .op(.matrixProduct), .symbol(a)],
                  [array(f.delta), .op(.matrixProduct), .matrix(f.previousActivations)], [.matrix(f.weightGradient)]),
            .reason([
                [m(d), " is \(n)×1 and ", m(a), " is 1×\(width), so their product is \(n)×\(width), the shape of ", m(.array(.weights, layer: l)),
                 ": "] + rowColumn("j", "k") + [" is ", m(.delta(layer: l, j)), " · ", m(.a(layer: l - 1, k)), " = ", entry,
                 ", the index form's gradient, one for every weight (an outer product: nothing is summed)."],
            ]),
            numpy("dW[\(l)] = np.outer(delta[\(l)], a[\(l - 1)])"),
        ]
    }

    /// BP3: `∂C_s/∂b^l = δ^l`, since `∂z_j^l/∂b_j^l = 1`; in the batch, the mean of the rows of `Δ^l`.
    /// Nothing for a layer without biases.
    func biasGradient(_ f: MatrixForm.LayerForm) -> [Document.Block] {
        let l = f.layer, n = network.size(ofLayer: l)
        guard network.layer(l).biases != nil else { return [] }
        let lhs: Symbol = .partial(gradientLoss, .array(.biases, layer: l))
        if batch {
            let D: Symbol = .array(.batchDelta, layer: l)
            let ones: Math.Piece = .ones
            return [
                .gap,
                .paragraph(["BP3 for the batch, the gradient of every bias, the mean of the rows of ", m(D), ":"]),
                .line(.of(lhs), [oneOverN, .op(.matrixProduct), .symbol(.transpose(D)), .op(.matrixProduct), ones],
                      [oneOverCount, .op(.matrixProduct), .matrix(MatrixWriter.transposed(f.delta)), .op(.matrixProduct), .matrix(Array(repeating: [1], count: count))],
                      [.matrix(f.biasGradient.map { [$0] })]),
                .reason([[m(.transpose(D)), " (\(n)×\(count)) times 1, the \(count)×1 vector of ones, adds up each node's δ over the samples: \(n)×1."]]),
                numpy("db[\(l)] = Delta[\(l)].mean(axis=0)"),
            ]
        }
        return [
            .gap,
            .paragraph(["BP3, the gradient of every bias of layer ", layer(l), ", since ",
                        m([.symbol(.partial(.z(layer: l, .letter("j")), .b(layer: l, .letter("j")))), .op(.equals), .number(1)]), ":"]),
            .line(.of(lhs), [.symbol(.array(.delta, layer: l))], [.matrix(f.biasGradient.map { [$0] })]),
            numpy("db[\(l)] = delta[\(l)]"),
        ]
    }

    /// `(1/N)`, and the same with the number of samples.
    private var oneOverN: Math.Piece { .reciprocal([.variable("N")]) }
    private var oneOverCount: Math.Piece { .reciprocal([.integer(count)]) }

    /// Our notation beside PyTorch's, Keras's and Nielsen's.
    static var dictionary: Document.Block {
        .section(heading: ["Dictionary"], blocks: [
            .paragraph([m([.variable("w", sub: "jk", sup: "l")]), " is "] + rowColumn("j", "k") + [" of ", m([.variable("W", sup: "l")]),
                        " (", letterShape("n", "m"), ", out × in): the layout of PyTorch's ", .code("nn.Linear.weight[j][k]"),
                        ". Keras stores the transpose (in × out), ", .code("kernel[k][j]"), ", and computes a row vector times it."]),
            .paragraph([m([.variable("δ", sup: "l"), .op(.equals), .partial([.variable("C")], [.variable("z", sup: "l")], slashed: true)]), " is Nielsen's δ, and the four equations are his BP1 (",
                        m([.variable("δ", sup: "L")]), "), BP2 (", m([.variable("δ", sup: "l")]), " from ", m([.variable("δ", sup: "l+1")]),
                        "), BP3 (", m([.partial([.variable("C")], [.variable("b")], slashed: true)]), ") and BP4 (", m([.partial([.variable("C")], [.variable("w")], slashed: true)]), ")."]),
            .paragraph(["Nielsen numbers the input layer 1; here it is layer 0, so his layer ", v("l"), " is our layer ", m([.variable("l"), .op(.minus), .integer(1)]), " (his ",
                        m([.variable("w", sup: "2")]), " is our ", m([.variable("W", sup: "1")]), ")."]),
        ])
    }
}
