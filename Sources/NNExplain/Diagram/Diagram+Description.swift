extension Diagram {
    /// The picture in words, for the SVG's `<desc>` (what a screen reader says): the layers, what a
    /// node and an edge show, and what is highlighted, every index said as a word rather than as
    /// ASCII scripts.
    var description: String {
        var layers: [String] = []
        for column in columns {
            let nodes = column.size == 1 ? "1 node" : "\(column.size) nodes"
            layers.append("layer \(column.label), \(column.detail), \(nodes)")
        }
        var out = "A fully connected network drawn left to right, one column per layer: " + layers.joined(separator: "; ") + ". "
        out += "Each circle is a node with its activation for sample \(sample)"
        out += nodes.contains { $0.biasText != nil } ? " and, under it, its bias. " : ". "
        out += "Each line is a weight, wider for a larger magnitude, solid for a positive and dashed for a negative weight. "
        if !more.isEmpty { out += "Layers with more than \(Diagram.maxFullLayer) nodes show only some of them. " }
        guard let h = highlight else { return out }
        let label = { (l: Int) in self.columns[l].label.split(separator: " ").first.map(String.init) ?? "" }
        out += "Highlighted, solid with an arrow: the weight from node \(h.k) of layer \(label(h.layer - 1)) to node \(h.j) of layer \(label(h.layer)), value \(h.weightText). "
        if h.sumOf != nil {
            out += "Dash-dotted with arrows: the weights from that node \(h.j) to every node of layer \(label(h.layer + 1)), "
            out += "whose terms add up to the derivative of the loss by that node's activation. "
        }
        if h.layer + 1 < depth { out += "Dotted: the edges of the later layers, the chain rule's path on to the output. " }
        if case .text(let last)? = h.caption.pieces.last, last.hasPrefix(" = "), h.caption.pieces.count > 1 {
            out += "The caption gives the derivative of the loss by this weight for the sample: \(last.dropFirst(3))."
        } else if !h.caption.pieces.isEmpty {
            out += "Caption: \(h.caption.plain)."
        }
        return out
    }

    /// A name in Unicode scripts where Unicode has them (`w₂₂⁽ᴸ⁻¹⁾`), for tooltips; the text
    /// notation where it has not.
    static func unicode(_ name: Name) -> String {
        let subs: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
                                            "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", ",": ","]
        let sups: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
                                            "L": "ᴸ", "-": "⁻", "+": "⁺", "l": "ˡ"]
        let sub = name.sub.map { subs[$0] }, sup = name.sup.map { sups[$0] }
        guard sub.allSatisfy({ $0 != nil }), sup.allSatisfy({ $0 != nil }) else { return name.plain }
        let script = String(sup.compactMap { $0 })
        return name.base + String(sub.compactMap { $0 }) + (script.count > 1 ? "⁽" + script + "⁾" : script)
    }
}
