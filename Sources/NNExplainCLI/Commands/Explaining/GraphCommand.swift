import NNExplain

/// `nnexplain graph`: one sample's loss as a computational graph of scalar operations, walked backward
/// gate by gate.
enum GraphCommand {
    static let command = Command(
        name: "graph",
        abstract: "Explain backprop as a computational graph: every scalar operation with its local gradient.",
        discussion: """
            One sample's loss is expanded into scalar operations: the products w·a, the sums that
            make z (with the bias), the activations, and the loss's own gates. The graph is computed
            by its own small reverse-mode engine. The explanation gives every node's forward value,
            then walks backward from the loss, one node at a time: each node's gradient is the sum,
            over the gates that use it, of their gradient times their local gradient, and each
            gate's rule is named (add copies, multiply swaps, sigmoid multiplies by σ(1 − σ), relu
            routes). Where a value feeds several gates their gradients add up: for a hidden node,
            that is the sum over i that step writes.

            With --layer, --j and --k only the part of the graph on that weight's paths is walked,
            ending in the value step prints for it. A whole graph of more than
            \(ResourceLimits.grouped(ResourceLimits.explainedGraphNodes)) nodes is refused: explain one weight's part of it.
            --format svg and dot draw at most \(GraphPicture.maximumNodes) value boxes.

            With --vectorised and --layer, one layer as two matrix-valued nodes, z^l = W^l a^(l-1)
            + b^l and a^l = g_l(z^l), with their shapes: the same numbers gathered a layer at a
            time, as matrix writes them.

            Examples:
              nnexplain graph --layer L --j 1 --k 2
              nnexplain graph --vectorised --layer L-1
              nnexplain graph --random 2,2,1 --seed 3 --format json
            """,
        synopsis: [.networkSource, .weight, .optional(vectorised), .optional(Options.sample), .optional(format, showing: .choices), .optional(Presentation.precision), .optional(output)],
        options: Options.networkSource + Options.weight + [vectorised, Options.sample, format, output]
            + Presentation.options(formats: Presentation.Format.allCases).filter { $0.option.name != "--format" },
        action: .parsed(run))

    /// The formats: the explanation's five and the two pictures.
    enum Format: String, CaseIterable {
        case text, json, markdown, latex, beamer, svg, dot
    }

    static let format = ValueOption<Void, Format>(
        name: "--format", placeholder: "FORMAT", help: .choices(remark: "json has full precision; svg and dot draw the graph"),
        parser: .choice(of: Format.allCases, listed: .commas) { text, name, names in
            "unknown format '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .value(.text))

    static let vectorised = Flag(name: "--vectorised", help: "With --layer alone: that layer as two matrix-valued nodes, z = Wa + b and a = g(z), with their shapes.")

    static let output = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE", help: .summary("Write to FILE instead of standard output (safely)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        if arguments.flag(Self.vectorised) { return try runVectorised(arguments, environment, loaded) }
        let weight = try WeightIndices.readIfGiven(arguments, network: network)
        let s = try arguments.read(Options.sample, in: network.samples.count)
        let format = try arguments.read(Self.format)
        let picture = format == .svg || format == .dot
        try usage(arguments) { try ResourceLimits.requireGraph(NetworkShape(network), whole: weight == nil && !picture) }
        let naming = weight?.naming ?? LayerNaming(depth: network.depth)
        if picture {
            for option in [Presentation.ascii.name, Presentation.standalone.name] where arguments.flag(option) {
                throw arguments.usage("\(option) applies to \(option == Presentation.ascii.name ? "text" : "LaTeX") output only; drop it for --format \(format.rawValue)")
            }
            for option in [Presentation.color.name, Presentation.width.name, Presentation.aspect.name] where arguments.value(option) != nil {
                throw arguments.usage("\(option) applies to \(option == Presentation.aspect.name ? "beamer" : "text") output only; drop it for --format \(format.rawValue)")
            }
            let precision = try arguments.read(Presentation.precisionWithSlides) ?? GraphPicture.defaultPrecision
            let explanation = try runtime { try GraphExplanation.network(network, sample: s, weight: weight.map { (layer: $0.l, j: $0.j, k: $0.k) }) }
            let drawing = try usage(arguments) {
                try GraphPicture(graph: explanation.graph, shown: explanation.shown,
                                 lit: weight == nil ? [] : Set(explanation.walked), precision: precision, naming: naming)
            }
            let text = format == .svg ? drawing.svg(title: explanation.pictureTitle(naming: naming)) : drawing.dot()
            return try finish(text, arguments, environment, loaded, headingFits: false)
        }
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let explanation = try runtime {
            try GraphExplanation.network(network, sample: s, weight: weight.map { (layer: $0.l, j: $0.j, k: $0.k) })
        }
        let text = presentation.render(explanation.document, naming: naming, json: explanation)
        return try finish(text, arguments, environment, loaded, headingFits: presentation.fitsHeading)
    }

    /// `--vectorised --layer L`: the layer's two matrix nodes.
    static func runVectorised(_ arguments: Arguments, _ environment: Environment, _ loaded: LoadedNetwork) throws(CLIError) -> CommandResult {
        let network = loaded.network
        guard arguments.isGiven(Options.layer) else { throw arguments.usage("--vectorised shows one layer: add --layer, e.g. --layer L") }
        if arguments.isGiven(Options.j) || arguments.isGiven(Options.k) {
            throw arguments.usage("--vectorised shows a whole layer, not one weight: drop --j and --k")
        }
        let (l, relative) = try arguments.read(Options.layer, in: network.depth)
        let s = try arguments.read(Options.sample, in: network.samples.count)
        let format = try arguments.read(Self.format)
        if format == .svg || format == .dot { throw arguments.usage("--vectorised is written as text, json, markdown, latex or beamer; the pictures draw the scalar graph") }
        try usage(arguments) { try ResourceLimits.requireGraph(NetworkShape(network), whole: false) }
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let layer = try runtime { try VectorisedLayer(network, sample: s, layer: l) }
        let naming = LayerNaming(depth: network.depth, relative: relative)
        return try finish(presentation.render(layer.document, naming: naming, json: layer), arguments, environment, loaded,
                          headingFits: presentation.fitsHeading)
    }

    /// The text to standard output, or with `--output` to the file (safely).
    private static func finish(_ text: String, _ arguments: Arguments, _ environment: Environment, _ loaded: LoadedNetwork,
                               headingFits: Bool) throws(CLIError) -> CommandResult {
        if let output = try arguments.read(Self.output) {
            try AtomicFile.write(text, to: output, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
        }
        return CommandResult(output: text, warnings: loaded.warnings, heading: loaded.heading, headingFits: headingFits)
    }
}
