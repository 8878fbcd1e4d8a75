/// About how many bytes the outputs that grow with the whole network take, from its shape alone, so
/// that a command refuses work too big before it builds any of it. The figures were measured on the
/// debug build's output at the default precision and err on the large side.
package enum OutputSize {
    /// `walk`'s text per chain-rule term it writes (a weight's gradient, a summand of a hidden
    /// node's ∂C/∂a): measured 80–120 bytes.
    package static let walkTermBytes = 130
    /// `walk`'s text per node besides its terms (three steps' headings and sentences): measured ~900.
    package static let walkNodeBytes = 1_000

    /// `walk`'s text for this shape: every weight's gradient and every summand of every hidden
    /// node's ∂C/∂a (`n_l · n_(l+1)` for each hidden layer `l`), and each node's own lines;
    /// `Int.max` when it overflows.
    package static func walkBytes(_ shape: NetworkShape) -> Int {
        let hiddenTerms = (1..<shape.depth).map { NetworkShape.product(shape.sizes[$0], shape.sizes[$0 + 1]) }
            .reduce(0, NetworkShape.sum)
        let terms = NetworkShape.sum(shape.weights, hiddenTerms)
        return NetworkShape.sum(NetworkShape.product(terms, walkTermBytes), NetworkShape.product(shape.nodes, walkNodeBytes))
    }

    /// A page's MathML per byte of the same derivation's text (``ExplanationSize``): measured 2–2.5.
    package static let pageMathMLFactor = 3
    /// A page's bytes per weight per sample (the weight's edge in the sample's diagram, its term in
    /// a node's forward computation): measured ~200.
    package static let pageEdgeBytes = 400
    /// A page's bytes per parameter besides its derivations (its rows in the gradients and update
    /// tables, its entry in the index): measured ~250.
    package static let pageParameterBytes = 600
    /// The page's style, script and headings: measured ~70 kB.
    package static let pageFixedBytes = 100_000

    /// The HTML a page builds for this shape when it explains `explained[l]` parameters of each layer
    /// `l` (weights and biases, layers as numbers): every one's derivation for every sample and the
    /// average (``ExplanationSize/bytes(_:layer:averaging:)`` each, in MathML), the diagram and the
    /// forward computations of every sample, and the tables of every parameter; `Int.max` when it
    /// overflows.
    package static func pageBytes(_ shape: NetworkShape, explained: [Int: Int]) -> Int {
        let derivations = NetworkShape.sum(shape.samples, 1)
        var total = [NetworkShape.product(NetworkShape.product(shape.weights, max(1, shape.samples)), pageEdgeBytes),
                     NetworkShape.product(shape.parameters, pageParameterBytes), pageFixedBytes].reduce(0, NetworkShape.sum)
        for (l, count) in explained where count > 0 && total < Int.max {
            let one = NetworkShape.product(ExplanationSize.bytes(shape, layer: l, averaging: false), pageMathMLFactor)
            total = NetworkShape.sum(total, [count, derivations, one].reduce(1, NetworkShape.product))
        }
        return total
    }

    /// The numbers `predict` prints: a row of every output for each listed sample, training and
    /// test (`listed`), and the confusion matrix of its classes, one per output (two for one).
    package static func predictionNumbers(outputs: Int, listed: Int) -> Int {
        let classes = outputs == 1 ? 2 : max(1, outputs)
        return NetworkShape.sum(NetworkShape.product(classes, classes), NetworkShape.product(max(0, listed), NetworkShape.sum(outputs, 3)))
    }
}
