/// `nnexplain matrix`: the backward pass of ``MatrixForm`` written with vectors and matrices, each
/// with its numbers and its shape, the shapes of every product checked in words, and the numpy line
/// that computes it. The numbers are the form's; this file only arranges them.
extension Explanation {
    /// - Parameters:
    ///   - form: ``Network/matrixForm(sample:layers:)`` or ``Network/averagedMatrixForm(layers:)`` of `network`.
    ///   - network: the network the form is of.
    /// - Returns: the document, for any renderer.
    public static func matrix(_ form: MatrixForm, of network: Network) -> Document {
        let writer = MatrixWriter(network: network, form: form)
        var blocks: [Document.Block] = writer.preamble
        for layer in form.layers {
            blocks += [.gap, writer.section(layer)]
        }
        blocks += [.gap, MatrixWriter.dictionary]
        return Document(blocks)
    }
}

/// The pieces of the matrix-form document, for one network and scope.
struct MatrixWriter {
    let network: Network
    let form: MatrixForm

    /// Whether the samples are the rows of the matrices (`--average`).
    var batch: Bool { if case .average = form.scope { return true } else { return false } }
    var count: Int { if case .average(let n) = form.scope { return n } else { return 1 } }
    /// `C_0` for one sample; `C_s` for the rows of the batch.
    var sampleScope: Symbol.LossScope { if case .sample(let s) = form.scope { return .sample(s) } else { return .anySample } }
    var sampleLoss: Symbol { .loss(sampleScope) }
    /// The loss whose gradients are shown: `C_0`, or the mean `C`.
    var gradientLoss: Symbol { batch ? .loss(.mean) : sampleLoss }

    /// The title, what the vectors and matrices hold, the forward pass, and a note on elided entries.
    var preamble: [Document.Block] {
        var blocks: [Document.Block]
        if case .sample(let s) = form.scope {
            blocks = [
                .title(["The backward pass in matrix form, for sample \(s) of \(network.samples.count)"]),
                .paragraph(["The numbers of ", .code("step"), " and ", .code("gradients"), ", grouped into vectors and matrices: ",
                            m([.variable("W", sup: "l")]), " is the ", letterShape("n", "m"), " matrix whose "] + rowColumn("j", "k") + [" is ", m([.variable("w", sub: "jk", sup: "l")]),
                            " (", v("n"), " nodes in layer ", v("l"), ", ", v("m"), " in layer ", m([.variable("l-1")]), "); ",
                            m([.variable("a", sup: "l")]), ", ", m([.variable("z", sup: "l")]), " and ",
                            m([.variable("δ", sup: "l"), .op(.equals), .partial([.variable("C", sub: "s")], [.variable("z", sup: "l")], slashed: true)]),
                            " are column vectors (", letterShape("n", "1"), "), one entry per node."]),
            ]
        } else {
            blocks = [
                .title(["The backward pass in matrix form, the \(count) sample\(count == 1 ? "" : "s") as rows (the batch form)"]),
                .paragraph(["Each sample's vectors become one row of a matrix, as numpy and PyTorch store a batch: row ", v("s"), " of ",
                            m([.variable("Δ", sup: "l")]), " (", letterShape("N", "n"), ") is ", m([.transposed([.bracketed([.variable("δ", sup: "l")], .plain)])]), " of sample ", v("s"),
                            ", row ", v("s"), " of ", m([.variable("A", sup: "l")]), " (", letterShape("N", "n"), ") is ", m([.transposed([.bracketed([.variable("a", sup: "l")], .plain)])]),
                            ", and each gradient is the mean over the ", v("N", count), " rows."]),
            ]
        }
        blocks.append(.paragraph(["Forward, layer by layer: ", m([.variable("z", sup: "l"), .op(.equals), .variable("W", sup: "l"), .op(.juxtaposed), .variable("a", sup: "l-1"),
                                                          .op(.plus), .variable("b", sup: "l")]),
                                  " (an ", letterShape("n", "m"), " matrix times an ", letterShape("m", "1"), " vector is ", letterShape("n", "1"), "), then ", m([.variable("a", sup: "l"), .op(.equals), .variable("g", sub: "l"), .bracketed([.variable("z", sup: "l")], .plain)]), " entry by entry. ",
                                  "In numpy, with lists indexed by the layer number ", v("l"), " (", .code("a[0]"), " is the input ", v("x"), "): ",
                                  .code(batch ? "Z[l] = A[l-1] @ W[l].T + b[l]" : "z[l] = W[l] @ a[l-1] + b[l]"), "."]))
        if !network.hasBiases {
            blocks.append(.paragraph(["This network has no biases, so BP3, ", m([.partial([.variable("C")], [.variable("b", sup: "l")], slashed: true), .op(.equals), .variable("δ", sup: "l")]),
                                      ", has nothing to show."]))
        }
        if needsElision || hasWideMatrices {
            blocks.append(.paragraph(["Matrices with more than \(Math.shownEntries) rows or columns show their first and last ones, and so do those too wide for a slide or a page in LaTeX; ⋮ and … stand for the rest (",
                                      .code("--format json"), " has every number)."]))
        }
        return blocks
    }

    /// Whether any matrix shown has more rows or columns than a renderer writes out.
    private var needsElision: Bool {
        form.layers.contains { f in
            ([count, network.size(ofLayer: f.layer), network.size(ofLayer: f.layer - 1)]
                + (f.layer < network.depth ? [network.size(ofLayer: f.layer + 1)] : [])).contains { $0 > Math.shownEntries }
        }
    }

    /// Whether any matrix shown has more than three columns, so that LaTeX may elide some to fit
    /// its line (``LatexMath/shownColumns(_:)``): a layer's weights, and with a batch its samples.
    private var hasWideMatrices: Bool {
        (0...network.depth).contains { network.size(ofLayer: $0) > 3 } || (batch && count > 3)
    }

    /// One layer: its δ (BP1 or BP2), then its gradients (BP4, and BP3 when it has biases).
    func section(_ f: MatrixForm.LayerForm) -> Document.Block {
        let l = f.layer, layer = network.layer(l)
        let role: Document.Inline = l == network.depth ? ", the output layer" : ", a hidden layer"
        let heading: [Document.Inline] = ["Layer ", .layer(l, full: true), role, ": \(layer.size) node\(layer.size == 1 ? "" : "s"), \(layer.activation.rawValue)"]
        let delta = l == network.depth ? outputDelta(f) : hiddenDelta(f)
        return .section(heading: heading, blocks: delta + [.gap] + weightGradient(f) + biasGradient(f))
    }

    // MARK: Pieces

    /// A column vector (one sample) or the batch matrix with one row per sample.
    func array(_ rows: [[Double]]) -> Math.Piece { batch ? .matrix(rows) : .matrix(rows[0].map { [$0] }) }

    func numpy(_ line: String) -> Document.Block { .paragraph(["numpy: ", .code(line)]) }

    static func transposed(_ rows: [[Double]]) -> [[Double]] {
        (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c] } }
    }
}

/// A formula about every layer at once, written with the letter `l` (`W^l`), in text and LaTeX.

/// A shape in letters, `n×N`, as math.
func letterShape(_ rows: String, _ columns: String) -> Document.Inline { m([.variable(rows), .op(.by), .variable(columns)]) }
