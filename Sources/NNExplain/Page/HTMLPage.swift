/// One self-contained HTML5 page that explains a network: its diagram as inline SVG with every edge
/// and node clickable and keyboard-reachable, and for every chosen weight and bias the derivation
/// `step` writes, for each sample and for the average, as MathML; the forward computation of every
/// drawn node; the gradients table; the update step. Nothing is loaded from anywhere (no `src` or
/// `href` outside the page) and the page computes no mathematics: every derivation is written here,
/// by the Swift renderers, and its small script only shows the one the address names.
///
/// Views are `<article class="view" id="v-KEY-SCOPE">`, KEY being `w-l-j-k`, `b-l-j` or `n-l-j`
/// (numeric layers) and SCOPE `s-S` or `avg`; the address `#KEY` opens sample 0, `#KEY-s-S` sample
/// S and `#KEY-avg` the average.
public struct HTMLPage: Sendable {
    public let network: Network
    public let title: String
    public let selection: PageSelection
    /// Significant digits of the derivations (as `step`) and of the diagram's labels.
    public let precision: Int
    public let diagramPrecision: Int

    /// The page of `network` explaining the weights and biases of `selection`.
    ///
    /// - Parameters:
    ///   - network: the network the page explains.
    ///   - title: the page's title.
    ///   - selection: the weights and biases explained (``PageSelection/all(_:)`` for every one;
    ///     check its size with ``PageSelection/requireFits(_:whole:)`` first).
    ///   - precision: significant digits of the derivations.
    ///   - diagramPrecision: significant digits of the diagram's labels.
    /// - Throws: ``NetworkError`` for a network that is not well formed, or a selected weight or
    ///   bias that is none of its.
    public init(network: Network, title: String, selection: PageSelection,
                precision: Int = TextRenderer.defaultPrecision, diagramPrecision: Int = 4) throws(NetworkError) {
        try network.requireWellFormed()
        for w in selection.weights { try network.requireWeight(layer: w.layer, j: w.j, k: w.k) }
        for b in selection.biases { try network.requireWeight(layer: b.layer, j: b.j, k: 0) }
        self.network = network
        self.title = title
        self.selection = selection
        self.precision = precision
        self.diagramPrecision = diagramPrecision
    }

    /// The page as UTF-8 text.
    public func html() -> String {
        let naming = LayerNaming(depth: network.depth)
        let renderer = MathMLRenderer(naming: naming, precision: precision)
        let traces = network.samples.indices.map { network.uncheckedTrace(sample: $0) }
        let gradients = network.uncheckedGradients()
        var out = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                   "<title>" + MathMLMath.escaped(title) + "</title>",
                   "<style>", HTMLPage.style, "</style>", "</head>", "<body>",
                   "<header><h1>" + MathMLMath.escaped(title) + "</h1>",
                   "<p>Click an edge of the network (or reach it with Tab and press Enter) to see how backpropagation "
                       + "computes that weight's gradient, every term with its numbers; click a node to see its forward "
                       + "computation. The address of the page follows what you choose, so it can be linked.</p></header>",
                   "<main>", "<div class=\"explorer\">", "<section class=\"picture\" aria-label=\"The network\">",
                   sampleSelector(count: traces.count)]
        for t in traces {
            let diagram = Diagram(network: network, trace: t, naming: naming, precision: diagramPrecision, checkedWeight: nil)
            out.append("<div class=\"diagram\" data-sample=\"\(t.sample)\"\(t.sample == 0 ? "" : " hidden")>")
            out.append(inlineSVG(diagram.svg(marks: marks(t, naming: naming))))
            out.append("</div>")
        }
        out.append("</section>")
        out.append("<section class=\"views\" aria-live=\"polite\">")
        out.append("<p class=\"placeholder\">No weight chosen yet: click an edge of the network, or one of the weights listed below it.</p>")
        let views = views(traces: traces, gradients: gradients, naming: naming, renderer: renderer)
        let shared = SharedFragments(views.map { $0.blocks })
        out += views.map { $0.html(shared) }
        out += ["</section>", "</div>"]
        out.append(index(naming: naming, renderer: renderer))
        out.append("<section class=\"summary\"><h2>Gradients</h2>")
        out.append(renderer.render(Explanation.gradients(gradients, of: network)))
        out += ["</section>", "<section class=\"summary\"><h2>The update step</h2>"]
        out.append(renderer.render(Explanation.update(network.uncheckedUpdateStep())))
        out += ["</section>", "</main>"]
        out.append(shared.templates)
        out += ["<script>", HTMLPage.script, "</script>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// The radio buttons that pick the sample, or the average over the samples.
    private func sampleSelector(count: Int) -> String {
        let choices = (0..<count).map { ("s-\($0)", "sample \($0)") } + [("avg", count == 1 ? "average (of the one sample)" : "average over the \(count) samples")]
        return "<fieldset class=\"samples\"><legend>Sample</legend>" + choices.enumerated().map { n, choice in
            "<label><input type=\"radio\" name=\"scope\" value=\"\(choice.0)\"\(n == 0 ? " checked" : "")> \(choice.1)</label>"
        }.joined(separator: " ") + "</fieldset>"
    }

    /// The SVG document as an element inside HTML: without its XML declaration.
    private func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") else { return svg }
        return String(svg[svg.index(after: end)...])
    }

