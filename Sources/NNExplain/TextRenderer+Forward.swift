/// `nnexplain forward`: every weighted sum expanded with numbers, every activation, then the loss.
extension TextRenderer {
    public func renderForward(_ network: Network, trace t: Trace) -> String {
        let C = Symbol.loss(.sample(t.sample))
        var out = ["Forward pass for sample \(t.sample) of \(network.samples.count)"]
        out.append("Each node adds up its weighted inputs, z_j^l = Σ_k w_jk^l · a_k^(l-1)"
            + (network.hasBiases ? " + b_j^l" : "") + ", then applies its activation, a_j^l = g_l(z_j^l).")
        out.append("")
        out.append("Layer \(naming.fullName(0)): the \(network.inputs) inputs")
        for k in 0..<network.inputs {
            out.append("  \(text(.a(layer: 0, .number(k)))) = \(text(.x(.number(k)))) = \(number(t.input[k]))")
        }
        for l in 1...network.depth {
            let layer = network.layer(l), values = t.layer(l)
            out.append("")
            out.append("Layer \(naming.fullName(l)): \(layer.size) node\(layer.size == 1 ? "" : "s"), "
                + "\(layer.activation.rawValue), g(z) = \(layer.activation.formula)")
            let previous = t.activations(ofLayer: l - 1)
            for j in 0..<layer.size {
                let node = Symbol.Index.number(j)
                var symbols = previous.indices.map {
                    "\(text(.w(layer: l, node, .number($0)))) · \(text(.a(layer: l - 1, .number($0))))"
                }
                var numbers = previous.indices.map { k in
                    (k == 0 ? number(layer.weights[j][k]) : operand(layer.weights[j][k])) + " · " + operand(previous[k])
                }
                if let biases = layer.biases {
                    symbols.append(text(.b(layer: l, node)))
                    numbers.append(operand(biases[j]))
                }
                let z = text(.z(layer: l, node))
                out += equation(z, [symbols.joined(separator: " + "), numbers.joined(separator: " + "),
                                    number(values.z[j])], indent: 2)
                out.append("  \(text(.a(layer: l, node))) = \(activationName(l))(\(z)) = g(\(number(values.z[j]))) "
                    + "= \(number(values.a[j]))")
            }
        }
        out.append("")
        out.append("Loss of sample \(t.sample) (\(network.loss.rawValue)): \(network.loss.formula(loss: text(C)))")
        let L = network.depth
        for j in t.lossTerms.indices {
            let node = Symbol.Index.number(j)
            out.append("  j = \(j): " + [
                network.loss.termFormula(a: text(.a(layer: L, node)), y: text(.y(node))),
                network.loss.termFormula(a: number(t.layer(L).a[j]), y: operand(t.target[j])),
                number(t.lossTerms[j]),
            ].joined(separator: " = "))
        }
        out += equation(text(C), [sum(t.lossTerms), number(t.loss)], indent: 2)
        return out.joined(separator: "\n") + "\n"
    }
}
