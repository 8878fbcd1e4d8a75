
/// A picture of the network for one training sample: every node with its activation `a_j^l`, every
/// weight `w_jk^l` as an edge, and optionally the edges one chain-rule derivation walks through.
///
/// The layout (positions, labels, roles) is computed once, in `init`, and both outputs draw the same
/// model: ``svg()`` as a self-contained SVG 1.1 picture, ``dot()`` as Graphviz input.
///
/// Layers are columns, left to right from layer 0 (the inputs) to layer `L`. A layer of more than
/// ``maxFullLayer`` nodes is not drawn in full: its first ``shownOfLargeLayer`` nodes (plus the
/// highlighted nodes, if any lie further down) are drawn, and every run of left-out nodes becomes one
/// ellipsis slot, "⋯ n more". Edges to or from left-out nodes are not drawn, so a 784-100-10 network
/// stays a picture rather than 79 000 lines.
///
/// Highlight roles, for the weight `w_jk^l`:
/// - ``Role/chosen``: the edge `w_jk^l` itself, from node k of layer l-1 to node j of layer l.
/// - ``Role/sum``: for a hidden layer `l < L`, the edges `w_ij^(l+1)` from node j of layer l to every
///   node i of layer l+1, whose terms make up `∂C/∂a_j^l = Σ_i ∂C/∂a_i^(l+1) · g'(z_i^(l+1)) · w_ij^(l+1)`.
/// - ``Role/upstream``: every edge of layers `l+2 … L`; the network is fully connected, so the chain
///   rule passes through all of them on the way from node j of layer l to the output.
///
/// Nodes take the role of the edges that reach them: nodes k of l-1 and j of l are `chosen`, the
/// nodes of layer l+1 `sum`, the nodes of layers l+2 … L `upstream`.
public struct Diagram: Sendable {
    /// How an edge (or a node) takes part in the highlighted derivation.
    enum Role: Sendable { case plain, chosen, sum, upstream }

    /// Layers with more nodes than this are shortened with an ellipsis slot.
    static let maxFullLayer = 12
    /// How many leading nodes of a shortened layer are drawn.
    static let shownOfLargeLayer = 10
    /// The same in a landscape picture (``landscape``): columns of at most 8 slots, so that the
    /// picture is wider than tall, its columns spread out to 16:9.
    static let (maxFullLayerLandscape, shownOfLargeLayerLandscape) = (8, 6)

    // MARK: Geometry (SVG user units; DOT ignores positions)

    static let columnGap = 230.0

    /// The gap before a column: ``columnGap``, plus 30 units a label beyond the second when both
    /// layers have more than 3 nodes (`smaller` is the smaller one's size), where the edges cross
    /// too densely to leave room for labels.
    static func columnGap(labels: Int, between smaller: Int) -> Double {
        smaller > 3 ? columnGap + 30 * Double(max(labels - 2, 0)) : columnGap
    }
    static let marginX = 70.0
    static let titleHeight = 58.0

    // MARK: The model

    /// A name such as `w_22^(L-1)`, with its parts for drawing sub- and superscripts.
    struct Name: Sendable, Equatable {
        /// The text notation, as TextRenderer writes it: `a_1^L`, `w_22^(L-1)`, `y_0`.
        let plain: String
        let base: String
        let sub: String
        /// The layer label without the grouping parentheses: `L-1`.
        let sup: String

        /// The name of a quantity (not `g'` or `∂…/∂…`), its parts from ``Symbol/scripts(_:)``.
        init(_ symbol: Symbol, _ renderer: TextRenderer) {
            guard let scripts = symbol.scripts(renderer.naming) else { preconditionFailure("\(symbol) has no scripts") }
            plain = renderer.text(symbol)
            (base, sub, sup) = (scripts.base, scripts.sub, scripts.sup)
        }

        /// A name not made from a symbol, such as `Σ_i`.
        init(plain: String, base: String, sub: String, sup: String) {
            (self.plain, self.base, self.sub, self.sup) = (plain, base, sub, sup)
        }
    }

    /// A line of text with scripted names in it (a legend line, the caption): each writer sets the
    /// names its own way (SVG as raised and lowered text, DOT as HTML-like `<SUB>`/`<SUP>`), and
    /// ``plain`` is the text notation, for tests and for places without scripts.
    struct Rich: Sendable {
        enum Piece: Sendable {
            case text(String)
            case name(Name)
        }
        let pieces: [Piece]

