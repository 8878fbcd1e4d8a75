import NNExplain

/// `nnexplain walk`: the backward pass one chain-rule term at a time.
enum WalkCommand {
    static let command = Command(
        name: "walk",
        abstract: "Walk through the whole backward pass, one chain-rule term at a time.",
        discussion: """
            From the output layer down, every node's ∂C/∂a, its slope g'(z), and the gradients of
            the weights into it. On a terminal each step replaces the last: Enter, Space or → goes on,
            b or ← back, q quits; when input or output is not a terminal it prints everything.
            """,
        synopsis: [.networkSource, .optional(Options.sample), .optional(Presentation.precision)],
        options: Options.networkSource + [Options.sample] + Presentation.options(formats: [.text]),
        action: .parsed(run))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            try usage(arguments) { try ResourceLimits.requireWalkable(shape) }
        }
        let s = try arguments.read(Options.sample, in: loaded.network.samples.count)
        let presentation = try Presentation(arguments, environment: environment, formats: [.text])
        try runtime { try loaded.network.requireFinite(samples: [s], checks: [.everything]) }
        let naming = LayerNaming(depth: loaded.network.depth)
        let texts = try runtime { try Explanation.walk(loaded.network, sample: s) }.map { presentation.render($0, naming: naming) }
        // The introduction shares the first step's page, so the counter's N is the header's step count.
        let pages = ([texts.prefix(2).joined(separator: "\n")] + texts.dropFirst(2).map { "\n" + $0 })
        return CommandResult(output: "", warnings: loaded.warnings, pages: pages, heading: loaded.heading, headingFits: true)
    }
}
