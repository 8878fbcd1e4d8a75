/// The equations of one layer in matrix form: the symbolic equation, then the same with the numbers,
/// the shapes of the product checked in words, and the numpy line.
extension MatrixWriter {
    /// BP1: `δ^L = ∇_a C_s ⊙ g_L'(z^L)`, or `δ^L = J^T ∇_a C_s` for an output whose every `a_i^L`
    /// depends on every `z_j^L`; in the batch, the same row by row.
    func outputDelta(_ f: MatrixForm.LayerForm) -> [Document.Block] {
        let l = f.layer, n = network.size(ofLayer: l)
        let rows = batch ? count : n, columns = batch ? n : 1
        let d: Symbol = .array(batch ? .batchDelta : .delta, layer: l)
        let grad: Symbol = .lossGradient(sampleScope, batch: batch), slopes: Symbol = .gPrimeArray(layer: l, batch: batch)
        let shape = m(Math.shape(rows, columns))
        let entries: [Document.Inline] = batch ? rowColumn("s", "j") : ["entry ", v("j")]
        // A ∂C_s/∂a_j^L beyond the largest double (an output too close to 0 or 1 under a cross-entropy)
        // has no number to multiply: the product is written with symbols only, δ from the stable form.
        let beyond = !f.dCda.joined().allSatisfy { $0.isFinite }
        let note: [Document.Block] = !beyond ? [] : [.paragraph([
            "Some ", m(.partial(sampleLoss, .a(layer: l, .letter("j")))), " is beyond the largest double here (an output too close to 0 or 1), ",
            "so the product is not taken with numbers; ", m(d), " is the stable form's below.",
        ])]
        switch f.rule {
        case .elementwise:
            return [
                .paragraph(["BP1, the output layer's error, from the loss:"]),
                beyond ? .line(.of(d), [.symbol(grad), .op(.hadamard), .symbol(slopes)], [array(f.delta)])
                    : .line(.of(d), [.symbol(grad), .op(.hadamard), .symbol(slopes)], [array(f.dCda), .op(.hadamard), array(f.gPrime)], [array(f.delta)]),
                .reason([
                    [m(grad), " holds every ", m(.partial(sampleLoss, .a(layer: l, .letter("j")))), " and ", m(slopes), " every ",
                     m(.gPrime(layer: l, .letter("j"))), "; both are ", shape, batch ? " (a row per sample, a column per node)" : " (one entry per node)", "."],
                    ["⊙ multiplies them entry by entry, so ", m(d), " is ", shape, " too: "] + entries + [" is ",
                     m(.delta(layer: l, .letter("j"))), " = ", m(.partial(sampleLoss, .a(layer: l, .letter("j")))), " · ",
                     m(.gPrime(layer: l, .letter("j"))), ", Terms 1 and 2 of the index form."],
                ]),
            ] + note + (stableForm(f) ?? gradientNote(f) + [numpy(batch ? "Delta[\(l)] = grad_A_C * g_prime(Z[\(l)])" : "delta[\(l)] = grad_a_C * g_prime(z[\(l)])")]
                    + slopeNote(f))
        case .jacobian:
            // Every a_i^L depends on every z_j^L: δ^L is the Jacobian's transpose times ∇_a C_s. The
            // Jacobian itself is explained by `step`; here δ comes from the trace like every number.
            let jacobian: Math.Piece = .transposed([.variable("J")])
            return [
                .paragraph(["BP1, the output layer's error, from the loss through the Jacobian ",
                            m([.variable("J", sub: "ij"), .op(.equals),
                               .partial([.variable("a", sub: "i", sup: "L")], [.variable("z", sub: "j", sup: "L")], slashed: true)]), ":"]),
                batch
                    ? .line(.of(d), [array(f.delta)])
                    : beyond ? .line(.of(d), [jacobian, .op(.matrixProduct), .symbol(grad)], [array(f.delta)])
                    : .line(.of(d), [jacobian, .op(.matrixProduct), .symbol(grad)], [jacobian, .op(.matrixProduct), array(f.dCda)], [array(f.delta)]),
                .reason([
                    ["Each ", m(.a(layer: l, .letter("i"))), " depends on every ", m(.z(layer: l, .letter("j"))),
                     ", so the slopes do not multiply entry by entry: ", v("J"), " is \(n)×\(n), ",
                     m(Math.of(.delta(layer: l, .letter("j"))) + [.op(.equals), .sum("i"), .variable("J", sub: "ij"), .op(.juxtaposed)]
                       + Math.of(.partial(sampleLoss, .a(layer: l, .letter("i"))))),
                     " sums column ", v("j"), " of ", v("J"), ", which is row ", v("j"), " of ", m([jacobian]), "."],
                    [m([jacobian]), " (\(n)×\(n)) times ", m(grad), " (\(n)×1) is \(n)×1"]
                        + (batch ? ["; row ", v("s"), " of ", m(d), " is that vector of sample ", v("s"), ", with sample ", v("s"), "'s own ", v("J"), "."] : ["."]),
                ]),
            ] + note + (stableForm(f) ?? gradientNote(f) + jacobianNote(f)
                    + [numpy(batch ? "Delta[\(l)] = np.stack([J[s].T @ grad_a_C[s] for s in range(N)])" : "delta[\(l)] = J.T @ grad_a_C")])
        }
    }

