import NNExplain

/// `nnexplain walk`: the backward pass one chain-rule term at a time.
enum WalkCommand {
    static let command = Command(
        name: "walk",
        abstract: "Walk through the whole backward pass, one chain-rule term at a time.",
        discussion: """
            From the output layer down, every node's ∂C/∂a, its slope g'(z), and the gradients of
            the weights into it. On a terminal it waits for Enter between steps (q quits); when
            input is not a terminal it prints everything at once.
            """,
        synopsis: [.networkSource, .optional(Options.sample), .optional(Presentation.precision)],
        options: Options.networkSource + [Options.sample] + Presentation.options(formats: [.text]),
        action: .parsed(run))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let s = try arguments.read(Options.sample, in: loaded.network.samples.count)
        let presentation = try Presentation(arguments, environment: environment, formats: [.text])
        try requireFinite(loaded.network, samples: [s], checks: [.everything])
        let naming = LayerNaming(depth: loaded.network.depth)
        let pages = Explanation.walk(loaded.network, sample: s).enumerated().map { n, document in
            (n == 0 ? "" : "\n") + presentation.render(document, naming: naming) { .null }
        }
        return CommandResult(output: "", warnings: loaded.warnings, pages: pages)
    }
}
