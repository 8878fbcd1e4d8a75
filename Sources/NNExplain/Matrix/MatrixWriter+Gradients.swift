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
                    [m(.transpose(D)), " is \(n)×\(count) (", letterShape("n×N"), ") and ", m(A), " is \(count)×\(width) (", letterShape("N×m"),
                     "), so the product is \(n)×\(width), the shape of ", m(.array(.weights, layer: l)), ": "] + rowColumn("j", "k")
                    + [" adds ", m(.delta(layer: l, j)), " · ", m(.a(layer: l - 1, k)), " over the samples, and ",
                       generic("1/N", "1/N"), " makes it the mean ", entry, "."],
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
            let ones: Math.Piece = .notation(text: "1", latex: "\\mathbf{1}")
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
    private var oneOverN: Math.Piece { .notation(text: "(1/N)", latex: "\\frac{1}{N}") }
    private var oneOverCount: Math.Piece { .notation(text: "(1/\(count))", latex: "\\frac{1}{\(count)}") }

    /// Our notation beside PyTorch's, Keras's and Nielsen's.
    static var dictionary: Document.Block {
        .section(heading: ["Dictionary"], blocks: [
            .paragraph([generic("w_jk^l", "w_{jk}^{l}"), " is "] + rowColumn("j", "k") + [" of ", generic("W^l", "W^{l}"),
                        " (", letterShape("n×m"), ", out × in): the layout of PyTorch's ", .code("nn.Linear.weight[j][k]"),
                        ". Keras stores the transpose (in × out), ", .code("kernel[k][j]"), ", and computes a row vector times it."]),
            .paragraph([generic("δ^l = ∂C/∂z^l", "\\delta^{l} = \\partial C / \\partial z^{l}"), " is Nielsen's δ, and the four equations are his BP1 (",
                        generic("δ^L", "\\delta^{L}"), "), BP2 (", generic("δ^l", "\\delta^{l}"), " from ", generic("δ^(l+1)", "\\delta^{l+1}"),
                        "), BP3 (", generic("∂C/∂b", "\\partial C / \\partial b"), ") and BP4 (", generic("∂C/∂w", "\\partial C / \\partial w"), ")."]),
            .paragraph(["Nielsen numbers the input layer 1; here it is layer 0, so his layer ", v("l"), " is our layer ", generic("l − 1", "l - 1"), " (his ",
                        generic("w^2", "w^{2}"), " is our ", generic("W^1", "W^{1}"), ")."]),
        ])
    }
}
