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
            A network whose picture would be taller than wide (iris, digits) is laid out for a
            16:9 screen: columns of at most 8 nodes, spread across; --portrait keeps it tall,
            --landscape asks for it on any network. --scale 1.5 draws it half as large again.
            """,
        synopsis: [.networkSource, .weight, .optional(Options.sample), .optional(format, showing: .choices), .optional(output),
                   .alternatives([landscape, portrait]), .optional(scale)],
        options: Options.networkSource + Options.weight + [Options.sample, format, output, precision, landscape, portrait, scale],
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

    static let landscape = Flag(name: "--landscape", help: "Lay the picture out for a 16:9 screen: columns of at most 8 nodes, spread across its width.")
    static let portrait = Flag(name: "--portrait", help: "Keep the picture as tall as its columns, even when it is taller than wide.")

    /// The picture's size as a multiple of its layout.
    static let scales = 0.25...8.0

    static let scale = ValueOption<Void, Double>(
        name: "--scale", placeholder: "S",
        help: .summary("Draw the SVG S times its size (its width and height), e.g. 1.5 for a projector", showsBounds: true),
        parser: .number(in: scales) { "give a factor from 0.25 to 8, e.g. 1.5" }, absent: .value(1))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let weight = try WeightIndices.readIfGiven(arguments, network: network)
        let s = try arguments.read(Options.sample, in: network.samples.count)
        try runtime { try network.requireFinite(samples: [s], checks: [.activations] + (weight.map { [.product(layer: $0.l, j: $0.j, k: $0.k)] } ?? [])) }
        let format = try arguments.read(Self.format)
        let precision = try arguments.read(Self.precision)
        let naming = weight?.naming ?? LayerNaming(depth: network.depth)
        let landscape = arguments.flag(Self.landscape), portrait = arguments.flag(Self.portrait)
        if landscape && portrait { throw arguments.usage("--landscape and --portrait cannot be used together; give one of them") }
        let scale = try arguments.read(Self.scale)
        if format == .dot, landscape || portrait || arguments.isGiven(Self.scale) {
            throw arguments.usage("--landscape, --portrait and --scale shape the SVG picture; Graphviz lays out DOT itself: drop them or use --format svg")
        }
        func draw(landscape: Bool) throws(CLIError) -> Diagram {
            try runtime { try Diagram(network: network, trace: try network.trace(sample: s), naming: naming, precision: precision,
                                      weight: weight.map { (layer: $0.l, j: $0.j, k: $0.k) }, landscape: landscape) }
        }
        var diagram = try draw(landscape: landscape)
        if format == .svg, !landscape, !portrait, diagram.isTallerThanWide { diagram = try draw(landscape: true) }
        let text = format == .svg ? diagram.svg(scale: scale) : diagram.dot()
        if let output = try arguments.read(Self.output) {
            try AtomicFile.write(text, to: output, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
        }
        return CommandResult(output: text, warnings: loaded.warnings, heading: loaded.heading)
    }
}
