extension GraphPicture {
    /// The strokes and fills, from the network diagram's (``Diagram/stroke(_:)``): lit in the chosen
    /// weight's vermillion, thick; plain in the diagram's slate; context grey, thin and dashed.
    static let litStroke = Diagram.stroke(.chosen).color
    static let litFill = Diagram.fill(.chosen)
    static let plainStroke = "#4a5463"
    static let plainFill = Diagram.fill(.plain)
    static let edgeStroke = Diagram.stroke(.plain).color
    static let contextStroke = "#9aa3ae"
    static let contextDash = "4 3"

    /// The picture as a self-contained SVG 1.1 document (UTF-8 text, ending with a newline).
    ///
    /// The title on top, the columns of boxes and operation circles (``Layout``), the legend under
    /// them. Every box is a group (`class="node"`, plus `lit` or `context`) with a tooltip, a `box`
    /// rectangle, its `name`, `value` and `grad` texts; every operation an `operation` ellipse with
    /// its `op` text; every edge a `edge` path (plus `lit`), with an arrow head. Coordinates have one
    /// decimal, so the same graph gives the same bytes everywhere.
    ///
    /// - Parameter title: the picture's title, also its `<title>`.
    package func svg(title: String) -> String {
        typealias L = Layout
        let legend = legendLines, canvas = layout.canvas(title: title, legend: legend)
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        line(##"<?xml version="1.0" encoding="UTF-8"?>"##)
        line(##"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\##(f(canvas.width))" height="\##(f(canvas.height))" viewBox="0 0 \##(f(canvas.width)) \##(f(canvas.height))" font-family="\##(SVGLayout.sans)" role="img" aria-labelledby="graph-title graph-desc">"##)
        line(##"<title id="graph-title">\##(xml(title))</title>"##)
        line(##"<desc id="graph-desc">\##(xml(description))</desc>"##)
        line("<defs>")
        for (name, color) in [("plain", GraphPicture.edgeStroke), ("lit", GraphPicture.litStroke)] {
            line(##"<marker id="graph-arrow-\##(name)" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="\##(name == "lit" ? "11" : "8")" markerHeight="\##(name == "lit" ? "11" : "8")" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="\##(color)"/></marker>"##)
        }
        line("</defs>")
        line(##"<rect class="background" x="0" y="0" width="\##(f(canvas.width))" height="\##(f(canvas.height))" fill="#ffffff"/>"##)
        line(##"<text class="title" x="\##(f(canvas.width / 2))" y="34.0" text-anchor="middle" font-size="18" font-weight="bold" fill="#222222">\##(xml(title))</text>"##)

        // Edges, the lit ones last so they lie on top.
        line(##"<g class="edges" fill="none">"##)
        let dimmed = boxes.contains(where: { $0.lit }) ? ##" stroke-opacity="0.55""## : ""
        for lit in [false, true] {
            for (n, link) in links.enumerated() where link.lit == lit {
                let from = (x: layout.left[link.from] + layout.width[link.from], y: layout.y[link.from])
                let siblings = links.indices.filter { links[$0].to == link.to }
                let to = layout.entry(link.to, slot: siblings.firstIndex(of: n)!, of: siblings.count)
                let bend = max((to.x - from.x) / 2, 10)
                let d = "M \(f(from.x)) \(f(from.y)) C \(f(from.x + bend)) \(f(from.y)) \(f(to.x - bend)) \(f(to.y)) \(f(to.x)) \(f(to.y))"
                line(##"<path class="edge\##(lit ? " lit" : "")" d="\##(d)" \##(edgeStyle(lit: lit))\##(lit ? "" : dimmed)/>"##)
            }
            for (b, box) in boxes.enumerated() where box.operation != nil && box.lit == lit {
                let centre = layout.operationCentre(b)
                line(##"<path class="edge result\##(lit ? " lit" : "")" d="M \##(f(centre.x + layout.operationRadius[b])) \##(f(centre.y)) L \##(f(layout.left[b])) \##(f(centre.y))" \##(edgeStyle(lit: lit))\##(lit ? "" : dimmed)/>"##)
            }
        }
        line("</g>")

        line(##"<g class="operations" text-anchor="middle">"##)
        for (b, box) in boxes.enumerated() {
            guard let operation = box.operation else { continue }
            let centre = layout.operationCentre(b), style = boxStyle(box)
            line(##"<g class="operation-group"><title>\##(xml(box.formula))</title>"##)
            line(##"<ellipse class="operation\##(style.classes)" cx="\##(f(centre.x))" cy="\##(f(centre.y))" rx="\##(f(layout.operationRadius[b]))" ry="\##(f(L.operationRadius))" fill="\##(style.fill)" stroke="\##(style.stroke)" stroke-width="\##(f(style.width))"\##(style.dash)/>"##)
            line(##"<text class="op" x="\##(f(centre.x))" y="\##(f(centre.y + 4))" font-size="\##(f(L.operationFont))" fill="\##(style.text)">\##(xml(operation))</text></g>"##)
        }
        line("</g>")

        line(##"<g class="nodes">"##)
        for (b, box) in boxes.enumerated() {
            let style = boxStyle(box), x = layout.left[b], y = layout.y[b], top = y - L.boxHeight / 2
            let divider = x + layout.nameWidth[b], dataX = divider + 7
            let tooltip = "\(GraphPicture.unicode(box.name)): \(GraphPicture.valueText(box.value)), \(GraphPicture.gradientText(box.gradient))"
            line(##"<g class="node\##(style.classes)">"##)
            line("<title>\(xml(tooltip))</title>")
            line(##"<rect class="box" x="\##(f(x))" y="\##(f(top))" width="\##(f(layout.width[b]))" height="\##(f(L.boxHeight))" rx="4.0" fill="\##(style.fill)" stroke="\##(style.stroke)" stroke-width="\##(f(style.width))"\##(style.dash)/>"##)
            line(##"<line class="divider" x1="\##(f(divider))" y1="\##(f(top))" x2="\##(f(divider))" y2="\##(f(top + L.boxHeight))" stroke="\##(style.stroke)" stroke-width="1.0"/>"##)
            line(##"<text class="name" x="\##(f(x + layout.nameWidth[b] / 2))" y="\##(f(y + 5))" text-anchor="middle" font-size="\##(f(L.nameFont))" fill="\##(style.text)">\##(Diagram.svgText(Diagram.Rich(.name(box.name)), size: L.nameFont))</text>"##)
            for (text, dy) in [(GraphPicture.valueText(box.value), -4.0), (GraphPicture.gradientText(box.gradient), 12.0)] {
                let kind = dy < 0 ? "value" : "grad"
                line(##"<text class="\##(kind)" x="\##(f(dataX))" y="\##(f(y + dy))" font-size="\##(f(L.dataFont))" font-family="\##(SVGLayout.mono)" fill="\##(style.text)" xml:space="preserve">\##(xml(text))</text>"##)
            }
            line("</g>")
        }
        line("</g>")

        line(##"<g class="legend" font-size="\##(f(L.legendFont))" fill="#333333">"##)
        for (row, text) in legend.enumerated() {
            let y = canvas.legendY + Double(row) * L.legendLine, x = L.margin
            if row == 0 {
                line(##"<rect class="legend-swatch" x="\##(f(x))" y="\##(f(y - 11))" width="30.0" height="14.0" rx="3.0" fill="\##(GraphPicture.plainFill)" stroke="\##(GraphPicture.plainStroke)" stroke-width="1.5"/>"##)
            } else {
                line(##"<line class="legend-swatch lit" x1="\##(f(x))" y1="\##(f(y - 4))" x2="\##(f(x + 30))" y2="\##(f(y - 4))" stroke="\##(GraphPicture.litStroke)" stroke-width="3.0"/>"##)
            }
            line(##"<text class="legend-line" x="\##(f(x + 40))" y="\##(f(y))">\##(xml(text))</text>"##)
        }
        line("</g>")
        line("</svg>")
        return out
    }

    /// A lit edge vermillion and thick, others the diagram's thin grey; both with an arrow head.
    private func edgeStyle(lit: Bool) -> String {
        lit ? ##"stroke="\##(GraphPicture.litStroke)" stroke-width="3.0" marker-end="url(#graph-arrow-lit)""##
            : ##"stroke="\##(GraphPicture.edgeStroke)" stroke-width="1.2" marker-end="url(#graph-arrow-plain)""##
    }

    /// A box's or circle's look: its classes (after `node` or `operation`), fill, outline and text colour.
    private func boxStyle(_ box: Box) -> (classes: String, fill: String, stroke: String, width: Double, dash: String, text: String) {
        if box.lit { return (" lit", GraphPicture.litFill, GraphPicture.litStroke, 3, "", "#1a1a1a") }
        if box.context {
            return (" context", "#ffffff", GraphPicture.contextStroke, 1, ##" stroke-dasharray="\##(GraphPicture.contextDash)""##, "#5a5a5a")
        }
        return ("", GraphPicture.plainFill, GraphPicture.plainStroke, 1.5, "", "#1a1a1a")
    }
}

private func f(_ x: Double) -> String { SVGLayout.coordinate(x) }

/// Text escaped for XML character data and attribute values (``XMLText/escaped(_:)``).
private func xml(_ s: String) -> String { XMLText.escaped(s) }