        init(_ pieces: Piece...) { self.pieces = pieces }

        var plain: String {
            pieces.map { piece -> String in
                switch piece {
                case .text(let text): return text
                case .name(let name): return name.plain
                }
            }.joined()
        }
    }

    struct Node: Sendable {
        let layer: Int
        let index: Int
        let name: Name
        /// `a_j^l` (`x_k` for layer 0), as printed.
        let valueText: String
        /// `b_j^l` as printed, when the network has biases (nil for the inputs).
        let biasText: String?
        /// `z_j^l` as text, nil for the inputs.
        let zText: String?
        let x: Double
        let y: Double
        let role: Role
    }

    /// An ellipsis slot standing for `count` left-out nodes of a layer.
    struct More: Sendable {
        let layer: Int
        /// The first and last left-out node indices.
        let first: Int
        let last: Int
        var count: Int { last - first + 1 }
        let x: Double
        let y: Double
    }

    struct Edge: Sendable {
        /// The layer `l ≥ 1` of the weight `w_jk^l`.
        let layer: Int
        let j: Int
        let k: Int
        let weight: Double
        let weightText: String
        let name: Name
        let role: Role
    }

    struct Column: Sendable {
        let layer: Int
        let x: Double
        /// `L-1 (l = 2)`.
        let label: String
        /// `inputs`, or the activation: `sigmoid`.
        let detail: String
        let size: Int
    }

    struct Highlight: Sendable {
        let layer: Int
        let j: Int
        let k: Int
        let caption: Rich
        let weight: Name
        let weightText: String
        /// `C_0` and `a_2^(L-1)` of the hidden-layer sum `∂C_0/∂a_2^(L-1)`, when the layer is hidden.
        let sumOf: (loss: Name, activation: Name)?
        /// `w_i2^L`, the weights of the sum's terms.
        let sumWeights: Name?
    }

    let title: String
    /// The sample whose values the nodes show.
    let sample: Int
    let columns: [Column]
    /// The drawn nodes, layer by layer, top to bottom.
    let nodes: [Node]
    let more: [More]
    /// The drawn edges, layer by layer, then by j, then by k.
    let edges: [Edge]
    let highlight: Highlight?
    /// The largest |w| over all weights, for stroke widths.
    let maxAbsWeight: Double
    /// The circles' radius, large enough for every node's name, value and bias inside it.
    let radius: Double
    /// The distance between two slots of a column.
    let rowGap: Double
    /// Slots (nodes and ellipses) in the tallest column.
    let maxSlots: Int
    let depth: Int
    /// The target `y_j` of each output node j, from the sample.
    let targets: [Int: Target]
    /// Laid out for a 16:9 screen: columns of at most 8 slots, spread out to fill its width.
    public let landscape: Bool

    struct Target: Sendable {
        let name: Name
        let valueText: String
        /// `y_0 = 1`.
        var plain: String { name.plain + " = " + valueText }
    }

    /// Lays out the network for the sample of `trace`, with the weight `w_jk^l` lit up (or none) and
    /// its gradient for that sample as the caption under the picture, `∂C_0/∂w_12^L = 0.165950508`.
    ///
    /// - Parameters:
    ///   - naming: how layers are labelled (`L-1` or `2`).
    ///   - precision: significant digits of every printed value, as in TextRenderer.
    ///   - weight: the weight to light up, `1 ≤ layer ≤ L`, j and k in range; or nil.
    ///   - landscape: lay it out for a 16:9 screen (``landscape``) rather than as tall as its columns.
    /// - Throws: ``NetworkError`` for a network that is not well formed, a `trace` of a sample that
    ///   is none of its (or of a network of another shape), or a weight that is none of its.
    public init(network: Network, trace: Trace, naming: LayerNaming, precision: Int,
                weight: (layer: Int, j: Int, k: Int)?, landscape: Bool = false) throws(NetworkError) {
        try network.requireWellFormed(sample: trace.sample)
        guard trace.layers.map({ $0.a.count }) == network.layers.map({ $0.size }), trace.input.count == network.inputs else {
            throw .noSuchSample(trace.sample, samples: network.samples.count)
        }
        if let w = weight { try network.requireWeight(layer: w.layer, j: w.j, k: w.k) }
        self.init(network: network, trace: trace, naming: naming, precision: precision, checkedWeight: weight, landscape: landscape)
    }

