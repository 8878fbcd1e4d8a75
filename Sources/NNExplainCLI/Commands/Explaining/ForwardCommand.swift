import NNExplain

/// `nnexplain forward`: the forward pass, every weighted sum and activation, and the loss.
enum ForwardCommand {
    static let command = Command(
        name: "forward",
        abstract: "Show the forward pass: every z_j^l as its weighted sum, every a_j^l, and the loss.",
        discussion: """
            Each node adds up its weighted inputs, z_j^l = Σ_k w_jk^l · a_k^(l-1) (+ b_j^l), and
            applies its activation, a_j^l = g_l(z_j^l). The output layer's activations are then
            compared with the targets to give the loss C_s of the sample.
            """,
        synopsis: [.networkSource, .optional(Options.sample), .optional(Presentation.format(Presentation.Format.allCases)), .optional(Presentation.precision)],
        options: Options.networkSource + [Options.sample] + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        // Each node's sum writes a product of two numbers per weight into it, and z, a and its row.
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            let printed = NetworkShape.sum(NetworkShape.product(shape.weights, 3), NetworkShape.product(shape.nodes, 4))
            try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: printed) }
        }
        let s = try arguments.read(Options.sample, in: loaded.network.samples.count)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        try runtime { try loaded.network.requireFinite(samples: [s], checks: [.activations, .loss]) }
        let trace = try runtime { try loaded.network.trace(sample: s) }
        let naming = LayerNaming(depth: loaded.network.depth)
        let output = presentation.render(Explanation.forward(loaded.network, trace: trace), naming: naming, json: trace)
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
