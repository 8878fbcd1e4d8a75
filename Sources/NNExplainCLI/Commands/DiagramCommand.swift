import NNExplain

/// `nnexplain diagram`: the network as SVG or Graphviz DOT, with one weight's chain rule lit up.
enum DiagramCommand {
    static let command = Command(
        name: "diagram",
        abstract: "Draw the network as SVG or Graphviz DOT, optionally lighting up one weight's chain rule.",
        discussion: """
            Nodes are labelled with their activations for the sample, edges drawn by weight. With
            --layer, --j and --k the chosen edge w_jk^l is highlighted, with every edge whose term
            enters its sum over the layer above and the gradient's value in the caption.
            """,
        synopsis: "[--network FILE | --random SIZES] [--layer SPEC --j J --k K] [--sample S] [--format svg|dot] [--output FILE]",
        options: Command.networkSource + Command.weight + [
            Command.sample,
            Command.Option(name: "--format", value: "FORMAT", help: "svg (default) or dot."),
            Command.Option(name: "--output", value: "FILE", help: "Write to FILE instead of standard output (safely)."),
            Command.Option(name: "--precision", value: "N", help: "Significant digits of the numbers shown (default 4)."),
        ],
        action: run)

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments)
        let network = loaded.network
        let weight = try weightIndices(arguments, network: network)
        let s = try sample(arguments, network: network)
        try requireFinite(network, samples: [s])
        let format = arguments.value("--format") ?? "svg"
        guard format == "svg" || format == "dot" else {
            throw arguments.usage("unknown format '\(format)' for --format; use svg or dot")
        }
        let precision = arguments.value("--precision") == nil ? 4 : try NNExplainCLI.precision(arguments)
        let naming = weight?.naming ?? LayerNaming(depth: network.depth)
        let highlight = weight.map { w in
            let gradient = network.derivation(layer: w.l, j: w.j, k: w.k, sample: s)
            let symbol = TextRenderer(naming: naming).text(.partial(.loss(.sample(s)), .w(layer: w.l, .number(w.j), .number(w.k))))
            return (layer: w.l, j: w.j, k: w.k, caption: "\(symbol) = \(TextRenderer(naming: naming, precision: precision).number(gradient.value))")
        }
        let diagram = Diagram(network: network, trace: network.trace(sample: s), naming: naming, precision: precision, highlight: highlight)
        let text = format == "svg" ? diagram.svg() : diagram.dot()
        if let output = arguments.value("--output") {
            try AtomicFile.write(text, to: output)
            return CommandResult(output: "", warnings: loaded.warnings)
        }
        return CommandResult(output: text, warnings: loaded.warnings)
    }
}
