#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builders of the documents that explain the forward pass and the gradient tables. (The explanation
/// of one weight is ``Derivation/document``.) They arrange the engine's numbers; they compute none.
public enum Explanation {
    /// `nnexplain forward`: every weighted sum expanded with numbers, every activation, then the loss.
    ///
    /// - Parameters:
    ///   - network: the network, well formed.
    ///   - t: the trace of one of its samples (``Network/trace(sample:)``).
    /// - Returns: the document, for any renderer.
    public static func forward(_ network: Network, trace t: Trace) -> Document {
        let C = Symbol.loss(.sample(t.sample))
        var blocks: [Document.Block] = [
            .title(["Forward pass for sample \(t.sample) of \(network.samples.count)"]),
            .paragraph([
                "Each node adds up its weighted inputs, ",
                m([.variable("z", sub: "j", sup: "l"), .op(.equals), .sum("k"), .variable("w", sub: "jk", sup: "l"), .op(.times),
                   .variable("a", sub: "k", sup: "l-1")] + (network.hasBiases ? [.op(.plus), .variable("b", sub: "j", sup: "l")] : [])),
                ", then applies its activation, ",
                m([.variable("a", sub: "j", sup: "l"), .op(.equals), .variable("g", sub: "l"), .bracketed([.variable("z", sub: "j", sup: "l")], .plain)]), ".",
            ]),
            .gap,
            .section(heading: ["Layer ", .layer(0, full: true), network.inputs == 1 ? ": the input" : ": the \(network.inputs) inputs"],
                     blocks: (0..<network.inputs).map { k in
                         .line(.of(.a(layer: 0, .number(k))), .of(.x(.number(k))), [.number(t.input[k])])
                     }),
        ]
        for l in 1...network.depth {
            let layer = network.layer(l), values = t.layer(l)
            let previous = t.activations(ofLayer: l - 1)
            var nodes: [Document.Block] = []
            for j in 0..<layer.size {
                let node = Symbol.Index.number(j)
                var symbols: [Math] = previous.indices.map {
                    [.symbol(.w(layer: l, node, .number($0))), .op(.times), .symbol(.a(layer: l - 1, .number($0)))]
                }
                var numbers: [Math] = previous.indices.map { [.number(layer.weights[j][$0]), .op(.times), .operand(previous[$0])] }
                if let biases = layer.biases {
                    symbols.append(.of(.b(layer: l, node)))
                    numbers.append([.number(biases[j])])
                }
                let z = Symbol.z(layer: l, node)
                nodes.append(.chain(.of(z), [Math.joined(symbols, by: .plus), Math.joined(numbers, by: .plus), [.number(values.z[j])]]))
                if layer.activation.isElementwise {
                    nodes.append(.line(.of(.a(layer: l, node)), [.activation(l), .parenthesized(.of(z))],
                                       [.word("g"), .parenthesized([.number(values.z[j])])], [.number(values.a[j])]))
                } else {
                    // Softmax: a_j depends on every z_i of the layer, so it is no function of z_j alone.
                    let i = Symbol.Index.letter("i")
                    let everyZ = Math.joined(values.z.map { [.exponential([.number($0)])] }, by: .plus)
                    nodes.append(.line(.of(.a(layer: l, node)),
                                       [.exponential(.of(z)), .op(.divided), .sum("i"), .exponential(.of(.z(layer: l, i)))],
                                       [.exponential([.number(values.z[j])]), .op(.divided), .parenthesized(everyZ)],
                                       [.number(values.a[j])]))
                }
            }
            blocks += [.gap, .section(
                heading: ["Layer ", .layer(l, full: true),
                          ": \(layer.size) node\(layer.size == 1 ? "" : "s"), \(layer.activation.rawValue), ",
                          layer.activation.isElementwise ? m([.word("g(z)"), .op(.equals)] + layer.activation.formula)
                              : m([.symbol(.a(layer: l, .letter("j"))), .op(.equals)] + layer.activation.formula)],
                blocks: nodes)]
        }
        let L = network.depth
        let output = t.layer(L), activation = network.layer(L).activation
        let shift = activation == .softmax ? output.z.withUnsafeBufferPointer { OutputLayer.logShift($0.baseAddress!, count: $0.count) } : 0
        var loss: [Document.Block] = t.lossTerms.indices.map { j in
            let node = Symbol.Index.number(j), a = output.a[j]
            let oneMinusA = output.z.withUnsafeBufferPointer { z in
                output.a.withUnsafeBufferPointer { OutputLayer.complement(activation: activation, z: z.baseAddress!, a: $0.baseAddress!, count: $0.count, j: j) }
            }
            let (logA, logOneMinusA) = OutputLayer.logarithms(activation: activation, z: output.z[j], a: a, shift: shift, oneMinusA: oneMinusA)
            return .paragraph([
                v("j", j), ": ",
                m(network.loss.term(a: .of(.a(layer: L, node)), y: .of(.y(node)))), " = ",
                m(network.loss.term(a: [.number(a)], y: [.number(t.target[j])], logA: Derivation.shown(logA, naive: log(a)),
                                    logOneMinusA: Derivation.shown(logOneMinusA, naive: log1p(-a)),
                                    oneMinusA: Derivation.shown(oneMinusA, naive: 1 - a))), " = ",
                m([.number(t.lossTerms[j])]),
            ])
        }
        loss.append(.chain(.of(C), t.lossTerms.count == 1 ? [[.number(t.loss)]] : [.sum(t.lossTerms), [.number(t.loss)]]))
        blocks += [.gap, .section(
            heading: ["Loss of sample \(t.sample) (\(network.loss.rawValue)): ", m(network.loss.formula(loss: C, depth: L))],
            blocks: loss)]
        return Document(blocks)
    }

