extension BoundaryPicture {
    typealias Rich = Diagram.Rich
    typealias Name = Diagram.Name

    /// One line of the legend: what its swatch shows, and its text.
    struct LegendLine: Sendable {
        enum Swatch: Sendable {
            /// No swatch: the line heads the lines below it.
            case heading
            /// A square of the cells' shading.
            case region(Tone)
            /// The marker of a class, filled.
            case marker(Int)
            /// A class-less marker, filled (training) or hollow (test).
            case sample(hollow: Bool)
            case boundary
            /// The ten output bands, a colour bar with its edges labelled.
            case bands
        }
        let swatch: Swatch
        let text: Rich
    }

    /// The notation's names: the inputs `x_0`, `x_1`, an output `a_j^L`, a target `y_j`.
    func name(_ symbol: Symbol) -> Name {
        Name(symbol, TextRenderer(naming: LayerNaming(depth: sizes.count - 1), precision: 4))
    }
    var outputLayer: Int { sizes.count - 1 }
    var oneOutput: Bool { sizes.last == 1 }

    /// `2-4-1`.
    var networkName: String { sizes.map(String.init).joined(separator: "-") }

    var title: Rich {
        switch shading {
        case .classes: return Rich(.text("What network \(networkName) predicts over its inputs"))
        case .value: return Rich(.text("The output "), .name(name(.a(layer: outputLayer, .number(0)))),
                                 .text(" of network \(networkName) over its inputs"))
        }
    }

    /// Under the plane: the accuracies, then how the cells were shaded and what is not drawn.
    var caption: [String] {
        var first = "Training samples classified as their target says: " + BoundaryPicture.share(training)
        if test.total > 0 { first += "; test samples: " + BoundaryPicture.share(test) }
        var second = "Each cell of the \(resolution) × \(resolution) grid is shaded by the network's output at its centre."
        if outside > 0 { second += outside == 1 ? " 1 sample lies outside the plane and is not drawn." : " \(outside) samples lie outside the plane and are not drawn." }
        return [first + ".", second]
    }

    /// `18 of 20 (90%)`, the percentage as `predict` writes it (``Explanation/percent(_:of:)``):
    /// 0% and 100% only when exact.
    static func share(_ count: (correct: Int, total: Int)) -> String {
        "\(count.correct) of \(count.total) (" + Explanation.percent(count.correct, of: count.total) + ")"
    }

    /// A class's condition on a vector `v` (outputs or targets): `v_0 < 0.5`, `v_0 ≥ 0.5`, or `v_j` the largest.
    func condition(_ c: Int, _ v: (Int) -> Symbol) -> Rich {
        if oneOutput { return Rich(.text("class \(c), "), .name(name(v(0))), .text(c == 0 ? " < 0.5" : " ≥ 0.5")) }
        return Rich(.text("class \(c), "), .name(name(v(c))), .text(" the largest"))
    }

    /// Top to bottom: what the shading means, what the markers mean, filled and hollow, the boundary.
    var legendLines: [LegendLine] {
        var lines: [LegendLine] = []
        let output = { (j: Int) in Symbol.a(layer: self.outputLayer, .number(j)) }
        switch shading {
        case .classes:
            lines.append(LegendLine(swatch: .heading, text: Rich(.text("Shading: the predicted class"))))
            for c in 0..<classCount { lines.append(LegendLine(swatch: .region(.predicted(c)), text: condition(c, output))) }
        case .value:
            lines.append(LegendLine(swatch: .heading, text: Rich(.text("Shading: the output "), .name(name(output(0))))))
            lines.append(LegendLine(swatch: .bands, text: Rich(.text("bands of 0.1; class 1 from 0.5 up"))))
        }
        if hasUndefined { lines.append(LegendLine(swatch: .region(.undefined), text: Rich(.text("no class: the output is not a number")))) }
        lines.append(LegendLine(swatch: .heading, text: Rich(.text("Markers: the target class"))))
        for c in 0..<classCount { lines.append(LegendLine(swatch: .marker(c), text: condition(c) { .y(.number($0)) })) }
        if points.contains(where: { !$0.test }) {
            lines.append(LegendLine(swatch: .sample(hollow: false), text: Rich(.text("filled: a training sample"))))
        }
        if test.total > 0 { lines.append(LegendLine(swatch: .sample(hollow: true), text: Rich(.text("hollow: a test sample")))) }
        if !boundary.isEmpty { lines.append(LegendLine(swatch: .boundary, text: Rich(.text("the decision boundary")))) }
        return lines
    }

    /// The band edges the colour bar labels: 0.1 … 0.9.
    static let bandEdges = (1...9).map { Double($0) / 10 }

    static let colorNames = ["blue", "orange", "bluish green", "reddish purple", "sky blue", "vermillion", "yellow", "black"]

    /// The picture in words, for the SVG's `<desc>`: the plane and its ranges, the shading, the
    /// boundary, the markers and the accuracy, indices said as words.
    var description: String {
        let n = { (x: Double) in NumberText.significant(x, precision: 4) }
        var out = "The plane of the network's two inputs: input 0 from \(n(xRange.lowerBound)) to \(n(xRange.upperBound)) left to right, "
            + "input 1 from \(n(yRange.lowerBound)) to \(n(yRange.upperBound)) bottom to top, cut into \(resolution) by \(resolution) cells. "
        let colours = (0..<classCount).map { "class \($0) \(BoundaryPicture.colorNames[$0])" }.joined(separator: ", ")
        switch shading {
        case .classes:
            out += "Each cell is shaded by the class network \(networkName) predicts at its centre: \(colours). "
        case .value:
            out += "Each cell is shaded by the network's output at its centre, in bands of 0.1: blue below 0.5 (class 0), "
                + "orange from 0.5 up (class 1), paler nearer 0.5. "
        }
        if hasUndefined { out += "Grey cells have an output that is not a number. " }
        if !boundary.isEmpty { out += "A dark line follows the decision boundary, where the predicted class changes. " }
        let drawnTest = points.filter { $0.test }.count, drawnTraining = points.count - drawnTest
        out += drawnTraining == 1 ? "1 training sample is drawn as a filled marker" : "\(drawnTraining) training samples are drawn as filled markers"
        if drawnTest > 0 { out += drawnTest == 1 ? " and 1 test sample as a hollow one" : " and \(drawnTest) test samples as hollow ones" }
        out += ", "
        out += "shaped and coloured by their target class: "
            + (0..<classCount).map { "class \($0) \(BoundaryPicture.shapeNames[$0]) in \(BoundaryPicture.colorNames[$0])" }.joined(separator: ", ") + ". "
        return out + caption.joined(separator: " ")
    }
}
