extension Diagram {
    /// How one role's edges are drawn, shared by SVG and DOT.
    ///
    /// The colours are Okabe and Ito's colour-blind-safe palette ("Color Universal Design", 2008),
    /// and every role has a second cue besides its colour, so the picture still reads in grey or under
    /// any colour-vision deficiency: the chosen weight solid, widest and with an arrow head; the sum's
    /// weights dash-dotted with arrow heads; the upstream path dotted; plain edges thin and faint.
    struct Stroke: Sendable, Equatable {
        let color: String
        let width: Double
        /// An SVG `stroke-dasharray`, nil for a solid line.
        let dash: String?
        let arrow: Bool
    }

    /// Okabe–Ito vermillion, blue, reddish purple.
    static func stroke(_ role: Role) -> Stroke {
        switch role {
        case .plain: return Stroke(color: "#7f8a99", width: 1, dash: nil, arrow: false)
        case .chosen: return Stroke(color: "#d55e00", width: 5, dash: nil, arrow: true)
        case .sum: return Stroke(color: "#0072b2", width: 3.5, dash: "12 4 2 4", arrow: true)
        case .upstream: return Stroke(color: "#cc79a7", width: 2.5, dash: "1 5", arrow: false)
        }
    }

    static func color(_ role: Role) -> String { stroke(role).color }

    /// Plain edges by sign (Okabe–Ito sky blue and orange); negative ones also dashed.
    static let positiveColor = "#56b4e9"
    static let negativeColor = "#e69f00"
    static let negativeDash = "5 3"

    /// The fill of a node circle of each role: a light tint of its stroke colour.
    static func fill(_ role: Role) -> String {
        switch role {
        case .plain: return "#f4f6f9"
        case .chosen: return "#fbe3d3"
        case .sum: return "#dcebf5"
        case .upstream: return "#f6e6ef"
        }
    }

    static func className(_ role: Role) -> String {
        switch role {
        case .plain: return "plain"
        case .chosen: return "chosen"
        case .sum: return "sum"
        case .upstream: return "upstream"
        }
    }

    /// The legend's lines for the highlight, in drawing order of importance.
    var legendEntries: [(role: Role, text: Rich)] {
        guard let h = highlight else { return [] }
        var entries: [(role: Role, text: Rich)] = [(.chosen, Rich(.name(h.weight), .text(" = \(h.weightText), the chosen weight")))]
        if let sumOf = h.sumOf, let sumWeights = h.sumWeights {
            let sigma = Name(plain: "Σ_i", base: "Σ", sub: "i", sup: "")
            entries.append((.sum, Rich(.name(sumWeights), .text(": the terms of "), .name(sigma), .text(" in ∂"),
                                       .name(sumOf.loss), .text("/∂"), .name(sumOf.activation))))
        }
        if h.layer + 1 < depth {
            entries.append((.upstream, Rich(.text("the chain rule's path on to the output"))))
        }
        return entries
    }

    // MARK: Inside a node

    /// Baselines inside a circle, relative to its centre: the name, the value, and the bias if any.
    static func baselines(biased: Bool) -> (name: Double, value: Double, bias: Double) {
        biased ? (-7, 8, 21) : (-2, 13, 0)
    }
    static let valueSize = 10.0
    static let biasSize = 9.0

    /// The text of a node's bias line, `b = 0.35` (the node's own `b_j^l`).
    static func biasLine(_ bias: String) -> String { "b = " + bias }

    /// The smallest radius (at least 24) whose circle holds every node's lines: each line's box,
    /// 3 units wider on each side, must fit inside the circle.
    static func radius(fitting texts: [(value: String, bias: String?)]) -> Double {
        var r = 24.0
        for text in texts {
            let lines = baselines(biased: text.bias != nil)
            // Half-widths and the farthest vertical reach from the centre of each line.
            var boxes: [(half: Double, reach: Double)] = [(18, abs(lines.name) + 14)]
            boxes.append((monoWidth(text.value, size: valueSize) / 2 + 3, lines.value + 2))
            if let bias = text.bias { boxes.append((sansWidth(biasLine(bias), size: biasSize) / 2 + 3, lines.bias + 2)) }
            for box in boxes { r = max(r, (box.half * box.half + box.reach * box.reach).squareRoot()) }
        }
        return (r * 2).rounded(.up) / 2
    }

    /// Room between two circles of a column for the edges fanning out of them.
    static func rowGap(radius: Double) -> Double { max(84, 2 * radius + 36) }

    // MARK: Text widths

    /// Estimated widths: about 0.6 em per character in DejaVu Sans, exactly 0.602 em in DejaVu Sans Mono.
    static func sansWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }
    static func monoWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.602 }

    static func mathWidth(_ name: Name, suffix: String, size: Double) -> Double {
        sansWidth(name.base + suffix, size: size) + sansWidth(name.sub + name.sup, size: size * 0.7)
    }

    static func richWidth(_ rich: Rich, size: Double) -> Double {
        rich.pieces.reduce(0) { sum, piece in
            switch piece {
            case .text(let text): return sum + sansWidth(text, size: size)
            case .name(let name): return sum + mathWidth(name, suffix: "", size: size)
            }
        }
    }
}
extension Diagram {
    /// One line of the legend: what its swatch shows, and its text.
    struct LegendLine: Sendable {
        enum Swatch: Sendable {
            /// Two swatches, positive and negative plain edges; the text after the first is `w > 0`.
            case sign
            case role(Role)
            /// A small circle with `b` in it.
            case bias
        }
        let swatch: Swatch
        let text: Rich
    }

    /// The legend, top to bottom: the plain edges' sign and width, the highlight's roles, and what
    /// the `b` line in a node means when the network has biases.
    var legendLines: [LegendLine] {
        var lines = [LegendLine(swatch: .sign, text: Rich(.text(Diagram.signLegendTail)))]
        lines += legendEntries.map { LegendLine(swatch: .role($0.role), text: $0.text) }
        if nodes.contains(where: { $0.biasText != nil }) {
            func name(_ base: String, _ sub: String, _ sup: String) -> Name {
                Name(plain: base + "_" + sub + (sup.isEmpty ? "" : "^" + (sup.count == 1 ? sup : "(" + sup + ")")),
                     base: base, sub: sub, sup: sup)
            }
            lines.append(LegendLine(swatch: .bias, text: Rich(
                .text("b in a node is its bias "), .name(name("b", "j", "l")), .text(": "), .name(name("z", "j", "l")),
                .text(" = "), .name(name("Σ", "k", "")), .text(" "), .name(name("w", "jk", "l")), .text(" "),
                .name(name("a", "k", "l-1")), .text(" + "), .name(name("b", "j", "l")))))
        }
        return lines
    }

    /// The texts after the two sign swatches.
    static let signLegendHead = "w > 0"
    static let signLegendTail = "w < 0, dashed (width ∝ |w|)"
    /// The room the first sign swatch and its text take before the second swatch.
    static var signLegendIndent: Double { 40 + sansWidth(signLegendHead, size: 12) + 14 }
}
