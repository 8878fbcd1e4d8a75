extension GraphPicture {
    /// The picture as Graphviz input, micrograd's way: `rankdir=LR`, each node a `record` of its
    /// name, `value …` and `grad …` (the SVG's words), each operation an `ellipse` node (`"n7_op"`,
    /// a circle round a short name) between the node's inputs and its record; a leaf has none. The
    /// lit nodes, their operations and the edges between them in the chosen weight's vermillion and
    /// thicker (`penwidth=3`); the context nodes grey and dashed, the other edges thin grey. The
    /// graph's label, under the picture, is the legend. Names are written with Unicode scripts
    /// (`z₁²`), every ID is quoted and every label escaped; the same graph gives the same bytes.
    package func dot() -> String {
        let anyLit = boxes.contains(where: { $0.lit })
        var lines = ["digraph computation {"]
        lines.append("  // " + description)
        lines.append("  rankdir=LR;")
        // Each operation's in-edges are written in the order of its inputs; `ordering=in` keeps
        // them in that order from the top, as the legend says.
        lines.append("  ordering=in;")
        lines.append("  nodesep=0.25;")
        lines.append("  ranksep=0.45;")
        lines.append("  node [fontname=\"Helvetica\", fontsize=11, color=\"\(GraphPicture.plainStroke)\", style=filled, fillcolor=\"\(GraphPicture.plainFill)\"];")
        lines.append("  edge [color=\"\(GraphPicture.edgeStroke)\(anyLit ? "8c" : "")\", penwidth=1.2, arrowsize=0.7];")
        for (b, box) in boxes.enumerated() {
            let fields = "{ \(recordEscaped(GraphPicture.unicode(box.name))) | { \(recordEscaped(GraphPicture.valueText(box.value))) | \(recordEscaped(GraphPicture.gradientText(box.gradient))) } }"
            lines.append("  \(dotID(nodeID(b))) [shape=record, label=\"\(fields)\", tooltip=\(dotLabel([GraphPicture.unicode(box.name)]))\(style(box))];")
            if let operation = box.operation {
                lines.append("  \(dotID(nodeID(b) + "_op")) [shape=ellipse, width=0.3, height=0.3, margin=\"0.04,0.02\", label=\(dotLabel([operation])), tooltip=\(dotLabel([box.formula])), fontsize=12\(style(box))];")
            }
        }
        for link in links {
            lines.append("  \(dotID(nodeID(link.from))) -> \(dotID(nodeID(link.to) + "_op"))\(link.lit ? litEdge : "");")
        }
        for (b, box) in boxes.enumerated() where box.operation != nil {
            lines.append("  \(dotID(nodeID(b) + "_op")) -> \(dotID(nodeID(b)))\(box.lit ? litEdge : "");")
        }
        lines.append("  " + legend)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A node's DOT ID, from its id in the graph: `n7`.
    private func nodeID(_ b: Int) -> String { "n\(boxes[b].id)" }

    private var litEdge: String { " [color=\"\(GraphPicture.litStroke)\", penwidth=3]" }

    /// The attributes after a node's label: lit vermillion and thick, context grey and dashed.
    private func style(_ box: Box) -> String {
        if box.lit { return ", color=\"\(GraphPicture.litStroke)\", fillcolor=\"\(GraphPicture.litFill)\", penwidth=3" }
        if box.context {
            return ", color=\"\(GraphPicture.contextStroke)\", fillcolor=\"#ffffff\", style=\"filled,dashed\", fontcolor=\"#5a5a5a\""
        }
        return ""
    }

    /// The legend, as the graph's label under the picture (a node of its own would widen a rank):
    /// a swatch and a line of ``legendLines`` per row.
    private var legend: String {
        let swatches = ["<FONT COLOR=\"\(GraphPicture.plainStroke)\">▭</FONT>", "<FONT COLOR=\"\(GraphPicture.litStroke)\" POINT-SIZE=\"16\">━━▶</FONT>"]
        let rows = zip(swatches, legendLines).map { swatch, text in
            "<TR><TD ALIGN=\"LEFT\">\(swatch)</TD><TD ALIGN=\"LEFT\">\(htmlEscaped(text))</TD></TR>"
        }.joined()
        return "graph [fontname=\"Helvetica\", fontsize=10, labelloc=\"b\", labeljust=\"l\", label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\(rows)</TABLE>>];"
    }
}

/// Text for a field of a DOT `record` label: the characters a record reads as structure
/// (`{ } | < >`), quotes and backslashes escaped with a backslash.
private func recordEscaped(_ s: String) -> String {
    var out = ""
    for c in s {
        if "{}|<>\"\\".contains(c) { out.append("\\") }
        if c == "\n" || c == "\r" { out += " "; continue }
        out.append(c)
    }
    return out
}
