import NNExplain

/// `nnexplain gradients`: every gradient averaged over the samples, as tables per layer.
enum GradientsCommand {
    static let command = Command(
        name: "gradients",
        abstract: "Print every ∂C/∂w and ∂C/∂b, averaged over the samples, as tables per layer.",
        discussion: """
            C is the mean of the per-sample losses C_s, so every gradient is the mean of the
            per-sample gradients. In the tables, row j and column k hold ∂C/∂w_jk^l. With
            --batch, the gradients of a mini-batch's loss C_B instead, averaged over its samples.
            """,
        synopsis: [.networkSource, .optional(Options.batch), .optional(Presentation.format(Presentation.Format.allCases)),
                   .optional(Presentation.precision)],
        options: Options.networkSource + [Options.batch] + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: shape.parameters) }
        }
        let batch = try arguments.read(Options.batch, in: loaded.network.samples.count)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let part: Network
        do throws(BatchError) { part = try batch.map { b throws(BatchError) in try loaded.network.batch(b) } ?? loaded.network } catch {
            throw .runtime(error.message)
        }
        let gradients = try runtime { try part.gradients() }
        try runtime { try loaded.network.requireFinite(gradients: gradients, batch: batch) }
        let naming = LayerNaming(depth: loaded.network.depth)
        let json: any JSONRepresentable = if let batch { BatchGradients(gradients, batch: batch) } else { gradients }
        let output = presentation.render(Explanation.gradients(gradients, of: loaded.network, batch: batch), naming: naming, json: json)
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