    /// ``init(network:trace:naming:precision:weight:landscape:)`` of a trace and weight known to be the network's.
    init(network: Network, trace: Trace, naming: LayerNaming, precision: Int, checkedWeight weight: (layer: Int, j: Int, k: Int)?,
         landscape: Bool = false) {
        let renderer = TextRenderer(naming: naming, precision: precision)
        self.init(network: network, trace: trace, naming: naming, precision: precision, landscape: landscape, richHighlight: weight.map { w in
            let value = renderer.number(trace.weightGradient(layer: w.layer, j: w.j, k: w.k))
            let caption = Rich(.text("∂"), .name(Name(.loss(.sample(trace.sample)), renderer)), .text("/∂"),
                               .name(Name(.w(layer: w.layer, .number(w.j), .number(w.k)), renderer)), .text(" = " + value))
            return (w.layer, w.j, w.k, caption)
        })
    }

    /// The same with any caption under the highlight, e.g. to test how captions are escaped.
    init(network: Network, trace: Trace, naming: LayerNaming, precision: Int,
         highlight: (layer: Int, j: Int, k: Int, caption: String)?) {
        self.init(network: network, trace: trace, naming: naming, precision: precision,
                  richHighlight: highlight.map { ($0.layer, $0.j, $0.k, Rich(.text($0.caption))) })
    }

