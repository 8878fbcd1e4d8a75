import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplainTestSupport
import Testing
// @testable: checks the diagram's layout model (nodes, edges, slots, roles), internal to the library.
@testable import NNExplain
import NNExplainCore

/// The network diagram: the layout model's roles, the SVG as XML, and the DOT text.
struct DiagramTests {
    static let mazur = ReferenceNetworks.mazur

    static func diagram(
        _ network: Network, sample: Int = 0, relative: Bool = true, precision: Int = 9,
        highlight: (layer: Int, j: Int, k: Int, caption: String)? = nil
    ) -> Diagram {
        Diagram(network: network, trace: try! network.trace(sample: sample),
                naming: LayerNaming(depth: network.depth, relative: relative),
                precision: precision, highlight: highlight)
    }

    static func weightCount(_ network: Network) -> Int {
        network.layers.reduce(0) { $0 + $1.weights.reduce(0) { $0 + $1.count } }
    }

    // MARK: SVG as XML

    /// Counts elements by name and class, and collects the text, while XMLParser reads the SVG.
    final class SVGScan: NSObject, XMLParserDelegate {
        var elements: [(name: String, classes: Set<String>)] = []
        var text = ""
        var rootAttributes: [String: String] = [:]

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            if elements.isEmpty { rootAttributes = attributeDict }
            let classes = Set((attributeDict["class"] ?? "").split(separator: " ").map(String.init))
            elements.append((elementName, classes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func count(_ name: String, _ classes: String...) -> Int {
            elements.filter { $0.name == name && Set(classes).isSubset(of: $0.classes) }.count
        }
    }

    static func scan(_ svg: String) throws -> SVGScan {
        let parser = XMLParser(data: Data(svg.utf8))
        let scan = SVGScan()
        parser.delegate = scan
        let ok = parser.parse()
        #expect(ok, "XML error: \(String(describing: parser.parserError))")
        return scan
    }

    @Test(arguments: [false, true])
    func standardSVGParsesWithOneCirclePerNodeAndOneLinePerWeight(highlighted: Bool) throws {
        let network = Network.standard
        let diagram = Self.diagram(network, highlight: highlighted ? (2, 2, 2, "∂C_0/∂w_22^(L-1) = 0.01") : nil)
        let scan = try Self.scan(diagram.svg())
        #expect(scan.elements.first?.name == "svg")
        #expect(scan.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(scan.rootAttributes["viewBox"] != nil)
        #expect(scan.rootAttributes["width"] != nil && scan.rootAttributes["height"] != nil)
        #expect(scan.count("rect", "background") == 1)
        #expect(scan.count("circle", "node") == 11)
        // 3·3 + 3·3 + 2·3 = 24 weights.
        #expect(scan.count("line", "edge") == 24)
        #expect(Self.weightCount(network) == 24)
        #expect(scan.count("rect", "more") == 0)
        #expect(scan.text.contains("Network 3-3-3-2, sample 0"))
        for label in ["L-3 (l = 0)", "L-2 (l = 1)", "L-1 (l = 2)", "L (l = 3)"] {
            #expect(scan.text.contains(label))
        }
    }

    @Test func mazurSVGParsesWithItsNodesWeightsAndValues() throws {
        let network = Self.mazur
        let scan = try Self.scan(Self.diagram(network, highlight: (1, 0, 0, "∂C_0/∂w_00^(L-1) = 0.000438568")).svg())
        #expect(scan.count("circle", "node") == 6)
        #expect(scan.count("line", "edge") == 8)
        #expect(Self.weightCount(network) == 8)
        // out_o1 = 0.75136507 and out_h1 = 0.593269992 in Mazur's post (%g drops trailing zeros).
        #expect(scan.text.contains("0.75136507"))
        #expect(scan.text.contains("0.593269992"))
        #expect(scan.text.contains("Network 2-2-2, sample 0"))
        #expect(scan.text.contains("∂C_0/∂w_00^(L-1) = 0.000438568"))
        // Mazur's biases b_1 = 0.35 and b_2 = 0.6, one per node of layers 1 and 2.
        #expect(scan.count("text", "bias") == 4)
        // Each in its node and in the node's tooltip.
        #expect(scan.text.components(separatedBy: "b = 0.35").count - 1 == 4)
        #expect(scan.text.components(separatedBy: "b = 0.6").count - 1 == 4)
    }

    @Test func plainEdgesAreColouredBySign() throws {
        let scan = try Self.scan(Self.diagram(.standard).svg())
                let all = Network.standard.layers.flatMap { $0.weights.flatMap { $0 } }
        #expect(scan.count("line", "edge", "positive") == all.filter { $0 >= 0 }.count)
        #expect(scan.count("line", "edge", "negative") == all.filter { $0 < 0 }.count)
        #expect(scan.count("line", "edge", "chosen") == 0)
    }

    // MARK: Highlight roles

    @Test func hiddenLayerL1HighlightsTheChosenEdgeAndTheSumsTwoEdges() throws {
        let diagram = Self.diagram(.standard, highlight: (2, 2, 2, "caption"))
        let chosen = diagram.edges.filter { $0.role == .chosen }
        #expect(chosen.count == 1)
        #expect(chosen.first.map { [$0.layer, $0.j, $0.k] } == [2, 2, 2])
        let sum = diagram.edges.filter { $0.role == .sum }
        #expect(sum.map { [$0.layer, $0.j, $0.k] } == [[3, 0, 2], [3, 1, 2]])
        #expect(sum.map(\.name.plain) == ["w_02^L", "w_12^L"])
        #expect(diagram.edges.filter { $0.role == .upstream }.isEmpty)
        #expect(diagram.edges.filter { $0.role == .plain }.count == 21)

        let scan = try Self.scan(diagram.svg())
        #expect(scan.count("line", "edge", "chosen") == 1)
        #expect(scan.count("line", "edge", "sum") == 2)
        #expect(scan.count("line", "edge", "upstream") == 0)
        #expect(scan.count("line", "edge") == 24)
        // Node k = 2 of layer 1 and node j = 2 of layer 2 are the chosen edge's ends.
        #expect(scan.count("circle", "node", "chosen") == 2)
        #expect(scan.count("circle", "node", "sum") == 2)
    }

    @Test func layerL2HighlightsThreeSumEdgesAndSixUpstreamEdges() throws {
        let diagram = Self.diagram(.standard, highlight: (1, 0, 1, "caption"))
        #expect(diagram.edges.filter { $0.role == .chosen }.map { [$0.layer, $0.j, $0.k] } == [[1, 0, 1]])
        #expect(diagram.edges.filter { $0.role == .sum }.map { [$0.layer, $0.j, $0.k] } == [[2, 0, 0], [2, 1, 0], [2, 2, 0]])
        #expect(diagram.edges.filter { $0.role == .upstream }.allSatisfy { $0.layer == 3 })

        let scan = try Self.scan(diagram.svg())
        #expect(scan.count("line", "edge", "chosen") == 1)
        #expect(scan.count("line", "edge", "sum") == 3)
        #expect(scan.count("line", "edge", "upstream") == 6)
        #expect(scan.count("line", "edge", "plain") == 24 - 1 - 3 - 6)
        #expect(scan.count("circle", "node", "upstream") == 2)
    }

    @Test func outputLayerHighlightsOnlyTheChosenEdge() throws {
        let diagram = Self.diagram(.standard, highlight: (3, 1, 2, "∂C_0/∂w_12^L = 0.165950508"))
        let scan = try Self.scan(diagram.svg())
        #expect(scan.count("line", "edge", "chosen") == 1)
        #expect(scan.count("line", "edge", "sum") == 0)
        #expect(scan.count("line", "edge", "upstream") == 0)
        #expect(diagram.legendEntries.map(\.role) == [.chosen])
    }

    @Test func mazurFirstLayerHighlight() throws {
        let diagram = Self.diagram(Self.mazur, highlight: (1, 0, 0, "caption"))
        #expect(diagram.edges.filter { $0.role == .chosen }.map(\.name.plain) == ["w_00^(L-1)"])
        #expect(diagram.edges.filter { $0.role == .sum }.map(\.name.plain) == ["w_00^L", "w_10^L"])
        #expect(diagram.edges.filter { $0.role == .upstream }.isEmpty)
    }

    // MARK: Text

    @Test func captionAppearsAndSpecialCharactersAreEscaped() throws {
        let caption = #"a < b & c > "d" 'e'"#
        let svg = Self.diagram(.standard, highlight: (3, 1, 2, caption)).svg()
        #expect(svg.contains("a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;"))
        let scan = try Self.scan(svg)
        #expect(scan.count("text", "caption") == 1)
        #expect(scan.text.contains(caption))
    }

    @Test func theCaptionIsTheWeightsGradient() throws {
        let caption = "∂C_0/∂w_12^L = 0.165950508"
        let network = Network.standard
        let diagram = try Diagram(network: network, trace: network.trace(sample: 0), naming: LayerNaming(depth: network.depth),
                              precision: 9, weight: (layer: 3, j: 1, k: 2))
        #expect(diagram.highlight?.caption.plain == caption)
        // Drawn with scripts: the characters in order, the scripts run into the letters.
        // (a space at the end of a tspan is drawn as a shift, so it is not in the text).
        #expect(try Self.scan(diagram.svg()).text.contains("∂C0/∂w12L= 0.165950508"))
        #expect(diagram.dot().contains("∂C<SUB>0</SUB>/∂w<SUB>12</SUB><SUP>L</SUP> = 0.165950508"))
    }

    @Test func nodesAreNamedAsTheTextRendererNamesThem() {
        let relative = Self.diagram(.standard)
        #expect(relative.nodes.map(\.name.plain).prefix(4) == ["a_0^(L-3)", "a_1^(L-3)", "a_2^(L-3)", "a_0^(L-2)"])
        #expect(relative.nodes.last?.name.plain == "a_1^L")
        let numeric = Self.diagram(.standard, relative: false)
        #expect(numeric.nodes.last?.name.plain == "a_1^3")
        #expect(numeric.columns.map(\.label) == ["0 (L-3)", "1 (L-2)", "2 (L-1)", "3 (L)"])

        let renderer = TextRenderer(naming: LayerNaming(depth: 3))
        let name = Diagram.Name(.w(layer: 2, .number(2), .number(2)), renderer)
        #expect([name.plain, name.base, name.sub, name.sup] == ["w_22^(L-1)", "w", "22", "L-1"])
        let plain = Diagram.Name(.a(layer: 3, .number(1)), renderer)
        #expect([plain.plain, plain.base, plain.sub, plain.sup] == ["a_1^L", "a", "1", "L"])
        let target = Diagram.Name(.y(.number(0)), renderer)
        #expect([target.plain, target.base, target.sub, target.sup] == ["y_0", "y", "0", ""])
        let wide = Diagram.Name(.w(layer: 1, .number(1), .number(12)), renderer)
        #expect([wide.plain, wide.base, wide.sub, wide.sup] == ["w_1,12^(L-2)", "w", "1,12", "L-2"])
        #expect(relative.targets[1]?.plain == "y_1 = 0")
    }

    @Test func valuesFollowThePrecision() {
        let diagram = Self.diagram(Self.mazur, precision: 4)
        #expect(diagram.nodes.first { $0.layer == 2 && $0.index == 0 }?.valueText == "0.7514")
        #expect(diagram.svg().contains(">0.7514<"))
    }

    @Test func outputIsDeterministic() {
        let a = Self.diagram(.standard, sample: 1, highlight: (1, 2, 0, "x"))
        let b = Self.diagram(.standard, sample: 1, highlight: (1, 2, 0, "x"))
        #expect(a.svg() == b.svg())
        #expect(a.dot() == b.dot())
        #expect(a.svg().contains("sample 1"))
        // Coordinates carry one decimal.
        #expect(!a.svg().contains("-0.0\""))
    }

    // MARK: Large layers

    static func wide(inputs: Int, hidden: Int, outputs: Int) -> Network {
        func matrix(_ rows: Int, _ columns: Int) -> [[Double]] {
            var m: [[Double]] = []
            for j in 0..<rows {
                var row: [Double] = []
                for k in 0..<columns {
                    let step: Int = (j * 7 + k * 3) % 11 - 5
                    row.append(Double(step) / 10)
                }
                m.append(row)
            }
            return m
        }
        return Network(
            inputs: inputs,
            layers: [Layer(activation: .tanh, weights: matrix(hidden, inputs)),
                     Layer(activation: .sigmoid, weights: matrix(outputs, hidden))],
            samples: [Sample(x: (0..<inputs).map { Double($0) / Double(inputs) }, y: [Double](repeating: 0.5, count: outputs))])
    }

    @Test func largeLayersShowTheFirstNodesAndAnEllipsis() throws {
        let network = Self.wide(inputs: 40, hidden: 13, outputs: 12)
        let diagram = Self.diagram(network)
        let scan = try Self.scan(diagram.svg())
        #expect(scan.count("circle", "node") == 10 + 10 + 12)
        #expect(scan.count("rect", "more") == 2)
        #expect(scan.text.contains("⋯ 30 more"))
        #expect(scan.text.contains("⋯ 3 more"))
        #expect(scan.count("line", "edge") == 10 * 10 + 12 * 10)
        #expect(scan.text.contains("40 nodes"))
        let dot = diagram.dot()
        #expect(dot.components(separatedBy: "\n").filter { $0.contains(" -> ") }.count == 220)
        #expect(dot.contains("⋯ 30 more"))
        // Between dense layers dot would lay every edge label out as a node: plain edges go unlabelled.
        #expect(!dot.components(separatedBy: "\n").contains { $0.contains(" -> ") && $0.contains("label=") })
    }

    @Test func aHighlightBeyondTheShownNodesIsStillDrawn() throws {
        let network = Self.wide(inputs: 40, hidden: 13, outputs: 2)
        let diagram = Self.diagram(network, highlight: (1, 12, 25, "far"))
        #expect(Diagram.slots(size: 40, keep: [25]) == (0..<10).map(Diagram.Slot.node) + [.more(10, 24), .node(25), .more(26, 39)])
        let scan = try Self.scan(diagram.svg())
        #expect(scan.count("line", "edge", "chosen") == 1)
        #expect(scan.count("circle", "node") == 11 + 11 + 2)
        #expect(scan.count("rect", "more") == 3)
        #expect(scan.count("line", "edge", "sum") == 2)
    }

    // MARK: DOT

    /// `{` minus `}` outside quoted strings, never negative along the way.
    static func braceBalance(_ dot: String) -> (balanced: Bool, neverNegative: Bool) {
        var depth = 0, minimum = 0, quoted = false, escaped = false
        for c in dot {
            if quoted {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
                continue
            }
            switch c {
            case "\"": quoted = true
            case "{": depth += 1
            case "}": depth -= 1; minimum = min(minimum, depth)
            default: break
            }
        }
        return (depth == 0 && !quoted, minimum >= 0)
    }

    @Test(arguments: [false, true])
    func dotIsBalancedWithOneEdgeStatementPerWeight(mazur: Bool) {
        let network = mazur ? Self.mazur : Network.standard
        let dot = Self.diagram(network, highlight: (1, 1, 0, #"say "hi" \ there"#)).dot()
        #expect(dot.hasPrefix("digraph network {\n  rankdir=LR;"))
        #expect(dot.hasSuffix("}\n"))
        let balance = Self.braceBalance(dot)
        #expect(balance.balanced && balance.neverNegative)
        let edgeLines = dot.components(separatedBy: "\n").filter { $0.contains(" -> ") }
        #expect(edgeLines.count == Self.weightCount(network))
        #expect(dot.components(separatedBy: "subgraph \"cluster_layer").count - 1 == network.depth + 1)
        #expect(dot.contains(#"say &quot;hi&quot; \ there"#))
    }

    @Test func dotColoursTheHighlightedEdge() {
        let dot = Self.diagram(.standard, highlight: (2, 2, 2, "∂C_0/∂w_22^(L-1)")).dot()
        let lines = dot.components(separatedBy: "\n")
        let chosen = lines.filter { $0.contains(#""l1_n2" -> "l2_n2""#) }
        #expect(chosen.count == 1)
        #expect(chosen.first?.contains("color=\"\(Diagram.color(.chosen))\"") == true)
        #expect(chosen.first?.contains("style=solid") == true)
        let sum = lines.filter { $0.contains(" -> ") && $0.contains("color=\"\(Diagram.color(.sum))\"") }
        #expect(sum.count == 2)
        #expect(sum.allSatisfy { $0.contains(#""l2_n2" -> "#) })
        #expect(lines.filter { $0.contains(" -> ") && $0.contains(Diagram.color(.chosen)) }.count == 1)
        #expect(dot.contains(#""l3_n1" [label=<a<SUB>1</SUB><SUP>L</SUP><BR/>"#))
        #expect(dot.contains("headlabel=<w<SUB>22</SUB><SUP>L-1</SUP> = 0.3>"))
    }
}