    /// The form an output layer of a stable-form rule (``OutputRule/isStableForm``) computes δ in,
    /// with the numpy line that computes the same numbers: the product above is the same number
    /// mathematically, but in doubles it overflows or loses its digits where an output rounded to 0
    /// or 1. `nil` for the other rules, whose numpy line is the product itself.
    func stableForm(_ f: MatrixForm.LayerForm) -> [Document.Block]? {
        let l = f.layer, saturated = f.activations.joined().contains { 1 - $0 < Activation.complementFloor }
        let (A, Z, Y) = batch ? ("A[\(l)]", "Z[\(l)]", "Y") : ("a[\(l)]", "z[\(l)]", "y")
        let d = batch ? "Delta[\(l)]" : "delta[\(l)]", near = "1 - \(A) < 2**-20"
        let (form, line): (String, String)
        switch network.outputRule {
        case .chain, .jacobian: return nil
        case .sigmoidBinaryCrossEntropy:
            form = "a − y" + (saturated ? ", worked as (1 − y) − σ(−z) where a is within 2⁻²⁰ of 1" : "")
            line = saturated ? "\(d) = np.where(\(near), (1 - \(Y)) - sigmoid(-\(Z)), \(A) - \(Y))" : "\(d) = \(A) - \(Y)"
        case .sigmoidCrossEntropy:
            form = "−y ⊙ (1 − a)" + (saturated ? ", with 1 − a = σ(−z) where a is within 2⁻²⁰ of 1" : "")
            line = saturated ? "\(d) = -\(Y) * np.where(\(near), sigmoid(-\(Z)), 1 - \(A))" : "\(d) = -\(Y) * (1 - \(A))"
        case .softmaxCrossEntropy:
            let T = batch ? "Y.sum(axis=1, keepdims=True)" : "y.sum()"
            form = "a Σ_i y_i − y" + (saturated ? ", worked as (Σ_i y_i − y) − Σ_i y_i (1 − a) with 1 − a the other outputs' share where a is within 2⁻²⁰ of 1" : "")
            if saturated {
                line = "\(otherShares(l)); \(d) = np.where(\(near), (\(T) - \(Y)) - \(T) * R, \(A) * \(T) - \(Y))"
            } else {
                line = "\(d) = \(A) * \(T) - \(Y)"
            }
        }
        return [
            .paragraph(["The backward pass takes δ in the stable form \(form) (", .code("step"),
                        " explains it): the same number, which the product of doubles overflows or rounds away where an output is within a rounding of 0 or 1."]),
            numpy(line),
        ]
    }

