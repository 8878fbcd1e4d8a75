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
        synopsis: "[--network FILE | --random SIZES] [--layer SPEC --j J --k K] [--learning-rate η] [--update-order ORDER] [--in-place] [--format FORMAT]",
        options: Command.networkSource + Command.weight + [Command.learningRate, Command.updateOrder,
                                       Command.Option(name: "--in-place", value: nil, help: "Write the updated network back to the --network FILE.")]
            + Presentation.options(formats: Presentation.Format.allCases),
        action: run)

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments)
        let network = loaded.network
        let weight = try weightIndices(arguments, network: network)
        let η = try learningRate(arguments)
        let order = try updateOrder(arguments)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let target = arguments.flag("--in-place") ? try inPlaceTarget(arguments) : nil
        try requireFinite(network)
        let step = network.updateStep(learningRate: η, order: order)
        if let bad = step.after.layers.flatMap({ $0.weights.flatMap { $0 } + ($0.biases ?? []) }).first(where: { !$0.isFinite }) {
            throw .runtime("the step overflowed: a new weight is \(bad); try a smaller --learning-rate")
        }
        let naming = weight?.naming ?? LayerNaming(depth: network.depth)
        let document: Document
        if let weight {
            let derivation = order == .simultaneous ? network.averagedDerivation(layer: weight.l, j: weight.j, k: weight.k) : nil
            document = Explanation.update(step, layer: weight.l, j: weight.j, k: weight.k, derivation: derivation)
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
}
