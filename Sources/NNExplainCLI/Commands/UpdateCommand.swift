import NNExplain

/// `nnexplain update`: one step of gradient descent, explained for one weight or listed for all.
enum UpdateCommand {
    static let command = Command(
        name: "update",
        abstract: "Take one step of gradient descent: new weight = old weight − (learning rate × gradient).",
        discussion: """
            With --layer, --j and --k, explains that weight's update with every number; without
            them, prints every weight and bias old → new. --format json prints the updated
            network as a network file, so steps chain:
              nnexplain update --format json > next.json
              nnexplain update --network next.json --format json > after.json
            --in-place rewrites the network file itself (safely: on any failure it is untouched).
            """,
        synopsis: [.networkSource, .weight, .optional(Options.learningRate), .optional(Options.updateOrder), .optional(inPlace),
                   .optional(Presentation.format(Presentation.Format.allCases))],
        options: Options.networkSource + Options.weight + [Options.learningRate, Options.updateOrder, inPlace]
            + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static let inPlace = Flag(name: "--in-place", help: "Write the updated network back to the --network FILE.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments)
        let network = loaded.network
        let weight = try WeightIndices.readIfGiven(arguments, network: network)
        let η = try arguments.read(Options.learningRate)
        let order = try arguments.read(Options.updateOrder)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let target = arguments.flag(Self.inPlace) ? try inPlaceTarget(arguments) : nil
        let step = network.updateStep(learningRate: η, order: order)
        try requireFinite(network, gradients: step.gradients)
        if let weight, order == .simultaneous {
            try requireFinite(network, samples: Array(network.samples.indices), checks: [.product(layer: weight.l, j: weight.j, k: weight.k)])
        }
        let rate = "try a smaller --learning-rate (this run used \(step.learningRate.formatted))"
        if let bad = step.after.firstNonFiniteParameter() {
            throw .runtime("the step overflowed: \(parameterName(bad, in: network)) became \(nonFiniteWord(bad.value)); \(rate)")
        }
        if !step.lossAfter.isFinite {
            throw .runtime("the step overflowed: the loss after it, C, became \(nonFiniteWord(step.lossAfter)); \(rate)")
        }
        let naming = weight?.naming ?? LayerNaming(depth: network.depth)
        let document: Document
        if let weight {
            document = Explanation.update(step, layer: weight.l, j: weight.j, k: weight.k)
        } else {
            document = Explanation.update(step)
        }
        var output = presentation.render(document, naming: naming) { step.after.fileJSON }
        if let target {
            try AtomicFile.write(step.after.fileText(), to: target)
            if presentation.format == .json { output = "" }
        }
        return CommandResult(output: output, warnings: loaded.warnings)
    }

    /// The file `--in-place` rewrites: the `--network FILE`, which must be given.
    private static func inPlaceTarget(_ arguments: Arguments) throws(CLIError) -> String {
        guard let path = try arguments.read(Options.network) else {
            throw arguments.usage("--in-place rewrites the --network FILE, so it needs one; the built-in network cannot be changed")
        }
        return path
    }
}
