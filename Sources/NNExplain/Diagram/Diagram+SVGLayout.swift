/// Where the SVG puts what the model does not place: the canvas size, the horizontal shift that
/// centres the columns and the rows under the columns (the weight labels' places are in
/// `Diagram+Labels.swift`).
struct SVGLayout {
    static let sans = "DejaVu Sans, Helvetica, Arial, sans-serif"
    static let mono = "DejaVu Sans Mono, Menlo, Consolas, monospace"
    static let legendLine = 22.0
    static let legendFont = 12.0
    static let captionFont = 15.0
    /// How far an arrow head reaches back from the circle's rim.
    static let arrowLength = 11.0
    static let labelFont = 12.0
    static let labelHeight = 19.0

    let width: Double
    let height: Double
    /// Added to every model x, after the columns are spread by ``stretch`` from the first one's.
    let shift: Double
    /// How much further apart the columns are than in the model: 1, or more in a landscape picture.
    let stretch: Double
    let firstColumn: Double
    let layerLabelY: Double
    let legendX: Double
    let legendY: Double
    let legendWidth: Double
    let captionY: Double
    let radius: Double
    let positions: [Int: [Int: (x: Double, y: Double)]]

    init(_ diagram: Diagram) {
        let r = diagram.radius
        radius = r
        var targetWidth = 0.0
        for node in diagram.nodes where node.layer == diagram.depth {
            if let target = diagram.targets[node.index] {
                targetWidth = max(targetWidth, Diagram.mathWidth(target.name, suffix: " = " + target.valueText, size: 13))
            }
        }

        let left = diagram.columns.first?.x ?? Diagram.marginX
        let right = (diagram.columns.last?.x ?? left) + max(Diagram.marginX, r + 8 + targetWidth + 16)
        let content = right
        // The widest text line: title, caption, legend lines.
        var needed = content
        needed = max(needed, Diagram.sansWidth(diagram.title, size: 18) * 1.05 + 40)
        if let caption = diagram.highlight?.caption {
            needed = max(needed, Diagram.richWidth(caption, size: SVGLayout.captionFont) + 40)
        }
        var legendWidth = 0.0
        for entry in diagram.legendLines {
            let indent = if case .sign = entry.swatch { Diagram.signLegendIndent } else { 0.0 }
            legendWidth = max(legendWidth, indent + 40 + Diagram.richWidth(entry.text, size: SVGLayout.legendFont))
        }
        self.legendWidth = legendWidth
        needed = max(needed, legendWidth + 40)

        let nodesBottom = Diagram.titleHeight + 2 * r + Double(diagram.maxSlots - 1) * diagram.rowGap + 20
        layerLabelY = nodesBottom + 20
        legendY = layerLabelY + 16 + 34
        let legendBottom = legendY + Double(diagram.legendLines.count - 1) * SVGLayout.legendLine
        let hasCaption = !(diagram.highlight?.caption.pieces.isEmpty ?? true)
        captionY = legendBottom + (hasCaption ? 34 : 0)
        height = (captionY + 24).rounded(.up)

        // A landscape picture is 16:9: its columns spread apart until the canvas is that wide.
        let span = (diagram.columns.last?.x ?? left) - left
        let wide = (height * 16 / 9).rounded(.up)
        stretch = diagram.landscape && span > 0 && needed < wide ? 1 + (wide - needed) / span : 1
        firstColumn = left
        width = max(needed, diagram.landscape ? wide : 0).rounded(.up)
        shift = ((width - content - span * (stretch - 1)) / 2).rounded()
        legendX = ((width - legendWidth) / 2).rounded()

        var positions: [Int: [Int: (x: Double, y: Double)]] = [:]
        for node in diagram.nodes { positions[node.layer, default: [:]][node.index] = (node.x, node.y) }
        self.positions = positions
    }

    func x(_ modelX: Double) -> Double { firstColumn + (modelX - firstColumn) * stretch + shift }

    /// The edge from node k of layer l-1 to node j of layer l, from circle rim to circle rim (or to
    /// where its arrow head begins).
    func endpoints(_ edge: Diagram.Edge, arrow: Bool = false) -> Segment? {
        guard let from = positions[edge.layer - 1]?[edge.k], let to = positions[edge.layer]?[edge.j] else { return nil }
        // In the picture's coordinates, where a landscape picture's columns are spread apart.
        let (fromX, toX) = (x(from.x), x(to.x))
        let dx = toX - fromX, dy = to.y - from.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return nil }
        let (ux, uy) = (dx / length, dy / length)
        let end = radius + (arrow ? SVGLayout.arrowLength : 0)
        return Segment(x1: fromX + radius * ux, y1: from.y + radius * uy, x2: toX - end * ux, y2: to.y - end * uy)
    }

    static func labelWidth(_ edge: Diagram.Edge) -> Double {
        Diagram.mathWidth(edge.name, suffix: " = " + edge.weightText, size: labelFont) + 10
    }

    static func moreText(_ slot: Diagram.More) -> String { "⋯ \(slot.count) more" }
    static func moreWidth(_ slot: Diagram.More) -> Double { Diagram.sansWidth(moreText(slot), size: 12) + 14 }
}

/// A line segment, in SVG user units.
struct Segment: Sendable {
    let x1, y1, x2, y2: Double
}

/// An axis-aligned rectangle, in SVG user units.
struct Box: Sendable {
    let minX, minY, maxX, maxY: Double

    init(centerX: Double, centerY: Double, width: Double, height: Double) {
        (minX, maxX) = (centerX - width / 2, centerX + width / 2)
        (minY, maxY) = (centerY - height / 2, centerY + height / 2)
    }

    var centerX: Double { (minX + maxX) / 2 }
    var centerY: Double { (minY + maxY) / 2 }
    var width: Double { maxX - minX }

    func overlaps(_ other: Box) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether any point of `s` lies inside the box (Liang–Barsky clipping).
    func crosses(_ s: Segment) -> Bool {
        if max(s.x1, s.x2) < minX || min(s.x1, s.x2) > maxX || max(s.y1, s.y2) < minY || min(s.y1, s.y2) > maxY { return false }
        let dx = s.x2 - s.x1, dy = s.y2 - s.y1
        var (t0, t1) = (0.0, 1.0)
        func clip(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            return t0 <= t1
        }
        return clip(-dx, s.x1 - minX) && clip(dx, maxX - s.x1) && clip(-dy, s.y1 - minY) && clip(dy, maxY - s.y1)
    }
}
