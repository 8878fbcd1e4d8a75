/// The diagram as a TikZ picture for a printed exercise sheet: the same layout as ``svg()`` (the
/// nodes' places and every weight label where the SVG's label placement puts it), showing only what
/// the sheet gives: each input's value, each other node's name and bias, every weight, the targets.
/// No activation is shown, since the sheet asks for them.
extension Diagram {
    /// Every edge, labelled with its weight when asked; nodes show `x_k = value` (inputs) or `a_j^l` and
    /// `b = value`; each output has its target beside it.
    ///
    /// The text is the SVG's labels' size, scaled with the picture, so every label fits where the
    /// layout placed it: 7 pt, or smaller where the picture would be wider than `maxWidth`.
    ///
    /// - Parameters:
    ///   - maxWidth: the widest the picture may be, in centimetres.
    ///   - weightLabels: whether every edge carries its weight (too many labels cannot all find a free place).
    /// - Returns: a `tikzpicture` environment (needs `\usepackage{tikz}`).
    func tikz(maxWidth: Double, weightLabels: Bool) -> String {
        let layout = SVGLayout(self)
        let left = (nodes.map { layout.x($0.x) }.min() ?? 0) - radius
        let right = (nodes.map { layout.x($0.x) }.max() ?? 0) + radius + 90
        let top = (nodes.map { $0.y }.min() ?? 0) - radius - 10
        let pointsPerCentimetre = 28.45, textPoints = 7.0
        let scale = min(textPoints / pointsPerCentimetre / SVGLayout.labelFont, maxWidth / (right - left))
        func point(_ x: Double, _ y: Double) -> String { "(\(f((x - left) * scale)),\(f(-(y - top) * scale)))" }
        let size = SVGLayout.labelFont * scale * pointsPerCentimetre
        let font = "\\fontsize{\(f(size))}{\(f(size * 1.2))}\\selectfont"
        var out = ["\\begin{tikzpicture}[every node/.style={font=\(font), inner sep=1pt}]"]
        for edge in edges {
            guard let s = layout.endpoints(edge) else { continue }
            out.append("\\draw[gray!70, -{latex}] \(point(s.x1, s.y1)) -- \(point(s.x2, s.y2));")
        }
        for node in nodes {
            let center = point(layout.x(node.x), node.y)
            out.append("\\draw[thick] \(center) circle (\(f(radius * scale))cm);")
            let lines = node.layer == 0
                ? ["$\(Diagram.latex(node.name))$", "$\(node.valueText)$"]
                : ["$\(Diagram.latex(node.name))$"] + (node.biasText.map { ["$b = \($0)$"] } ?? [])
            out.append("\\node[align=center] at \(center) {\(lines.joined(separator: "\\\\ "))};")
            if node.layer == depth, let target = targets[node.index] {
                out.append("\\node[anchor=west] at \(point(layout.x(node.x) + radius + 6, node.y)) {$\(Diagram.latex(target.name)) = \(target.valueText)$};")
            }
        }
        let labelled = weightLabels ? edges : []
        for (edge, place) in zip(labelled, layout.labelPlaces(labelled, diagram: self)) {
            if let l = place.leader { out.append("\\draw[gray] \(point(l.x1, l.y1)) -- \(point(l.x2, l.y2));") }
            out.append("\\node[fill=white, draw=gray!60, rounded corners=1pt] at \(point(place.box.centerX, place.box.centerY)) "
                + "{$\(Diagram.latex(edge.name)) = \(edge.weightText)$};")
        }
        out.append("\\end{tikzpicture}")
        return out.joined(separator: "\n")
    }

    /// A name in LaTeX math: `w_{00}^{2}`.
    static func latex(_ name: Name) -> String {
        name.base + (name.sub.isEmpty ? "" : "_{\(name.sub)}") + (name.sup.isEmpty ? "" : "^{\(name.sup)}")
    }

    /// A length in centimetres to two decimals; never `-0.00`.
    private func f(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return NumberText.fixed(rounded == 0 ? 0 : rounded, decimals: 2)
    }
}