    /// Every embedded parameter's edge (and every node) focusable, with its name, value and gradient
    /// in its label; edges of parameters left out stay plain.
    private func marks(_ t: Trace, naming: LayerNaming) -> SVGMarks {
        let text = TextRenderer(naming: naming, precision: diagramPrecision)
        let chosen = Set(selection.weights)
        let network = self.network
        return SVGMarks(
            edge: { l, j, k in
                let data = " data-key=\"w-\(l)-\(j)-\(k)\" data-layer=\"\(l)\" data-j=\"\(j)\" data-k=\"\(k)\""
                guard chosen.contains(PageSelection.Weight(layer: l, j: j, k: k)) else { return data }
                let label = text.text(.w(layer: l, .number(j), .number(k))) + ", weight " + text.number(network.layer(l).weights[j][k])
                    + ", gradient " + text.number(t.weightGradient(layer: l, j: j, k: k))
                return data + " tabindex=\"0\" role=\"button\" aria-label=\"\(MathMLMath.escaped(label))\""
            },
            node: { l, j in
                let label = text.text(.a(layer: l, .number(j))) + " = " + text.number(t.activations(ofLayer: l)[j]) + ", its forward computation"
                return " data-key=\"n-\(l)-\(j)\" data-layer=\"\(l)\" data-j=\"\(j)\" tabindex=\"0\" role=\"button\" aria-label=\"\(MathMLMath.escaped(label))\""
            })
    }

    /// Links to every embedded parameter, layer by layer: the way to the weights a large layer's
    /// picture leaves out, and a list to print.
    private func index(naming: LayerNaming, renderer: MathMLRenderer) -> String {
        var out = ["<nav class=\"index\" aria-label=\"Every explained parameter\"><h2>Every explained parameter</h2>"]
        for l in 1...network.depth {
            let weights = selection.weights.filter { $0.layer == l }, biases = selection.biases.filter { $0.layer == l }
            guard !weights.isEmpty || !biases.isEmpty else { continue }
            let links = weights.map { w in link(w.key, renderer.inline(.of(.w(layer: l, .number(w.j), .number(w.k))))) }
                + biases.map { b in link(b.key, renderer.inline(.of(.b(layer: l, .number(b.j))))) }
            out.append("<p><strong>Layer " + MathMLMath.escaped(naming.fullName(l)) + ":</strong> " + links.joined(separator: " ") + "</p>")
        }
        out.append("</nav>")
        return out.joined(separator: "\n")
    }

    private func link(_ key: String, _ label: String) -> String { "<a href=\"#\(key)\" data-key=\"\(key)\">" + label + "</a>" }
}
