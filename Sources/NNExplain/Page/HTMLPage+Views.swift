/// The views a page embeds, each one document rendered by ``MathMLRenderer`` into an `<article>`
/// that starts hidden: for every chosen weight and bias its derivation for each sample and for the
/// average, for every drawn node its forward computation for each sample.
extension HTMLPage {
    /// One view: the key and scope of its address, and its document's blocks.
    struct View {
        let key: String, scope: String
        let blocks: [HTMLFragment]

        /// The view's `<article>`, hidden, its blocks written through `shared`, with the link that opens it.
        func html(_ shared: SharedFragments) -> String {
            let address = "#" + key + (scope == "s-0" ? "" : "-" + scope)
            return "<article class=\"view\" id=\"v-\(key)-\(scope)\" hidden>\n" + shared.html(blocks)
                + "<p class=\"permalink\">Link to this view: <a href=\"\(address)\">\(address)</a></p>\n</article>"
        }
    }

    func views(traces: [Trace], gradients: Gradients, naming: LayerNaming, renderer: MathMLRenderer) -> [View] {
        var out: [View] = []
        func view(_ key: String, scope: String, _ document: Document) -> View {
            View(key: key, scope: scope, blocks: renderer.fragments(document))
        }
        for w in selection.weights {
            for t in traces {
                let document = network.derivation(layer: w.layer, j: w.j, k: w.k, trace: t).document
                out.append(view(w.key, scope: "s-\(t.sample)", document))
            }
            let average = network.averaged(layer: w.layer, j: w.j, k: w.k).document
            out.append(view(w.key, scope: "avg", average))
        }
        for b in selection.biases {
            for t in traces {
                out.append(view(b.key, scope: "s-\(t.sample)", HTMLPage.biasDocument(network, trace: t, layer: b.layer, j: b.j)))
            }
            let average = HTMLPage.averagedBiasDocument(traces, gradients: gradients, layer: b.layer, j: b.j)
            out.append(view(b.key, scope: "avg", average))
        }
        guard let first = traces.first else { return out }
        let drawn = Diagram(network: network, trace: first, naming: naming, precision: diagramPrecision, checkedWeight: nil).nodes
        for t in traces {
            let forward = HTMLPage.nodeBlocks(Explanation.forward(network, trace: t))
            for node in drawn {
                let heading: Document.Block = .title(["Forward computation of ", m(.a(layer: node.layer, .number(node.index))),
                                                      " for sample \(t.sample)"])
                let document = Document([heading] + forward[node.layer][node.index])
                out.append(view("n-\(node.layer)-\(node.index)", scope: "s-\(t.sample)", document))
            }
        }
        return out
    }

    /// The blocks of the forward document that compute each node, `[l][j]`: its section of layer l
    /// holds one equation per input node (`a_k^0 = x_k`) and two per other node (`z_j^l`, `a_j^l`).
    static func nodeBlocks(_ forward: Document) -> [[[Document.Block]]] {
        let sections: [[Document.Block]] = forward.blocks.compactMap { block in
            if case .section(_, let blocks) = block { return blocks } else { return nil }
        }
        return sections.enumerated().map { l, blocks in
            let perNode = l == 0 ? 1 : 2
            return stride(from: 0, to: blocks.count - perNode + 1, by: perNode).map { Array(blocks[$0..<($0 + perNode)]) }
        }
    }
}
