extension Diagram {
    /// The diagram as Graphviz input: `dot -Tsvg` or `dot -Tpng` lays it out left to right.
    ///
    /// One cluster per layer (labelled `L-1 (l = 2)` and its activation, its nodes on one rank), a
    /// node per drawn node with an HTML-like label in real notation: its name with `<SUB>`/`<SUP>`,
    /// its value, its bias `b = …` when the network has biases, and the target `y_j` under each
    /// output node. An edge statement per drawn weight, `penwidth` growing with `|w|`, coloured by
    /// sign and dashed when negative, without label or arrow head; the highlighted edges in the
    /// SVG's colours (see ``Stroke``), with arrow heads, the chosen one solid, the sum's bold (never
    /// dashed, which is a negative weight's style) and the path on dotted, and only the chosen
    /// weight and the sum's weights labelled, near their heads. A legend (``dotLegend()``) says so. The title and the caption are the
    /// graph label. Nodes are written in index order with `ordering=out`, which Graphviz usually,
    /// but not always, keeps. Left-out nodes of a large layer become one plaintext node
    /// "⋯ n more" (see ``Diagram``). Every ID is quoted and every label escaped; the output is the
    /// same bytes for the same input.
    public func dot() -> String {
        var lines: [String] = []
        lines.append("digraph network {")
        lines.append("  rankdir=LR;")
        lines.append("  newrank=true;")
        lines.append("  splines=line;")
        // With the edges written by source node, `ordering=out` and (almost) no crossing
        // minimisation leave every layer's nodes in index order, top to bottom, as in the SVG.
        lines.append("  ordering=out;")
        lines.append("  mclimit=0.01;")
        lines.append("  forcelabels=true;")
        lines.append("  nodesep=0.3;")
        lines.append("  ranksep=1.6;")
        var graphLabel = htmlEscaped(title)
        if let caption = highlight?.caption, !caption.pieces.isEmpty { graphLabel += "<BR/>" + html(caption) }
        lines.append("  graph [fontname=\"Helvetica\", fontsize=14, labelloc=\"t\", label=<\(graphLabel)>];")
        lines.append("  node [shape=circle, fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"\(Diagram.fill(.plain))\", color=\"#4a5463\"];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=10, arrowhead=none];")

        for column in columns {
            lines.append("  subgraph \(dotID("cluster_layer\(column.layer)")) {")
            lines.append("    rank=same;")
            lines.append("    style=rounded; color=\"#d0d5dc\"; fontsize=12;")
            lines.append("    label=\(dotLabel([column.label, column.detail]));")
            // Nodes and ellipsis slots in their order down the column.
            var members: [(y: Double, line: String)] = []
            for node in nodes where node.layer == column.layer {
                var label = [html(Rich(.name(node.name))), htmlEscaped(node.valueText)]
                if let bias = node.biasText { label.append("<FONT POINT-SIZE=\"9\">\(htmlEscaped(Diagram.biasLine(bias)))</FONT>") }
                if node.layer == depth, let target = targets[node.index] {
                    label.append(html(Rich(.name(target.name), .text(" = " + target.valueText))))
                }
                var attributes = ["label=<\(label.joined(separator: "<BR/>"))>"]
                if node.role != .plain {
                    attributes.append("color=\"\(Diagram.color(node.role))\"")
                    attributes.append("fillcolor=\"\(Diagram.fill(node.role))\"")
                    attributes.append("penwidth=\(node.role == .chosen ? "3" : "2")")
                }
                members.append((node.y, "    \(dotID(nodeID(node.layer, node.index))) [\(attributes.joined(separator: ", "))];"))
            }
            for slot in more where slot.layer == column.layer {
                members.append((slot.y, "    \(dotID(moreID(slot))) [shape=plaintext, style=\"\", label=\(dotLabel(["⋯ \(slot.count) more"]))];"))
            }
            lines += members.sorted { $0.y < $1.y }.map { $0.line }
            lines.append("  }")
        }

        // By source node, then target, for `ordering=out`.
        let bySource = edges.enumerated().sorted {
            ($0.element.layer, $0.element.k, $0.element.j, $0.offset) < ($1.element.layer, $1.element.k, $1.element.j, $1.offset)
        }.map { $0.element }
        for edge in bySource {
            var attributes: [String] = []
            switch edge.role {
            case .plain:
                let color = edge.weight >= 0 ? Diagram.positiveColor : Diagram.negativeColor
                // `#RRGGBBAA`: the plain edges muted, more so when something is highlighted.
                attributes.append("color=\"\(color)\(highlight == nil ? "c0" : "80")\"")
                attributes.append("penwidth=\(dotNumber(strokeWidth(edge.weight)))")
                if edge.weight < 0 { attributes.append("style=dashed") }
            case .chosen, .sum, .upstream:
                let stroke = Diagram.stroke(edge.role)
                attributes.append("color=\"\(stroke.color)\"")
                attributes.append("penwidth=\(dotNumber(stroke.width * 0.8))")
                attributes.append("style=\(Diagram.dotStyle(edge.role))")
                if stroke.arrow { attributes.append("arrowhead=normal, arrowsize=0.7") }
            }
            // A `headlabel` sits just before the arrow head, where the edges into a node fan apart.
            if edge.role == .chosen || edge.role == .sum {
                attributes.append("headlabel=<\(html(Rich(.name(edge.name), .text(" = " + edge.weightText))))>")
                attributes.append("labeldistance=3.2, labelangle=-14, labelfontcolor=\"#1a1a1a\"")
            }
            attributes.append("tooltip=\(dotLabel([Diagram.unicode(edge.name) + " = " + edge.weightText]))")
            lines.append("  \(dotID(nodeID(edge.layer - 1, edge.k))) -> \(dotID(nodeID(edge.layer, edge.j))) [\(attributes.joined(separator: ", "))];")
        }
        lines += dotLegend()
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rich text as the inside of an HTML-like DOT label: names with `<SUB>` and `<SUP>`.
    func html(_ text: Rich) -> String {
        text.pieces.map { piece -> String in
            switch piece {
            case .text(let s): return htmlEscaped(s)
            case .name(let name):
                var out = htmlEscaped(name.base)
                if !name.sub.isEmpty { out += "<SUB>\(htmlEscaped(name.sub))</SUB>" }
                if !name.sup.isEmpty { out += "<SUP>\(htmlEscaped(name.sup))</SUP>" }
                return out
            }
        }.joined()
    }

    private func nodeID(_ layer: Int, _ index: Int) -> String { "l\(layer)_n\(index)" }

    private func moreID(_ slot: More) -> String { "l\(slot.layer)_more\(slot.first)" }
}

/// A quoted DOT ID.
func dotID(_ id: String) -> String { "\"" + dotEscaped(id) + "\"" }

/// A quoted DOT label of centred lines.
func dotLabel(_ lines: [String]) -> String {
    "\"" + lines.map(dotEscaped).joined(separator: "\\n") + "\""
}

/// Text for inside a DOT quoted string: quotes and backslashes escaped, line breaks as `\n`.
private func dotEscaped(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n", "\r\n", "\r": out += "\\n"
        default: out.append(c)
        }
    }
    return out
}

/// A DOT number with one decimal.
private func dotNumber(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

/// Text for inside an HTML-like DOT label: `&`, `<`, `>` and `"` as entities, control characters dropped.
func htmlEscaped(_ s: String) -> String { XMLText.escaped(s, for: .graphvizLabel) }
