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
        synopsis: [.required(Options.layer), .required(Options.j), .required(Options.k), .networkSource, .alternatives([Options.sample, average]),
                   .optional(Presentation.format(Presentation.Format.allCases)), .optional(Presentation.precision)],
        options: Options.weight + Options.networkSource + [Options.sample, average] + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static let average = Flag(name: "--average", help: "Explain the gradient averaged over all samples, ∂C/∂w = (1/N) Σ_s ∂C_s/∂w.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let weight = try WeightIndices.read(arguments, network: network)
        let average = arguments.flag(Self.average)
        if average && arguments.isGiven(Options.sample) {
            throw arguments.usage("--sample and --average cannot be used together; give one of them")
        }
        try ResourceLimits.requireExplainable(NetworkShape(network), layer: weight.l, averaging: average, naming: weight.naming, arguments)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let s = average ? nil : try arguments.read(Options.sample, in: network.samples.count)
        let product = FiniteCheck.product(layer: weight.l, j: weight.j, k: weight.k)
        try requireFinite(network, samples: [s ?? Derivation.sampleInFull],
                          checks: [.chainRule(layer: weight.l, j: weight.j, k: weight.k), product])
        if average { try requireFinite(network, samples: Array(network.samples.indices), checks: [product]) }
        let derivation = average
            ? network.averagedDerivation(layer: weight.l, j: weight.j, k: weight.k)
            : network.derivation(layer: weight.l, j: weight.j, k: weight.k, sample: s ?? 0)
        try requireFinite(mean: derivation.explainedValue, of: .w(layer: weight.l, .number(weight.j), .number(weight.k)), in: network)
        let output = presentation.render(derivation.document, naming: weight.naming) {
            JSONRenderer(naming: weight.naming).render(derivation)
        }
        return CommandResult(output: output, warnings: loaded.warnings)
    }
}
