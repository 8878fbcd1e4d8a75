/// The key to a DOT picture: what each style of edge means, as the SVG's legend says it. Graphviz
/// draws no legend of its own, so it is a node of its own, `"legend"`, in a cluster labelled
/// "Legend": an HTML-like table whose rows show a swatch of the line (box-drawing characters in
/// the edge's colour: `━━━` solid (larger for bold), `╍╍╍` dashed, `┈┈┈` dotted, `▶` an arrow head) and
/// what it stands for. It is drawn beside the layers, not joined to them by any edge.
extension Diagram {
    /// Each highlighted role's edge style in DOT: the chosen edge solid, the sum's terms bold, the
    /// path on to the output dotted; dashed is kept for negative weights alone.
    static func dotStyle(_ role: Role) -> String {
        switch role {
        case .chosen: return "solid"
        case .sum: return "bold"
        case .upstream: return "dotted"
        case .plain: return "solid"
        }
    }

    /// The swatch of a style in the legend.
    private static func dotSwatch(_ style: String, color: String, arrow: Bool) -> String {
        let line = switch style {
        case "dashed": "╍╍╍╍"
        case "dotted": "┈┈┈┈"
        default: "━━━━"
        }
        // Bold is the solid line set larger, so thicker.
        return "<FONT COLOR=\"\(color)\"\(style == "bold" ? " POINT-SIZE=\"16\"" : "")>\(line)\(arrow ? "▶" : "")</FONT>"
    }

    /// The legend's lines of DOT: its cluster, its one node and the table in its label.
    func dotLegend() -> [String] {
        var rows: [(swatch: String, text: String)] = [
            (Diagram.dotSwatch("solid", color: Diagram.positiveColor, arrow: false), htmlEscaped("w > 0 (line width ∝ |w|)")),
            (Diagram.dotSwatch("dashed", color: Diagram.negativeColor, arrow: false), htmlEscaped("w < 0, dashed (line width ∝ |w|)")),
        ]
        for entry in legendEntries {
            let style = Diagram.dotStyle(entry.role), stroke = Diagram.stroke(entry.role)
            rows.append((Diagram.dotSwatch(style, color: stroke.color, arrow: stroke.arrow), html(entry.text) + htmlEscaped(" (\(style))")))
        }
        if nodes.contains(where: { $0.biasText != nil }) {
            rows.append(("b = …", htmlEscaped("in a node: its bias, added to its weighted sum z")))
        }
        let table = rows.map { "<TR><TD ALIGN=\"LEFT\">\($0.swatch)</TD><TD ALIGN=\"LEFT\">\($0.text)</TD></TR>" }.joined()
        return [
            "  subgraph \(dotID("cluster_legend")) {",
            "    style=rounded; color=\"#d0d5dc\"; fontsize=12; label=\(dotLabel(["Legend"]));",
            "    \(dotID("legend")) [shape=plaintext, style=\"\", fontsize=10, label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\(table)</TABLE>>];",
            "  }",
        ]
    }
}