    /// BP2: `δ^l = ((W^(l+1))^T δ^(l+1)) ⊙ g_l'(z^l)`, in two steps; in the batch
    /// `Δ^l = (Δ^(l+1) W^(l+1)) ⊙ g_l'(Z^l)`.
    func hiddenDelta(_ f: MatrixForm.LayerForm) -> [Document.Block] {
        let l = f.layer, above = l + 1
        let n = network.size(ofLayer: above), width = network.size(ofLayer: l)
        let W: Symbol = .array(.weights, layer: above), weights = network.layer(above).weights
        let d: Symbol = .array(batch ? .batchDelta : .delta, layer: l), dAbove: Symbol = .array(batch ? .batchDelta : .delta, layer: above)
        let dCda: Symbol = .partial(sampleLoss, .array(batch ? .batchActivations : .activations, layer: l))
        let slopes: Symbol = .gPrimeArray(layer: l, batch: batch)
        let backward: Document.Block = batch
            ? .line(.of(dCda), [.symbol(dAbove), .op(.matrixProduct), .symbol(W)], [array(f.deltaAbove), .op(.matrixProduct), .matrix(weights)], [array(f.dCda)])
            : .line(.of(dCda), [.symbol(.transpose(W)), .op(.matrixProduct), .symbol(dAbove)],
                    [.matrix(MatrixWriter.transposed(weights)), .op(.matrixProduct), array(f.deltaAbove)], [array(f.dCda)])
        let k = Symbol.Index.letter("k"), i = Symbol.Index.letter("i")
        let sum = m([.symbol(.partial(sampleLoss, .a(layer: l, k))), .op(.equals), .sum("i"), .symbol(.w(layer: above, i, k)),
                     .op(.matrixProduct), .symbol(.delta(layer: above, i))])
        var shapes: [[Document.Inline]]
        if batch {
            shapes = [
                [m(dAbove), " is \(count)×\(n) (", letterShape("N", "n"), ") and ", m(W), " is \(n)×\(width), so their product is \(count)×\(width), a row per sample and a column per node of layer ",
                 layer(l), "; "] + rowColumn("s", "k") + [" is ", sum, ", the index form's sum over the layer above. With the samples as rows the transpose moves: row ", v("s"), " is ",
                 m([.symbol(.transpose(.array(.delta, layer: above))), .op(.matrixProduct), .symbol(W)]), ", the transpose of ",
                 m([.symbol(.transpose(W)), .op(.matrixProduct), .symbol(.array(.delta, layer: above))]), " of sample ", v("s"), "."],
            ]
        } else {
            shapes = [
                [m(W), " is \(n)×\(width), a row for each node of layer ", layer(above), " and a column for each node of layer ", layer(l),
                 ", so ", m(.transpose(W)), " is \(width)×\(n); times ", m(dAbove), " (\(n)×1) it gives \(width)×1, one entry per node of layer ", layer(l), "."],
                ["Row ", v("k"), " of ", m(.transpose(W)), " is column ", v("k"), " of ", m(W), ", the weights leaving node ", v("k"), ", so entry ", v("k"), " is ", sum,
                 ", the index form's sum over the layer above."],
                n == width
                    ? [m(W), " is square, so ", m(W), " ", m(dAbove), " would multiply too, but it would add the weights into node ", v("k"), ", not those leaving it: the transpose picks the right ones."]
                    : ["Without the transpose the shapes would not fit: ", m(W), " (\(n)×\(width)) times ", m(dAbove), " (\(n)×1) has inner sizes \(width) and \(n)."],
            ]
        }
        let shape = batch ? "\(count)×\(width)" : "\(width)×1"
        return [
            .paragraph(["BP2, the error of layer ", layer(l), " from the layer above: ",
                        m([.symbol(d), .op(.equals), .parenthesized(batch ? [.symbol(dAbove), .op(.matrixProduct), .symbol(W)]
                                                                         : [.symbol(.transpose(W)), .op(.matrixProduct), .symbol(dAbove)]),
                           .op(.hadamard), .symbol(slopes)])]),
            backward,
            .reason(shapes),
            .line(.of(d), [.symbol(dCda), .op(.hadamard), .symbol(slopes)], [array(f.dCda), .op(.hadamard), array(f.gPrime)], [array(f.delta)]),
            .reason([["⊙ multiplies entry by entry, all three \(shape): ", m(.delta(layer: l, k)), " = ",
                      m(.partial(sampleLoss, .a(layer: l, k))), " · ", m(.gPrime(layer: l, k)), "."]]),
            numpy(batch ? "Delta[\(l)] = (Delta[\(above)] @ W[\(above)]) * g_prime(Z[\(l)])"
                        : "delta[\(l)] = (W[\(above)].T @ delta[\(above)]) * g_prime(z[\(l)])"),
        ] + slopeNote(f)
    }
}
