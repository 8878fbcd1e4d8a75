/// A hook for pages that make the SVG interactive: the attributes to put on a group around each
/// drawn edge and node (an id, `tabindex`, `role`, `aria-label`, data attributes). With marks, every
/// edge's group also holds a transparent line 12 units wide along the edge, so a thin edge can be
/// clicked. The picture itself is unchanged: without marks ``Diagram/svg()`` writes the same bytes.
struct SVGMarks: Sendable {
    /// The attribute text (` key="value"…`, already escaped) for the edge `w_jk^l`.
    var edge: @Sendable (_ layer: Int, _ j: Int, _ k: Int) -> String
    /// The attribute text for node `index` of `layer`.
    var node: @Sendable (_ layer: Int, _ index: Int) -> String

    /// The edge's line in its marked group, with the wider transparent line to click on.
    func wrap(_ line: String, _ edge: Diagram.Edge, endpoints: Segment?) -> String {
        guard !line.isEmpty, let s = endpoints else { return line }
        let (x1, y1, x2, y2) = (s.x1, s.y1, s.x2, s.y2)
        let coordinates = [("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)].map { name, value in
            "\(name)=\"\(NumberText.fixed((value * 10).rounded() / 10, decimals: 1))\""
        }.joined(separator: " ")
        return "<g class=\"mark edge-mark\"\(self.edge(edge.layer, edge.j, edge.k))>" + line
            + "<line class=\"hit\" \(coordinates) stroke=\"transparent\" stroke-width=\"12\"/></g>"
    }

    /// The node's group in its marked group.
    func wrap(_ markup: String, _ node: Diagram.Node) -> String {
        "<g class=\"mark node-mark\"\(self.node(node.layer, node.index))>\n" + markup + "</g>\n"
    }
}
