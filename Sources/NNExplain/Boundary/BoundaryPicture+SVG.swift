extension BoundaryPicture {
    /// The picture as a self-contained SVG 1.1 document (UTF-8, ending with a newline).
    ///
    /// Top to bottom: the title; the plane, a square of ``plotSize`` units framed by the rectangle
    /// of class `frame`, `x_0` growing to the right and `x_1` upwards, with ticks and values on both
    /// axes; the legend to its right; the caption under it. Inside the plane: one rectangle `region
    /// base` of the most common tone, the ``regions`` on it (`region class-c`, or `region band-b
    /// class-c` for the output's bands), the boundary as one `path` of class `boundary`, and the
    /// samples as `use` elements of class `sample training` or `sample test` plus `class-c` (the
    /// target class), each placed with its `x`, `y` at the sample's point and carrying a tooltip.
    public func svg() -> String {
        let layout = Layout(self)
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        let (left, top, size) = (layout.left, Layout.top, Layout.plotSize)
        line(##"<?xml version="1.0" encoding="UTF-8"?>"##)
        line(##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="\##(f(layout.width))" height="\##(f(layout.height))" viewBox="0 0 \##(f(layout.width)) \##(f(layout.height))" font-family="\##(SVGLayout.sans)" role="img" aria-labelledby="boundary-title boundary-desc">"##)
        line(##"<title id="boundary-title">\##(xml(title.plain))</title>"##)
        line(##"<desc id="boundary-desc">\##(xml(description))</desc>"##)
        line("<defs>")
        for (c, shape) in BoundaryPicture.shapes.enumerated().prefix(classCount) { line(##"<path id="shape-\##(c)" d="\##(shape)"/>"##) }
        line("</defs>")
        line(##"<rect class="background" x="0" y="0" width="\##(f(layout.width))" height="\##(f(layout.height))" fill="#ffffff"/>"##)
        line(##"<text class="title" x="\##(f(left + size / 2))" y="32" text-anchor="middle" font-size="17" font-weight="bold" fill="#222222">\##(Diagram.svgText(title, size: 17))</text>"##)

        line(##"<g class="plane">"##)
        line(##"<rect class="region base \##(BoundaryPicture.className(baseTone))" x="\##(f(left))" y="\##(f(top))" width="\##(f(size))" height="\##(f(size))" fill="\##(BoundaryPicture.color(baseTone))"/>"##)
        line(##"<g class="regions" shape-rendering="crispEdges">"##)
        for region in regions {
            let x = layout.column(region.column), y = layout.row(region.row + region.rows)
            line(##"<rect class="region \##(BoundaryPicture.className(region.tone))" x="\##(f(x))" y="\##(f(y))" width="\##(f(layout.column(region.column + region.columns) - x))" height="\##(f(layout.row(region.row) - y))" fill="\##(BoundaryPicture.color(region.tone))"/>"##)
        }
        line("</g>")
        if !boundary.isEmpty {
            let d = boundary.map { s in
                s.vertical ? "M\(f(layout.column(s.line))),\(f(layout.row(s.from)))V\(f(layout.row(s.to)))"
                           : "M\(f(layout.column(s.from))),\(f(layout.row(s.line)))H\(f(layout.column(s.to)))"
            }.joined()
            line(##"<path class="boundary" d="\##(d)" fill="none" stroke="\##(BoundaryPicture.boundaryColor)" stroke-width="1.6" stroke-linecap="square"/>"##)
        }
        line(##"<rect class="frame" x="\##(f(left))" y="\##(f(top))" width="\##(f(size))" height="\##(f(size))" fill="none" stroke="#333333" stroke-width="1"/>"##)
        line("</g>")

        out += axes(layout)

        line(##"<g class="samples">"##)
        for point in points {
            let n = { (x: Double) in NumberText.significant(x, precision: 4) }
            let kind = point.test ? "test" : "training"
            let predicted = point.predicted.map { "class \($0)" } ?? "no class"
            let tooltip = "\(kind) sample \(point.index): x = (\(n(point.x)), \(n(point.y))), target class \(point.target), predicted \(predicted)"
            line(##"<use class="sample \##(kind) class-\##(point.target)" xlink:href="#shape-\##(point.target)" x="\##(f(layout.x(point.x)))" y="\##(f(layout.y(point.y)))" \##(markerPaint(point.target, hollow: point.test))><title>\##(xml(tooltip))</title></use>"##)
        }
        line("</g>")

        out += legend(layout)
        for (i, text) in caption.enumerated() {
            line(##"<text class="caption" x="\##(f(left))" y="\##(f(layout.captionY + Double(i) * 18))" font-size="13" fill="#222222">\##(xml(text))</text>"##)
        }
        line("</svg>")
        return out
    }

    /// Fill and outline of a marker: filled with its class colour inside a dark outline, or hollow
    /// (white) inside a thick outline of its class colour.
    func markerPaint(_ c: Int, hollow: Bool) -> String {
        hollow ? ##"fill="\##(BoundaryPicture.hollowFill)" stroke="\##(BoundaryPicture.classColors[c])" stroke-width="\##(BoundaryPicture.hollowStrokeWidth)""##
               : ##"fill="\##(BoundaryPicture.classColors[c])" stroke="\##(BoundaryPicture.outlineColor)" stroke-width="1""##
    }

    /// Ticks with their values under and left of the plane, and the axis names `x_0` and `x_1`.
    private func axes(_ layout: Layout) -> String {
        let (left, top, size) = (layout.left, Layout.top, Layout.plotSize)
        var out = ##"<g class="axes" font-size="12" fill="#222222">"## + "\n"
        for (value, text) in zip(layout.xTicks, layout.xTickTexts) {
            let x = layout.x(value)
            out += ##"<line class="tick x" x1="\##(f(x))" y1="\##(f(top + size))" x2="\##(f(x))" y2="\##(f(top + size + 5))" stroke="#333333"/>"##
            out += ##"<text class="tick x" x="\##(f(x))" y="\##(f(top + size + 19))" text-anchor="middle">\##(xml(text))</text>"## + "\n"
        }
        for (value, text) in zip(layout.yTicks, layout.yTickTexts) {
            let y = layout.y(value)
            out += ##"<line class="tick y" x1="\##(f(left - 5))" y1="\##(f(y))" x2="\##(f(left))" y2="\##(f(y))" stroke="#333333"/>"##
            out += ##"<text class="tick y" x="\##(f(left - 8))" y="\##(f(y + 4))" text-anchor="end">\##(xml(text))</text>"## + "\n"
        }
        out += ##"<text class="label x" x="\##(f(left + size / 2))" y="\##(f(top + size + 42))" text-anchor="middle" font-size="15">\##(Diagram.svgText(Rich(.name(name(.x(.number(0))))), size: 15))</text>"## + "\n"
        out += ##"<text class="label y" x="\##(f(left - layout.yTickWidth - 16))" y="\##(f(top + size / 2 + 5))" text-anchor="end" font-size="15">\##(Diagram.svgText(Rich(.name(name(.x(.number(1))))), size: 15))</text>"## + "\n"
        return out + "</g>\n"
    }

    private func legend(_ layout: Layout) -> String {
        var out = ##"<g class="legend" font-size="\##(f(Layout.legendFont))" fill="#222222">"## + "\n"
        var y = Layout.top + 14
        let x0 = layout.legendX
        for entry in legendLines {
            let textX = x0 + 30
            func text(_ x: Double, _ y: Double, bold: Bool = false) -> String {
                ##"<text class="legend-text" x="\##(f(x))" y="\##(f(y))"\##(bold ? ##" font-weight="bold""## : "")>\##(Diagram.svgText(entry.text, size: Layout.legendFont))</text>"## + "\n"
            }
            switch entry.swatch {
            case .heading:
                if y > Layout.top + 14 { y += 8 }
                out += text(x0, y, bold: true)
            case .region(let tone):
                out += ##"<rect class="legend-swatch region \##(BoundaryPicture.className(tone))" x="\##(f(x0))" y="\##(f(y - 12))" width="20" height="16" fill="\##(BoundaryPicture.color(tone))" stroke="#555555" stroke-width="0.8"/>"## + "\n"
                out += text(textX, y)
            case .marker(let c):
                out += ##"<use class="legend-swatch marker class-\##(c)" xlink:href="#shape-\##(c)" x="\##(f(x0 + 10))" y="\##(f(y - 4))" \##(markerPaint(c, hollow: false))/>"## + "\n"
                out += text(textX, y)
            case .sample(let hollow):
                let paint = hollow ? ##"fill="#ffffff" stroke="#666666" stroke-width="\##(BoundaryPicture.hollowStrokeWidth)""## : ##"fill="#666666" stroke="\##(BoundaryPicture.outlineColor)" stroke-width="1""##
                out += ##"<path class="legend-swatch \##(hollow ? "test" : "training")" transform="translate(\##(f(x0 + 10)) \##(f(y - 4)))" d="\##(BoundaryPicture.shapes[0])" \##(paint)/>"## + "\n"
                out += text(textX, y)
            case .boundary:
                out += ##"<line class="legend-swatch boundary" x1="\##(f(x0))" y1="\##(f(y - 4))" x2="\##(f(x0 + 20))" y2="\##(f(y - 4))" stroke="\##(BoundaryPicture.boundaryColor)" stroke-width="1.6"/>"## + "\n"
                out += text(textX, y)
            case .bands:
                let bandHeight = Layout.bandHeight, barTop = y - 8
                for b in 0..<10 {
                    let bandY = barTop + Double(9 - b) * bandHeight
                    out += ##"<rect class="legend-swatch band band-\##(b)" x="\##(f(x0))" y="\##(f(bandY))" width="20" height="\##(f(bandHeight))" fill="\##(BoundaryPicture.bandColor(b))"/>"## + "\n"
                }
                out += ##"<rect x="\##(f(x0))" y="\##(f(barTop))" width="20" height="\##(f(10 * bandHeight))" fill="none" stroke="#555555" stroke-width="0.8"/>"## + "\n"
                for edge in BoundaryPicture.bandEdges {
                    let edgeY = barTop + (1 - edge) * 10 * bandHeight
                    out += ##"<line class="legend-band-edge" x1="\##(f(x0 + 20))" y1="\##(f(edgeY))" x2="\##(f(x0 + 24))" y2="\##(f(edgeY))" stroke="#555555"/>"##
                    out += ##"<text class="legend-band-value" x="\##(f(x0 + 27))" y="\##(f(edgeY + 4))" font-size="11">\##(xml(Layout.tickText(edge)))</text>"## + "\n"
                }
                out += text(x0 + 56, barTop + 5 * bandHeight + 4)
                y += 10 * bandHeight - Layout.legendLine + 8
            }
            y += Layout.legendLine
        }
        return out + "</g>\n"
    }

    /// Where everything goes, in SVG units.
    struct Layout {
        static let plotSize = 480.0
        static let top = 56.0
        static let legendFont = 13.0
        static let legendLine = 22.0
        static let bandHeight = 14.0

        let xTicks: [Double], yTicks: [Double]
        /// The ticks' values as written, ``tickTexts(_:)``.
        let xTickTexts: [String], yTickTexts: [String]
        let yTickWidth: Double
        let left: Double
        let legendX: Double
        let width: Double
        let height: Double
        let captionY: Double
        let picture: BoundaryPicture

        init(_ picture: BoundaryPicture) {
            self.picture = picture
            xTicks = LossPlot.ticks(picture.xRange.lowerBound, picture.xRange.upperBound, about: 7)
            yTicks = LossPlot.ticks(picture.yRange.lowerBound, picture.yRange.upperBound, about: 7)
            (xTickTexts, yTickTexts) = (Layout.tickTexts(xTicks), Layout.tickTexts(yTicks))
            yTickWidth = yTickTexts.map { Diagram.sansWidth($0, size: 12) }.max() ?? 0
            left = yTickWidth + 50
            legendX = left + Layout.plotSize + 32
            let legendWidth = picture.legendLines.map { line -> Double in
                let indent: Double = if case .heading = line.swatch { 0 } else if case .bands = line.swatch { 56 } else { 30 }
                return indent + Diagram.richWidth(line.text, size: Layout.legendFont)
            }.max() ?? 0
            captionY = Layout.top + Layout.plotSize + 70
            let captionWidth = picture.caption.map { Diagram.sansWidth($0, size: 13) }.max() ?? 0
            let titleWidth = Diagram.richWidth(picture.title, size: 17) * 1.05
            width = max(legendX + legendWidth + 16, left + captionWidth + 16, left + Layout.plotSize / 2 + titleWidth / 2 + 16).rounded(.up)
            height = captionY + Double(picture.caption.count - 1) * 18 + 22
        }

        /// The plane's x for `x_0`, and its y for `x_1` (upwards).
        func x(_ value: Double) -> Double {
            let range = picture.xRange
            return left + (value - range.lowerBound) / (range.upperBound - range.lowerBound) * Layout.plotSize
        }
        func y(_ value: Double) -> Double {
            let range = picture.yRange
            return Layout.top + (range.upperBound - value) / (range.upperBound - range.lowerBound) * Layout.plotSize
        }
        /// The x of grid line `c` (0 at the left edge), and the y of grid line `r` (0 at the bottom edge).
        func column(_ c: Int) -> Double { left + Double(c) / Double(picture.resolution) * Layout.plotSize }
        func row(_ r: Int) -> Double { Layout.top + Layout.plotSize - Double(r) / Double(picture.resolution) * Layout.plotSize }

        /// A value of the legend's bands as written: 4 significant digits.
        static func tickText(_ value: Double) -> String { NumberText.significant(value, precision: 4) }

        /// An axis's ticks as written: 4 significant digits, or as many more as it takes for no two
        /// ticks to read the same (a narrow range far from 0, such as 1000 to 1000.5, whose ticks
        /// 1000.05, 1000.1, … are all "1000" at 4 digits).
        static func tickTexts(_ values: [Double]) -> [String] {
            var texts: [String] = []
            for precision in 4...17 {
                texts = values.map { NumberText.significant($0, precision: precision) }
                if Set(texts).count == texts.count { break }
            }
            return texts
        }
    }
}

/// A coordinate to two decimals, as short as it goes: `12`, `12.5`, `12.34`; never `-0`.
private func f(_ x: Double) -> String {
    let rounded = (x * 100).rounded() / 100
    return NumberText.significant(rounded == 0 ? 0 : rounded, precision: 9)
}

private func xml(_ s: String) -> String { XMLText.escaped(s) }
