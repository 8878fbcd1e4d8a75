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
        synopsis: [.networkSource, .weight, .optional(Options.sample), .optional(format, showing: .choices), .optional(output)],
        options: Options.networkSource + Options.weight + [Options.sample, format, output, precision],
        action: .parsed(run))

    enum Format: String, CaseIterable {
        case svg, dot
    }

    static let format = ValueOption<Void, Format>(
        name: "--format", placeholder: "FORMAT", help: .choices(),
        parser: .choice(of: Format.allCases) { text, name, names in
            "unknown format '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .value(.svg))

    static let output = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE", help: .summary("Write to FILE instead of standard output (safely)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    /// `--precision N` as the text commands read it, with the diagram's own default.
    static let precision = ValueOption<Void, Int>(
        name: "--precision", placeholder: "N", help: .summary("Significant digits of the numbers shown"),
        parser: Presentation.precision.parser, absent: .value(4))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let weight = try WeightIndices.readIfGiven(arguments, network: network)
        let s = try arguments.read(Options.sample, in: network.samples.count)
        try runtime { try network.requireFinite(samples: [s], checks: [.activations] + (weight.map { [.product(layer: $0.l, j: $0.j, k: $0.k)] } ?? [])) }
        let format = try arguments.read(Self.format)
        let precision = try arguments.read(Self.precision)
        let naming = weight?.naming ?? LayerNaming(depth: network.depth)
        let diagram = try runtime { try Diagram(network: network, trace: try network.trace(sample: s), naming: naming, precision: precision,
                              weight: weight.map { (layer: $0.l, j: $0.j, k: $0.k) }) }
        let text = format == .svg ? diagram.svg() : diagram.dot()
        if let output = try arguments.read(Self.output) {
            try AtomicFile.write(text, to: output, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
        }
        return CommandResult(output: text, warnings: loaded.warnings, heading: loaded.heading)
    }
}
