/// The explanation of a bias's gradient for the page: the weight's chain rule with its last term
/// replaced by `∂z_j^l/∂b_j^l = 1`, numbers from the engine's trace and gradients.
extension HTMLPage {
    /// `∂C_s/∂b_j^l = ∂C_s/∂a_j^l · g_l'(z_j^l) · 1` for sample `s`, with the way to the working of
    /// the first two terms: they are the first two of every weight into node j.
    static func biasDocument(_ network: Network, trace t: Trace, layer l: Int, j: Int) -> Document {
        let node = Symbol.Index.number(j)
        let b = Symbol.b(layer: l, node), C = Symbol.loss(.sample(t.sample))
        let values = t.layer(l)
        // An output layer that is not the article's chain takes ∂C_s/∂z_j^L as one term, as `step` does:
        // ∂C_s/∂a_j^L · g'(z_j^L) is not it under softmax, and may be beyond a double where it is.
        let byDelta = l == network.depth && network.outputRule != .chain
        let steps: [Math] = byDelta
            ? [[.symbol(.partial(C, .z(layer: l, node))), .op(.times), .number(1)], [.number(t.delta(layer: l, j: j)), .op(.times), .number(1)]]
            : [[.symbol(.partial(C, .a(layer: l, node))), .op(.times), .symbol(.gPrime(layer: l, node)), .op(.times), .number(1)],
               [.number(values.dCda[j]), .op(.times), .operand(values.gPrime[j]), .op(.times), .number(1)]]
        return Document([
            .title(["Gradient of the bias ", m(b), " for sample \(t.sample): ", m(.partial(C, b))]),
            .paragraph(["The bias is added into ", m(.z(layer: l, node)), " with the factor 1, so ",
                        m([.symbol(.partial(.z(layer: l, node), b)), .op(.equals), .number(1)]),
                        " and its chain rule is that of a weight into node \(j) with the last term 1:"]),
            .chain(.of(.partial(C, b)), steps + [[.number(t.biasGradient(layer: l, j: j))]]),
            .reason([[byDelta ? "the first term is" : "the first two terms are", " worked out in full in the derivation of any weight ",
                      m(.w(layer: l, node, .letter("k"))), " into this node."]]),
        ])
    }

    /// `∂C/∂b_j^l`, the mean over the samples of each sample's gradient.
    static func averagedBiasDocument(_ traces: [Trace], gradients: Gradients, layer l: Int, j: Int) -> Document {
        let b = Symbol.b(layer: l, .number(j))
        let perSample = traces.map { Math([.number($0.biasGradient(layer: l, j: j))]) }
        let mean: Math = traces.count == 1 ? perSample[0] : [.over(Math.joined(perSample, by: .plus), traces.count)]
        return Document([
            .title(["Gradient of the bias ", m(b), " averaged over the \(traces.count) sample\(traces.count == 1 ? "" : "s")"]),
            .chain(.of(.partial(.loss(.mean), b)), [
                [.mean("s"), .symbol(.partial(.loss(.anySample), b))], mean, [.number(gradients.layers[l - 1].biases[j])],
            ]),
        ])
    }
}
