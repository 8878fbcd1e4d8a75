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

            With --average the gradient is the mean over all samples; with --batch, the mean over
            a mini-batch B of them, ∂C_B/∂w = (1/|B|) Σ_(s∈B) ∂C_s/∂w, an estimate of the full one.

            Examples (the article's two examples, on the built-in network, then a mini-batch):
              nnexplain step --layer L --j 1 --k 2
              nnexplain step --layer L-1 --j 2 --k 2
              nnexplain step --layer L --j 0 --k 1 --random 2,3,2 --samples 6 --batch 0,3,5
            """,
        synopsis: [.required(Options.layer), .required(Options.j), .required(Options.k), .networkSource,
                   .alternatives([Options.sample, average, Options.batch]),
                   .optional(Presentation.format(Presentation.Format.allCases)), .optional(Presentation.precision)],
        options: Options.weight + Options.networkSource + [Options.sample, average, Options.batch]
            + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static let average = Flag(name: "--average", help: "Explain the gradient averaged over all samples, ∂C/∂w = (1/N) Σ_s ∂C_s/∂w.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let weight = try WeightIndices.read(arguments, network: network)
        let average = arguments.flag(Self.average)
        let given = [Options.sample.name, Self.average.name, Options.batch.name].filter { arguments.value($0) != nil || arguments.flag($0) }
        if let last = given.last, given.count > 1 {
            throw arguments.usage(given.dropLast().joined(separator: ", ") + " and \(last) cannot be used together; give one of them")
        }
        let batch = try arguments.read(Options.batch, in: network.samples.count)
        let shape = NetworkShape(network)
        try usage(arguments) {
            try ResourceLimits.requireExplainable(NetworkShape(sizes: shape.sizes, biases: shape.biases, samples: batch?.count ?? shape.samples),
                                                  layer: weight.l, averaging: average || batch != nil, naming: weight.naming)
        }
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let s = average || batch != nil ? nil : try arguments.read(Options.sample, in: network.samples.count)
        let product = FiniteCheck.product(layer: weight.l, j: weight.j, k: weight.k)
        try runtime {
            try network.requireFinite(samples: [s ?? batch?.first ?? Derivation.sampleInFull],
                                      checks: [.chainRule(layer: weight.l, j: weight.j, k: weight.k), product])
            if average || batch != nil { try network.requireFinite(samples: batch ?? Array(network.samples.indices), checks: [product]) }
        }
        let derivation = try runtime {
            try average || batch != nil
                ? network.averagedDerivation(layer: weight.l, j: weight.j, k: weight.k, batch: batch)
                : network.derivation(layer: weight.l, j: weight.j, k: weight.k, sample: s ?? 0)
        }
        try runtime { try network.requireFinite(mean: derivation.explainedValue, ofWeight: weight.l, j: weight.j, k: weight.k) }
        let output = presentation.render(derivation.document, naming: weight.naming, json: derivation)
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
