import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplainTestSupport
import Testing
@testable import NNExplain
import NNExplainCore

/// The computational graph's picture (SVG and DOT): every value and gradient in both formats, the
/// weight's paths lit, hand-computed numbers of a 1-1 network, the bound on its size, boxes apart.
struct GraphPictureTests {
    /// Every element's name and attributes, and all character data, as XMLParser reads the SVG.
    final class Scan: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            elements.append((elementName, attributeDict))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func with(_ name: String, _ classes: String...) -> [[String: String]] {
            elements.filter { element in
                let have = Set((element.attributes["class"] ?? "").split(separator: " ").map(String.init))
                return element.name == name && Set(classes).isSubset(of: have)
            }.map(\.attributes)
        }
    }

    static func scan(_ svg: String) -> Scan {
        let parser = XMLParser(data: Data(svg.utf8)), scan = Scan()
        parser.delegate = scan
        #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
        return scan
    }

    static func graph(_ network: Network, sample: Int = 0) -> NetworkGraph { try! network.graph(sample: sample) }

    static func picture(_ g: ComputationGraph, shown: [Int]? = nil, lit: Set<Int> = [], precision: Int = 4, depth: Int) throws -> GraphPicture {
        try GraphPicture(graph: g, shown: shown ?? Array(g.nodes.indices), lit: lit, precision: precision, naming: LayerNaming(depth: depth))
    }

    /// A weight's part: its paths to the output and their direct inputs, in id order.
    static func part(_ g: ComputationGraph, weight: Int) -> (shown: [Int], lit: Set<Int>) {
        let paths = g.paths(from: weight)
        return (Array(Set(paths + paths.flatMap { g.nodes[$0].inputs })).sorted(), Set(paths))
    }

    /// A 1-1 network: x = 2, w = 0.5, no bias, sigmoid, squared loss, y = 0.
    static let tiny = Network(inputs: 1, layers: [Layer(activation: .sigmoid, weights: [[0.5]])], loss: .squared,
                              learningRate: 0.5, samples: [Sample(x: [2], y: [0])])

    @Test func tinyNetworkShowsHandComputedValuesAndGradientsInBothFormats() throws {
        let picture = try Self.picture(Self.graph(Self.tiny).graph, depth: 1)
        let svg = Self.scan(picture.svg(title: "1-1")).text, dot = picture.dot()
        // By hand: z = 0.5·2 = 1, a = σ(1) = 0.7310586, C = a² = 0.5344466; ∂C/∂a = 2a = 1.462117,
        // ∂C/∂z = 2a·a(1 − a) = 0.2874697, ∂C/∂w = 2·0.2874697 = 0.5749394, ∂C/∂x = 0.5·0.2874697 = 0.1437348,
        // ∂C/∂y = −2a.
        for text in ["value 0.5", "value 2", "value 1", "value 0.7311", "value 0.5344", "value 0",
                     "grad 1.462", "grad 0.2875", "grad 0.5749", "grad 0.1437", "grad -1.462", "grad 1"] {
            #expect(svg.contains(text), "SVG lacks \(text)")
            #expect(dot.contains(text), "DOT lacks \(text)")
        }
        for operation in ["*", "+", "sigmoid", "-", "^2"] {
            #expect(svg.contains(operation) && dot.contains("label=\"\(operation)\""), "\(operation)")
        }
        // x, w, the product, z, a, y, a − y and its square, which is C (a loss of one term is that
        // term): 8 boxes; 5 of them computed, 5 circles (z is the sum of one product: a "+" circle).
        #expect(picture.boxes.count == 8 && picture.operationCount == 5)
    }

    @Test func standardWholeGraphHasEveryValueAndGradientInBothFormats() throws {
        let g = Self.graph(.standard).graph
        // By hand: 3 inputs; per node of each layer 3 weights, 3 products, a sum, a sigmoid (8),
        // 3 + 3 + 2 nodes; per output y, a − y and its square, then the sum: 3 + 64 + 7 = 74.
        #expect(g.nodes.count == 74)
        let picture = try Self.picture(g, depth: 3)
        let svg = picture.svg(title: "Network 3-3-3-2, sample 0"), dot = picture.dot()
        let scan = Self.scan(svg)
        #expect(scan.with("g", "node").count == 74)
        #expect(scan.with("ellipse", "operation").count == 74 - 3 - 24 - 2)
        #expect(scan.with("g", "node", "lit").isEmpty && scan.with("g", "node", "context").isEmpty)
        let renderer = TextRenderer(naming: LayerNaming(depth: 3), precision: 4)
        for node in g.nodes {
            for text in ["value " + renderer.number(node.value), "grad " + renderer.number(node.gradient)] {
                #expect(scan.text.contains(text) && dot.contains(text), "\(text)")
            }
        }
        // C_0 = (a_0^L − 1)² + (a_1^L − 0)², from the trace, not the graph.
        let a = try Network.standard.trace(sample: 0).layers[2].a
        let loss = renderer.number((a[0] - 1) * (a[0] - 1) + a[1] * a[1])
        #expect(scan.text.contains("value " + loss) && scan.text.contains("C₀ = " + loss))
        #expect(svg.contains("74 value boxes and 45 operations"))
    }

    @Test func outputWeightPartLightsItsSevenPathNodes() throws {
        let ng = Self.graph(.standard), g = ng.graph
        let (shown, lit) = Self.part(g, weight: ng.weights[2][1][2])
        // w_12^L → w·a_2^(L-1) → z_1^L → a_1^L → a_1^L − y_1 → its square → C_0: 7 lit. Context: a_2^(L-1),
        // the other two products of z_1^L, y_1, and the square of the other output: 5.
        #expect(lit.count == 7 && shown.count == 12)
        let picture = try Self.picture(g, shown: shown, lit: lit, depth: 3)
        let scan = Self.scan(picture.svg(title: "w₁₂ᴸ")), dot = picture.dot()
        #expect(scan.with("g", "node", "lit").count == 7 && scan.with("g", "node", "context").count == 5)
        // 6 lit edges into circles, 6 lit circles into boxes.
        #expect(scan.with("path", "edge", "lit").count == 12)
        let litLines = dot.split(separator: "\n").filter { $0.contains("penwidth=3") }
        #expect(litLines.count { $0.contains(" -> ") } == 12 && litLines.count { $0.contains("shape=record") } == 7)
        #expect(scan.text.contains("the paths from w₁₂ᴸ to C₀"))
        // ∂C_0/∂w_12^L from the trace's own formula: 2(a_1^L − y_1) · σ'(z_1^L) · a_2^(L-1).
        let trace = try Network.standard.trace(sample: 0)
        let a = trace.layers[2].a[1], expected = 2 * (a - 0) * a * (1 - a) * trace.layers[1].a[2]
        #expect(scan.text.contains("grad " + TextRenderer(naming: LayerNaming(depth: 3), precision: 4).number(expected)))
    }

    @Test func hiddenWeightPartFitsAndLightsItsPaths() throws {
        let ng = Self.graph(.standard), g = ng.graph
        let (shown, lit) = Self.part(g, weight: ng.weights[1][2][2])
        let scan = Self.scan(try Self.picture(g, shown: shown, lit: lit, depth: 3).svg(title: "w₂₂ᴸ⁻¹"))
        // w → product → z_2^(L-1) → a_2^(L-1) → 2 products → z_0^L, z_1^L → a_0^L, a_1^L → 2 differences → 2 squares → C_0.
        #expect(lit.count == 15 && scan.with("g", "node", "lit").count == 15)
    }

    @Test func boundRefusesTooManyNodesWithTheSentence() throws {
        // 10-10-2 with biases: 10 inputs, 10 × (10 + 10 + 1 + 1 + 1), 2 × 23, 2 × 3 + 1 for the loss: 293.
        let g = Self.graph(.random(sizes: [10, 10, 2], samples: 1, seed: 7)).graph
        #expect(g.nodes.count == 293)
        #expect(throws: GraphPicture.Problem.tooManyNodes(293, whole: true)) { try Self.picture(g, depth: 2) }
        #expect(GraphPicture.Problem.tooManyNodes(293, whole: true).message
            == "the graph has 293 nodes, more than the 100 a picture can show legibly; draw one weight's part of it with --layer, --j and --k")
        // At the bound it draws; one more is refused as a part (not the whole graph).
        let limit = GraphPicture.maximumNodes
        #expect(limit == 100)
        #expect(try Self.picture(g, shown: Array(0..<limit), depth: 2).boxes.count == limit)
        #expect(throws: GraphPicture.Problem.tooManyNodes(limit + 1, whole: false)) { try Self.picture(g, shown: Array(0...limit), depth: 2) }
        #expect(GraphPicture.Problem.tooManyNodes(101, whole: false).message.hasSuffix("choose a weight of a layer nearer the output, or a smaller network"))
    }

    @Test func sameGraphGivesSameBytes() throws {
        let g = Self.graph(ReferenceNetworks.mazur).graph
        let first = try Self.picture(g, depth: 2), second = try Self.picture(g, depth: 2)
        #expect(first.svg(title: "t") == second.svg(title: "t") && first.dot() == second.dot())
    }

    /// No two boxes or circles overlap, and every one lies inside the canvas.
    @Test(arguments: [false, true])
    func boxesAndCirclesStayApartInsideTheCanvas(part: Bool) throws {
        let ng = Self.graph(.standard), g = ng.graph
        let (shown, lit) = part ? Self.part(g, weight: ng.weights[0][1][1]) : (Array(g.nodes.indices), [])
        let scan = Self.scan(try Self.picture(g, shown: shown, lit: lit, depth: 3).svg(title: "t"))
        let root = scan.elements[0].attributes
        let (width, height) = (Double(root["width"]!)!, Double(root["height"]!)!)
        let number = { (a: [String: String], k: String) in Double(a[k]!)! }
        var rects = scan.with("rect", "box").map { (number($0, "x"), number($0, "y"), number($0, "width"), number($0, "height")) }
        rects += scan.with("ellipse", "operation").map {
            (number($0, "cx") - number($0, "rx"), number($0, "cy") - number($0, "ry"), 2 * number($0, "rx"), 2 * number($0, "ry"))
        }
        #expect(rects.count == shown.count + shown.count { g.nodes[$0].operation != .leaf && g.nodes[$0].inputs.contains(where: shown.contains) })
        for (i, r) in rects.enumerated() {
            #expect(r.0 >= 0 && r.1 >= 0 && r.0 + r.2 <= width && r.1 + r.3 <= height)
            for s in rects[(i + 1)...] {
                #expect(r.0 + r.2 <= s.0 || s.0 + s.2 <= r.0 || r.1 + r.3 <= s.1 || s.1 + s.3 <= r.1, "\(r) overlaps \(s)")
            }
        }
    }

    @Test(.enabled(if: Tools.dot != nil, Tools.missing("dot", install: "Debian's graphviz", unchecked: "Graphviz's reading of the graph's DOT is unchecked")))
    func graphvizReadsTheDOT() throws {
        let ng = Self.graph(ReferenceNetworks.mazur), g = ng.graph
        let (shown, lit) = Self.part(g, weight: ng.weights[1][0][1])
        for picture in [try Self.picture(g, depth: 2), try Self.picture(g, shown: shown, lit: lit, depth: 2)] {
            let process = Process(), input = Pipe(), output = Pipe(), errors = Pipe()
            process.executableURL = URL(fileURLWithPath: Tools.dot!)
            process.arguments = ["-Tsvg"]
            (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
            try process.run()
            input.fileHandleForWriting.write(Data(picture.dot().utf8))
            try input.fileHandleForWriting.close()
            let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 && warnings.isEmpty, "\(warnings)")
            #expect(svg.contains("<svg") && svg.contains("value ") && svg.contains("grad "))
        }
    }
}
