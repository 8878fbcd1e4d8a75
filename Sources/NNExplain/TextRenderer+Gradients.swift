/// `nnexplain gradients`: every averaged weight and bias gradient, one aligned table per layer.
extension TextRenderer {
    public func render(_ gradients: Gradients, of network: Network) -> String {
        let n = network.samples.count
        var out = ["Gradients averaged over the \(n) sample\(n == 1 ? "" : "s"): ∂C/∂w_jk^l = (1/N) Σ_s ∂C_s/∂w_jk^l"]
        out.append("Loss: C = (1/N) Σ_s C_s = \(number(gradients.loss))")
        for l in 1...network.depth {
            let layer = gradients.layers[l - 1]
            let w = text(.partial(.loss(.mean), .w(layer: l, .letter("j"), .letter("k"))))
            let b = text(.partial(.loss(.mean), .b(layer: l, .letter("j"))))
            out.append("")
            out.append("Layer \(naming.fullName(l)), \(network.layer(l).activation.rawValue): "
                + "row j, column k holds \(w); the last column holds \(b)")
            let header = [""] + (0..<network.size(ofLayer: l - 1)).map { "k = \($0)" } + [b]
            let rows = layer.weights.indices.map { j in
                ["j = \(j)"] + layer.weights[j].map(number) + [number(layer.biases[j])]
            }
            let separators = Array(repeating: "   ", count: header.count - 2) + ["   │   "]
            out += table(header: header, rows: rows, indent: 2, separators: separators)
        }
        return out.joined(separator: "\n") + "\n"
    }
}
