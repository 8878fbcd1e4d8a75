import NNExplainCore

/// A computational graph (``ComputationGraph``) as a picture, laid out as micrograd draws it: left to
/// right, a value box per node with its name, its forward value and its gradient, and an operation
/// circle (the operation's short name, ``ComputationGraph/operationName(_:)``) between a computed
/// node's inputs and its box; a leaf has no circle. Written as SVG (``svg(title:)``) or as Graphviz
/// DOT (``dot()``), with the same words in both: `value 0.7514` and `grad 0.1385`, the gradient
/// being `∂output/∂node`.
///
/// The picture shows the nodes it is given, the whole graph or one weight's part of it (the nodes on
/// the weight's paths to the output, plus their direct inputs as context). The `lit` nodes (the
/// weight's paths) and the edges between them are drawn in the chosen weight's colour and thicker;
/// the other shown nodes, when something is lit, lighter and with a dashed outline. A graph of more
/// than ``maximumNodes`` shown nodes is refused (``Problem``): the boxes would be too small to read.
package struct GraphPicture: Sendable {
    /// The most value boxes a picture draws: at 100 the whole graph of a 3-3-3-2 network with biases
    /// (82 boxes) still reads on a wide screen, each box at full size; more makes a wall of boxes.
    package static let maximumNodes = 100

    /// The significant digits of the numbers in the boxes unless `--precision` says otherwise, as in
    /// the network's diagram: four fit a box and read from the back of a room.
    package static let defaultPrecision = 4

    /// Why a graph is not drawn, as a value a caller can switch on.
    package enum Problem: Error, Equatable, Sendable {
        /// `nodes` value boxes would be drawn, more than ``maximumNodes``; `whole` when that is the
        /// whole graph (not one weight's part of it).
        case tooManyNodes(Int, whole: Bool)
    }

    /// One value box, with its operation circle when its operation reads shown nodes.
    struct Box: Sendable, Equatable {
        let id: Int
        let name: Diagram.Name
        let value: String
        let gradient: String
        /// The operation's short name, nil for a leaf and for a context node whose inputs are not shown.
        let operation: String?
        /// What the operation computes from its inputs' names, `n_68 = a_0^L − y_0`, for its tooltip.
        let formula: String
        let lit: Bool
        /// Shown for its value only: something is lit and this is not.
        let context: Bool
    }

    /// An edge from an input's box to the operation circle of the node that reads it.
    struct Link: Sendable, Equatable {
        /// Indices in ``boxes``.
        let from: Int
        let to: Int
        let lit: Bool
    }

    /// The boxes in the order shown.
    let boxes: [Box]
    let links: [Link]
    /// The graph's output (its last node): its name and value, for the description and the legend.
    let outputName: Diagram.Name
    let outputValue: String
    /// The lit node no other lit node feeds (the chosen weight), if there is exactly one.
    let source: Diagram.Name?
    /// Where every box and circle goes.
    let layout: Layout

    /// The picture of `shown` nodes of `graph` (after its backward pass).
    ///
    /// - Parameters:
    ///   - graph: the graph, each node's gradient set by ``ComputationGraph/backward()``.
    ///   - shown: the ids of the nodes to draw, each once: every id, or a weight's paths and their direct inputs.
    ///   - lit: the ids to highlight (the weight's paths); ids not shown are ignored.
    ///   - precision: significant digits of every value and gradient.
    ///   - naming: how layers are labelled in the names (`L`, `L-1`, … or numbers).
    /// - Throws: ``Problem/tooManyNodes(_:whole:)`` for more than ``maximumNodes`` shown nodes.
    package init(graph: ComputationGraph, shown: [Int], lit: Set<Int>, precision: Int, naming: LayerNaming) throws(Problem) {
        guard shown.count <= GraphPicture.maximumNodes else {
            throw .tooManyNodes(shown.count, whole: Set(shown).count == graph.nodes.count)
        }
        let renderer = TextRenderer(naming: naming, precision: precision)
        var index: [Int: Int] = [:]
        for (i, id) in shown.enumerated() {
            precondition(graph.nodes.indices.contains(id) && index[id] == nil, "node \(id) is not a node of the graph, or is shown twice")
            index[id] = i
        }
        let anyLit = shown.contains { lit.contains($0) }
        let boxes = shown.map { id in
            let node = graph.nodes[id]
            let drawsOperation = node.operation != .leaf && node.inputs.contains { index[$0] != nil }
            return Box(id: id, name: GraphPicture.name(graph.name(id), renderer), value: renderer.number(node.value),
                       gradient: renderer.number(node.gradient),
                       operation: drawsOperation ? ComputationGraph.operationName(node.operation) : nil,
                       formula: renderer.text(graph.name(id)) + " = " + renderer.text(graph.formula(id)),
                       lit: lit.contains(id), context: anyLit && !lit.contains(id))
        }
        var links: [Link] = []
        for (to, id) in shown.enumerated() {
            for input in graph.nodes[id].inputs {
                guard let from = index[input] else { continue }
                links.append(Link(from: from, to: to, lit: boxes[from].lit && boxes[to].lit))
            }
        }
        (self.boxes, self.links) = (boxes, links)
        outputName = GraphPicture.name(graph.name(graph.output), renderer)
        outputValue = renderer.number(graph.nodes[graph.output].value)
        let sources = boxes.indices.filter { b in boxes[b].lit && !links.contains { $0.to == b && boxes[$0.from].lit } }
        source = sources.count == 1 ? boxes[sources[0]].name : nil
        layout = Layout(boxes: boxes, links: links)
    }

    /// How many operation circles are drawn.
    var operationCount: Int { boxes.count { $0.operation != nil } }

    /// A node's name (``ComputationGraph/name(_:)``) with its scripts apart, for the SVG to lower and
    /// raise them; its text as ``TextRenderer`` writes it.
    private static func name(_ math: Math, _ renderer: TextRenderer) -> Diagram.Name {
        let plain = renderer.text(math)
        switch math.pieces.first {
        case .symbol(let symbol) where math.pieces.count == 1 && symbol.scripts(renderer.naming) != nil:
            return Diagram.Name(symbol, renderer)
        case .variable(let base, let sub, let sup) where math.pieces.count == 1:
            return Diagram.Name(plain: plain, base: base, sub: sub, sup: sup)
        default:
            return Diagram.Name(plain: plain, base: plain, sub: "", sup: "")
        }
    }

    /// The name with Unicode scripts, `z₁²`, `w₁₂ᴸ`, as the DOT labels and tooltips write it.
    static func unicode(_ name: Diagram.Name) -> String { Diagram.unicode(name) }

    /// The words of a box, the same in both formats.
    static func valueText(_ value: String) -> String { "value " + value }
    static func gradientText(_ gradient: String) -> String { "grad " + gradient }

    /// The legend's lines: what a box, a circle and (when something is lit) the highlight mean.
    var legendLines: [String] {
        let output = GraphPicture.unicode(outputName)
        var lines = ["box: name | value (forward) | grad = ∂\(output)/∂name (backward); circle: the operation computing the box to its right, its inputs entering in order from the top"]
        if boxes.contains(where: { $0.lit }) {
            let from = source.map { " from " + GraphPicture.unicode($0) } ?? ""
            lines.append("thick, coloured: the paths\(from) to \(output); thin grey, dashed box: an input to those paths, shown for its value")
        }
        return lines
    }

    /// The picture in words, for the SVG's `<desc>` and the DOT's comment.
    var description: String {
        let operations = operationCount == 1 ? "1 operation" : "\(operationCount) operations"
        var out = "A computational graph drawn left to right: \(boxes.count) value boxes and \(operations). "
        out += "Each box gives a node's name, its forward value and its gradient, the derivative of "
            + "\(GraphPicture.unicode(outputName)) by it; each circle holds the operation computing the box after it. "
        out += "The output \(GraphPicture.unicode(outputName)) = \(outputValue)."
        let lit = boxes.count(where: { $0.lit })
        if lit > 0 {
            let from = source.map { " from " + GraphPicture.unicode($0) } ?? ""
            out += " Highlighted, thick and coloured: the \(lit) nodes on the paths\(from) to the output; the others, thin and dashed, are their inputs."
        }
        return out
    }
}
