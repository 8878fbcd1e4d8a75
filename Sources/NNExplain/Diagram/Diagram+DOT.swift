extension Diagram {
    /// The diagram as Graphviz input: `dot -Tsvg` or `dot -Tpng` lays it out left to right.
    ///
    /// One cluster per layer (labelled `L-1 (l = 2)` and its activation, its nodes on one rank), a
    /// node per drawn node labelled with its name and value (`a_1^L` over `0.5989`), an edge
    /// statement per drawn weight labelled with its value near its arrow head (between layers with
    /// more than 36 drawn edges only the highlighted ones), `penwidth` growing with `|w|` and coloured
    /// by sign; highlighted edges and nodes in the same colours as the SVG, bold; the target `y_j`
    /// under each output node's value; the title and the caption as the graph label. Nodes are
    /// written in index order with `ordering=out`, which Graphviz usually, but not always, keeps. Left-out nodes of a large layer become one plaintext node
    /// "⋯ n more" (see ``Diagram``). Every ID is quoted and every label escaped; the output is the same
    /// bytes for the same input.
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
        let graphLabel = [title] + (highlight.map { $0.caption.isEmpty ? [] : [$0.caption] } ?? [])
        lines.append("  graph [fontname=\"Helvetica\", fontsize=14, labelloc=\"t\", label=\(dotLabel(graphLabel))];")
        lines.append("  node [shape=circle, fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#f4f6f9\", color=\"#4a5463\"];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.5];")

        for column in columns {
            lines.append("  subgraph \(dotID("cluster_layer\(column.layer)")) {")
            lines.append("    rank=same;")
            lines.append("    style=rounded; color=\"#d0d5dc\"; fontsize=12;")
            lines.append("    label=\(dotLabel([column.label, column.detail]));")
            // Nodes and ellipsis slots in their order down the column.
            var members: [(y: Double, line: String)] = []
            for node in nodes where node.layer == column.layer {
                var label = [node.name.plain, node.valueText]
                if node.layer == depth, let target = targets[node.index] { label.append(target.plain) }
                var attributes = ["label=\(dotLabel(label))"]
                switch node.role {
                case .plain: break
                case .chosen, .sum, .upstream:
                    attributes.append("color=\"\(Diagram.color(node.role))\"")
                    attributes.append("penwidth=\(node.role == .chosen ? "3" : "2")")
                }
                members.append((node.y, "    \(dotID(nodeID(node.layer, node.index))) [\(attributes.joined(separator: ", "))];"))
            }
            for slot in more where slot.layer == column.layer {
                members.append((slot.y, "    \(dotID(moreID(slot))) [shape=plaintext, style=\"\", label=\(dotLabel(["⋯ \(slot.count) more"]))];"))
            }
            lines += members.sorted { $0.y < $1.y }.map(\.line)
            lines.append("  }")
        }

        // By source node, then target, for `ordering=out`.
        let bySource = edges.enumerated().sorted {
            ($0.element.layer, $0.element.k, $0.element.j, $0.offset) < ($1.element.layer, $1.element.k, $1.element.j, $1.offset)
        }.map(\.element)
        // Between two dense layers only the highlighted edges are labelled (the others carry the
        // weight as a tooltip).
        var drawnPerLayer: [Int: Int] = [:]
        for edge in edges { drawnPerLayer[edge.layer, default: 0] += 1 }
        for edge in bySource {
            var attributes: [String] = []
            // A `headlabel` sits just before the arrow head, above its own edge, where the edges into a
            // node fan apart: read there, each weight is next to its line, not lost in the crossings.
            if drawnPerLayer[edge.layer, default: 0] <= Diagram.maxLabelledEdges || edge.role != .plain {
                attributes.append("headlabel=\(dotLabel([edge.weightText]))")
                attributes.append("labeldistance=3.2")
                attributes.append("labelangle=-14")
            }
            switch edge.role {
            case .plain:
                let color = edge.weight >= 0 ? Diagram.positiveColor : Diagram.negativeColor
                // `#RRGGBBAA`: the plain edges muted, more so when something is highlighted.
                attributes.append("color=\"\(color)\(highlight == nil ? "b0" : "66")\"")
                attributes.append("fontcolor=\"#666666\"")
                attributes.append("penwidth=\(dotNumber(strokeWidth(edge.weight)))")
            case .chosen, .sum, .upstream:
                let color = Diagram.color(edge.role)
                attributes.append("color=\"\(color)\"")
                attributes.append("fontcolor=\"\(color)\"")
                attributes.append("penwidth=\(edge.role == .chosen ? "4" : edge.role == .sum ? "3" : "2")")
                attributes.append(edge.role == .upstream ? "style=\"bold,dashed\"" : "style=bold")
            }
            attributes.append("tooltip=\(dotLabel([edge.name.plain + " = " + edge.weightText]))")
            lines.append("  \(dotID(nodeID(edge.layer - 1, edge.k))) -> \(dotID(nodeID(edge.layer, edge.j))) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Between two layers with more drawn edges than this, plain edges have no label in DOT.
    static let maxLabelledEdges = 36

    private func nodeID(_ layer: Int, _ index: Int) -> String { "l\(layer)_n\(index)" }

    private func moreID(_ slot: More) -> String { "l\(slot.layer)_more\(slot.first)" }
}

/// A quoted DOT ID.
private func dotID(_ id: String) -> String { "\"" + dotEscaped(id) + "\"" }

/// A quoted DOT label of centred lines.
private func dotLabel(_ lines: [String]) -> String {
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
