import NNExplain

/// `nnexplain step`: one weight's gradient, every chain-rule term with its numbers.
enum StepCommand {
    static let command = Command(
        name: "step",
        abstract: "Explain one weight's gradient ∂C/∂w_jk^l, every chain-rule term with its numbers.",
        discussion: """
            The weight w_jk^l sits on the edge from node k of layer l-1 to node j of layer l.
            The explanation writes the chain rule, works out each of its three terms with the
            numbers substituted, and for a hidden layer writes the sum over the layer above term
            by term, tracing every ∂C/∂a it needs back to the output layer.

            Examples (the article's two examples, on the built-in network):
              nnexplain step --layer L --j 1 --k 2
              nnexplain step --layer L-1 --j 2 --k 2
            """,
        synopsis: "--layer SPEC --j J --k K [--network FILE | --random SIZES] [--sample S | --average] [--format FORMAT] [--precision N]",
        options: Options.weight + Options.networkSource + [Options.sample, average] + Presentation.options(formats: Presentation.Format.allCases),
        action: run)

    static let average = Flag(name: "--average", help: "Explain the gradient averaged over all samples, ∂C/∂w = (1/N) Σ_s ∂C_s/∂w.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments)
        let network = loaded.network
        let weight = try WeightIndices.read(arguments, network: network)
        let average = arguments.flag(Self.average)
        if average && arguments.isGiven(Options.sample) {
            throw arguments.usage("--sample and --average cannot be used together; give one of them")
        }
        try ResourceLimits.requireExplainable(NetworkShape(network), layer: weight.l, averaging: average, naming: weight.naming, arguments)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let s = average ? nil : try arguments.read(Options.sample, in: network.samples.count)
        try requireFinite(network, samples: s.map { [$0] } ?? Array(network.samples.indices))
        let derivation = average
            ? network.averagedDerivation(layer: weight.l, j: weight.j, k: weight.k)
            : network.derivation(layer: weight.l, j: weight.j, k: weight.k, sample: s ?? 0)
        let output = presentation.render(derivation.document, naming: weight.naming) {
            JSONRenderer(naming: weight.naming).render(derivation)
        }
        return CommandResult(output: output, warnings: loaded.warnings)
    }
}