    private init(network: Network, trace: Trace, naming: LayerNaming, precision: Int, landscape: Bool = false,
                 richHighlight highlight: (layer: Int, j: Int, k: Int, caption: Rich)?) {
        self.landscape = landscape
        let renderer = TextRenderer(naming: naming, precision: precision)
        let depth = network.depth
        self.depth = depth
        let sample = trace.sample
        self.sample = sample
        title = "Network " + network.sizes.map(String.init).joined(separator: "-") + ", sample \(sample)"

        if let h = highlight {
            let weight = network.layer(h.layer).weights[h.j][h.k]
            let hidden = h.layer < depth
            self.highlight = Highlight(
                layer: h.layer, j: h.j, k: h.k, caption: h.caption,
                weight: Name(.w(layer: h.layer, .number(h.j), .number(h.k)), renderer),
                weightText: renderer.number(weight),
                sumOf: hidden ? (Name(.loss(.sample(sample)), renderer), Name(.a(layer: h.layer, .number(h.j)), renderer)) : nil,
                sumWeights: hidden ? Name(.w(layer: h.layer + 1, .letter("i"), .number(h.j)), renderer) : nil)
        } else {
            self.highlight = nil
        }
        let chosen = self.highlight

        // Which nodes each layer draws, as slots: a node index, or a run of left-out nodes.
        let sizes = network.sizes
        var slotsPerLayer: [[Slot]] = []
        for l in 0...depth {
            var keep: Set<Int> = []
            if let chosen {
                if l == chosen.layer { keep.insert(chosen.j) }
                if l == chosen.layer - 1 { keep.insert(chosen.k) }
            }
            slotsPerLayer.append(landscape
                ? Diagram.slots(size: sizes[l], keep: keep, full: Diagram.maxFullLayerLandscape, shown: Diagram.shownOfLargeLayerLandscape)
                : Diagram.slots(size: sizes[l], keep: keep))
        }
        maxSlots = slotsPerLayer.map { $0.count }.max() ?? 1

        // Columns, evenly spaced but for the gaps that hold weight labels between two layers of
        // more than 3 nodes, widened so the labels find room; the SVG centres them on the canvas.
        var columns: [Column] = []
        var columnX = Diagram.marginX
        for l in 0...depth {
            if l > 0 { columnX += Diagram.columnGap(labels: chosen.map { $0.layer == l ? 1 : $0.layer + 1 == l ? min(sizes[l], Diagram.maxFullLayer) : 0 } ?? 0,
                                                    between: min(sizes[l - 1], sizes[l], Diagram.maxFullLayer)) }
            columns.append(Column(
                layer: l, x: columnX,
                label: naming.fullName(l),
                detail: l == 0 ? "inputs" : network.layer(l).activation.rawValue,
                size: sizes[l]))
        }
        self.columns = columns

        func nodeRole(_ l: Int, _ i: Int) -> Role {
            guard let chosen else { return .plain }
            if (l == chosen.layer && i == chosen.j) || (l == chosen.layer - 1 && i == chosen.k) { return .chosen }
            if l == chosen.layer + 1 { return .sum }
            if l > chosen.layer + 1 { return .upstream }
            return .plain
        }

        // Each node's texts first: the circle is made large enough for the widest of them.
        let biased = network.hasBiases
        func valueText(_ l: Int, _ i: Int) -> String { renderer.number(trace.activations(ofLayer: l)[i]) }
        func biasText(_ l: Int, _ i: Int) -> String? { biased && l > 0 ? renderer.number(network.layer(l).bias(i)) : nil }
        var texts: [(value: String, bias: String?)] = []
        for l in 0...depth {
            for case .node(let i) in slotsPerLayer[l] { texts.append((valueText(l, i), biasText(l, i))) }
        }
        let radius = Diagram.radius(fitting: texts)
        self.radius = radius
        let rowGap = Diagram.rowGap(radius: radius)
        self.rowGap = rowGap

        var nodes: [Node] = []
        var more: [More] = []
        var visible: [[Int]] = []
        let top = Diagram.titleHeight + radius
        for l in 0...depth {
            let slots = slotsPerLayer[l]
            let offset = Double(maxSlots - slots.count) * rowGap / 2
            var shown: [Int] = []
            for (row, slot) in slots.enumerated() {
                let y = top + offset + Double(row) * rowGap
                switch slot {
                case .node(let i):
                    shown.append(i)
                    let z = l == 0 ? nil : renderer.number(trace.layer(l).z[i])
                    nodes.append(Node(
                        layer: l, index: i, name: Name(.a(layer: l, .number(i)), renderer),
                        valueText: valueText(l, i), biasText: biasText(l, i), zText: z,
                        x: columns[l].x, y: y, role: nodeRole(l, i)))
                case .more(let first, let last):
                    more.append(More(layer: l, first: first, last: last, x: columns[l].x, y: y))
                }
            }
            visible.append(shown)
        }
        self.nodes = nodes
        self.more = more

        func edgeRole(_ l: Int, _ j: Int, _ k: Int) -> Role {
            guard let chosen else { return .plain }
            if l == chosen.layer && j == chosen.j && k == chosen.k { return .chosen }
            if l == chosen.layer + 1 && k == chosen.j { return .sum }
            if l > chosen.layer + 1 { return .upstream }
            return .plain
        }

        var edges: [Edge] = []
        var maxAbs = 0.0
        for l in 1...depth {
            let weights = network.layer(l).weights
            for row in weights { for w in row { maxAbs = max(maxAbs, abs(w)) } }
            for j in visible[l] {
                for k in visible[l - 1] {
                    let w = weights[j][k]
                    edges.append(Edge(
                        layer: l, j: j, k: k, weight: w, weightText: renderer.number(w),
                        name: Name(.w(layer: l, .number(j), .number(k)), renderer),
                        role: edgeRole(l, j, k)))
                }
            }
        }
        self.edges = edges
        maxAbsWeight = maxAbs

        var targets: [Int: Target] = [:]
        for (j, y) in trace.target.enumerated() {
            targets[j] = Target(name: Name(.y(.number(j)), renderer), valueText: renderer.number(y))
        }
        self.targets = targets
    }

    // MARK: Slots

    enum Slot: Equatable {
        case node(Int)
        /// Left-out nodes `first … last`.
        case more(Int, Int)
    }

    /// All nodes of a small layer; of a large one the first few, the nodes in `keep`, and ellipsis
    /// slots for the runs in between.
    static func slots(size: Int, keep: Set<Int>, full: Int = maxFullLayer, shown first: Int = shownOfLargeLayer) -> [Slot] {
        guard size > full else { return (0..<size).map(Slot.node) }
        let shown = Set(0..<first).union(keep.filter { $0 >= 0 && $0 < size }).sorted()
        var slots: [Slot] = []
        var next = 0
        for i in shown {
            if i > next { slots.append(.more(next, i - 1)) }
            slots.append(.node(i))
            next = i + 1
        }
        if next < size { slots.append(.more(next, size - 1)) }
        return slots
    }

    // MARK: Lookups shared by the renderers

    /// The edge width for `|w|`: proportional to `|w| / max |w|`, clamped to `0.6 … 5`.
    func strokeWidth(_ weight: Double) -> Double {
        guard maxAbsWeight > 0 else { return 0.6 }
        return min(max(5 * abs(weight) / maxAbsWeight, 0.6), 5)
    }
}
