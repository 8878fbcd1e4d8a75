
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
    ///
    /// - Parameter scale: the picture's size (its `width` and `height`) as a multiple of its layout,
    ///   1 by default: 1.5 shows it half as large again wherever it is placed at its own size.
    public func svg(scale: Double = 1) -> String { svg(marks: nil, scale: scale) }

    /// Whether the picture, laid out as it is, is taller than it is wide: `diagram` then lays it
    /// out again in landscape, for a screen.
    public var isTallerThanWide: Bool { let layout = SVGLayout(self); return layout.height > layout.width }

    /// The same picture, each edge and node in a group carrying the attributes of `marks`.
    func svg(marks: SVGMarks?, scale: Double = 1) -> String {
        let layout = SVGLayout(self)
        var out = SVGWriter()
        let width = layout.width, height = layout.height
        out.line(##"<?xml version="1.0" encoding="UTF-8"?>"##)
        out.line(##"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\##(f(width * scale))" height="\##(f(height * scale))" viewBox="0 0 \##(f(width)) \##(f(height))" font-family="\##(SVGLayout.sans)" role="img" aria-labelledby="diagram-title diagram-desc">"##)
        out.line(##"<title id="diagram-title">\##(xml(title))</title>"##)
        out.line(##"<desc id="diagram-desc">\##(xml(description))</desc>"##)
        out.line("<defs>")
        for role in [Role.chosen, .sum] {
            let stroke = Diagram.stroke(role), length = SVGLayout.arrowLength
            out.line(##"<marker id="arrow-\##(Diagram.className(role))" viewBox="0 0 10 10" refX="0" refY="5" markerUnits="userSpaceOnUse" markerWidth="\##(f(length))" markerHeight="\##(f(length))" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="\##(stroke.color)"/></marker>"##)
        }
        out.line("</defs>")
        out.line(##"<rect class="background" x="0" y="0" width="\##(f(width))" height="\##(f(height))" fill="#ffffff"/>"##)
        out.line(##"<text class="title" x="\##(f(width / 2))" y="34.0" text-anchor="middle" font-size="18" font-weight="bold" fill="#222222">\##(xml(title))</text>"##)

        // Edges: plain first, then the highlighted ones on top, the strongest last.
        out.line(##"<g class="edges" stroke-linecap="butt">"##)
        for role in [Role.plain, .upstream, .sum, .chosen] {
            for edge in edges where edge.role == role {
                out.line(marks?.wrap(edgeLine(edge, layout), edge, endpoints: layout.endpoints(edge)) ?? edgeLine(edge, layout))
            }
        }
        out.line("</g>")

        out.line(##"<g class="nodes">"##)
        for node in nodes { out += marks?.wrap(nodeMarkup(node, layout), node) ?? nodeMarkup(node, layout) }
        for slot in more { out += moreMarkup(slot, layout) }
        out.line("</g>")

        // Weight labels of the chosen edge and the sum's edges, each where nothing else crosses it.
        let labelled = edges.filter { $0.role == .chosen } + edges.filter { $0.role == .sum }
        if !labelled.isEmpty {
            out.line(##"<g class="weight-labels">"##)
            for (edge, place) in zip(labelled, layout.labelPlaces(labelled, diagram: self)) { out += edgeLabel(edge, place) }
            out.line("</g>")
        }

        out.line(##"<g class="layer-labels" text-anchor="middle">"##)
        for column in columns {
            let x = layout.x(column.x)
            let nodes = column.size == 1 ? "1 node" : "\(column.size) nodes"
            out.line(##"<text class="layer-label" x="\##(f(x))" y="\##(f(layout.layerLabelY))" font-size="13" font-weight="bold" fill="#333333">\##(xml(column.label))</text>"##)
            out.line(##"<text class="layer-detail" x="\##(f(x))" y="\##(f(layout.layerLabelY + 16))" font-size="11" fill="#666666">\##(xml(column.detail + ", " + nodes))</text>"##)
        }
        out.line("</g>")

        out += legendMarkup(layout)

        if let caption = highlight?.caption, !caption.pieces.isEmpty {
            out.line(##"<text class="caption" x="\##(f(width / 2))" y="\##(f(layout.captionY))" text-anchor="middle" font-size="\##(f(SVGLayout.captionFont))" fill="#222222">\##(rich(caption, size: SVGLayout.captionFont))</text>"##)
        }
        out.line("</svg>")
        return out.text
    }

    // MARK: Pieces

    /// A line's stroke attributes: colour, width, dash pattern, arrow head.
    private func strokeAttributes(_ stroke: Stroke, width: Double? = nil, arrow: String? = nil) -> String {
        var out = ##"stroke="\##(stroke.color)" stroke-width="\##(f(width ?? stroke.width))""##
        if let dash = stroke.dash { out += ##" stroke-dasharray="\##(dash)""## }
        if let arrow { out += ##" marker-end="url(#arrow-\##(arrow))""## }
        return out
    }

    private func edgeLine(_ edge: Edge, _ layout: SVGLayout) -> String {
        let stroke: Stroke
        var classes = "edge " + Diagram.className(edge.role)
        if edge.role == .plain {
            let positive = edge.weight >= 0
            classes += positive ? " positive" : " negative"
            stroke = Stroke(color: positive ? Diagram.positiveColor : Diagram.negativeColor, width: strokeWidth(edge.weight),
                            dash: positive ? nil : Diagram.negativeDash, arrow: false)
        } else {
            stroke = Diagram.stroke(edge.role)
        }
        guard let s = layout.endpoints(edge, arrow: stroke.arrow) else { return "" }
        let title = "<title>\(xml(Diagram.unicode(edge.name) + " = " + edge.weightText))</title>"
        let opacity = edge.role != .plain ? "" : highlight == nil ? ##" stroke-opacity="0.7""## : ##" stroke-opacity="0.45""##
        let attributes = strokeAttributes(stroke, arrow: stroke.arrow ? Diagram.className(edge.role) : nil)
        return ##"<line class="\##(classes)" x1="\##(f(s.x1))" y1="\##(f(s.y1))" x2="\##(f(s.x2))" y2="\##(f(s.y2))" \##(attributes)\##(opacity)>\##(title)</line>"##
    }

    /// A circle with the node's name, its value and, if the network has biases, `b = …` inside it.
    private func nodeMarkup(_ node: Node, _ layout: SVGLayout) -> String {
        let x = layout.x(node.x), y = node.y, r = radius
        let stroke = node.role == .plain ? "#4a5463" : Diagram.color(node.role)
        let strokeWidth = node.role == .chosen ? 3.0 : node.role == .plain ? 1.5 : 2.5
        let role = node.role == .plain ? "" : " " + Diagram.className(node.role)
        var tooltip = Diagram.unicode(node.name) + " = " + node.valueText
        if let z = node.zText { tooltip += ", z = " + z }
        if let b = node.biasText { tooltip += ", b = " + b }
        let lines = Diagram.baselines(biased: node.biasText != nil)
        var out = SVGWriter()
        out.line(##"<g class="node-group">"##)
        out.line("<title>\(xml(tooltip))</title>")
        out.line(##"<circle class="node\##(role)" cx="\##(f(x))" cy="\##(f(y))" r="\##(f(r))" fill="\##(Diagram.fill(node.role))" stroke="\##(stroke)" stroke-width="\##(f(strokeWidth))"/>"##)
        out.line(##"<text class="node-name" x="\##(f(x))" y="\##(f(y + lines.name))" text-anchor="middle" font-size="14" fill="#1a1a1a">\##(rich(Rich(.name(node.name)), size: 14))</text>"##)
        out.line(##"<text class="node-value" x="\##(f(x))" y="\##(f(y + lines.value))" text-anchor="middle" font-size="\##(f(Diagram.valueSize))" font-family="\##(SVGLayout.mono)" fill="#222222">\##(xml(node.valueText))</text>"##)
        if let bias = node.biasText {
            out.line(##"<text class="bias" x="\##(f(x))" y="\##(f(y + lines.bias))" text-anchor="middle" font-size="\##(f(Diagram.biasSize))" fill="#444444">\##(xml(Diagram.biasLine(bias)))</text>"##)
        }
        if node.layer == depth, let target = targets[node.index] {
            out.line(##"<text class="target" x="\##(f(x + r + 8))" y="\##(f(y + 4.5))" font-size="13" fill="#555555">\##(rich(Rich(.name(target.name), .text(" = " + target.valueText)), size: 13))</text>"##)
        }
        out.line("</g>")
        return out.text
    }

    private func moreMarkup(_ slot: More, _ layout: SVGLayout) -> String {
        let width = SVGLayout.moreWidth(slot)
        let x = layout.x(slot.x)
        var out = SVGWriter()
        out.line(##"<g class="more-group">"##)
        out.line("<title>\(xml("nodes \(slot.first)…\(slot.last) not drawn"))</title>")
        out.line(##"<rect class="more" x="\##(f(x - width / 2))" y="\##(f(slot.y - 13))" width="\##(f(width))" height="26.0" rx="13.0" fill="#ffffff" stroke="#8a93a0" stroke-dasharray="4 3"/>"##)
        out.line(##"<text class="more-label" x="\##(f(x))" y="\##(f(slot.y + 4.5))" text-anchor="middle" font-size="12" fill="#555555">\##(xml(SVGLayout.moreText(slot)))</text>"##)
        out.line("</g>")
        return out.text
    }

    /// `w₀₂ᴸ = 0.2` on a white plate, outlined in the role's colour and dash, with a thin leader
    /// from a dot on its edge when the plate sits off it.
    private func edgeLabel(_ edge: Edge, _ place: SVGLayout.LabelPlace) -> String {
        let stroke = Diagram.stroke(edge.role), box = place.box
        let dash = stroke.dash.map { ##" stroke-dasharray="\##($0)""## } ?? ""
        var out = SVGWriter()
        if let l = place.leader {
            out.line(##"<line class="weight-leader \##(Diagram.className(edge.role))" x1="\##(f(l.x1))" y1="\##(f(l.y1))" x2="\##(f(l.x2))" y2="\##(f(l.y2))" stroke="\##(stroke.color)" stroke-width="1.2"/>"##)
            out.line(##"<circle class="weight-anchor \##(Diagram.className(edge.role))" cx="\##(f(l.x1))" cy="\##(f(l.y1))" r="3.0" fill="\##(stroke.color)"/>"##)
        }
        out.line(##"<rect class="weight-plate \##(Diagram.className(edge.role))" x="\##(f(box.minX))" y="\##(f(box.minY))" width="\##(f(box.width))" height="\##(f(SVGLayout.labelHeight))" rx="4.0" fill="#ffffff" stroke="\##(stroke.color)" stroke-width="1.2"\##(dash)/>"##)
        out.line(##"<text class="weight-label \##(Diagram.className(edge.role))" x="\##(f(box.centerX))" y="\##(f(box.centerY + 4))" text-anchor="middle" font-size="\##(f(SVGLayout.labelFont))" fill="#1a1a1a">\##(rich(Rich(.name(edge.name), .text(" = " + edge.weightText)), size: SVGLayout.labelFont))</text>"##)
        return out.text
    }

    private func legendMarkup(_ layout: SVGLayout) -> String {
        var out = SVGWriter()
        out.line(##"<g class="legend" font-size="\##(f(SVGLayout.legendFont))" fill="#333333">"##)
        let x0 = layout.legendX
        for (row, line) in legendLines.enumerated() {
            let y = layout.legendY + Double(row) * SVGLayout.legendLine
            func swatch(_ x: Double, _ stroke: Stroke, _ name: String) -> String {
                let arrow = stroke.arrow ? name : nil
                let end = x + 32 - (stroke.arrow ? SVGLayout.arrowLength : 0)
                return ##"<line class="legend-swatch \##(name)" x1="\##(f(x))" y1="\##(f(y - 4))" x2="\##(f(end))" y2="\##(f(y - 4))" \##(strokeAttributes(stroke, arrow: arrow))/>"##
            }
            var textX = x0 + 40
            switch line.swatch {
            case .sign:
                out.line(swatch(x0, Stroke(color: Diagram.positiveColor, width: 3, dash: nil, arrow: false), "positive"))
                out.line(##"<text x="\##(f(textX))" y="\##(f(y))">\##(xml(Diagram.signLegendHead))</text>"##)
                let x1 = x0 + Diagram.signLegendIndent
                out.line(swatch(x1, Stroke(color: Diagram.negativeColor, width: 3, dash: Diagram.negativeDash, arrow: false), "negative"))
                textX = x1 + 40
            case .role(let role):
                out.line(swatch(x0, Diagram.stroke(role), Diagram.className(role)))
            case .bias:
                out.line(##"<circle class="legend-swatch bias" cx="\##(f(x0 + 16))" cy="\##(f(y - 4))" r="9.0" fill="#f4f6f9" stroke="#4a5463" stroke-width="1.2"/>"##)
                out.line(##"<text x="\##(f(x0 + 16))" y="\##(f(y - 0.5))" text-anchor="middle" font-size="\##(f(Diagram.biasSize))">b</text>"##)
            }
            let name: String
            switch line.swatch {
            case .sign: name = "negative"
            case .role(let role): name = Diagram.className(role)
            case .bias: name = "bias"
            }
            out.line(##"<text class="legend-\##(name)" x="\##(f(textX))" y="\##(f(y))">\##(rich(line.text, size: SVGLayout.legendFont))</text>"##)
        }
        out.line("</g>")
        return out.text
    }

    /// Rich text as SVG character data and `tspan`s: each name a letter with its subscript lowered
    /// and its superscript raised, the text between on the baseline.
    ///
    /// librsvg drops a space (even a no-break space) at either end of a tspan, so spaces there
    /// become a shift of a space's width on the next tspan.
    private func rich(_ text: Rich, size: Double) -> String { Diagram.svgText(text, size: size) }

    /// Rich text as SVG character data and `tspan`s (see ``rich(_:size:)``), for every picture
    /// that writes the notation's names (the diagram, the boundary picture).
    static func svgText(_ text: Rich, size: Double) -> String {
        var out = ""
        var raised = 0.0
        var pending = 0.0
        func span(_ s: String, dy: Double, small: Bool = false) {
            var rest = Substring(s)
            while rest.hasPrefix(" ") { rest = rest.dropFirst(); pending += 0.32 * size }
            var trailing = 0.0
            while rest.hasSuffix(" ") { rest = rest.dropLast(); trailing += 0.32 * size }
            guard !rest.isEmpty else { pending += trailing; return }
            var attributes = ""
            if dy != 0 { attributes += ##" dy="\##(f(dy))""## }
            if pending > 0 { attributes += ##" dx="\##(f(pending))""## }
            if small { attributes += ##" font-size="70%""## }
            out += attributes.isEmpty && out.isEmpty ? xml(String(rest)) : "<tspan\(attributes)>\(xml(String(rest)))</tspan>"
            pending = trailing
        }
        for piece in text.pieces {
            switch piece {
            case .text(let s):
                span(s, dy: -raised)
                if s.contains(where: { $0 != " " }) { raised = 0 }
            case .name(let name):
                span(name.base, dy: -raised)
                raised = 0
                if !name.sub.isEmpty { span(name.sub, dy: 4, small: true); raised = 4 }
                if !name.sup.isEmpty { span(name.sup, dy: raised == 4 ? -12 : -8, small: true); raised = -8 }
            }
        }
        return out
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

/// A coordinate with one decimal; never `-0.0` (``SVGLayout/coordinate(_:)``).
private func f(_ x: Double) -> String { SVGLayout.coordinate(x) }

extension SVGLayout {
    /// A coordinate with one decimal, never `-0.0`, so the same picture is the same bytes everywhere.
    static func coordinate(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return NumberText.fixed(rounded == 0 ? 0 : rounded, decimals: 1)
    }
}

/// Text escaped for XML character data and attribute values (``XMLText/escaped(_:)``).
private func xml(_ s: String) -> String { XMLText.escaped(s) }
