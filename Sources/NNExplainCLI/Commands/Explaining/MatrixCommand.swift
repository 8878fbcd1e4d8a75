import NNExplain

/// `nnexplain matrix`: the backward pass with vectors and matrices, beside the index form.
enum MatrixCommand {
    static let command = Command(
        name: "matrix",
        abstract: "Write the backward pass with vectors and matrices: shapes, numbers and the numpy line.",
        discussion: """
            The same numbers as step and gradients, grouped: δ^l = ∂C/∂z^l is a vector, W^l a
            matrix whose row j, column k is w_jk^l. For each layer, output layer first:
              δ^L = ∇_a C ⊙ g_L'(z^L)                 (BP1)
              δ^l = ((W^(l+1))^T δ^(l+1)) ⊙ g_l'(z^l)   (BP2)
              ∂C/∂b^l = δ^l                           (BP3)
              ∂C/∂W^l = δ^l (a^(l-1))^T               (BP4)
            each with its numbers, its shapes checked in words and the numpy line. With --average,
            the batch form: the samples are the rows, ∂C/∂W^l = (1/N) (Δ^l)^T A^(l-1).

            Examples:
              nnexplain matrix --layer L
              nnexplain matrix --average
            """,
        synopsis: [.optional(layer), .networkSource, .alternatives([Options.sample, StepCommand.average]),
                   .optional(Presentation.format(Presentation.Format.allCases)), .optional(Presentation.precision)],
        options: [layer] + Options.networkSource + [Options.sample, average] + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    /// `--layer SPEC`, read as `step` reads it, but optional: without it, every layer.
    static let layer = ValueOption<Int, (Int, relative: Bool)?>(
        name: Options.layer.name, placeholder: Options.layer.placeholder,
        help: .summary("Only layer l: L (the output layer), L-1, L-2, … or a number 1…L"),
        parser: Options.layer.parser.optional, absent: .explained(nil, "every layer, output layer first"))

    static let average = Flag(name: "--average", help: "The batch form: every sample as a row, the gradients averaged, as numpy and PyTorch compute them.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let chosen = try arguments.read(layer, in: network.depth)
        let average = arguments.flag(Self.average)
        if average && arguments.isGiven(Options.sample) {
            throw arguments.usage("--sample and --average cannot be used together; give one of them")
        }
        let s = average ? nil : try arguments.read(Options.sample, in: network.samples.count)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        try runtime { try network.requireFinite(samples: s.map { [$0] } ?? Array(network.samples.indices), checks: [.everything]) }
        if average { try runtime { try network.requireFinite() } }
        let layers = chosen.map { [$0.0] }
        let form = try runtime { try s.map { try network.matrixForm(sample: $0, layers: layers) } ?? network.averagedMatrixForm(layers: layers) }
        let naming = LayerNaming(depth: network.depth, relative: chosen?.relative ?? true)
        let output = presentation.render(Explanation.matrix(form, of: network), naming: naming, json: form)
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
