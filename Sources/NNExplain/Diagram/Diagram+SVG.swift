
extension Diagram {
    /// The diagram as a self-contained SVG 1.1 document (UTF-8 text, ending with a newline).
    ///
    /// Top to bottom: the title, the layers as columns (nodes as circles named `a_j^l` with the value
    /// `a_j^l` underneath, the targets `y_j` beside the output layer), each column's label
    /// (`L-1 (l = 2)` and its activation), a legend, and the caption. Plain edges are muted, blue for
    /// positive and orange for negative weights, as wide as `|w|` relative to the largest weight;
    /// highlighted edges are drawn on top of them in one strong colour per role, the chosen weight and
    /// the sum's weights labelled with their values. A layer of more than 12 nodes shows its first 10
    /// and an ellipsis slot "⋯ n more" (see ``Diagram``).
    ///
    /// Every element a test might count carries a class: `node` circles (plus `chosen`, `sum`,
    /// `upstream` when highlighted), `edge` lines (`edge plain positive`, `edge chosen`, …), `more`
    /// for ellipsis slots, `caption` for the caption. Coordinates have one decimal, so the same input
    /// gives the same bytes everywhere.
    public func svg() -> String { svg(marks: nil) }

    /// The same picture, each edge and node in a group carrying the attributes of `marks`.
    func svg(marks: SVGMarks?) -> String {
        let layout = SVGLayout(self)
        var out = SVGWriter()
        let width = layout.width, height = layout.height
        out.line(##"<?xml version="1.0" encoding="UTF-8"?>"##)
        out.line(##"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\##(f(width))" height="\##(f(height))" viewBox="0 0 \##(f(width)) \##(f(height))" font-family="\##(SVGLayout.sans)">"##)
        out.line("<title>\(xml(title))</title>")
        out.line(##"<rect class="background" x="0" y="0" width="\##(f(width))" height="\##(f(height))" fill="#ffffff"/>"##)

        // Title.
        out.line(##"<text class="title" x="\##(f(width / 2))" y="34.0" text-anchor="middle" font-size="18" font-weight="bold" fill="#222222">\##(xml(title))</text>"##)

        // Edges: plain first, then the highlighted ones on top, the strongest last.
        out.line(##"<g class="edges" stroke-linecap="round">"##)
        for role in [Role.plain, .upstream, .sum, .chosen] {
            for edge in edges where edge.role == role {
                out.line(marks?.wrap(edgeLine(edge, layout), edge, endpoints: layout.endpoints(edge)) ?? edgeLine(edge, layout))
            }
        }
        out.line("</g>")

        // Nodes.
        out.line(##"<g class="nodes">"##)
        for node in nodes { out += marks?.wrap(nodeMarkup(node, layout), node) ?? nodeMarkup(node, layout) }
        for slot in more { out += moreMarkup(slot, layout) }
        out.line("</g>")

        // Weight labels of the chosen edge and the sum's edges, above everything else.
        let labelled = edges.filter { $0.role == .chosen || $0.role == .sum }
        if !labelled.isEmpty {
            out.line(##"<g class="weight-labels">"##)
            for edge in labelled { out += edgeLabel(edge, layout) }
            out.line("</g>")
        }

        // Column labels.
        out.line(##"<g class="layer-labels" text-anchor="middle">"##)
        for column in columns {
            let x = layout.x(column.x)
            let nodes = column.size == 1 ? "1 node" : "\(column.size) nodes"
            out.line(##"<text class="layer-label" x="\##(f(x))" y="\##(f(layout.layerLabelY))" font-size="13" font-weight="bold" fill="#333333">\##(xml(column.label))</text>"##)
            out.line(##"<text class="layer-detail" x="\##(f(x))" y="\##(f(layout.layerLabelY + 16))" font-size="11" fill="#666666">\##(xml(column.detail + ", " + nodes))</text>"##)
        }
        out.line("</g>")

        out += legendMarkup(layout)

        if let caption = highlight?.caption, !caption.isEmpty {
            out.line(##"<text class="caption" x="\##(f(width / 2))" y="\##(f(layout.captionY))" text-anchor="middle" font-size="15" fill="#222222">\##(xml(caption))</text>"##)
        }
        out.line("</svg>")
        return out.text
    }

    // MARK: Pieces

    private func edgeLine(_ edge: Edge, _ layout: SVGLayout) -> String {
        guard let (x1, y1, x2, y2) = layout.endpoints(edge) else { return "" }
        let title = "<title>\(xml(edge.name.plain + " = " + edge.weightText))</title>"
        let coordinates = ##"x1="\##(f(x1))" y1="\##(f(y1))" x2="\##(f(x2))" y2="\##(f(y2))""##
        switch edge.role {
        case .plain:
            let positive = edge.weight >= 0
            let color = positive ? Diagram.positiveColor : Diagram.negativeColor
            let opacity = highlight == nil ? "0.6" : "0.3"
            return ##"<line class="edge plain \##(positive ? "positive" : "negative")" \##(coordinates) stroke="\##(color)" stroke-width="\##(f(strokeWidth(edge.weight)))" stroke-opacity="\##(opacity)">\##(title)</line>"##
        case .chosen, .sum, .upstream:
            let width = edge.role == .chosen ? 4.5 : edge.role == .sum ? 3.2 : 2.2
            let dash = edge.role == .upstream ? ##" stroke-dasharray="7 4""## : ""
            return ##"<line class="edge \##(Diagram.className(edge.role))" \##(coordinates) stroke="\##(Diagram.color(edge.role))" stroke-width="\##(f(width))"\##(dash)>\##(title)</line>"##
        }
    }

    private func nodeMarkup(_ node: Node, _ layout: SVGLayout) -> String {
        let x = layout.x(node.x), y = node.y, r = Diagram.radius
        let (fill, stroke, strokeWidth): (String, String, Double)
        switch node.role {
        case .plain: (fill, stroke, strokeWidth) = ("#f4f6f9", "#4a5463", 1.5)
        case .chosen: (fill, stroke, strokeWidth) = ("#fde4ee", Diagram.color(.chosen), 3)
        case .sum: (fill, stroke, strokeWidth) = ("#e3f4e8", Diagram.color(.sum), 2.5)
        case .upstream: (fill, stroke, strokeWidth) = ("#efe9fa", Diagram.color(.upstream), 2)
        }
        let role = node.role == .plain ? "" : " " + Diagram.className(node.role)
        var tooltip = node.name.plain + " = " + node.valueText
        if let z = node.zText { tooltip += ", z = " + z }
        var out = SVGWriter()
        out.line(##"<g class="node-group">"##)
        out.line("<title>\(xml(tooltip))</title>")
        out.line(##"<circle class="node\##(role)" cx="\##(f(x))" cy="\##(f(y))" r="\##(f(r))" fill="\##(fill)" stroke="\##(stroke)" stroke-width="\##(f(strokeWidth))"/>"##)
        out.line(##"<text class="node-name" x="\##(f(x))" y="\##(f(y + 4.5))" text-anchor="middle" font-size="14" fill="#1a1a1a">\##(math(node.name, suffix: "", size: 14))</text>"##)
        // The value under the circle, on a white plate so the edges behind it do not cross the digits.
        let valueWidth = SVGLayout.monoWidth(node.valueText, size: 11) + 8
        let plateY = y + r + 3
        out.line(##"<rect class="value-plate" x="\##(f(x - valueWidth / 2))" y="\##(f(plateY))" width="\##(f(valueWidth))" height="15.0" rx="3.0" fill="#ffffff" fill-opacity="0.9"/>"##)
        out.line(##"<text class="node-value" x="\##(f(x))" y="\##(f(plateY + 11.5))" text-anchor="middle" font-size="11" font-family="\##(SVGLayout.mono)" fill="#222222">\##(xml(node.valueText))</text>"##)
        if node.layer == depth, let target = targets[node.index] {
            out.line(##"<text class="target" x="\##(f(x + r + 8))" y="\##(f(y + 4.5))" font-size="13" fill="#555555">\##(math(target.name, suffix: " = " + target.valueText, size: 13))</text>"##)
        }
        out.line("</g>")
        return out.text
    }

    private func moreMarkup(_ slot: More, _ layout: SVGLayout) -> String {
        let text = "⋯ \(slot.count) more"
        let width = SVGLayout.sansWidth(text, size: 12) + 14
        let x = layout.x(slot.x)
        var out = SVGWriter()
        out.line(##"<g class="more-group">"##)
        out.line("<title>\(xml("nodes \(slot.first)…\(slot.last) not drawn"))</title>")
        out.line(##"<rect class="more" x="\##(f(x - width / 2))" y="\##(f(slot.y - 13))" width="\##(f(width))" height="26.0" rx="13.0" fill="#ffffff" stroke="#8a93a0" stroke-dasharray="4 3"/>"##)
        out.line(##"<text class="more-label" x="\##(f(x))" y="\##(f(slot.y + 4.5))" text-anchor="middle" font-size="12" fill="#555555">\##(xml(text))</text>"##)
        out.line("</g>")
        return out.text
    }

    /// `w_02^L = 0.2` on a white plate halfway along the edge.
    private func edgeLabel(_ edge: Edge, _ layout: SVGLayout) -> String {
        guard let (x1, y1, x2, y2) = layout.endpoints(edge) else { return "" }
        let t = 0.5
        let x = x1 + (x2 - x1) * t, y = y1 + (y2 - y1) * t
        let suffix = " = " + edge.weightText
        let width = SVGLayout.mathWidth(edge.name, suffix: suffix, size: 12) + 10
        let color = Diagram.color(edge.role)
        var out = SVGWriter()
        out.line(##"<rect class="weight-plate" x="\##(f(x - width / 2))" y="\##(f(y - 10))" width="\##(f(width))" height="19.0" rx="4.0" fill="#ffffff" fill-opacity="0.92" stroke="\##(color)" stroke-width="1.0"/>"##)
        out.line(##"<text class="weight-label \##(Diagram.className(edge.role))" x="\##(f(x))" y="\##(f(y + 4))" text-anchor="middle" font-size="12" fill="\##(color)">\##(math(edge.name, suffix: suffix, size: 12))</text>"##)
        return out.text
    }

    private func legendMarkup(_ layout: SVGLayout) -> String {
        var out = SVGWriter()
        out.line(##"<g class="legend" font-size="12" fill="#333333">"##)
        let x0 = layout.legendX
        var y = layout.legendY
        // The plain edges: sign and width.
        out.line(##"<line class="legend-swatch" x1="\##(f(x0))" y1="\##(f(y - 4))" x2="\##(f(x0 + 26))" y2="\##(f(y - 4))" stroke="\##(Diagram.positiveColor)" stroke-width="3.0"/>"##)
        out.line(##"<text x="\##(f(x0 + 32))" y="\##(f(y))">w &gt; 0</text>"##)
        let x1 = x0 + 32 + SVGLayout.sansWidth("w > 0", size: 12) + 16
        out.line(##"<line class="legend-swatch" x1="\##(f(x1))" y1="\##(f(y - 4))" x2="\##(f(x1 + 26))" y2="\##(f(y - 4))" stroke="\##(Diagram.negativeColor)" stroke-width="3.0"/>"##)
        out.line(##"<text x="\##(f(x1 + 32))" y="\##(f(y))">\##(xml(SVGLayout.signLegendTail))</text>"##)
        for entry in legendEntries {
            y += SVGLayout.legendLine
            let dash = entry.role == .upstream ? ##" stroke-dasharray="7 4""## : ""
            out.line(##"<line class="legend-swatch" x1="\##(f(x0))" y1="\##(f(y - 4))" x2="\##(f(x0 + 26))" y2="\##(f(y - 4))" stroke="\##(Diagram.color(entry.role))" stroke-width="3.5"\##(dash)/>"##)
            out.line(##"<text class="legend-\##(Diagram.className(entry.role))" x="\##(f(x0 + 32))" y="\##(f(y))">\##(xml(entry.text))</text>"##)
        }
        out.line("</g>")
        return out.text
    }

    /// `a_2^(L-1)` as `a` with a subscript `2` and a superscript `L-1`, followed by `suffix`.
    private func math(_ name: Name, suffix: String, size: Double) -> String {
        var out = xml(name.base)
        var raised = 0.0
        if !name.sub.isEmpty {
            out += ##"<tspan dy="4.0" font-size="70%">\##(xml(name.sub))</tspan>"##
            raised = -4
        }
        if !name.sup.isEmpty {
            out += ##"<tspan dy="\##(f(raised - 8))" font-size="70%">\##(xml(name.sup))</tspan>"##
            raised = 8
        }
        if !suffix.isEmpty {
            // librsvg drops a space (even a no-break space) at the start of a tspan, so a leading
            // space becomes a shift of a space's width.
            var rest = Substring(suffix)
            var shift = 0.0
            while rest.hasPrefix(" ") { rest = rest.dropFirst(); shift += 0.32 * size }
            let dx = shift > 0 ? ##" dx="\##(f(shift))""## : ""
            out += ##"<tspan dy="\##(f(raised))"\##(dx)>\##(xml(String(rest)))</tspan>"##
        }
        return out
    }
}

// MARK: - Layout of the canvas

/// Where the SVG puts the things the model does not place: the canvas size, the horizontal shift
/// that centres the columns, and the rows under the columns.
private struct SVGLayout {
    static let sans = "DejaVu Sans, Helvetica, Arial, sans-serif"
    static let mono = "DejaVu Sans Mono, Menlo, Consolas, monospace"
    static let legendLine = 20.0
    static let signLegendTail = "w < 0 (width ∝ |w|)"

    let width: Double
    let height: Double
    /// Added to every model x.
    let shift: Double
    let layerLabelY: Double
    let legendX: Double
    let legendY: Double
    let captionY: Double
    private let positions: [Int: [Int: (x: Double, y: Double)]]

    init(_ diagram: Diagram) {
        let r = Diagram.radius
        var targetWidth = 0.0
        for node in diagram.nodes where node.layer == diagram.depth {
            if let target = diagram.targets[node.index] {
                targetWidth = max(targetWidth, SVGLayout.mathWidth(target.name, suffix: " = " + target.valueText, size: 13))
            }
        }

        let left = diagram.columns.first?.x ?? Diagram.marginX
        let right = (diagram.columns.last?.x ?? left) + max(Diagram.marginX, r + 8 + targetWidth + 16)
        let content = right
        // The widest text line: title, caption, legend lines.
        var needed = content
        needed = max(needed, SVGLayout.sansWidth(diagram.title, size: 18) * 1.05 + 40)
        if let caption = diagram.highlight?.caption {
            needed = max(needed, SVGLayout.sansWidth(caption, size: 15) + 40)
        }
        var legendWidth = 32 + SVGLayout.sansWidth("w > 0", size: 12) + 16 + 32 + SVGLayout.sansWidth(SVGLayout.signLegendTail, size: 12)
        for entry in diagram.legendEntries {
            legendWidth = max(legendWidth, 32 + SVGLayout.sansWidth(entry.text, size: 12))
        }
        needed = max(needed, legendWidth + 40)
        width = (needed).rounded(.up)
        shift = ((width - content) / 2).rounded()

        let nodesBottom = Diagram.titleHeight + 2 * r + Double(diagram.maxSlots - 1) * Diagram.rowGap + 20
        layerLabelY = nodesBottom + 20
        legendX = ((width - legendWidth) / 2).rounded()
        legendY = layerLabelY + 16 + 34
        let legendBottom = legendY + Double(diagram.legendEntries.count) * SVGLayout.legendLine
        let hasCaption = !(diagram.highlight?.caption.isEmpty ?? true)
        captionY = legendBottom + (hasCaption ? 32 : 0)
        height = (captionY + 22).rounded(.up)

        var positions: [Int: [Int: (x: Double, y: Double)]] = [:]
        for node in diagram.nodes { positions[node.layer, default: [:]][node.index] = (node.x, node.y) }
        self.positions = positions
    }

    func x(_ modelX: Double) -> Double { modelX + shift }

    /// The edge from node k of layer l-1 to node j of layer l, from circle rim to circle rim.
    func endpoints(_ edge: Diagram.Edge) -> (Double, Double, Double, Double)? {
        guard let from = positions[edge.layer - 1]?[edge.k], let to = positions[edge.layer]?[edge.j] else { return nil }
        let dx = to.x - from.x, dy = to.y - from.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return nil }
        let (ux, uy) = (dx / length, dy / length)
        let r = Diagram.radius
        return (x(from.x) + r * ux, from.y + r * uy, x(to.x) - r * ux, to.y - r * uy)
    }

    /// Estimated widths: about 0.6 em per character in DejaVu Sans, exactly 0.602 em in DejaVu Sans Mono.
    static func sansWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }
    static func monoWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.602 }

    static func mathWidth(_ name: Diagram.Name, suffix: String, size: Double) -> Double {
        sansWidth(name.base + suffix, size: size) + sansWidth(name.sub + name.sup, size: size * 0.7)
    }
}

// MARK: - Text helpers

/// Lines of markup, each ending with a newline.
private struct SVGWriter {
    var text = ""
    mutating func line(_ s: String) {
        guard !s.isEmpty else { return }
        text += s
        if !s.hasSuffix("\n") { text += "\n" }
    }
    static func += (lhs: inout SVGWriter, rhs: String) { lhs.text += rhs }
}

/// A coordinate with one decimal; never `-0.0`.
private func f(_ x: Double) -> String {
    let rounded = (x * 10).rounded() / 10
    return NumberText.cFormat("%.1f", rounded == 0 ? 0 : rounded)
}

/// Text escaped for XML character data and attribute values.
private func xml(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default:
            // XML 1.0 forbids most control characters; drop them rather than emit an invalid document.
            if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { continue }
            out.unicodeScalars.append(c)
        }
    }
    return out
}
