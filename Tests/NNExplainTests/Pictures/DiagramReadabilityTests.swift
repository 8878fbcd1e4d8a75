import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplainTestSupport
import Testing
import NNExplain
import NNExplainCore

/// What a reader of the diagram needs: roles told apart without colour and under colour-vision
/// deficiencies, weight labels that no other edge crosses and that cover no node or label, and DOT labels that stay legible.
struct DiagramReadabilityTests {
    /// The attributes of every element, in document order.
    final class Elements: NSObject, XMLParserDelegate {
        var all: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            all.append((elementName, attributeDict))
        }
        func with(_ name: String, _ classes: String...) -> [[String: String]] {
            all.filter { element in
                let have = Set((element.attributes["class"] ?? "").split(separator: " ").map(String.init))
                return element.name == name && Set(classes).isSubset(of: have)
            }.map(\.attributes)
        }
    }

    static func elements(_ svg: String) -> Elements {
        let parser = XMLParser(data: Data(svg.utf8))
        let elements = Elements()
        parser.delegate = elements
        #expect(parser.parse())
        return elements
    }

    static func svg(_ arguments: [String]) -> String {
        let result = runCLI(["diagram"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    // MARK: Colour vision

    /// Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB.
    static let simulations: [(name: String, matrix: [[Double]])] = [
        ("normal", [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
    ]

    /// `#rrggbb` as seen through `matrix`, in CIELAB (D65).
    static func lab(_ hex: String, _ matrix: [[Double]]) -> [Double] {
        let digits = Array(hex.dropFirst())
        let srgb = (0..<3).map { Double(Int(String(digits[2 * $0...2 * $0 + 1]), radix: 16)!) / 255 }
        let linear = srgb.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        let seen = matrix.map { row in min(max(zip(row, linear).map(*).reduce(0, +), 0), 1) }
        let toXYZ = [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
        let white = [0.95047, 1.0, 1.08883]
        let xyz = toXYZ.enumerated().map { i, row in zip(row, seen).map(*).reduce(0, +) / white[i] }
        let f = xyz.map { $0 > 216.0 / 24389 ? cbrt($0) : ($0 * 24389 / 27 + 16) / 116 }
        return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])]
    }

    /// CIE76 ΔE between two colours under one simulation.
    static func deltaE(_ a: String, _ b: String, _ matrix: [[Double]]) -> Double {
        let (p, q) = (lab(a, matrix), lab(b, matrix))
        return zip(p, q).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }

    @Test func theSimulationReproducesTheOldPalettesConfusion() {
        // The issue's observation: the old chosen #d81b60 and sum #1e8e3e both turn olive.
        let deuteranopia = Self.simulations[2].matrix
        #expect(Self.deltaE("#d81b60", "#1e8e3e", deuteranopia) < 12)
        #expect(Self.deltaE("#d81b60", "#1e8e3e", Self.simulations[0].matrix) > 60)
    }

    /// The highlight at layer L-2 of the default network shows every role.
    static let allRoles = ["--layer", "L-2", "--j", "0", "--k", "1"]

    @Test func theRolesColoursStayApartUnderEveryColourVisionDeficiency() throws {
        let svg = Self.elements(Self.svg(Self.allRoles))
        var colours: [String: String] = [:]
        for role in ["chosen", "sum", "upstream"] {
            let strokes = Set(svg.with("line", "edge", role).compactMap { $0["stroke"] })
            #expect(strokes.count == 1, "\(role): \(strokes)")
            colours[role] = try #require(strokes.first)
        }
        for (a, b) in [("chosen", "sum"), ("chosen", "upstream"), ("sum", "upstream")] {
            for simulation in Self.simulations {
                let distance = Self.deltaE(colours[a]!, colours[b]!, simulation.matrix)
                #expect(distance >= 20, "\(a) and \(b) under \(simulation.name): ΔE \(distance)")
            }
        }
    }

    @Test func everyRoleHasACueBesidesColour() {
        let svg = Self.elements(Self.svg(Self.allRoles))
        /// Dash pattern, arrow head and width: what is left of a line in grey.
        func cue(_ line: [String: String]) -> String {
            "\(line["stroke-dasharray"] ?? "solid")|\(line["marker-end"] ?? "no arrow")"
        }
        var cues: [String: Set<String>] = [:]
        for role in ["chosen", "sum", "upstream"] { cues[role] = Set(svg.with("line", "edge", role).map(cue)) }
        cues["positive"] = Set(svg.with("line", "edge", "plain", "positive").map(cue))
        cues["negative"] = Set(svg.with("line", "edge", "plain", "negative").map(cue))
        for (role, set) in cues { #expect(set.count == 1, "\(role) is drawn in \(set.count) ways") }
        let highlighted = ["chosen", "sum", "upstream"].compactMap { cues[$0]?.first }
        #expect(Set(highlighted).count == 3, "\(highlighted)")
        for role in ["chosen", "sum", "upstream"] {
            // Plain positive edges are solid without arrows; no highlighted role looks like them.
            #expect(cues[role] != cues["positive"] && cues[role] != cues["negative"], "\(role)")
        }
        // The legend draws each role's swatch the way its edges are drawn.
        for role in ["chosen", "sum", "upstream"] {
            #expect(svg.with("line", "legend-swatch", role).map(cue) == [cues[role]!.first!])
        }
    }

    // MARK: Labels

    /// A line's or rectangle's numbers.
    static func number(_ key: String, _ element: [String: String]) -> Double { Double(element[key] ?? "") ?? .nan }

    /// Whether the segment meets the open rectangle, by the separating-axis test: they are apart
    /// exactly when the rectangle lies beyond the segment's bounding box on an axis, or wholly on
    /// one side of the segment's line. (Written here apart from the layout's clipping.)
    static func meets(_ line: [String: String], x: Double, y: Double, width: Double, height: Double) -> Bool {
        let (x1, y1, x2, y2) = (number("x1", line), number("y1", line), number("x2", line), number("y2", line))
        if max(x1, x2) <= x || min(x1, x2) >= x + width || max(y1, y2) <= y || min(y1, y2) >= y + height { return false }
        let corners = [(x, y), (x + width, y), (x, y + height), (x + width, y + height)]
        let sides = corners.map { (cx, cy) in (x2 - x1) * (cy - y1) - (y2 - y1) * (cx - x1) }
        return !(sides.allSatisfy { $0 > 0 } || sides.allSatisfy { $0 < 0 })
    }

    /// The distance from (px, py) to the segment.
    static func distance(_ px: Double, _ py: Double, to line: [String: String]) -> Double {
        let (x1, y1, x2, y2) = (number("x1", line), number("y1", line), number("x2", line), number("y2", line))
        let (dx, dy) = (x2 - x1, y2 - y1)
        let t = min(max(((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy), 0), 1)
        return ((x1 + t * dx - px) * (x1 + t * dx - px) + (y1 + t * dy - py) * (y1 + t * dy - py)).squareRoot()
    }

    /// Every highlight of the default network, a few of wide random ones, Mazur's, the deep one and
    /// one with a shortened layer.
    static let labelled: [[String]] = {
        var cases: [[String]] = []
        for (l, nodes, inputs) in [(1, 3, 3), (2, 3, 3), (3, 2, 3)] {
            for j in 0..<nodes { for k in 0..<inputs { cases.append(["--layer", "\(l)", "--j", "\(j)", "--k", "\(k)"]) } }
        }
        for seed in ["7", "11"] {
            for (l, j, k) in [(1, 0, 1), (1, 3, 2), (2, 0, 1), (2, 2, 3), (2, 5, 4), (3, 2, 5)] {
                cases.append(["--random", "4,6,6,3", "--seed", seed, "--layer", "\(l)", "--j", "\(j)", "--k", "\(k)"])
            }
        }
        cases.append(["--network", Fixtures.path("mazur.json"), "--layer", "L-1", "--j", "0", "--k", "0"])
        cases.append(["--network", Fixtures.path("deep.json"), "--layer", "2", "--j", "1", "--k", "3"])
        // An output layer of 20 drawn as 10 nodes and "10 more": ten sum labels in one gap.
        cases.append(["--random", "3,4,20", "--layer", "1", "--j", "2", "--k", "1"])
        return cases
    }()

    /// Each weight label's plate, in order, with its own edge (the chosen one, then the sum's, as the
    /// labels are drawn) and the leader drawn just before it, if any.
    static func plates(_ svg: Elements) -> [(plate: [String: String], own: [String: String], leader: [String: String]?)] {
        let own = svg.with("line", "edge", "chosen") + svg.with("line", "edge", "sum")
        var out: [(plate: [String: String], own: [String: String], leader: [String: String]?)] = []
        var leader: [String: String]?
        for element in svg.all {
            let classes = (element.attributes["class"] ?? "").split(separator: " ")
            if element.name == "line" && classes.contains("weight-leader") { leader = element.attributes }
            if element.name == "rect" && classes.contains("weight-plate") {
                out.append((element.attributes, own[out.count], leader))
                leader = nil
            }
        }
        return out
    }

    @Test(arguments: labelled)
    func weightLabelsSitWhereNoOtherEdgeCrossesNorOverlapAnything(arguments: [String]) {
        let svg = Self.elements(Self.svg(arguments))
        let lines = svg.with("line", "edge"), circles = svg.with("circle", "node")
        let plates = Self.plates(svg)
        #expect(plates.count == svg.with("line", "edge", "chosen").count + svg.with("line", "edge", "sum").count)
        for (n, (plate, own, leader)) in plates.enumerated() {
            // The plate shrunk by half a unit: a line along its rim does not cross it.
            let (x, y) = (Self.number("x", plate) + 0.5, Self.number("y", plate) + 0.5)
            let (w, h) = (Self.number("width", plate) - 1, Self.number("height", plate) - 1)
            let crossing = lines.filter { $0 != own && Self.meets($0, x: x, y: y, width: w, height: h) }
            #expect(crossing.isEmpty, "\(arguments): label \(n) is crossed by \(crossing.compactMap { $0["x1"] })")
            if let leader {
                // A plate set off its edge hangs on a leader from a point of its own edge to its rim.
                let (ax, ay, bx, by) = (Self.number("x1", leader), Self.number("y1", leader), Self.number("x2", leader), Self.number("y2", leader))
                #expect(Self.distance(ax, ay, to: own) < 0.2, "\(arguments): label \(n)'s leader starts off its edge")
                #expect(bx >= x - 0.6 && bx <= x + w + 0.6 && by >= y - 0.6 && by <= y + h + 0.6, "\(arguments): label \(n)'s leader misses it")
            } else {
                #expect(Self.meets(own, x: x, y: y, width: w, height: h), "\(arguments): label \(n) is off its edge without a leader")
            }
            for circle in circles {
                let (cx, cy, r) = (Self.number("cx", circle), Self.number("cy", circle), Self.number("r", circle))
                let (nx, ny) = (min(max(cx, x), x + w), min(max(cy, y), y + h))
                #expect((nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) >= r * r, "\(arguments): label \(n) covers a node")
            }
            for (m, other) in plates.enumerated() where m != n {
                let (ox, oy) = (Self.number("x", other.plate), Self.number("y", other.plate))
                let apart = ox >= x + w || ox + Self.number("width", other.plate) <= x || oy >= y + h || oy + Self.number("height", other.plate) <= y
                #expect(apart, "\(arguments): labels \(n) and \(m) overlap")
            }
        }
    }

    // MARK: DOT

    @Test func dotLabelsOnlyTheHighlightedEdgesInRealNotation() {
        let random = ["--random", "4,6,6,3", "--seed", "7", "--format", "dot"]
        let plain = runCLI(["diagram"] + random).stdout.components(separatedBy: "\n")
        #expect(plain.filter { $0.contains(" -> ") }.count == 4 * 6 + 6 * 6 + 6 * 3)
        #expect(!plain.contains { $0.contains(" -> ") && $0.contains("label") })

        let lit = runCLI(["diagram"] + random + ["--layer", "1", "--j", "2", "--k", "1"]).stdout.components(separatedBy: "\n")
        // The chosen edge and the sum's 6 edges out of node 2 of layer 1.
        #expect(lit.filter { $0.contains(" -> ") && $0.contains("headlabel=<w<SUB>") }.count == 1 + 6)
        // Node labels are HTML-like, with scripts and the bias; no ASCII scripts anywhere in a label.
        let nodes = lit.filter { $0.contains(#"_n"#) && $0.contains("[label=") }
        #expect(nodes.count == 4 + 6 + 6 + 3)
        #expect(nodes.allSatisfy { $0.contains("[label=<a<SUB>") })
        #expect(nodes.filter { $0.contains("b = ") }.count == 6 + 6 + 3)
        #expect(!lit.contains { $0.contains("label=") && ($0.contains("_") && $0.contains("^")) })
    }
}