    /// `nnexplain gradients`: every averaged weight and bias gradient, one aligned table per layer;
    /// with a `batch` (sample indices of `network`), the gradients of its loss `C_B`, `gradients`
    /// having been computed on ``Network/batch(_:)``.
    ///
    /// - Parameters:
    ///   - gradients: ``Network/gradients()`` of `network`, or of its `batch`.
    ///   - network: the network, well formed.
    ///   - batch: the batch the gradients are of; nil for all samples.
    /// - Returns: the document, for any renderer.
    public static func gradients(_ gradients: Gradients, of network: Network, batch: [Int]? = nil) -> Document {
        let n = network.samples.count
        let j = Symbol.Index.letter("j"), k = Symbol.Index.letter("k")
        let C = Symbol.loss(batch == nil ? .mean : .batch)
        var blocks: [Document.Block]
        if let batch {
            blocks = [
                .title(["Gradients averaged over the mini-batch "] + batchSummary(batch, of: n) + [": ",
                        m(Explanation.meanGradient(of: "B", over: .batchMean("s")))]),
                .paragraph(["Loss of the batch: ", m([.symbol(C), .op(.equals), .batchMean("s"), .symbol(.loss(.anySample)), .op(.equals), .number(gradients.loss)])]),
                .paragraph(batch.count == n
                    ? ["This batch holds all \(n) samples, so ", m(.loss(.batch)), " is ", m(.loss(.mean)), " and these are the full-batch gradients."]
                    : ["Each gradient averages over the \(batch.count) sample\(batch.count == 1 ? "" : "s") of the batch, not over all \(n): ",
                       "it estimates the full-batch gradient of ", m(.loss(.mean)), ", which gradients without --batch prints."]),
            ]
        } else {
            blocks = [
                .title(["Gradients averaged over the \(n) sample\(n == 1 ? "" : "s"): ",
                        m(Explanation.meanGradient(of: "", over: .mean("s")))]),
                .paragraph(["Loss: ", m([.symbol(C), .op(.equals), .mean("s"), .symbol(.loss(.anySample)), .op(.equals), .number(gradients.loss)])]),
            ]
        }
        for l in 1...network.depth {
            let layer = gradients.layers[l - 1]
            let w = Symbol.partial(C, .w(layer: l, j, k)), b = Symbol.partial(C, .b(layer: l, j))
            let biases = network.layer(l).biases != nil
            let header: [Math] = [[]] + (0..<network.size(ofLayer: l - 1)).map { [.word("k = \($0)")] } + (biases ? [.of(b)] : [])
            let rows: [[Math]] = layer.weights.indices.map { j in
                [[.word("j = \(j)")]] + layer.weights[j].map { [.number($0)] } + (biases ? [[.number(layer.biases[j])]] : [])
            }
            let columns: [Document.Inline] = biases ? ["; the last column holds ", m(b)] : []
            blocks += [.gap, .section(
                heading: ["Layer ", .layer(l, full: true), ", \(network.layer(l).activation.rawValue): "] + rowColumn("j", "k")
                    + [" holds ", m(w)] + columns,
                blocks: [.table(header: header, rows: rows,
                                operators: Array(repeating: nil, count: header.count - 2) + (biases ? [.bar] : []))])]
        }
        return Document(blocks)
    }

    /// `∂C/∂w_jk^l = (1/N) Σ_s ∂C_s/∂w_jk^l` in the general notation, the loss `C` with the given
    /// subscript (`B` for a mini-batch's) and the mean written by `mean`.
    static func meanGradient(of loss: String, over mean: Math.Piece) -> Math {
        let w = Math([.variable("w", sub: "jk", sup: "l")])
        return [.partial([.variable("C", sub: loss)], w, slashed: false), .op(.equals), mean,
                .partial([.variable("C", sub: "s")], w, slashed: false)]
    }
}
